package relation

import (
	"strings"
	"testing"
)

// TestPronounBinding: a pronoun never stands for the person the other
// argument of its clause names. In "he thanked him" the nearest person
// is everybody's first choice; the object takes the next one. A subject
// pronoun whose only candidate is the object's person stays a pronoun.
func TestPronounBinding(t *testing.T) {
	text := "Tom Keller met Jan Novak, and he thanked him."
	rows := `Tom PROPN NNP Tom 3 nsubj
Keller PROPN NNP Keller 1 flat
met VERB VBD meet 0 root
Jan PROPN NNP Jan 3 obj
Novak PROPN NNP Novak 4 flat
, PUNCT , , 9 punct
and CCONJ CC and 9 cc
he PRON PRP he 9 nsubj
thanked VERB VBD thank 3 conj
him PRON PRP he 9 obj
. PUNCT . . 3 punct`
	got := factSet(t, false, rows, text, mention{"Tom Keller", "PERSON", ""}, mention{"Jan Novak", "PERSON", ""})
	found := false
	for _, g := range got {
		if strings.Contains(g, "thank") {
			found = true
			if !strings.HasPrefix(g, "Tom Keller –thank") || !strings.Contains(g, "→ Jan Novak") {
				t.Errorf("he thanked him: %q, want Tom Keller thanking Jan Novak", g)
			}
		}
	}
	if !found {
		t.Errorf("no thank fact in %v", got)
	}

	text = "Jan Novak said that he thanked Jan Novak."
	rows = `Jan PROPN NNP Jan 3 nsubj
Novak PROPN NNP Novak 1 flat
said VERB VBD say 0 root
that SCONJ IN that 6 mark
he PRON PRP he 6 nsubj
thanked VERB VBD thank 3 ccomp
Jan PROPN NNP Jan 6 obj
Novak PROPN NNP Novak 7 flat
. PUNCT . . 3 punct`
	a := parsed(t, text, rows, mention{"Jan Novak", "PERSON", ""})
	second := strings.LastIndex(text, "Jan Novak")
	a.Mentions = append(a.Mentions, a.Mentions[0])
	a.Mentions[1].Start, a.Mentions[1].End = second, second+len("Jan Novak")
	got = extractAll(t, a)
	for _, g := range got {
		if strings.Contains(g, "thank") && strings.HasPrefix(g, "Jan Novak –thank") {
			t.Errorf("he is the person he thanked: %q", g)
		}
	}
}

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
