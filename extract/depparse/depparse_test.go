package depparse

import (
	"bytes"
	"context"
	"strconv"
	"strings"
	"testing"
)

// toy is a small treebank written for the tests: word/UPOS/XPOS/head/rel.
const toy = `
The/DET/DT/2/det cat/NOUN/NN/3/nsubj sleeps/VERB/VBZ/0/root ./PUNCT/./3/punct
A/DET/DT/2/det dog/NOUN/NN/3/nsubj chased/VERB/VBD/0/root the/DET/DT/5/det cat/NOUN/NN/3/obj ./PUNCT/./3/punct
The/DET/DT/2/det letter/NOUN/NN/4/nsubj:pass was/AUX/VBD/4/aux:pass written/VERB/VBN/0/root by/ADP/IN/6/case Mary/PROPN/NNP/4/obl:agent ./PUNCT/./4/punct
Mary/PROPN/NNP/2/nsubj gave/VERB/VBD/0/root the/DET/DT/4/det dog/NOUN/NN/2/iobj a/DET/DT/6/det bone/NOUN/NN/2/obj yesterday/NOUN/NN/2/obl:tmod ./PUNCT/./2/punct
She/PRON/PRP/2/nsubj said/VERB/VBD/0/root that/SCONJ/IN/6/mark the/DET/DT/5/det cat/NOUN/NN/6/nsubj slept/VERB/VBD/2/ccomp ./PUNCT/./2/punct
Big/ADJ/JJ/2/amod dogs/NOUN/NNS/3/nsubj bark/VERB/VBP/0/root and/CCONJ/CC/6/cc small/ADJ/JJ/6/amod cats/NOUN/NNS/3/conj hiss/VERB/VBP/3/conj ./PUNCT/./3/punct
`

func toyExamples(t testing.TB) []Example {
	var out []Example
	for _, line := range strings.Split(strings.TrimSpace(toy), "\n") {
		var ex Example
		for _, tok := range strings.Fields(line) {
			f := strings.Split(tok, "/")
			h, err := strconv.Atoi(f[3])
			if err != nil {
				t.Fatal(err)
			}
			ex.Words = append(ex.Words, f[0])
			ex.UPOS = append(ex.UPOS, f[1])
			ex.XPOS = append(ex.XPOS, f[2])
			ex.Heads = append(ex.Heads, h)
			ex.DepRel = append(ex.DepRel, f[4])
		}
		out = append(out, ex)
	}
	return out
}

func TestTrainConverges(t *testing.T) {
	data := toyExamples(t)
	p, err := Train(context.Background(), data, Options{Epochs: 30, Seed: 7})
	if err != nil {
		t.Fatal(err)
	}
	// Save and load, then check the training sentences are parsed exactly.
	var buf bytes.Buffer
	if err := p.Save(&buf); err != nil {
		t.Fatal(err)
	}
	p, err = Load(&buf)
	if err != nil {
		t.Fatal(err)
	}
	for _, ex := range data {
		heads := make([]int, len(ex.Words))
		rels := make([]string, len(ex.Words))
		p.Parse(ex.Sentence, heads, rels, nil)
		for i := range heads {
			if heads[i] != ex.Heads[i] || rels[i] != ex.DepRel[i] {
				t.Errorf("%s: word %q got %d/%s, want %d/%s", strings.Join(ex.Words, " "), ex.Words[i], heads[i], rels[i], ex.Heads[i], ex.DepRel[i])
			}
		}
	}
}

func TestDeterministic(t *testing.T) {
	data := toyExamples(t)
	var a, b bytes.Buffer
	for _, buf := range []*bytes.Buffer{&a, &b} {
		p, err := Train(context.Background(), data, Options{Epochs: 5, Seed: 3})
		if err != nil {
			t.Fatal(err)
		}
		if err := p.Save(buf); err != nil {
			t.Fatal(err)
		}
	}
	if !bytes.Equal(a.Bytes(), b.Bytes()) {
		t.Error("two trainings with the same seed differ")
	}
}

func TestProjectivize(t *testing.T) {
	// 0-based heads, 4 = root. Arc 2→0 crosses arc 3→1 (1's head 3 is
	// outside [0,2] and 1 is not dominated by 2).
	heads := []int{2, 3, 4, 2}
	if n := projectivize(heads); n == 0 {
		t.Fatal("no lift for a non-projective tree")
	}
	for d, h := range heads {
		lo, hi := min(d, h), max(d, h)
		for k := lo + 1; k < hi; k++ {
			if h != len(heads) && !dominates(heads, h, k) {
				t.Errorf("arc %d→%d still non-projective: %v", h, d, heads)
			}
		}
	}
}

func TestOracleReachesGold(t *testing.T) {
	// Following zero-cost transitions rebuilds every projective gold tree.
	for _, ex := range toyExamples(t) {
		n := len(ex.Words)
		gold := make([]int, n)
		for i, h := range ex.Heads {
			if h == 0 {
				gold[i] = n
			} else {
				gold[i] = h - 1
			}
		}
		var s state
		s.reset(n)
		for !s.terminal() {
			moved := false
			for tr := 0; tr < nTrans; tr++ {
				if s.valid(tr) && s.cost(tr, gold) == 0 {
					s.apply(tr, 0)
					moved = true
					break
				}
			}
			if !moved {
				t.Fatalf("no zero-cost transition in %v", ex.Words)
			}
		}
		for i := range gold {
			if s.heads[i] != gold[i] {
				t.Errorf("%v: word %d head %d, want %d", ex.Words, i, s.heads[i], gold[i])
			}
		}
	}
}

func TestParseEdgeCases(t *testing.T) {
	p, err := Train(context.Background(), toyExamples(t), Options{Epochs: 2, Seed: 1})
	if err != nil {
		t.Fatal(err)
	}
	p.Parse(Sentence{}, nil, nil, nil)
	words := make([]string, 3000)
	for i := range words {
		words[i] = "x"
	}
	heads := make([]int, len(words))
	rels := make([]string, len(words))
	p.Parse(Sentence{Words: words, UPOS: words, XPOS: words}, heads, rels, nil)
	roots := 0
	for i, h := range heads {
		if h < 0 || h > len(words) || h == i+1 {
			t.Fatalf("bad head %d for word %d", h, i+1)
		}
		if h == 0 {
			roots++
		}
	}
	if roots != 1 {
		t.Errorf("%d roots, want 1", roots)
	}
}

func FuzzParse(f *testing.F) {
	p, err := Train(context.Background(), toyExamples(f), Options{Epochs: 3, Seed: 1})
	if err != nil {
		f.Fatal(err)
	}
	for _, s := range []string{"", "x", "The cat sleeps .", "\x00 \xff ] [ ((", strings.Repeat("a b ", 200)} {
		f.Add(s)
	}
	sc := &Scratch{}
	f.Fuzz(func(t *testing.T, text string) {
		words := strings.Fields(text)
		if len(words) > 1000 {
			words = words[:1000]
		}
		heads := make([]int, len(words))
		rels := make([]string, len(words))
		p.Parse(Sentence{Words: words, UPOS: words, XPOS: words}, heads, rels, sc)
		roots := 0
		for i, h := range heads {
			if h < 0 || h > len(words) || h == i+1 || rels[i] == "" {
				t.Fatalf("word %d: head %d rel %q", i+1, h, rels[i])
			}
			if h == 0 {
				roots++
			}
		}
		if len(words) > 0 && roots != 1 {
			t.Fatalf("%d roots", roots)
		}
	})
}

func TestAfterEpochSnapshots(t *testing.T) {
	data := toyExamples(t)
	var epochs []int
	var last *Parser
	p, err := Train(context.Background(), data, Options{Epochs: 4, Seed: 7, AfterEpoch: func(ep int, s *Parser) {
		epochs = append(epochs, ep)
		last = s
	}})
	if err != nil {
		t.Fatal(err)
	}
	if len(epochs) != 4 || epochs[0] != 1 || epochs[3] != 4 {
		t.Fatalf("AfterEpoch called for epochs %v, want 1..4", epochs)
	}
	// The last snapshot is the final model before pruning: same parses.
	for _, ex := range data {
		n := len(ex.Words)
		h1, h2 := make([]int, n), make([]int, n)
		r1, r2 := make([]string, n), make([]string, n)
		p.Parse(ex.Sentence, h1, r1, nil)
		last.Parse(ex.Sentence, h2, r2, nil)
		for i := range h1 {
			if h1[i] != h2[i] || r1[i] != r2[i] {
				t.Errorf("%v: snapshot parses word %d as %d/%s, final model %d/%s", ex.Words, i, h2[i], r2[i], h1[i], r1[i])
			}
		}
	}
}
