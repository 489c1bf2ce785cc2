package coref

import (
	"context"
	"fmt"
	"strings"

	"github.com/factgraph/factgraph/extract"
	"github.com/factgraph/factgraph/extract/ner"
	"github.com/factgraph/factgraph/extract/nlp"
	"github.com/factgraph/factgraph/extract/tokenize"
)

// maxSentence bounds the sentences handed to the parser when the
// segmenter finds no break in a long stretch (transcripts without
// punctuation).
const maxSentence = 120

// token is one token of a document with its annotation.
type token struct {
	text, lower  string
	upos, xpos   string
	lemma        string
	deprel       string
	head         int // document index of the syntactic head, -1 for a root
	sent         int
	ner          string // entity type of the recognized name covering it
	nerStart     int    // first token of that name, -1 when none
	nerEnd       int
	quoteDepth   int // number of open quotation marks before the token
	children     []int
	sentFirstTok bool
}

// docInfo is a document tagged, parsed and with its names recognized.
type docInfo struct {
	toks  []token
	sents [][2]int // [start, end) token ranges
}

// annotator is what preparing a document needs.
type annotator struct {
	tok *tokenize.Tokenizer
	nlp *nlp.Annotator
	rec *ner.Recognizer
}

func defaultAnnotator() (*annotator, error) {
	ann, err := nlp.Default()
	if err != nil {
		return nil, fmt.Errorf("load the tagger and parser: %w", err)
	}
	rec, err := ner.Default()
	if err != nil {
		return nil, fmt.Errorf("load the entity recognizer: %w", err)
	}
	return &annotator{tok: tokenize.Default(), nlp: ann, rec: rec}, nil
}

// segment returns the sentences of d as token ranges: the file's own breaks
// when it has them, else the trained segmenter's on the tokens joined by
// spaces, long stretches cut at maxSentence tokens.
func (an *annotator) segment(d *Document, text string, starts []int) [][2]int {
	n := len(d.Tokens)
	var cuts []int // token indices that start a sentence
	if len(d.SentenceStarts) > 1 {
		cuts = append(cuts, d.SentenceStarts...)
	} else {
		endAt := make(map[int]int, n)
		for i, s := range starts {
			endAt[s+len(d.Tokens[i])] = i
		}
		cuts = append(cuts, 0)
		for _, s := range an.tok.Split(text) {
			if i, ok := endAt[s.End]; ok && i+1 < n {
				cuts = append(cuts, i+1)
			}
		}
	}
	var out [][2]int
	for k, s := range cuts {
		e := n
		if k+1 < len(cuts) {
			e = cuts[k+1]
		}
		for e-s > maxSentence {
			out = append(out, [2]int{s, s + maxSentence})
			s += maxSentence
		}
		if e > s {
			out = append(out, [2]int{s, e})
		}
	}
	return out
}

// prepare segments, tags, parses and recognizes the names of d.
func (an *annotator) prepare(ctx context.Context, d *Document) (*docInfo, error) {
	var b strings.Builder
	starts := make([]int, len(d.Tokens))
	for i, t := range d.Tokens {
		if i > 0 {
			b.WriteByte(' ')
		}
		starts[i] = b.Len()
		b.WriteString(t)
	}
	text := b.String()
	sents := an.segment(d, text, starts)
	a := &extract.Analysis{Doc: &extract.Document{ID: d.Name, Text: text}}
	di := &docInfo{toks: make([]token, len(d.Tokens)), sents: sents}
	for si, s := range sents {
		es := extract.Sentence{Index: si, Start: starts[s[0]], End: starts[s[1]-1] + len(d.Tokens[s[1]-1])}
		es.Text = text[es.Start:es.End]
		for i := s[0]; i < s[1]; i++ {
			es.Tokens = append(es.Tokens, extract.Token{Text: d.Tokens[i], Start: starts[i], End: starts[i] + len(d.Tokens[i]), SpaceAfter: true, Head: -1})
		}
		if err := an.nlp.Annotate(ctx, &es); err != nil {
			return nil, fmt.Errorf("%s: annotate: %w", d.Name, err)
		}
		a.Sentences = append(a.Sentences, es)
	}
	if err := an.rec.Recognize(ctx, a); err != nil {
		return nil, fmt.Errorf("%s: recognize entities: %w", d.Name, err)
	}
	quotes := 0
	for si, s := range sents {
		es := a.Sentences[si]
		for k, t := range es.Tokens {
			i := s[0] + k
			head := -1
			if t.Head > 0 {
				head = s[0] + t.Head - 1
			}
			di.toks[i] = token{text: t.Text, lower: strings.ToLower(t.Text), upos: t.UPOS, xpos: t.XPOS, lemma: strings.ToLower(t.Lemma),
				deprel: t.DepRel, head: head, sent: si, nerStart: -1, nerEnd: -1, sentFirstTok: k == 0}
			if isQuote(t.Text) {
				if quotes > 0 && (t.Text == "\"" || t.Text == "”" || t.Text == "''") {
					quotes--
				} else {
					quotes++
				}
			}
			di.toks[i].quoteDepth = quotes
		}
	}
	for i := range di.toks {
		if h := di.toks[i].head; h >= 0 {
			di.toks[h].children = append(di.toks[h].children, i)
		}
	}
	tokAt := make(map[int]int, len(starts))
	tokEnd := make(map[int]int, len(starts))
	for i, s := range starts {
		tokAt[s] = i
		tokEnd[s+len(d.Tokens[i])] = i
	}
	for _, m := range a.Mentions {
		s, ok1 := tokAt[m.Start]
		e, ok2 := tokEnd[m.End]
		if !ok1 || !ok2 {
			continue
		}
		for k := s; k <= e; k++ {
			di.toks[k].ner, di.toks[k].nerStart, di.toks[k].nerEnd = m.Type, s, e
		}
	}
	return di, nil
}

func isQuote(t string) bool {
	switch t {
	case "\"", "“", "”", "``", "''":
		return true
	}
	return false
}
