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
	for _, c := range t.clauses() {
		out = append(out, t.tuples(&c)...)
	}
	out = append(out, t.nominalTuples()...)
	return dedupe(out)
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
		if t.argSkip(c) || c == v {
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

// copulaPhrase is the predicate nominal of a copular clause without its
// subject, copula, auxiliaries and clause-level modifiers.
func (t *tree) copulaPhrase(v int) []int {
	return t.span(v, func(c int) bool {
		switch base(t.rel[c]) {
		case "nsubj", "csubj", "cop", "aux", "punct", "conj", "cc", "advcl", "parataxis", "mark", "expl", "obl", "ccomp":
			return true
		case "advmod":
			return negWords[t.lower(c)] || c < v
		}
		return false
	})
}

// tuples renders a clause as CaRB tuples.
func (t *tree) tuples(c *clause) []Tuple {
	verbs := append(append([]int(nil), c.chain...), c.verb)
	outer := verbs[0]
	var subjects [][]int
	for _, s := range c.subj {
		subjects = append(subjects, t.subjectPhrase(s, outer))
	}
	if len(subjects) == 0 && c.patient >= 0 {
		subjects = append(subjects, t.subjectPhrase(c.patient, outer))
	}
	if len(subjects) == 0 {
		return nil
	}
	relToks := t.relationTokens(c)
	rel := t.text(relToks)
	var objs []argument
	var rest []argument
	for _, a := range c.args {
		if a.kind == "obj" {
			for _, h := range t.conjuncts(a.head) {
				objs = append(objs, argument{head: h, kind: "obj", toks: t.phrase(h, nil)})
			}
			continue
		}
		rest = append(rest, a)
	}
	var heads [][]string // per object: relation, arg2
	type cand struct {
		rel  string
		arg2 []int
		rest []argument
	}
	var cands []cand
	switch {
	case c.copula >= 0:
		cands = append(cands, cand{rel: rel, arg2: t.copulaPhrase(c.verb), rest: rest})
	case len(objs) > 0:
		for _, o := range objs {
			cands = append(cands, cand{rel: rel, arg2: o.toks, rest: rest})
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
			return nil
		}
		a := rest[first]
		r := rel
		if a.prep != "" {
			r += " " + a.prep
		}
		others := append(append([]argument(nil), rest[:first]...), rest[first+1:]...)
		cands = append(cands, cand{rel: r, arg2: a.toks, rest: others})
	}
	_ = heads
	var out []Tuple
	for _, s := range subjects {
		for _, cd := range cands {
			args := []string{t.text(s), t.text(cd.arg2)}
			for _, a := range cd.rest {
				txt := t.text(a.toks)
				if a.prep != "" {
					txt = a.prep + " " + txt
				}
				args = append(args, txt)
			}
			out = append(out, Tuple{Relation: cd.rel, Args: args, Confidence: t.confidence(c, s, cd.arg2, len(cd.rest))})
		}
	}
	return out
}

// confidence scores a tuple from simple features of the clause; see the
// package documentation for how it was calibrated.
func (t *tree) confidence(c *clause, subj, arg2 []int, extra int) float64 {
	conf := 0.9
	if c.implicit {
		conf -= 0.15
	}
	if len(subj) > 8 {
		conf -= 0.1
	}
	if len(arg2) > 12 {
		conf -= 0.1
	}
	if extra > 1 {
		conf -= 0.05 * float64(extra-1)
	}
	if c.copula >= 0 {
		conf -= 0.05
	}
	if len(t.toks) > 40 {
		conf -= 0.1
	}
	if c.question || c.cond {
		conf -= 0.2
	}
	return clamp(conf)
}

func clamp(x float64) float64 {
	if x < 0.05 {
		return 0.05
	}
	if x > 0.99 {
		return 0.99
	}
	return x
}

// nominalTuples finds "is" relations in noun phrases: appositions
// ("Antonov, the ambassador" → Antonov is the ambassador) and titles before
// names ("President Bush" → Bush is President).
func (t *tree) nominalTuples() []Tuple {
	var out []Tuple
	for i := range t.toks {
		h := t.head[i]
		if h < 0 {
			continue
		}
		switch {
		case t.rel[i] == "appos":
			a := t.span(i, t.argSkip)
			hs := t.span(h, func(c int) bool { return c == i || t.argSkip(c) || base(t.rel[c]) == "acl" })
			out = append(out, Tuple{Relation: "is", Args: []string{t.text(hs), t.text(a)}, Confidence: 0.6})
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
			out = append(out, Tuple{Relation: "is", Args: []string{t.text(name), t.text(title)}, Confidence: 0.5})
		}
	}
	return out
}
