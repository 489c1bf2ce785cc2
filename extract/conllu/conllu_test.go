package conllu

import (
	"bytes"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

const sample = `# newdoc id = test-doc
# sent_id = test-1
# text = They don't sell boats, he said.
1	They	they	PRON	PRP	Case=Nom|Number=Plur	4	nsubj	4:nsubj	_
2-3	don't	_	_	_	_	_	_	_	_
2	do	do	AUX	VBP	Mood=Ind	4	aux	4:aux	_
3	n't	not	PART	RB	Polarity=Neg	4	advmod	4:advmod	_
4	sell	sell	VERB	VB	VerbForm=Inf	8	ccomp	8:ccomp	_
5	boats	boat	NOUN	NNS	Number=Plur	4	obj	4:obj	SpaceAfter=No
6	,	,	PUNCT	,	_	8	punct	8:punct	_
7	he	he	PRON	PRP	Case=Nom	8	nsubj	8:nsubj	_
8	said	say	VERB	VBD	Tense=Past	0	root	0:root	SpaceAfter=No
9	.	.	PUNCT	.	_	8	punct	8:punct	_

# sent_id = test-2
# text = Ann went home and Bob too.
1	Ann	Ann	PROPN	NNP	_	2	nsubj	2:nsubj|5.1:nsubj	_
2	went	go	VERB	VBD	_	0	root	0:root	_
3	home	home	ADV	RB	_	2	advmod	2:advmod	_
4	and	and	CCONJ	CC	_	5	cc	5:cc|5.1:cc	_
5	Bob	Bob	PROPN	NNP	_	2	conj	2:conj:and	_
5.1	went	go	VERB	VBD	_	_	_	2:conj:and	CopyOf=2
6	too	too	ADV	RB	_	5	advmod	5:advmod	SpaceAfter=No
7	.	.	PUNCT	.	_	2	punct	2:punct	_

`

func TestRoundTrip(t *testing.T) {
	ss, err := ReadAll(strings.NewReader(sample))
	if err != nil {
		t.Fatal(err)
	}
	if len(ss) != 2 {
		t.Fatalf("got %d sentences, want 2", len(ss))
	}
	if got := len(ss[0].Comments); got != 3 {
		t.Errorf("comments: got %d, want 3", got)
	}
	if l := ss[0].Lines[1]; l.Kind != Range || l.ID != 2 || l.Last != 3 || l.Form != "don't" {
		t.Errorf("range line parsed as %+v", l)
	}
	if l := ss[1].Lines[5]; l.Kind != Empty || l.ID != 5 || l.Sub != 1 || l.Deps != "2:conj:and" {
		t.Errorf("empty node parsed as %+v", l)
	}
	if got := len(ss[0].Words()); got != 9 {
		t.Errorf("words: got %d, want 9", got)
	}
	var buf bytes.Buffer
	if err := WriteAll(&buf, ss); err != nil {
		t.Fatal(err)
	}
	if buf.String() != sample {
		t.Errorf("round trip differs:\n%s", buf.String())
	}
}

func TestText(t *testing.T) {
	ss, err := ReadAll(strings.NewReader(sample))
	if err != nil {
		t.Fatal(err)
	}
	s := ss[0]
	s.Comments = nil // force rebuilding from forms
	if got, want := s.Text(), "They don't sell boats, he said."; got != want {
		t.Errorf("Text() = %q, want %q", got, want)
	}
}

func TestToExtract(t *testing.T) {
	ss, err := ReadAll(strings.NewReader(sample))
	if err != nil {
		t.Fatal(err)
	}
	e := ToExtract(ss[0])
	if len(e.Tokens) != 9 {
		t.Fatalf("got %d tokens", len(e.Tokens))
	}
	for _, tok := range e.Tokens {
		if e.Text[tok.Start:tok.End] != tok.Text {
			t.Errorf("token %q has span %q", tok.Text, e.Text[tok.Start:tok.End])
		}
	}
	if e.Tokens[4].SpaceAfter || !e.Tokens[3].SpaceAfter {
		t.Errorf("SpaceAfter wrong: %+v", e.Tokens[3:5])
	}
	if e.Tokens[0].Head != 4 || e.Tokens[7].DepRel != "root" {
		t.Errorf("syntax not carried: %+v", e.Tokens)
	}
	back := FromExtract(&e)
	if got, _ := back.Comment("text"); got != e.Text {
		t.Errorf("text comment %q", got)
	}
	if back.Lines[4].Misc != "SpaceAfter=No" || back.Lines[8].Misc != "_" {
		t.Errorf("misc: %q %q", back.Lines[4].Misc, back.Lines[8].Misc)
	}
}

func TestErrors(t *testing.T) {
	for _, in := range []string{
		"1\ta\tb\n",
		"x\ta\t_\t_\t_\t_\t_\t_\t_\t_\n",
		"3-1\ta\t_\t_\t_\t_\t_\t_\t_\t_\n",
		"1\ta\t_\t_\t_\t_\t_\t_\t_\t_\t_\n",
	} {
		if _, err := ReadAll(strings.NewReader(in)); err == nil {
			t.Errorf("no error for %q", in)
		}
	}
	ss, err := ReadAll(strings.NewReader("\n\n"))
	if err != nil || len(ss) != 0 {
		t.Errorf("blank input: %v %v", ss, err)
	}
	if _, err := NewReader(strings.NewReader("")).Next(); err != io.EOF {
		t.Errorf("empty input: %v", err)
	}
}

// TestRoundTripUD reads the UD training files and writes them back.
func TestRoundTripUD(t *testing.T) {
	dir := SharedDataDir()
	if dir == "" {
		t.Skip("../shared/data not found beside the repository root")
	}
	for _, f := range []string{"ud-ewt/en_ewt-ud-dev.conllu", "ud-gum/en_gum-ud-dev.conllu"} {
		raw, err := os.ReadFile(filepath.Join(dir, f))
		if err != nil {
			t.Fatal(err)
		}
		ss, err := ReadAll(bytes.NewReader(raw))
		if err != nil {
			t.Fatal(err)
		}
		var buf bytes.Buffer
		if err := WriteAll(&buf, ss); err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(buf.Bytes(), raw) {
			t.Errorf("%s: round trip differs", f)
		}
	}
}
