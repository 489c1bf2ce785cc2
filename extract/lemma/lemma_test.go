package lemma

import (
	"bytes"
	"context"
	"strings"
	"testing"
)

func TestScript(t *testing.T) {
	for _, c := range []struct{ form, lemma string }{
		{"studies", "study"}, {"The", "the"}, {"went", "go"}, {"Paris", "Paris"}, {"n't", "not"}, {"", ""},
	} {
		if got := ScriptFor(c.form, c.lemma).Apply(c.form); got != c.lemma {
			t.Errorf("script for %q→%q gives %q", c.form, c.lemma, got)
		}
	}
}

func TestTrain(t *testing.T) {
	data := []Example{
		{Form: "studies", XPOS: "NNS", Lemma: "study"}, {Form: "parties", XPOS: "NNS", Lemma: "party"}, {Form: "cats", XPOS: "NNS", Lemma: "cat"},
		{Form: "dogs", XPOS: "NNS", Lemma: "dog"}, {Form: "hats", XPOS: "NNS", Lemma: "hat"}, {Form: "walked", XPOS: "VBD", Lemma: "walk"}, {Form: "jumped", XPOS: "VBD", Lemma: "jump"},
		{Form: "went", XPOS: "VBD", Lemma: "go"}, {Form: "The", XPOS: "DT", Lemma: "the"}, {Form: "Paris", XPOS: "NNP", Lemma: "Paris"},
		{Form: "running", XPOS: "VBG", Lemma: "run"}, {Form: "walking", XPOS: "VBG", Lemma: "walk"}, {Form: "talking", XPOS: "VBG", Lemma: "talk"},
	}
	l, err := Train(context.Background(), data)
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	if err := l.Save(&buf); err != nil {
		t.Fatal(err)
	}
	if l, err = Load(&buf); err != nil {
		t.Fatal(err)
	}
	for _, ex := range data {
		if got := l.Lemma(ex.Form, ex.XPOS); got != ex.Lemma {
			t.Errorf("Lemma(%q, %s) = %q, want %q", ex.Form, ex.XPOS, got, ex.Lemma)
		}
	}
	// unseen words follow the suffix rules
	for _, c := range []struct{ form, xpos, want string }{
		{"ladies", "NNS", "lady"}, {"birds", "NNS", "bird"}, {"kicked", "VBD", "kick"},
		{"Jumped", "VBD", "jump"}, {"London", "NNP", "London"}, {"went", "VBD", "go"},
	} {
		if got := l.Lemma(c.form, c.xpos); got != c.want {
			t.Errorf("Lemma(%q, %s) = %q, want %q", c.form, c.xpos, got, c.want)
		}
	}
}

// A suffix rule rewrites only the suffix it is keyed on: whole-word
// scripts learnt from capitalized adjectives must not garble an unseen one.
func TestSuffixRulesStayInTheirSuffix(t *testing.T) {
	data := []Example{
		{Form: "Taiwanese", XPOS: "JJ", Lemma: "Taiwanese"}, {Form: "Japanese", XPOS: "JJ", Lemma: "Japanese"},
		{Form: "Chinese", XPOS: "JJ", Lemma: "Chinese"}, {Form: "Vietnamese", XPOS: "JJ", Lemma: "Vietnamese"},
		{Form: "happier", XPOS: "JJR", Lemma: "happy"}, {Form: "easier", XPOS: "JJR", Lemma: "easy"},
	}
	l, err := Train(context.Background(), data)
	if err != nil {
		t.Fatal(err)
	}
	if got := l.Lemma("Portuguese", "JJ"); got != "portuguese" {
		t.Errorf("Lemma(Portuguese, JJ) = %q, want the lower-cased form", got)
	}
	if got := l.Lemma("tidier", "JJR"); got != "tidy" {
		t.Errorf("Lemma(tidier, JJR) = %q: suffix rules within their suffix must still apply", got)
	}
}

// TestAddLexicon: inflected forms the treebank never showed are
// lemmatized from a lexicon without tags, by the class their ending
// allows; forms the treebank showed keep its lemma, and forms the lexicon
// gives two lemmas are left to the suffix rules.
func TestAddLexicon(t *testing.T) {
	data := []Example{
		{Form: "entered", XPOS: "VBD", Lemma: "enter"}, {Form: "ordered", XPOS: "VBD", Lemma: "order"},
		{Form: "covered", XPOS: "VBD", Lemma: "cover"}, {Form: "offered", XPOS: "VBD", Lemma: "offer"},
		{Form: "leaves", XPOS: "VBZ", Lemma: "leave"}, {Form: "cars", XPOS: "NNS", Lemma: "car"},
		{Form: "homes", XPOS: "NNS", Lemma: "home"}, {Form: "meeting", XPOS: "NN", Lemma: "meeting"},
	}
	l, err := Train(context.Background(), data)
	if err != nil {
		t.Fatal(err)
	}
	if got := l.Lemma("interfered", "VBD"); got != "interfer" {
		t.Fatalf("before the lexicon interfered → %q; the test needs the suffix rule's interfer", got)
	}
	lex, err := ReadLexicon(strings.NewReader("\ufeffinterfere\tinterfered\r\nmeet\tmeeting\r\nleaf\tleaves\r\nleave\tleaves\r\nwolf\twolves\r\n1\tfirst\r\n"))
	if err != nil {
		t.Fatal(err)
	}
	if n := l.AddLexicon(lex); n == 0 {
		t.Fatal("nothing added")
	}
	for _, c := range []struct{ form, xpos, want string }{
		{"interfered", "VBD", "interfere"}, // from the lexicon
		{"interfered", "VBN", "interfere"},
		{"meeting", "NN", "meeting"}, // the treebank's noun
		{"wolves", "NNS", "wolf"},    // a noun plural from the lexicon
		{"leaves", "NNS", "leave"},   // ambiguous in the lexicon: the rules (and the treebank's VBZ) decide
		{"first", "JJ", "first"},     // no shared prefix: not taken
	} {
		if got := l.Lemma(c.form, c.xpos); got != c.want {
			t.Errorf("%s/%s → %q, want %q", c.form, c.xpos, got, c.want)
		}
	}
}
