// Package tokenize splits text into sentences and tokens following the
// Universal Dependencies English conventions (do n't, possessive 's,
// punctuation split off), keeping byte offsets into the original text.
//
// The work is split between a few rules, for what rules do well, and two
// averaged-perceptron classifiers trained on the UD English EWT and GUM
// treebanks, for the ambiguous decisions:
//
//   - Rules cut the text into white-space delimited chunks, protect URLs,
//     e-mail addresses and numbers with internal separators (2,000 13.5
//     10:35), and propose candidate split points inside a chunk: every
//     change between letters, digits and punctuation, every pair of
//     adjacent punctuation characters, the n't clitic, and the letter-letter
//     splits of multiword tokens learnt from the treebanks (cannot, gonna).
//   - The token classifier decides each candidate split point from the
//     characters around it, the token built so far, the whole chunk and what
//     follows the chunk. It learns abbreviations (U.S., p.m., Mr.),
//     clitics ('s, 're, n't), hyphenation and the like from the data.
//   - Candidate sentence ends are tokens ending in . ! ? … : ; (extended over
//     closing quotes and brackets that follow without a space) and line
//     breaks. The sentence classifier decides them from the tokens around,
//     their case and shape, the white space and the shape of the line.
//     A blank line and the end of the text always end a sentence.
//
// Default returns the tokenizer with the model embedded in the package;
// Train reproduces that model from the treebanks.
package tokenize

import (
	"sort"
	"strings"
	"sync"

	"github.com/factgraph/factgraph/extract"
)

// MaxSentenceTokens bounds the length of a sentence: a longer run of tokens
// without a sentence end is cut, so that no later stage sees an unbounded
// sentence.
const MaxSentenceTokens = 250

// Tokenizer segments text into sentences and tokens. It is safe for
// concurrent use.
type Tokenizer struct {
	m *model
}

var (
	defaultOnce sync.Once
	defaultTok  *Tokenizer
	defaultErr  error
)

// Default returns the tokenizer with the embedded model, loaded once. It
// panics if the embedded model is corrupt, which the package tests rule out.
func Default() *Tokenizer {
	defaultOnce.Do(func() {
		var m *model
		m, defaultErr = loadEmbedded()
		defaultTok = &Tokenizer{m: m}
	})
	if defaultErr != nil {
		panic("tokenize: embedded model: " + defaultErr.Error())
	}
	return defaultTok
}

// New returns a tokenizer that uses the model in the given serialized form,
// as written by Model.Encode.
func New(data []byte) (*Tokenizer, error) {
	m, err := decodeModel(data)
	if err != nil {
		return nil, err
	}
	return &Tokenizer{m: m}, nil
}

// Split segments text into sentences and tokens. All offsets are byte
// offsets into text; Sentence.Text == text[Start:End] and Token.Text ==
// text[Start:End]. A sentence spans from its first token's start to its last
// token's end. Sentences get Index 0..n-1 and tokens Head -1.
func (t *Tokenizer) Split(text string) []extract.Sentence {
	sp := splitter{m: t.m, text: text}
	sp.tokenize()
	return sp.sentences()
}

// Gap kinds: what lies between a token and the next one.
const (
	gapNone  = iota // the next token follows directly
	gapSpace        // spaces or tabs
	gapLine         // one line break
	gapBlank        // a blank line (two or more line breaks)
	gapEnd          // end of text
)

// splitter holds the state of one Split call.
type splitter struct {
	m    *model
	text string

	toks []extract.Token
	gaps []uint8

	// scratch
	feats []uint64
	pos   []int
	cls   []uint8
	runes []rune
	cands []int
	sbuf  []byte

	chunkStart int

	// the current line and block of text, for the sentence classifier
	lineStart, lineTok    int
	prevLineLen, blockMax int

	// train, when set, receives the features of every decision and supplies
	// the gold decision.
	train *trainHook
}

// tokenize fills sp.toks and sp.gaps.
func (sp *splitter) tokenize() {
	text := sp.text
	sp.toks = make([]extract.Token, 0, len(text)/5+1)
	sp.gaps = make([]uint8, 0, len(text)/5+1)
	i := 0
	// skip leading space
	for i < len(text) {
		r, w := decode(text[i:])
		if classOf(r) != clSpace {
			break
		}
		i += w
	}
	for i < len(text) {
		a := i
		for i < len(text) {
			c := text[i]
			if c < 0x80 {
				if asciiClass[c] == clSpace {
					break
				}
				i++
				continue
			}
			r, w := decode(text[i:])
			if classOf(r) == clSpace {
				break
			}
			i += w
		}
		b := i
		// white space after the chunk
		nl := 0
		for i < len(text) {
			r, w := decode(text[i:])
			if classOf(r) != clSpace {
				break
			}
			switch r {
			case '\n', '\v', '\f', 0x85, 0x2028, 0x2029:
				nl++
			case '\r':
				if i+1 >= len(text) || text[i+1] != '\n' {
					nl++
				}
			}
			i += w
		}
		gap := uint8(gapSpace)
		switch {
		case i >= len(text):
			gap = gapEnd
		case nl == 1:
			gap = gapLine
		case nl > 1:
			gap = gapBlank
		}
		var next rune
		if i < len(text) {
			next, _ = decode(text[i:])
		}
		sp.chunk(a, b, gap, next)
	}
}

// emit appends the token text[a:b].
func (sp *splitter) emit(a, b int, gap uint8) {
	sp.toks = append(sp.toks, extract.Token{
		Text:       sp.text[a:b],
		Start:      a,
		End:        b,
		SpaceAfter: gap != gapNone,
		Head:       -1,
	})
	sp.gaps = append(sp.gaps, gap)
}

// chunk tokenizes the white-space delimited chunk text[a:b]; gap is what
// follows it and next the first rune of the next chunk.
func (sp *splitter) chunk(a, b int, gap uint8, next rune) {
	text := sp.text
	c := text[a:b]
	// Fast path: a chunk of ASCII letters that is not a learnt multiword
	// token, or of ASCII digits, is one token.
	if k := asciiRun(c); k == clDigit || (k == clLetter && (len(c) > maxMWTLen || len(sp.m.mwtSplits(c)) == 0)) {
		sp.emit(a, b, gap)
		return
	}
	sp.chunkStart = a
	sp.candidates(c)
	s := 0
	for ci, p := range sp.cands {
		q := len(c)
		if ci+1 < len(sp.cands) {
			q = sp.cands[ci+1]
		}
		if sp.decideSplit(c, s, p, q, gap, next) {
			sp.emit(a+s, a+p, gapNone)
			s = p
		}
	}
	sp.emit(a+s, b, gap)
}

// candidates fills sp.cands with the candidate split offsets inside c, in
// increasing order.
func (sp *splitter) candidates(c string) {
	sp.pos, sp.cls, sp.runes, sp.cands = sp.pos[:0], sp.cls[:0], sp.runes[:0], sp.cands[:0]
	for j := 0; j < len(c); {
		r, w := decode(c[j:])
		sp.pos = append(sp.pos, j)
		sp.cls = append(sp.cls, classOf(r))
		sp.runes = append(sp.runes, r)
		j += w
	}
	pa, pb := protected(c)
	n := len(sp.pos)
	cls, rs, pos := sp.cls, sp.runes, sp.pos
	sorted := true
	runStart := -1
	for k := 0; k <= n; k++ {
		// letter runs: clitics and learnt multiword tokens
		if k < n && cls[k] == clLetter {
			if runStart < 0 {
				runStart = k
			}
		} else if runStart >= 0 {
			ra, rb := pos[runStart], len(c)
			if k < n {
				rb = pos[k]
			}
			if k-runStart >= 2 && (rs[k-1] == 'n' || rs[k-1] == 'N') && k+1 < n &&
				(rs[k] == '\'' || rs[k] == '’') && (rs[k+1] == 't' || rs[k+1] == 'T') &&
				(k+2 == n || cls[k+2] != clLetter) && !(pos[k-1] > pa && pos[k-1] < pb) {
				sp.cands = append(sp.cands, pos[k-1])
			}
			if rb-ra <= maxMWTLen {
				for _, off := range sp.m.mwtSplits(c[ra:rb]) {
					if p := ra + int(off); p > ra && p < rb && !(p > pa && p < pb) {
						sp.cands = append(sp.cands, p)
						sorted = false
					}
				}
			}
			runStart = -1
		}
		if k == 0 || k == n {
			continue
		}
		p := pos[k]
		if p > pa && p < pb {
			continue
		}
		c0, c1 := cls[k-1], cls[k]
		if c0 == c1 && c0 != clPunct {
			continue
		}
		// numbers with internal separators: 2,000 13.5 10:35
		if c0 == clDigit && isNumSep(rs[k]) && k+1 < n && cls[k+1] == clDigit {
			continue
		}
		if c1 == clDigit && isNumSep(rs[k-1]) && k >= 2 && cls[k-2] == clDigit {
			continue
		}
		if len(sp.cands) > 0 && sp.cands[len(sp.cands)-1] > p {
			sorted = false
		}
		sp.cands = append(sp.cands, p)
	}
	if !sorted {
		sort.Ints(sp.cands)
		// drop duplicates
		out := sp.cands[:0]
		for i, p := range sp.cands {
			if i == 0 || p != sp.cands[i-1] {
				out = append(out, p)
			}
		}
		sp.cands = out
	}
}

// asciiRun returns clLetter if c consists of ASCII letters, clDigit if of
// ASCII digits, and clSpace otherwise.
func asciiRun(c string) uint8 {
	if len(c) == 0 || c[0] >= 0x80 {
		return clSpace
	}
	k := asciiClass[c[0]]
	for j := 1; j < len(c); j++ {
		if c[j] >= 0x80 || asciiClass[c[j]] != k {
			return clSpace
		}
	}
	if k == clLetter || k == clDigit {
		return k
	}
	return clSpace
}

func isNumSep(r rune) bool { return r == '.' || r == ',' || r == ':' }

// protected returns the byte range of a URL or e-mail address inside c
// (without surrounding punctuation), or an empty range.
func protected(c string) (int, int) {
	if len(c) < 5 {
		return 0, 0
	}
	start := -1
	if i := strings.Index(c, "://"); i > 0 {
		start = i
		for start > 0 && isASCIILetter(c[start-1]) {
			start--
		}
		if start == i {
			start = -1
		}
	}
	if start < 0 {
		if i := indexFold(c, "www."); i >= 0 {
			start = i
		}
	}
	if start >= 0 {
		b := len(c)
		for b > start {
			r, w := decodeLast(c[start:b])
			if k := classOf(r); k == clLetter || k == clDigit || r == '/' {
				break
			}
			b -= w
		}
		return start, b
	}
	at := strings.IndexByte(c, '@')
	if at <= 0 {
		return 0, 0
	}
	a := at
	for a > 0 && isEmailChar(c[a-1]) {
		a--
	}
	b := at + 1
	for b < len(c) && (isASCIILetter(c[b]) || asciiClass[c[b]&0x7F] == clDigit && c[b] < 0x80 || c[b] == '.' || c[b] == '-') {
		b++
	}
	for b > at+1 && (c[b-1] == '.' || c[b-1] == '-') {
		b--
	}
	if a == at || strings.IndexByte(c[at+1:b], '.') <= 0 {
		return 0, 0
	}
	return a, b
}

func isASCIILetter(c byte) bool { return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' }

func isEmailChar(c byte) bool {
	return isASCIILetter(c) || '0' <= c && c <= '9' || strings.IndexByte("._%+-", c) >= 0
}

// indexFold is strings.Index for an ASCII lower-case pattern, ignoring
// ASCII case in s.
func indexFold(s, pat string) int {
	for i := 0; i+len(pat) <= len(s); i++ {
		if strings.EqualFold(s[i:i+len(pat)], pat) {
			return i
		}
	}
	return -1
}

// sentences groups sp.toks into sentences.
func (sp *splitter) sentences() []extract.Sentence {
	toks := sp.toks
	if len(toks) == 0 {
		return nil
	}
	var out []extract.Sentence
	first := 0
	sp.newLine(0, true)
	for i := 0; i < len(toks); i++ {
		end := false
		e := i
		switch {
		case sp.gaps[i] == gapEnd || sp.gaps[i] == gapBlank:
			end = true
		default:
			last, _ := decodeLast(toks[i].Text)
			term := isTerminal(last)
			if term {
				// extend over closing quotes and brackets that follow directly
				for e+1 < len(toks) && sp.gaps[e] == gapNone && allClosers(toks[e+1].Text) {
					e++
				}
			}
			if (term && sp.gaps[e] != gapNone) || sp.gaps[e] == gapLine {
				if sp.gaps[e] == gapBlank || sp.gaps[e] == gapEnd {
					end = true
				} else {
					end = sp.decideBoundary(first, i, e)
				}
			}
		}
		if e-first+1 >= MaxSentenceTokens {
			e, end = first+MaxSentenceTokens-1, true
		}
		if end {
			out = append(out, extract.Sentence{
				Index:  len(out),
				Start:  toks[first].Start,
				End:    toks[e].End,
				Text:   sp.text[toks[first].Start:toks[e].End],
				Tokens: toks[first : e+1 : e+1],
			})
			first = e + 1
		}
		if sp.gaps[e] >= gapLine && e+1 < len(toks) {
			sp.newLine(e+1, sp.gaps[e] == gapBlank)
		}
		i = e
	}
	return out
}

// newLine records that a line starts at token i, and a block (text
// between blank lines) too when block is set.
func (sp *splitter) newLine(i int, block bool) {
	toks := sp.toks
	if block {
		sp.prevLineLen = 0
		// the longest line of the block tells hard-wrapped text apart
		sp.blockMax = 0
		start := toks[i].Start
		for j := i; j < len(toks); j++ {
			if g := sp.gaps[j]; g >= gapLine {
				sp.blockMax = max(sp.blockMax, toks[j].End-start)
				if g != gapLine {
					break
				}
				if j+1 < len(toks) {
					start = toks[j+1].Start
				}
			}
		}
	} else if sp.lineTok < i {
		sp.prevLineLen = toks[i-1].End - sp.lineStart
	}
	sp.lineStart, sp.lineTok = toks[i].Start, i
}

// allClosers reports whether s consists of closing quotes and brackets only.
func allClosers(s string) bool {
	for i := 0; i < len(s); {
		r, w := decode(s[i:])
		if !isCloser(r) {
			return false
		}
		i += w
	}
	return len(s) > 0
}
