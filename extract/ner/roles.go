package ner

import (
	"strings"

	"github.com/factgraph/factgraph/extract"
	"github.com/factgraph/factgraph/extract/gazetteer"
)

// Role is a title a text gives a person: "Kremlin spokesman Dmitry Peskov"
// gives Dmitry Peskov the title "spokesman" of the ORG Kremlin; "Jen Psaki,
// the spokeswoman for the White House" gives Jen Psaki "spokeswoman" of the
// White House. Relation extraction turns roles into facts.
type Role struct {
	Person extract.Mention
	// Title is the title as written ("Deputy Foreign Minister").
	Title string
	// TitleStart and TitleEnd are the title's byte offsets in the text.
	TitleStart, TitleEnd int
	// Of is the organisation, place or group the title belongs to; its
	// Type is empty when the text does not say ("Deputy Foreign Minister
	// Sergei Riabkov"). For a NORP ("Russian Ambassador") Of.Value holds
	// the country.
	Of extract.Mention
}

// HasOf reports whether the role names what the title belongs to.
func (r Role) HasOf() bool { return r.Of.Type != "" }

// roleModifiers may stand inside a title: "former US President", "Deputy
// Foreign Minister", "acting chief".
var roleModifiers = map[string]bool{
	"former": true, "then": true, "acting": true, "interim": true, "deputy": true, "senior": true,
	"top": true, "new": true, "outgoing": true, "incoming": true, "foreign": true, "press": true,
	"vice": true, "assistant": true, "associate": true, "executive": true, "general": true,
	"first": true, "chief": true, "state": true, "federal": true, "national": true, "defense": true,
	"defence": true, "interior": true, "finance": true, "health": true, "government": true,
	"justice": true, "economy": true, "trade": true, "energy": true, "security": true,
	"intelligence": true, "parliamentary": true, "opposition": true, "party": true, "then-": true,
	"prime": true, "co-": true, "managing": true, "principal": true, "lead": true, "head": true,
}

// Roles reads the titles around the PERSON mentions of an analysis that
// Recognize has tagged: a title right before the name, optionally after the
// mention it belongs to ("US President Joe Biden"), or an apposition after
// the name ("Jen Psaki, the spokeswoman for the White House").
func (r *Recognizer) Roles(a *extract.Analysis) []Role {
	if a == nil {
		return nil
	}
	// Mentions by sentence and first/last token.
	type key struct{ s, tok int }
	byStart := map[key]int{}
	byEnd := map[key]int{}
	tokOf := func(s *extract.Sentence, off int, end bool) int {
		for k, t := range s.Tokens {
			if !end && t.Start == off || end && t.End == off {
				return k
			}
		}
		return -1
	}
	for mi, m := range a.Mentions {
		if m.Sentence < 0 || m.Sentence >= len(a.Sentences) {
			continue
		}
		s := &a.Sentences[m.Sentence]
		if k := tokOf(s, m.Start, false); k >= 0 {
			byStart[key{m.Sentence, k}] = mi
		}
		if k := tokOf(s, m.End, true); k >= 0 {
			byEnd[key{m.Sentence, k}] = mi
		}
	}
	ownerType := func(t string) bool { return t == "ORG" || t == "GPE" || t == "NORP" || t == "LOC" }
	var out []Role
	for _, m := range a.Mentions {
		if m.Type != "PERSON" || m.Sentence < 0 || m.Sentence >= len(a.Sentences) {
			continue
		}
		s := &a.Sentences[m.Sentence]
		first := tokOf(s, m.Start, false)
		last := tokOf(s, m.End, true)
		if first < 0 || last < 0 {
			continue
		}
		words := make([]string, len(s.Tokens))
		for k, t := range s.Tokens {
			words[k] = t.Text
		}
		// Title before the name.
		ts, te := r.titleBefore(words, first)
		if ts < te {
			role := Role{Person: m, TitleStart: s.Tokens[ts].Start, TitleEnd: s.Tokens[te-1].End}
			role.Title = textOf(a, s, ts, te)
			k := ts - 1
			if k >= 0 && (strings.EqualFold(words[k], "'s") || words[k] == "’s") {
				k--
			}
			if mi, ok := byEnd[key{m.Sentence, k}]; ok && ownerType(a.Mentions[mi].Type) {
				role.Of = a.Mentions[mi]
			} else if ts > 0 {
				// "Ambassador to the United States Anatoly Antonov" is
				// left to the apposition rule; nothing else.
			}
			out = append(out, role)
			continue
		}
		// Apposition: NAME , [the] TITLE [of|for|at] [the] OWNER
		k := last + 1
		if k < len(words) && words[k] == "," {
			k++
			if k < len(words) && (strings.EqualFold(words[k], "the") || strings.EqualFold(words[k], "a") || strings.EqualFold(words[k], "an")) {
				k++
			}
			ts := k
			for k < len(words) && roleModifiers[strings.ToLower(words[k])] && r.titleAt(words, k) == 0 {
				k++
			}
			n := r.titleAt(words, k)
			if n == 0 {
				continue
			}
			k += n
			role := Role{Person: m, TitleStart: s.Tokens[ts].Start, TitleEnd: s.Tokens[k-1].End, Title: textOf(a, s, ts, k)}
			if k < len(words) && (words[k] == "of" || words[k] == "for" || words[k] == "at" || words[k] == "to") {
				k++
				if k < len(words) && strings.EqualFold(words[k], "the") {
					k++
				}
				if mi, ok := byStart[key{m.Sentence, k}]; ok && ownerType(a.Mentions[mi].Type) {
					role.Of = a.Mentions[mi]
				}
			}
			out = append(out, role)
		}
	}
	return out
}

// titleBefore returns the token span of a title ending right before token
// first ("Deputy Foreign Minister", "spokesman", "former US President" →
// "former … President" stops at the owner mention).
func (r *Recognizer) titleBefore(words []string, first int) (int, int) {
	end := first
	start := end
	for start > 0 {
		matched := 0
		for n := 1; n <= 4 && start-n >= 0; n++ {
			if r.res.gaz.Is(gazetteer.Title, strings.Join(words[start-n:start], " ")) {
				matched = n
			}
		}
		if matched > 0 {
			start -= matched
			continue
		}
		if start < end && roleModifiers[strings.ToLower(words[start-1])] {
			start--
			continue
		}
		break
	}
	// A title needs a title word, not only modifiers.
	for start < end && r.titleAt(words, start) == 0 && roleModifiers[strings.ToLower(words[start])] {
		hasTitle := false
		for k := start; k < end; k++ {
			if r.titleAt(words, k) > 0 {
				hasTitle = true
			}
		}
		if !hasTitle {
			return end, end
		}
		break
	}
	return start, end
}

func textOf(a *extract.Analysis, s *extract.Sentence, from, to int) string {
	st, en := s.Tokens[from].Start, s.Tokens[to-1].End
	if a.Doc != nil && st >= 0 && en <= len(a.Doc.Text) && st <= en {
		return a.Doc.Text[st:en]
	}
	return joinTokens(s.Tokens[from:to])
}

// Roles reads titles with the default recognizer's lists; see
// Recognizer.Roles.
func Roles(a *extract.Analysis) ([]Role, error) {
	r, err := Default()
	if err != nil {
		return nil, err
	}
	return r.Roles(a), nil
}
