package carb

import (
	"bytes"
	"math"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

const goldTSV = "Berg opened the new library on Monday .\topened\tBerg\tthe new library\ton Monday\n" +
	"Berg said the town needs books .\tsaid\tBerg\tthe town needs books\n" +
	"Berg said the town needs books .\tneeds\tthe town\tbooks\tC: context\n"

const predTSV = "Berg opened the new library on Monday .\t0.9\topened\tBerg\tthe new library\n" +
	"Berg opened the new library on Monday .\t0.5\tis\tBerg\tMonday\n" +
	// Other spacing and punctuation, the same sentence for CaRB:
	"Berg said the town needs books.\t0.8\tsaid\tthe town needs books\tBerg\n" +
	"Berg said the town needs books.\t0.5\tneeds\ttown\tmany books\n" +
	"An unrelated sentence .\t0.7\tis\tit\tunrelated\n"

func near(a, b float64) bool { return math.Abs(a-b) < 1e-9 }

// TestScoreByHand checks the score against values computed by hand with
// CaRB's definitions (see the comments for the arithmetic).
func TestScoreByHand(t *testing.T) {
	gold, err := ReadGold(strings.NewReader(goldTSV))
	if err != nil {
		t.Fatal(err)
	}
	if len(gold) != 3 || len(gold[2].Args) != 2 {
		t.Fatalf("gold = %+v; want 3 tuples, the context argument dropped", gold)
	}
	pred, err := ReadPredictions(strings.NewReader(predTSV))
	if err != nil {
		t.Fatal(err)
	}
	res := Score(gold, pred)
	// Thresholds 0.5, 0.7, 0.8, 0.9. Match scores (precision, recall):
	// opened/Berg/the new library vs the gold (…, on Monday): (5/5, 5/7);
	// the reversed "said" tuple matches reversed: (1, 1);
	// needs/town/many books vs needs/the town/books: (3/4, 3/4).
	// At 0.5: P = (1 + 1 + 3/4)/4 = 11/16, R = (5/7 + 1 + 3/4)/3 = 23/28.
	// At 0.7 and 0.8: P = 1, R = (5/7+1)/3 = 4/7. At 0.9: P = 1, R = 5/21.
	want := []Point{
		{0.5, 11.0 / 16, 23.0 / 28, 0},
		{0.7, 1, 4.0 / 7, 0},
		{0.8, 1, 4.0 / 7, 0},
		{0.9, 1, 5.0 / 21, 0},
	}
	if len(res.Curve) != len(want) {
		t.Fatalf("curve has %d points, want %d: %+v", len(res.Curve), len(want), res.Curve)
	}
	for i, w := range want {
		g := res.Curve[i]
		if !near(g.Threshold, w.Threshold) || !near(g.Precision, w.Precision) || !near(g.Recall, w.Recall) {
			t.Errorf("point %d = %+v, want %+v", i, g, w)
		}
	}
	// Best F1 = 2PR/(P+R) at 0.5 = 506/676.
	if !near(res.F1, 506.0/676) || res.Threshold != 0.5 {
		t.Errorf("F1 = %v at %v, want %v at 0.5", res.F1, res.Threshold, 506.0/676)
	}
	// Trapezoids from (23/28, 11/16) to (4/7, 1), (5/21, 1), (0, 1):
	// 27/128 + 1/3 + 5/21 = 701/896.
	if !near(res.AUC, 701.0/896) {
		t.Errorf("AUC = %v, want %v", res.AUC, 701.0/896)
	}
	if res.Gold != 3 || res.Predicted != 4 {
		t.Errorf("counted %d gold and %d predicted, want 3 and 4", res.Gold, res.Predicted)
	}
}

func TestMatchRules(t *testing.T) {
	ref := &Extraction{Relation: "is", Args: []string{"Berg", "a mayor"}}
	ex := &Extraction{Relation: "be", Args: []string{"Berg", "mayor"}}
	// "be" matches a form of be: precision (1+1+1)/3, recall 3/4.
	if got := match(ref, ex); !near(got[0], 1) || !near(got[1], 0.75) {
		t.Errorf("be match = %v, want [1 0.75]", got)
	}
	// A missing second argument is no match.
	if got := match(ref, &Extraction{Relation: "is", Args: []string{"Berg"}}); got != [2]float64{} {
		t.Errorf("one-argument match = %v, want zero", got)
	}
	// Nor is an empty one (CaRB strips the line it reads the tuple from).
	if got := match(ref, &Extraction{Relation: "is", Args: []string{"Berg", ""}}); got != [2]float64{} {
		t.Errorf("empty-second-argument match = %v, want zero", got)
	}
	// A one-argument gold tuple matches a one-argument extraction.
	one := &Extraction{Relation: "was disbanded", Args: []string{"the army", ""}}
	if got := match(one, &Extraction{Relation: "was disbanded", Args: []string{"the army"}}); !near(got[0], 1) || !near(got[1], 1) {
		t.Errorf("one-argument tuples = %v, want [1 1]", got)
	}
	// Matching is case-sensitive, as in CaRB.
	if got := match(ref, &Extraction{Relation: "Is", Args: []string{"Berg", "mayor"}}); got != [2]float64{} {
		t.Errorf("case-different relation = %v, want zero", got)
	}
}

func TestNoPredictions(t *testing.T) {
	gold, _ := ReadGold(strings.NewReader(goldTSV))
	if res := Score(gold, nil); res.F1 != 0 || res.AUC != 0 || res.Curve != nil {
		t.Errorf("empty prediction scored %+v", res)
	}
}

func TestRoundTrip(t *testing.T) {
	pred, _ := ReadPredictions(strings.NewReader(predTSV))
	var buf bytes.Buffer
	if err := WriteTSV(&buf, pred); err != nil {
		t.Fatal(err)
	}
	back, err := ReadPredictions(&buf)
	if err != nil {
		t.Fatal(err)
	}
	if len(back) != len(pred) || back[2].Args[1] != "Berg" || back[0].Confidence != 0.9 {
		t.Errorf("round trip changed the extractions: %+v", back)
	}
}

// TestGoldAgainstItself scores the shared CaRB dev gold against itself:
// every tuple matches itself perfectly.
func TestGoldAgainstItself(t *testing.T) {
	path := filepath.Join("..", "..", "..", "shared", "data", "carb", "gold-dev.tsv")
	f, err := os.Open(path)
	if err != nil {
		t.Skipf("%s is absent (%v): the CaRB dev gold is in ../shared/data", path, err)
	}
	defer f.Close()
	gold, err := ReadGold(f)
	if err != nil {
		t.Fatal(err)
	}
	if len(gold) < 2000 {
		t.Fatalf("read %d gold tuples", len(gold))
	}
	res := Score(gold, gold)
	if res.F1 < 0.99 || res.AUC < 0.99 {
		t.Errorf("gold against itself: F1 %.3f AUC %.3f", res.F1, res.AUC)
	}
}
