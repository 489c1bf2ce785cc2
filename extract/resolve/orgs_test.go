package resolve

import (
	"context"
	"strings"
	"testing"

	"github.com/factgraph/factgraph/extract"
)

func TestOrgCore(t *testing.T) {
	for name, want := range map[string]string{
		"Russian Foreign Ministry":                              "Russia|foreign ministry",
		"Russia's Ministry of Foreign Affairs":                  "Russia|foreign ministry",
		"Ministry of Foreign Affairs":                           "|foreign ministry",
		"the foreign ministry":                                  "|foreign ministry",
		"Foreign Ministry":                                      "|foreign ministry",
		"Ministry of Foreign Affairs of the Russian Federation": "Russia|foreign ministry",
		"US State Department":                                   "United States|state department",
		"State Department":                                      "United States|state department",
		"Ministry of Defense":                                   "|defence ministry",
		"British Defence Ministry":                              "United Kingdom|defence ministry",
		"Harbour Authority":                                     "not",
		"Kremlin":                                               "not",
	} {
		c, core, ok := orgCore(name)
		got := c + "|" + core
		if !ok {
			got = "not"
		}
		if got != want {
			t.Errorf("orgCore(%q) = %q, want %q", name, got, want)
		}
	}
}

// mentionsAt builds a result whose mentions are the given (text, type)
// pairs at their first occurrence after the previous one.
func mentionsAt(text string, pairs ...string) *extract.Result {
	res := &extract.Result{}
	res.Doc = &extract.Document{ID: "d", Text: text}
	off := 0
	for i := 0; i+1 < len(pairs); i += 2 {
		j := off + strings.Index(text[off:], pairs[i])
		res.Mentions = append(res.Mentions, extract.Mention{Start: j, End: j + len(pairs[i]), Text: pairs[i], Type: pairs[i+1]})
		off = j + len(pairs[i])
	}
	return res
}

func TestOrgsWithAndWithoutCountryMerge(t *testing.T) {
	text := "The Russian Foreign Ministry summoned the envoy. The Ministry of Foreign Affairs in Moscow said so. " +
		"The foreign ministry added more. The US State Department disagreed. The Foreign Ministry repeated it."
	res := mentionsAt(text, "Russian", "NORP", "Foreign Ministry", "ORG", "Ministry of Foreign Affairs", "ORG", "Moscow", "GPE",
		"US State Department", "ORG", "Foreign Ministry", "ORG")
	fi := strings.Index(text, "The foreign ministry")
	res.Facts = []extract.Fact{{Subject: extract.Arg{Text: "The foreign ministry", Start: fi, End: fi + 20}, Predicate: "add", Object: extract.Arg{Text: "more", Literal: true}}}
	if err := (Resolver{}).Resolve(context.Background(), res); err != nil {
		t.Fatal(err)
	}
	ents := map[string]extract.Entity{}
	for _, e := range res.Entities {
		ents[e.Key] = e
	}
	ru, ok := ents["org/russian-foreign-ministry"]
	if !ok || ru.Name != "Russian Foreign Ministry" || strings.Join(ru.Aliases, "|") != "Foreign Ministry|Ministry of Foreign Affairs" {
		t.Fatalf("Russian Foreign Ministry: %+v", res.Entities)
	}
	if _, ok := ents["org/us-state-department"]; !ok {
		t.Errorf("the State Department merged: %+v", res.Entities)
	}
	for _, i := range []int{1, 2, 5} {
		if res.Mentions[i].Entity != "org/russian-foreign-ministry" {
			t.Errorf("mention %q → %q", res.Mentions[i].Text, res.Mentions[i].Entity)
		}
	}
	if res.Mentions[4].Entity != "org/us-state-department" {
		t.Errorf("US State Department → %q", res.Mentions[4].Entity)
	}
	if s := res.Facts[0].Subject.Entity; s != "org/russian-foreign-ministry" {
		t.Errorf("\"the foreign ministry\" → %q", s)
	}
}

// Without a country in the name, around it or in the document, a ministry
// stays apart; two countries' ministries in one document never merge.
func TestOrgsOfDifferentCountriesStayApart(t *testing.T) {
	res := mentionsAt("The Russian Foreign Ministry and the Ukrainian Foreign Ministry met. The Foreign Ministry said no.",
		"Russian", "NORP", "Foreign Ministry", "ORG", "Ukrainian", "NORP", "Foreign Ministry", "ORG", "Foreign Ministry", "ORG")
	if err := (Resolver{}).Resolve(context.Background(), res); err != nil {
		t.Fatal(err)
	}
	got := []string{}
	for _, m := range res.Mentions {
		if m.Type == "ORG" {
			got = append(got, m.Entity)
		}
	}
	want := "org/russian-foreign-ministry org/ukrainian-foreign-ministry org/foreign-ministry"
	if strings.Join(got, " ") != want {
		t.Errorf("got %v, want %s", got, want)
	}
	res = mentionsAt("The Foreign Ministry said no.", "Foreign Ministry", "ORG")
	(Resolver{}).Resolve(context.Background(), res)
	if res.Mentions[0].Entity != "org/foreign-ministry" {
		t.Errorf("no country: %q", res.Mentions[0].Entity)
	}
}

// A place the recognizer ran into a person's name is split off it.
func TestPlaceSplitOffPerson(t *testing.T) {
	for _, tc := range []struct {
		text, span, want, place string
		more                    []string
	}{
		{"Russian Ambassador to Washington Anatoly Antonov was recalled.", "Washington Anatoly Antonov", "person/anatoly-antonov", "gpe/washington", nil},
		{"Moscow Anatoly Antonov spoke.", "Moscow Anatoly Antonov", "person/anatoly-antonov", "gpe/moscow", nil},
		// Washington is a given name too: without a preposition before it
		// or the person named elsewhere, the name stays whole.
		{"Washington Anna Berg spoke.", "Washington Anna Berg", "person/washington-anna-berg", "", nil},
		{"Washington Anna Berg spoke. Anna Berg left.", "Washington Anna Berg", "person/anna-berg", "gpe/washington", []string{"Anna Berg", "PERSON"}},
	} {
		res := mentionsAt(tc.text, append([]string{tc.span, "PERSON"}, tc.more...)...)
		if err := (Resolver{}).Resolve(context.Background(), res); err != nil {
			t.Fatal(err)
		}
		if res.Mentions[0].Entity != tc.want {
			t.Errorf("%q: person %q, want %q", tc.text, res.Mentions[0].Entity, tc.want)
		}
		place := ""
		for _, m := range res.Mentions[1:] {
			if m.Type == "GPE" {
				place = m.Entity
			}
		}
		if place != tc.place {
			t.Errorf("%q: place %q, want %q", tc.text, place, tc.place)
		}
	}
}

// A fact's speaker, keyed by the extractor from the name as written,
// follows the entity that name resolved to.
func TestAttributedSpeakerFollowsResolvedEntity(t *testing.T) {
	text := "The Russian Foreign Ministry summoned the envoy. The Foreign Ministry said the envoy was recalled."
	res := mentionsAt(text, "Russian", "NORP", "Foreign Ministry", "ORG", "Foreign Ministry", "ORG")
	ei := strings.Index(text, "the envoy was")
	res.Facts = []extract.Fact{{Subject: extract.Arg{Text: "?", Literal: true}, Predicate: "recall",
		Object: extract.Arg{Text: "the envoy", Start: ei, End: ei + 9, Literal: true}, Attributed: "org/foreign-ministry"}}
	if err := (Resolver{}).Resolve(context.Background(), res); err != nil {
		t.Fatal(err)
	}
	var orgs []string
	for _, e := range res.Entities {
		if e.Type == "ORG" {
			orgs = append(orgs, e.Key)
		}
	}
	if len(orgs) != 1 {
		t.Fatalf("ORG entities %v, want one", orgs)
	}
	if got := res.Facts[0].Attributed; got != orgs[0] {
		t.Errorf("Attributed = %q, want the resolved %q", got, orgs[0])
	}
}

// A title with its owner before it and no determiner ("US ambassador")
// denotes the title's holder: it never links to the owner.
func TestBareRoleIsNotItsOwner(t *testing.T) {
	text := "Russia recalled its US ambassador on Wednesday. Russian Ambassador Anatoly Antonov left Washington."
	res := mentionsAt(text, "Russia", "GPE", "US", "GPE", "Russian", "NORP", "Anatoly Antonov", "PERSON", "Washington", "GPE")
	oi := strings.Index(text, "US ambassador")
	res.Facts = []extract.Fact{{Subject: extract.Arg{Text: "Russia", Start: 0, End: 6}, Predicate: "recall",
		Object: extract.Arg{Text: "US ambassador", Start: oi, End: oi + 13}}}
	if err := (Resolver{}).Resolve(context.Background(), res); err != nil {
		t.Fatal(err)
	}
	us := res.Mentions[1].Entity
	if us == "" {
		t.Fatal("US resolved to no entity")
	}
	if got := res.Facts[0].Object.Entity; got == us {
		t.Errorf("the object 'US ambassador' links to the owner %q", got)
	}
}
