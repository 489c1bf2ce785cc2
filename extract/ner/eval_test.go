package ner

import (
	"bytes"
	"context"
	"math"
	"strings"
	"testing"

	"github.com/factgraph/factgraph/extract/wordcluster"
)

// TestEvaluateHandCounted checks conlleval's counting on a written example.
//
// Sentence 1 gold: [John Smith]PER visited [New York]LOC .
//
//	guess: [John]PER [Smith]PER visited [New York]LOC .
//
// Sentence 2 gold: [Acme Corp]ORG hired [Mary]PER in [Paris]LOC
//
//	guess: [Acme Corp]ORG hired [Mary]ORG in [Paris]LOC
//
// Gold chunks: 6 (PER 2, LOC 2, ORG 1… ) — counted by hand below.
func TestEvaluateHandCounted(t *testing.T) {
	gold := [][]string{
		strings.Fields("B-PER I-PER O B-LOC I-LOC O"),
		strings.Fields("B-ORG I-ORG O B-PER O B-LOC"),
	}
	guess := [][]string{
		strings.Fields("B-PER B-PER O B-LOC I-LOC O"),
		strings.Fields("B-ORG I-ORG O B-ORG O B-LOC"),
	}
	s, err := Evaluate(gold, guess)
	if err != nil {
		t.Fatal(err)
	}
	// Gold: PER {John Smith, Mary}, LOC {New York, Paris}, ORG {Acme Corp} = 5.
	// Guessed: PER {John, Smith}, LOC {New York, Paris}, ORG {Acme Corp, Mary} = 6.
	// Correct: New York, Paris, Acme Corp = 3.
	if s.Gold != 5 || s.Guessed != 6 || s.Correct != 3 {
		t.Fatalf("gold/guessed/correct = %d/%d/%d, want 5/6/3", s.Gold, s.Guessed, s.Correct)
	}
	o := s.Overall()
	near := func(a, b float64) bool { return math.Abs(a-b) < 0.005 }
	if !near(o.Precision(), 50) || !near(o.Recall(), 60) || !near(o.F1(), 100*2*0.5*0.6/1.1) {
		t.Errorf("P/R/F = %.2f/%.2f/%.2f, want 50.00/60.00/54.55", o.Precision(), o.Recall(), o.F1())
	}
	per := s.PerType["PER"]
	if per.Gold != 2 || per.Guessed != 2 || per.Correct != 0 || per.F1() != 0 {
		t.Errorf("PER = %+v, want 2 gold, 2 guessed, 0 correct", *per)
	}
	org := s.PerType["ORG"]
	if org.Gold != 1 || org.Guessed != 2 || org.Correct != 1 || !near(org.F1(), 100*2*0.5/1.5) {
		t.Errorf("ORG = %+v (F1 %.2f), want 1/2/1 (F1 66.67)", *org, org.F1())
	}
	// 12 tokens, tags differ at Smith (B vs I) and Mary (ORG vs PER).
	if s.Tokens != 12 || s.CorrectTags != 10 {
		t.Errorf("tokens %d correct %d, want 12 and 10", s.Tokens, s.CorrectTags)
	}
	var b bytes.Buffer
	if err := s.Write(&b); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(b.String(), "FB1:  54.55") {
		t.Errorf("report lacks the overall FB1:\n%s", b.String())
	}
}

// TestEvaluateIOB1 checks that IOB1 input (I- starts a chunk after O, B-
// only between adjacent chunks of a type) counts as conlleval counts it.
func TestEvaluateIOB1(t *testing.T) {
	gold := [][]string{strings.Fields("I-PER I-PER B-PER O I-LOC")}
	guess := [][]string{strings.Fields("B-PER I-PER B-PER O B-LOC")}
	s, err := Evaluate(gold, guess)
	if err != nil {
		t.Fatal(err)
	}
	if s.Gold != 3 || s.Guessed != 3 || s.Correct != 3 {
		t.Errorf("gold/guessed/correct = %d/%d/%d, want 3/3/3", s.Gold, s.Guessed, s.Correct)
	}
	if _, err := Evaluate(gold, [][]string{{"O"}}); err == nil {
		t.Error("length mismatch: no error")
	}
}

func TestColumnsRoundTrip(t *testing.T) {
	in := "-DOCSTART- -X- O O\n\nEU NNP I-NP I-ORG\nrejects VBZ I-VP O\nGerman JJ I-NP I-MISC\ncall NN I-NP O\n\nPeter NNP I-NP I-PER\nBlackburn NNP I-NP I-PER\n"
	c, err := ReadCorpus(strings.NewReader(in), FormatCoNLL)
	if err != nil {
		t.Fatal(err)
	}
	if len(c.Sentences) != 2 || c.Words() != 6 {
		t.Fatalf("%d sentences %d words, want 2 and 6", len(c.Sentences), c.Words())
	}
	if got := strings.Join(c.Sentences[1].Gold, " "); got != "B-PER I-PER" {
		t.Errorf("gold %q, want IOB2 B-PER I-PER", got)
	}
	tags := [][]string{{"B-ORG", "O", "B-MISC", "O"}, {"B-PER", "I-PER"}}
	var b bytes.Buffer
	if err := WriteTagged(&b, c, tags); err != nil {
		t.Fatal(err)
	}
	want := "-DOCSTART- -X- O O\n\nEU NNP I-NP I-ORG B-ORG\nrejects VBZ I-VP O O\nGerman JJ I-NP I-MISC B-MISC\ncall NN I-NP O O\n\nPeter NNP I-NP I-PER B-PER\nBlackburn NNP I-NP I-PER I-PER\n"
	if b.String() != want {
		t.Errorf("written:\n%s\nwant:\n%s", b.String(), want)
	}
	g, p, err := PredictedColumn(strings.NewReader(b.String()), FormatCoNLL)
	if err != nil {
		t.Fatal(err)
	}
	s, _ := Evaluate(g, p)
	if s.Overall().F1() != 100 {
		t.Errorf("self score F1 %.2f, want 100", s.Overall().F1())
	}
}

func TestUNERColumns(t *testing.T) {
	in := "# newdoc id = x\n# text = I live in tampa bay\n1\tI\tO\t-\t-\n2\tlive\tO\t-\t-\n3\tin\tO\t-\t-\n4\ttampa\tB-LOC\t-\ta\n5\tbay\tI-LOC\t-\ta\n"
	c, err := ReadCorpus(strings.NewReader(in), FormatIOB2)
	if err != nil {
		t.Fatal(err)
	}
	if len(c.Sentences) != 1 || len(c.Sentences[0].Pre) != 2 {
		t.Fatalf("got %+v", c.Sentences)
	}
	var b bytes.Buffer
	WriteTagged(&b, c, [][]string{{"O", "O", "O", "B-LOC", "O"}})
	g, p, err := PredictedColumn(strings.NewReader(b.String()), FormatIOB2)
	if err != nil {
		t.Fatal(err)
	}
	s, _ := Evaluate(g, p)
	if s.Gold != 1 || s.Guessed != 1 || s.Correct != 0 {
		t.Errorf("gold/guessed/correct %d/%d/%d, want 1/1/0", s.Gold, s.Guessed, s.Correct)
	}
}

func TestMapTag(t *testing.T) {
	for _, tt := range []struct{ in, conll, uner string }{
		{"B-PERSON", "B-PER", "B-PER"},
		{"I-GPE", "I-LOC", "I-LOC"},
		{"B-LOC", "B-LOC", "B-LOC"},
		{"B-NORP", "B-MISC", "O"},
		{"I-EVENT", "I-MISC", "O"},
		{"B-DATE", "O", "O"},
		{"O", "O", "O"},
	} {
		if got := MapTag(tt.in, TagsetCoNLL); got != tt.conll {
			t.Errorf("MapTag(%s, conll) = %s, want %s", tt.in, got, tt.conll)
		}
		if got := MapTag(tt.in, TagsetUNER); got != tt.uner {
			t.Errorf("MapTag(%s, uner) = %s, want %s", tt.in, got, tt.uner)
		}
	}
}

// tinyCorpus is a few written sentences and clusters for their names.
func tinyCorpus(t *testing.T) (*Corpus, *wordcluster.Clusters) {
	t.Helper()
	text := `-DOCSTART- -X- O O

Alice X X B-PER
Walker X X I-PER
visited X X O
Paris X X B-LOC
. X X O

Bob X X B-PER
joined X X O
Acme X X B-ORG
Corp X X I-ORG
in X X O
Berlin X X B-LOC
. X X O
`
	c, err := ReadCorpus(strings.NewReader(text), FormatCoNLL)
	if err != nil {
		t.Fatal(err)
	}
	return c, wordcluster.New(map[string]string{"Paris": "0010", "Berlin": "0011", "Alice": "10", "Bob": "11"})
}

// trainingF1 tags c with model m and returns its F1 against c's own tags.
func trainingF1(t *testing.T, m *Model, cl *wordcluster.Clusters, c *Corpus) (float64, [][]string) {
	t.Helper()
	r, err := New(m, cl)
	if err != nil {
		t.Fatal(err)
	}
	pred, err := r.TagCorpus(context.Background(), c, TagsetCoNLL)
	if err != nil {
		t.Fatal(err)
	}
	s, _ := Evaluate(GoldTags(c, TagsetCoNLL), pred)
	return s.Overall().F1(), pred
}

// TestTrainTiny trains on a few written sentences (no shared data) and
// checks that the model learns them and survives writing and reading.
func TestTrainTiny(t *testing.T) {
	c, cl := tinyCorpus(t)
	m, err := Train(context.Background(), cl, []TrainSet{{Name: "tiny", Corpus: c}}, TrainOptions{Epochs: 10, Stages: 2, Folds: 2})
	if err != nil {
		t.Fatal(err)
	}
	var b bytes.Buffer
	if err := m.Write(&b); err != nil {
		t.Fatal(err)
	}
	m2, err := ReadModel(b.Bytes())
	if err != nil {
		t.Fatal(err)
	}
	if len(m2.Features()) != 2 || m2.Features()[0] == 0 {
		t.Fatalf("read model has features %v", m2.Features())
	}
	if f1, pred := trainingF1(t, m2, cl, c); f1 < 99 {
		t.Errorf("training-set F1 %.2f, want 100; predicted %v", f1, pred)
	}
	if _, err := ReadModel([]byte("not a model")); err == nil {
		t.Error("ReadModel of garbage: no error")
	}
}

// TestTrainDropout checks that feature dropout still learns a tiny corpus
// and that training with it is deterministic (seeded).
func TestTrainDropout(t *testing.T) {
	c, cl := tinyCorpus(t)
	train := func() []byte {
		m, err := Train(context.Background(), cl, []TrainSet{{Name: "tiny", Corpus: c}},
			TrainOptions{Epochs: 20, Stages: 1, Dropout: 0.3, Seed: 3, Features: []string{"vote"}})
		if err != nil {
			t.Fatal(err)
		}
		var b bytes.Buffer
		if err := m.Write(&b); err != nil {
			t.Fatal(err)
		}
		return b.Bytes()
	}
	a, b := train(), train()
	if !bytes.Equal(a, b) {
		t.Error("two trainings with the same seed and dropout differ")
	}
	m, err := ReadModel(a)
	if err != nil {
		t.Fatal(err)
	}
	if f1, pred := trainingF1(t, m, cl, c); f1 < 99 {
		t.Errorf("training-set F1 %.2f with dropout, want 100; predicted %v", f1, pred)
	}
}
