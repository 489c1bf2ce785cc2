package ner

import (
	"bytes"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/factgraph/factgraph/extract/gazetteer"
	"github.com/factgraph/factgraph/extract/wordcluster"
)

// Feature hashing: every feature is a 64-bit FNV-1a hash of its template
// number and its string parts, so extraction allocates little and training
// and tagging share one code path.
const (
	fnvOffset = 14695981039346656037
	fnvPrime  = 1099511628211
)

func hstr(h uint64, s string) uint64 {
	for i := 0; i < len(s); i++ {
		h ^= uint64(s[i])
		h *= fnvPrime
	}
	h ^= 0xff // separator
	h *= fnvPrime
	return h
}

func hnum(h uint64, v uint64) uint64 {
	for i := 0; i < 8; i++ {
		h ^= v & 0xff
		h *= fnvPrime
		v >>= 8
	}
	return h
}

func tmpl(t int) uint64 { return hnum(fnvOffset, uint64(t)) }

// tokInfo is what the templates read about one token.
type tokInfo struct {
	w, lw        string
	shape, short string
	cl           string // Brown bit string, "" if unknown
	gaz          []string
	capital      bool // first letter upper case
	allCaps      bool
	hasLetter    bool
	docCap       bool // the lower-cased form appears capitalised mid-sentence elsewhere in the document
	docLower     bool // … and appears in lower case elsewhere in the document
	docStartOnly bool
	// hist holds the first-pass label history features of the document.
	hist []string
	// topic is the document's section word when its first line reads
	// "SOCCER - …" (news wires label sport and market reports this way).
	topic string
	// caseF is the word's case forms in unlabelled text (caseOn set) when
	// the model uses them, else 0.
	caseF uint8
}

const maxWordBytes = 64

func wordShape(w string) (long, short string) {
	var lb, sb strings.Builder
	var last rune
	run := 0
	n := 0
	for _, r := range w {
		n++
		if n > 24 {
			break
		}
		var c rune
		switch {
		case unicode.IsUpper(r):
			c = 'X'
		case unicode.IsLower(r):
			c = 'x'
		case unicode.IsDigit(r):
			c = 'd'
		case unicode.IsLetter(r):
			c = 'l'
		default:
			c = r
		}
		if c == last {
			run++
		} else {
			run = 1
			sb.WriteRune(c)
		}
		if run <= 4 {
			lb.WriteRune(c)
		}
		last = c
	}
	return lb.String(), sb.String()
}

func prefix(s string, n int) string {
	if len(s) <= n {
		return s
	}
	return s[:n]
}

// runePrefix and runeSuffix cut at rune boundaries.
func runePrefix(s string, n int) (string, bool) {
	i := 0
	for k := 0; k < n; k++ {
		if i >= len(s) {
			return s, false
		}
		_, sz := utf8.DecodeRuneInString(s[i:])
		i += sz
	}
	return s[:i], i < len(s)
}

func runeSuffix(s string, n int) (string, bool) {
	i := len(s)
	for k := 0; k < n; k++ {
		if i <= 0 {
			return s, false
		}
		_, sz := utf8.DecodeLastRuneInString(s[:i])
		i -= sz
	}
	return s[i:], i > 0
}

// resources are the read-only lookups feature extraction needs.
type resources struct {
	clusters *wordcluster.Clusters
	gaz      *gazetteer.Gazetteer
	// caseForms, when set (models with the "case" feature set), maps a
	// lower-cased word to the case forms it was seen in often enough to be
	// clustered (caseLower, caseTitle, caseUpper): a word known only
	// capitalised is a name, one known only in lower case is not, however
	// it is written here.
	caseForms map[string]uint8
}

// Case forms of a word in the clusters' vocabulary.
const (
	caseLower uint8 = 1 << iota
	caseTitle
	caseUpper
	caseOn // the feature set is on (so 0 forms still says "unknown")
)

// caseFormsOf reads the case forms of the clusters' words.
func caseFormsOf(cl *wordcluster.Clusters) (map[string]uint8, error) {
	var buf bytes.Buffer
	if err := cl.Write(&buf); err != nil {
		return nil, err
	}
	out := map[string]uint8{}
	for _, line := range strings.Split(buf.String(), "\n") {
		i := strings.IndexByte(line, '\t')
		if i < 0 {
			continue
		}
		w := line[i+1:]
		r, _ := utf8.DecodeRuneInString(w)
		if !unicode.IsLetter(r) {
			continue
		}
		lw := strings.ToLower(w)
		var f uint8
		switch {
		case w == lw:
			f = caseLower
		case w == strings.ToUpper(w) && utf8.RuneCountInString(w) > 1:
			f = caseUpper
		case unicode.IsUpper(r):
			f = caseTitle
		}
		out[lw] |= f
	}
	return out, nil
}

// sentInfo fills the token information of one sentence.
func (res *resources) sentInfo(words []string, infos []tokInfo) {
	for i, w := range words {
		if len(w) > maxWordBytes {
			w = w[:maxWordBytes]
			for !utf8.ValidString(w) && len(w) > 0 {
				w = w[:len(w)-1]
			}
		}
		ti := &infos[i]
		*ti = tokInfo{w: w, lw: strings.ToLower(w), gaz: ti.gaz[:0], hist: ti.hist[:0]}
		ti.shape, ti.short = wordShape(w)
		ti.cl = res.clusters.Lookup(w)
		r, _ := utf8.DecodeRuneInString(w)
		ti.capital = unicode.IsUpper(r)
		ti.allCaps = true
		for _, r := range w {
			if unicode.IsLetter(r) {
				ti.hasLetter = true
				if !unicode.IsUpper(r) {
					ti.allCaps = false
				}
			}
		}
		if !ti.hasLetter {
			ti.allCaps = false
		}
		if res.caseForms != nil && ti.hasLetter {
			ti.caseF = caseOn | res.caseForms[ti.lw]
		}
	}
	if res.gaz == nil {
		return
	}
	for _, h := range res.gaz.Match(words) {
		for k := 0; k < gazetteer.NumKinds; k++ {
			if !h.Has(gazetteer.Kind(k)) {
				continue
			}
			name := gazetteer.Kind(k).String()
			if h.Exact {
				name += "!"
			}
			for j := h.Start; j < h.End; j++ {
				pos := "I"
				switch {
				case h.End-h.Start == 1:
					pos = "U"
				case j == h.Start:
					pos = "B"
				case j == h.End-1:
					pos = "L"
				}
				infos[j].gaz = append(infos[j].gaz, name+pos)
			}
		}
	}
}

// Template numbers. Changing them changes the model: retrain.
const (
	tBias = iota
	tW
	tLW
	tLWm1
	tLWp1
	tLWm2
	tLWp2
	tBiM1
	tBiP1
	tShape
	tShape3
	tShortM1
	tShortP1
	tShortP
	tShortM
	tPrefix
	tSuffix
	tCl
	tClM1
	tClP1
	tClM2
	tClP2
	tGaz
	tGazM1
	tGazP1
	tFirstCap
	tCapsSent
	tDoc
	tClShape
	tLen
	tHist
	tPrev1
	tPrev2
	tPrevShape
	tPrevW
	tPrevCl
	tGazW
	tLWm1Sh
	tLWp1Sh
	tQuote
	tCtxL
	tCtxR
	tRunFirst
	tRunLast
	tRunLen
	tTopic
	tCase
	tCaseShape
	tCaseCtx
)

var clusterPrefixes = [...]int{4, 6, 10, 20}

// static appends the label-independent feature hashes of token i.
func static(dst []uint64, infos []tokInfo, i int, capsSent bool) []uint64 {
	t := &infos[i]
	at := func(k int) *tokInfo {
		if k < 0 || k >= len(infos) {
			return nil
		}
		return &infos[k]
	}
	lw := func(k int) string {
		if ti := at(k); ti != nil {
			return ti.lw
		}
		if k < 0 {
			return "<S>"
		}
		return "</S>"
	}
	short := func(k int) string {
		if ti := at(k); ti != nil {
			return ti.short
		}
		return "#"
	}
	dst = append(dst, tmpl(tBias))
	dst = append(dst, hstr(tmpl(tW), t.w))
	dst = append(dst, hstr(tmpl(tLW), t.lw))
	dst = append(dst, hstr(tmpl(tLWm1), lw(i-1)))
	dst = append(dst, hstr(tmpl(tLWp1), lw(i+1)))
	dst = append(dst, hstr(tmpl(tLWm2), lw(i-2)))
	dst = append(dst, hstr(tmpl(tLWp2), lw(i+2)))
	dst = append(dst, hstr(hstr(tmpl(tBiM1), lw(i-1)), t.lw))
	dst = append(dst, hstr(hstr(tmpl(tBiP1), t.lw), lw(i+1)))
	dst = append(dst, hstr(tmpl(tShape), t.shape))
	dst = append(dst, hstr(hstr(hstr(tmpl(tShape3), short(i-1)), t.short), short(i+1)))
	dst = append(dst, hstr(tmpl(tShortM1), short(i-1)))
	dst = append(dst, hstr(tmpl(tShortP1), short(i+1)))
	dst = append(dst, hstr(hstr(tmpl(tShortP), t.short), short(i+1)))
	dst = append(dst, hstr(hstr(tmpl(tShortM), short(i-1)), t.short))
	dst = append(dst, hstr(hstr(tmpl(tLWm1Sh), lw(i-1)), t.short))
	dst = append(dst, hstr(hstr(tmpl(tLWp1Sh), t.short), lw(i+1)))
	if t.hasLetter {
		for n := 1; n <= 4; n++ {
			if p, ok := runePrefix(t.w, n); ok {
				dst = append(dst, hnum(hstr(tmpl(tPrefix), p), uint64(n)))
			}
			if s, ok := runeSuffix(t.lw, n); ok {
				dst = append(dst, hnum(hstr(tmpl(tSuffix), s), uint64(n)))
			}
		}
	}
	clf := func(tp int, ti *tokInfo, lens []int) {
		if ti == nil {
			dst = append(dst, hstr(tmpl(tp), "<edge>"))
			return
		}
		if ti.cl == "" {
			dst = append(dst, hstr(tmpl(tp), "<unk>"))
			return
		}
		for _, n := range lens {
			dst = append(dst, hnum(hstr(tmpl(tp), prefix(ti.cl, n)), uint64(n)))
		}
	}
	clf(tCl, t, clusterPrefixes[:])
	if t.cl != "" {
		dst = append(dst, hstr(hstr(tmpl(tClShape), prefix(t.cl, 6)), t.short))
	}
	clf(tClM1, at(i-1), clusterPrefixes[:])
	clf(tClP1, at(i+1), clusterPrefixes[:])
	clf(tClM2, at(i-2), []int{6, 20})
	clf(tClP2, at(i+2), []int{6, 20})
	for _, g := range t.gaz {
		dst = append(dst, hstr(tmpl(tGaz), g))
		dst = append(dst, hstr(hstr(tmpl(tGazW), g), t.short))
	}
	if ti := at(i - 1); ti != nil {
		for _, g := range ti.gaz {
			dst = append(dst, hstr(tmpl(tGazM1), g))
		}
	}
	if ti := at(i + 1); ti != nil {
		for _, g := range ti.gaz {
			dst = append(dst, hstr(tmpl(tGazP1), g))
		}
	}
	if i == 0 {
		dst = append(dst, hstr(hstr(tmpl(tFirstCap), "first"), t.short))
	}
	if capsSent {
		dst = append(dst, hstr(hstr(tmpl(tCapsSent), "caps"), t.short))
	}
	if t.docCap {
		dst = append(dst, hstr(tmpl(tDoc), "cap"))
	}
	if t.docLower {
		dst = append(dst, hstr(tmpl(tDoc), "lower"))
	}
	if t.docStartOnly {
		dst = append(dst, hstr(tmpl(tDoc), "startonly"))
	}
	for _, h := range t.hist {
		dst = append(dst, hstr(tmpl(tHist), h))
	}
	if i > 0 && isQuote(infos[i-1].w) {
		dst = append(dst, hstr(tmpl(tQuote), "after"))
	}
	if t.topic != "" && t.capital {
		dst = append(dst, hstr(hstr(tmpl(tTopic), t.topic), t.short))
		if t.cl != "" {
			dst = append(dst, hstr(hstr(tmpl(tTopic), t.topic), prefix(t.cl, 6)))
		}
	}
	// Wider context, unordered: words 3 and 4 away on each side.
	for _, k := range [...]int{i - 3, i - 4} {
		if k >= 0 && infos[k].hasLetter {
			dst = append(dst, hstr(tmpl(tCtxL), infos[k].lw))
		}
	}
	for _, k := range [...]int{i + 3, i + 4} {
		if k < len(infos) && infos[k].hasLetter {
			dst = append(dst, hstr(tmpl(tCtxR), infos[k].lw))
		}
	}
	// How the word is written elsewhere (the "case" feature set): with
	// how it is written here, at the start of a sentence or not, and in a
	// capitals-only sentence or not; and the neighbours' forms.
	if t.caseF != 0 {
		pos := uint64(0)
		if i == 0 || isQuote(infos[i-1].w) || infos[i-1].w == ":" || infos[i-1].w == "-" {
			pos = 1
		}
		if capsSent {
			pos |= 2
		}
		how := uint64(0)
		switch {
		case t.allCaps:
			how = 2
		case t.capital:
			how = 1
		}
		dst = append(dst, hnum(hnum(hnum(tmpl(tCase), uint64(t.caseF)), how), pos))
		dst = append(dst, hstr(hnum(tmpl(tCaseShape), uint64(t.caseF)), t.short))
		if ti := at(i - 1); ti != nil && ti.caseF != 0 {
			dst = append(dst, hnum(hnum(hnum(tmpl(tCaseCtx), uint64(ti.caseF)), uint64(t.caseF)), 1))
		}
		if ti := at(i + 1); ti != nil && ti.caseF != 0 {
			dst = append(dst, hnum(hnum(hnum(tmpl(tCaseCtx), uint64(ti.caseF)), uint64(t.caseF)), 2))
		}
	}
	// The run of capitalised words around the token ("Barnett Banks Inc"):
	// its first and last words and its length.
	if t.capital && !capsSent {
		lo, hi := i, i+1
		for lo > 0 && infos[lo-1].capital {
			lo--
		}
		for hi < len(infos) && infos[hi].capital {
			hi++
		}
		if hi-lo > 1 {
			dst = append(dst, hstr(tmpl(tRunFirst), infos[lo].lw))
			dst = append(dst, hstr(tmpl(tRunLast), infos[hi-1].lw))
			dst = append(dst, hnum(hnum(tmpl(tRunLen), uint64(min(hi-lo, 5))), uint64(min(i-lo, 4))))
		}
	}
	return dst
}

func isQuote(w string) bool {
	switch w {
	case `"`, "``", "''", "“", "”", "‘", "’", "'", "«", "»":
		return true
	}
	return false
}

// dynamic appends the features that read the labels already predicted.
func dynamic(dst []uint64, infos []tokInfo, i int, p1, p2 int) []uint64 {
	t := &infos[i]
	dst = append(dst, hnum(tmpl(tPrev1), uint64(p1)))
	dst = append(dst, hnum(hnum(tmpl(tPrev2), uint64(p1)), uint64(p2)))
	dst = append(dst, hstr(hnum(tmpl(tPrevShape), uint64(p1)), t.short))
	dst = append(dst, hstr(hnum(tmpl(tPrevW), uint64(p1)), t.lw))
	if t.cl != "" {
		dst = append(dst, hstr(hnum(tmpl(tPrevCl), uint64(p1)), prefix(t.cl, 6)))
	}
	return dst
}

// docInfo fills the document-level token information: for each token, whether
// its lower-cased form also appears capitalised in mid-sentence, or in lower
// case, elsewhere in the document. This tells "Tough" at the start of a
// sentence from "Tough" the name, and helps all-caps headlines.
func docInfo(sents [][]tokInfo) {
	topic := ""
	if len(sents) > 0 && len(sents[0]) > 2 && sents[0][1].w == "-" && sents[0][0].hasLetter {
		topic = sents[0][0].lw
	}
	for _, s := range sents {
		for i := range s {
			s[i].topic = topic
		}
	}
	midCap := map[string]bool{}
	lower := map[string]bool{}
	for _, s := range sents {
		caps := capsSentence(s)
		for i := range s {
			t := &s[i]
			if !t.hasLetter {
				continue
			}
			if !caps && i > 0 && t.capital && !t.allCaps {
				midCap[t.lw] = true
			}
			if !t.capital {
				lower[t.lw] = true
			}
		}
	}
	for _, s := range sents {
		caps := capsSentence(s)
		for i := range s {
			t := &s[i]
			if !t.hasLetter || !t.capital {
				continue
			}
			if i == 0 || caps || t.allCaps {
				t.docCap = midCap[t.lw]
				t.docLower = lower[t.lw]
				t.docStartOnly = !midCap[t.lw] && !lower[t.lw]
			}
		}
	}
}

// capsSentence reports whether a sentence is written in capitals (a
// headline): at least three letters-bearing tokens, all upper case.
func capsSentence(s []tokInfo) bool {
	n := 0
	for i := range s {
		if s[i].hasLetter {
			if !s[i].allCaps {
				return false
			}
			n++
		}
	}
	return n >= 3
}
