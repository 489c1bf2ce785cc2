package relation

import (
	"strings"
	"testing"
)

// TestCompoundTitle: "Secretary of State" is one title, not a secretary
// whose owner is "State".
func TestCompoundTitle(t *testing.T) {
	text := "US Secretary of State Antony Blinken arrived."
	rows := `US PROPN NNP US 2 compound
Secretary PROPN NNP Secretary 7 nsubj
of ADP IN of 4 case
State PROPN NNP State 2 nmod
Antony PROPN NNP Antony 2 appos
Blinken PROPN NNP Blinken 5 flat
arrived VERB VBD arrive 0 root
. PUNCT . . 7 punct`
	got := factSet(t, true, rows, text, mention{"US", "GPE", "United States"}, mention{"Antony Blinken", "PERSON", ""})
	for _, g := range got {
		if strings.Contains(g, "→ State") || strings.Contains(g, "of=State") || strings.Contains(g, "title=Secretary]") {
			t.Errorf("State as an owner: %q", g)
		}
	}
	wantFact(t, got, "Antony Blinken –secretary of state of/role→ US [title=Secretary of State]")
}

// TestAppositionNotRole: an apposition naming an event or words is no role
// ("Tom Molomby, the defense of the parents"), while one naming an
// occupation is ("the lawyer of the parents").
func TestAppositionNotRole(t *testing.T) {
	rows := `Tom PROPN NNP Tom 10 nsubj
Molomby PROPN NNP Molomby 1 flat
, PUNCT , , 5 punct
the DET DT the 5 det
NOUN NOUN NN NOUN 1 appos
of ADP IN of 8 case
the DET DT the 8 det
parents NOUN NNS parent 5 nmod
, PUNCT , , 1 punct
spoke VERB VBD speak 0 root
to ADP IN to 12 case
reporters NOUN NNS reporter 10 obl
. PUNCT . . 10 punct`
	for noun, want := range map[string]bool{"defense": false, "lawyer": true} {
		text := "Tom Molomby, the " + noun + " of the parents, spoke to reporters."
		got := factSet(t, true, strings.ReplaceAll(rows, "NOUN NOUN NN NOUN", noun+" NOUN NN "+noun), text, mention{"Tom Molomby", "PERSON", ""})
		role := false
		for _, g := range got {
			if strings.Contains(g, "/role→") {
				role = true
			}
		}
		if role != want {
			t.Errorf("%q: role fact %v, want %v (%v)", text, role, want, got)
		}
	}
}
