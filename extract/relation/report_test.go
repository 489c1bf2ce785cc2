package relation

import (
	"strings"
	"testing"
)

// TestTrailingReport checks that "…, reported X." and "…, X reported."
// make the sentence X's report instead of a report fact of the main
// subject (the parse makes X the object of a verb coordinated with the
// main one).
func TestTrailingReport(t *testing.T) {
	cases := []struct {
		name, text, rows string
		want             []string
	}{
		{
			name: "verb then reporter, parsed as a conjunct with an object",
			text: "Berg invited Keller to talks, reported Radio North.",
			rows: `Berg PROPN NNP Berg 2 nsubj
invited VERB VBD invite 0 root
Keller PROPN NNP Keller 2 obj
to ADP IN to 5 case
talks NOUN NNS talk 2 obl
, PUNCT , , 7 punct
reported VERB VBD report 2 conj
Radio PROPN NNP Radio 9 compound
North PROPN NNP North 7 obj
. PUNCT . . 2 punct`,
			want: []string{"Berg –invite/appeal→ Keller [to=talks] @org/radio-north"},
		},
		{
			name: "reporter then verb",
			text: "Berg invited Keller to talks, Radio North reported.",
			rows: `Berg PROPN NNP Berg 2 nsubj
invited VERB VBD invite 0 root
Keller PROPN NNP Keller 2 obj
to ADP IN to 5 case
talks NOUN NNS talk 2 obl
, PUNCT , , 9 punct
Radio PROPN NNP Radio 8 compound
North PROPN NNP North 9 nsubj
reported VERB VBD report 2 parataxis
. PUNCT . . 2 punct`,
			want: []string{"Berg –invite/appeal→ Keller [to=talks] @org/radio-north"},
		},
	}
	for _, c := range cases {
		a := parsed(t, c.text, c.rows, mention{"Berg", "PERSON", ""}, mention{"Keller", "PERSON", ""}, mention{"Radio North", "ORG", ""})
		got := extractAll(t, a)
		if strings.Join(got, "\n") != strings.Join(c.want, "\n") {
			t.Errorf("%s:\ngot:\n  %s\nwant:\n  %s", c.name, strings.Join(got, "\n  "), strings.Join(c.want, "\n  "))
		}
	}
}
