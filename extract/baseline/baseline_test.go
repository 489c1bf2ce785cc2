package baseline

import (
	"context"
	"strings"
	"testing"

	"github.com/factgraph/factgraph/extract"
	"github.com/factgraph/factgraph/extract/tokenize"
)

// analyse tokenizes text and marks every occurrence of the named mentions.
func analyse(t *testing.T, text string, mentions map[string]string) *extract.Analysis {
	t.Helper()
	a := &extract.Analysis{Doc: &extract.Document{ID: "t", Text: text}}
	a.Sentences = tokenize.Default().Split(text)
	for name, typ := range mentions {
		for off := 0; ; {
			i := strings.Index(text[off:], name)
			if i < 0 {
				break
			}
			s := off + i
			a.Mentions = append(a.Mentions, extract.Mention{Start: s, End: s + len(name), Text: name, Type: typ})
			off = s + len(name)
		}
	}
	return a
}

type want struct{ speaker, verb, quote string }

func quoteFacts(t *testing.T, a *extract.Analysis) []want {
	t.Helper()
	facts, err := Extractor{}.Extract(context.Background(), a)
	if err != nil {
		t.Fatal(err)
	}
	var out []want
	for _, f := range facts {
		if f.Qualifiers["quote"] == "direct" {
			out = append(out, want{f.Subject.Text, f.Predicate, f.Object.Text})
		}
	}
	return out
}

func TestQuoteStyles(t *testing.T) {
	cases := []struct {
		name, text string
		mentions   map[string]string
		want       []want
	}{
		{"after, speaker verb", `“The talks went well,” Maria Lopez said on Monday.`,
			map[string]string{"Maria Lopez": "PERSON"}, []want{{"Maria Lopez", "say", "The talks went well"}}},
		{"after, verb speaker with title", `"We are ready to continue," said Harbour Authority spokesman Tom Reyes.`,
			map[string]string{"Harbour Authority": "ORG", "Tom Reyes": "PERSON"}, []want{{"Tom Reyes", "say", "We are ready to continue"}}},
		{"close glued after attribution comma", "I hope for rain, ”Lopez said in the evening.",
			map[string]string{"Lopez": "PERSON"}, nil},
		{"colon introduced", `The mayor of Northfield, Anna Berg, replied: “Not this year.”`,
			map[string]string{"Anna Berg": "PERSON", "Northfield": "GPE"}, []want{{"Anna Berg", "reply", "Not this year."}}},
		{"pronoun speaker", `Tom Reyes left early. "I have nothing to add," he said.`,
			map[string]string{"Tom Reyes": "PERSON"}, []want{{"Tom Reyes", "say", "I have nothing to add"}}},
		{"across paragraphs", "“We will build the bridge.\n\nWe will pay for it, ”Anna Berg stressed.",
			map[string]string{"Anna Berg": "PERSON"}, []want{{"Anna Berg", "stress", "We will build the bridge. We will pay for it"}}},
		{"scare quotes are not statements", `Critics called the plan a “disaster” and moved on.`,
			nil, nil},
		{"organisation speaker", `“The report is false,” the Harbour Authority said.`,
			map[string]string{"Harbour Authority": "ORG"}, []want{{"Harbour Authority", "say", "The report is false"}}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			got := quoteFacts(t, analyse(t, c.text, c.mentions))
			if c.name == "close glued after attribution comma" {
				// The opening mark is missing: no pair, no fact.
				if len(got) != 0 {
					t.Fatalf("got %v from an unpaired quote", got)
				}
				return
			}
			if len(got) != len(c.want) {
				t.Fatalf("got %v, want %v", got, c.want)
			}
			for i := range got {
				if got[i] != c.want[i] {
					t.Errorf("fact %d: got %+v, want %+v", i, got[i], c.want[i])
				}
			}
		})
	}
}

func TestClauseFacts(t *testing.T) {
	a := analyse(t, "Northfield did not invite Southport to the fair. Anna Berg met Tom Reyes.",
		map[string]string{"Northfield": "GPE", "Southport": "GPE", "Anna Berg": "PERSON", "Tom Reyes": "PERSON"})
	facts, err := Extractor{}.Extract(context.Background(), a)
	if err != nil {
		t.Fatal(err)
	}
	if len(facts) != 2 {
		t.Fatalf("got %d facts: %+v", len(facts), facts)
	}
	f := facts[0]
	if f.Subject.Text != "Northfield" || f.Predicate != "invite" || f.Object.Text != "Southport" || !f.Negated || f.Relation != "appeal" {
		t.Errorf("first fact: %+v", f)
	}
	if g := facts[1]; g.Predicate != "meet" || g.Negated || g.Relation != "consultation" {
		t.Errorf("second fact: %+v", g)
	}
}

func TestFurnitureYieldsNothing(t *testing.T) {
	a := analyse(t, `Leave a Reply. “We are ready to continue,” said Tom Reyes.`, map[string]string{"Tom Reyes": "PERSON"})
	for i := range a.Sentences {
		a.Sentences[i].Furniture = true
	}
	facts, _ := Extractor{}.Extract(context.Background(), a)
	if len(facts) != 0 {
		t.Fatalf("furniture produced %v", facts)
	}
}

func TestFindQuotesHostile(t *testing.T) {
	for _, s := range []string{"", "“", "”", strings.Repeat("“a", 5000), "\"\"\"", "‘’'", string([]byte{0xff, '"', 0xfe})} {
		_ = findQuotes(s)
	}
}

func TestNextSentenceIsNotAttribution(t *testing.T) {
	a := analyse(t, `Reyes told local radio: “I am ready.” The council said the vote was fair.`,
		map[string]string{"Reyes": "PERSON"})
	got := quoteFacts(t, a)
	if len(got) != 1 || got[0].speaker != "Reyes" || got[0].verb != "tell" {
		t.Fatalf("got %+v", got)
	}
}

func TestSpeechNounIsNoAttribution(t *testing.T) {
	// "remarks" is a noun here (tagged so by the pipeline's tagger): Berg's
	// remarks did not say the quote.
	text := `Tom Reyes criticised Berg's remarks, telling reporters that "nothing like this has happened before".`
	a := analyse(t, text, map[string]string{"Tom Reyes": "PERSON", "Berg": "PERSON"})
	for si := range a.Sentences {
		for ti := range a.Sentences[si].Tokens {
			tok := &a.Sentences[si].Tokens[ti]
			if tok.Text == "remarks" {
				tok.UPOS = "NOUN"
			} else if tok.Text == "criticised" || tok.Text == "telling" {
				tok.UPOS = "VERB"
			}
		}
	}
	for _, w := range quoteFacts(t, a) {
		if w.speaker == "Berg" {
			t.Errorf("quote attributed to the owner of a speech noun: %+v", w)
		}
	}
}

func TestClauseIsNoSpeaker(t *testing.T) {
	// A machine-translated attribution ("zitiert ihn dpa weiter") is no
	// noun phrase: the quote gets no speaker rather than "quotes him dpa".
	text := `“The bridge stays closed,” quotes him dpa continue.`
	a := analyse(t, text, nil)
	tags := map[string]string{"quotes": "VERB", "him": "PRON", "dpa": "PROPN", "continue": "VERB"}
	for si := range a.Sentences {
		for ti := range a.Sentences[si].Tokens {
			tok := &a.Sentences[si].Tokens[ti]
			tok.UPOS = tags[tok.Text]
		}
	}
	for _, w := range quoteFacts(t, a) {
		if strings.Contains(w.speaker, "him") {
			t.Errorf("speaker %q", w.speaker)
		}
	}
}
