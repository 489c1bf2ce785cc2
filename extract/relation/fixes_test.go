package relation

import (
	"context"
	"strings"
	"testing"
)

func factSet(t *testing.T, roles bool, rows, text string, ms ...mention) []string {
	t.Helper()
	a := parsed(t, text, rows, ms...)
	for i := range a.Mentions {
		a.Mentions[i].Sentence = 0
	}
	facts, err := Extractor{NoRoles: !roles}.Extract(context.Background(), a)
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, f := range facts {
		out = append(out, show(f))
	}
	return out
}

func wantFact(t *testing.T, got []string, want string) {
	t.Helper()
	for _, g := range got {
		if g == want {
			return
		}
	}
	t.Errorf("no fact %q in\n  %s", want, strings.Join(got, "\n  "))
}

// TestAppositiveNameIsObject: "its ambassador to Paris, Hans Weber, back to
// Berlin", parsed with the name in apposition to the city and "back to
// Berlin" coordinated with it: the name is the object, only Berlin the
// destination, the particle joins the verb, and the noun gives the role.
func TestAppositiveNameIsObject(t *testing.T) {
	text := "Germany ordered its ambassador to Paris, Hans Weber, back to Berlin."
	rows := `Germany PROPN NNP Germany 2 nsubj
ordered VERB VBD order 0 root
its PRON PRP$ its 4 nmod:poss
ambassador NOUN NN ambassador 2 obj
to ADP IN to 6 case
Paris PROPN NNP Paris 4 nmod
, PUNCT , , 8 punct
Hans PROPN NNP Hans 6 appos
Weber PROPN NNP Weber 8 flat
, PUNCT , , 13 punct
back ADV RB back 13 advmod
to ADP IN to 13 case
Berlin PROPN NNP Berlin 6 conj
. PUNCT . . 2 punct`
	got := factSet(t, false, rows, text, mention{"Germany", "GPE", ""}, mention{"Paris", "GPE", ""}, mention{"Hans Weber", "PERSON", ""}, mention{"Berlin", "GPE", ""})
	wantFact(t, got, "Germany –order back/diplomatic-recall→ Hans Weber [destination=Berlin]")
	wantFact(t, got, "Hans Weber –ambassador of/role→ Germany [title=ambassador, to=Paris]")
	if len(got) != 2 {
		t.Errorf("got %d facts, want 2: %v", len(got), got)
	}
}

// TestReportedSpeechNested: reported speech without "that" keeps the
// content as text and gives the nested facts, attributed to the speaker,
// with the title–name sequence read as the person.
func TestReportedSpeechNested(t *testing.T) {
	text := "The Foreign Office said German Ambassador to Paris Hans Weber had been recalled."
	rows := `The DET DT the 3 det
Foreign ADJ NNP Foreign 3 amod
Office PROPN NNP Office 4 nsubj
said VERB VBD say 0 root
German ADJ JJ German 6 amod
Ambassador PROPN NNP Ambassador 13 nsubj:pass
to ADP IN to 8 case
Paris PROPN NNP Paris 6 nmod
Hans PROPN NNP Hans 8 flat
Weber PROPN NNP Weber 8 flat
had AUX VBD have 13 aux
been AUX VBN be 13 aux:pass
recalled VERB VBN recall 4 ccomp
. PUNCT . . 4 punct`
	got := factSet(t, false, rows, text, mention{"Foreign Office", "ORG", ""}, mention{"German", "NORP", "Germany"}, mention{"Paris", "GPE", ""}, mention{"Hans Weber", "PERSON", ""})
	wantFact(t, got, "Foreign Office –say/statement→ German Ambassador to Paris Hans Weber had been recalled [quote=indirect]")
	wantFact(t, got, "? –recall/diplomatic-recall→ Hans Weber [voice=passive] @org/foreign-office")
	wantFact(t, got, "Hans Weber –ambassador of/role→ Germany [title=Ambassador, to=Paris] @org/foreign-office")
}

// TestRoleNationalityIsCountry: "German Chancellor Olaf Scholz" → Scholz
// –chancellor of→ Germany, not the nationality.
func TestRoleNationalityIsCountry(t *testing.T) {
	text := "German Chancellor Olaf Scholz spoke."
	rows := `German ADJ JJ German 2 amod
Chancellor PROPN NNP Chancellor 3 compound
Olaf PROPN NNP Olaf 5 nsubj
Scholz PROPN NNP Scholz 3 flat
spoke VERB VBD speak 0 root
. PUNCT . . 5 punct`
	got := factSet(t, true, rows, text, mention{"German", "NORP", "Germany"}, mention{"Olaf Scholz", "PERSON", ""})
	wantFact(t, got, "Olaf Scholz –chancellor of/role→ Germany [title=Chancellor]")
}

// TestStrayQuoteTrimmed: an argument span that opens a quote it does not
// close loses the mark.
func TestStrayQuoteTrimmed(t *testing.T) {
	text := "Scholz said Macron was a “liar."
	rows := `Scholz PROPN NNP Scholz 2 nsubj
said VERB VBD say 0 root
Macron PROPN NNP Macron 7 nsubj
was AUX VBD be 7 cop
a DET DT a 7 det
“ PUNCT ` + "``" + ` " 7 punct
liar NOUN NN liar 2 ccomp
. PUNCT . . 2 punct`
	got := factSet(t, false, rows, text, mention{"Scholz", "PERSON", ""}, mention{"Macron", "PERSON", ""})
	wantFact(t, got, "Macron –be/action→ a liar @person/scholz")
	for _, g := range got {
		if strings.Contains(g, "“") {
			t.Errorf("stray quote mark in %q", g)
		}
	}
	for in, want := range map[string]string{"a “killer": "a killer", "“a killer”": "“a killer”", "killer”": "killer", `a "killer`: "a killer", "‘a killer’": "‘a killer’"} {
		if got := trimQuotes(in); got != want {
			t.Errorf("trimQuotes(%q) = %q, want %q", in, got, want)
		}
	}
}

// TestTitledSubjectNotCountry: "French President Emmanuel Macron called
// …", parsed with the country as a second subject and the title as the
// name's modifier: the subject is the person, not France, and the object
// likewise the person rather than the nationality.
func TestTitledSubjectNotCountry(t *testing.T) {
	text := "French President Emmanuel Macron called German Chancellor Olaf Scholz a coward."
	rows := `French PROPN NNP French 5 nsubj
President PROPN NNP President 3 nmod:desc
Emmanuel PROPN NNP Emmanuel 5 nsubj
Macron PROPN NNP Macron 3 flat
called VERB VBD call 0 root
German PROPN NNP German 5 obj
Chancellor PROPN NNP Chancellor 7 nmod:desc
Olaf PROPN NNP Olaf 6 flat
Scholz PROPN NNP Scholz 6 flat
a DET DT a 11 det
coward NOUN NN coward 5 xcomp
. PUNCT . . 5 punct`
	got := factSet(t, false, rows, text, mention{"French", "NORP", "France"}, mention{"Emmanuel Macron", "PERSON", ""}, mention{"German", "NORP", "Germany"}, mention{"Olaf Scholz", "PERSON", ""})
	found := false
	for _, g := range got {
		found = found || strings.HasPrefix(g, "Emmanuel Macron –call/") && strings.Contains(g, "→ Olaf Scholz")
	}
	if !found {
		t.Errorf("no fact Emmanuel Macron –call→ Olaf Scholz in %v", got)
	}
	for _, g := range got {
		if strings.HasPrefix(g, "French") || strings.Contains(g, "→ German") {
			t.Errorf("country/nationality argument: %q", g)
		}
	}
}

// TestPlaceJoinedToName: "Ambassador to Paris Hans Weber", the name parsed
// as flat under the city (the mentions as resolve.RepairMentions leaves them
// when the recognizer ran the city into the name): inside reported speech
// the passive still gives recall(?, Hans Weber), attributed, and the role
// keeps the city as its "to".
func TestPlaceJoinedToName(t *testing.T) {
	text := "The Foreign Office said German Ambassador to Paris Hans Weber had been recalled for talks."
	rows := `The DET DT the 3 det
Foreign ADJ NNP Foreign 3 amod
Office PROPN NNP Office 4 nsubj
said VERB VBD say 0 root
German ADJ JJ German 6 amod
Ambassador PROPN NNP Ambassador 13 nsubj:pass
to ADP IN to 8 case
Paris PROPN NNP Paris 6 nmod
Hans PROPN NNP Hans 8 flat
Weber PROPN NNP Weber 8 flat
had AUX VBD have 13 aux
been AUX VBN be 13 aux:pass
recalled VERB VBN recall 4 ccomp
for ADP IN for 15 case
talks NOUN NNS talk 13 obl
. PUNCT . . 4 punct`
	got := factSet(t, false, rows, text, mention{"Foreign Office", "ORG", ""}, mention{"German", "NORP", "Germany"}, mention{"Paris", "GPE", ""}, mention{"Hans Weber", "PERSON", ""})
	wantFact(t, got, "? –recall/diplomatic-recall→ Hans Weber [for=talks, voice=passive] @org/foreign-office")
	wantFact(t, got, "Hans Weber –ambassador of/role→ Germany [title=Ambassador, to=Paris] @org/foreign-office")
}

// TestAppositiveNameAfterVerbsCity: the same recall parsed with "to
// Paris" as the verb's and the name in apposition to the city: the name is
// still the object, Paris is not a destination, "back to Berlin" is, and
// the name keeps its role.
func TestAppositiveNameAfterVerbsCity(t *testing.T) {
	text := "Germany had ordered its ambassador to Paris, Hans Weber, back to Berlin in protest."
	rows := `Germany PROPN NNP Germany 3 nsubj
had AUX VBD have 3 aux
ordered VERB VBN order 0 root
its PRON PRP$ its 5 nmod:poss
ambassador NOUN NN ambassador 3 obj
to ADP IN to 7 case
Paris PROPN NNP Paris 3 obl
, PUNCT , , 9 punct
Hans PROPN NNP Hans 7 appos
Weber PROPN NNP Weber 7 flat
, PUNCT , , 14 punct
back ADV RB back 14 advmod
to ADP IN to 14 case
Berlin PROPN NNP Berlin 7 conj
in ADP IN in 16 case
protest NOUN NN protest 3 obl
. PUNCT . . 3 punct`
	got := factSet(t, false, rows, text, mention{"Germany", "GPE", ""}, mention{"Paris", "GPE", ""}, mention{"Hans Weber", "PERSON", ""}, mention{"Berlin", "GPE", ""})
	wantFact(t, got, "Germany –order back/diplomatic-recall→ Hans Weber [destination=Berlin, in=protest]")
	// The role, with the place the parse took from the noun.
	wantFact(t, got, "Hans Weber –ambassador of/role→ Germany [title=ambassador, to=Paris]")
	if len(got) != 2 {
		t.Errorf("got %d facts, want 2: %v", len(got), got)
	}
}

// TestPassiveWithPurpose: a passive governing a purpose infinitive keeps
// its own fact (the infinitive as its purpose), attributed inside reported
// speech; the infinitive is the passive subject's, with the governor as
// intent.
func TestPassiveWithPurpose(t *testing.T) {
	text := "Hans Weber was invited to Berlin for talks to review relations with France, the Foreign Office said."
	rows := `Hans PROPN NNP Hans 4 nsubj:pass
Weber PROPN NNP Weber 1 flat
was AUX VBD be 4 aux:pass
invited VERB VBN invite 18 ccomp
to ADP IN to 6 case
Berlin PROPN NNP Berlin 4 obl
for ADP IN for 8 case
talks NOUN NNS talk 4 obl
to PART TO to 10 mark
review VERB VB review 4 xcomp
relations NOUN NNS relation 10 obj
with ADP IN with 13 case
France PROPN NNP France 11 nmod
, PUNCT , , 4 punct
the DET DT the 17 det
Foreign ADJ NNP Foreign 17 amod
Office PROPN NNP Office 18 nsubj
said VERB VBD say 0 root
. PUNCT . . 18 punct`
	got := factSet(t, false, rows, text, mention{"Hans Weber", "PERSON", ""}, mention{"Berlin", "GPE", ""}, mention{"France", "GPE", ""}, mention{"Foreign Office", "ORG", ""})
	wantFact(t, got, "? –invite/appeal→ Hans Weber [destination=Berlin, for=talks, purpose=to review relations with France, voice=passive] @org/foreign-office")
	wantFact(t, got, "Hans Weber –review/action→ relations [intent=invite, partner=France] @org/foreign-office")
	for _, g := range got {
		if strings.HasPrefix(g, "? –review") {
			t.Errorf("purpose folded into the passive: %q", g)
		}
	}
}

// TestRoleNounResolved: "its ambassador" is the ambassador of the
// possessive's country the document names, when it names exactly one; with
// two, or in another year, it stays the noun.
func TestRoleNounResolved(t *testing.T) {
	rows := `After SCONJ IN after 6 mark
German ADJ JJ German 3 amod
Ambassador PROPN NNP Ambassador 6 nsubj
Hans PROPN NNP Hans 3 flat
Weber PROPN NNP Weber 3 flat
spoke VERB VBD speak 9 advcl
, PUNCT , , 6 punct
Germany PROPN NNP Germany 9 nsubj
recalled VERB VBD recall 0 root
its PRON PRP$ its 11 nmod:poss
ambassador NOUN NN ambassador 9 obj
. PUNCT . . 9 punct`
	text := "After German Ambassador Hans Weber spoke, Germany recalled its ambassador."
	ms := []mention{{"German", "NORP", "Germany"}, {"Hans Weber", "PERSON", ""}, {"Germany", "GPE", ""}}
	got := factSet(t, false, rows, text, ms...)
	wantFact(t, got, "Germany –recall/diplomatic-recall→ Hans Weber")
	// A French ambassador is not Germany's.
	text2 := strings.Replace(text, "German Ambassador", "French Ambassador", 1)
	rows2 := strings.Replace(strings.Replace(rows, "German ADJ JJ German", "French ADJ JJ French", 1), "Germany PROPN", "Germany PROPN", 1)
	got = factSet(t, false, rows2, text2, mention{"French", "NORP", "France"}, mention{"Hans Weber", "PERSON", ""}, mention{"Germany", "GPE", ""})
	wantFact(t, got, "Germany –recall/diplomatic-recall→ its ambassador")
	// Another year: another ambassador.
	text3 := "After German Ambassador Hans Weber spoke in 2021, Germany recalled its ambassador in 1988."
	rows3 := `After SCONJ IN after 6 mark
German ADJ JJ German 3 amod
Ambassador PROPN NNP Ambassador 6 nsubj
Hans PROPN NNP Hans 3 flat
Weber PROPN NNP Weber 3 flat
spoke VERB VBD speak 11 advcl
in ADP IN in 8 case
2021 NUM CD 2021 6 obl
, PUNCT , , 6 punct
Germany PROPN NNP Germany 11 nsubj
recalled VERB VBD recall 0 root
its PRON PRP$ its 13 nmod:poss
ambassador NOUN NN ambassador 11 obj
in ADP IN in 15 case
1988 NUM CD 1988 11 obl
. PUNCT . . 11 punct`
	got = factSet(t, false, rows3, text3, mention{"German", "NORP", "Germany"}, mention{"Hans Weber", "PERSON", ""}, mention{"2021", "DATE", "2021"}, mention{"Germany", "GPE", ""}, mention{"1988", "DATE", "1988"})
	for _, g := range got {
		if strings.Contains(g, "recall") && strings.Contains(g, "Hans Weber") {
			t.Errorf("the 1988 ambassador resolved to the 2021 one: %q", g)
		}
	}
}
