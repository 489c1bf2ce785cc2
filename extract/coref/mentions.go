package coref

import (
	"sort"
	"strings"
)

// kind is what a detected mention is.
type kind uint8

const (
	name kind = iota
	nominal
	pronoun
)

func (k kind) String() string {
	switch k {
	case name:
		return "name"
	case nominal:
		return "nom"
	}
	return "pro"
}

// mention is a candidate mention with what the model needs.
type mention struct {
	Mention
	kind     kind
	headTok  int
	head     string // lower-cased head word
	lemma    string // lower-cased head lemma
	words    []string
	key      string // lower-cased words without a leading determiner
	first    string // first word, lower-cased
	typ      string // entity type of a recognized name over the head
	sent     int
	deprel   string
	plural   bool
	gender   byte // 'm', 'f', 'n' for pronouns and gendered nouns
	person   int  // 1, 2 for first- and second-person pronouns
	quoted   bool
	nested   bool  // inside another candidate
	index    int   // position in the document's mention list
	conjPart bool  // a conjunct of a coordination that is a mention too
	cls      uint8 // semantic class (index of classNames), 0 unknown
}

// The relations left out of a noun phrase taken without its coordination
// (noConj) and, for its variant without an apposition, also the
// apposition and its clause (noConjAppos).
var (
	noConj      = map[string]bool{"conj": true, "cc": true}
	noConjAppos = map[string]bool{"conj": true, "cc": true, "appos": true, "acl": true}
)

// spanRels are the relations whose dependents belong to a noun phrase.
var spanRels = map[string]bool{
	"det": true, "det:poss": true, "det:predet": true, "nmod:poss": true, "amod": true, "nmod": true,
	"nmod:tmod": true, "nmod:npmod": true, "nmod:unmarked": true, "compound": true, "compound:prt": true,
	"flat": true, "flat:name": true, "fixed": true, "nummod": true, "acl": true, "acl:relcl": true,
	"appos": true, "conj": true, "cc": true, "case": true, "advmod": true, "punct": true, "dep": true,
	"amod:npmod": true, "obl:npmod": true, "list": true, "goeswith": true, "cc:preconj": true,
}

// nonReferential are pronouns and determiners OntoNotes never marks.
var nonReferential = map[string]bool{
	"who": true, "whom": true, "which": true, "what": true, "whose": true, "whoever": true, "whatever": true,
	"whichever": true, "something": true, "anything": true, "nothing": true, "everything": true,
	"someone": true, "anyone": true, "everyone": true, "somebody": true, "anybody": true, "everybody": true,
	"nobody": true, "none": true, "each": true, "all": true, "both": true, "either": true, "neither": true,
	"one": true, "ones": true, "another": true, "other": true, "others": true, "some": true, "any": true,
	"many": true, "much": true, "few": true, "several": true, "most": true, "more": true, "less": true,
	"such": true, "whatsoever": true, "there": true, "where": true, "when": true, "how": true, "why": true,
	"lot": true, "bit": true, "thing": true, "kind": true, "sort": true, "way": true, "time": true, "yes": true, "no": true,
}

var determiners = map[string]bool{"the": true, "a": true, "an": true, "this": true, "that": true, "these": true, "those": true, "some": true, "any": true, "my": true, "your": true, "his": true, "her": true, "its": true, "our": true, "their": true}

var demonstratives = map[string]bool{"this": true, "that": true, "these": true, "those": true}

// genderedNouns give the gender of common person nouns.
var genderedNouns = map[string]byte{
	"man": 'm', "men": 'm', "boy": 'm', "father": 'm', "son": 'm', "brother": 'm', "husband": 'm', "king": 'm',
	"mr.": 'm', "mr": 'm', "sir": 'm', "lord": 'm', "uncle": 'm', "nephew": 'm', "grandfather": 'm', "dad": 'm', "guy": 'm',
	"prince": 'm', "emperor": 'm', "gentleman": 'm', "actor": 'm', "boyfriend": 'm', "wife": 'f', "woman": 'f', "women": 'f', "girl": 'f',
	"mother": 'f', "daughter": 'f', "sister": 'f', "queen": 'f', "mrs.": 'f', "mrs": 'f', "ms.": 'f', "ms": 'f', "lady": 'f',
	"aunt": 'f', "niece": 'f', "grandmother": 'f', "mom": 'f', "mum": 'f', "princess": 'f', "empress": 'f', "actress": 'f', "girlfriend": 'f', "miss": 'f',
}

// subtreeSpan is the noun phrase headed by h: h and the subtrees of its
// noun-phrase dependents, skipping those in skip and the dependents right
// of h from token cut on; leading prepositions, coordinators and
// punctuation at the edges are cut.
func subtreeSpan(di *docInfo, h int, skip map[string]bool, cut int) (int, int) {
	lo, hi := h, h
	for _, c := range di.toks[h].children {
		if !takes(di, h, c, skip) || c > h && c >= cut {
			continue
		}
		if (di.toks[c].deprel == "cc" || di.toks[c].deprel == "punct" || di.toks[c].deprel == "advmod") && c < h && lo == h {
			// advmod/cc/punct before the head only when nothing else precedes;
			// kept only if a later dependent reaches over it.
			continue
		}
		a, b := subtreeRange(di, c)
		lo, hi = min(lo, a), max(hi, b)
	}
	// Trim edges, and brackets left unbalanced.
	for {
		switch {
		case lo < hi && trimEdge(di, lo, h):
			lo++
		case hi > lo && trimEdge(di, hi, h) && !(isQuote(di.toks[hi].text) && quoteOpen(di, lo, hi)):
			hi--
		case hi > lo && isClose(di.toks[hi].text) && !hasOpen(di, lo, hi):
			hi--
		default:
			return lo, hi
		}
	}
}

// takes says whether the noun phrase headed by h takes its dependent c
// (skipping the relations in skip).
func takes(di *docInfo, h, c int, skip map[string]bool) bool {
	rel := di.toks[c].deprel
	if !spanRels[rel] && !spanRels[baseRel(rel)] || skip[rel] || skip[baseRel(rel)] && !(rel == "cc:preconj" && !hasChild(di, h, "conj")) {
		// ("both her parents" keeps its "both", a conjunct of
		// "both A and B" does not.)
		return false
	}
	if rel == "case" && c < h && di.toks[c].xpos != "POS" {
		return false
	}
	if (rel == "dep" || rel == "advmod") && c > h {
		return false
	}
	if rel == "conj" && !nominalConj(di, c) {
		return false
	}
	return true
}

func trimEdge(di *docInfo, i, h int) bool {
	if i == h {
		return false
	}
	t := di.toks[i]
	return t.upos == "PUNCT" && !isClose(t.text) || t.upos == "CCONJ" && t.deprel != "cc:preconj" || t.deprel == "mark" || t.deprel == "case" && t.xpos != "POS" && i < h
}

// quoteOpen says whether the tokens [lo, hi) leave a quotation open.
func quoteOpen(di *docInfo, lo, hi int) bool {
	n := 0
	for i := lo; i < hi; i++ {
		if isQuote(di.toks[i].text) {
			n++
		}
	}
	return n%2 == 1
}

func isClose(t string) bool { return t == ")" || t == "]" }

// hasOpen says whether the span [lo, hi) opens a bracket.
func hasOpen(di *docInfo, lo, hi int) bool {
	for i := lo; i < hi; i++ {
		if t := di.toks[i].text; t == "(" || t == "[" {
			return true
		}
	}
	return false
}

func baseRel(r string) string {
	if i := strings.IndexByte(r, ':'); i >= 0 {
		return r[:i]
	}
	return r
}

// isMentionHead says whether token i heads a candidate mention.
func isMentionHead(di *docInfo, i int, alone map[string]bool) bool {
	t := di.toks[i]
	switch t.upos {
	case "PRON":
		if _, ok := pronounInfo[t.lower]; ok {
			return t.deprel != "expl"
		}
		return demonstratives[t.lower]
	case "DET":
		return demonstratives[t.lower] && !strings.HasPrefix(t.deprel, "det")
	case "NOUN", "PROPN":
		if nonReferential[t.lower] {
			return false
		}
		switch t.deprel {
		case "compound", "flat", "fixed", "goeswith":
			// Part of a larger name; a proper noun of another entity
			// ("the Harrow school") still counts.
			if t.upos != "PROPN" || t.head < 0 {
				return false
			}
			h := di.toks[t.head]
			return h.upos == "NOUN" && t.ner != "" || t.ner != "" && h.ner == "" && t.nerEnd < t.head || alone[t.lower]
		}
		return true
	case "NUM":
		return t.deprel == "nsubj" || t.deprel == "obj"
	}
	return false
}

// detectMentions finds candidate mentions from the parse: every noun,
// proper noun and personal or demonstrative pronoun heads one, spanning its
// noun phrase; coordinations give the whole and each conjunct. score, when
// not nil, decides where the noun phrase of a head without coordination
// ends (see rightCut).
func detectMentions(di *docInfo, score scorer) []*mention {
	seen := map[Mention]bool{}
	var ms []*mention
	alone := aloneNames(di)
	add := func(h, lo, hi int, conjPart bool) {
		sp := Mention{lo, hi}
		if seen[sp] {
			return
		}
		seen[sp] = true
		ms = append(ms, newMention(di, h, lo, hi, conjPart))
	}
	for i := range di.toks {
		if !isMentionHead(di, i, alone) {
			continue
		}
		all := len(di.toks)
		if hasNominalConj(di, i) {
			lo, hi := subtreeSpan(di, i, nil, all)
			add(i, lo, hi, false)
			ms[len(ms)-1].plural = true
			lo, hi = subtreeSpan(di, i, noConj, all)
			add(i, lo, hi, true)
			continue
		}
		lo, hi := subtreeSpan(di, i, noConj, rightCut(di, i, noConj, score))
		if di.toks[i].upos == "PRON" && isPredicate(di, i) {
			lo, hi = i, i // "he" of "he is indeed", parsed as the predicate
		}
		add(i, lo, hi, di.toks[i].deprel == "conj")
		if hasChild(di, i, "appos") {
			lo, hi := subtreeSpan(di, i, noConjAppos, all)
			add(i, lo, hi, false)
		}
	}
	sort.Slice(ms, func(a, b int) bool {
		if ms[a].Start != ms[b].Start {
			return ms[a].Start < ms[b].Start
		}
		return ms[a].End > ms[b].End
	})
	for k, m := range ms {
		m.index = k
		for j := k - 1; j >= 0 && j >= k-20; j-- {
			if ms[j].Start <= m.Start && ms[j].End >= m.End {
				m.nested = true
				break
			}
		}
	}
	return ms
}

// aloneNames are the proper nouns the document uses as a name of one word
// (no compound or flat part on either side), lower case: inside a longer
// name they head a candidate of their own ("Harvard" in "Harvard
// University" when "Harvard" stands alone elsewhere).
func aloneNames(di *docInfo) map[string]bool {
	alone := map[string]bool{}
	for i, t := range di.toks {
		if t.upos != "PROPN" || t.deprel == "compound" || t.deprel == "flat" || t.head >= 0 && di.toks[t.head].upos == "PROPN" {
			continue
		}
		if !hasChild(di, i, "compound") && !hasChild(di, i, "flat") {
			alone[t.lower] = true
		}
	}
	return alone
}

// hasNominalConj says whether h heads a coordination of noun phrases.
func hasNominalConj(di *docInfo, h int) bool {
	for _, c := range di.toks[h].children {
		if di.toks[c].deprel == "conj" && nominalConj(di, c) {
			return true
		}
	}
	return false
}

// nominalConj says whether conjunct c is a noun phrase rather than a clause.
func nominalConj(di *docInfo, c int) bool {
	if !isNominal(di.toks[c].upos) && di.toks[c].upos != "NUM" {
		return false
	}
	for _, k := range di.toks[c].children {
		switch baseRel(di.toks[k].deprel) {
		case "nsubj", "cop", "aux", "csubj", "expl":
			return false
		}
	}
	return true
}

func hasChild(di *docInfo, h int, rel string) bool {
	for _, c := range di.toks[h].children {
		if di.toks[c].deprel == rel {
			return true
		}
	}
	return false
}

func isNominal(upos string) bool { return upos == "NOUN" || upos == "PROPN" || upos == "PRON" }

func newMention(di *docInfo, h, lo, hi int, conjPart bool) *mention {
	t := di.toks[h]
	m := &mention{Mention: Mention{lo, hi}, headTok: h, head: t.lower, lemma: t.lemma, sent: t.sent, deprel: t.deprel,
		quoted: t.quoteDepth > 0, conjPart: conjPart}
	if m.lemma == "" {
		m.lemma = m.head
	}
	for k := lo; k <= hi; k++ {
		m.words = append(m.words, di.toks[k].lower)
	}
	m.first = m.words[0]
	ws := m.words
	if len(ws) > 1 && determiners[ws[0]] {
		ws = ws[1:]
	}
	if n := len(ws); n > 1 && (ws[n-1] == "'s" || ws[n-1] == "'") {
		ws = ws[:n-1]
	}
	m.key = strings.Join(ws, " ")
	switch {
	case t.upos == "PRON" || t.upos == "DET" && demonstratives[t.lower]:
		m.kind = pronoun
		if p, ok := pronounInfo[t.lower]; ok {
			m.gender, m.plural, m.person = p.gender, p.plural, p.person
		} else {
			m.plural = t.lower == "these" || t.lower == "those"
		}
	case t.upos == "PROPN" || t.ner != "" && t.ner != "NORP" && t.nerEnd >= h && t.nerStart >= lo:
		m.kind = name
	default:
		m.kind = nominal
	}
	if t.ner != "" {
		m.typ = t.ner
	}
	if m.kind != pronoun {
		m.plural = t.xpos == "NNS" || t.xpos == "NNPS"
		if g, ok := genderedNouns[t.lower]; ok {
			m.gender = g
		} else if lo < h {
			if g, ok := genderedNouns[di.toks[lo].lower]; ok {
				m.gender = g
			}
		}
		if m.gender == 0 && m.kind == name && (t.ner == "" || nerClass[t.ner] == clsPerson) {
			s := lo
			if t.nerStart >= lo {
				s = t.nerStart
			}
			m.gender = nameGender(di, s, h)
		}
	}
	return m
}

var pronounInfo = map[string]struct {
	person int
	gender byte
	plural bool
}{
	"i": {1, 0, false}, "me": {1, 0, false}, "my": {1, 0, false}, "mine": {1, 0, false}, "myself": {1, 0, false},
	"we": {1, 0, true}, "us": {1, 0, true}, "our": {1, 0, true}, "ours": {1, 0, true}, "ourselves": {1, 0, true},
	"you": {2, 0, false}, "your": {2, 0, false}, "yours": {2, 0, false}, "yourself": {2, 0, false}, "yourselves": {2, 0, true},
	"he": {3, 'm', false}, "him": {3, 'm', false}, "his": {3, 'm', false}, "himself": {3, 'm', false},
	"she": {3, 'f', false}, "her": {3, 'f', false}, "hers": {3, 'f', false}, "herself": {3, 'f', false},
	"it": {3, 'n', false}, "its": {3, 'n', false}, "itself": {3, 'n', false},
	"they": {3, 0, true}, "them": {3, 0, true}, "their": {3, 0, true}, "theirs": {3, 0, true}, "themselves": {3, 0, true},
	"y'all": {2, 0, true}, "ya": {2, 0, false}, "u": {2, 0, false},
}

// isPredicate says whether token i heads a clause (has a subject, copula
// or auxiliary).
func isPredicate(di *docInfo, i int) bool {
	for _, c := range di.toks[i].children {
		switch baseRel(di.toks[c].deprel) {
		case "nsubj", "cop", "aux", "csubj":
			return true
		}
	}
	return false
}
