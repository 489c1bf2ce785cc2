package pipeline

import (
	"github.com/factgraph/factgraph/extract/baseline"
	"github.com/factgraph/factgraph/extract/furniture"
	"github.com/factgraph/factgraph/extract/resolve"
	"github.com/factgraph/factgraph/extract/tokenize"
)

// Default returns the pipeline factgraph ships: the trained tokenizer and
// segmenter, page-furniture marking, the baseline quote and clause
// extractor and the within-document resolver.
func Default() (*Pipeline, error) {
	return &Pipeline{
		Tokenizer: tokenize.Default(),
		Extractor: baseline.Extractor{},
		Resolver:  resolve.Resolver{},
		Furniture: furniture.IsFurniture,
	}, nil
}
