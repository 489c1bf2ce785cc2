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

// TestPluralNounNotRole: one name holds no plural role ("possible new US
// sanctions Interfax", a translation's word order), while a singular noun
// in the same place is a role ("US spokesman Ned Price").
func TestPluralNounNotRole(t *testing.T) {
	rows := `He PRON PRP he 2 nsubj
spoke VERB VBD speak 0 root
about ADP IN about 6 case
new ADJ JJ new 6 amod
US PROPN NNP US 6 compound
NOUN NOUN XPOS NOUN 2 obl
Name PROPN NNP Name 6 appos
Last PROPN NNP Last 7 flat
. PUNCT . . 2 punct`
	for _, c := range []struct {
		noun, xpos string
		want       bool
	}{{"sanctions", "NNS", false}, {"spokesman", "NN", true}} {
		text := "He spoke about new US " + c.noun + " Name Last."
		got := factSet(t, true, strings.ReplaceAll(rows, "NOUN NOUN XPOS NOUN", c.noun+" NOUN "+c.xpos+" "+c.noun), text,
			mention{"US", "GPE", "United States"}, mention{"Name Last", "PERSON", ""})
		role := false
		for _, g := range got {
			if strings.Contains(g, "/role→") {
				role = true
			}
		}
		if role != c.want {
			t.Errorf("%q: role fact %v, want %v (%v)", text, role, c.want, got)
		}
	}
}

// TestReportingVerbAfterQuote: a reporting verb after a closing quotation
// mark, parsed as a conjunct of the quote's verb, does not take the
// quote's subject ("“Biden has insulted us,” complains Volodin" gave
// Biden –complain→ Volodin).
func TestReportingVerbAfterQuote(t *testing.T) {
	text := "“Biden has insulted the citizens of our country with his statements,” complains parliamentary leader Vyacheslav Volodin in the news channel Telegram."
	rows := `“ PUNCT ` + "``" + ` “ 4 punct
Biden PROPN NNP Biden 4 nsubj
has AUX VBZ have 4 aux
insulted VERB VBN insult 0 root
the DET DT the 6 det
citizens NOUN NNS citizen 4 obj
of ADP IN of 9 case
our PRON PRP$ our 9 nmod:poss
country NOUN NN country 6 nmod
with ADP IN with 12 case
his PRON PRP$ his 12 nmod:poss
statements NOUN NNS statement 6 nmod
, PUNCT , , 4 punct
” PUNCT '' ” 4 punct
complains VERB VBZ complain 4 conj
parliamentary ADJ JJ parliamentary 17 amod
leader NOUN NN leader 18 nmod:desc
Vyacheslav PROPN NNP Vyacheslav 15 obj
Volodin PROPN NNP Volodin 18 flat
in ADP IN in 23 case
the DET DT the 23 det
news NOUN NN news 23 compound
channel NOUN NN channel 18 nmod
Telegram PROPN NNP Telegram 23 appos
. PUNCT . . 4 punct`
	got := factSet(t, true, rows, text, mention{"Biden", "PERSON", ""}, mention{"Vyacheslav Volodin", "PERSON", ""})
	insult := false
	for _, g := range got {
		if strings.HasPrefix(g, "Biden –complain") {
			t.Errorf("quote's subject given to the reporting verb: %q (all: %v)", g, got)
		}
		insult = insult || strings.HasPrefix(g, "Biden –insult")
	}
	if !insult {
		t.Errorf("the quote's own fact is lost: %v", got)
	}
}

// TestRoleTitleWithoutPraise: adjectives of how a role is seen are no part
// of its title, so outlets writing "the prominent …" and "the well-known
// …" give one role fact.
func TestRoleTitleWithoutPraise(t *testing.T) {
	rows := `The DET DT the 5 det
ADJ ADJ JJ ADJ 5 amod
Moscow PROPN NNP Moscow 5 compound
foreign ADJ JJ foreign 5 amod
politician NOUN NN politician 8 nsubj
Konstantin PROPN NNP Konstantin 5 appos
Kosachev PROPN NNP Kosachev 6 flat
spoke VERB VBD speak 0 root
. PUNCT . . 8 punct`
	for _, adj := range []string{"prominent", "famous"} {
		text := "The " + adj + " Moscow foreign politician Konstantin Kosachev spoke."
		got := factSet(t, true, strings.ReplaceAll(rows, "ADJ ADJ JJ ADJ", adj+" ADJ JJ "+adj), text,
			mention{"Moscow", "GPE", ""}, mention{"Konstantin Kosachev", "PERSON", ""})
		wantFact(t, got, "Konstantin Kosachev –foreign politician of/role→ Moscow [title=foreign politician]")
		for _, g := range got {
			if strings.Contains(g, adj) {
				t.Errorf("%q in a role: %q", adj, g)
			}
		}
	}
}
