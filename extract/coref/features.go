package coref

import (
	"strconv"
	"strings"
)

// feats collects hashed feature keys (FNV-1a over the parts with
// separators).
type feats []uint32

const (
	fnvOffset = 2166136261
	fnvPrime  = 16777619
)

func (f *feats) add(parts ...string) {
	h := uint32(fnvOffset)
	for _, p := range parts {
		for i := 0; i < len(p); i++ {
			h ^= uint32(p[i])
			h *= fnvPrime
		}
		h ^= 0x1f
		h *= fnvPrime
	}
	*f = append(*f, h)
}

// pronounBase groups pronoun forms by referent ("him", "his" → "he").
var pronounBase = map[string]string{
	"i": "i", "me": "i", "my": "i", "mine": "i", "myself": "i",
	"we": "we", "us": "we", "our": "we", "ours": "we", "ourselves": "we",
	"you": "you", "your": "you", "yours": "you", "yourself": "you", "yourselves": "you", "ya": "you", "u": "you", "y'all": "you",
	"he": "he", "him": "he", "his": "he", "himself": "he",
	"she": "she", "her": "she", "hers": "she", "herself": "she",
	"it": "it", "its": "it", "itself": "it",
	"they": "they", "them": "they", "their": "they", "theirs": "they", "themselves": "they",
	"this": "this", "that": "that", "these": "these", "those": "those",
}

// shape is a mention's coarse kind for conjunctions: the pronoun's base
// form, or name / nominal with definiteness.
func (m *mention) shape() string {
	if m.kind == pronoun {
		if b, ok := pronounBase[m.head]; ok {
			return b
		}
		return "pro"
	}
	if m.kind == name {
		return "name"
	}
	switch {
	case m.first == "the":
		return "def"
	case m.first == "a" || m.first == "an":
		return "indef"
	case demonstratives[m.first]:
		return "dem"
	case pronounBase[m.first] != "" && m.Start != m.headTok:
		return "poss"
	}
	return "bare"
}

func bucket(n int) string {
	switch {
	case n <= 4:
		return strconv.Itoa(n)
	case n <= 7:
		return "5-7"
	case n <= 15:
		return "8-15"
	case n <= 31:
		return "16-31"
	}
	return "32+"
}

func agree(a, b byte) string {
	switch {
	case a == 0 || b == 0:
		return "?"
	case a == b:
		return "y"
	}
	return "n"
}

func b2s(b bool) string {
	if b {
		return "1"
	}
	return "0"
}

// docContext is per-document state the features read: earlier mentions
// indexed by head lemma and by key.
type docContext struct {
	di     *docInfo
	ms     []*mention
	style  string // "dia", "mono", "addr" or "narr": how many first- and second-person pronouns the document has
	byKey  map[string]int
	byHead map[string]int
	// The entities built so far: each mention's entity and their
	// attributes.
	ent  []int
	ents []*entity
}

// entity is what the mentions linked so far say about an entity.
type entity struct {
	size           int
	gender         [4]int // unknown, m, f, n
	sing, plural   int
	names, pros    int
	keys           map[string]bool
	person1, pers2 bool
	cls            [numClasses]int
}

func genderSlot(g byte) int {
	switch g {
	case 'm':
		return 1
	case 'f':
		return 2
	case 'n':
		return 3
	}
	return 0
}

// join records mention j as part of the entity of antecedent a (-1: a new
// entity).
func (dc *docContext) join(j, a int) {
	m := dc.ms[j]
	var e *entity
	if a < 0 {
		e = &entity{keys: map[string]bool{}}
		dc.ent[j] = len(dc.ents)
		dc.ents = append(dc.ents, e)
	} else {
		dc.ent[j] = dc.ent[a]
		e = dc.ents[dc.ent[j]]
	}
	e.size++
	e.gender[genderSlot(m.gender)]++
	switch plural(m) {
	case 's':
		e.sing++
	case 'p':
		e.plural++
	}
	switch m.kind {
	case name:
		e.names++
	case pronoun:
		e.pros++
	}
	if m.kind != pronoun {
		e.keys[m.key] = true
	}
	e.cls[m.cls]++
	if m.person == 1 {
		e.person1 = true
	}
	if m.person == 2 {
		e.pers2 = true
	}
}

// entityFeats describe linking mention j to the entity of mention i.
func (dc *docContext) entityFeats(i, j int, f *feats) {
	e := dc.ents[dc.ent[i]]
	m := dc.ms[j]
	sm := m.shape()
	g := genderSlot(m.gender)
	if g != 0 {
		other := 0
		for k := 1; k < 4; k++ {
			if k != g {
				other += e.gender[k]
			}
		}
		f.add("Eg", sm, b2s(e.gender[g] > 0), b2s(other > 0))
	}
	switch plural(m) {
	case 's':
		f.add("En", sm, b2s(e.sing > 0), b2s(e.plural > 0))
	case 'p':
		f.add("En", sm, b2s(e.plural > 0), b2s(e.sing > 0))
	}
	if m.kind != pronoun {
		f.add("Ek", m.kind.String(), b2s(e.keys[m.key]), b2s(e.names > 0))
	}
	f.add("Es", sm, bucket(e.size), b2s(e.names > 0), b2s(e.pros > 0))
	if m.person > 0 {
		f.add("Ep", sm, b2s(e.person1), b2s(e.pers2))
	}
	if m.cls != 0 {
		other := 0
		for c, k := range e.cls {
			if c != 0 && c != int(m.cls) {
				other += k
			}
		}
		f.add("Ec", sm, classNames[m.cls], b2s(e.cls[m.cls] > 0), b2s(other > 0))
	} else {
		best := 0
		for c, k := range e.cls {
			if c != 0 && k > e.cls[best] {
				best = c
			}
		}
		f.add("Ec0", sm, classNames[best])
	}
}

func newDocContext(di *docInfo, ms []*mention, cls map[string]uint8) *docContext {
	for _, m := range ms {
		m.cls = mentionClass(m, cls)
	}
	dc := &docContext{di: di, ms: ms, byKey: map[string]int{}, byHead: map[string]int{}, ent: make([]int, len(ms))}
	dc.style = docStyle(ms)
	return dc
}

// newFeats are the features of starting a new entity at mention j (its
// anaphoricity, negated).
func (dc *docContext) newFeats(j int, f *feats) {
	m := dc.ms[j]
	sh := m.shape()
	kd := m.kind.String()
	f.add("N", sh)
	f.add("Nk", kd, dc.style)
	f.add("Ns", sh, dc.style)
	f.add("Nh", kd, m.lemma)
	f.add("Nf", kd, m.first)
	f.add("Nt", kd, m.typ)
	f.add("Nd", sh, m.deprel)
	f.add("Nl", kd, bucket(len(m.words)))
	f.add("Nn", kd, b2s(m.nested))
	f.add("Nq", sh, b2s(m.quoted))
	f.add("Np", kd, b2s(m.plural))
	f.add("Nc", kd, b2s(m.conjPart))
	_, keySeen := dc.byKey[m.key]
	_, headSeen := dc.byHead[m.lemma]
	f.add("Nks", kd, b2s(keySeen), b2s(headSeen))
	f.add("Nksh", sh, b2s(keySeen), b2s(headSeen))
	f.add("Nsent", kd, bucket(m.sent))
	f.add("Ncl", kd, classNames[m.cls])
	if m.kind == pronoun {
		f.add("Npro", m.head)
		f.add("Nprod", m.head, m.deprel)
	}
}

// pairFeats are the features of linking mention j to the earlier mention i.
func (dc *docContext) pairFeats(i, j int, f *feats) {
	a, m := dc.ms[i], dc.ms[j]
	sa, sm := a.shape(), m.shape()
	ka, km := a.kind.String(), m.kind.String()
	pair := ka + ">" + km
	spair := sa + ">" + sm
	f.add("P", spair)
	f.add("Pc", pair, dc.style)
	sd := m.sent - a.sent
	md := j - i
	f.add("Sd", sm, bucket(sd))
	f.add("Sdk", pair, bucket(sd))
	f.add("Md", km, bucket(md))
	f.add("Mdk", pair, bucket(md))
	exact := a.key == m.key
	headMatch := a.lemma == m.lemma
	f.add("Ex", pair, b2s(exact))
	f.add("Hm", pair, b2s(headMatch), b2s(exact))
	f.add("Hms", spair, b2s(headMatch), b2s(exact))
	if m.kind != pronoun && a.kind != pronoun {
		sub := contains(a.words, m.words) || contains(m.words, a.words)
		f.add("Sub", pair, b2s(sub), b2s(headMatch))
		f.add("Hc", pair, b2s(containsWord(a.words, m.head)), b2s(containsWord(m.words, a.head)))
		if !exact {
			f.add("HP", a.lemma, m.lemma)
		}
		if a.kind == name && m.kind == name {
			f.add("Nlast", b2s(a.words[len(a.words)-1] == m.words[len(m.words)-1]), b2s(a.words[0] == m.words[0]))
			f.add("Acr", b2s(isAcronym(m.words, a.words) || isAcronym(a.words, m.words)))
		}
		f.add("Ty", a.typ, m.typ)
		f.add("Fw", a.first, m.first, b2s(headMatch))
	}
	f.add("Num", pair, agree(plural(a), plural(m)))
	f.add("Gen", spair, agree(a.gender, m.gender))
	f.add("Per", spair, b2s(a.person == m.person))
	if m.kind == pronoun {
		f.add("Pt", sm, a.typ, ka)
		f.add("Pl", sm, a.lemma)
		f.add("Pd", sm, a.deprel, bucket(sd))
		f.add("Ppl", sm, ka, b2s(a.plural))
		f.add("Pdd", sm, m.deprel, a.deprel)
		if a.kind == pronoun {
			f.add("PP", a.head, m.head)
			f.add("PPd", sa, sm, bucket(sd))
			f.add("PPs", sa, sm, dc.style, bucket(sd))
		}
		f.add("Pq", sm, b2s(a.quoted), b2s(m.quoted))
	} else {
		f.add("Ad", km, a.deprel)
		f.add("Md", km, m.deprel, b2s(headMatch))
	}
	nested := a.End >= m.Start
	if nested {
		f.add("Nest", pair, b2s(a.headTok == m.headTok))
	}
	if sd == 0 {
		di := dc.di
		sameVerb := di.toks[a.headTok].head == di.toks[m.headTok].head
		f.add("Same", sm, b2s(sameVerb), a.deprel)
		if m.kind == pronoun && a.headTok == di.toks[m.headTok].head {
			f.add("Gov", sm) // "Byron ... his" inside the same phrase
		}
	}
	f.add("Ty2", a.typ, sm)
	f.add("Cl", classNames[a.cls], classNames[m.cls], sm, b2s(headMatch))
	if a.cls != 0 && m.cls != 0 {
		f.add("Clm", b2s(a.cls == m.cls), pair, b2s(headMatch))
	}
}

// around are the words before and after a mention.
func (dc *docContext) around(m *mention) (prev, next string) {
	prev, next = "<s>", "</s>"
	if m.Start > 0 && !dc.di.toks[m.Start].sentFirstTok {
		prev = dc.di.toks[m.Start-1].lower
	}
	if m.End+1 < len(dc.di.toks) && !dc.di.toks[m.End+1].sentFirstTok {
		next = dc.di.toks[m.End+1].lower
	}
	return prev, next
}

func plural(m *mention) byte {
	if m.kind == pronoun {
		if _, ok := pronounInfo[m.head]; !ok && !demonstratives[m.head] {
			return 0
		}
		if m.person == 2 {
			return 0
		}
	}
	if m.plural {
		return 'p'
	}
	return 's'
}

func contains(long, short []string) bool {
	if len(short) == 0 || len(short) > len(long) {
		return false
	}
	for i := 0; i+len(short) <= len(long); i++ {
		ok := true
		for k := range short {
			if long[i+k] != short[k] {
				ok = false
				break
			}
		}
		if ok {
			return true
		}
	}
	return false
}

func containsWord(ws []string, w string) bool {
	for _, x := range ws {
		if x == w {
			return true
		}
	}
	return false
}

// isAcronym says whether short is one word made of the initials of long's
// capitalised words ("UN" for "United Nations").
func isAcronym(short, long []string) bool {
	if len(short) != 1 || len(long) < 2 {
		return false
	}
	var b strings.Builder
	for _, w := range long {
		if w == "the" || w == "of" || w == "and" || w == "for" {
			continue
		}
		b.WriteByte(w[0])
	}
	s := strings.ReplaceAll(short[0], ".", "")
	return len(s) > 1 && s == b.String()
}

// docStyle tells dialogue (many first- and second-person pronouns),
// monologue (first person), address (second person) and narrative apart.
func docStyle(ms []*mention) string {
	n1, n2 := 0, 0
	for _, m := range ms {
		switch m.person {
		case 1:
			n1++
		case 2:
			n2++
		}
	}
	lim := 0.08 * float64(len(ms))
	switch p1, p2 := float64(n1) >= lim, float64(n2) >= lim; {
	case len(ms) == 0:
		return "narr"
	case p1 && p2:
		return "dia"
	case p1:
		return "mono"
	case p2:
		return "addr"
	}
	return "narr"
}

// personPronouns are the pronouns that refer to people.
var personPronouns = map[string]bool{"i": true, "you": true, "he": true, "she": true}

// mentionClass is a mention's semantic class: people for personal
// pronouns, the recognizer's type for names, the lexicon's class of the
// head lemma otherwise.
func mentionClass(m *mention, cls map[string]uint8) uint8 {
	if m.kind == pronoun {
		if personPronouns[pronounBase[m.head]] {
			return clsPerson
		}
		return 0
	}
	if m.kind == name {
		if c, ok := nerClass[m.typ]; ok {
			return c
		}
	}
	if c, ok := cls[m.lemma]; ok {
		return c
	}
	return nerClass[m.typ]
}
