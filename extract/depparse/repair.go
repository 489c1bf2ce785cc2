package depparse

import "strings"

// repairClauseSubjects mends one attachment the greedy parser gets wrong
// in news text: a complement clause without "that" whose subject it took
// for the object of the verb before it ("denied [the government] was
// pursuing the deal", "did not think [any financial institutions] would
// be done in"). When a verb has an object that ends right where a finite
// complement clause (ccomp with a finite auxiliary, copula or verb form)
// without subject or marker begins, the object becomes the clause's
// subject (nsubj, or nsubj:pass beside aux:pass). Object pronouns
// ("told them was") are left alone. heads are 1-based (0 for the root).
//
// On the dev splits it fires rarely and rightly (EWT 4 times, GUM 4: UAS
// +0.02 on both); in Reuters articles about once in fifteen.
func repairClauseSubjects(s Sentence, heads []int, rels []string) {
	n := len(heads)
	for c := 0; c < n; c++ {
		if rels[c] != "ccomp" {
			continue
		}
		finite, pass, ok := isFinite(s.XPOS[c]), false, true
		lo := c // first word of the clause
		for k := 0; k < n; k++ {
			if heads[k]-1 != c {
				continue
			}
			switch rels[k] {
			case "nsubj", "nsubj:pass", "csubj", "csubj:pass", "expl", "mark":
				ok = false
			case "aux", "cop":
				finite = finite || isFinite(s.XPOS[k])
			case "aux:pass":
				finite, pass = finite || isFinite(s.XPOS[k]), true
			}
			lo = min(lo, k)
		}
		if !ok || !finite {
			continue
		}
		v := heads[c] - 1
		for o := 0; o < lo; o++ {
			if heads[o]-1 != v || rels[o] != "obj" || objectPronouns[strings.ToLower(s.Words[o])] {
				continue
			}
			end := o // last word of the object's phrase
			for k := o + 1; k < lo; k++ {
				if inSubtree(heads, o, k) {
					end = k
				}
			}
			if end+1 != lo {
				continue
			}
			heads[o] = c + 1
			rels[o] = "nsubj"
			if pass {
				rels[o] = "nsubj:pass"
			}
		}
	}
}

var objectPronouns = map[string]bool{"me": true, "him": true, "her": true, "us": true, "them": true, "you": true, "it": true}

func isFinite(xpos string) bool {
	switch xpos {
	case "VBD", "VBZ", "VBP", "MD":
		return true
	}
	return false
}

// inSubtree says whether word k lies in the subtree of word h (both 0-based) under
// 1-based heads.
func inSubtree(heads []int, h, k int) bool {
	for steps := 0; k >= 0 && steps <= len(heads); steps++ {
		if k == h {
			return true
		}
		k = heads[k] - 1
	}
	return false
}
