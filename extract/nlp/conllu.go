package nlp

import (
	"context"
	"strconv"
	"strings"

	"github.com/factgraph/factgraph/extract"
	"github.com/factgraph/factgraph/extract/conllu"
	"github.com/factgraph/factgraph/extract/tokenize"
)

// AnnotateCoNLLU replaces UPOS, XPOS, LEMMA, HEAD and DEPREL of the
// sentence's words with predictions, keeping IDs, forms, comments,
// multiword-token lines, empty nodes and MISC. FEATS and DEPS of the words
// are cleared to "_", since they would no longer agree with the tree.
func (a *Annotator) AnnotateCoNLLU(ctx context.Context, s *conllu.Sentence) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	idx := s.Words()
	if len(idx) == 0 {
		return nil
	}
	sc := a.scratch.Get().(*scratch)
	defer a.scratch.Put(sc)
	sc.words = sc.words[:0]
	for _, i := range idx {
		sc.words = append(sc.words, s.Lines[i].Form)
	}
	upos, xpos, lemmas, heads, rels := a.annotateWords(sc, sc.words)
	for k, i := range idx {
		l := &s.Lines[i]
		l.UPOS, l.XPOS, l.Lemma = upos[k], xpos[k], lemmas[k]
		l.Head, l.DepRel = strconv.Itoa(heads[k]), rels[k]
		l.Feats, l.Deps = "_", "_"
	}
	return nil
}

// ToCoNLLU converts an annotated sentence into CoNLL-U. Tokens written
// together without space that UD English keeps as one multiword token
// (a word and a clitic: "don't", "Bush's", "cannot", "gonna"; the
// tokenizer's JoinsWord) are grouped under a multiword-token line, as in
// the UD treebanks.
func ToCoNLLU(s *extract.Sentence) *conllu.Sentence {
	out := conllu.FromExtract(s)
	toks := s.Tokens
	var lines []conllu.Line
	for i := 0; i < len(toks); {
		j := i
		for j+1 < len(toks) && tokenize.JoinsWord(toks[j], toks[j+1]) {
			j++
		}
		if j > i {
			form := joinedForm(s, toks[i:j+1])
			mwt := conllu.Line{Kind: conllu.Range, ID: i + 1, Last: j + 1, Form: form,
				Lemma: "_", UPOS: "_", XPOS: "_", Feats: "_", Head: "_", DepRel: "_", Deps: "_", Misc: out.Lines[j].Misc}
			lines = append(lines, mwt)
			for k := i; k <= j; k++ {
				l := out.Lines[k]
				l.Misc = "_"
				lines = append(lines, l)
			}
		} else {
			lines = append(lines, out.Lines[i])
		}
		i = j + 1
	}
	out.Lines = lines
	return out
}

func joinedForm(s *extract.Sentence, toks []extract.Token) string {
	start, end := toks[0].Start-s.Start, toks[len(toks)-1].End-s.Start
	if start >= 0 && end <= len(s.Text) && start < end {
		return s.Text[start:end]
	}
	var b strings.Builder
	for _, t := range toks {
		b.WriteString(t.Text)
	}
	return b.String()
}
