package nlp

import (
	"context"
	"fmt"
	"strconv"
	"strings"

	"github.com/factgraph/factgraph/extract/conllu"
	"github.com/factgraph/factgraph/extract/depparse"
	"github.com/factgraph/factgraph/extract/tokenize"
	"github.com/factgraph/factgraph/extract/udeval"
)

// ParseCoNLLU annotates copies of the sentences, keeping their
// segmentation (see AnnotateCoNLLU).
func (a *Annotator) ParseCoNLLU(ctx context.Context, gold []*conllu.Sentence) ([]*conllu.Sentence, error) {
	out := make([]*conllu.Sentence, len(gold))
	for i, s := range gold {
		c := &conllu.Sentence{Comments: s.Comments, Lines: append([]conllu.Line(nil), s.Lines...)}
		if err := a.AnnotateCoNLLU(ctx, c); err != nil {
			return nil, err
		}
		out[i] = c
	}
	return out, nil
}

// ParseText tokenizes and annotates raw text, returning CoNLL-U sentences.
func (a *Annotator) ParseText(ctx context.Context, tok *tokenize.Tokenizer, text string) ([]*conllu.Sentence, error) {
	ss := tok.Split(text)
	out := make([]*conllu.Sentence, 0, len(ss))
	for i := range ss {
		if err := a.Annotate(ctx, &ss[i]); err != nil {
			return nil, err
		}
		c := ToCoNLLU(&ss[i])
		c.Comments = append([]string{"# sent_id = " + strconv.Itoa(len(out)+1)}, c.Comments...)
		out = append(out, c)
	}
	return out, nil
}

// RawText rebuilds the raw text of a treebank: the sentence texts of a
// paragraph joined by spaces, paragraphs and documents separated by blank
// lines (the "# newpar" and "# newdoc" comments).
func RawText(ss []*conllu.Sentence) string {
	var b strings.Builder
	for i, s := range ss {
		if i > 0 {
			_, newdoc := s.Comment("newdoc id")
			_, newdoc2 := s.Comment("newdoc")
			_, newpar := s.Comment("newpar id")
			_, newpar2 := s.Comment("newpar")
			if newdoc || newdoc2 || newpar || newpar2 {
				b.WriteString("\n\n")
			} else {
				b.WriteByte(' ')
			}
		}
		b.WriteString(s.Text())
	}
	b.WriteByte('\n')
	return b.String()
}

// Evaluate scores the annotator on gold sentences. With raw true the text
// is rebuilt (RawText) and tokenized with tok first, and the Tokens,
// Sentences and Words measures become meaningful; otherwise the gold
// segmentation is kept.
func (a *Annotator) Evaluate(ctx context.Context, gold []*conllu.Sentence, raw bool, tok *tokenize.Tokenizer) (*udeval.Scores, error) {
	var sys []*conllu.Sentence
	var err error
	if raw {
		sys, err = a.ParseText(ctx, tok, RawText(gold))
	} else {
		sys, err = a.ParseCoNLLU(ctx, gold)
	}
	if err != nil {
		return nil, err
	}
	sc, err := udeval.Evaluate(gold, sys)
	if err != nil {
		return nil, fmt.Errorf("nlp: evaluate: %w", err)
	}
	return sc, nil
}

// EvaluateGoldTags scores lemmatization and parsing given the gold UPOS
// and XPOS (gold tokenization too): it shows how much of the parser's
// error comes from tagging errors.
func (a *Annotator) EvaluateGoldTags(ctx context.Context, gold []*conllu.Sentence) (*udeval.Scores, error) {
	sys := make([]*conllu.Sentence, len(gold))
	sc := &depparse.Scratch{}
	for i, s := range gold {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		c := &conllu.Sentence{Comments: s.Comments, Lines: append([]conllu.Line(nil), s.Lines...)}
		idx := c.Words()
		in := depparse.Sentence{}
		for _, k := range idx {
			l := &c.Lines[k]
			in.Words = append(in.Words, l.Form)
			in.UPOS = append(in.UPOS, l.UPOS)
			in.XPOS = append(in.XPOS, l.XPOS)
		}
		heads := make([]int, len(idx))
		rels := make([]string, len(idx))
		a.Parser.Parse(in, heads, rels, sc)
		for j, k := range idx {
			l := &c.Lines[k]
			l.Lemma = a.Lemmatizer.Lemma(l.Form, l.XPOS)
			l.Head, l.DepRel = strconv.Itoa(heads[j]), rels[j]
		}
		sys[i] = c
	}
	sc2, err := udeval.Evaluate(gold, sys)
	if err != nil {
		return nil, fmt.Errorf("nlp: evaluate: %w", err)
	}
	return sc2, nil
}
