package relation

import (
	"context"
	"strings"
	"testing"

	"github.com/factgraph/factgraph/extract"
)

var (
	fuzzUPOS = []string{"NOUN", "PROPN", "VERB", "AUX", "ADP", "DET", "PRON", "ADJ", "ADV", "PART", "SCONJ", "CCONJ", "PUNCT", "NUM"}
	fuzzRels = []string{"nsubj", "nsubj:pass", "obj", "iobj", "obl", "obl:agent", "obl:tmod", "xcomp", "ccomp", "advcl",
		"acl", "acl:relcl", "conj", "cc", "case", "mark", "aux", "aux:pass", "cop", "advmod", "amod", "det", "compound",
		"compound:prt", "appos", "flat", "nmod", "nmod:poss", "punct", "root", "fixed", "expl", "csubj", "parataxis"}
	fuzzWords = []string{"Russia", "said", "not", "to", "the", "Putin", "was", "“", "”", ",", "he", "if", "?", "and", "back", "as", "who", "according", "I", "Wednesday"}
)

// randomAnalysis turns fuzz bytes into a one-sentence analysis with an
// arbitrary (possibly invalid) parse and arbitrary mentions.
func randomAnalysis(data []byte) *extract.Analysis {
	var b strings.Builder
	var toks []extract.Token
	n := len(data) / 4
	if n > 60 {
		n = 60
	}
	for i := 0; i < n; i++ {
		w := fuzzWords[int(data[4*i])%len(fuzzWords)]
		if b.Len() > 0 {
			b.WriteByte(' ')
		}
		start := b.Len()
		b.WriteString(w)
		head := int(data[4*i+1])%(n+2) - 1 // -1 … n
		toks = append(toks, extract.Token{
			Text: w, Start: start, End: b.Len(), SpaceAfter: true,
			UPOS: fuzzUPOS[int(data[4*i+2])%len(fuzzUPOS)], XPOS: []string{"VBN", "VBG", "VBD", "NN"}[int(data[4*i+3])%4],
			Lemma: strings.ToLower(w), Head: head, DepRel: fuzzRels[int(data[4*i+3])%len(fuzzRels)],
		})
	}
	text := b.String()
	a := &extract.Analysis{Doc: &extract.Document{ID: "fuzz", Text: text}, Sentences: []extract.Sentence{{Text: text, End: len(text), Tokens: toks}}}
	for i := 0; i+1 < n; i += 3 {
		if data[4*i]%3 == 0 {
			j := i + int(data[4*i+1])%2
			a.Mentions = append(a.Mentions, extract.Mention{Start: toks[i].Start, End: toks[j].End, Text: text[toks[i].Start:toks[j].End],
				Type: []string{"PERSON", "GPE", "ORG", "DATE"}[int(data[4*i+2])%4], Value: "2021-03-17"})
		}
	}
	return a
}

// FuzzExtract runs the extractor over random parses: it must not panic,
// loop or emit facts that point outside the document.
func FuzzExtract(f *testing.F) {
	f.Add([]byte("abcdefghijklmnopqrstuvwxyz0123456789"))
	f.Add([]byte{0, 1, 2, 0, 1, 0, 2, 29, 5, 1, 0, 1, 2, 2, 1, 3})
	f.Add([]byte{17, 3, 6, 18, 1, 0, 2, 29, 4, 2, 0, 4, 7, 2, 12, 0, 3, 2, 1, 9})
	f.Fuzz(func(t *testing.T, data []byte) {
		a := randomAnalysis(data)
		facts, err := Extractor{NoRoles: true}.Extract(context.Background(), a)
		if err != nil {
			t.Fatal(err)
		}
		for _, x := range facts {
			if x.Sentence != 0 {
				t.Fatalf("fact in sentence %d", x.Sentence)
			}
			if x.Confidence < 0 || x.Confidence > 1 {
				t.Fatalf("confidence %v", x.Confidence)
			}
			for _, arg := range []extract.Arg{x.Subject, x.Object} {
				if arg.Start < 0 || arg.End > len(a.Doc.Text) || arg.Start > arg.End {
					t.Fatalf("argument %+v outside the text", arg)
				}
			}
			if x.Predicate == "" || x.Relation == "" {
				t.Fatalf("fact without predicate or relation: %+v", x)
			}
		}
		for _, tu := range OpenIE(&a.Sentences[0]) {
			if len(tu.Args) < 2 || tu.Relation == "" {
				t.Fatalf("tuple %+v", tu)
			}
		}
	})
}
