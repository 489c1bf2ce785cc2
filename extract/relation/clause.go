package relation

import (
	"strings"
)

// argument is a clause argument after the verb: a direct or indirect
// object, a complement, a prepositional or adverbial phrase, or a clausal
// complement.
type argument struct {
	head int
	kind string // obj, iobj, comp, obl, tmod, ccomp, agent
	prep string // the preposition ("to", "according to"), lower case
	toks []int  // the phrase, without the preposition
}

// clause is one predicate with its subject and arguments, before
// coordination is split.
type clause struct {
	verb     int   // the content predicate (a verb, or the nominal of a copula)
	chain    []int // governing verbs of a control chain, outermost first
	subj     []int // subject heads (coordinated subjects each), may be empty
	implicit bool  // the subject was inherited (coordination, control, relative)
	// patient is set for participles modifying a noun ("statements made
	// by Biden"): the noun is the object.
	patient  int
	passive  bool
	copula   int // the copula token, -1 when none
	args     []argument
	neg      bool
	modal    string // will, would, may, could, should, must, might, can
	hedge    string // probably, reportedly, allegedly, "is said to"
	intent   string // want, plan, intend, seek, hope … (control chain head)
	question bool
	cond     bool // inside an if/unless clause
	particle string
	// purpose is the infinitive a passive governor was split from ("was
	// invited … to analyze …"), kept as a qualifier of its fact.
	purpose []int
}

var speechLemmas = map[string]bool{
	"say": true, "tell": true, "add": true, "state": true, "declare": true, "announce": true,
	"stress": true, "emphasize": true, "emphasise": true, "note": true, "write": true, "explain": true,
	"insist": true, "warn": true, "claim": true, "deny": true, "reply": true, "respond": true,
	"answer": true, "confirm": true, "affirm": true, "report": true, "argue": true, "suggest": true,
	"believe": true, "think": true, "admit": true, "reiterate": true, "remark": true, "tweet": true,
	"complain": true, "allege": true, "accuse": true, "assert": true, "acknowledge": true, "predict": true,
	"find": true, "show": true, "conclude": true, "indicate": true, "reveal": true, "know": true,
}

var modals = map[string]string{
	"will": "will", "would": "would", "may": "may", "might": "might", "could": "could",
	"should": "should", "must": "must", "can": "can", "ca": "can", "wo": "will", "shall": "shall",
}

var hedges = map[string]bool{
	"probably": true, "possibly": true, "reportedly": true, "allegedly": true, "apparently": true,
	"perhaps": true, "maybe": true, "likely": true, "supposedly": true, "presumably": true,
}

var intentLemmas = map[string]bool{
	"want": true, "plan": true, "intend": true, "seek": true, "hope": true, "try": true,
	"aim": true, "wish": true, "agree": true, "refuse": true, "decide": true, "offer": true,
	"promise": true, "threaten": true, "attempt": true, "expect": true, "need": true,
	"continue": true, "begin": true, "start": true, "fail": true, "like": true, "prefer": true,
}

var negWords = map[string]bool{"not": true, "n't": true, "never": true, "no": false}

// particles that form phrasal verbs when attached as adverbs.
var particleWords = map[string]bool{
	"back": true, "off": true, "out": true, "up": true, "down": true, "away": true, "over": true, "in": true, "on": true,
}

// isPredicate reports whether token i heads a clause.
func (t *tree) isPredicate(i int) bool {
	tok := &t.toks[i]
	r := base(t.rel[i])
	switch r {
	case "amod", "compound", "case", "mark", "fixed", "flat", "det", "aux", "cop", "discourse", "goeswith", "reparandum", "punct", "cc":
		return false
	}
	if tok.UPOS == "VERB" {
		return true
	}
	if t.child(i, "cop") >= 0 && t.child(i, "nsubj", "csubj") >= 0 {
		return true
	}
	return false
}

// subjects finds the subject heads of predicate v, following coordination,
// control and relative clauses upwards. implicit reports inheritance.
func (t *tree) subjects(v int, depth int) (subj []int, implicit bool) {
	if depth > 8 {
		return nil, false
	}
	for _, k := range t.kids[v] {
		switch base(t.rel[k]) {
		case "nsubj", "csubj":
			if t.isRelPronoun(k) && t.rel[v] == "acl:relcl" && t.head[v] >= 0 {
				return t.conjuncts(t.head[v]), true
			}
			if a := t.antecedent(k, v); a >= 0 {
				return []int{a}, true
			}
			if isNominal(t.toks[k].UPOS) || t.toks[k].UPOS == "DET" || t.toks[k].UPOS == "ADJ" || t.toks[k].UPOS == "X" || t.toks[k].UPOS == "SYM" {
				return t.conjuncts(k), false
			}
			return []int{k}, false
		case "expl":
			// "There is …": no subject of its own.
		}
	}
	h := t.head[v]
	if h < 0 {
		return nil, false
	}
	switch t.rel[v] {
	case "conj":
		if t.afterQuotedClause(v) {
			// "“Biden has insulted us,” complains Volodin": the verb after
			// the closing quotation mark reports the quote; its subject
			// is not the quote's.
			return nil, false
		}
		if t.isPredicate(h) || t.toks[h].UPOS == "VERB" {
			s, _ := t.subjects(h, depth+1)
			return s, true
		}
		// A verb coordinated with a verb's object ("tried to find jobs and
		// worked as …", a common misattachment): the subject of the verb
		// governing that object.
		if g := t.head[h]; t.toks[v].UPOS == "VERB" && isNominal(t.toks[h].UPOS) && g >= 0 && base(t.rel[h]) == "obj" && t.toks[g].UPOS == "VERB" {
			s, _ := t.subjects(g, depth+1)
			return s, true
		}
	case "xcomp":
		if o := t.child(h, "obj", "iobj"); o >= 0 && t.toks[v].UPOS == "VERB" {
			return []int{o}, true
		}
		s, _ := t.subjects(h, depth+1)
		return s, true
	case "acl:relcl":
		return []int{h}, true
	case "acl":
		if t.toks[v].XPOS == "VBN" {
			return nil, false // a passive participle: the noun is the patient
		}
		return []int{h}, true
	case "advcl":
		if t.toks[v].XPOS == "VBG" || t.toks[v].XPOS == "VBN" || t.child(v, "mark") >= 0 && t.lower(t.child(v, "mark")) == "to" {
			s, _ := t.subjects(h, depth+1)
			return s, true
		}
	}
	return nil, false
}

// antecedent is the noun a relative pronoun subject k of predicate v
// stands for when the parse does not attach the clause to it as acl:relcl:
// the noun a coordinated relative clause's first conjunct modifies ("the
// man who came and who saw"), else the nearest noun written before the
// pronoun ("Jones , who authored …" parsed as a coordinated clause).
// It returns -1 when k is not such a pronoun.
func (t *tree) antecedent(k, v int) int {
	w := t.lower(k)
	if w != "who" && w != "which" && w != "that" && w != "whom" {
		return -1
	}
	for j, steps := v, 0; j >= 0 && t.rel[j] == "conj" && steps < 8; j, steps = t.head[j], steps+1 {
		if h := t.head[j]; h >= 0 && t.rel[h] == "acl:relcl" && t.head[h] >= 0 {
			return t.head[h]
		}
	}
	p := k - 1
	for p >= 0 && t.toks[p].UPOS == "PUNCT" {
		p--
	}
	if p < 0 {
		return -1
	}
	if !isNominal(t.toks[p].UPOS) && t.toks[p].UPOS != "NUM" {
		return -1
	}
	if w == "that" && p != k-1 {
		return -1
	}
	// The phrase's head: up flat names and compounds, and from "of" to the
	// noun it completes ("a portion of the prostate , which").
	for steps := 0; steps < 6; steps++ {
		h := t.head[p]
		if h < 0 || t.dominates(v, h) || !isNominal(t.toks[h].UPOS) {
			break
		}
		r := base(t.rel[p])
		if (r == "flat" || r == "compound") && t.toks[h].UPOS == t.toks[p].UPOS {
			p = h
			continue
		}
		if r == "nmod" && h < p {
			if prep, _ := t.caseOf(p); prep == "of" {
				p = h
				continue
			}
		}
		break
	}
	if t.dominates(p, v) && !t.dominates(p, k) {
		return -1
	}
	return p
}

func (t *tree) isRelPronoun(k int) bool {
	switch t.lower(k) {
	case "who", "which", "that", "whom", "whose":
		return true
	}
	return false
}

// caseOf returns the preposition of a nominal: its case children joined.
func (t *tree) caseOf(k int) (string, []int) {
	var words []string
	var idx []int
	for _, c := range t.kids[k] {
		if base(t.rel[c]) == "case" && c < k {
			words = append(words, t.lower(c))
			idx = append(idx, c)
			for _, f := range t.kids[c] {
				if t.rel[f] == "fixed" {
					words = append(words, t.lower(f))
					idx = append(idx, f)
				}
			}
		}
	}
	return strings.Join(words, " "), idx
}

// argSkip leaves coordinated conjuncts out of a phrase (they become
// separate facts) and punctuation-led appositions.
func (t *tree) argSkip(c int) bool {
	switch base(t.rel[c]) {
	case "conj", "cc", "parataxis", "punct":
		return true
	}
	return false
}

// phrase is the argument phrase headed by k, without its preposition.
func (t *tree) phrase(k int, prep []int) []int {
	skip := map[int]bool{}
	for _, p := range prep {
		skip[p] = true
	}
	return t.span(k, func(c int) bool {
		if skip[c] {
			return true
		}
		return t.argSkip(c)
	})
}

// clauses finds every clause of the sentence.
func (t *tree) clauses() []clause {
	n := len(t.toks)
	merged := make([]bool, n) // xcomp verbs merged into their governor's clause
	gov := make([]int, n)
	for i := range gov {
		gov[i] = -1
	}
	for i := 0; i < n; i++ {
		if t.rel[i] == "xcomp" && t.toks[i].UPOS == "VERB" && t.head[i] >= 0 && t.toks[t.head[i]].UPOS == "VERB" && t.child(t.head[i], "obj") < 0 {
			merged[i] = true
			gov[i] = t.head[i]
		}
	}
	question := n > 0 && strings.HasSuffix(t.toks[n-1].Text, "?")
	var out []clause
	for v := 0; v < n; v++ {
		if !t.isPredicate(v) || merged[v] {
			continue
		}
		// Follow the control chain down to the content verb.
		content := v
		var chain []int
		for steps := 0; steps < 6; steps++ {
			next := -1
			for _, k := range t.kids[content] {
				if merged[k] && gov[k] == content {
					next = k
					break
				}
			}
			if next < 0 {
				break
			}
			chain = append(chain, content)
			content = next
		}
		c := clause{verb: content, chain: chain, patient: -1, copula: -1, question: question}
		c.subj, c.implicit = t.subjects(v, 0)
		if t.rel[v] == "acl" && t.toks[v].XPOS == "VBN" && t.head[v] >= 0 {
			c.patient = t.head[v]
			c.passive = true
		}
		c.cond = t.inConditional(v)
		verbs := append(append([]int(nil), chain...), content)
		for _, w := range verbs {
			for _, k := range t.kids[w] {
				lw := t.lower(k)
				switch base(t.rel[k]) {
				case "aux":
					if t.rel[k] == "aux:pass" {
						c.passive = true
					}
					if m, ok := modals[lw]; ok && c.modal == "" {
						c.modal = m
					}
				case "advmod":
					if negWords[lw] {
						c.neg = !c.neg
					} else if hedges[lw] {
						c.hedge = lw
					} else if particleWords[lw] && w == content && k > w && c.particle == "" {
						c.particle = lw
					}
				case "compound":
					if t.rel[k] == "compound:prt" && w == content {
						c.particle = lw
					}
				case "nsubj":
					if t.rel[k] == "nsubj:pass" {
						c.passive = true
					}
				case "cop":
					if w == content {
						c.copula = k
					}
				}
			}
		}
		if len(chain) > 0 {
			c.intent = t.lemma(chain[len(chain)-1])
			if speechLemmas[t.lemma(chain[0])] && t.child(chain[0], "aux:pass") >= 0 {
				c.hedge = t.text(t.relationTokens(&clause{verb: chain[0], copula: -1})) + " to"
			}
		}
		// Arguments: those of the content verb, then adverbials of the chain.
		for _, w := range verbs {
			for _, k := range t.kids[w] {
				if a, ok := t.argument(k, w == content); ok {
					c.args = append(c.args, a)
				}
			}
		}
		// A verb coordinated with an earlier one shares the arguments
		// written before that one's subject ("In 1970 , Arad moved … and
		// enrolled …": enrolled in 1970).
		if t.rel[v] == "conj" && c.implicit && t.child(v, "nsubj", "nsubj:pass") < 0 && t.head[v] >= 0 && t.toks[t.head[v]].UPOS == "VERB" {
			h := t.head[v]
			if s := t.child(h, "nsubj", "nsubj:pass"); s >= 0 {
				for _, k := range t.kids[h] {
					if k >= s {
						break
					}
					if base(t.rel[k]) != "obl" {
						continue
					}
					if a, ok := t.argument(k, false); ok {
						c.args = append(c.args, a)
					}
				}
			}
		}
		sortArgs(c.args)
		out = append(out, c)
	}
	return out
}

// argument classifies child k of a verb as a clause argument.
func (t *tree) argument(k int, content bool) (argument, bool) {
	r := t.rel[k]
	switch base(r) {
	case "obj":
		if !content {
			return argument{}, false
		}
		return argument{head: k, kind: "obj", toks: t.phrase(k, nil)}, true
	case "iobj":
		if !content {
			return argument{}, false
		}
		return argument{head: k, kind: "iobj", toks: t.phrase(k, nil)}, true
	case "xcomp":
		if !content || t.toks[k].UPOS == "VERB" {
			return argument{}, false
		}
		prep, pi := t.caseOf(k)
		return argument{head: k, kind: "comp", prep: prep, toks: t.phrase(k, pi)}, true
	case "obl", "nmod":
		if base(r) == "nmod" && t.toks[t.head[k]].UPOS != "VERB" {
			return argument{}, false
		}
		prep, pi := t.caseOf(k)
		kind := "obl"
		switch {
		case r == "obl:agent" || prep == "by" && t.child(t.head[k], "aux:pass") >= 0:
			kind = "agent"
		case r == "obl:tmod" || r == "obl:npmod" && prep == "":
			kind = "tmod"
		case prep == "as" && content:
			kind = "comp"
		}
		return argument{head: k, kind: kind, prep: prep, toks: t.phrase(k, pi)}, true
	case "ccomp":
		if !content {
			return argument{}, false
		}
		var skip []int
		if m := t.child(k, "mark"); m >= 0 && (t.lower(m) == "that" || t.lower(m) == "whether" || t.lower(m) == "if") {
			skip = append(skip, m)
		}
		return argument{head: k, kind: "ccomp", toks: t.span(k, func(c int) bool {
			for _, s := range skip {
				if c == s {
					return true
				}
			}
			return base(t.rel[c]) == "punct"
		})}, true
	}
	return argument{}, false
}

func sortArgs(a []argument) {
	for i := 1; i < len(a); i++ {
		for j := i; j > 0 && a[j].head < a[j-1].head; j-- {
			a[j], a[j-1] = a[j-1], a[j]
		}
	}
}

// inConditional reports whether v is inside an if/unless clause.
func (t *tree) inConditional(v int) bool {
	for j, steps := v, 0; j >= 0 && steps < 10; j, steps = t.head[j], steps+1 {
		if base(t.rel[j]) == "advcl" {
			if m := t.child(j, "mark"); m >= 0 {
				switch t.lower(m) {
				case "if", "unless":
					return true
				}
			}
		}
	}
	return false
}

// relationTokens returns the tokens of the surface relation phrase: the
// auxiliaries, negation, the verbs of the chain with their "to", the
// particle, and for a copula its nominal's head when wanted.
func (t *tree) relationTokens(c *clause) []int {
	var out []int
	verbs := append(append([]int(nil), c.chain...), c.verb)
	for _, w := range verbs {
		for _, k := range t.kids[w] {
			switch {
			case base(t.rel[k]) == "aux", t.rel[k] == "cop":
				out = append(out, k)
			case base(t.rel[k]) == "advmod" && negWords[t.lower(k)]:
				out = append(out, k)
			case t.rel[k] == "compound:prt":
				out = append(out, k)
			case base(t.rel[k]) == "mark" && t.lower(k) == "to" && w != verbs[0]:
				out = append(out, k)
			case base(t.rel[k]) == "advmod" && w == c.verb && k > w && particleWords[t.lower(k)] && t.lower(k) == c.particle:
				out = append(out, k)
			}
		}
		if c.copula < 0 || w != c.verb {
			out = append(out, w)
		}
	}
	sortInts(out)
	return out
}

// afterQuotedClause reports whether verb v directly follows a quoted
// clause's closing comma and quotation mark (",”" or "”,"), as reporting
// verbs written after the quote do; "declared “total war” and closed"
// does not.
func (t *tree) afterQuotedClause(v int) bool {
	if v < 2 {
		return false
	}
	a, b := t.toks[v-2].Text, t.toks[v-1].Text
	return a == "," && isQuoteMark(b) || isQuoteMark(a) && b == ","
}

func isQuoteMark(s string) bool {
	switch s {
	case "”", "“", "\"", "''", "``":
		return true
	}
	return false
}
