package conllu

import (
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/factgraph/factgraph/extract"
)

// ToExtract converts a sentence into the shared data model. Tokens are the
// syntactic words (multiword-token ranges are split into their words, empty
// nodes are dropped). Start and End are byte offsets into the sentence text
// (Text()); the words of a multiword token share its span unless their forms
// spell it exactly. Head is -1 where the HEAD column is not a number.
func ToExtract(s *Sentence) extract.Sentence {
	text := s.Text()
	out := extract.Sentence{Start: 0, End: len(text), Text: text}
	pos := 0
	// find locates form at or after pos, skipping white space only.
	find := func(form string) (int, int) {
		p := pos
		for p < len(text) {
			r, n := utf8.DecodeRuneInString(text[p:])
			if r != ' ' && r != '\t' && r != '\n' && r != '\r' && r != '\u00a0' {
				break
			}
			p += n
		}
		if strings.HasPrefix(text[p:], form) {
			return p, p + len(form)
		}
		return pos, pos
	}
	for i := 0; i < len(s.Lines); i++ {
		l := &s.Lines[i]
		switch l.Kind {
		case Empty:
			continue
		case Range:
			start, end := find(l.Form)
			pos = end
			// collect the words of the range
			var words []*Line
			for j := i + 1; j < len(s.Lines) && len(words) < l.Last-l.ID+1; j++ {
				if s.Lines[j].Kind == Word {
					words = append(words, &s.Lines[j])
				}
				i = j
			}
			joined := ""
			for _, w := range words {
				joined += w.Form
			}
			p := start
			for k, w := range words {
				t := wordToken(w)
				if joined == text[start:end] {
					t.Start, t.End = p, p+len(w.Form)
					p += len(w.Form)
				} else {
					t.Start, t.End = start, end
				}
				t.SpaceAfter = k == len(words)-1 && l.SpaceAfter()
				out.Tokens = append(out.Tokens, t)
			}
		default:
			t := wordToken(l)
			t.Start, t.End = find(l.Form)
			pos = t.End
			t.SpaceAfter = l.SpaceAfter()
			out.Tokens = append(out.Tokens, t)
		}
	}
	return out
}

func wordToken(l *Line) extract.Token {
	return extract.Token{
		Text: l.Form, UPOS: blank(l.UPOS), XPOS: blank(l.XPOS), Lemma: blank(l.Lemma),
		Head: l.HeadIndex(), DepRel: blank(l.DepRel),
	}
}

func blank(s string) string {
	if s == "_" {
		return ""
	}
	return s
}

func under(s string) string {
	if s == "" {
		return "_"
	}
	return s
}

// FromExtract converts a sentence of the shared data model into CoNLL-U
// lines with a "# text =" comment (the sentence text with line breaks
// replaced by spaces) and SpaceAfter=No where a token is followed directly
// by the next. Unparsed heads (-1) are written as "_".
func FromExtract(s *extract.Sentence) *Sentence {
	text := strings.Map(func(r rune) rune {
		if r == '\n' || r == '\r' || r == '\t' {
			return ' '
		}
		return r
	}, s.Text)
	out := &Sentence{Comments: []string{"# text = " + strings.TrimSpace(text)}}
	for i := range s.Tokens {
		t := &s.Tokens[i]
		l := Line{Kind: Word, ID: i + 1, Form: formOf(t.Text), Lemma: under(t.Lemma),
			UPOS: under(t.UPOS), XPOS: under(t.XPOS), Feats: "_", Head: "_",
			DepRel: under(t.DepRel), Deps: "_", Misc: "_"}
		if t.Head >= 0 {
			l.Head = strconv.Itoa(t.Head)
		}
		if !t.SpaceAfter && i+1 < len(s.Tokens) {
			l.Misc = "SpaceAfter=No"
		}
		out.Lines = append(out.Lines, l)
	}
	return out
}

// formOf makes a token text safe for the FORM column.
func formOf(s string) string {
	if s == "" {
		return "_"
	}
	if strings.ContainsAny(s, "\t\n\r") {
		return strings.Map(func(r rune) rune {
			if r == '\t' || r == '\n' || r == '\r' {
				return ' '
			}
			return r
		}, s)
	}
	return s
}
