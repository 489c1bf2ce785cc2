package ner

import (
	"slices"
	"strings"
)

// maxVoteLen is the longest name, in tokens, that voteDoc propagates.
const maxVoteLen = 5

// nameVotes counts how a document tags one surface form.
type nameVotes struct {
	typed  [8]int // occurrences tagged as each type
	untagd int    // occurrences left O (capitalised ones)
	// inPerson: the form is one word of a longer PER name ("Abbas"
	// after "Mahmoud Abbas").
	inPerson bool
}

// voteDoc is a second pass of document-level consistency over the last
// stage's labels (models with the "vote" feature set): a capitalised word
// sequence left O that the document tags elsewhere gets the type most of
// its tagged occurrences have, when they are at least as many as the
// untagged ones; a capitalised word of a longer PER name ("Abbas" after
// "Mahmoud Abbas") standing alone becomes PER when it is left O at most
// once. The second stage's history features make the tagger prefer
// consistency; this enforces it for the names it still misses.
func voteDoc(infos [][]tokInfo, labels [][]int, types []string) {
	per := slices.Index(types, "PER")
	seen := map[string]*nameVotes{}
	get := func(k string) *nameVotes {
		v := seen[k]
		if v == nil {
			v = &nameVotes{}
			seen[k] = v
		}
		return v
	}
	var sb strings.Builder
	key := func(s []tokInfo, a, b int) string {
		sb.Reset()
		for k := a; k < b; k++ {
			if k > a {
				sb.WriteByte(' ')
			}
			sb.WriteString(s[k].w)
		}
		return sb.String()
	}
	for si, s := range infos {
		lab := labels[si]
		for i := 0; i < len(s); i++ {
			l := lab[i]
			if l == 0 {
				continue
			}
			j := i + 1
			if labelPart(l) == bilB {
				for j < len(s) && labelPart(lab[j]) != bilL {
					j++
				}
				j = min(j+1, len(s))
			}
			ty := labelType(l)
			if ty < len(nameVotes{}.typed) {
				get(key(s, i, j)).typed[ty]++
			}
			if ty == per && j-i >= 2 {
				for k := i; k < j; k++ {
					if t := &s[k]; t.capital && t.hasLetter && !t.allCaps && len(t.w) > 2 {
						get(t.w).inPerson = true
					}
				}
			}
			i = j - 1
		}
	}
	if len(seen) == 0 {
		return
	}
	for si, s := range infos {
		lab := labels[si]
		for i := range s {
			if lab[i] != 0 || !s[i].hasLetter || !s[i].capital {
				continue
			}
			for j := i + 1; j <= len(s) && j-i <= maxVoteLen && lab[j-1] == 0; j++ {
				if v := seen[key(s, i, j)]; v != nil {
					v.untagd++
				}
			}
		}
	}
	ntypes := min(len(types), len(nameVotes{}.typed))
	for si, s := range infos {
		lab := labels[si]
		for i := 0; i < len(s); i++ {
			if lab[i] != 0 || !s[i].hasLetter || !s[i].capital {
				continue
			}
			best, end := -1, 0
			free := i
			for free < len(s) && free-i < maxVoteLen && lab[free] == 0 {
				free++
			}
			for j := free; j > i && best < 0; j-- {
				v := seen[key(s, i, j)]
				if v == nil {
					continue
				}
				bt, bn, total := -1, 0, 0
				for t := 0; t < ntypes; t++ {
					total += v.typed[t]
					if v.typed[t] > bn {
						bt, bn = t, v.typed[t]
					}
				}
				if bt < 0 && v.inPerson {
					bt, total = per, 1
				}
				if bt < 0 || v.untagd > total {
					continue
				}
				best, end = bt, j
			}
			if best < 0 {
				continue
			}
			if end-i == 1 {
				lab[i] = label(best, bilU)
			} else {
				lab[i] = label(best, bilB)
				for k := i + 1; k < end-1; k++ {
					lab[k] = label(best, bilI)
				}
				lab[end-1] = label(best, bilL)
			}
			i = end - 1
		}
	}
}

// retypeSurnames gives PER to a one-word place or organisation span whose
// word ends a longer PER name elsewhere in the document and that the
// gazetteer does not know as a place ("the poison attack on Navalny" after
// "Alexei Navalny"), or that speaks ("Georgia said" after "Lisa
// Georgia": places do not say things).
func retypeSurnames(res *resources, infos [][]tokInfo, labels [][]int, types []string) {
	per := slices.Index(types, "PER")
	if per < 0 {
		return
	}
	var last map[string]bool
	for si, s := range infos {
		for i := range s {
			l := labels[si][i]
			if l > 0 && labelType(l) == per && labelPart(l) == bilL {
				if last == nil {
					last = map[string]bool{}
				}
				last[s[i].w] = true
			}
		}
	}
	if last == nil {
		return
	}
	for si, s := range infos {
		for i := range s {
			l := labels[si][i]
			if l == 0 || labelPart(l) != bilU || labelType(l) == per || !last[s[i].w] {
				continue
			}
			if types[labelType(l)] != "LOC" && types[labelType(l)] != "ORG" {
				continue
			}
			if res.gaz != nil && res.gaz.Lookup(s[i].w) != 0 && !(i+1 < len(s) && speechVerbs[s[i+1].lw]) {
				continue
			}
			labels[si][i] = label(per, bilU)
		}
	}
}

// speechVerbs follow a speaker's name ("Paris claimed").
var speechVerbs = map[string]bool{"said": true, "says": true, "told": true, "claimed": true, "claims": true,
	"added": true, "explained": true, "wrote": true, "recalled": true, "stated": true, "noted": true,
	"argued": true, "insisted": true, "alleged": true, "recounted": true, "asked": true, "replied": true}
