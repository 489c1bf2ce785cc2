package tokenize

import (
	"fmt"
	"math/rand/v2"
	"strings"

	"github.com/factgraph/factgraph/extract/conllu"
)

// corpus is raw text rebuilt from a treebank with the gold segmentation as
// byte offsets into it.
type corpus struct {
	text []byte
	// wordStart holds the offset of every gold word start; sentEnd the end
	// offset of every gold sentence.
	wordStart map[int]bool
	sentEnd   map[int]bool
	// sentences are the treebank sentences in text order.
	sentences []*conllu.Sentence
	// mwt counts, per lower-cased letter run, how often the treebank
	// splits it into several words (with the offsets) and how often it is
	// a single word.
	mwtSplit map[string]map[string]int
	mwtWhole map[string]int
}

func newCorpus() *corpus {
	return &corpus{
		wordStart: map[int]bool{},
		sentEnd:   map[int]bool{},
		mwtSplit:  map[string]map[string]int{},
		mwtWhole:  map[string]int{},
	}
}

// layout says how paragraphs are joined and lines wrapped when the raw text
// of a document is rebuilt.
type layout struct {
	paraSep string // between paragraphs
	wrap    int    // wrap lines at this many bytes; 0: no wrapping
}

// docLayout draws the layout of one training document. Paragraphs are
// separated by a blank line, a single line break or (rarely) a space, and
// some documents are hard-wrapped, so that the sentence classifier learns
// when a line break ends a sentence.
func docLayout(rng *rand.Rand) layout {
	var l layout
	switch x := rng.Float64(); {
	case x < 0.45:
		l.paraSep = "\n\n"
	case x < 0.9:
		l.paraSep = "\n"
	default:
		l.paraSep = " "
	}
	if rng.Float64() < 0.2 {
		l.wrap = 60 + rng.IntN(31)
	}
	return l
}

// addFile appends the documents of a treebank to the corpus. With rng nil
// every document uses plain layout: paragraphs separated by blank lines,
// no wrapping (the evaluation setting).
func (c *corpus) addFile(path string, rng *rand.Rand) error {
	ss, err := conllu.ReadFile(path)
	if err != nil {
		return fmt.Errorf("tokenize: %w", err)
	}
	var docs [][][]*conllu.Sentence // documents of paragraphs of sentences
	for _, s := range ss {
		newdoc, newpar := false, false
		for _, cm := range s.Comments {
			switch {
			case strings.HasPrefix(cm, "# newdoc"):
				newdoc = true
			case strings.HasPrefix(cm, "# newpar"):
				newpar = true
			}
		}
		if newdoc || len(docs) == 0 {
			docs = append(docs, nil)
		}
		d := &docs[len(docs)-1]
		if newdoc || newpar || len(*d) == 0 {
			*d = append(*d, nil)
		}
		p := &(*d)[len(*d)-1]
		*p = append(*p, s)
	}
	for _, d := range docs {
		l := layout{paraSep: "\n\n"}
		if rng != nil {
			l = docLayout(rng)
		}
		if len(c.text) > 0 {
			c.text = append(c.text, "\n\n"...)
		}
		for pi, p := range d {
			if pi > 0 {
				c.text = append(c.text, l.paraSep...)
			}
			lineStart := len(c.text)
			for si, s := range p {
				if si > 0 {
					c.text = append(c.text, ' ')
				}
				if err := c.addSentence(s); err != nil {
					return fmt.Errorf("tokenize: %s: %w", path, err)
				}
			}
			if l.wrap > 0 {
				c.wrapFrom(lineStart, l.wrap)
			}
		}
	}
	return nil
}

// wrapFrom hard-wraps the text written since offset from at width bytes by
// turning spaces into line breaks.
func (c *corpus) wrapFrom(from, width int) {
	s := c.text
	lineStart, lastSpace := from, -1
	for i := from; i < len(s); i++ {
		if s[i] == ' ' {
			lastSpace = i
		}
		if i-lineStart >= width && lastSpace > lineStart {
			s[lastSpace] = '\n'
			lineStart = lastSpace + 1
			lastSpace = -1
		}
	}
}

// addSentence appends one sentence's text and records its gold offsets.
func (c *corpus) addSentence(s *conllu.Sentence) error {
	text := s.Text()
	base := len(c.text)
	c.text = append(c.text, text...)
	c.sentences = append(c.sentences, s)
	at := 0
	mark := func(form string) (int, bool) {
		for at < len(text) && (text[at] == ' ' || text[at] == '\t') {
			at++
		}
		if !strings.HasPrefix(text[at:], form) {
			return 0, false
		}
		start := at
		at += len(form)
		return start, true
	}
	for i := 0; i < len(s.Lines); i++ {
		l := &s.Lines[i]
		switch l.Kind {
		case conllu.Empty:
			continue
		case conllu.Range:
			start, ok := mark(l.Form)
			if !ok {
				return fmt.Errorf("sentence %q: form %q not in text", text, l.Form)
			}
			c.wordStart[base+start] = true
			var words []string
			j := i + 1
			for ; j < len(s.Lines) && (s.Lines[j].Kind == conllu.Empty || (s.Lines[j].Kind == conllu.Word && s.Lines[j].ID <= l.Last)); j++ {
				if s.Lines[j].Kind == conllu.Word {
					words = append(words, s.Lines[j].Form)
				}
			}
			i = j - 1
			if strings.Join(words, "") != l.Form {
				continue // normalised forms: no internal offsets
			}
			off := start
			var offs []byte
			for _, w := range words[:len(words)-1] {
				off += len(w)
				c.wordStart[base+off] = true
				offs = append(offs, byte(off-start))
			}
			if isLetters(l.Form) && len(l.Form) <= maxMWTLen {
				lf := strings.ToLower(l.Form)
				if c.mwtSplit[lf] == nil {
					c.mwtSplit[lf] = map[string]int{}
				}
				c.mwtSplit[lf][string(offs)]++
			}
		default:
			start, ok := mark(l.Form)
			if !ok {
				return fmt.Errorf("sentence %q: form %q not in text", text, l.Form)
			}
			c.wordStart[base+start] = true
			if isLetters(l.Form) && len(l.Form) <= maxMWTLen {
				c.mwtWhole[strings.ToLower(l.Form)]++
			}
		}
	}
	c.sentEnd[base+len(strings.TrimRight(text, " \t"))] = true
	return nil
}

func isLetters(s string) bool {
	for i := 0; i < len(s); {
		r, w := decode(s[i:])
		if classOf(r) != clLetter {
			return false
		}
		i += w
	}
	return len(s) > 0
}
