package relation

import (
	"strings"
	"unicode"

	"github.com/factgraph/factgraph/extract"
	"github.com/factgraph/factgraph/extract/pronoun"
	"github.com/factgraph/factgraph/schema"
)

// sentenceFacts turns the clauses of sentence si into facts.
func (d *docView) sentenceFacts(si int, t *tree) []extract.Fact {
	var out []extract.Fact
	clauses := t.clauses()
	// Reported speech: the speaker of each speech clause, by the tokens of
	// its complement, so that nested clauses are attributed.
	speakerOf := make([]*extract.Arg, len(t.toks))
	for ci := range clauses {
		c := &clauses[ci]
		if !speechLemmas[t.lemma(c.verb)] || len(c.subj) == 0 || c.passive {
			continue
		}
		for _, a := range c.args {
			if a.kind != "ccomp" {
				continue
			}
			sp := d.entityArg(si, t, c.subj[0], c.verb)
			for _, k := range a.toks {
				speakerOf[k] = &sp
			}
		}
	}
	// "according to X": the clause's facts are X's.
	for ci := range clauses {
		c := &clauses[ci]
		for _, a := range c.args {
			if a.prep == "according to" {
				sp := d.entityArg(si, t, a.head, -1)
				speakerOf[c.verb] = &sp
			}
		}
	}
	// "…, reported CNN." / "…, CNN reported.": the whole sentence is the
	// reporter's, and the report is no fact of its own (the parse often
	// makes CNN the object of a verb coordinated with the main one).
	trailing := -1
	if v, who, ok := t.trailingReport(); ok {
		if sp := d.entityArg(si, t, who, -1); sp.Type == "ORG" || sp.Type == "PERSON" {
			trailing = v
			for k := range t.toks {
				if speakerOf[k] == nil && !t.dominates(v, k) {
					speakerOf[k] = &sp
				}
			}
		}
	}
	for ci := range clauses {
		c := &clauses[ci]
		if c.question || c.cond || c.verb == trailing {
			continue // not asserted, or the trailing report
		}
		if g, p, ok := t.splitPassiveChain(c); ok {
			out = append(out, d.clauseFacts(si, t, &g, speakerOf, len(clauses))...)
			out = append(out, d.clauseFacts(si, t, &p, speakerOf, len(clauses))...)
			continue
		}
		out = append(out, d.clauseFacts(si, t, c, speakerOf, len(clauses))...)
	}
	d.speakerOf = speakerOf
	if si < len(d.nominal) {
		// Read by collectRoles before the speakers were known.
		for _, nf := range d.nominal[si] {
			nf.fact.Attributed = d.attribution(t, nf.role)
			out = append(out, nf.fact)
		}
	}
	return append(out, d.detachedRoles(si, t, clauses, out)...)
}

// trailingReport finds a report verb closing the sentence after a comma,
// with its reporter right next to it — "…, reported CNN." or "…, CNN
// reported." — attached to the main predicate, and returns the verb and
// the reporter's head.
func (t *tree) trailingReport() (v, who int, ok bool) {
	n := len(t.toks)
	last := n - 1
	for last >= 0 && t.toks[last].UPOS == "PUNCT" {
		last--
	}
	if last < 2 {
		return 0, 0, false
	}
	isReport := func(i int) bool {
		return t.toks[i].UPOS == "VERB" && speechLemmas[t.lemma(i)] && t.head[i] >= 0 && t.child(i, "ccomp", "xcomp", "obl") < 0
	}
	// spanHead is the one token of [lo, hi] whose head lies outside it, if
	// that head is v; else -1.
	spanHead := func(lo, hi, v int) int {
		h := -1
		for k := lo; k <= hi; k++ {
			if p := t.head[k]; p < lo || p > hi {
				if h >= 0 || p != v {
					return -1
				}
				h = k
			}
		}
		return h
	}
	const maxWords = 5
	// afterComma: the token before i is a comma, or a closing quotation
	// mark after one ('"…," writes Clemens Wergin').
	afterComma := func(i int) bool {
		p := i - 1
		if p >= 1 && t.toks[p].XPOS == "''" {
			p--
		}
		return p >= 0 && t.toks[p].Text == ","
	}
	// "…, reported CNN."
	for v := last - 1; v >= 1 && v >= last-maxWords; v-- {
		if isReport(v) && afterComma(v) && t.child(v, "nsubj") < 0 {
			if h := spanHead(v+1, last, v); h >= 0 && (t.rel[h] == "obj" || t.rel[h] == "nsubj") {
				return v, h, true
			}
		}
	}
	// "…, CNN reported."
	if v := last; isReport(v) && t.child(v, "obj") < 0 {
		for k := v - 1; k >= 2 && k >= v-maxWords; k-- {
			if !afterComma(k) {
				continue
			}
			if h := spanHead(k, v-1, v); h >= 0 && t.rel[h] == "nsubj" {
				return v, h, true
			}
			break
		}
	}
	return 0, 0, false
}

// recallLemmas are the verbs that recall a diplomat when they send one to
// a destination.
var recallLemmas = map[string]bool{"order": true, "summon": true, "invite": true, "call": true, "bring": true}

// diplomatNouns are the role nouns of diplomats.
var diplomatNouns = map[string]bool{"ambassador": true, "envoy": true, "diplomat": true, "consul": true, "chargé": true}

// isDiplomat reports whether the document gives person a a diplomat's role.
func (d *docView) isDiplomat(a extract.Arg) bool {
	if a.Type != "PERSON" {
		return false
	}
	for _, k := range d.known {
		if diplomatNouns[k.noun] && lastWord(k.person.Text) == lastWord(a.Text) {
			return true
		}
	}
	return false
}

// overlapsArg reports whether a token of toks lies inside the span of one
// of args ("called Russian President Vladimir Putin a killer" parsed with
// "Russian" as the object and "President Vladimir Putin" as a complement:
// the object is the person, and the complement is not).
func overlapsArg(t *tree, toks []int, args []extract.Arg) bool {
	for _, a := range args {
		if a.End <= a.Start {
			continue
		}
		for _, k := range toks {
			if t.toks[k].Start >= a.Start && t.toks[k].End <= a.End {
				return true
			}
		}
	}
	return false
}

// splitPassiveChain splits a control chain whose governor is passive
// ("Antonov was invited to Moscow to analyze the future of relations"):
// the passive keeps its own clause, invite(?, Antonov) with its own
// arguments and the infinitive as its purpose, and the infinitive becomes
// a clause of the passive's subject with the governor as its intent.
// "is said to" (a hedge) is not split, nor a passive without its own
// subject.
func (t *tree) splitPassiveChain(c *clause) (gov, purp clause, ok bool) {
	pi := -1
	for i, v := range c.chain {
		if t.child(v, "nsubj:pass") >= 0 {
			pi = i
			break
		}
	}
	if pi < 0 || speechLemmas[t.lemma(c.chain[pi])] || t.child(c.verb, "aux:pass") >= 0 || len(c.subj) == 0 {
		return clause{}, clause{}, false
	}
	next := c.verb
	if pi+1 < len(c.chain) {
		next = c.chain[pi+1]
	}
	if m := t.child(next, "mark"); m < 0 || t.lower(m) != "to" {
		return clause{}, clause{}, false
	}
	v := c.chain[pi]
	gov = clause{verb: v, chain: c.chain[:pi], subj: c.subj, implicit: c.implicit, patient: c.patient, passive: true,
		copula: -1, neg: c.neg, modal: c.modal, hedge: c.hedge, question: c.question, cond: c.cond}
	if pi > 0 {
		gov.intent = t.lemma(c.chain[pi-1])
	}
	for _, w := range append(append([]int(nil), c.chain[:pi]...), v) {
		for _, k := range t.kids[w] {
			if a, ok := t.argument(k, w == v); ok {
				gov.args = append(gov.args, a)
			}
		}
	}
	sortArgs(gov.args)
	gov.purpose = t.phrase(next, nil)
	purp = *c
	purp.chain = c.chain[pi+1:]
	purp.passive = false
	purp.implicit = true
	purp.intent = t.lemma(v)
	if len(purp.chain) > 0 {
		purp.intent = t.lemma(purp.chain[len(purp.chain)-1])
	}
	own := map[int]bool{c.verb: true}
	for _, w := range purp.chain {
		own[w] = true
	}
	purp.args = nil
	for _, a := range c.args {
		if own[t.head[a.head]] {
			purp.args = append(purp.args, a)
		}
	}
	return gov, purp, true
}

// clauseFacts renders one clause as facts, splitting coordination.
func (d *docView) clauseFacts(si int, t *tree, c *clause, speakerOf []*extract.Arg, nclauses int) []extract.Fact {
	verbs := append(append([]int(nil), c.chain...), c.verb)
	outer := verbs[0]
	lemma := t.lemma(c.verb)
	if c.copula >= 0 {
		lemma = "be"
	}
	pred := lemma
	if c.particle != "" {
		pred += " " + c.particle
	}
	quals := map[string]string{}
	if c.modal != "" {
		quals["modality"] = c.modal
	}
	if c.hedge != "" {
		quals["hedge"] = c.hedge
	}
	if c.intent != "" {
		quals["intent"] = c.intent
	}
	if len(c.purpose) > 0 {
		quals["purpose"] = t.text(c.purpose)
	}
	// Subjects and objects.
	var subjects []extract.Arg
	var objects []extract.Arg
	var literalObj bool
	if c.passive {
		var patients []int
		if len(c.subj) > 0 && !c.implicit || len(c.subj) > 0 && c.patient < 0 {
			patients = c.subj
		} else if c.patient >= 0 {
			patients = t.conjuncts(c.patient)
		}
		for _, p := range patients {
			objects = append(objects, d.holderOr(si, t, p, d.entityArg(si, t, p, outer)))
		}
		quals["voice"] = "passive"
		for _, a := range c.args {
			if a.kind == "agent" {
				for _, h := range t.conjuncts(a.head) {
					subjects = append(subjects, d.entityArg(si, t, h, -1))
				}
			}
		}
		if len(subjects) == 0 {
			subjects = []extract.Arg{{Text: "?", Literal: true}}
		}
	} else {
		for _, s := range c.subj {
			a := d.entityArg(si, t, s, outer)
			if !c.implicit {
				a = d.holderOr(si, t, s, a)
			}
			subjects = append(subjects, a)
		}
	}
	if len(subjects) == 0 {
		return nil
	}
	used := -1
	skipArg := map[int]bool{}
	if len(objects) == 0 {
		for ai, a := range c.args {
			if a.kind == "obj" {
				for _, h := range t.conjuncts(a.head) {
					if t.isRelPronoun(h) {
						// "the election, which Trump had won": the noun the
						// clause modifies; "according to which …" is no
						// object at all.
						if h > 0 && (t.toks[h-1].UPOS == "ADP" || t.lower(h-1) == "to") {
							skipArg[ai] = true
							continue
						}
						if t.rel[c.verb] == "acl:relcl" && t.head[c.verb] >= 0 {
							h = t.head[c.verb]
						} else if ant := t.antecedent(h, c.verb); ant >= 0 {
							h = ant
						}
					}
					o := d.entityArg(si, t, h, -1)
					if o.Type == "" && isTitleWord(t.toks[h].Text) {
						// "ordered its ambassador to Washington, Anatoly
						// Antonov, back to Moscow" parsed with the city as
						// the verb's: the name in apposition to the city is
						// the object, the city the noun's.
						if ai2, p, ok := d.appositiveAfter(t, c, h); ok {
							o = p
							skipArg[ai2] = true
							if d.trailingArgs(si, t, c, c.args[ai2].head, o, quals) && c.particle == "" {
								pred = lemma + " back"
							}
						}
					}
					if o.Type == "PERSON" && !d.covers(t, h, o) {
						// "ordered its ambassador to Washington, Anatoly
						// Antonov, back to Moscow": the name is the object;
						// what the noun's phrase holds after the name is the
						// verb's ("back to Moscow").
						if d.trailingArgs(si, t, c, h, o, quals) && c.particle == "" {
							pred = lemma + " back"
						}
					}
					if o.Type == "" {
						// "imposed sanctions on Russia": the named thing of a
						// preposition on the object noun is a qualifier.
						var named []int
						for _, k := range t.kids[h] {
							if base(t.rel[k]) != "nmod" || t.rel[k] == "nmod:poss" {
								continue
							}
							prep, pi := t.caseOf(k)
							if prep == "" || prep == "of" || d.entityArg(si, t, k, -1).Type == "" {
								continue
							}
							named = append(named, k)
							nq, nv := d.qualifier(si, t, c, argument{head: k, kind: "obl", prep: prep, toks: t.phrase(k, pi)})
							if nq != "" && nv != "" {
								if old, ok := quals[nq]; ok {
									nv = old + "; " + nv
								}
								quals[nq] = nv
							}
						}
						if len(named) > 0 {
							o = d.spanArg(t, t.coreNP(h, named...))
						}
						// "its US ambassador": the one the document names.
						o = d.holderOr(si, t, h, o)
					}
					objects = append(objects, o)
				}
				used = ai
				break
			}
		}
	}
	if len(objects) == 0 && c.copula >= 0 {
		if len(subjects) == 0 || subjects[0].Entity == "" && subjects[0].Type == "" {
			return nil // copulas only about named things
		}
		ph := t.copulaPhrase(c.verb)
		objects = append(objects, d.spanArg(t, ph))
	}
	if len(objects) == 0 && speechLemmas[lemma] {
		for ai, a := range c.args {
			if a.kind == "ccomp" {
				if len(a.toks) > 0 && d.inQuote(t.toks[a.toks[0]].Start) {
					return nil // a direct quote: the quote fact says it already
				}
				objects = append(objects, d.literalArg(t, a.toks))
				literalObj = true
				quals["quote"] = "indirect"
				used = ai
				break
			}
		}
	}
	if len(objects) == 0 {
		for ai, a := range c.args {
			if a.kind == "obl" && a.prep != "" && a.prep != "according to" && a.head > c.verb {
				for _, h := range t.conjuncts(a.head) {
					objects = append(objects, d.entityArg(si, t, h, -1))
				}
				pred += " " + a.prep
				used = ai
				break
			}
		}
	}
	if len(objects) == 0 {
		return nil
	}
	d.bindPronouns(subjects, objects)
	for ai, a := range c.args {
		if ai == used || skipArg[ai] || overlapsArg(t, a.toks, objects) {
			continue // the object's own words, split off by the parse
		}
		k, v := d.qualifier(si, t, c, a)
		if k != "" && v != "" {
			if old, ok := quals[k]; ok {
				v = old + "; " + v
			}
			quals[k] = v
		}
	}
	attributed := ""
	for _, v := range verbs {
		if sp := speakerOf[v]; sp != nil && sp.Text != "" {
			attributed = d.speakerKey(*sp)
		}
	}
	if attributed == "" {
		attributed = d.quoteSpeaker(t, c.verb)
	}
	// The confidence model of the open IE tuples, on the clause's heads.
	var subjToks, objToks []int
	if len(c.subj) > 0 {
		subjToks = t.coreNP(c.subj[0], outer)
	}
	kind := "obj"
	if used >= 0 {
		objToks, kind = c.args[used].toks, c.args[used].kind
	}
	nargs := 2 + len(c.args)
	if used >= 0 {
		nargs--
	}
	conf := score(t.clauseFeatures(c, subjToks, objToks, 0, nargs, pred, kind, nclauses))
	var out []extract.Fact
	for _, s := range subjects {
		for _, o := range objects {
			if !hasLetter(s.Text) && s.Text != "?" || !hasLetter(o.Text) {
				continue
			}
			rel := schema.ClassifyPredicate(pred)
			if quals["complement"] != "" && namingLemmas[lemma] {
				rel = "naming" // "called Putin a killer"
			}
			if recallLemmas[lemma] && quals["destination"] != "" && d.isDiplomat(o) {
				// "ordered its ambassador to Washington, Anatoly Antonov,
				// back to Moscow" with "back" lost in the parse, "invited
				// the ambassador to Moscow": a recall, as "order back" is.
				rel = "diplomatic-recall"
			}
			f := extract.Fact{
				Sentence:   si,
				Subject:    s,
				Predicate:  pred,
				Relation:   rel,
				Object:     o,
				Negated:    c.neg,
				Attributed: attributed,
				Confidence: conf,
				Extractor:  Name,
			}
			if literalObj {
				f.Object.Literal = true
			}
			if len(quals) > 0 {
				f.Qualifiers = make(map[string]string, len(quals))
				for k, v := range quals {
					f.Qualifiers[k] = v
				}
			}
			out = append(out, f)
		}
	}
	return out
}

// qualifier names an argument that is not the object.
func (d *docView) qualifier(si int, t *tree, c *clause, a argument) (string, string) {
	switch a.kind {
	case "comp":
		return "complement", t.text(stripDeterminers(t, a.toks))
	case "iobj":
		return "recipient", d.entityArg(si, t, a.head, -1).Text
	case "agent", "ccomp":
		return "", ""
	case "tmod":
		return "time", d.timeValue(t, a.toks)
	}
	if a.prep == "according to" {
		return "source", d.entityArg(si, t, a.head, -1).Text
	}
	arg := d.entityArg(si, t, a.head, -1)
	typ := arg.Type
	date := d.dateIn(t, a.toks)
	switch a.prep {
	case "to", "into":
		switch typ {
		case "GPE", "LOC", "FAC":
			return "destination", arg.Text
		case "PERSON", "ORG", "NORP":
			return "recipient", arg.Text
		}
		return "to", t.text(a.toks)
	case "about", "regarding", "concerning", "over", "on", "of":
		if date != "" {
			return "time", date
		}
		return "topic", t.text(a.toks)
	case "with":
		if typ != "" {
			return "partner", arg.Text
		}
		return "instrument", t.text(a.toks)
	case "in", "at", "near", "inside", "outside", "within", "across", "throughout":
		if date != "" || isTimeWord(t, a.head) {
			return "time", d.timeValue(t, a.toks)
		}
		if typ == "GPE" || typ == "LOC" || typ == "FAC" {
			return "place", arg.Text
		}
		return a.prep, t.text(a.toks)
	case "during", "since", "until", "till", "after", "before", "by":
		if date != "" || isTimeWord(t, a.head) {
			return "time", a.prep + " " + d.timeValue(t, a.toks)
		}
		return a.prep, t.text(a.toks)
	case "from", "out of":
		return "source", arg.Text
	case "because of", "due to", "for":
		if a.prep == "for" && date == "" {
			return "for", t.text(a.toks)
		}
		if date != "" {
			return "time", date
		}
		return "reason", t.text(a.toks)
	case "despite", "in spite of":
		return "despite", t.text(a.toks)
	case "as":
		return "complement", t.text(stripDeterminers(t, a.toks))
	case "":
		if date != "" {
			return "time", date
		}
		return "", ""
	}
	if date != "" {
		return "time", date
	}
	return a.prep, t.text(a.toks)
}

var timeWords = map[string]bool{
	"monday": true, "tuesday": true, "wednesday": true, "thursday": true, "friday": true, "saturday": true, "sunday": true,
	"january": true, "february": true, "march": true, "april": true, "may": true, "june": true, "july": true,
	"august": true, "september": true, "october": true, "november": true, "december": true,
	"today": true, "yesterday": true, "tomorrow": true, "week": true, "month": true, "year": true, "years": true,
	"day": true, "days": true, "morning": true, "evening": true, "night": true, "afternoon": true, "time": true,
	"weekend": true, "decade": true, "century": true, "hours": true, "minutes": true,
}

func isTimeWord(t *tree, h int) bool {
	if timeWords[t.lower(h)] {
		return true
	}
	tok := t.toks[h].Text
	return len(tok) == 4 && tok[0] >= '1' && tok[0] <= '2' && strings.Trim(tok, "0123456789") == ""
}

// dateIn returns the normalised value of a DATE mention inside the tokens.
func (d *docView) dateIn(t *tree, toks []int) string {
	if len(toks) == 0 {
		return ""
	}
	s, e := t.toks[toks[0]].Start, t.toks[toks[len(toks)-1]].End
	for _, m := range d.mentions {
		if m.Start >= e {
			break
		}
		if (m.Type == "DATE" || m.Type == "TIME") && m.End > s && m.Value != "" {
			return m.Value
		}
	}
	return ""
}

// timeValue is the normalised date inside the tokens, else their text.
func (d *docView) timeValue(t *tree, toks []int) string {
	if v := d.dateIn(t, toks); v != "" {
		return v
	}
	return t.text(toks)
}

func stripDeterminers(t *tree, toks []int) []int {
	out := toks[:0:0]
	for _, k := range toks {
		if base(t.rel[k]) == "det" || isPunctTok(&t.toks[k]) && isQuoteMark(t.toks[k].Text) {
			continue
		}
		out = append(out, k)
	}
	if len(out) == 0 {
		return toks
	}
	return out
}

// coreNP is the noun phrase of head h without clauses, appositions and
// coordination: what names the thing.
func (t *tree) coreNP(h int, exclude ...int) []int {
	toks := t.span(h, func(c int) bool {
		for _, x := range exclude {
			if c == x {
				return true
			}
		}
		switch base(t.rel[c]) {
		case "acl", "appos", "conj", "cc", "punct", "advcl", "parataxis", "ccomp", "dep", "cop", "nsubj", "aux", "csubj", "obl", "xcomp", "obj", "advmod":
			return true
		case "case", "mark":
			return t.head[c] == h
		}
		return false
	})
	// Keep the contiguous run around the head.
	at := 0
	for i, k := range toks {
		if k == h {
			at = i
		}
	}
	lo, hi := at, at
	for lo > 0 && toks[lo-1] == toks[lo]-1 {
		lo--
	}
	for hi+1 < len(toks) && toks[hi+1] == toks[hi]+1 {
		hi++
	}
	return toks[lo : hi+1]
}

// entityArg is the argument for head token h: the entity mention that
// covers h, a pronoun resolved to the last person named, or the core noun
// phrase.
func (d *docView) entityArg(si int, t *tree, h, exclude int) extract.Arg {
	tok := &t.toks[h]
	for _, m := range d.mentions {
		if m.Start > tok.Start {
			break
		}
		if m.End >= tok.End && isEntityType(m.Type) {
			if m.Type == "GPE" || m.Type == "NORP" || m.Type == "ORG" {
				if p, ok := d.titledPerson(m); ok {
					return p // "US President Joe Biden" split by the parse
				}
			}
			return mentionArg(m)
		}
	}
	// "its ambassador to Washington, Anatoly Antonov": the named apposition.
	for _, k := range t.kids[h] {
		if t.rel[k] == "appos" {
			for _, m := range d.mentions {
				if m.Start <= t.toks[k].Start && m.End >= t.toks[k].End && (m.Type == "PERSON" || m.Type == "ORG") {
					return mentionArg(m)
				}
			}
		}
	}
	if m, ok := d.namedPerson(t, h); ok {
		return mentionArg(m)
	}
	switch t.lower(h) {
	case "i", "me", "we", "us", "my", "our":
		// The speaker of the direct quote holding the pronoun; a
		// spokesperson's "we" is the body they speak for.
		for _, q := range d.quotes {
			if q.Object.Start <= tok.Start && tok.Start < q.Object.End && q.Subject.Type != "" {
				if w := t.lower(h); w == "we" || w == "us" || w == "our" {
					if body, ok := d.spokenFor(q.Subject); ok {
						return body
					}
				}
				return extract.Arg{Text: q.Subject.Text, Type: q.Subject.Type, Start: q.Subject.Start, End: q.Subject.End}
			}
		}
	case "he", "she", "him", "her":
		if m := d.personBefore(tok.Start, nil); m != nil {
			return pronounArg(m, t.lower(h), tok.Start)
		}
	}
	if w := t.lower(h); (w == "what" || w == "whatever") && t.child(h, "acl:relcl") >= 0 {
		// A free relative: "said what every fisherman thinks".
		return d.spanArg(t, t.span(h, nil))
	}
	np := t.coreNP(h, exclude)
	if len(np) > 10 {
		np = []int{h}
	}
	return d.spanArg(t, np)
}

func isEntityType(typ string) bool {
	switch typ {
	case "PERSON", "ORG", "GPE", "LOC", "NORP", "FAC", "EVENT", "WORK", "PRODUCT", "LAW":
		return true
	}
	return false
}

func (d *docView) spanArg(t *tree, toks []int) extract.Arg {
	if len(toks) == 0 {
		return extract.Arg{}
	}
	s, e := t.toks[toks[0]].Start, t.toks[toks[len(toks)-1]].End
	text := t.text(toks)
	if d.a != nil && d.a.Doc != nil && s >= 0 && e <= len(d.a.Doc.Text) && s < e {
		text = strings.Join(strings.Fields(d.a.Doc.Text[s:e]), " ")
	}
	text = trimQuotes(text)
	return extract.Arg{Text: text, Start: s, End: e}
}

func (d *docView) literalArg(t *tree, toks []int) extract.Arg {
	a := d.spanArg(t, toks)
	a.Literal = true
	return a
}

// personBefore is the antecedent of "he"/"she"/"his"/"her" at offset off
// (see package pronoun). Inside a direct quote it is not the quote's own
// speaker, who would say "I": in Peskov's "These are very bad statements
// by the President of the United States. He definitely does not want …",
// he is not Peskov.
//
// not, when set, names persons the pronoun cannot be either (see
// bindPronouns).
func (d *docView) personBefore(off int, not func(*extract.Mention) bool) *extract.Mention {
	if d.pron == nil {
		d.pron = pronoun.New(d.a, d.inQuote)
	}
	speaker := ""
	for _, q := range d.quotes {
		if q.Object.Start <= off && off < q.Object.End && q.Subject.Type == "PERSON" {
			speaker = lastWord(q.Subject.Text) // "Peskov" is "Dmitry Peskov"
			break
		}
	}
	return d.pron.Person(off, func(m *extract.Mention) bool {
		return speaker != "" && lastWord(m.Text) == speaker || not != nil && not(m)
	})
}

// bindPronouns keeps a pronoun from standing for the person the other
// argument of its clause names (binding: in "He thanked him" there are two
// people, and "he" in "He thanked Jan Novak" is not Jan Novak): such a
// pronoun takes the next antecedent, or stays the pronoun for the resolver
// when there is none. Reflexives ("himself") are not resolved here.
func (d *docView) bindPronouns(subjects, objects []extract.Arg) {
	same := func(a, b extract.Arg) bool {
		return a.Type == "PERSON" && b.Type == "PERSON" && lastWord(a.Text) == lastWord(b.Text)
	}
	rebind := func(a *extract.Arg, other extract.Arg) {
		if a.Pronoun == "" || !same(*a, other) {
			return
		}
		m := d.personBefore(a.PronounAt, func(m *extract.Mention) bool { return lastWord(m.Text) == lastWord(other.Text) })
		if m == nil {
			*a = extract.Arg{Text: a.Pronoun, Start: a.PronounAt, End: a.PronounAt + len(a.Pronoun)}
			return
		}
		*a = pronounArg(m, a.Pronoun, a.PronounAt)
	}
	for i := range objects {
		for _, s := range subjects {
			rebind(&objects[i], s)
		}
	}
	for i := range subjects {
		for _, o := range objects {
			if o.Pronoun == "" {
				rebind(&subjects[i], o)
			}
		}
	}
}

// pronounArg is the argument for a pronoun at offset at that stands for
// person m.
func pronounArg(m *extract.Mention, pronoun string, at int) extract.Arg {
	a := mentionArg(*m)
	a.Pronoun, a.PronounAt = pronoun, at
	return a
}

func (d *docView) inQuote(off int) bool {
	for _, q := range d.quotes {
		if q.Object.Start <= off && off < q.Object.End {
			return true
		}
	}
	return false
}

// quoteSpeaker returns the speaker key of the direct quote holding token v.
func (d *docView) quoteSpeaker(t *tree, v int) string {
	off := t.toks[v].Start
	for _, q := range d.quotes {
		if q.Object.Start <= off && off < q.Object.End {
			return d.speakerKey(q.Subject)
		}
	}
	return ""
}

// speakerKey is the local entity key the resolver gives the speaker: the
// fullest name in the document that ends with the speaker's last word.
func (d *docView) speakerKey(sp extract.Arg) string {
	if sp.Entity != "" {
		return sp.Entity
	}
	if sp.Type == "" {
		return ""
	}
	name := strings.TrimSpace(sp.Text)
	if sp.Type == "PERSON" {
		words := strings.Fields(name)
		if len(words) > 0 {
			last := words[len(words)-1]
			for _, m := range d.mentions {
				mw := strings.Fields(m.Text)
				if m.Type == "PERSON" && len(mw) > len(strings.Fields(name)) && mw[len(mw)-1] == last {
					name = m.Text
				}
			}
		}
	}
	return schema.EntityKey(sp.Type, name)
}

func hasLetter(s string) bool {
	for _, r := range s {
		if unicode.IsLetter(r) {
			return true
		}
	}
	return false
}

// namingLemmas are verbs that name or classify their object when they have
// a complement.
var namingLemmas = map[string]bool{
	"call": true, "describe": true, "label": true, "brand": true, "name": true, "consider": true,
	"classify": true, "dub": true, "term": true, "regard": true, "declare": true, "deem": true,
}
