package depparse

import (
	"strings"
	"testing"
)

// TestRepairClauseSubjects gives repairClauseSubjects parses with the
// greedy parser's misattachment and with attachments it must keep.
func TestRepairClauseSubjects(t *testing.T) {
	cases := []struct {
		name, words, xpos string
		heads             []int
		rels              string
		wantHeads         []int
		wantRels          string
	}{{
		name:      "object before a finite clause becomes its subject",
		words:     "He denied the government was pursuing the deal .",
		xpos:      "PRP VBD DT NN VBD VBG DT NN .",
		heads:     []int{2, 0, 4, 2, 6, 2, 8, 6, 2},
		rels:      "nsubj root det obj aux ccomp det obj punct",
		wantHeads: []int{2, 0, 4, 6, 6, 2, 8, 6, 2},
		wantRels:  "nsubj root det nsubj aux ccomp det obj punct",
	}, {
		name:      "passive clause",
		words:     "He found the filters had not been cleaned .",
		xpos:      "PRP VBD DT NNS VBD RB VBN VBN .",
		heads:     []int{2, 0, 4, 2, 8, 8, 8, 2, 2},
		rels:      "nsubj root det obj aux advmod aux:pass ccomp punct",
		wantHeads: []int{2, 0, 4, 8, 8, 8, 8, 2, 2},
		wantRels:  "nsubj root det nsubj:pass aux advmod aux:pass ccomp punct",
	}, {
		name:  "clause with its own subject",
		words: "He told the board the deal was dead .",
		xpos:  "PRP VBD DT NN DT NN VBD JJ .",
		heads: []int{2, 0, 4, 2, 6, 8, 8, 2, 2},
		rels:  "nsubj root det obj det nsubj cop ccomp punct",
	}, {
		name:  "clause with a marker",
		words: "He told the board that was it .",
		xpos:  "PRP VBD DT NN IN VBD PRP .",
		heads: []int{2, 0, 4, 2, 7, 7, 2, 2},
		rels:  "nsubj root det obj mark cop ccomp punct",
	}, {
		name:  "object pronoun",
		words: "She told them would go .",
		xpos:  "PRP VBD PRP MD VB .",
		heads: []int{2, 0, 2, 5, 2, 2},
		rels:  "nsubj root obj aux ccomp punct",
	}, {
		name:  "non-finite clause",
		words: "They saw the price falling sharply .",
		xpos:  "PRP VBD DT NN VBG RB .",
		heads: []int{2, 0, 4, 2, 2, 5, 2},
		rels:  "nsubj root det obj ccomp advmod punct",
	}, {
		name:  "object not next to the clause",
		words: "He denied the report yesterday was wrong .",
		xpos:  "PRP VBD DT NN NN VBD JJ .",
		heads: []int{2, 0, 4, 2, 2, 7, 2, 2},
		rels:  "nsubj root det obj obl:tmod cop ccomp punct",
	}}
	for _, c := range cases {
		s := Sentence{Words: strings.Fields(c.words), XPOS: strings.Fields(c.xpos)}
		heads := append([]int(nil), c.heads...)
		rels := strings.Fields(c.rels)
		repairClauseSubjects(s, heads, rels)
		wantHeads, wantRels := c.wantHeads, c.wantRels
		if wantHeads == nil {
			wantHeads, wantRels = c.heads, c.rels
		}
		for i := range heads {
			if heads[i] != wantHeads[i] || rels[i] != strings.Fields(wantRels)[i] {
				t.Errorf("%s: %s → %d %s, want %d %s", c.name, s.Words[i], heads[i], rels[i], wantHeads[i], strings.Fields(wantRels)[i])
			}
		}
	}
}
