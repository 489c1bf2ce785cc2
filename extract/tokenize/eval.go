package tokenize

import (
	"fmt"
	"strconv"

	"github.com/factgraph/factgraph/extract"
	"github.com/factgraph/factgraph/extract/conllu"
	"github.com/factgraph/factgraph/extract/udeval"
)

// JoinsWord reports whether next continues the surface token of prev, that
// is whether the two are words of one UD multiword token (do + n't,
// John + 's, can + not). Words separated by punctuation (e-mail split at the
// hyphen) are separate tokens.
func JoinsWord(prev, next extract.Token) bool {
	if prev.End != next.Start || prev.SpaceAfter {
		return false
	}
	r0, _ := decodeLast(prev.Text)
	if classOf(r0) != clLetter {
		return false
	}
	r1, w := decode(next.Text)
	switch {
	case classOf(r1) == clLetter:
		return true
	case isApostrophe(r1):
		r2, _ := decode(next.Text[w:])
		return classOf(r2) == clLetter
	}
	return false
}

// ToCoNLLU converts sentences as Split returns them into CoNLL-U sentences
// with multiword-token lines where JoinsWord holds. Columns other than ID,
// FORM and MISC (SpaceAfter=No) are "_"; HEAD is filled from Token.Head when
// it is not -1.
func ToCoNLLU(sents []extract.Sentence) []*conllu.Sentence {
	out := make([]*conllu.Sentence, 0, len(sents))
	for _, s := range sents {
		cs := &conllu.Sentence{Comments: []string{"# text = " + s.Text}}
		toks := s.Tokens
		for i := 0; i < len(toks); {
			j := i + 1
			for j < len(toks) && JoinsWord(toks[j-1], toks[j]) {
				j++
			}
			spaceAfter := toks[j-1].SpaceAfter || j == len(toks)
			if j-i > 1 {
				cs.Lines = append(cs.Lines, conllu.Line{
					Kind: conllu.Range, ID: i + 1, Last: j,
					Form:  s.Text[toks[i].Start-s.Start : toks[j-1].End-s.Start],
					Lemma: "_", UPOS: "_", XPOS: "_", Feats: "_", Head: "_", DepRel: "_", Deps: "_",
					Misc: misc(spaceAfter),
				})
			}
			for k := i; k < j; k++ {
				t := toks[k]
				head := "_"
				if t.Head >= 0 {
					head = strconv.Itoa(t.Head)
				}
				m := "_"
				if j-i == 1 {
					m = misc(spaceAfter)
				}
				cs.Lines = append(cs.Lines, conllu.Line{
					Kind: conllu.Word, ID: k + 1,
					Form: t.Text, Lemma: orUnder(t.Lemma), UPOS: orUnder(t.UPOS), XPOS: orUnder(t.XPOS),
					Feats: "_", Head: head, DepRel: orUnder(t.DepRel), Deps: "_", Misc: m,
				})
			}
			i = j
		}
		out = append(out, cs)
	}
	return out
}

func misc(spaceAfter bool) string {
	if spaceAfter {
		return "_"
	}
	return "SpaceAfter=No"
}

func orUnder(s string) string {
	if s == "" {
		return "_"
	}
	return s
}

// Evaluate rebuilds the raw text of the CoNLL-U file at path (sentences of a
// paragraph joined by a space, paragraphs and documents by a blank line),
// segments it with t and scores the result against the file as the CoNLL
// 2018 shared task does (Tokens, Sentences and Words F1).
func Evaluate(t *Tokenizer, path string) (*udeval.Scores, error) {
	c := newCorpus()
	if err := c.addFile(path, nil); err != nil {
		return nil, err
	}
	sys := ToCoNLLU(t.Split(string(c.text)))
	sc, err := udeval.Evaluate(c.sentences, sys)
	if err != nil {
		return nil, fmt.Errorf("tokenize: scoring %s: %w", path, err)
	}
	return sc, nil
}
