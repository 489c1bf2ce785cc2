package udeval

import (
	"math"
	"strings"
	"testing"

	"github.com/factgraph/factgraph/extract/conllu"
)

// The gold file has two sentences and splits "don't"; the system file
// has one sentence, keeps "don't" whole and makes one head error (Go), one
// label error (the full stop) and one lemma error (!).
const gold = `# text = I don't know.
1	I	I	PRON	_	_	4	nsubj	_	_
2-3	don't	_	_	_	_	_	_	_	_
2	do	do	AUX	_	_	4	aux	_	_
3	n't	not	PART	_	_	4	advmod	_	_
4	know	know	VERB	_	_	0	root	_	SpaceAfter=No
5	.	.	PUNCT	_	_	4	punct	_	_

# text = Go!
1	Go	_	VERB	_	_	0	root	_	SpaceAfter=No
2	!	!	PUNCT	_	_	1	punct	_	_

`

const system = `1	I	I	PRON	_	_	3	nsubj:pass	_	_
2	don't	do	AUX	_	_	3	aux	_	_
3	know	know	VERB	_	_	0	root	_	SpaceAfter=No
4	.	.	PUNCT	_	_	3	discourse	_	_
5	Go	went	VERB	_	_	3	parataxis	_	SpaceAfter=No
6	!	?	PUNCT	_	_	5	punct	_	_

`

func read(t *testing.T, s string) []*conllu.Sentence {
	t.Helper()
	ss, err := conllu.ReadAll(strings.NewReader(s))
	if err != nil {
		t.Fatal(err)
	}
	return ss
}

func TestHandComputed(t *testing.T) {
	sc, err := Evaluate(read(t, gold), read(t, system))
	if err != nil {
		t.Fatal(err)
	}
	// Worked out by hand: 6 gold and 6 system tokens, all with equal spans;
	// sentences [0,11) [11,14) against [0,14): none right; 7 gold words, 6
	// system words, 5 aligned (the multiword region do+n't / don't has no
	// common form).
	check := func(name string, s Score, gold, sys, correct int, f1 float64) {
		t.Helper()
		if s.Gold != gold || s.System != sys || s.Correct != correct {
			t.Errorf("%s: got %d/%d/%d, want %d/%d/%d", name, s.Gold, s.System, s.Correct, gold, sys, correct)
		}
		if math.Abs(s.F1()-f1) > 1e-9 {
			t.Errorf("%s: F1 %.6f, want %.6f", name, s.F1(), f1)
		}
	}
	check("Tokens", sc.Tokens, 6, 6, 6, 1)
	check("Sentences", sc.Sentences, 2, 1, 0, 0)
	check("Words", sc.Words, 7, 6, 5, 10.0/13)
	check("UPOS", sc.UPOS, 7, 6, 5, 10.0/13)
	check("XPOS", sc.XPOS, 7, 6, 5, 10.0/13)
	check("LEMMA", sc.Lemma, 7, 6, 4, 8.0/13)
	check("UAS", sc.UAS, 7, 6, 4, 8.0/13)
	check("LAS", sc.LAS, 7, 6, 3, 6.0/13)
	if sc.UAS.Aligned != 5 || math.Abs(sc.UAS.AlignedAccuracy()-0.8) > 1e-9 {
		t.Errorf("aligned accuracy: %d %.3f", sc.UAS.Aligned, sc.UAS.AlignedAccuracy())
	}
}

func TestIdentical(t *testing.T) {
	sc, err := Evaluate(read(t, gold), read(t, gold))
	if err != nil {
		t.Fatal(err)
	}
	for name, s := range map[string]Score{"Tokens": sc.Tokens, "Words": sc.Words, "UPOS": sc.UPOS, "LAS": sc.LAS, "Sentences": sc.Sentences} {
		if s.F1() != 1 {
			t.Errorf("%s F1 = %v, want 1", name, s.F1())
		}
	}
}

func TestMultiwordLCS(t *testing.T) {
	// The system splits "don't" into two words as well, differently cased.
	sys := strings.Replace(gold, "2\tdo\tdo", "2\tDO\tdo", 1)
	sc, err := Evaluate(read(t, gold), read(t, sys))
	if err != nil {
		t.Fatal(err)
	}
	if sc.Words.Correct != 7 || sc.UAS.Correct != 7 {
		t.Errorf("words %d, UAS %d; want 7 and 7", sc.Words.Correct, sc.UAS.Correct)
	}
}

func TestTextMismatch(t *testing.T) {
	other := strings.Replace(system, "know", "knew", 1)
	if _, err := Evaluate(read(t, gold), read(t, other)); err == nil {
		t.Error("no error for different texts")
	}
}
