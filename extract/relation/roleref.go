package relation

import (
	"strings"

	"github.com/factgraph/factgraph/extract"
)

// knownRole is a person the document names with a role noun and the
// country (or organisation) the role belongs to: "Russian Ambassador …
// Anatoly Antonov", "its ambassador to Washington, Anatoly Antonov".
type knownRole struct {
	noun   string // the role noun, lower case ("ambassador")
	of     string // the owner, lower case, nationalities as countries
	person extract.Arg
}

// collectRoles gathers the document's roles from the titles the
// recognizer read and the role facts of appositions and title–name
// sequences (kept in d.nominal for the sentences' facts), before the
// clauses are read.
func (d *docView) collectRoles(trees []*tree) {
	d.known = nil
	d.nominal = make([][]nominalFact, len(trees))
	for _, r := range d.roles {
		if r.Title == "" {
			continue
		}
		of := "*" // "Ambassador Antonov": the owner unsaid
		if r.HasOf() {
			of = asCountry(mentionArg(r.Of), r.Of.Value).Text
		}
		d.addKnown(r.Title, of, mentionArg(r.Person))
	}
	for si, t := range trees {
		if t == nil {
			continue
		}
		d.nominal[si] = d.nominalFacts(si, t)
		for _, nf := range d.nominal[si] {
			if f := nf.fact; f.Relation == "role" && f.Subject.Type == "PERSON" {
				d.addKnown(f.Qualifiers["title"], f.Object.Text, f.Subject)
			}
		}
	}
}

func (d *docView) addKnown(title, of string, p extract.Arg) {
	w := strings.Fields(strings.ToLower(title))
	if len(w) == 0 || of == "" {
		return
	}
	d.known = append(d.known, knownRole{noun: w[len(w)-1], of: strings.ToLower(of), person: p})
}

// lastWord is the last word of a name, lower case.
func lastWord(s string) string {
	w := strings.Fields(strings.ToLower(s))
	if len(w) == 0 {
		return ""
	}
	return w[len(w)-1]
}

// roleHolder is the person a role noun h stands for ("its US ambassador"
// → Anatoly Antonov) when its possessive names the owner of a role the
// document gives exactly one person. Without a possessive, a nationality
// before the noun names the owner ("the Russian ambassador").
func (d *docView) roleHolder(si int, t *tree, h int) (extract.Arg, bool) {
	up := t.toks[h].UPOS
	if up != "NOUN" && up != "PROPN" || !isTitleWord(t.toks[h].Text) || len(d.known) == 0 {
		return extract.Arg{}, false
	}
	owner := ""
	for _, k := range t.kids[h] {
		if t.rel[k] == "nmod:poss" {
			a := d.possessor(si, t, k, h)
			if a.Type != "GPE" && a.Type != "ORG" && a.Type != "NORP" {
				return extract.Arg{}, false
			}
			owner = asCountry(a, d.valueAt(a)).Text
			break
		}
	}
	if owner == "" {
		for _, k := range t.kids[h] {
			if k < h && base(t.rel[k]) == "amod" {
				if m := d.mentionAt(t, k); m.Type == "NORP" {
					owner = asCountry(m, d.valueAt(m)).Text
				}
			}
		}
	}
	if owner == "" {
		return extract.Arg{}, false
	}
	if y := d.docYear(); y != "" {
		// "Earlier in 1988, Russia withdrew its ambassador": another time,
		// another ambassador.
		for _, k := range t.span(t.clauseHead(h), nil) {
			if w := t.toks[k].Text; len(w) == 4 && (strings.HasPrefix(w, "19") || strings.HasPrefix(w, "20")) && strings.Trim(w, "0123456789") == "" && w != y {
				return extract.Arg{}, false
			}
		}
	}
	noun := strings.ToLower(t.toks[h].Text)
	// Roles of that owner first; titles without an owner only when none.
	if p, n := d.uniqueHolder(noun, strings.ToLower(owner)); n == 1 {
		return p, true
	} else if n > 1 {
		return extract.Arg{}, false
	}
	if p, n := d.uniqueHolder(noun, "*"); n == 1 {
		return p, true
	}
	return extract.Arg{}, false
}

// uniqueHolder is the person the document gives the role noun of owner,
// and how many different people it gives it.
func (d *docView) uniqueHolder(noun, owner string) (extract.Arg, int) {
	var found extract.Arg
	n := 0
	for _, r := range d.known {
		if r.noun != noun || r.of != owner {
			continue
		}
		if n > 0 && lastWord(r.person.Text) == lastWord(found.Text) {
			if len(r.person.Text) > len(found.Text) {
				found = r.person
			}
			continue
		}
		found = r.person
		n++
	}
	return extract.Arg{Text: found.Text, Type: found.Type}, n
}

// holderOr is the person role noun h stands for (roleHolder) when a is a
// literal phrase, else a.
func (d *docView) holderOr(si int, t *tree, h int, a extract.Arg) extract.Arg {
	if a.Type != "" || a.Literal {
		return a
	}
	if p, ok := d.roleHolder(si, t, h); ok {
		p.Start, p.End = a.Start, a.End
		return p
	}
	return a
}

// clauseHead is the predicate governing token h: the nearest verb above it.
func (t *tree) clauseHead(h int) int {
	v := h
	for steps := 0; steps < 12 && t.head[v] >= 0; steps++ {
		v = t.head[v]
		if t.toks[v].UPOS == "VERB" {
			return v
		}
	}
	return v
}

// docYear is the year most DATE mentions of the document fall in, or "".
func (d *docView) docYear() string {
	n := map[string]int{}
	best := ""
	for _, m := range d.mentions {
		if m.Type != "DATE" || len(m.Value) < 4 || strings.Trim(m.Value[:4], "0123456789") != "" {
			continue
		}
		y := m.Value[:4]
		n[y]++
		if best == "" || n[y] > n[best] {
			best = y
		}
	}
	return best
}

// spokespersonNouns are the role nouns of people who speak for a body.
var spokespersonNouns = map[string]bool{"spokesman": true, "spokeswoman": true, "spokesperson": true, "secretary": true}

// spokenFor is the organisation or country a speaker is the spokesperson
// of ("Kremlin spokesman Dmitry Peskov"): the document's mention of it
// nearest before the speaker. "We" in their quotes is that body.
func (d *docView) spokenFor(speaker extract.Arg) (extract.Arg, bool) {
	last := lastWord(speaker.Text)
	for _, k := range d.known {
		if !spokespersonNouns[k.noun] || k.of == "*" || lastWord(k.person.Text) != last {
			continue
		}
		var found *extract.Mention
		for i := range d.mentions {
			m := &d.mentions[i]
			if strings.ToLower(m.Text) == k.of && (m.Type == "ORG" || m.Type == "GPE") && (found == nil || m.Start < speaker.Start) {
				found = m
			}
		}
		if found != nil {
			return mentionArg(*found), true
		}
	}
	return extract.Arg{}, false
}
