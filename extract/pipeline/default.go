package pipeline

import (
	"fmt"

	"github.com/factgraph/factgraph/extract/furniture"
	"github.com/factgraph/factgraph/extract/ner"
	"github.com/factgraph/factgraph/extract/relation"
	"github.com/factgraph/factgraph/extract/resolve"
	"github.com/factgraph/factgraph/extract/tokenize"
)

// Default returns the pipeline factgraph ships: the trained tokenizer and
// segmenter, page-furniture marking, the trained entity recognizer, the baseline quote and clause
// extractor and the within-document resolver.
func Default() (*Pipeline, error) {
	rec, err := ner.Default()
	if err != nil {
		return nil, fmt.Errorf("load the entity recognizer: %w", err)
	}
	return &Pipeline{
		Tokenizer:  tokenize.Default(),
		Recognizer: rec,
		Extractor:  relation.Extractor{Parse: true},
		Resolver:   resolve.Resolver{},
		Furniture:  furniture.IsFurniture,
	}, nil
}
