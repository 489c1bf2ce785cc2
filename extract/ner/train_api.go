package ner

import (
	"context"
	"fmt"
	"io"

	"github.com/factgraph/factgraph/extract/gazetteer"
	"github.com/factgraph/factgraph/extract/wordcluster"
)

// Train trains the statistical model on the labelled sets, with the given
// word clusters and the embedded gazetteer as features.
func Train(ctx context.Context, clusters *wordcluster.Clusters, sets []TrainSet, opt TrainOptions) (*Model, error) {
	gaz, err := gazetteer.Default()
	if err != nil {
		return nil, err
	}
	res := &resources{clusters: clusters, gaz: gaz}
	for _, f := range opt.Features {
		switch f {
		case "case":
			if res.caseForms, err = caseFormsOf(clusters); err != nil {
				return nil, err
			}
		case "vote":
			// Decoding only: voteDoc after the last stage.
		default:
			return nil, fmt.Errorf("ner: train: unknown feature set %q (want case or vote)", f)
		}
	}
	m, err := trainModel(ctx, res, sets, opt)
	if err != nil {
		return nil, fmt.Errorf("ner: train: %w", err)
	}
	m.features = opt.Features
	return m, nil
}

// SetInfo records a note on how the model was trained in its header.
func (m *Model) SetInfo(key, value string) {
	if m.info == nil {
		m.info = map[string]string{}
	}
	m.info[key] = value
}

// Info returns the training notes stored with the model.
func (m *Model) Info() map[string]string { return m.info }

// Types returns the model's entity types.
func (m *Model) Types() []string { return m.types }

// Features returns the number of features kept in each stage.
func (m *Model) Features() []int {
	var out []int
	for _, s := range m.stages {
		out = append(out, len(s.w)/s.nl)
	}
	return out
}

// Write writes the model, gzipped, with 8-bit weights.
func (m *Model) Write(w io.Writer) error { return writeModel(w, m) }

// ReadModel reads a model written by Write.
func ReadModel(data []byte) (*Model, error) { return readModel(data) }
