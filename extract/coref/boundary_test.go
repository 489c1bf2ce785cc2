package coref

import (
	"context"
	"strings"
	"testing"
)

// TestBoundaryLearnsWhereSpansEnd trains the boundary perceptron on
// written documents whose gold mentions leave a noun's "with" phrase out
// ("The man" of "The man with the hat smiled") and checks that detection
// then ends a new document's noun phrase there, while detection without
// the weights keeps the phrase.
func TestBoundaryLearnsWhereSpansEnd(t *testing.T) {
	an, err := defaultAnnotator()
	if err != nil {
		t.Fatal(err)
	}
	prep := func(text string) *docInfo {
		di, err := an.prepare(context.Background(), &Document{Name: "t", Tokens: strings.Fields(text)})
		if err != nil {
			t.Fatal(err)
		}
		return di
	}
	var exs []*example
	for _, p := range [][2]string{{"man", "hat"}, {"girl", "kite"}, {"farmer", "tractor"}, {"teacher", "book"}, {"pilot", "map"}, {"doctor", "bag"}} {
		text := "The " + p[0] + " with the " + p[1] + " smiled . He laughed ."
		exs = append(exs, &example{di: prep(text), key: Clusters{{{0, 1}, {7, 7}}}})
	}
	bw := trainBoundary(exs, 5)
	score := func(f feats) float64 {
		s := 0.0
		for _, k := range f {
			s += float64(bw[k])
		}
		return s
	}
	di := prep("The woman with the dog waved . She left .")
	spans := func(sc scorer) map[Mention]bool {
		got := map[Mention]bool{}
		for _, m := range detectMentions(di, sc) {
			got[m.Mention] = true
		}
		return got
	}
	if got := spans(nil); !got[Mention{0, 4}] || got[Mention{0, 1}] {
		t.Fatalf("without boundary weights: %v, want [0 4] (the parse must hang the with-phrase on the noun)", got)
	}
	if got := spans(score); !got[Mention{0, 1}] || got[Mention{0, 4}] {
		t.Errorf("with boundary weights: %v, want [0 1] (The woman)", got)
	}
}
