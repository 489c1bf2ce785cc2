package tokenize

import (
	"strings"
	"testing"

	"github.com/factgraph/factgraph/extract"
)

// render writes sentences as their tokens separated by spaces, sentences
// separated by " | ".
func render(sents []extract.Sentence) string {
	var b strings.Builder
	for i, s := range sents {
		if i > 0 {
			b.WriteString(" | ")
		}
		for j, t := range s.Tokens {
			if j > 0 {
				b.WriteByte(' ')
			}
			b.WriteString(t.Text)
		}
	}
	return b.String()
}

// The texts below are written for these tests in the styles of the news
// the pipeline reads (including machine-translation damage).
var cases = []struct {
	name, in, want string
}{
	{"clitics", "We don't know, they can't stay and she won't go.",
		"We do n't know , they ca n't stay and she wo n't go ."},
	{"curly clitics", "I’m sure it’s the mayor’s plan. They’ll see.",
		"I ’m sure it ’s the mayor ’s plan . | They ’ll see ."},
	{"possessive", "The Senate's vote and Paris's mayor were in the news.",
		"The Senate 's vote and Paris 's mayor were in the news ."},
	{"cannot", "You cannot be serious.", "You can not be serious ."},
	{"punctuation", "First, the court (a small one) ruled; then: nothing!",
		"First , the court ( a small one ) ruled ; then : nothing !"},
	{"angle brackets", "Texas Air Corp's <TEX> unit and <Kraus Steel AG> agreed; x -> y.",
		"Texas Air Corp 's < TEX > unit and < Kraus Steel AG > agreed ; x -> y ."},
	{"numbers", "Exports rose 13.5 percent to $2,000 million at 10:35 on Friday.",
		"Exports rose 13.5 percent to $ 2,000 million at 10:35 on Friday ."},
	{"abbreviations", "Mr. Grant flew to the U.S. at 9 a.m. on Tuesday. He landed at 4 p.m. in Dallas.",
		"Mr. Grant flew to the U.S. at 9 a.m. on Tuesday . | He landed at 4 p.m. in Dallas ."},
	{"abbreviation then name", "Dr. Patel of the U.S. Senate met Gen. Ruiz.",
		"Dr. Patel of the U.S. Senate met Gen. Ruiz ."},
	// EWT writes a stray ".:" as one token; what matters is that the
	// sentence goes on.
	{"broken p.m", "Update from May 4, 3 p.m .: The council met again.",
		"Update from May 4 , 3 p.m .: The council met again ."},
	{"e-mail and url", "Write to press@example.org or see https://example.org/news?id=7.",
		"Write to press@example.org or see https://example.org/news?id=7 ."},
	{"hyphens", "The e-mail was sent by a well-known ex-minister.",
		"The e-mail was sent by a well - known ex-minister ."},
	{"straight quotes", `He called it "a mistake" and left.`,
		`He called it " a mistake " and left .`},
	{"single quotes", "Officials called the plan 'reckless' on Monday.",
		"Officials called the plan ' reckless ' on Monday ."},
	{"ellipsis mid-sentence", "We waited... and waited … for hours.",
		"We waited ... and waited … for hours ."},
	{"dashes", "The mayor – a cautious man — said no -- twice.",
		"The mayor – a cautious man — said no -- twice ."},
	{"quote closed after attribution", "I hope he recovers soon, ”Garcia said on this occasion. The talks go on.",
		"I hope he recovers soon , ” Garcia said on this occasion . | The talks go on ."},
	{"quote spanning sentences", "“We trust each other. We always did.” The ministry agreed.",
		"“ We trust each other . | We always did . ” | The ministry agreed ."},
	{"question in quote", `"Why now?" she asked.`, `" Why now ? " she asked .`},
	{"dateline", "Lisbon [Portugal], June 2 : Portugal has signed the treaty.",
		"Lisbon [ Portugal ] , June 2 : Portugal has signed the treaty ."},
	{"dateline with dash", "Washington DC – The senators met on Monday.",
		"Washington DC – The senators met on Monday ."},
	{"headline lines", "Council approves new budget for schools\nJun 2, 2021\nThe city council approved the budget on Tuesday.",
		"Council approves new budget for schools | Jun 2 , 2021 | The city council approved the budget on Tuesday ."},
	{"blank line", "Section one\n\nSection two without a stop\n\nA sentence.",
		"Section one | Section two without a stop | A sentence ."},
	{"update line", "First report from June 1st, 9.40 a.m.:\n\nParis – The strike went on.",
		"First report from June 1st , 9.40 a.m. : | Paris – The strike went on ."},
}

func TestCases(t *testing.T) {
	tk := Default()
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			sents := tk.Split(c.in)
			checkInvariants(t, c.in, sents)
			if got := render(sents); got != c.want {
				t.Errorf("Split(%q)\n got: %s\nwant: %s", c.in, got, c.want)
			}
		})
	}
}

func TestOffsets(t *testing.T) {
	text := "  Mr. Ode’s firm didn't pay $4,500.\n\n“Fine,” he said.  "
	sents := Default().Split(text)
	checkInvariants(t, text, sents)
	var got []string
	for _, s := range sents {
		for _, tk := range s.Tokens {
			got = append(got, tk.Text)
			if text[tk.Start:tk.End] != tk.Text {
				t.Fatalf("token %q at [%d,%d)", tk.Text, tk.Start, tk.End)
			}
		}
	}
	if len(sents) != 2 || sents[0].Start != 2 || sents[1].Text != "“Fine,” he said." {
		t.Fatalf("sentences %+v", sents)
	}
	dnt := sents[0].Tokens[5]
	if dnt.Text != "n't" || dnt.Start != strings.Index(text, "n't") || sents[0].Tokens[4].SpaceAfter {
		t.Fatalf("n't token %+v", dnt)
	}
}

func TestJoinsWord(t *testing.T) {
	sents := Default().Split("She didn't take John's 'red' car.")
	toks := sents[0].Tokens
	var groups []string
	cur := toks[0].Text
	for i := 1; i < len(toks); i++ {
		if JoinsWord(toks[i-1], toks[i]) {
			cur += "+" + toks[i].Text
			continue
		}
		groups = append(groups, cur)
		cur = toks[i].Text
	}
	groups = append(groups, cur)
	want := "She did+n't take John+'s ' red ' car ."
	if got := strings.Join(groups, " "); got != want {
		t.Fatalf("got %s, want %s", got, want)
	}
}

func TestConcurrentSplit(t *testing.T) {
	tk := Default()
	text := strings.Repeat("Mr. Ode didn't go. “Fine,” he said.\n", 50)
	want := render(tk.Split(text))
	done := make(chan string)
	for range 4 {
		go func() { done <- render(tk.Split(text)) }()
	}
	for range 4 {
		if got := <-done; got != want {
			t.Fatal("concurrent Split gave a different result")
		}
	}
}
