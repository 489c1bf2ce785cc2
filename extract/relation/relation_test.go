package relation

import (
	"context"
	"fmt"
	"sort"
	"strconv"
	"strings"
	"testing"

	"github.com/factgraph/factgraph/extract"
)

// mention is a test entity mention: its text (found in the sentence), type
// and normalised value.
type mention struct{ text, typ, value string }

// parsed builds a one-sentence analysis from hand-written CoNLL-like rows,
// "FORM UPOS XPOS LEMMA HEAD DEPREL", locating each form in text.
func parsed(t testing.TB, text, rows string, ms ...mention) *extract.Analysis {
	t.Helper()
	s := extract.Sentence{Text: text, End: len(text)}
	at := 0
	for _, line := range strings.Split(strings.TrimSpace(rows), "\n") {
		f := strings.Fields(line)
		if len(f) != 6 {
			t.Fatalf("bad row %q", line)
		}
		i := strings.Index(text[at:], f[0])
		if i < 0 {
			t.Fatalf("%q not in %q after %d", f[0], text, at)
		}
		h, _ := strconv.Atoi(f[4])
		s.Tokens = append(s.Tokens, extract.Token{Text: f[0], Start: at + i, End: at + i + len(f[0]), UPOS: f[1], XPOS: f[2], Lemma: f[3], Head: h, DepRel: f[5]})
		at += i + len(f[0])
	}
	a := &extract.Analysis{Doc: &extract.Document{ID: "t", Text: text}, Sentences: []extract.Sentence{s}}
	for _, m := range ms {
		i := strings.Index(text, m.text)
		if i < 0 {
			t.Fatalf("mention %q not in %q", m.text, text)
		}
		a.Mentions = append(a.Mentions, extract.Mention{Start: i, End: i + len(m.text), Text: m.text, Type: m.typ, Value: m.value})
	}
	return a
}

// show renders a fact compactly: subject –predicate/relation→ object
// [qualifiers] flags.
func show(f extract.Fact) string {
	var q []string
	for k, v := range f.Qualifiers {
		q = append(q, k+"="+v)
	}
	sort.Strings(q)
	s := fmt.Sprintf("%s –%s/%s→ %s", f.Subject.Text, f.Predicate, f.Relation, f.Object.Text)
	if len(q) > 0 {
		s += " [" + strings.Join(q, ", ") + "]"
	}
	if f.Negated {
		s += " NEG"
	}
	if f.Attributed != "" {
		s += " @" + f.Attributed
	}
	return s
}

func extractAll(t testing.TB, a *extract.Analysis) []string {
	t.Helper()
	facts, err := Extractor{NoRoles: true, LiteralSubjects: true}.Extract(context.Background(), a)
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, f := range facts {
		if f.Extractor != Name {
			t.Errorf("fact from extractor %q", f.Extractor)
		}
		out = append(out, show(f))
	}
	sort.Strings(out)
	return out
}

func TestConstructions(t *testing.T) {
	cases := []struct {
		name, text, rows string
		ms               []mention
		want             []string
	}{
		{
			name: "SVO with negation",
			text: "Russia did not recall Antonov.",
			rows: `Russia PROPN NNP Russia 4 nsubj
did AUX VBD do 4 aux
not PART RB not 4 advmod
recall VERB VB recall 0 root
Antonov PROPN NNP Antonov 4 obj
. PUNCT . . 4 punct`,
			ms:   []mention{{"Russia", "GPE", ""}, {"Antonov", "PERSON", ""}},
			want: []string{"Russia –recall/diplomatic-recall→ Antonov NEG"},
		},
		{
			name: "passive without agent, destination",
			text: "Antonov was invited to Moscow.",
			rows: `Antonov PROPN NNP Antonov 3 nsubj:pass
was AUX VBD be 3 aux:pass
invited VERB VBN invite 0 root
to ADP IN to 5 case
Moscow PROPN NNP Moscow 3 obl
. PUNCT . . 3 punct`,
			ms:   []mention{{"Antonov", "PERSON", ""}, {"Moscow", "GPE", ""}},
			want: []string{"? –invite/appeal→ Antonov [destination=Moscow, voice=passive]"},
		},
		{
			name: "passive with agent",
			text: "The statements were made by Biden.",
			rows: `The DET DT the 2 det
statements NOUN NNS statement 4 nsubj:pass
were AUX VBD be 4 aux:pass
made VERB VBN make 0 root
by ADP IN by 6 case
Biden PROPN NNP Biden 4 obl:agent
. PUNCT . . 4 punct`,
			ms:   []mention{{"Biden", "PERSON", ""}},
			want: []string{"Biden –make/action→ The statements [voice=passive]"},
		},
		{
			name: "control chain with negation and particle",
			text: "Putin did not want to break off relations with the USA.",
			rows: `Putin PROPN NNP Putin 4 nsubj
did AUX VBD do 4 aux
not PART RB not 4 advmod
want VERB VB want 0 root
to PART TO to 6 mark
break VERB VB break 4 xcomp
off ADP RP off 6 compound:prt
relations NOUN NNS relation 6 obj
with ADP IN with 11 case
the DET DT the 11 det
USA PROPN NNP USA 6 obl
. PUNCT . . 4 punct`,
			ms:   []mention{{"Putin", "PERSON", ""}, {"USA", "GPE", ""}},
			want: []string{"Putin –break off/diplomatic-recall→ relations [intent=want, partner=USA] NEG"},
		},
		{
			name: "object complement",
			text: "Biden called Putin a killer.",
			rows: `Biden PROPN NNP Biden 2 nsubj
called VERB VBD call 0 root
Putin PROPN NNP Putin 2 obj
a DET DT a 5 det
killer NOUN NN killer 2 xcomp
. PUNCT . . 2 punct`,
			ms:   []mention{{"Biden", "PERSON", ""}, {"Putin", "PERSON", ""}},
			want: []string{"Biden –call/naming→ Putin [complement=killer]"},
		},
		{
			name: "as-complement",
			text: "Kosachev described the statements as inadmissible.",
			rows: `Kosachev PROPN NNP Kosachev 2 nsubj
described VERB VBD describe 0 root
the DET DT the 4 det
statements NOUN NNS statement 2 obj
as ADP IN as 6 case
inadmissible ADJ JJ inadmissible 2 obl
. PUNCT . . 2 punct`,
			ms:   []mention{{"Kosachev", "PERSON", ""}},
			want: []string{"Kosachev –describe/naming→ the statements [complement=inadmissible]"},
		},
		{
			name: "reported speech with an attributed nested fact",
			text: "Peskov said that Biden insulted Russia.",
			rows: `Peskov PROPN NNP Peskov 2 nsubj
said VERB VBD say 0 root
that SCONJ IN that 5 mark
Biden PROPN NNP Biden 5 nsubj
insulted VERB VBD insult 2 ccomp
Russia PROPN NNP Russia 5 obj
. PUNCT . . 2 punct`,
			ms: []mention{{"Peskov", "PERSON", ""}, {"Biden", "PERSON", ""}, {"Russia", "GPE", ""}},
			want: []string{
				"Biden –insult/criticism→ Russia @person/peskov",
				"Peskov –say/statement→ Biden insulted Russia [quote=indirect]",
			},
		},
		{
			name: "coordinated subjects and objects",
			text: "Russia and China criticized Biden and Blinken.",
			rows: `Russia PROPN NNP Russia 4 nsubj
and CCONJ CC and 3 cc
China PROPN NNP China 1 conj
criticized VERB VBD criticize 0 root
Biden PROPN NNP Biden 4 obj
and CCONJ CC and 7 cc
Blinken PROPN NNP Blinken 5 conj
. PUNCT . . 4 punct`,
			ms: []mention{{"Russia", "GPE", ""}, {"China", "GPE", ""}, {"Biden", "PERSON", ""}, {"Blinken", "PERSON", ""}},
			want: []string{
				"China –criticize/criticism→ Biden",
				"China –criticize/criticism→ Blinken",
				"Russia –criticize/criticism→ Biden",
				"Russia –criticize/criticism→ Blinken",
			},
		},
		{
			name: "coordinated verbs share the subject",
			text: "Kosachev demanded an apology and threatened further action.",
			rows: `Kosachev PROPN NNP Kosachev 2 nsubj
demanded VERB VBD demand 0 root
an DET DT a 4 det
apology NOUN NN apology 2 obj
and CCONJ CC and 6 cc
threatened VERB VBD threaten 2 conj
further ADJ JJ further 8 amod
action NOUN NN action 6 obj
. PUNCT . . 2 punct`,
			ms: []mention{{"Kosachev", "PERSON", ""}},
			want: []string{
				"Kosachev –demand/demand→ an apology",
				"Kosachev –threaten/threat→ further action",
			},
		},
		{
			name: "conditional clause not asserted, modal kept",
			text: "If Russia interferes, Biden will impose sanctions.",
			rows: `If SCONJ IN if 3 mark
Russia PROPN NNP Russia 3 nsubj
interferes VERB VBZ interfere 7 advcl
, PUNCT , , 7 punct
Biden PROPN NNP Biden 7 nsubj
will AUX MD will 7 aux
impose VERB VB impose 0 root
sanctions NOUN NNS sanction 7 obj
. PUNCT . . 7 punct`,
			ms:   []mention{{"Russia", "GPE", ""}, {"Biden", "PERSON", ""}},
			want: []string{"Biden –impose/sanction→ sanctions [modality=will]"},
		},
		{
			name: "question not asserted",
			text: "Did Russia recall Antonov?",
			rows: `Did AUX VBD do 3 aux
Russia PROPN NNP Russia 3 nsubj
recall VERB VB recall 0 root
Antonov PROPN NNP Antonov 3 obj
? PUNCT . ? 3 punct`,
			ms:   []mention{{"Russia", "GPE", ""}, {"Antonov", "PERSON", ""}},
			want: nil,
		},
		{
			name: "time normalised, hedge",
			text: "Russia probably recalled Antonov on Wednesday.",
			rows: `Russia PROPN NNP Russia 3 nsubj
probably ADV RB probably 3 advmod
recalled VERB VBD recall 0 root
Antonov PROPN NNP Antonov 3 obj
on ADP IN on 6 case
Wednesday PROPN NNP Wednesday 3 obl
. PUNCT . . 3 punct`,
			ms:   []mention{{"Russia", "GPE", ""}, {"Antonov", "PERSON", ""}, {"Wednesday", "DATE", "2021-03-17"}},
			want: []string{"Russia –recall/diplomatic-recall→ Antonov [hedge=probably, time=2021-03-17]"},
		},
		{
			name: "relative clause",
			text: "Biden, who criticized Putin, spoke.",
			rows: `Biden PROPN NNP Biden 7 nsubj
, PUNCT , , 4 punct
who PRON WP who 4 nsubj
criticized VERB VBD criticize 1 acl:relcl
Putin PROPN NNP Putin 4 obj
, PUNCT , , 4 punct
spoke VERB VBD speak 0 root
. PUNCT . . 7 punct`,
			ms:   []mention{{"Biden", "PERSON", ""}, {"Putin", "PERSON", ""}},
			want: []string{"Biden –criticize/criticism→ Putin"},
		},
		{
			name: "apposition names the object",
			text: "Russia recalled its ambassador, Anatoly Antonov.",
			rows: `Russia PROPN NNP Russia 2 nsubj
recalled VERB VBD recall 0 root
its PRON PRP$ its 4 nmod:poss
ambassador NOUN NN ambassador 2 obj
, PUNCT , , 6 punct
Anatoly PROPN NNP Anatoly 4 appos
Antonov PROPN NNP Antonov 6 flat
. PUNCT . . 2 punct`,
			ms: []mention{{"Russia", "GPE", ""}, {"Anatoly Antonov", "PERSON", ""}},
			want: []string{
				"Russia –recall/diplomatic-recall→ Anatoly Antonov",
				"Anatoly Antonov –ambassador of/role→ Russia [title=ambassador]",
			},
		},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			got := extractAll(t, parsed(t, c.text, c.rows, c.ms...))
			want := append([]string(nil), c.want...)
			sort.Strings(want)
			if strings.Join(got, "\n") != strings.Join(want, "\n") {
				t.Errorf("%s\n got:\n  %s\nwant:\n  %s", c.text, strings.Join(got, "\n  "), strings.Join(want, "\n  "))
			}
		})
	}
}

// TestDirectQuoteAttribution checks that a direct quote keeps the
// baseline's quote fact and that the facts inside it are the speaker's.
func TestDirectQuoteAttribution(t *testing.T) {
	text := "“We will defend our interests,” said Putin."
	rows := `“ PUNCT ` + "``" + ` “ 4 punct
We PRON PRP we 4 nsubj
will AUX MD will 4 aux
defend VERB VB defend 10 ccomp
our PRON PRP$ our 6 nmod:poss
interests NOUN NNS interest 4 obj
, PUNCT , , 4 punct
” PUNCT '' ” 4 punct
said VERB VBD say 10 root
Putin PROPN NNP Putin 9 nsubj
. PUNCT . . 9 punct`
	rows = strings.Replace(rows, "10 ccomp", "9 ccomp", 1)
	rows = strings.Replace(rows, "said VERB VBD say 10 root", "said VERB VBD say 0 root", 1)
	got := extractAll(t, parsed(t, text, rows, mention{"Putin", "PERSON", ""}))
	want := []string{
		"Putin –defend/action→ our interests [modality=will] @person/putin",
		"Putin –say/statement→ We will defend our interests [quote=direct]",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("got:\n  %s\nwant:\n  %s", strings.Join(got, "\n  "), strings.Join(want, "\n  "))
	}
}

// TestUnparsedFallsBack checks that an unparsed sentence still yields the
// baseline's facts.
func TestUnparsedFallsBack(t *testing.T) {
	text := "Russia recalled Antonov."
	a := parsed(t, text, `Russia PROPN NNP Russia 2 nsubj
recalled VERB VBD recall 0 root
Antonov PROPN NNP Antonov 2 obj
. PUNCT . . 2 punct`, mention{"Russia", "GPE", ""}, mention{"Antonov", "PERSON", ""})
	for i := range a.Sentences[0].Tokens {
		a.Sentences[0].Tokens[i].Head = -1
	}
	facts, err := Extractor{NoRoles: true}.Extract(context.Background(), a)
	if err != nil {
		t.Fatal(err)
	}
	if len(facts) != 1 || facts[0].Predicate != "recall" || facts[0].Subject.Text != "Russia" {
		t.Errorf("unparsed sentence gave %v", facts)
	}
}

func TestOpenIETuples(t *testing.T) {
	a := parsed(t, "Antonov was invited to Moscow on Friday.", `Antonov PROPN NNP Antonov 3 nsubj:pass
was AUX VBD be 3 aux:pass
invited VERB VBN invite 0 root
to ADP IN to 5 case
Moscow PROPN NNP Moscow 3 obl
on ADP IN on 7 case
Friday PROPN NNP Friday 3 obl
. PUNCT . . 3 punct`)
	ts := OpenIE(&a.Sentences[0])
	if len(ts) != 1 {
		t.Fatalf("got %d tuples: %+v", len(ts), ts)
	}
	got := ts[0].Relation + " | " + strings.Join(ts[0].Args, " | ")
	if want := "was invited to | Antonov | Moscow | on Friday"; got != want {
		t.Errorf("tuple %q, want %q", got, want)
	}
	if ts[0].Confidence <= 0 || ts[0].Confidence >= 1 {
		t.Errorf("confidence %v out of (0,1)", ts[0].Confidence)
	}
}

// TestNoLiteralSubjectsByDefault checks that the default leaves out facts
// whose subject is not an entity (they would be literal subjects in N-Quads)
// but keeps an agentless passive about a named thing: invite(?, Antonov).
func TestNoLiteralSubjectsByDefault(t *testing.T) {
	lit := parsed(t, "The statement angered Moscow.", `The DET DT the 2 det
statement NOUN NN statement 3 nsubj
angered VERB VBD anger 0 root
Moscow PROPN NNP Moscow 3 obj
. PUNCT . . 3 punct`, mention{"Moscow", "GPE", ""})
	if facts, _ := (Extractor{NoRoles: true}).Extract(context.Background(), lit); len(facts) != 0 {
		t.Errorf("literal subject gave %v by default", facts)
	}
	a := parsed(t, "Antonov was invited to Moscow.", `Antonov PROPN NNP Antonov 3 nsubj:pass
was AUX VBD be 3 aux:pass
invited VERB VBN invite 0 root
to ADP IN to 5 case
Moscow PROPN NNP Moscow 3 obl
. PUNCT . . 3 punct`, mention{"Antonov", "PERSON", ""}, mention{"Moscow", "GPE", ""})
	facts, err := Extractor{NoRoles: true}.Extract(context.Background(), a)
	if err != nil {
		t.Fatal(err)
	}
	if len(facts) != 1 || show(facts[0]) != "? –invite/appeal→ Antonov [destination=Moscow, voice=passive]" {
		t.Errorf("agentless passive gave %v by default", facts)
	}
}
