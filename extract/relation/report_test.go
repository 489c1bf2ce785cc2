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

// TestRelativePronounObject checks that a relative pronoun object stands
// for the noun its clause modifies.
func TestRelativePronounObject(t *testing.T) {
	text := "Lena Berg praised the bridge, which Tom Keller had built."
	rows := `Lena PROPN NNP Lena 3 nsubj
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
. PUNCT . . 3 punct`
	got := extractAll(t, parsed(t, text, rows, mention{"Lena Berg", "PERSON", ""}, mention{"Tom Keller", "PERSON", ""}))
	found := false
	for _, f := range got {
		if strings.HasPrefix(f, "Tom Keller –build/") {
			found = true
			if !strings.Contains(f, "→ the bridge") {
				t.Errorf("got %q, want the bridge as the object", f)
			}
		}
	}
	if !found {
		t.Errorf("no build fact in %q", got)
	}
}

// TestObjectSplitByParse checks that a complement made of the object's own
// words (the parse split "Norwegian Mayor Kari Lund" into an object and a
// complement) is not a qualifier.
func TestObjectSplitByParse(t *testing.T) {
	text := "Anna Berg called Norwegian Mayor Kari Lund a liar."
	rows := `Anna PROPN NNP Anna 3 nsubj
Berg PROPN NNP Berg 1 flat
called VERB VBD call 0 root
Norwegian PROPN NNP Norwegian 3 obj
Mayor PROPN NNP Mayor 6 nmod:desc
Kari PROPN NNP Kari 3 xcomp
Lund PROPN NNP Lund 6 flat
a DET DT a 9 det
liar NOUN NN liar 3 xcomp
. PUNCT . . 3 punct`
	got := extractAll(t, parsed(t, text, rows, mention{"Anna Berg", "PERSON", ""}, mention{"Norwegian", "NORP", ""}, mention{"Kari Lund", "PERSON", ""}))
	found := false
	for _, f := range got {
		if strings.HasPrefix(f, "Anna Berg –call/") {
			found = true
			if strings.Contains(f, "complement=Mayor") || strings.Contains(f, "Kari Lund;") {
				t.Errorf("the object's words as a complement: %q", f)
			}
		}
	}
	if !found {
		t.Errorf("no call fact in %q", got)
	}
}

// TestOrderingADiplomatHome checks that sending a diplomat to a
// destination is a recall even when the parse loses "back".
func TestOrderingADiplomatHome(t *testing.T) {
	text := "Norway ordered Ambassador Kari Lund to Oslo."
	rows := `Norway PROPN NNP Norway 2 nsubj
ordered VERB VBD order 0 root
Ambassador PROPN NNP Ambassador 4 nmod:desc
Kari PROPN NNP Kari 2 obj
Lund PROPN NNP Lund 4 flat
to ADP IN to 7 case
Oslo PROPN NNP Oslo 2 obl
. PUNCT . . 2 punct`
	ms := []mention{{"Norway", "GPE", ""}, {"Kari Lund", "PERSON", ""}, {"Oslo", "GPE", ""}}
	got := strings.Join(extractAll(t, parsed(t, text, rows, ms...)), "\n")
	if !strings.Contains(got, "Norway –order/diplomatic-recall→ Kari Lund") {
		t.Errorf("got:\n  %s\nwant an order/diplomatic-recall fact", got)
	}
	// Not a diplomat: an order stays a demand.
	text = "Norway ordered Mayor Kari Lund to Oslo."
	rows = strings.Replace(rows, "Ambassador PROPN NNP Ambassador", "Mayor PROPN NNP Mayor", 1)
	got = strings.Join(extractAll(t, parsed(t, text, rows, ms...)), "\n")
	if strings.Contains(got, "diplomatic-recall") {
		t.Errorf("a mayor sent to Oslo is recalled:\n  %s", got)
	}
}

// TestRoleDetachedByParse checks the role fact of a name in apposition to
// a place the parse attached to the verb instead of the role noun.
func TestRoleDetachedByParse(t *testing.T) {
	text := "Norway ordered its envoy to Oslo, Kari Lund, back to Bergen."
	rows := `Norway PROPN NNP Norway 2 nsubj
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
. PUNCT . . 2 punct`
	got := strings.Join(extractAll(t, parsed(t, text, rows, mention{"Norway", "GPE", ""}, mention{"Oslo", "GPE", ""},
		mention{"Kari Lund", "PERSON", ""}, mention{"Bergen", "GPE", ""})), "\n")
	if !strings.Contains(got, "Kari Lund –envoy of/role→ Norway [title=envoy, to=Oslo]") {
		t.Errorf("got:\n  %s\nwant Kari Lund –envoy of/role→ Norway [title=envoy, to=Oslo]", got)
	}
}

// TestFreeRelativeObject checks that "what" heading a free relative is
// the whole clause.
func TestFreeRelativeObject(t *testing.T) {
	text := "Berg said what every sailor thinks."
	rows := `Berg PROPN NNP Berg 2 nsubj
said VERB VBD say 0 root
what PRON WP what 2 obj
every DET DT every 5 det
sailor NOUN NN sailor 6 nsubj
thinks VERB VBZ think 3 acl:relcl
. PUNCT . . 2 punct`
	got := strings.Join(extractAll(t, parsed(t, text, rows, mention{"Berg", "PERSON", ""})), "\n")
	if !strings.Contains(got, "→ what every sailor thinks") {
		t.Errorf("got:\n  %s\nwant the free relative as the object", got)
	}
}
