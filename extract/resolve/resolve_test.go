package resolve

import (
	"context"
	"strings"
	"testing"

	"github.com/factgraph/factgraph/extract"
	"github.com/factgraph/factgraph/extract/tokenize"
)

func TestResolveWithinDocument(t *testing.T) {
	text := "Northfield Mayor Anna Berg met Tom Reyes. Berg said the Harbour Authority agreed. The Harbour Authority denied it. Reyes left."
	at := func(s string, typ string, nth int) extract.Mention {
		off := 0
		for i := 0; ; i++ {
			j := off + indexOf(text[off:], s)
			if i == nth {
				return extract.Mention{Start: j, End: j + len(s), Text: s, Type: typ}
			}
			off = j + len(s)
		}
	}
	res := &extract.Result{}
	res.Doc = &extract.Document{ID: "d", Text: text}
	res.Mentions = []extract.Mention{
		at("Northfield", "GPE", 0), at("Anna Berg", "PERSON", 0), at("Tom Reyes", "PERSON", 0),
		at("Berg", "PERSON", 1), at("the Harbour Authority", "ORG", 0), at("The Harbour Authority", "ORG", 0),
		at("Reyes", "PERSON", 1),
	}
	res.Facts = []extract.Fact{{Subject: extract.Arg{Text: "Berg", Start: res.Mentions[3].Start, End: res.Mentions[3].End}, Object: extract.Arg{Text: "x", Literal: true}}}
	if err := (Resolver{}).Resolve(context.Background(), res); err != nil {
		t.Fatal(err)
	}
	keys := map[string]extract.Entity{}
	for _, e := range res.Entities {
		keys[e.Key] = e
	}
	if len(res.Entities) != 4 {
		t.Fatalf("entities: %+v", res.Entities)
	}
	berg := keys["person/anna-berg"]
	if berg.Name != "Anna Berg" || len(berg.Aliases) != 2 {
		t.Errorf("Anna Berg: %+v", berg)
	}
	if ha := keys["org/harbor-authority"]; ha.Name != "Harbour Authority" { // keys fold British spellings
		t.Errorf("article not trimmed: %+v", res.Entities)
	}
	if res.Mentions[6].Entity != "person/tom-reyes" {
		t.Errorf("surname Reyes resolved to %q", res.Mentions[6].Entity)
	}
	if res.Facts[0].Subject.Entity != "person/anna-berg" {
		t.Errorf("fact subject resolved to %q", res.Facts[0].Subject.Entity)
	}
}

func TestAmbiguousSurnameStaysApart(t *testing.T) {
	text := "Anna Berg and Olaf Berg spoke. Berg left."
	res := &extract.Result{}
	res.Doc = &extract.Document{ID: "d", Text: text}
	res.Mentions = []extract.Mention{
		{Start: 0, End: 9, Text: "Anna Berg", Type: "PERSON"},
		{Start: 14, End: 23, Text: "Olaf Berg", Type: "PERSON"},
		{Start: 31, End: 35, Text: "Berg", Type: "PERSON"},
	}
	(Resolver{}).Resolve(context.Background(), res)
	if res.Mentions[2].Entity == res.Mentions[0].Entity || res.Mentions[2].Entity == res.Mentions[1].Entity {
		t.Fatalf("ambiguous surname merged: %+v", res.Mentions)
	}
}

func indexOf(s, sub string) int {
	for i := 0; i+len(sub) <= len(s); i++ {
		if s[i:i+len(sub)] == sub {
			return i
		}
	}
	return -1
}

func TestTitleInsideNameIsSplitOff(t *testing.T) {
	text := "Northfield Mayor Anna Berg spoke, and Mayor Daniel Okafor listened. General Motors agreed."
	res := &extract.Result{}
	res.Doc = &extract.Document{ID: "d", Text: text}
	res.Mentions = []extract.Mention{
		{Start: 0, End: 26, Text: "Northfield Mayor Anna Berg", Type: "ORG"},
		{Start: 38, End: 57, Text: "Mayor Daniel Okafor", Type: "PERSON"},
		{Start: 68, End: 82, Text: "General Motors", Type: "ORG"},
	}
	if err := (Resolver{}).Resolve(context.Background(), res); err != nil {
		t.Fatal(err)
	}
	keys := map[string]bool{}
	for _, e := range res.Entities {
		keys[e.Key] = true
	}
	for _, want := range []string{"person/anna-berg", "person/daniel-okafor", "org/general-motors"} {
		if !keys[want] {
			t.Errorf("no entity %s in %+v", want, res.Entities)
		}
	}
	for k := range keys {
		if strings.Contains(k, "mayor") {
			t.Errorf("a title stayed inside an entity name: %s", k)
		}
	}
	if res.Mentions[0].Text != "Anna Berg" || text[res.Mentions[0].Start:res.Mentions[0].End] != "Anna Berg" {
		t.Errorf("split mention: %+v", res.Mentions[0])
	}
}

func TestPersonShapedOrganisation(t *testing.T) {
	res := &extract.Result{}
	res.Doc = &extract.Document{ID: "d", Text: "Anna Berg spoke. Goldman Sachs agreed. Anna Group sold."}
	res.Mentions = []extract.Mention{
		{Start: 0, End: 9, Text: "Anna Berg", Type: "ORG"},
		{Start: 17, End: 30, Text: "Goldman Sachs", Type: "ORG"},
		{Start: 39, End: 49, Text: "Anna Group", Type: "ORG"},
	}
	(Resolver{}).Resolve(context.Background(), res)
	got := map[string]bool{}
	for _, e := range res.Entities {
		got[e.Key] = true
	}
	if !got["person/anna-berg"] || !got["org/goldman-sachs"] || !got["org/anna-group"] {
		t.Fatalf("entities: %+v", res.Entities)
	}
}

// A pronoun argument left to the resolver follows the extractors' rule
// (package pronoun): a "She" that opens the sentence before stands for its
// own person, not for the first name of that sentence.
func TestPronounArgumentFollowsChain(t *testing.T) {
	text := "Anna Berg met Tom Keller on Monday. She later thanked Tom Keller. Reporters asked her about the visit."
	res := mentionsAt(text, "Anna Berg", "PERSON", "Tom Keller", "PERSON", "Tom Keller", "PERSON")
	res.Sentences = tokenize.Default().Split(text)
	hi := strings.LastIndex(text, "her")
	res.Facts = []extract.Fact{{Subject: extract.Arg{Text: "Reporters", Literal: true}, Predicate: "ask",
		Object: extract.Arg{Text: "her", Start: hi, End: hi + 3}}}
	if err := (Resolver{}).Resolve(context.Background(), res); err != nil {
		t.Fatal(err)
	}
	if got, want := res.Facts[0].Object.Entity, res.Mentions[0].Entity; got != want || want == "" {
		t.Errorf("her → %q, want Anna Berg's %q", got, want)
	}
}

// TestPronounArgumentsBinding checks that a fact's pronoun never stands for
// the entity its other argument names: "He thanked him" has two people,
// and "he" in "He thanked Jan Novak" is not Jan Novak.
func TestPronounArgumentsBinding(t *testing.T) {
	at := func(text, w string, from int) extract.Arg {
		i := from + strings.Index(text[from:], w)
		return extract.Arg{Text: w, Start: i, End: i + len(w)}
	}
	text := "Tom Keller met Jan Novak on Monday. He thanked him."
	res := mentionsAt(text, "Tom Keller", "PERSON", "Jan Novak", "PERSON")
	res.Sentences = tokenize.Default().Split(text)
	s2 := strings.Index(text, "He ")
	res.Facts = []extract.Fact{{Subject: at(text, "He", s2), Predicate: "thank", Object: at(text, "him", s2)}}
	if err := (Resolver{}).Resolve(context.Background(), res); err != nil {
		t.Fatal(err)
	}
	f := res.Facts[0]
	if f.Subject.Entity != res.Mentions[0].Entity || f.Object.Entity != res.Mentions[1].Entity || f.Object.Entity == "" {
		t.Errorf("He thanked him: %q thanked %q, want Tom Keller (%q) thanked Jan Novak (%q)",
			f.Subject.Entity, f.Object.Entity, res.Mentions[0].Entity, res.Mentions[1].Entity)
	}

	text = "Jan Novak arrived on Monday. He thanked Jan Novak."
	res = mentionsAt(text, "Jan Novak", "PERSON", "Jan Novak", "PERSON")
	res.Sentences = tokenize.Default().Split(text)
	s2 = strings.Index(text, "He ")
	res.Facts = []extract.Fact{{Subject: at(text, "He", s2), Predicate: "thank", Object: at(text, "Jan Novak", s2)}}
	if err := (Resolver{}).Resolve(context.Background(), res); err != nil {
		t.Fatal(err)
	}
	if f := res.Facts[0]; f.Object.Entity == "" || f.Subject.Entity == f.Object.Entity {
		t.Errorf("He thanked Jan Novak: subject %q, object %q", f.Subject.Entity, f.Object.Entity)
	}
}

// A first name and a capitalised word typed as an organisation are a
// person ("Anna Berg"), unless the word ends organisations' names ("Reagan
// Administration": Reagan is also a given name).
func TestPersonShapedOrganisations(t *testing.T) {
	text := "Anna Berg and the Reagan Administration and Kim Bancorp met."
	res := mentionsAt(text, "Anna Berg", "ORG", "Reagan Administration", "ORG", "Kim Bancorp", "ORG")
	RepairMentions(res)
	for i, want := range []string{"PERSON", "ORG", "ORG"} {
		if got := res.Mentions[i].Type; got != want {
			t.Errorf("%q typed %s, want %s", res.Mentions[i].Text, got, want)
		}
	}
}
