package relation

import (
	"strings"
	"sync"

	"github.com/factgraph/factgraph/extract"
	"github.com/factgraph/factgraph/extract/gazetteer"
)

var (
	gazOnce sync.Once
	gazList *gazetteer.Gazetteer
)

func gaz() *gazetteer.Gazetteer {
	gazOnce.Do(func() { gazList, _ = gazetteer.Default() })
	return gazList
}

// isTitleWord reports whether a word is a title ("ambassador", "president",
// "spokesman").
func isTitleWord(w string) bool {
	g := gaz()
	return g != nil && g.Is(gazetteer.Title, strings.ToLower(w))
}

// countryOfNORP is the country a nationality stands for ("Russian" →
// Russia, "American" → United States), or "".
func countryOfNORP(m extract.Arg, value string) string {
	g := gaz()
	if g == nil {
		return ""
	}
	w := strings.TrimSpace(m.Text)
	if g.Is(gazetteer.Demonym, w) || strings.HasSuffix(w, "s") && g.Is(gazetteer.Demonym, strings.TrimSuffix(w, "s")) {
		if c, ok := g.Country(w); ok && c != "" {
			return c
		}
	}
	if value != "" && g.Is(gazetteer.Country, value) {
		return value
	}
	return ""
}

// asCountry turns a NORP argument of a role ("Russian" in "Russian
// President") into its country, without the span (which is the
// nationality's): the resolver links it by name.
func asCountry(a extract.Arg, value string) extract.Arg {
	if a.Type != "NORP" {
		return a
	}
	if c := countryOfNORP(a, value); c != "" {
		return extract.Arg{Text: c, Type: "GPE"}
	}
	return a
}

func mentionArg(m extract.Mention) extract.Arg {
	return extract.Arg{Text: m.Text, Type: m.Type, Start: m.Start, End: m.End}
}

// titledPerson is the person a country, nationality or organisation
// mention stands before in a title–name sequence ("US President Joe
// Biden"): a parse that makes "US" the argument has split the sequence, and
// the argument is the person, not the country.
func (d *docView) titledPerson(m extract.Mention) (extract.Arg, bool) {
	for _, r := range d.roles {
		if r.Of.Start == m.Start && r.Of.End == m.End && r.TitleStart >= m.End && r.Person.Start >= r.TitleEnd {
			return mentionArg(r.Person), true
		}
	}
	return extract.Arg{}, false
}

// namedPerson is the person a common noun h names through an apposition
// or a title–name sequence inside its noun phrase: "its ambassador to
// Washington, Anatoly Antonov" (however the parse attaches the name),
// "Russian Ambassador to Washington Anatoly Antonov". The name must follow
// the noun with no verb, conjunction or preposition right before it ("an
// adviser to Joe Biden" names no one). A title noun may take any such
// name; another noun only a name in apposition to it.
func (d *docView) namedPerson(t *tree, h int) (extract.Mention, bool) {
	title := isTitleWord(t.toks[h].Text)
	// Only noun heads.
	if up := t.toks[h].UPOS; up != "NOUN" && !(title && up == "PROPN") {
		return extract.Mention{}, false
	}
	sub := t.span(h, func(c int) bool {
		switch base(t.rel[c]) {
		case "acl", "conj", "cc", "advcl", "parataxis", "ccomp", "csubj", "xcomp", "obl", "nsubj", "obj", "cop", "aux":
			return true
		}
		return false
	})
	for _, k := range sub {
		if k <= h {
			continue
		}
		tok := &t.toks[k]
		var pm *extract.Mention
		for mi := range d.mentions {
			m := &d.mentions[mi]
			if m.Start == tok.Start && m.Type == "PERSON" {
				pm = m
				break
			}
		}
		if pm == nil {
			continue
		}
		// Nothing that makes the name a new argument between noun and name.
		ok := true
		for j := h + 1; j < k; j++ {
			switch t.toks[j].UPOS {
			case "VERB", "AUX", "CCONJ", "SCONJ", "PRON":
				ok = false
			}
		}
		prev := &t.toks[k-1]
		if prev.UPOS == "ADP" || prev.UPOS == "PART" || prev.Text == "'s" || prev.Text == "’s" {
			ok = false
		}
		if !ok {
			return extract.Mention{}, false
		}
		appos := prev.Text == "," || t.rel[k] == "appos"
		if !title && !appos {
			return extract.Mention{}, false
		}
		return *pm, true
	}
	return extract.Mention{}, false
}

// appositiveAfter finds the argument of clause c right after the object
// noun h ("to Washington") whose head has a person in apposition: the parse
// has made the noun's prepositional phrase the verb's. It returns the
// argument's index and the person.
func (d *docView) appositiveAfter(t *tree, c *clause, h int) (int, extract.Arg, bool) {
	end := h
	for _, k := range t.phrase(h, nil) {
		if k > end {
			end = k
		}
	}
	for ai, a := range c.args {
		if a.kind != "obl" || a.prep != "to" && a.prep != "in" {
			continue
		}
		_, pi := t.caseOf(a.head)
		if len(pi) == 0 || pi[0] != end+1 {
			continue
		}
		for _, k := range t.kids[a.head] {
			if t.rel[k] != "appos" || k == 0 || t.toks[k-1].Text != "," {
				continue
			}
			if m := d.mentionAt(t, k); m.Type == "PERSON" && m.Start == t.toks[k].Start {
				return ai, m, true
			}
		}
	}
	return -1, extract.Arg{}, false
}

// covers reports whether argument a's span holds token h.
func (d *docView) covers(t *tree, h int, a extract.Arg) bool {
	return a.Start <= t.toks[h].Start && t.toks[h].End <= a.End
}

// trailingArgs adds to quals the prepositional phrases that the parse
// coordinated into the noun phrase of object head h after the name o that
// the noun stands for: they are the clause's own ("its ambassador to
// Washington, Anatoly Antonov, back to Moscow" → destination Moscow).
// It reports whether one of them carries "back" (the verb's particle).
func (d *docView) trailingArgs(si int, t *tree, c *clause, h int, o extract.Arg, quals map[string]string) bool {
	back := false
	for _, k := range t.span(h, nil) {
		if k == h || base(t.rel[k]) != "conj" || t.toks[k].Start < o.End {
			continue
		}
		prep, pi := t.caseOf(k)
		if prep == "" {
			continue
		}
		nq, nv := d.qualifier(si, t, c, argument{head: k, kind: "obl", prep: prep, toks: t.phrase(k, pi)})
		if nq == "" || nv == "" {
			continue
		}
		if old, ok := quals[nq]; ok {
			nv = old + "; " + nv
		}
		quals[nq] = nv
		for _, a := range t.kids[k] {
			if base(t.rel[a]) == "advmod" && t.lower(a) == "back" {
				back = true
			}
		}
	}
	return back
}

// trimQuotes drops the quotation marks of a span that it does not close or
// open itself: `a “killer` → `a killer`.
func trimQuotes(s string) string {
	if !strings.ContainsAny(s, "“”\"‘’'") {
		return s
	}
	r := []rune(s)
	drop := make([]bool, len(r))
	var open []int
	var straight []int
	for i, c := range r {
		switch c {
		case '“':
			open = append(open, i)
		case '”':
			if len(open) > 0 {
				open = open[:len(open)-1]
			} else {
				drop[i] = true
			}
		case '"':
			straight = append(straight, i)
		case '‘':
			if i == 0 || r[i-1] == ' ' {
				open = append(open, -i-1) // single quotes: marked negative
			}
		}
	}
	for _, i := range open {
		if i >= 0 {
			drop[i] = true
		}
	}
	if len(straight)%2 == 1 {
		drop[straight[len(straight)-1]] = true
	}
	var b strings.Builder
	for i, c := range r {
		if !drop[i] {
			b.WriteRune(c)
		}
	}
	return strings.Join(strings.Fields(b.String()), " ")
}

// mentionAt is the entity mention covering token k, or an empty Arg.
func (d *docView) mentionAt(t *tree, k int) extract.Arg {
	tok := &t.toks[k]
	for _, m := range d.mentions {
		if m.Start > tok.Start {
			break
		}
		if m.End >= tok.End && isEntityType(m.Type) {
			return mentionArg(m)
		}
	}
	return extract.Arg{}
}

// valueAt is the normalised value of the mention at a's span.
func (d *docView) valueAt(a extract.Arg) string {
	for _, m := range d.mentions {
		if m.Start == a.Start && m.End == a.End {
			return m.Value
		}
	}
	return ""
}

// attribution is the speaker key of the reported speech or direct quote
// holding token k of the current sentence, or "".
func (d *docView) attribution(t *tree, k int) string {
	for v := k; v >= 0; v = t.head[v] {
		if v < len(d.speakerOf) {
			if sp := d.speakerOf[v]; sp != nil && sp.Text != "" {
				return d.speakerKey(*sp)
			}
		}
	}
	return d.quoteSpeaker(t, k)
}
