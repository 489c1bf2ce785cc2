package tokenize

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// sharedDir returns ../shared beside the repository root (found by walking
// up to go.mod), skipping the test when it is absent.
func sharedDir(t testing.TB, sub string) string {
	t.Helper()
	dir, err := os.Getwd()
	if err != nil {
		t.Fatal(err)
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			break
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			t.Skip("no go.mod above the working directory")
		}
		dir = parent
	}
	d := filepath.Join(dir, "..", "shared", sub)
	if _, err := os.Stat(d); err != nil {
		t.Skipf("%s is absent: skipping the test that needs it", d)
	}
	return d
}

// sentenceWith returns the text of the sentence containing substr.
func sentenceWith(t *testing.T, text, substr string) (string, []string) {
	t.Helper()
	i := strings.Index(text, substr)
	if i < 0 {
		t.Fatalf("%q is not in the seed", substr)
	}
	for _, s := range Default().Split(text) {
		if s.Start <= i && i < s.End {
			var toks []string
			for _, tk := range s.Tokens {
				toks = append(toks, tk.Text)
			}
			return s.Text, toks
		}
	}
	t.Fatalf("no sentence contains %q", substr)
	return "", nil
}

func TestSeeds(t *testing.T) {
	dir := sharedDir(t, "seeds")
	files, _ := filepath.Glob(filepath.Join(dir, "*.txt"))
	if len(files) == 0 {
		t.Skip("no seed articles")
	}
	texts := map[string]string{}
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		texts[filepath.Base(f)[:3]] = string(b)
		checkInvariants(t, string(b), Default().Split(string(b)))
	}
	// Each check: seed, a substring, the start and end the sentence
	// holding it must have, and tokens it must contain.
	checks := []struct {
		seed, at, begins, ends string
		tokens                 []string
	}{
		{"000", "Putin reiterated", "Update from March 18, 2 p.m .:", "President Joe Biden.", []string{"p.m"}},
		{"000", "I wish him health", "I wish him health", "on Thursday.", []string{"”", "Putin"}},
		{"000", "Washington DC", "Washington DC –", "election.", nil},
		{"000", "First report from", "First report from", "11.50 a.m.:", nil},
		{"000", "Now, Kremlin boss", "Update from March 18, 1:30 p.m .:", "Joe Biden.", []string{"1:30"}},
		{"002", "Mar 19, 2021", "Mar 19, 2021", "Mar 19, 2021", nil},
		{"002", "reacts angrily", "Russia reacts", "for Putin", []string{"Biden", "'s", "'", "killer"}},
		{"002", "Moscow [Russia]", "Moscow [Russia], March 19 :", `"very bad."`, []string{"[", "]"}},
		{"002", "she added", "And he believes", "she added", nil},
		{"003", "Kremlin calls Biden", "Kremlin calls", "“very bad”", nil},
		{"003", "health, ”Putin said on Thursday", "I wish him health", "on Thursday.", []string{"”"}},
		{"004", "We understand each other", "Recalling his first call", "each other.”", nil},
		{"004", "The Kremlin on Wednesday", "The Kremlin on Wednesday", "in the report.", nil},
		{"004", "aided Donald Trump", "US intelligence report", "against Biden", nil},
		{"004", "The Kremlin rejected the claims made", "The Kremlin rejected", "in the report", nil},
		{"004", "the U.S. intelligence", "Previously, the U.S.", "presidential election.", []string{"U.S."}},
	}
	for _, c := range checks {
		text, ok := texts[c.seed]
		if !ok {
			t.Errorf("seed %s missing", c.seed)
			continue
		}
		s, toks := sentenceWith(t, text, c.at)
		if !strings.HasPrefix(s, c.begins) || !strings.HasSuffix(s, c.ends) {
			t.Errorf("seed %s: sentence with %q is %q; want it to begin %q and end %q", c.seed, c.at, s, c.begins, c.ends)
		}
		for _, want := range c.tokens {
			found := false
			for _, tk := range toks {
				found = found || tk == want
			}
			if !found {
				t.Errorf("seed %s: sentence %q lacks token %q: %q", c.seed, s, want, toks)
			}
		}
	}
}

func TestDevScores(t *testing.T) {
	dir := sharedDir(t, "data")
	files := DevFiles(dir)
	for i, min := range []float64{98.5, 99.0} {
		sc, err := Evaluate(Default(), files[i])
		if err != nil {
			t.Fatal(err)
		}
		t.Logf("%s: Tokens F1 %.2f, Sentences F1 %.2f, Words F1 %.2f", filepath.Base(files[i]),
			100*sc.Tokens.F1(), 100*sc.Sentences.F1(), 100*sc.Words.F1())
		if f := 100 * sc.Tokens.F1(); f < min {
			t.Errorf("%s: Tokens F1 %.2f < %.1f", files[i], f, min)
		}
		if f := 100 * sc.Sentences.F1(); f < 80 {
			t.Errorf("%s: Sentences F1 %.2f < 80", files[i], f)
		}
	}
}

// TestShippedModelReproduces retrains the model from the treebanks and
// compares it with the embedded one byte for byte.
func TestShippedModelReproduces(t *testing.T) {
	if testing.Short() {
		t.Skip("retraining takes a few seconds")
	}
	dir := sharedDir(t, "data")
	tk, err := Train(context.Background(), DefaultConfig(dir))
	if err != nil {
		t.Fatal(err)
	}
	b, err := tk.MarshalBinary()
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(b, embeddedModel) {
		t.Fatalf("retrained model (%d bytes) differs from the embedded one (%d bytes): run `factgraph train tokenizer`", len(b), len(embeddedModel))
	}
}
