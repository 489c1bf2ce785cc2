package relation

import (
	"go/parser"
	"go/token"
	"math"
	"sort"
	"strings"
	"testing"

	"github.com/factgraph/factgraph/extract"
)

func TestNominalFacts(t *testing.T) {
	cases := []struct {
		name, text, rows string
		ms               []mention
		want             []string
	}{
		{
			name: "possessive apposition with a preposition on the noun",
			text: "Norway recalled its envoy to Oslo, Kari Lund, on Friday.",
			rows: `Norway PROPN NNP Norway 2 nsubj
recalled VERB VBD recall 0 root
its PRON PRP$ its 4 nmod:poss
envoy NOUN NN envoy 2 obj
to ADP IN to 6 case
Oslo PROPN NNP Oslo 4 nmod
, PUNCT , , 8 punct
Kari PROPN NNP Kari 4 appos
Lund PROPN NNP Lund 8 flat
, PUNCT , , 8 punct
on ADP IN on 12 case
Friday PROPN NNP Friday 2 obl
. PUNCT . . 2 punct`,
			ms: []mention{{"Norway", "GPE", ""}, {"Oslo", "GPE", ""}, {"Kari Lund", "PERSON", ""}, {"Friday", "DATE", "2024-05-03"}},
			want: []string{
				"Norway –recall/diplomatic-recall→ Kari Lund [time=2024-05-03]",
				"Kari Lund –envoy of/role→ Norway [title=envoy, to=Oslo]",
			},
		},
		{
			name: "title to a country with the name heading the phrase",
			text: "Norwegian Ambassador to the Netherlands Kari Lund was recalled.",
			rows: `Norwegian ADJ JJ Norwegian 2 amod
Ambassador NOUN NN ambassador 9 nsubj:pass
to ADP IN to 7 case
the DET DT the 7 det
Netherlands PROPN NNPS Netherlands 6 compound
Kari PROPN NNP Kari 7 compound
Lund PROPN NNP Lund 2 nmod
was AUX VBD be 9 aux:pass
recalled VERB VBN recall 0 root
. PUNCT . . 9 punct`,
			ms: []mention{{"Norwegian", "NORP", ""}, {"Netherlands", "GPE", ""}, {"Kari Lund", "PERSON", ""}},
			want: []string{
				"? –recall/diplomatic-recall→ Kari Lund [voice=passive]",
				"Kari Lund –ambassador of/role→ Norway [title=Ambassador, to=Netherlands]",
			},
		},
		{
			name: "X, the Y of Z",
			text: "Lena Berg, the mayor of Tromso, opened the bridge.",
			rows: `Lena PROPN NNP Lena 9 nsubj
Berg PROPN NNP Berg 1 flat
, PUNCT , , 5 punct
the DET DT the 5 det
mayor NOUN NN mayor 1 appos
of ADP IN of 7 case
Tromso PROPN NNP Tromso 5 nmod
, PUNCT , , 5 punct
opened VERB VBD open 0 root
the DET DT the 11 det
bridge NOUN NN bridge 9 obj
. PUNCT . . 9 punct`,
			ms: []mention{{"Lena Berg", "PERSON", ""}, {"Tromso", "GPE", ""}},
			want: []string{
				"Lena Berg –open/action→ the bridge",
				"Lena Berg –mayor of/role→ Tromso [title=mayor]",
			},
		},
		{
			name: "an apposition without a possessor is no role",
			text: "Ola Dahl, a farmer, sold the horse.",
			rows: `Ola PROPN NNP Ola 6 nsubj
Dahl PROPN NNP Dahl 1 flat
, PUNCT , , 5 punct
a DET DT a 5 det
farmer NOUN NN farmer 1 appos
sold VERB VBD sell 0 root
the DET DT the 8 det
horse NOUN NN horse 6 obj
. PUNCT . . 6 punct`,
			ms:   []mention{{"Ola Dahl", "PERSON", ""}},
			want: []string{"Ola Dahl –sell/action→ the horse"},
		},
		{
			name: "a named thing after a preposition on the object is a qualifier",
			text: "Canada did not impose sanctions on Chile.",
			rows: `Canada PROPN NNP Canada 4 nsubj
did AUX VBD do 4 aux
not PART RB not 4 advmod
impose VERB VB impose 0 root
sanctions NOUN NNS sanction 4 obj
on ADP IN on 7 case
Chile PROPN NNP Chile 5 nmod
. PUNCT . . 4 punct`,
			ms:   []mention{{"Canada", "GPE", ""}, {"Chile", "GPE", ""}},
			want: []string{"Canada –impose/sanction→ sanctions [topic=Chile] NEG"},
		},
		{
			name: "a preposition on an unnamed noun stays in the object",
			text: "Tove wrote a report on the floods.",
			rows: `Tove PROPN NNP Tove 2 nsubj
wrote VERB VBD write 0 root
a DET DT a 4 det
report NOUN NN report 2 obj
on ADP IN on 7 case
the DET DT the 7 det
floods NOUN NNS flood 4 nmod
. PUNCT . . 2 punct`,
			ms:   []mention{{"Tove", "PERSON", ""}},
			want: []string{"Tove –write/statement→ a report on the floods"},
		},
		{
			name: "the owner's name is no part of the title",
			text: "Ola Berg, Nordvik Bank vice president, resigned.",
			rows: `Ola PROPN NNP Ola 9 nsubj
Berg PROPN NNP Berg 1 flat
, PUNCT , , 7 punct
Nordvik PROPN NNP Nordvik 7 compound
Bank PROPN NNP Bank 7 compound
vice NOUN NN vice 7 compound
president NOUN NN president 1 appos
, PUNCT , , 7 punct
resigned VERB VBD resign 0 root
. PUNCT . . 9 punct`,
			ms:   []mention{{"Ola Berg", "PERSON", ""}, {"Nordvik Bank", "ORG", ""}},
			want: []string{"Ola Berg –vice president of/role→ Nordvik Bank [title=vice president]"},
		},
		{
			name: "an acronym of a name is no role of the name's first words",
			text: "The Nordic Farmers Union (NFU) met ministers.",
			rows: `The DET DT the 4 det
Nordic ADJ JJ Nordic 4 amod
Farmers NOUN NNS farmer 4 compound
Union NOUN NN union 8 nsubj
( PUNCT -LRB- ( 6 punct
NFU PROPN NNP NFU 4 appos
) PUNCT -RRB- ) 6 punct
met VERB VBD meet 0 root
ministers NOUN NNS minister 8 obj
. PUNCT . . 8 punct`,
			ms:   []mention{{"Nordic Farmers Union", "ORG", ""}, {"NFU", "ORG", ""}},
			want: []string{"Nordic Farmers Union –meet/consultation→ ministers"},
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

// openTuples renders the open IE tuples of a hand-parsed sentence as
// "relation | arg1 | arg2 …", sorted.
func openTuples(t *testing.T, text, rows string) ([]string, []Tuple) {
	t.Helper()
	a := parsed(t, text, rows)
	ts := OpenIE(&a.Sentences[0])
	var out []string
	for _, x := range ts {
		out = append(out, x.Relation+" | "+strings.Join(x.Args, " | "))
		if x.Confidence <= 0 || x.Confidence >= 1 || math.IsNaN(x.Confidence) {
			t.Errorf("confidence %v of %q out of (0, 1)", x.Confidence, out[len(out)-1])
		}
		if len(x.Features) != len(FeatureNames()) {
			t.Errorf("%d features, %d names", len(x.Features), len(FeatureNames()))
		}
	}
	sort.Strings(out)
	return out, ts
}

func TestOpenIENominal(t *testing.T) {
	cases := []struct {
		name, text, rows string
		want             []string
	}{
		{
			name: "possessive pronoun as the owner, place apposition",
			text: "Ana sold her farm in Bergen , Norway .",
			rows: `Ana PROPN NNP Ana 2 nsubj
sold VERB VBD sell 0 root
her PRON PRP$ her 4 nmod:poss
farm NOUN NN farm 2 obj
in ADP IN in 6 case
Bergen PROPN NNP Bergen 2 obl
, PUNCT , , 8 punct
Norway PROPN NNP Norway 6 appos
. PUNCT . . 2 punct`,
			want: []string{
				"has | she | a farm",
				"be in | Bergen | Norway",
				"sold | Ana | her farm | in Bergen , Norway",
			},
		},
		{
			name: "inner punctuation kept, adverb in the relation, auxiliary shared by coordinated verbs",
			text: "The Coca - Cola crews have quickly painted the hall and left .",
			rows: `The DET DT the 5 det
Coca PROPN NNP Coca 5 compound
- PUNCT HYPH - 4 punct
Cola PROPN NNP Cola 2 flat
crews NOUN NNS crew 8 nsubj
have AUX VBP have 8 aux
quickly ADV RB quickly 8 advmod
painted VERB VBN paint 0 root
the DET DT the 10 det
hall NOUN NN hall 8 obj
and CCONJ CC and 12 cc
left VERB VBN leave 8 conj
. PUNCT . . 8 punct`,
			want: []string{"have quickly painted | The Coca - Cola crews | the hall"},
		},
		{
			name: "an adjective on a noun, vague adjectives left out",
			text: "Tove found a gaping loophole and other flaws .",
			rows: `Tove PROPN NNP Tove 2 nsubj
found VERB VBD find 0 root
a DET DT a 5 det
gaping ADJ JJ gaping 5 amod
loophole NOUN NN loophole 2 obj
and CCONJ CC and 8 cc
other ADJ JJ other 8 amod
flaws NOUN NNS flaw 5 conj
. PUNCT . . 2 punct`,
			want: []string{
				"found | Tove | a gaping loophole",
				"found | Tove | other flaws",
				"be | a loophole | gaping",
			},
		},
		{
			name: "a prepositional modifier of a noun, untensed; of-phrases left in the noun",
			text: "Rolf visited the museum in Oslo and the roof of the hall .",
			rows: `Rolf PROPN NNP Rolf 2 nsubj
visited VERB VBD visit 0 root
the DET DT the 4 det
museum NOUN NN museum 2 obj
in ADP IN in 6 case
Oslo PROPN NNP Oslo 4 nmod
and CCONJ CC and 9 cc
the DET DT the 9 det
roof NOUN NN roof 4 conj
of ADP IN of 12 case
the DET DT the 12 det
hall NOUN NN hall 9 nmod
. PUNCT . . 2 punct`,
			want: []string{
				"visited | Rolf | the museum in Oslo",
				"visited | Rolf | the roof of the hall",
				"be in | the museum | Oslo",
			},
		},
		{
			name: "a verb coordinated with an earlier one shares its arguments before the subject",
			text: "In 1990 , Ola moved to Bergen and opened a bakery .",
			rows: `In ADP IN in 2 case
1990 NUM CD 1990 5 obl
, PUNCT , , 5 punct
Ola PROPN NNP Ola 5 nsubj
moved VERB VBD move 0 root
to ADP IN to 7 case
Bergen PROPN NNP Bergen 5 obl
and CCONJ CC and 9 cc
opened VERB VBD open 5 conj
a DET DT a 11 det
bakery NOUN NN bakery 9 obj
. PUNCT . . 5 punct`,
			want: []string{
				"moved to | Ola | Bergen | In 1990",
				"opened | Ola | a bakery | In 1990",
			},
		},
		{
			name: "a copula's adjective with its preposition in the relation",
			text: "The firm is not aware of any injuries .",
			rows: `The DET DT the 2 det
firm NOUN NN firm 5 nsubj
is AUX VBZ be 5 cop
not PART RB not 5 advmod
aware ADJ JJ aware 0 root
of ADP IN of 8 case
any DET DT any 8 det
injuries NOUN NNS injury 5 obl
. PUNCT . . 5 punct`,
			want: []string{"is not aware of | The firm | any injuries"},
		},
		{
			name: "a participle on a noun: the noun be done",
			text: "Farms owned by Tove grow oats .",
			rows: `Farms NOUN NNS farm 5 nsubj
owned VERB VBN own 1 acl
by ADP IN by 4 case
Tove PROPN NNP Tove 2 obl:agent
grow VERB VBP grow 0 root
oats NOUN NNS oat 5 obj
. PUNCT . . 5 punct`,
			want: []string{
				"be owned by | Farms | Tove",
				"grow | Farms owned by Tove | oats",
			},
		},
		{
			name: "a control chain without arguments ends in its last verb",
			text: "The miners returned to work .",
			rows: `The DET DT the 2 det
miners NOUN NNS miner 3 nsubj
returned VERB VBD return 0 root
to PART TO to 5 mark
work VERB VB work 3 xcomp
. PUNCT . . 3 punct`,
			want: []string{"returned | The miners | to work"},
		},
		{
			name: "a relative clause on a copula's noun takes the copula's subject",
			text: "Nils is a player who plays for Molde .",
			rows: `Nils PROPN NNP Nils 4 nsubj
is AUX VBZ be 4 cop
a DET DT a 4 det
player NOUN NN player 0 root
who PRON WP who 6 nsubj
plays VERB VBZ play 4 acl:relcl
for ADP IN for 8 case
Molde PROPN NNP Molde 6 obl
. PUNCT . . 4 punct`,
			want: []string{"is | Nils | a player", "plays for | Nils | Molde"},
		},
		{
			name: "a coordinated relative clause's pronoun stands for the noun the first conjunct modifies",
			text: "Ola met a farmer who sells eggs and who breeds goats .",
			rows: `Ola PROPN NNP Ola 2 nsubj
met VERB VBD meet 0 root
a DET DT a 4 det
farmer NOUN NN farmer 2 obj
who PRON WP who 6 nsubj
sells VERB VBZ sell 4 acl:relcl
eggs NOUN NNS egg 6 obj
and CCONJ CC and 10 cc
who PRON WP who 10 nsubj
breeds VERB VBZ breed 6 conj
goats NOUN NNS goat 10 obj
. PUNCT . . 2 punct`,
			want: []string{"met | Ola | a farmer who sells eggs", "sells | a farmer | eggs", "breeds | a farmer | goats"},
		},
		{
			name: "a relative clause parsed as a coordinated clause takes the noun before the pronoun, its preposition and the other clause's auxiliary left out",
			text: "In 1990 , Ola was helped by the son of Kari Berg , who built the barn .",
			rows: `In ADP IN in 2 case
1990 NUM CD 1990 6 obl
, PUNCT , , 2 punct
Ola PROPN NNP Ola 6 nsubj:pass
was AUX VBD be 6 aux:pass
helped VERB VBN help 0 root
by ADP IN by 9 case
the DET DT the 9 det
son NOUN NN son 6 obl:agent
of ADP IN of 11 case
Kari PROPN NNP Kari 9 nmod
Berg PROPN NNP Berg 11 flat
, PUNCT , , 15 punct
who PRON WP who 15 nsubj
built VERB VBD build 6 conj
the DET DT the 17 det
barn NOUN NN barn 15 obj
. PUNCT . . 6 punct`,
			want: []string{"was helped by | Ola | the son of Kari Berg | In 1990", "built | the son of Kari Berg | the barn"},
		},
		{
			name: "a comma list whose second item was parsed as an apposition gives one tuple per item",
			text: "The club signed Ola , Kari and Nils .",
			rows: `The DET DT the 2 det
club NOUN NN club 3 nsubj
signed VERB VBD sign 0 root
Ola PROPN NNP Ola 3 obj
, PUNCT , , 6 punct
Kari PROPN NNP Kari 4 appos
and CCONJ CC and 8 cc
Nils PROPN NNP Nils 6 conj
. PUNCT . . 3 punct`,
			want: []string{"signed | The club | Ola", "signed | The club | Kari", "signed | The club | Nils"},
		},
		{
			name: "coordinated prepositional objects as the second argument give one tuple per conjunct",
			text: "The team consists of Ola , Kari and Nils .",
			rows: `The DET DT the 2 det
team NOUN NN team 3 nsubj
consists VERB VBZ consist 0 root
of ADP IN of 5 case
Ola PROPN NNP Ola 3 obl
, PUNCT , , 7 punct
Kari PROPN NNP Kari 5 conj
and CCONJ CC and 9 cc
Nils PROPN NNP Nils 5 conj
. PUNCT . . 3 punct`,
			want: []string{"consists of | The team | Ola", "consists of | The team | Kari", "consists of | The team | Nils"},
		},
		{
			name: "listed examples after including give one tuple per item, the noun keeps its own prepositional modifiers",
			text: "Ola grows fruits of the north , including apples and pears .",
			rows: `Ola PROPN NNP Ola 2 nsubj
grows VERB VBZ grow 0 root
fruits NOUN NNS fruit 2 obj
of ADP IN of 6 case
the DET DT the 6 det
north NOUN NN north 3 nmod
, PUNCT , , 9 punct
including VERB VBG include 9 case
apples NOUN NNS apple 3 nmod
and CCONJ CC and 11 cc
pears NOUN NNS pear 9 conj
. PUNCT . . 2 punct`,
			want: []string{
				"grows | Ola | fruits of the north , including apples",
				"be including | fruits of the north | apples",
				"be including | fruits of the north | pears",
			},
		},
		{
			name: "a speech verb after its quote, the quote parsed as its adverbial clause",
			text: "`` Prices will rise , '' Kari added .",
			rows: "`` PUNCT `` \" 4 punct\n" +
				"Prices NOUN NNS price 4 nsubj\n" +
				"will AUX MD will 4 aux\n" +
				"rise VERB VB rise 8 advcl\n" +
				", PUNCT , , 4 punct\n" +
				"'' PUNCT '' '' 4 punct\n" +
				"Kari PROPN NNP Kari 8 nsubj\n" +
				"added VERB VBD add 0 root\n" +
				". PUNCT . . 8 punct",
			want: []string{"added | Kari | Prices will rise"},
		},
		{
			name: "a speech verb after the report, parsed as its parataxis",
			text: "Prices will rise in May , Ola argues .",
			rows: `Prices NOUN NNS price 3 nsubj
will AUX MD will 3 aux
rise VERB VB rise 0 root
in ADP IN in 5 case
May PROPN NNP May 3 obl
, PUNCT , , 8 punct
Ola PROPN NNP Ola 8 nsubj
argues VERB VBZ argue 3 parataxis
. PUNCT . . 3 punct`,
			want: []string{"argues | Ola | Prices will rise in May", "will rise in | Prices | May"},
		},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			got, _ := openTuples(t, c.text, c.rows)
			want := append([]string(nil), c.want...)
			sort.Strings(want)
			if strings.Join(got, "\n") != strings.Join(want, "\n") {
				t.Errorf("%s\n got:\n  %s\nwant:\n  %s", c.text, strings.Join(got, "\n  "), strings.Join(want, "\n  "))
			}
		})
	}
}

// TestConfidenceRanksBadParsesLower checks the shipped model's direction
// on two extractions from the same sentence: a main clause with a named
// subject above a possessive.
func TestConfidenceRanksBadParsesLower(t *testing.T) {
	_, ts := openTuples(t, "Ana sold her farm in Bergen , Norway .", `Ana PROPN NNP Ana 2 nsubj
sold VERB VBD sell 0 root
her PRON PRP$ her 4 nmod:poss
farm NOUN NN farm 2 obj
in ADP IN in 6 case
Bergen PROPN NNP Bergen 2 obl
, PUNCT , , 8 punct
Norway PROPN NNP Norway 6 appos
. PUNCT . . 2 punct`)
	conf := map[string]float64{}
	for _, x := range ts {
		conf[x.Relation] = x.Confidence
	}
	if conf["sold"] <= conf["has"] {
		t.Errorf("clause %.3f not above possessive %.3f", conf["sold"], conf["has"])
	}
}

func TestFitLogistic(t *testing.T) {
	// y = 1 when the feature is on, 0.2 when it is off: the fit recovers
	// both rates.
	var x [][]float64
	var y []float64
	for i := 0; i < 200; i++ {
		on := float64(i % 2)
		x = append(x, []float64{1, on})
		y = append(y, 0.2+0.7*on)
	}
	w, err := FitLogistic(x, y, 0)
	if err != nil {
		t.Fatal(err)
	}
	if p := Probability(w, []float64{1, 0}); math.Abs(p-0.2) > 1e-3 {
		t.Errorf("p(off) = %.4f, want 0.2", p)
	}
	if p := Probability(w, []float64{1, 1}); math.Abs(p-0.9) > 1e-3 {
		t.Errorf("p(on) = %.4f, want 0.9", p)
	}
	if _, err := FitLogistic(nil, nil, 1); err == nil {
		t.Error("no error without examples")
	}
}

func TestWriteWeights(t *testing.T) {
	var b strings.Builder
	w := make([]float64, len(FeatureNames()))
	w[0] = 0.5
	if err := WriteWeights(&b, "factgraph train confidence", w); err != nil {
		t.Fatal(err)
	}
	if _, err := parser.ParseFile(token.NewFileSet(), "w.go", b.String(), 0); err != nil {
		t.Errorf("written weights do not parse: %v\n%s", err, b.String())
	}
	if err := WriteWeights(&b, "x", w[:3]); err == nil {
		t.Error("no error for a short weight vector")
	}
	if len(FeatureNames()) != nFeatures {
		t.Errorf("%d feature names for %d features", len(FeatureNames()), nFeatures)
	}
}

func TestUnbalanced(t *testing.T) {
	tr := &tree{}
	for _, w := range strings.Fields("his `` Aramata Collection '' ( 1990 )") {
		tr.toks = append(tr.toks, extract.Token{Text: w})
	}
	cases := []struct {
		idx  []int
		want bool
	}{
		{[]int{0, 1, 2, 3, 4}, false},
		{[]int{0, 1, 2, 3}, true},
		{[]int{5, 6, 7}, false},
		{[]int{6, 7}, true},
	}
	for _, c := range cases {
		if got := tr.unbalanced(c.idx); got != c.want {
			t.Errorf("unbalanced(%v) = %v, want %v", c.idx, got, c.want)
		}
	}
}
