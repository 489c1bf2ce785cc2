package ner

import (
	"bufio"
	"context"
	"fmt"
	"io"
	"strings"
	"time"

	"github.com/factgraph/factgraph/extract"
)

// Tagset names the tags written for column files.
type Tagset string

// The tag sets.
const (
	// TagsetCoNLL is CoNLL-2003: PER, ORG, LOC (GPE and LOC), MISC (NORP,
	// EVENT, WORK, MISC); values (DATE, …) are O.
	TagsetCoNLL Tagset = "conll"
	// TagsetUNER is Universal NER: PER, ORG, LOC; everything else is O.
	TagsetUNER Tagset = "uner"
	// TagsetFull is the recognizer's own types.
	TagsetFull Tagset = "full"
)

// MapType maps a recognizer type to the tag set ("" for O).
func MapType(typ string, ts Tagset) string {
	switch ts {
	case TagsetFull:
		return typ
	case TagsetCoNLL, TagsetUNER:
		switch typ {
		case "PERSON":
			return "PER"
		case "ORG":
			return "ORG"
		case "GPE", "LOC":
			return "LOC"
		case "NORP", "EVENT", "WORK", "MISC":
			if ts == TagsetCoNLL {
				return "MISC"
			}
		}
	}
	return ""
}

// MapTag maps a recognizer IOB2 tag to the tag set.
func MapTag(tag string, ts Tagset) string {
	p, typ := splitTag(tag)
	if p == 'O' {
		return "O"
	}
	m := MapType(typ, ts)
	if m == "" {
		return "O"
	}
	return string(p) + "-" + m
}

// ParseTagset checks a tag set name.
func ParseTagset(s string) (Tagset, error) {
	switch t := Tagset(s); t {
	case TagsetCoNLL, TagsetUNER, TagsetFull:
		return t, nil
	}
	return "", fmt.Errorf("ner: unknown tag set %q (want conll, uner or full)", s)
}

// TagCorpus runs the recognizer over a column file, document by document
// (tokens joined by spaces make the document text), and returns IOB2 tags
// in the tag set for every sentence.
func (r *Recognizer) TagCorpus(ctx context.Context, c *Corpus, ts Tagset) ([][]string, error) {
	out := make([][]string, len(c.Sentences))
	for _, idx := range c.Docs() {
		a := columnAnalysis(c, idx)
		spans, err := r.recognize(ctx, a)
		if err != nil {
			return nil, err
		}
		for k, si := range idx {
			tags := make([]string, len(a.Sentences[k].Tokens))
			for j := range tags {
				tags[j] = "O"
			}
			for _, sp := range spans[k] {
				typ := MapType(sp.Type, ts)
				// CoNLL-2003 has its own view of some spans (seats of
				// government are LOC, all of MISC is MISC); UNER follows
				// the types (its guidelines make the White House and
				// the Pentagon ORG, nationalities nothing).
				if sp.conll != "" && ts == TagsetCoNLL {
					typ = MapType(sp.conll, ts)
					if sp.conll == "LOC" {
						typ = "LOC"
					}
				}
				if typ == "" {
					continue
				}
				for j := sp.Start; j < sp.End; j++ {
					if j == sp.Start {
						tags[j] = "B-" + typ
					} else {
						tags[j] = "I-" + typ
					}
				}
			}
			out[si] = tags
		}
	}
	return out, nil
}

// columnAnalysis builds an analysis from sentences of a column file.
func columnAnalysis(c *Corpus, idx []int) *extract.Analysis {
	var b strings.Builder
	a := &extract.Analysis{Doc: &extract.Document{}}
	for k, si := range idx {
		s := c.Sentences[si]
		if k > 0 {
			b.WriteByte('\n')
		}
		sent := extract.Sentence{Index: k, Start: b.Len()}
		for j, w := range s.Words {
			if j > 0 {
				b.WriteByte(' ')
			}
			st := b.Len()
			b.WriteString(w)
			sent.Tokens = append(sent.Tokens, extract.Token{Text: w, Start: st, End: b.Len(), SpaceAfter: j < len(s.Words)-1, Head: -1})
		}
		sent.End = b.Len()
		a.Sentences = append(a.Sentences, sent)
	}
	a.Doc.Text = b.String()
	for i := range a.Sentences {
		s := &a.Sentences[i]
		s.Text = a.Doc.Text[s.Start:s.End]
	}
	a.Doc.Date = time.Time{}
	return a
}

// WriteTagged writes the corpus back with one more column: the tags.
func WriteTagged(w io.Writer, c *Corpus, tags [][]string) error {
	bw := bufio.NewWriter(w)
	sep := " "
	if c.Format == FormatIOB2 || c.Format == FormatCoNLLU {
		sep = "\t"
	}
	for si, s := range c.Sentences {
		for _, l := range s.Pre {
			bw.WriteString(l)
			bw.WriteByte('\n')
		}
		for j, l := range s.Lines {
			bw.WriteString(l)
			bw.WriteString(sep)
			bw.WriteString(tags[si][j])
			bw.WriteByte('\n')
		}
	}
	for _, l := range c.Post {
		bw.WriteString(l)
		bw.WriteByte('\n')
	}
	if err := bw.Flush(); err != nil {
		return fmt.Errorf("ner: write: %w", err)
	}
	return nil
}

// GoldTags returns the corpus's gold tags mapped to the tag set (CoNLL
// types are kept; other types map through MapType).
func GoldTags(c *Corpus, ts Tagset) [][]string {
	out := make([][]string, len(c.Sentences))
	for i, s := range c.Sentences {
		tags := make([]string, len(s.Words))
		for j := range tags {
			tags[j] = "O"
			if s.Gold != nil {
				p, typ := splitTag(s.Gold[j])
				if p != 'O' {
					if ts == TagsetUNER && typ == "MISC" {
						continue
					}
					tags[j] = string(p) + "-" + typ
				}
			}
		}
		out[i] = tags
	}
	return out
}

// PredictedColumn reads a tagged file's last column as the prediction and
// the gold column of the format (CoNLL: the one before the last, as
// conlleval reads it; IOB2: the third) as gold.
func PredictedColumn(r io.Reader, f Format) (gold, pred [][]string, err error) {
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 1<<20), 16<<20)
	var g, p []string
	flush := func() {
		if len(g) > 0 {
			gold = append(gold, ToIOB2(g))
			pred = append(pred, ToIOB2(p))
			g, p = nil, nil
		}
	}
	line := 0
	for sc.Scan() {
		line++
		t := strings.TrimSpace(sc.Text())
		if t == "" || strings.HasPrefix(t, "-DOCSTART-") || strings.HasPrefix(t, "#") {
			flush()
			continue
		}
		cols := strings.Fields(t)
		if len(cols) < 3 {
			return nil, nil, fmt.Errorf("ner: line %d: want token … gold predicted", line)
		}
		gi := len(cols) - 2
		if f == FormatIOB2 {
			gi = 2
		}
		g = append(g, cols[gi])
		p = append(p, cols[len(cols)-1])
	}
	flush()
	if err := sc.Err(); err != nil {
		return nil, nil, fmt.Errorf("ner: read: %w", err)
	}
	return gold, pred, nil
}
