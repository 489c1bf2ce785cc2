package ner

import (
	"bytes"
	"context"
	"strings"
	"testing"

	"github.com/factgraph/factgraph/extract/wordcluster"
)

// TestLowercased checks the lower-cased copy of a corpus: words in lower
// case, tags and documents kept, the original untouched.
func TestLowercased(t *testing.T) {
	text := "-DOCSTART- -X- O O\n\nAlice X X B-PER\nvisited X X O\nParis X X B-LOC\n"
	c, err := ReadCorpus(strings.NewReader(text), FormatCoNLL)
	if err != nil {
		t.Fatal(err)
	}
	l := c.Lowercased()
	if got := strings.Join(l.Sentences[0].Words, " "); got != "alice visited paris" {
		t.Errorf("words %q", got)
	}
	if got := strings.Join(l.Sentences[0].Gold, " "); got != "B-PER O B-LOC" {
		t.Errorf("tags %q", got)
	}
	if c.Sentences[0].Words[0] != "Alice" {
		t.Error("the original corpus changed")
	}
}

// TestCaseForms checks the case forms read from the clusters' vocabulary
// and that a model trained with the "case" feature set keeps it through
// writing and reading (and one without does not get it).
func TestCaseForms(t *testing.T) {
	cl := wordcluster.New(map[string]string{"Paris": "0010", "paris": "0011", "email": "10", "Email": "10", "NASA": "11", "Bob": "01"})
	f, err := caseFormsOf(cl)
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]uint8{"paris": caseLower | caseTitle, "email": caseLower | caseTitle, "nasa": caseUpper, "bob": caseTitle}
	for w, v := range want {
		if f[w] != v {
			t.Errorf("%s: forms %b, want %b", w, f[w], v)
		}
	}
	text := "-DOCSTART- -X- O O\n\nBob X X B-PER\nvisited X X O\nParis X X B-LOC\n.\n"
	c, err := ReadCorpus(strings.NewReader(text), FormatCoNLL)
	if err != nil {
		t.Fatal(err)
	}
	for _, feats := range [][]string{nil, {"case"}} {
		m, err := Train(context.Background(), cl, []TrainSet{{Name: "tiny", Corpus: c}}, TrainOptions{Epochs: 3, Features: feats})
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
		r, err := New(m2, cl)
		if err != nil {
			t.Fatal(err)
		}
		if has := r.res.caseForms != nil; has != (len(feats) > 0) {
			t.Errorf("features %v: recognizer has case forms %v", feats, has)
		}
	}
	if _, err := Train(context.Background(), cl, []TrainSet{{Name: "tiny", Corpus: c}}, TrainOptions{Epochs: 1, Features: []string{"nonsense"}}); err == nil {
		t.Error("unknown feature set: no error")
	}
}
