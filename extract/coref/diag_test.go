package coref

import (
	"context"
	"fmt"
	"os"
	"sort"
	"testing"
)

// Diagnostics of the linking decisions on OntoGUM dev, run with
// COREF_DIAG set (COREF_DIAG=v also lists the wrong decisions);
// COREF_MODEL=path scores a model file instead of the shipped one:
//
//	COREF_DIAG=1 go test ./extract/coref -run 'TestDev(Decisions|Oracle)' -v

// diagSetup prepares the dev documents and the model to diagnose.
func diagSetup(t *testing.T) ([]*example, *Model) {
	t.Helper()
	if os.Getenv("COREF_DIAG") == "" {
		t.Skip("set COREF_DIAG to run the diagnostics")
	}
	docs := devDocs(t)
	an, err := defaultAnnotator()
	if err != nil {
		t.Fatal(err)
	}
	exs, err := an.examples(context.Background(), docs)
	if err != nil {
		t.Fatal(err)
	}
	m, err := DefaultModel()
	if p := os.Getenv("COREF_MODEL"); p != "" {
		f, ferr := os.Open(p)
		if ferr != nil {
			t.Fatal(ferr)
		}
		defer f.Close()
		m, err = ReadModel(f)
	}
	if err != nil {
		t.Fatal(err)
	}
	for _, ex := range exs {
		ex.detect(m.score) // the model's own noun-phrase ends
	}
	return exs, m
}

// goldAntecedent is the nearest candidate of mention j in its gold chain,
// -1 when none is (j starts an entity, or is no gold mention).
func goldAntecedent(ex *example, j int, cands []int) int {
	g := ex.gold[j]
	for _, i := range cands {
		if g >= 0 && ex.gold[i] == g {
			return i
		}
	}
	return -1
}

// TestDevDecisions counts the model's decisions on dev by the shape of
// the mention: right links and right new entities, false new (a gold
// antecedent was a candidate), wrong links, links of mentions that start
// an entity and links of mentions that are no gold mentions.
func TestDevDecisions(t *testing.T) {
	exs, m := diagSetup(t)
	counts := map[string]*[6]int{}
	cats := [6]string{"ok", "okNew", "falseNew", "wrongLink", "linkedFirst", "linkedNonMention"}
	for _, ex := range exs {
		rank(newDocContext(ex.di, ex.ms, m.cls), m.score, func(j int, cands []int, _ []feats, best int) int {
			ga := goldAntecedent(ex, j, cands)
			c := 0
			switch {
			case ga < 0 && best < 0:
				c = 1
			case ga < 0 && ex.gold[j] >= 0:
				c = 4
			case ga < 0:
				c = 5
			case best < 0:
				c = 2
			case ex.gold[best] != ex.gold[j]:
				c = 3
			}
			sh := ex.ms[j].shape()
			if counts[sh] == nil {
				counts[sh] = new([6]int)
			}
			counts[sh][c]++
			if c > 1 && os.Getenv("COREF_DIAG") == "v" {
				got, want := "new", "new"
				if best >= 0 {
					got = fmt.Sprint(ex.ms[best].words)
				}
				if ga >= 0 {
					want = fmt.Sprintf("%v (%d back)", ex.ms[ga].words, j-ga)
				}
				t.Logf("%s %s %s %v -> %s, gold %s", ex.doc.Name, cats[c], sh, ex.ms[j].words, got, want)
			}
			return best
		})
	}
	shapes := make([]string, 0, len(counts))
	for s := range counts {
		shapes = append(shapes, s)
	}
	sort.Strings(shapes)
	t.Logf("%-6s %v", "shape", cats)
	for _, s := range shapes {
		t.Logf("%-6s %v", s, *counts[s])
	}
}

// TestDevOracle scores dev with the decisions of one group of mention
// shapes replaced by the gold ones: how much each group could gain.
func TestDevOracle(t *testing.T) {
	exs, m := diagSetup(t)
	groups := []struct {
		name   string
		shapes []string
	}{
		{"none", nil},
		{"I/you/we", []string{"i", "you", "we"}},
		{"he/she/it/they", []string{"he", "she", "it", "they"}},
		{"demonstrative", []string{"this", "that", "these", "those", "dem"}},
		{"name", []string{"name"}},
		{"nominal", []string{"def", "indef", "poss", "bare"}},
	}
	for _, g := range groups {
		var s Scores
		for _, ex := range exs {
			ante := rank(newDocContext(ex.di, ex.ms, m.cls), m.score, func(j int, cands []int, _ []feats, best int) int {
				if containsWord(g.shapes, ex.ms[j].shape()) {
					return goldAntecedent(ex, j, cands)
				}
				return best
			})
			s.Add(ex.key, chains(ex.ms, ante))
		}
		t.Logf("oracle %-15s MUC %.2f B3 %.2f CEAF-e %.2f CoNLL %.2f", g.name, 100*s.MUC.F1(), 100*s.B3.F1(), 100*s.CEAFe.F1(), 100*s.CoNLL())
	}
}
