package pronoun

import (
	"strings"
	"testing"

	"github.com/factgraph/factgraph/extract"
	"github.com/factgraph/factgraph/extract/tokenize"
)

// analysis splits text into sentences and marks every occurrence of the
// given names as a PERSON mention.
func analysis(t *testing.T, text string, names ...string) *extract.Analysis {
	t.Helper()
	a := &extract.Analysis{Doc: &extract.Document{Text: text}, Sentences: tokenize.Default().Split(text)}
	for si, s := range a.Sentences {
		for _, name := range names {
			for from := s.Start; ; {
				i := strings.Index(text[from:s.End], name)
				if i < 0 {
					break
				}
				start := from + i
				a.Mentions = append(a.Mentions, extract.Mention{Sentence: si, Start: start, End: start + len(name), Text: name, Type: "PERSON"})
				from = start + len(name)
			}
		}
	}
	return a
}

// quotes reports offsets between straight double quotes as quoted.
func quotes(text string) func(int) bool {
	return func(off int) bool { return strings.Count(text[:off], `"`)%2 == 1 }
}

// nth is the offset of the n-th (1-based) occurrence of w in text.
func nth(t *testing.T, text, w string, n int) int {
	t.Helper()
	off := -1
	for k := 0; k < n; k++ {
		i := strings.Index(text[off+1:], w)
		if i < 0 {
			t.Fatalf("no occurrence %d of %q", n, w)
		}
		off += 1 + i
	}
	return off
}

func name(m *extract.Mention) string {
	if m == nil {
		return "<nil>"
	}
	return m.Text
}

func TestChainKeepsItsPerson(t *testing.T) {
	// The last "she" continues the "She" that starts the sentence before,
	// whose person is Anna Berg, not Tom Keller, the first name there.
	text := `Anna Berg met Tom Keller in Northfield on Monday. She later thanked Tom Keller for the visit. "We agreed on everything," she said.`
	a := analysis(t, text, "Anna Berg", "Tom Keller")
	f := New(a, quotes(text))
	if got := name(f.Person(nth(t, text, "she", 1), nil)); got != "Anna Berg" {
		t.Errorf("she → %s, want Anna Berg", got)
	}
	if got := name(f.Person(nth(t, text, "She", 1), nil)); got != "Anna Berg" {
		t.Errorf("She → %s, want Anna Berg", got)
	}
}

func TestQuotedPronounIsNotTheSpeaker(t *testing.T) {
	text := `Anna Berg spoke to Tom Keller on Monday. "He has made a serious mistake," Berg said.`
	a := analysis(t, text, "Tom Keller", "Anna Berg", "Berg")
	f := New(a, quotes(text))
	off := nth(t, text, "He", 1)
	notBerg := func(m *extract.Mention) bool { return strings.HasSuffix(m.Text, "Berg") }
	if got := name(f.Person(off, notBerg)); got != "Tom Keller" {
		t.Errorf("He (Berg speaking) → %s, want Tom Keller", got)
	}
	// Another person in the attribution of the same sentence comes first.
	text = `Anna Berg opened the session. "He is going to pay a price," Berg told reporters about Tom Keller.`
	a = analysis(t, text, "Tom Keller", "Anna Berg", "Berg")
	f = New(a, quotes(text))
	if got := name(f.Person(nth(t, text, "He", 1), notBerg)); got != "Tom Keller" {
		t.Errorf("He (Berg speaking about Keller) → %s, want Tom Keller", got)
	}
}

func TestQuotedNamesAndDistance(t *testing.T) {
	// A name inside a quotation is not an antecedent for a pronoun outside.
	text := `The mayor spoke first. "Tom Keller is wrong," she said.`
	a := analysis(t, text, "Tom Keller")
	f := New(a, quotes(text))
	if m := f.Person(nth(t, text, "she", 1), nil); m != nil {
		t.Errorf("she → %s, want none (the only name is quoted)", m.Text)
	}
	// Four sentences away is too far.
	text = `Tom Keller left early. The meeting went on. The budget was read. A vote was taken. The hall emptied. He returned at nine.`
	a = analysis(t, text, "Tom Keller")
	f = New(a, quotes(text))
	if m := f.Person(nth(t, text, "He", 1), nil); m != nil {
		t.Errorf("He → %s, want none (too far back)", m.Text)
	}
	text = `Tom Keller left early. The hall emptied. He returned at nine.`
	a = analysis(t, text, "Tom Keller")
	f = New(a, quotes(text))
	if got := name(f.Person(nth(t, text, "He", 1), nil)); got != "Tom Keller" {
		t.Errorf("He → %s, want Tom Keller", got)
	}
}

func TestNoPanicOnEmpty(t *testing.T) {
	f := New(nil, nil)
	if m := f.Person(10, nil); m != nil {
		t.Error("a person in no document")
	}
	f = New(&extract.Analysis{}, nil)
	if m := f.Person(-1, nil); m != nil {
		t.Error("a person in an empty document")
	}
}
