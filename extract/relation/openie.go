package relation

import (
	"strings"

	"github.com/factgraph/factgraph/extract"
)

// Tuple is one open information extraction in CaRB's terms: a relation
// phrase and its arguments as they are written in the sentence (tokens
// joined by single spaces), with a confidence.
type Tuple struct {
	Relation   string
	Args       []string
	Confidence float64
	// Features are the confidence model's inputs (named by FeatureNames):
	// Confidence is the model's output for them.
	Features []float64
}

// OpenIE returns the open IE tuples of one parsed sentence: one per clause
// and per coordinated subject and object, with the prepositional and
// adverbial arguments after the object, plus "is" tuples for appositions
// and title–name pairs. An unparsed sentence yields nothing.
func OpenIE(s *extract.Sentence) []Tuple {
	t, ok := newTree(s.Tokens)
	if !ok {
		return nil
	}
	var out []Tuple
	clauses := t.clauses()
	for _, c := range clauses {
		out = append(out, t.tuples(&c, len(clauses))...)
	}
	for _, x := range t.nominalTuples() {
		x.Features[fSentClauses] = logLen(len(clauses))
		out = append(out, x)
	}
	out = dedupe(out)
	sentenceFeatures(out, len(s.Tokens))
	for i := range out {
		out[i].Confidence = score(out[i].Features)
	}
	return out
}

func dedupe(ts []Tuple) []Tuple {
	seen := map[string]bool{}
	out := ts[:0]
	for _, x := range ts {
		k := x.Relation + "\t" + strings.Join(x.Args, "\t")
		if seen[k] {
			continue
		}
		seen[k] = true
		out = append(out, x)
	}
	return out
}

// subjectPhrase is the phrase of subject head s of a clause with predicate
// v: its subtree without coordinated conjuncts and without the clause
// itself when the clause modifies the subject (relative clauses).
func (t *tree) subjectPhrase(s, v int) []int {
	return t.span(s, func(c int) bool {
		if t.argSkip(c) || c == v || base(t.rel[c]) == "case" && t.head[c] == s && c < s {
			return true
		}
		// the subtree holding the predicate (relative clause, participle)
		for j, steps := v, 0; j >= 0 && steps < len(t.toks); j, steps = t.head[j], steps+1 {
			if j == c {
				return true
			}
		}
		return false
	})
}

// openSubject is the subject phrase of head s for the clause with outer
// verb v. A subject inherited from the noun a relative or participial
// clause modifies is that noun's phrase without its own clauses; when the
// noun is itself the predicate of a copula ("X is a footballer who
// plays"), the copula's subject stands for it.
func (t *tree) openSubject(s, v int) []int {
	if !t.dominates(s, v) {
		return t.subjectPhrase(s, v)
	}
	if t.child(s, "cop") >= 0 {
		if ns := t.child(s, "nsubj"); ns >= 0 {
			return t.subjectPhrase(ns, v)
		}
	}
	return t.span(s, func(c int) bool {
		if t.argSkip(c) || c == v || t.dominates(c, v) {
			return true
		}
		switch base(t.rel[c]) {
		case "nsubj", "csubj", "cop", "aux", "advcl", "ccomp", "xcomp", "mark", "expl", "obl", "obj", "advmod", "acl", "case":
			return true
		}
		return false
	})
}

// openRelation is the relation phrase of a clause for open IE: the
// relation tokens with the adverbs written between the subject and the
// verb ("have sharply improved") and, for a verb coordinated with an
// earlier one and without auxiliaries of its own, the earlier verb's
// auxiliaries ("have crossed … and returned" → "have returned").
func (t *tree) openRelation(c *clause) []int {
	out := t.relationTokens(c)
	verbs := append(append([]int(nil), c.chain...), c.verb)
	first := verbs[0]
	hasAux := false
	for _, k := range t.kids[first] {
		if base(t.rel[k]) == "aux" || t.rel[k] == "cop" {
			hasAux = true
		}
	}
	if !hasAux && t.rel[first] == "conj" && c.implicit && t.child(first, "nsubj", "nsubj:pass") < 0 && t.head[first] >= 0 && t.toks[first].UPOS == "VERB" {
		for _, k := range t.kids[t.head[first]] {
			if base(t.rel[k]) == "aux" && t.lower(k) != "to" {
				out = append(out, k)
			}
		}
	}
	lo := out[0]
	for _, k := range out {
		lo = min(lo, k)
	}
	for _, w := range verbs {
		for _, k := range t.kids[w] {
			if base(t.rel[k]) == "advmod" && t.toks[k].UPOS == "ADV" && k < w && (k > lo || k == w-1) && !negWords[t.lower(k)] && !whWords[t.lower(k)] && len(t.kids[k]) == 0 {
				out = append(out, k)
			}
		}
	}
	sortInts(out)
	return out
}

var whWords = map[string]bool{"when": true, "where": true, "how": true, "why": true, "whenever": true, "wherever": true, "then": true}

// dominates reports whether a is an ancestor of b (or b itself).
func (t *tree) dominates(a, b int) bool {
	for j, steps := b, 0; j >= 0 && steps <= len(t.toks); j, steps = t.head[j], steps+1 {
		if j == a {
			return true
		}
	}
	return false
}

// copulaPhrase is the predicate nominal of a copular clause without its
// subject, copula, auxiliaries and clause-level modifiers.
func (t *tree) copulaPhrase(v int) []int {
	return t.span(v, func(c int) bool {
		switch base(t.rel[c]) {
		case "nsubj", "csubj", "cop", "aux", "punct", "conj", "cc", "advcl", "parataxis", "mark", "expl", "obl", "ccomp":
			return true
		case "acl":
			return t.rel[c] == "acl:relcl"
		case "advmod":
			return negWords[t.lower(c)] || c < v
		}
		return false
	})
}

// tuples renders a clause as CaRB tuples.
func (t *tree) tuples(c *clause, nclauses int) []Tuple {
	verbs := append(append([]int(nil), c.chain...), c.verb)
	outer := verbs[0]
	var subjects [][]int
	for _, s := range c.subj {
		subjects = append(subjects, t.openSubject(s, outer))
	}
	if len(subjects) == 0 && c.patient >= 0 {
		subjects = append(subjects, t.subjectPhrase(c.patient, outer))
	}
	if len(subjects) == 0 {
		return nil
	}
	relToks := t.openRelation(c)
	rel := t.text(relToks)
	if len(c.subj) == 0 && c.patient >= 0 && t.child(c.verb, "aux", "aux:pass", "cop") < 0 {
		// "statements made by Biden": the statements be made by Biden
		// (untensed, as the participle).
		rel = "be " + rel
	}
	var objs []argument
	var rest []argument
	for _, a := range c.args {
		if a.kind == "obj" {
			heads := t.listConjuncts(a.head)
			for _, h := range heads {
				objs = append(objs, argument{head: h, kind: "obj", toks: t.listPhrase(h, heads, nil)})
			}
			continue
		}
		rest = append(rest, a)
	}
	type cand struct {
		rel  string
		arg2 []int
		kind string // of arg2: obj, comp (copula) or the argument's kind
		rest []argument
	}
	var cands []cand
	switch {
	case c.copula >= 0:
		comp := t.copulaPhrase(c.verb)
		if pp := t.adjectivePP(c, rest); pp >= 0 {
			// "is n't aware of any injuries": the adjective and its
			// preposition join the relation, the preposition's object is
			// arg2.
			others := append(append([]argument(nil), rest[:pp]...), rest[pp+1:]...)
			cands = append(cands, cand{rel: rel + " " + t.otext(comp) + " " + rest[pp].prep, arg2: rest[pp].toks, kind: "adjpp", rest: others})
			break
		}
		cands = append(cands, cand{rel: rel, arg2: comp, kind: "comp", rest: rest})
	case len(objs) > 0:
		for _, o := range objs {
			cands = append(cands, cand{rel: rel, arg2: o.toks, kind: "obj", rest: rest})
		}
	default:
		// No object: the first argument after the verb becomes arg2, its
		// preposition joins the relation.
		first := -1
		for i, a := range rest {
			if a.head > c.verb && a.kind != "tmod" {
				first = i
				break
			}
		}
		if first < 0 {
			for i, a := range rest {
				if a.kind != "tmod" {
					first = i
					break
				}
			}
		}
		if first < 0 && len(rest) > 0 {
			first = 0
		}
		if first < 0 {
			// "… , she added": what was said is the clause the parse
			// made the speech verb's dependent or head.
			if content := t.speechContent(c, outer); len(content) > 0 {
				cands = append(cands, cand{rel: rel, arg2: content, kind: "ccomp", rest: rest})
				break
			}
		}
		if first < 0 && len(c.chain) > 0 {
			// "returned to work": the last verb of the chain, with its
			// "to", is the second argument.
			var r, a2 []int
			for _, k := range relToks {
				if k < c.verb && !(base(t.rel[k]) == "mark" && t.head[k] == c.verb) {
					r = append(r, k)
				} else {
					a2 = append(a2, k)
				}
			}
			if len(r) > 0 {
				cands = append(cands, cand{rel: t.text(r), arg2: a2, kind: "xcomp"})
			}
			break
		}
		if first < 0 {
			return nil
		}
		a := rest[first]
		r := rel
		if a.prep != "" {
			r += " " + a.prep
		}
		others := append(append([]argument(nil), rest[:first]...), rest[first+1:]...)
		if a.kind == "obl" || a.kind == "agent" {
			// "consists of the U.S. , Japan and Italy": one tuple per
			// conjunct.
			if heads := t.listConjuncts(a.head); len(heads) > 1 {
				for _, h := range heads {
					cands = append(cands, cand{rel: r, arg2: t.listPhrase(h, heads, t.caseIdx(h)), kind: a.kind, rest: others})
				}
				break
			}
		}
		cands = append(cands, cand{rel: r, arg2: a.toks, kind: a.kind, rest: others})
	}
	var out []Tuple
	for _, s := range subjects {
		for _, cd := range cands {
			args := []string{t.otext(s), t.otext(cd.arg2)}
			restLen := 0
			for _, a := range cd.rest {
				restLen += len(a.toks)
				txt := t.otext(a.toks)
				if a.prep != "" {
					txt = t.prepText(a) + " " + txt
				}
				args = append(args, txt)
			}
			x := t.clauseFeatures(c, s, cd.arg2, restLen, len(args), cd.rel, cd.kind, nclauses)
			out = append(out, Tuple{Relation: cd.rel, Args: args, Features: x})
		}
	}
	return out
}

// prepText is an argument's preposition as written ("In 1990").
func (t *tree) prepText(a argument) string {
	if _, idx := t.caseOf(a.head); len(idx) > 0 {
		sortInts(idx)
		return t.text(idx)
	}
	return a.prep
}

// adjectivePP returns the index in rest of the prepositional argument of a
// copular clause's adjective ("aware of …", "eager for …"): the first
// argument after the adjective, attached to it, with a preposition, when
// the adjective phrase is short; else -1.
func (t *tree) adjectivePP(c *clause, rest []argument) int {
	if t.toks[c.verb].UPOS != "ADJ" || len(t.copulaPhrase(c.verb)) > 3 {
		return -1
	}
	for i, a := range rest {
		if a.head > c.verb && a.prep != "" && t.head[a.head] == c.verb && a.kind != "tmod" {
			return i
		}
	}
	return -1
}

// nominalTuples finds relations inside noun phrases: appositions
// ("Antonov, the ambassador" → Antonov is the ambassador; "Hoboken, New
// Jersey" → Hoboken is in New Jersey), titles before names ("President
// Bush" → Bush is President) and possessives ("Russia 's ambassador" →
// Russia has ambassador; "his granddaughter" → he has granddaughter).
func (t *tree) nominalTuples() []Tuple {
	var out []Tuple
	for i := range t.toks {
		h := t.head[i]
		if h < 0 {
			continue
		}
		switch {
		case t.rel[i] == "appos":
			if !isNoun(t.toks[h].UPOS) && t.toks[h].UPOS != "PRON" || !isNoun(t.toks[i].UPOS) && t.toks[i].UPOS != "NUM" || t.isListAppos(h, i) {
				continue
			}
			a := t.span(i, t.argSkip)
			hs := t.nounPhrase(h, i)
			rel := "be"
			if t.isPlaceApposition(h, i, a) {
				rel = "be in"
			}
			out = append(out, Tuple{Relation: rel, Args: []string{t.otext(hs), t.otext(a)}, Confidence: 0.6, Features: t.nominalFeatures(fKindAppos, hs, a)})
		case t.rel[i] == "compound" && t.toks[h].UPOS == "PROPN" && t.toks[i].UPOS == "NOUN" && i < h:
			// A title word before a name.
			name := []int{h}
			for _, k := range t.kids[h] {
				if t.rel[k] == "flat" || t.rel[k] == "compound" && t.toks[k].UPOS == "PROPN" && k > i {
					name = append(name, k)
				}
			}
			sortInts(name)
			title := []int{}
			for _, k := range t.kids[h] {
				if t.rel[k] == "compound" && k <= i || t.rel[k] == "amod" && k < i {
					title = append(title, k)
				}
			}
			sortInts(title)
			out = append(out, Tuple{Relation: "be", Args: []string{t.text(name), t.text(title)}, Confidence: 0.5, Features: t.nominalFeatures(fKindTitle, name, title)})
		case base(t.rel[i]) == "amod" && t.toks[i].UPOS == "ADJ" && t.toks[h].UPOS == "NOUN" && i < h && !vagueAdjectives[t.lower(i)]:
			// "a gaping loophole" → a loophole is gaping.
			np := t.span(h, func(c int) bool {
				if c == i || t.argSkip(c) {
					return true
				}
				switch base(t.rel[c]) {
				case "acl", "appos", "nsubj", "csubj", "cop", "aux", "advcl", "ccomp", "xcomp", "mark", "expl", "obl", "obj", "case", "advmod", "nmod", "amod":
					return true
				}
				return false
			})
			adj := t.span(i, t.argSkip)
			out = append(out, Tuple{Relation: "be", Args: []string{t.otext(np), t.otext(adj)}, Features: t.nominalFeatures(fKindAdjective, np, adj)})
		case base(t.rel[i]) == "nmod" && t.rel[i] != "nmod:poss" && isNoun(t.toks[h].UPOS) && isNominal(t.toks[i].UPOS):
			// "the hall in Glasgow" → the hall is in Glasgow.
			prep, pi := t.caseOf(i)
			if nounPreps[prep] == 0 {
				continue
			}
			np := t.span(h, func(c int) bool {
				if c == i || t.argSkip(c) || base(t.rel[c]) == "nmod" && c > i {
					return true
				}
				switch base(t.rel[c]) {
				case "acl", "appos", "nsubj", "csubj", "cop", "aux", "advcl", "ccomp", "xcomp", "mark", "expl", "obl", "obj", "advmod":
					return true
				case "case":
					return t.head[c] == h
				}
				return false
			})
			rel := "be " + prep
			heads := []int{i}
			if prep == "such as" || prep == "including" {
				// examples are listed: one tuple per item
				heads = t.listConjuncts(i)
			}
			for _, k := range heads {
				var obj []int
				if len(heads) == 1 {
					obj = t.phrase(i, pi)
				} else {
					obj = t.listPhrase(k, heads, t.caseIdx(k))
				}
				x := t.nominalFeatures(fKindNounPrep, np, obj)
				relationFeatures(x, rel)
				out = append(out, Tuple{Relation: rel, Args: []string{t.otext(np), t.otext(obj)}, Features: x})
			}
		case t.rel[i] == "nmod:poss" && isNoun(t.toks[h].UPOS):
			owner := t.span(i, func(c int) bool { return t.argSkip(c) || base(t.rel[c]) == "case" })
			text := t.otext(owner)
			if nom, ok := nominative[t.lower(i)]; ok && len(owner) == 1 {
				text = nom
			}
			owned := t.span(h, func(c int) bool {
				if c == i || t.argSkip(c) {
					return true
				}
				switch base(t.rel[c]) {
				case "acl", "appos", "nsubj", "csubj", "cop", "aux", "advcl", "ccomp", "xcomp", "mark", "expl", "obl", "obj", "case", "det", "advmod", "nmod":
					return true
				}
				return false
			})
			ownedText := t.otext(owned)
			if t.toks[h].XPOS == "NN" && len(owned) > 0 && t.toks[owned[0]].UPOS != "NUM" {
				// A singular count noun takes an article after "has"
				// ("Russia 's ambassador" → Russia has an ambassador).
				ownedText = indefinite(ownedText) + " " + ownedText
			}
			out = append(out, Tuple{Relation: "has", Args: []string{text, ownedText}, Confidence: 0.5, Features: t.nominalFeatures(fKindPossessive, owner, owned)})
		}
	}
	return out
}

// nounPreps are the prepositions on a noun read as "is <prep>" tuples.
var nounPreps = map[string]int{
	"in": 1, "at": 1, "on": 1, "from": 1, "with": 1, "near": 1, "between": 1, "such as": 1, "outside": 1, "including": 1,
}

// indefinite is the indefinite article for a phrase: "an" before a vowel
// letter, else "a".
func indefinite(phrase string) string {
	if phrase != "" && strings.ContainsRune("aeiouAEIOU", rune(phrase[0])) {
		return "an"
	}
	return "a"
}

// nominative maps possessive determiners to the subject pronoun.
var nominative = map[string]string{
	"his": "he", "her": "she", "its": "it", "their": "they", "my": "I", "our": "we", "your": "you",
}

func isNoun(upos string) bool { return upos == "NOUN" || upos == "PROPN" }

// nounPhrase is the noun phrase of head h without its clauses, its
// preposition and the token exclude (an apposition).
func (t *tree) nounPhrase(h, exclude int) []int {
	return t.span(h, func(c int) bool {
		if c == exclude || t.argSkip(c) {
			return true
		}
		switch base(t.rel[c]) {
		case "acl", "appos", "nsubj", "csubj", "cop", "aux", "advcl", "ccomp", "xcomp", "mark", "expl", "obl", "obj", "case", "advmod":
			return true
		}
		return false
	})
}

// isPlaceApposition reports a place name followed by the larger place
// holding it ("in Hoboken , New Jersey"): both proper names, the
// apposition short and without a determiner, the first introduced by a
// locative preposition.
func (t *tree) isPlaceApposition(h, i int, a []int) bool {
	if t.toks[h].UPOS != "PROPN" || t.toks[i].UPOS != "PROPN" || len(a) > 4 {
		return false
	}
	for _, k := range a {
		if base(t.rel[k]) == "det" || !isNoun(t.toks[k].UPOS) && !isPunctTok(&t.toks[k]) {
			return false
		}
	}
	prep, _ := t.caseOf(h)
	switch prep {
	case "in", "at", "near", "from", "outside", "across", "to", "into", "of":
		return true
	}
	return false
}

// vagueAdjectives say nothing about the noun on their own.
var vagueAdjectives = map[string]bool{
	"other": true, "such": true, "many": true, "own": true, "more": true, "most": true, "same": true, "several": true,
	"few": true, "first": true, "last": true, "next": true, "new": true, "former": true, "certain": true, "various": true,
	"much": true, "less": true, "further": true, "previous": true, "following": true, "second": true, "third": true,
}

// listConjuncts is conjuncts for open IE, also reading a list whose second
// item the parse took for an apposition of the first ("the U.S. , Japan ,
// Britain and Italy": Japan an apposition of the U.S. with the others its
// conjuncts) as one list.
func (t *tree) listConjuncts(i int) []int {
	out := t.conjuncts(i)
	for _, c := range t.kids[i] {
		if t.isListAppos(i, c) {
			out = append(out, t.conjuncts(c)...)
		}
	}
	return out
}

// isListAppos reports whether apposition c of i is the second item of a
// comma list: written after a comma, of i's part of speech, with
// conjuncts of its own.
func (t *tree) isListAppos(i, c int) bool {
	return t.rel[c] == "appos" && c > 0 && t.toks[c-1].Text == "," && t.toks[c].UPOS == t.toks[i].UPOS && len(t.conjuncts(c)) > 1
}

// listPhrase is the phrase of conjunct h without the other conjuncts of
// its list.
func (t *tree) listPhrase(h int, list []int, prep []int) []int {
	skip := map[int]bool{}
	for _, p := range prep {
		skip[p] = true
	}
	for _, k := range list {
		if k != h {
			skip[k] = true
		}
	}
	return t.span(h, func(c int) bool { return skip[c] || t.argSkip(c) })
}

func (t *tree) caseIdx(k int) []int {
	_, idx := t.caseOf(k)
	return idx
}

// speechContent is what a speech verb without an object or complement
// clause reports when it is written after the report: the unmarked
// adverbial clause before it ("“ They 're getting wins , ” she added",
// parsed as advcl of added), or the clause it is a parenthetical of
// ("…, Mr. Hatch argues", parsed as parataxis). nil otherwise.
func (t *tree) speechContent(c *clause, outer int) []int {
	if !speechLemmas[t.lemma(c.verb)] || c.copula >= 0 || c.passive || len(c.chain) > 0 {
		return nil
	}
	subj := t.child(outer, "nsubj")
	for _, k := range t.kids[outer] {
		if k > outer || t.rel[k] != "advcl" || t.child(k, "mark") >= 0 || !t.isPredicate(k) || subj >= 0 && k > subj {
			continue
		}
		if t.child(k, "nsubj", "nsubj:pass", "csubj", "expl") < 0 {
			continue
		}
		return t.span(k, func(d int) bool { return base(t.rel[d]) == "punct" && t.head[d] == k })
	}
	h := t.head[outer]
	if t.rel[outer] == "parataxis" && h >= 0 && h < outer && subj >= 0 && t.isPredicate(h) {
		return t.span(h, func(d int) bool {
			return d == outer || base(t.rel[d]) == "punct" && t.head[d] == h || base(t.rel[d]) == "parataxis" && d > outer
		})
	}
	return nil
}
