package pipeline

import (
	"fmt"

	"github.com/factgraph/factgraph/extract/furniture"
	"github.com/factgraph/factgraph/extract/ner"
	"github.com/factgraph/factgraph/extract/nlp"
	"github.com/factgraph/factgraph/extract/relation"
	"github.com/factgraph/factgraph/extract/resolve"
	"github.com/factgraph/factgraph/extract/tokenize"
)

// Default returns the pipeline factgraph ships: the trained tokenizer and
// segmenter, page-furniture marking, the trained tagger, lemmatizer and
// dependency parser, the trained entity recognizer, the dependency-based
// fact extractor and the entity resolver.
func Default() (*Pipeline, error) {
	ann, err := nlp.Default()
	if err != nil {
		return nil, fmt.Errorf("load the tagger and parser: %w", err)
	}
	rec, err := ner.Default()
	if err != nil {
		return nil, fmt.Errorf("load the entity recognizer: %w", err)
	}
	return &Pipeline{
		Tokenizer:      tokenize.Default(),
		Annotator:      ann,
		Recognizer:     rec,
		RepairMentions: resolve.RepairMentions,
		Extractor:      relation.Extractor{},
		Resolver:       resolve.Resolver{},
		Furniture:      furniture.IsFurniture,
	}, nil
}
