package coref

import (
	"context"
	"fmt"
	"os"
	"testing"

	"github.com/factgraph/factgraph/extract/conllu"
)

// TestTrainDev trains on OntoGUM train and logs the dev score per epoch;
// it is slow (about a minute), so it runs only with COREF_TRAIN set
// (COREF_TRAIN=path also writes the model there). COREF_COSTS may give
// the costs (false anaphor, false new, wrong link), epochs, bags and seed,
// e.g. "1 6 2 3 3 10" for an average of three perceptrons from seed 10.
func TestTrainDev(t *testing.T) {
	out := os.Getenv("COREF_TRAIN")
	if out == "" {
		t.Skip("set COREF_TRAIN to train (slow)")
	}
	devDocs(t)
	opt := TrainOptions{DataDir: conllu.SharedDataDir(), Log: os.Stderr}
	fmt.Sscan(os.Getenv("COREF_COSTS"), &opt.FalseAnaphor, &opt.FalseNew, &opt.WrongLink, &opt.Epochs, &opt.Bags, &opt.Seed)
	m, err := Train(context.Background(), opt)
	if err != nil {
		t.Fatal(err)
	}
	if m.Len() == 0 {
		t.Fatal("empty model")
	}
	if out != "1" {
		f, err := os.Create(out)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := m.WriteTo(f); err != nil {
			t.Fatal(err)
		}
		if err := f.Close(); err != nil {
			t.Fatal(err)
		}
	}
}
