package tokenize

import (
	"context"
	"os"
	"testing"

	"github.com/factgraph/factgraph/extract/conllu"
)

// TestRetrain retrains the shipped model into model.bin when
// FACTGRAPH_RETRAIN_TOKENIZER=1 (a development aid; the CLI's
// "train tokenizer" does the same).
func TestRetrain(t *testing.T) {
	if os.Getenv("FACTGRAPH_RETRAIN_TOKENIZER") != "1" {
		t.Skip("set FACTGRAPH_RETRAIN_TOKENIZER=1 to retrain the embedded model")
	}
	dir := conllu.SharedDataDir()
	if dir == "" {
		t.Skip("../shared/data is absent")
	}
	cfg := DefaultConfig(dir)
	cfg.Log = os.Stderr
	tk, err := Train(context.Background(), cfg)
	if err != nil {
		t.Fatal(err)
	}
	b, err := tk.MarshalBinary()
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile("model.bin", b, 0o644); err != nil {
		t.Fatal(err)
	}
	t.Logf("model: %d bytes", len(b))
	for _, f := range DevFiles(dir) {
		sc, err := Evaluate(tk, f)
		if err != nil {
			t.Fatal(err)
		}
		t.Logf("%s: Tokens F1 %.2f, Sentences F1 %.2f, Words F1 %.2f", f, 100*sc.Tokens.F1(), 100*sc.Sentences.F1(), 100*sc.Words.F1())
	}
}
