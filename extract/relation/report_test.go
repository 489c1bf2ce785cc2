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
		{
			name: "after a closing quotation mark, no final period",
			text: `"Berg invited Keller to talks," writes Radio North`,
			rows: `" PUNCT ` + "``" + ` " 3 punct
Berg PROPN NNP Berg 3 nsubj
invited VERB VBD invite 0 root
Keller PROPN NNP Keller 3 obj
to ADP IN to 6 case
talks NOUN NNS talk 3 obl
, PUNCT , , 3 punct
" PUNCT '' " 3 punct
writes VERB VBZ write 3 parataxis
Radio PROPN NNP Radio 11 compound
North PROPN NNP North 9 obj`,
			want: []string{"Berg –invite/appeal→ Keller [to=talks] @org/radio-north",
				"Radio North –write/statement→ Berg invited Keller to talks [quote=direct]"},
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

// TestParseRepairs checks constructions the extractor reads right where
// the parse (or the sentence) makes them easy to get wrong, each with the
// parse our parser gives: want lists facts that must be there, notWant
// substrings no fact may contain.
func TestParseRepairs(t *testing.T) {
	cases := []struct {
		name, text, rows string
		ms               []mention
		want, notWant    []string
	}{
		{
			name: "a relative pronoun object stands for the noun its clause modifies",
			text: "Lena Berg praised the bridge, which Tom Keller had built.",
			rows: `Lena PROPN NNP Lena 3 nsubj
Berg PROPN NNP Berg 1 flat
praised VERB VBD praise 0 root
the DET DT the 5 det
bridge NOUN NN bridge 3 obj
, PUNCT , , 11 punct
which PRON WDT which 11 obj
Tom PROPN NNP Tom 11 nsubj
Keller PROPN NNP Keller 8 flat
had AUX VBD have 11 aux
built VERB VBN build 5 acl:relcl
. PUNCT . . 3 punct`,
			ms:      []mention{{"Lena Berg", "PERSON", ""}, {"Tom Keller", "PERSON", ""}},
			want:    []string{"Tom Keller –build/action→ the bridge"},
			notWant: []string{"→ which"},
		},
		{
			// The parse split "Norwegian Mayor Kari Lund" into an object
			// and a complement: the object's own words are no qualifier.
			name: "object split by the parse",
			text: "Anna Berg called Norwegian Mayor Kari Lund a liar.",
			rows: `Anna PROPN NNP Anna 3 nsubj
Berg PROPN NNP Berg 1 flat
called VERB VBD call 0 root
Norwegian PROPN NNP Norwegian 3 obj
Mayor PROPN NNP Mayor 6 nmod:desc
Kari PROPN NNP Kari 3 xcomp
Lund PROPN NNP Lund 6 flat
a DET DT a 9 det
liar NOUN NN liar 3 xcomp
. PUNCT . . 3 punct`,
			ms:      []mention{{"Anna Berg", "PERSON", ""}, {"Norwegian", "NORP", ""}, {"Kari Lund", "PERSON", ""}},
			want:    []string{"Anna Berg –call/naming→ Kari Lund [complement=liar]"},
			notWant: []string{"complement=Mayor", "Kari Lund;"},
		},
		{
			// Sending a diplomat to a destination is a recall even when
			// the parse loses "back".
			name: "ordering a diplomat home",
			text: "Norway ordered Ambassador Kari Lund to Oslo.",
			rows: orderedToOslo("Ambassador"),
			ms:   []mention{{"Norway", "GPE", ""}, {"Kari Lund", "PERSON", ""}, {"Oslo", "GPE", ""}},
			want: []string{"Norway –order/diplomatic-recall→ Kari Lund [destination=Oslo]"},
		},
		{
			name:    "ordering a mayor somewhere stays a demand",
			text:    "Norway ordered Mayor Kari Lund to Oslo.",
			rows:    orderedToOslo("Mayor"),
			ms:      []mention{{"Norway", "GPE", ""}, {"Kari Lund", "PERSON", ""}, {"Oslo", "GPE", ""}},
			notWant: []string{"diplomatic-recall"},
		},
		{
			// The role of a name in apposition to a place the parse
			// attached to the verb instead of the role noun.
			name: "role detached by the parse",
			text: "Norway ordered its envoy to Oslo, Kari Lund, back to Bergen.",
			rows: `Norway PROPN NNP Norway 2 nsubj
ordered VERB VBD order 0 root
its PRON PRP$ its 4 nmod:poss
envoy NOUN NN envoy 2 obj
to ADP IN to 6 case
Oslo PROPN NNP Oslo 2 obl
, PUNCT , , 8 punct
Kari PROPN NNP Kari 6 appos
Lund PROPN NNP Lund 8 flat
, PUNCT , , 13 punct
back ADV RB back 13 advmod
to ADP IN to 13 case
Bergen PROPN NNP Bergen 6 conj
. PUNCT . . 2 punct`,
			ms:   []mention{{"Norway", "GPE", ""}, {"Oslo", "GPE", ""}, {"Kari Lund", "PERSON", ""}, {"Bergen", "GPE", ""}},
			want: []string{"Kari Lund –envoy of/role→ Norway [title=envoy, to=Oslo]"},
		},
		{
			name: "what heading a free relative is the whole clause",
			text: "Berg said what every sailor thinks.",
			rows: `Berg PROPN NNP Berg 2 nsubj
said VERB VBD say 0 root
what PRON WP what 2 obj
every DET DT every 5 det
sailor NOUN NN sailor 6 nsubj
thinks VERB VBZ think 3 acl:relcl
. PUNCT . . 2 punct`,
			ms:   []mention{{"Berg", "PERSON", ""}},
			want: []string{"Berg –say/statement→ what every sailor thinks"},
		},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			got := extractAll(t, parsed(t, c.text, c.rows, c.ms...))
			for _, w := range c.want {
				wantFact(t, got, w)
			}
			for _, nw := range c.notWant {
				for _, g := range got {
					if strings.Contains(g, nw) {
						t.Errorf("fact %q contains %q", g, nw)
					}
				}
			}
		})
	}
}

// orderedToOslo is the parse of "Norway ordered TITLE Kari Lund to Oslo."
func orderedToOslo(title string) string {
	return `Norway PROPN NNP Norway 2 nsubj
ordered VERB VBD order 0 root
` + title + ` PROPN NNP ` + title + ` 4 nmod:desc
Kari PROPN NNP Kari 2 obj
Lund PROPN NNP Lund 4 flat
to ADP IN to 7 case
Oslo PROPN NNP Oslo 2 obl
. PUNCT . . 2 punct`
}
