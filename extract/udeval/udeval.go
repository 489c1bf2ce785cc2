// Package udeval computes the measures of the CoNLL 2018 shared task on
// parsing raw text into Universal Dependencies, as its evaluation script
// (conll18_ud_eval.py) defines them: Tokens, Sentences and Words F1 over
// character spans, and UPOS, XPOS, LEMMA, UAS and LAS F1 over the words
// aligned between the gold and the system file.
//
// Spans are offsets into the concatenation of all token forms with white
// space (Unicode Zs) removed; the gold and system files must spell the
// same characters. Words of a multiword token share its span and are
// aligned to the other side by a longest common subsequence of their
// lower-cased forms. LAS compares only the universal part of a relation
// (before ":"); LEMMA counts a word right when the gold lemma is "_".
// With gold tokenization every F1 equals the plain accuracy.
package udeval

import (
	"errors"
	"fmt"
	"strings"
	"unicode"

	"github.com/factgraph/factgraph/extract/conllu"
)

// Score counts one measure.
type Score struct {
	Gold, System, Correct int
	// Aligned is the number of aligned words (for word measures).
	Aligned int
}

// Precision is Correct/System.
func (s Score) Precision() float64 { return ratio(s.Correct, s.System) }

// Recall is Correct/Gold.
func (s Score) Recall() float64 { return ratio(s.Correct, s.Gold) }

// F1 is the harmonic mean of precision and recall.
func (s Score) F1() float64 { return ratio(2*s.Correct, s.Gold+s.System) }

// AlignedAccuracy is Correct/Aligned.
func (s Score) AlignedAccuracy() float64 { return ratio(s.Correct, s.Aligned) }

func ratio(a, b int) float64 {
	if b == 0 {
		return 0
	}
	return float64(a) / float64(b)
}

// Scores holds every measure.
type Scores struct {
	Tokens, Sentences, Words, UPOS, XPOS, Lemma, UAS, LAS Score
}

type span struct{ start, end int }

type word struct {
	line      *conllu.Line
	span      span
	multiword bool
	parent    int // index into words, -1 for the root
}

type doc struct {
	words     []word
	tokens    []span
	sentences []span
	chars     []byte
}

func load(ss []*conllu.Sentence) (*doc, error) {
	d := &doc{}
	for si, s := range ss {
		base := len(d.words)
		sentStart := len(d.chars)
		wordsInSent := 0
		for i := 0; i < len(s.Lines); i++ {
			l := &s.Lines[i]
			switch l.Kind {
			case conllu.Empty:
				continue
			case conllu.Range:
				sp := d.addChars(l.Form)
				d.tokens = append(d.tokens, sp)
				for j := i + 1; j < len(s.Lines) && s.Lines[j].Kind != conllu.Range && (s.Lines[j].Kind == conllu.Empty || s.Lines[j].ID <= l.Last); j++ {
					i = j
					if s.Lines[j].Kind == conllu.Word {
						d.words = append(d.words, word{line: &s.Lines[j], span: sp, multiword: true})
						wordsInSent++
					}
				}
			default:
				sp := d.addChars(l.Form)
				d.tokens = append(d.tokens, sp)
				d.words = append(d.words, word{line: l, span: sp})
				wordsInSent++
			}
		}
		// heads
		for k := base; k < len(d.words); k++ {
			w := &d.words[k]
			if w.line.ID != k-base+1 {
				return nil, fmt.Errorf("sentence %d: word IDs are not 1..n", si+1)
			}
			h := w.line.HeadIndex()
			switch {
			case h == 0:
				w.parent = -1
			case h > 0 && h <= wordsInSent:
				w.parent = base + h - 1
			default:
				w.parent = -2 // unparsed or broken: never right
			}
		}
		if wordsInSent > 0 {
			d.sentences = append(d.sentences, span{sentStart, len(d.chars)})
		}
	}
	return d, nil
}

func (d *doc) addChars(form string) span {
	start := len(d.chars)
	for _, r := range form {
		if unicode.Is(unicode.Zs, r) {
			continue
		}
		d.chars = append(d.chars, string(r)...)
	}
	return span{start, len(d.chars)}
}

// Evaluate scores system against gold.
func Evaluate(gold, system []*conllu.Sentence) (*Scores, error) {
	g, err := load(gold)
	if err != nil {
		return nil, fmt.Errorf("gold: %w", err)
	}
	s, err := load(system)
	if err != nil {
		return nil, fmt.Errorf("system: %w", err)
	}
	if string(g.chars) != string(s.chars) {
		i := 0
		for i < len(g.chars) && i < len(s.chars) && g.chars[i] == s.chars[i] {
			i++
		}
		return nil, fmt.Errorf("udeval: the texts differ at character %d: gold %q, system %q",
			i, snippet(g.chars, i), snippet(s.chars, i))
	}
	if len(g.words) == 0 {
		return nil, errors.New("udeval: the gold file has no words")
	}
	sc := &Scores{
		Tokens:    spans(g.tokens, s.tokens),
		Sentences: spans(g.sentences, s.sentences),
	}
	pairs := align(g.words, s.words)
	sysToGold := make(map[int]int, len(pairs))
	for _, p := range pairs {
		sysToGold[p[1]] = p[0]
	}
	count := func(ok func(gw, sw *word) bool) Score {
		r := Score{Gold: len(g.words), System: len(s.words), Aligned: len(pairs)}
		for _, p := range pairs {
			if ok(&g.words[p[0]], &s.words[p[1]]) {
				r.Correct++
			}
		}
		return r
	}
	headOK := func(gw, sw *word) bool {
		if sw.parent == -1 {
			return gw.parent == -1
		}
		if sw.parent < 0 {
			return false
		}
		gp, ok := sysToGold[sw.parent]
		return ok && gp == gw.parent
	}
	sc.Words = count(func(*word, *word) bool { return true })
	sc.UPOS = count(func(gw, sw *word) bool { return gw.line.UPOS == sw.line.UPOS })
	sc.XPOS = count(func(gw, sw *word) bool { return gw.line.XPOS == sw.line.XPOS })
	sc.Lemma = count(func(gw, sw *word) bool { return gw.line.Lemma == "_" || gw.line.Lemma == sw.line.Lemma })
	sc.UAS = count(headOK)
	sc.LAS = count(func(gw, sw *word) bool {
		return headOK(gw, sw) && universal(gw.line.DepRel) == universal(sw.line.DepRel)
	})
	return sc, nil
}

func snippet(b []byte, i int) string {
	return string(b[i:min(len(b), i+20)])
}

func universal(rel string) string {
	u, _, _ := strings.Cut(rel, ":")
	return u
}

func spans(gold, system []span) Score {
	r := Score{Gold: len(gold), System: len(system)}
	gi, si := 0, 0
	for gi < len(gold) && si < len(system) {
		switch {
		case gold[gi].start < system[si].start:
			gi++
		case system[si].start < gold[gi].start:
			si++
		default:
			if gold[gi].end == system[si].end {
				r.Correct++
			}
			gi++
			si++
		}
	}
	return r
}

// align pairs gold and system words (indices) as conll18_ud_eval.py does.
func align(gold, system []word) [][2]int {
	var out [][2]int
	gi, si := 0, 0
	for gi < len(gold) && si < len(system) {
		if gold[gi].multiword || system[si].multiword {
			var gs, ss int
			gs, ss, gi, si = multiwordSpan(gold, system, gi, si)
			if si > ss && gi > gs {
				out = lcsAlign(gold[gs:gi], system[ss:si], gs, ss, out)
			}
			continue
		}
		gsp, ssp := gold[gi].span, system[si].span
		switch {
		case gsp == ssp:
			out = append(out, [2]int{gi, si})
			gi++
			si++
		case gsp.start <= ssp.start:
			gi++
		default:
			si++
		}
	}
	return out
}

func beyondEnd(words []word, i, end int) bool {
	if i >= len(words) {
		return true
	}
	if words[i].multiword {
		return words[i].span.start >= end
	}
	return words[i].span.end > end
}

func extendEnd(w *word, end int) int {
	if w.multiword && w.span.end > end {
		return w.span.end
	}
	return end
}

func multiwordSpan(gold, system []word, gi, si int) (gs, ss, gEnd, sEnd int) {
	var end int
	if gold[gi].multiword {
		end = gold[gi].span.end
		if !system[si].multiword && system[si].span.start < gold[gi].span.start {
			si++
		}
	} else {
		end = system[si].span.end
		if !gold[gi].multiword && gold[gi].span.start < system[si].span.start {
			gi++
		}
	}
	gs, ss = gi, si
	for !beyondEnd(gold, gi, end) || !beyondEnd(system, si, end) {
		if gi < len(gold) && (si >= len(system) || gold[gi].span.start <= system[si].span.start) {
			end = extendEnd(&gold[gi], end)
			gi++
		} else {
			end = extendEnd(&system[si], end)
			si++
		}
	}
	return gs, ss, gi, si
}

func lcsAlign(g, s []word, gs, ss int, out [][2]int) [][2]int {
	ng, ns := len(g), len(s)
	lcs := make([][]int, ng)
	for i := range lcs {
		lcs[i] = make([]int, ns)
	}
	at := func(i, j int) int {
		if i >= ng || j >= ns {
			return 0
		}
		return lcs[i][j]
	}
	eq := func(i, j int) bool { return strings.ToLower(g[i].line.Form) == strings.ToLower(s[j].line.Form) }
	for i := ng - 1; i >= 0; i-- {
		for j := ns - 1; j >= 0; j-- {
			if eq(i, j) {
				lcs[i][j] = 1 + at(i+1, j+1)
			}
			lcs[i][j] = max(lcs[i][j], at(i+1, j), at(i, j+1))
		}
	}
	i, j := 0, 0
	for i < ng && j < ns {
		switch {
		case eq(i, j):
			out = append(out, [2]int{gs + i, ss + j})
			i++
			j++
		case lcs[i][j] == at(i+1, j):
			i++
		default:
			j++
		}
	}
	return out
}
