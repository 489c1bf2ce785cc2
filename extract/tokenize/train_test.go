package tokenize

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// tinyTreebank writes a small CoNLL-U file of sentences written for this
// test: contractions, an abbreviation and sentence ends.
func tinyTreebank(t *testing.T) string {
	t.Helper()
	sents := [][]string{
		{"We", "do", "n't", "know", "."},
		{"Mr.", "Lee", "ca", "n't", "stay", "."},
		{"They", "did", "n't", "go", "to", "the", "U.S.", "today", "."},
		{"Ann", "'s", "dog", "barked", "!"},
		{"It", "was", "late", "."},
		{"Dr.", "Kay", "called", "at", "noon", "."},
	}
	var b strings.Builder
	for rep := 0; rep < 20; rep++ {
		for si, words := range sents {
			if si == 0 {
				fmt.Fprintf(&b, "# newdoc id = d%d\n", rep)
			}
			text := strings.Join(words, " ")
			for _, cl := range []string{" n't", " 's"} {
				text = strings.ReplaceAll(text, cl, cl[1:])
			}
			text = strings.ReplaceAll(text, " .", ".")
			text = strings.ReplaceAll(text, " !", "!")
			fmt.Fprintf(&b, "# text = %s\n", text)
			for i, w := range words {
				misc := "_"
				if i+1 < len(words) && (words[i+1] == "n't" || words[i+1] == "'s" || words[i+1] == "." || words[i+1] == "!") {
					misc = "SpaceAfter=No"
				}
				fmt.Fprintf(&b, "%d\t%s\t_\t_\t_\t_\t0\t_\t_\t%s\n", i+1, w, misc)
			}
			b.WriteString("\n")
		}
	}
	path := filepath.Join(t.TempDir(), "tiny.conllu")
	if err := os.WriteFile(path, []byte(b.String()), 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

func TestTrainTinyCorpus(t *testing.T) {
	path := tinyTreebank(t)
	cfg := Config{Train: []string{path}, Epochs: 5, Seed: 3, MinMWT: 2, MinFeature: 1}
	tk, err := Train(context.Background(), cfg)
	if err != nil {
		t.Fatal(err)
	}
	got := render(tk.Split("They didn't know. Mr. Lee's dog can't stay."))
	want := "They did n't know . | Mr. Lee 's dog ca n't stay ."
	if got != want {
		t.Errorf("tiny model: got %s, want %s", got, want)
	}
	// deterministic, and the serialized model gives the same tokenizer
	b1, err := tk.MarshalBinary()
	if err != nil {
		t.Fatal(err)
	}
	tk2, err := Train(context.Background(), cfg)
	if err != nil {
		t.Fatal(err)
	}
	b2, _ := tk2.MarshalBinary()
	if !bytes.Equal(b1, b2) {
		t.Fatal("two trainings with the same config differ")
	}
	tk3, err := New(b1)
	if err != nil {
		t.Fatal(err)
	}
	if got3 := render(tk3.Split("They didn't know. Mr. Lee's dog can't stay.")); got3 != got {
		t.Fatalf("decoded model: %s, trained: %s", got3, got)
	}
	// a cancelled context stops training
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, err := Train(ctx, cfg); err == nil {
		t.Fatal("Train with a cancelled context succeeded")
	}
}

func TestNewRejectsGarbage(t *testing.T) {
	for _, b := range [][]byte{nil, []byte("not a model"), embeddedModel[:len(embeddedModel)/2]} {
		if _, err := New(b); err == nil {
			t.Errorf("New(%d bytes of garbage) succeeded", len(b))
		}
	}
}
