package coref

import (
	"context"
	"os"
	"path/filepath"
	"testing"

	"github.com/factgraph/factgraph/extract/conllu"
)

func TestMentionDetectionDev(t *testing.T) {
	docs := devDocs(t)
	an, err := defaultAnnotator()
	if err != nil {
		t.Fatal(err)
	}
	model, err := DefaultModel()
	if err != nil {
		t.Fatal(err)
	}
	var gold, cand, hit, headHit int
	byKind := map[string][2]int{}
	for _, d := range docs {
		di, err := an.prepare(context.Background(), d)
		if err != nil {
			t.Fatal(err)
		}
		cs, _ := d.Clusters()
		g := map[Mention]bool{}
		for _, c := range cs {
			for _, m := range c {
				g[m] = true
			}
		}
		ms := detectMentions(di, model.score)
		cm := map[Mention]bool{}
		heads := map[int]bool{}
		for _, m := range ms {
			cm[m.Mention] = true
			heads[m.headTok] = true
			k := byKind[m.kind.String()]
			k[1]++
			if g[m.Mention] {
				k[0]++
			}
			byKind[m.kind.String()] = k
		}
		gold += len(g)
		cand += len(ms)
		for m := range g {
			if cm[m] {
				hit++
			} else {
				cover := false
				for h := m.Start; h <= m.End; h++ {
					if heads[h] {
						cover = true
					}
				}
				if cover {
					headHit++
				}
				if testing.Verbose() && os.Getenv("COREF_MD") == "v" {
					t.Logf("miss %q", join(d.Tokens[m.Start:m.End+1]))
				}
			}
		}
	}
	t.Logf("gold %d cand %d exact %d (R %.1f P %.1f) missed-but-overlapping-head %d", gold, cand, hit, 100*float64(hit)/float64(gold), 100*float64(hit)/float64(cand), headHit)
	t.Logf("by kind (gold, cand): %v", byKind)
	if r := float64(hit) / float64(gold); r < 0.8 {
		t.Errorf("mention recall %.3f, want >= 0.8", r)
	}
}

// devDocs reads the OntoGUM dev documents, skipping the test without the
// shared data.
func devDocs(t *testing.T) []*Document {
	t.Helper()
	dir := conllu.SharedDataDir()
	if _, err := os.Stat(filepath.Join(dir, OntoGUMDir)); err != nil {
		t.Skipf("no OntoGUM data (%v): ../shared/data/gum-coref is needed", err)
	}
	docs, err := ReadSplit(dir, "dev")
	if err != nil {
		t.Fatal(err)
	}
	return docs
}

// TestDevScore checks the shipped model's CoNLL score on OntoGUM dev.
func TestDevScore(t *testing.T) {
	docs := devDocs(t)
	r, err := NewResolver()
	if err != nil {
		t.Fatal(err)
	}
	var s Scores
	for _, d := range docs {
		key, err := d.Clusters()
		if err != nil {
			t.Fatal(err)
		}
		cs, err := r.Resolve(context.Background(), d)
		if err != nil {
			t.Fatal(err)
		}
		s.Add(key, cs)
	}
	t.Logf("OntoGUM dev: MUC %.2f B3 %.2f CEAF-e %.2f CoNLL %.2f", 100*s.MUC.F1(), 100*s.B3.F1(), 100*s.CEAFe.F1(), 100*s.CoNLL())
	if s.CoNLL() < minDevCoNLL {
		t.Errorf("CoNLL %.2f, want >= %.2f", 100*s.CoNLL(), 100*minDevCoNLL)
	}
}

// minDevCoNLL is the dev score the shipped model must keep.
const minDevCoNLL = 0.57

func join(ws []string) string {
	s := ""
	for i, w := range ws {
		if i > 0 {
			s += " "
		}
		s += w
	}
	return s
}
