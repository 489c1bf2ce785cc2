package relation

import (
	"strings"

	"github.com/factgraph/factgraph/extract"
)

// nominalFact is a role fact read from a noun phrase, with the role noun's
// token (the fact's speaker is that token's).
type nominalFact struct {
	fact extract.Fact
	role int
}

// nominalFacts reads role facts from appositions that pair a name with a
// common noun of something or someone: "its ambassador to Washington,
// Anatoly Antonov" → Antonov –ambassador of→ Russia (the possessive
// resolved to the clause's subject) with to=Washington; "Antonov, the
// ambassador of Russia" → the same. The noun's other prepositional
// modifiers become qualifiers named by their preposition.
func (d *docView) nominalFacts(si int, t *tree) []nominalFact {
	var out []nominalFact
	done := map[int]bool{}
	for i := range t.toks {
		h := t.head[i]
		if h < 0 || t.rel[i] != "appos" {
			continue
		}
		name, role := h, i
		if t.toks[h].UPOS == "NOUN" && t.toks[i].UPOS == "PROPN" {
			name, role = i, h
		} else if t.toks[i].UPOS != "NOUN" || t.toks[h].UPOS != "PROPN" {
			continue
		}
		subj := d.entityArg(si, t, name, -1)
		if subj.Type != "PERSON" && subj.Type != "ORG" {
			continue
		}
		if f, ok := d.roleFact(si, t, subj, name, role); ok {
			out = append(out, nominalFact{f, role})
			done[role] = true
		}
	}
	// A noun that names a person further on in its phrase: "its ambassador
	// to Washington, Anatoly Antonov" with the name attached to the city,
	// "Russian Ambassador to Washington Anatoly Antonov".
	for h := range t.toks {
		if done[h] {
			continue
		}
		m, ok := d.namedPerson(t, h)
		if !ok {
			continue
		}
		if f, ok := d.roleFact(si, t, mentionArg(m), h, h); ok {
			out = append(out, nominalFact{f, h})
		}
	}
	return out
}

// detachedRoles reads the role facts of "ordered its ambassador to
// Washington, Anatoly Antonov, back to Moscow" when the parse attaches "to
// Washington" (and the name in apposition to it) to the verb rather than
// to the role noun: Antonov –ambassador of→ Russia, to=Washington. Persons
// that already have a role fact in the sentence (facts) are skipped.
func (d *docView) detachedRoles(si int, t *tree, clauses []clause, facts []extract.Fact) []extract.Fact {
	var out []extract.Fact
	has := func(p extract.Arg) bool {
		for _, fs := range [2][]extract.Fact{facts, out} {
			for _, f := range fs {
				if f.Relation == "role" && f.Subject.Start == p.Start && f.Subject.End == p.End {
					return true
				}
			}
		}
		return false
	}
	for ci := range clauses {
		c := &clauses[ci]
		for _, a := range c.args {
			if a.kind != "obj" || !isTitleWord(t.toks[a.head].Text) {
				continue
			}
			ai, p, ok := d.appositiveAfter(t, c, a.head)
			if !ok || has(p) {
				continue
			}
			f, ok := d.roleFact(si, t, p, c.args[ai].head, a.head)
			if !ok {
				continue
			}
			if place := d.entityArg(si, t, c.args[ai].head, -1); place.Type == "GPE" || place.Type == "LOC" {
				f.Qualifiers[c.args[ai].prep] = place.Text
			}
			out = append(out, f)
		}
	}
	return out
}

// roleFact is the role fact of person (or organisation) subj named by the
// common noun role: the owner from the noun's possessive, a country or
// organisation modifier, or its "of" phrase; its other prepositional
// modifiers as qualifiers.
func (d *docView) roleFact(si int, t *tree, subj extract.Arg, name, role int) (extract.Fact, bool) {
	var obj extract.Arg
	quals := map[string]string{}
	ownerTok := -1
	owner := [2]int{-1, -1} // the owner's mention span, when it modifies the noun
	compound := ""          // a title with its "of" phrase: "Secretary of State"
	for _, k := range t.kids[role] {
		switch {
		case t.rel[k] == "nmod:poss":
			obj = d.possessor(si, t, k, role)
		case base(t.rel[k]) == "nmod":
			prep, pi := t.caseOf(k)
			if prep == "" {
				continue
			}
			a := d.entityArg(si, t, k, -1)
			if a.Type == "PERSON" && a.Text == subj.Text {
				// "Ambassador to the United States Anatoly Antonov" parsed
				// with the name heading the phrase: the other entity in it.
				a = extract.Arg{}
				for _, j := range t.phrase(k, pi) {
					if m := d.mentionAt(t, j); m.Type != "" && m.Text != subj.Text && (m.End <= subj.Start || m.Start >= subj.End) {
						a = m
						break
					}
				}
				if a.Type == "" {
					continue
				}
			}
			if a.Type == "" {
				a = d.spanArg(t, t.phrase(k, pi))
			}
			if full := t.toks[role].Text + " of " + a.Text; prep == "of" && isTitleWord(full) {
				compound = full
				continue
			}
			if prep == "of" && obj.Text == "" {
				obj = a
				continue
			}
			quals[prep] = a.Text
		case k < role && (base(t.rel[k]) == "amod" || base(t.rel[k]) == "compound" || base(t.rel[k]) == "nmod"):
			if obj.Text != "" {
				continue
			}
			if m := d.mentionAt(t, k); m.Type == "NORP" || m.Type == "GPE" || m.Type == "ORG" {
				obj, ownerTok, owner = asCountry(m, d.valueAt(m)), k, [2]int{m.Start, m.End}
			}
		}
	}
	if obj.Text == "" || !hasLetter(obj.Text) || obj.Text == subj.Text || nonRoles[strings.ToLower(t.toks[role].Text)] ||
		t.toks[role].XPOS == "NNS" || t.toks[role].XPOS == "NNPS" || t.toks[role].Start >= owner[0] && t.toks[role].End <= owner[1] {
		// No one holds a role of themselves ("Nabil Maaloul, the coach
		// of Nabil Maaloul" from a bad parse), events and words are no
		// roles ("Gloria, the death of their child"), one name holds
		// no plural ("possible new US sanctions Interfax"), and the last
		// word of a name is no role of the rest ("European Community
		// (EC)" is no "Community" of Europe).
		return extract.Fact{}, false
	}
	title := t.roleTitle(role, ownerTok, owner)
	if compound != "" {
		title = strings.TrimSpace(strings.TrimSuffix(title, t.toks[role].Text) + compound)
	}
	quals["title"] = title
	x := t.nominalFeatures(fKindAppos, []int{name}, []int{role})
	return extract.Fact{
		Sentence:   si,
		Subject:    subj,
		Predicate:  strings.ToLower(title) + " of",
		Relation:   "role",
		Object:     obj,
		Qualifiers: quals,
		Attributed: d.attribution(t, role),
		Confidence: score(x),
		Extractor:  Name,
	}, true
}

// roleTitle is the role noun with the modifiers written before it
// ("foreign minister"), without determiners and possessives, and without
// the owner: the modifier ownerTok and the words of its name, owner.
func (t *tree) roleTitle(role, ownerTok int, owner [2]int) string {
	idx := []int{role}
	for _, k := range t.kids[role] {
		if k == ownerTok {
			continue
		}
		if k < role && (base(t.rel[k]) == "amod" || base(t.rel[k]) == "compound") && !praise[t.lower(k)] {
			for _, j := range t.span(k, nil) {
				// Not the words of the owner's name ("K Mart vice
				// president" is a vice president of K Mart).
				if t.toks[j].Start < owner[0] || t.toks[j].End > owner[1] {
					idx = append(idx, j)
				}
			}
		}
	}
	sortInts(idx)
	return t.text(idx)
}

// praise are adjectives that describe how a role is seen, not the role:
// "the prominent Moscow foreign politician", "the well-known … politician"
// hold the role "foreign politician" in every outlet's wording.
var praise = map[string]bool{
	"prominent": true, "known": true, "famous": true, "renowned": true, "influential": true, "powerful": true,
	"respected": true, "notorious": true, "controversial": true, "outspoken": true, "popular": true,
	"veteran": true, "leading": true, "distinguished": true, "celebrated": true, "legendary": true,
}

// possessor is the entity a possessive k of noun role stands for. A
// possessive pronoun ("its", "their") refers to the subject of the clause
// holding the noun when that subject names an organisation or place, else
// to the last one named before it; "his" and "her" to the last person.
func (d *docView) possessor(si int, t *tree, k, role int) extract.Arg {
	switch t.lower(k) {
	case "its", "their":
		for v := t.head[role]; v >= 0; v = t.head[v] {
			if s := t.child(v, "nsubj"); s >= 0 && s != role {
				if a := d.entityArg(si, t, s, -1); a.Type == "ORG" || a.Type == "GPE" || a.Type == "NORP" {
					return a
				}
				break
			}
		}
		for j := len(d.mentions) - 1; j >= 0; j-- {
			m := d.mentions[j]
			if m.End <= t.toks[k].Start && (m.Type == "ORG" || m.Type == "GPE") {
				return mentionArg(m)
			}
		}
		return extract.Arg{}
	case "his", "her":
		if m := d.personBefore(t.toks[k].Start, nil); m != nil {
			return mentionArg(*m)
		}
		return extract.Arg{}
	}
	return d.entityArg(si, t, k, -1)
}

// nonRoles are nouns an apposition may put beside a name that say what
// happened to or was said by the entity, not what it is.
var nonRoles = map[string]bool{"death": true, "deaths": true, "words": true, "word": true, "defense": true,
	"defence": true, "statement": true, "remarks": true, "comments": true, "speech": true, "murder": true,
	"killing": true, "arrest": true, "release": true, "return": true, "trial": true, "case": true,
	"decision": true, "attack": true, "support": true, "birth": true, "funeral": true, "wedding": true,
	"resignation": true, "election": true, "appointment": true, "visit": true, "end": true, "part": true}
