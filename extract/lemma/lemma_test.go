package lemma

import (
	"bytes"
	"context"
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
		{"studies", "NNS", "study"}, {"parties", "NNS", "party"}, {"cats", "NNS", "cat"},
		{"dogs", "NNS", "dog"}, {"hats", "NNS", "hat"}, {"walked", "VBD", "walk"}, {"jumped", "VBD", "jump"},
		{"went", "VBD", "go"}, {"The", "DT", "the"}, {"Paris", "NNP", "Paris"},
		{"running", "VBG", "run"}, {"walking", "VBG", "walk"}, {"talking", "VBG", "talk"},
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
