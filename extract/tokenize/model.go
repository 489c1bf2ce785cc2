package tokenize

import (
	"bufio"
	"bytes"
	"compress/gzip"
	_ "embed"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"math"
	"slices"
	"strings"
)

// maxMWTLen is the longest letter run looked up in the multiword-token
// lexicon.
const maxMWTLen = 12

// model is the trained state: the perceptron weights of both classifiers and
// the lexicon of multiword tokens split between two letters.
type model struct {
	w map[uint64]float32
	// mwt maps a lower-cased run of letters (cannot, gonna) to the byte
	// offsets where UD splits it into words.
	mwt map[string][]uint8
}

//go:embed model.bin
var embeddedModel []byte

func loadEmbedded() (*model, error) {
	return decodeModel(embeddedModel)
}

// mwtSplits returns the split offsets of the letter run s, if it is a learnt
// multiword token.
func (m *model) mwtSplits(s string) []uint8 {
	if m == nil || len(m.mwt) == 0 || len(s) > maxMWTLen {
		return nil
	}
	var buf [maxMWTLen]byte
	for i := 0; i < len(s); i++ {
		c := s[i]
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		buf[i] = c
	}
	return m.mwt[string(buf[:len(s)])]
}

func (m *model) score(fs []uint64) float32 {
	var s float32
	for _, f := range fs {
		s += m.w[f]
	}
	return s
}

const modelMagic = "FGTOK1\n"

// encode serializes the model deterministically: gzip of the magic, the
// lexicon in sorted order and the weights sorted by feature.
func (m *model) encode() ([]byte, error) {
	var raw bytes.Buffer
	raw.WriteString(modelMagic)
	var tmp [binary.MaxVarintLen64]byte
	putU := func(v uint64) { raw.Write(tmp[:binary.PutUvarint(tmp[:], v)]) }

	keys := make([]string, 0, len(m.mwt))
	for k := range m.mwt {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	putU(uint64(len(keys)))
	for _, k := range keys {
		putU(uint64(len(k)))
		raw.WriteString(k)
		offs := m.mwt[k]
		putU(uint64(len(offs)))
		raw.Write(offs)
	}

	feats := make([]uint64, 0, len(m.w))
	for f := range m.w {
		feats = append(feats, f)
	}
	slices.Sort(feats)
	putU(uint64(len(feats)))
	var prev uint64
	for _, f := range feats {
		putU(f - prev)
		prev = f
	}
	for _, f := range feats {
		binary.Write(&raw, binary.LittleEndian, math.Float32bits(m.w[f]))
	}

	var out bytes.Buffer
	zw, err := gzip.NewWriterLevel(&out, gzip.BestCompression)
	if err != nil {
		return nil, err
	}
	if _, err := zw.Write(raw.Bytes()); err != nil {
		return nil, err
	}
	if err := zw.Close(); err != nil {
		return nil, err
	}
	return out.Bytes(), nil
}

var errModel = errors.New("tokenize: malformed model")

func decodeModel(data []byte) (*model, error) {
	zr, err := gzip.NewReader(bytes.NewReader(data))
	if err != nil {
		return nil, fmt.Errorf("tokenize: reading model: %w", err)
	}
	r := bufio.NewReader(zr)
	magic := make([]byte, len(modelMagic))
	if _, err := io.ReadFull(r, magic); err != nil || string(magic) != modelMagic {
		return nil, errModel
	}
	getU := func() uint64 {
		v, e := binary.ReadUvarint(r)
		if e != nil && err == nil {
			err = e
		}
		return v
	}
	m := &model{}
	n := getU()
	if n > 1<<20 {
		return nil, errModel
	}
	m.mwt = make(map[string][]uint8, n)
	for i := uint64(0); i < n && err == nil; i++ {
		l := getU()
		if l > maxMWTLen {
			return nil, errModel
		}
		k := make([]byte, l)
		if _, e := io.ReadFull(r, k); e != nil {
			return nil, errModel
		}
		l = getU()
		if l > maxMWTLen {
			return nil, errModel
		}
		offs := make([]uint8, l)
		if _, e := io.ReadFull(r, offs); e != nil {
			return nil, errModel
		}
		m.mwt[string(k)] = offs
	}
	n = getU()
	if err != nil || n > 1<<26 {
		return nil, errModel
	}
	feats := make([]uint64, n)
	var prev uint64
	for i := range feats {
		prev += getU()
		feats[i] = prev
	}
	if err != nil {
		return nil, fmt.Errorf("tokenize: reading model: %w", err)
	}
	m.w = make(map[uint64]float32, n)
	var b [4]byte
	for _, f := range feats {
		if _, err := io.ReadFull(r, b[:]); err != nil {
			return nil, fmt.Errorf("tokenize: reading model: %w", err)
		}
		m.w[f] = math.Float32frombits(binary.LittleEndian.Uint32(b[:]))
	}
	return m, nil
}

// decideSplit decides whether the chunk c is split at offset p, the current
// token starting at s and the next candidate being q.
func (sp *splitter) decideSplit(c string, s, p, q int, gap uint8, next rune) bool {
	sp.feats = sp.splitFeatures(sp.feats[:0], c, s, p, q, gap, next)
	if sp.train != nil && !sp.train.noSplits {
		return sp.train.split(sp.feats, sp.chunkStart+p)
	}
	if angleEdge(c, p) {
		return true
	}
	return sp.m.score(sp.feats) > 0
}

// angleEdge says whether an angle bracket meets a letter or digit at p:
// the treebanks always split them ("<", "TEX", ">"; Reuters brackets
// tickers and unlisted companies so).
func angleEdge(c string, p int) bool {
	a, _ := decodeLast(c[:p])
	b, _ := decode(c[p:])
	word := func(r rune) bool { k := classOf(r); return k == clLetter || k == clDigit }
	return (a == '<' || a == '>') && word(b) || (b == '<' || b == '>') && word(a)
}

// decideBoundary decides whether a sentence ends after token e; k is the
// token carrying the candidate (sentence-final punctuation or the last
// token of a line), first the first token of the current sentence.
func (sp *splitter) decideBoundary(first, k, e int) bool {
	sp.feats = sp.boundaryFeatures(sp.feats[:0], first, k, e)
	if sp.train != nil {
		return sp.train.boundary(sp.feats, sp.toks[e].End)
	}
	return sp.m.score(sp.feats) > 0
}

// nextKind classifies what follows a chunk.
func nextKind(gap uint8, next rune) byte {
	if gap == gapEnd {
		return 'E'
	}
	return runeKind(next)
}

// runeKind is a one-letter class of r: U upper, l lower, d digit, o opener,
// c closer, p other punctuation.
func runeKind(r rune) byte {
	switch classOf(r) {
	case clLetter:
		if isUpper(r) {
			return 'U'
		}
		return 'l'
	case clDigit:
		return 'd'
	}
	switch {
	case r == '"' || r == '\'':
		return 'q'
	case isOpener(r):
		return 'o'
	case isCloser(r):
		return 'c'
	}
	return 'p'
}

func isUpper(r rune) bool {
	if r < 0x80 {
		return 'A' <= r && r <= 'Z'
	}
	return strings.ToLower(string(r)) != string(r)
}

// firstRunes returns the first n runes of s.
func firstRunes(s string, n int) string {
	i := 0
	for ; n > 0 && i < len(s); n-- {
		_, w := decode(s[i:])
		i += w
	}
	return s[:i]
}

// lastRunes returns the last n runes of s.
func lastRunes(s string, n int) string {
	i := len(s)
	for ; n > 0 && i > 0; n-- {
		_, w := decodeLast(s[:i])
		i -= w
	}
	return s[i:]
}

// Feature templates of the split classifier.
const (
	tsBias = iota + 1
	tsChars
	tsChars2
	tsTok
	tsSeg
	tsTokSeg
	tsChunk
	tsShapes
	tsLast
	tsTokLen
	tsAtStart
	tsRest
	tsShapeNext
	tsChars3
	tsRestShape
	tsLastShapeLen
)

func (sp *splitter) splitFeatures(fs []uint64, c string, s, p, q int, gap uint8, next rune) []uint64 {
	r0, _ := decodeLast(c[:p])
	r1, _ := decode(c[p:])
	tok, seg := c[s:p], c[p:q]
	last := q == len(c)
	nk := nextKind(gap, next)
	if !last {
		nk = 0
	}
	fs = append(fs,
		newHash(tsBias).sum(),
		newHash(tsChars).rune(r0).rune(r1).sum(),
		newHash(tsChars2).raw(lastRunes(c[:p], 2)).raw(firstRunes(c[p:], 2)).sum(),
		newHash(tsChars3).str(lastRunes(tok, 3)).str(firstRunes(c[p:], 3)).sum(),
		newHash(tsTok).str(tail(tok, 20)).rune(r1).sum(),
		newHash(tsSeg).str(head(seg, 20)).rune(r0).byte(nk).sum(),
		newHash(tsTokLen).int(bucket(len(tok))).rune(r1).sum(),
		newHash(tsAtStart).byte(boolByte(s == 0)).rune(r0).rune(r1).sum(),
		newHash(tsRest).str(head(c[p:], 8)).sum(),
	)
	if q-s <= 24 {
		fs = append(fs, newHash(tsTokSeg).str(c[s:q]).int(p-s).sum())
	}
	if len(c) <= 32 {
		fs = append(fs, newHash(tsChunk).str(c).int(p).sum())
	}
	sp.sbuf = shape(sp.sbuf[:0], tok, 10)
	sp.sbuf = append(sp.sbuf, '|')
	sp.sbuf = shape(sp.sbuf, seg, len(sp.sbuf)+10)
	fs = append(fs, newHash(tsShapes).bytes(sp.sbuf).sum())
	if last {
		fs = append(fs,
			newHash(tsLast).rune(r1).byte(nk).sum(),
			newHash(tsShapeNext).bytes(sp.sbuf).byte(nk).sum(),
			newHash(tsLastShapeLen).bytes(sp.sbuf).int(bucket(len(tok))).byte(nk).sum(),
		)
	}
	sp.sbuf = shape(sp.sbuf[:0], tail(tok, 12), 6)
	sp.sbuf = append(sp.sbuf, '|')
	sp.sbuf = shape(sp.sbuf, head(c[p:], 16), len(sp.sbuf)+8)
	fs = append(fs, newHash(tsRestShape).bytes(sp.sbuf).sum())
	return fs
}

func boolByte(b bool) byte {
	if b {
		return 1
	}
	return 0
}

// tokKind is runeKind of the first rune of s.
func tokKind(s string) byte {
	r, _ := decode(s)
	return runeKind(r)
}

// Feature templates of the sentence classifier.
const (
	tbBias = iota + 64
	tbTok
	tbPrevTok
	tbPrevShape
	tbClosers
	tbNext
	tbNextKind
	tbTokNextKind
	tbPrevNextKind
	tbAfterOpener
	tbPrevLen
	tbLineLen
	tbLineToks
	tbLineShape
	tbSentLen
	tbTokNext
	tbTokShape
	tbTitle
	tbPrevLine
	tbBlockMax
	tbNextLine
	tbWrapped
)

func (sp *splitter) boundaryFeatures(fs []uint64, first, k, e int) []uint64 {
	toks := sp.toks
	lineStart, lineTok := sp.lineStart, sp.lineTok
	t := toks[k].Text
	tl, _ := decodeLast(t)
	term := isTerminal(tl)
	termB := boolByte(term)
	prev := "<s>"
	attached := byte(0)
	if k > first {
		prev = toks[k-1].Text
		attached = boolByte(sp.gaps[k-1] == gapNone)
	}
	gap := sp.gaps[e]
	nxt, nxt2 := "</s>", "</s>"
	if e+1 < len(toks) {
		nxt = toks[e+1].Text
	}
	if e+2 < len(toks) {
		nxt2 = toks[e+2].Text
	}
	nk := tokKind(nxt)
	closers := sp.text[toks[k].End:toks[e].End]
	fs = append(fs,
		newHash(tbBias).byte(gap).byte(termB).sum(),
		newHash(tbTok).str(tail(t, 12)).byte(gap).sum(),
		newHash(tbPrevTok).str(tail(prev, 12)).str(tail(t, 4)).byte(attached).sum(),
		newHash(tbClosers).rune(tl).raw(head(closers, 8)).byte(gap).sum(),
		newHash(tbNext).str(head(nxt, 12)).sum(),
		newHash(tbNextKind).rune(tl).byte(nk).byte(gap).sum(),
		newHash(tbTokNextKind).str(tail(t, 12)).byte(nk).sum(),
		newHash(tbPrevNextKind).str(tail(prev, 12)).byte(nk).sum(),
		newHash(tbPrevLen).int(bucket(len(prev))).rune(tl).byte(nk).byte(attached).sum(),
		newHash(tbSentLen).int(bucket(k-first)).rune(tl).sum(),
		newHash(tbTokNext).str(tail(t, 8)).str(head(nxt, 8)).sum(),
	)
	sp.sbuf = shape(sp.sbuf[:0], prev, 8)
	fs = append(fs, newHash(tbPrevShape).bytes(sp.sbuf).rune(tl).byte(attached).byte(nk).sum())
	sp.sbuf = shape(sp.sbuf[:0], t, 8)
	fs = append(fs, newHash(tbTokShape).bytes(sp.sbuf).byte(nk).sum())
	if nk == 'o' || nk == 'q' {
		fs = append(fs, newHash(tbAfterOpener).rune(tl).byte(tokKind(nxt2)).sum())
	}
	if gap == gapLine {
		lineLen := toks[e].End - lineStart
		fs = append(fs,
			newHash(tbLineLen).int(bucket(lineLen)).byte(termB).byte(nk).sum(),
			newHash(tbLineToks).int(bucket(e-lineTok+1)).byte(termB).sum(),
			newHash(tbPrevLine).int(bucket(sp.prevLineLen)).byte(termB).sum(),
			newHash(tbBlockMax).int(bucket(sp.blockMax)).byte(termB).sum(),
		)
		// the next line's length
		nextLen := 0
		for j := e + 1; j < len(toks); j++ {
			if sp.gaps[j] >= gapLine {
				nextLen = toks[j].End - toks[e+1].Start
				break
			}
		}
		fs = append(fs, newHash(tbNextLine).int(bucket(nextLen)).byte(termB).byte(nk).sum())
		// hard-wrapped text: a line about as long as the longest of the
		// block, in a block without very long lines
		wrapped := sp.blockMax <= 100 && lineLen+len(nxt)+1 > sp.blockMax-2
		fs = append(fs, newHash(tbWrapped).byte(boolByte(wrapped)).byte(termB).byte(nk).sum())
		sp.sbuf = shape(sp.sbuf[:0], toks[lineTok].Text, 6)
		sp.sbuf = append(sp.sbuf, '|')
		sp.sbuf = shape(sp.sbuf, toks[e].Text, len(sp.sbuf)+6)
		fs = append(fs, newHash(tbLineShape).bytes(sp.sbuf).byte(termB).sum())
		// a title-cased or upper-case line looks like a headline
		words, caps := 0, 0
		for j := lineTok; j <= e && j < lineTok+40; j++ {
			switch tokKind(toks[j].Text) {
			case 'U':
				words++
				caps++
			case 'l':
				words++
			}
		}
		title := byte('n')
		switch {
		case words == 0:
			title = '0'
		case caps == words:
			title = 'A'
		case caps*2 >= words:
			title = 'M'
		}
		fs = append(fs, newHash(tbTitle).byte(title).byte(termB).int(bucket(words)).sum())
	}
	return fs
}
