package resolve

import (
	"context"
	"strings"
	"testing"

	"github.com/factgraph/factgraph/extract"
	"github.com/factgraph/factgraph/extract/ner"
	"github.com/factgraph/factgraph/extract/tokenize"
)

// doc builds a result for text with one mention per (surface, type) pair,
// found in order of appearance.
func mkResult(id, text string, spans ...string) *extract.Result {
	res := &extract.Result{}
	res.Doc = &extract.Document{ID: id, Text: text}
	off := 0
	for i := 0; i+1 < len(spans); i += 2 {
		j := strings.Index(text[off:], spans[i])
		if j < 0 {
			panic("no " + spans[i] + " in text")
		}
		j += off
		res.Mentions = append(res.Mentions, extract.Mention{Start: j, End: j + len(spans[i]), Text: spans[i], Type: spans[i+1]})
		off = j + len(spans[i])
	}
	return res
}

func resolve(t *testing.T, r Resolver, res *extract.Result) map[string]extract.Entity {
	t.Helper()
	if err := r.Resolve(context.Background(), res); err != nil {
		t.Fatal(err)
	}
	m := map[string]extract.Entity{}
	for _, e := range res.Entities {
		m[e.Key] = e
	}
	return m
}

func TestFoldWord(t *testing.T) {
	for in, want := range map[string]string{
		"peskow": "peskov", "peskov": "peskov", "dmitry": "dmitry", "dmitri": "dmitry", "dimitri": "dmitry",
		"navalnyj": "navalny", "navalny": "navalny", "riabkov": "ryabkov", "ryabkov": "ryabkov",
		"sluzki": "slutsky", "slutsky": "slutsky", "lawrow": "lavrov", "lavrov": "lavrov",
		// Names without variants are left alone.
		"anna": "anna", "berg": "berg", "biden": "biden", "psaki": "psaki", "andrew": "andrew",
		"barlow": "barlow", "farrow": "farrow", "giuliani": "giuliani", "maria": "maria",
	} {
		if got := foldWord(in); got != want {
			t.Errorf("foldWord(%q) = %q, want %q", in, got, want)
		}
	}
}

// The transliteration variants of one person, each in its own article,
// get the same key; so do the country forms.
func TestTransliterationAcrossDocuments(t *testing.T) {
	texts := []struct{ text, name string }{
		{"Kremlin spokesman Dmitry Peskov spoke.", "Dmitry Peskov"},
		{"Kremlin spokesman Dmitri Peskov spoke.", "Dmitri Peskov"},
		{"Kremlin spokesman Dimitri Peskow spoke.", "Dimitri Peskow"},
	}
	for i, tc := range texts {
		res := mkResult("d"+string(rune('0'+i)), tc.text, tc.name, "PERSON")
		ents := resolve(t, Resolver{}, res)
		e, ok := ents["person/dmitry-peskov"]
		if !ok || e.Name != "Dmitry Peskov" || len(e.Aliases) != 1 || e.Aliases[0] != tc.name {
			t.Errorf("%s: %+v", tc.name, res.Entities)
		}
	}
	pairs := [][2]string{{"Alexei Navalny", "Alexei Navalnyj"}, {"Sergei Riabkov", "Sergei Ryabkov"}, {"Leonid Sluzki", "Leonid Slutsky"}}
	for _, p := range pairs {
		a := resolve(t, Resolver{}, mkResult("a", p[0]+" spoke.", p[0], "PERSON"))
		b := resolve(t, Resolver{}, mkResult("b", p[1]+" spoke.", p[1], "PERSON"))
		for k := range a {
			if _, ok := b[k]; !ok {
				t.Errorf("%s and %s: keys %v and %v", p[0], p[1], a, b)
			}
		}
	}
	// Within one article the variants are one entity with every spelling.
	res := mkResult("c", "Dmitri Peskov said no. Peskow added more. Navalnyj and Alexei Navalny.",
		"Dmitri Peskov", "PERSON", "Peskow", "GPE", "Navalnyj", "GPE", "Alexei Navalny", "PERSON")
	ents := resolve(t, Resolver{}, res)
	if len(ents) != 2 || len(ents["person/dmitry-peskov"].Aliases) != 2 || len(ents["person/alexei-navalny"].Aliases) != 2 {
		t.Errorf("within-document variants: %+v", res.Entities)
	}
	// Country forms.
	res = mkResult("e", "The US, the U.S., the USA, the United States and America. Russia.",
		"US", "GPE", "U.S.", "GPE", "USA", "GPE", "United States", "GPE", "America", "GPE", "Russia", "GPE")
	ents = resolve(t, Resolver{}, res)
	us := ents["gpe/united-states"]
	if len(ents) != 2 || us.Name != "United States" || len(us.Aliases) != 5 {
		t.Errorf("country forms: %+v", res.Entities)
	}
}

func TestNicknames(t *testing.T) {
	res := mkResult("n", "Joseph Biden arrived. Joe Biden spoke. Jen Psaki and Jennifer Psaki. Tom Reyes met Thomas Reyes.",
		"Joseph Biden", "PERSON", "Joe Biden", "PERSON", "Jen Psaki", "PERSON", "Jennifer Psaki", "PERSON",
		"Tom Reyes", "PERSON", "Thomas Reyes", "PERSON")
	ents := resolve(t, Resolver{}, res)
	if len(ents) != 3 {
		t.Fatalf("nicknames not merged: %+v", res.Entities)
	}
	// A given name that is no nickname of the other keeps them apart.
	res = mkResult("m", "Anna Berg met Olga Berg.", "Anna Berg", "PERSON", "Olga Berg", "PERSON")
	if ents := resolve(t, Resolver{}, res); len(ents) != 2 {
		t.Fatalf("different given names merged: %+v", res.Entities)
	}
}

// Two people with one surname in one article stay apart, and a title
// before the surname says which one is meant.
func TestSameSurnameStaysApart(t *testing.T) {
	text := "Mayor Anna Berg opened the bridge. Her brother, fisherman Olaf Berg, protested. Mayor Berg said the bridge was safe. Berg left."
	res := mkResult("s", text, "Anna Berg", "PERSON", "Olaf Berg", "PERSON", "Berg", "PERSON", "Berg", "PERSON")
	ents := resolve(t, Resolver{}, res)
	if len(ents) != 2 {
		t.Fatalf("entities: %+v", res.Entities)
	}
	if res.Mentions[0].Entity == res.Mentions[1].Entity {
		t.Fatal("Anna Berg and Olaf Berg merged")
	}
	if res.Mentions[2].Entity != "person/anna-berg" {
		t.Errorf("Mayor Berg resolved to %q", res.Mentions[2].Entity)
	}
	if res.Mentions[3].Entity != "" {
		t.Errorf("bare ambiguous Berg resolved to %q", res.Mentions[3].Entity)
	}
}

// Pronouns and role descriptions as fact subjects get the entity they
// denote, with the titles the article gives its persons as evidence.
func TestPronounsAndRoles(t *testing.T) {
	text := "Russian President Vladimir Putin met US President Joe Biden in Geneva. " +
		"Kremlin spokesman Dmitry Peskov called the talks useful. " +
		"He said more talks would follow. " +
		"The Kremlin chief said he was satisfied. " +
		"The American President said: \"We will see.\" " +
		"Russia's ambassador to Washington, Anatoly Antonov, was present. The diplomat said little."
	rec, err := ner.Default()
	if err != nil {
		t.Fatal(err)
	}
	res := &extract.Result{}
	res.Doc = &extract.Document{ID: "p", Text: text}
	res.Sentences = tokenize.Default().Split(text)
	if err := rec.Recognize(context.Background(), &res.Analysis); err != nil {
		t.Fatal(err)
	}
	arg := func(s string, nth int) extract.Arg {
		off := 0
		for i := 0; ; i++ {
			j := strings.Index(text[off:], s)
			if j < 0 {
				t.Fatalf("no %q", s)
			}
			if i == nth {
				return extract.Arg{Text: s, Start: off + j, End: off + j + len(s)}
			}
			off += j + len(s)
		}
	}
	quote := extract.Arg{Text: "q", Literal: true}
	res.Facts = []extract.Fact{
		{Subject: arg("He", 0), Object: quote},
		{Subject: arg("The Kremlin chief", 0), Object: quote},
		{Subject: arg("The American President", 0), Object: quote},
		{Subject: arg("The diplomat", 0), Object: quote},
		{Subject: arg("he", 0), Object: quote},
	}
	// arg("he") must find the word, not the "he" of "the".
	if j := strings.Index(text, " he was"); j > 0 {
		res.Facts[4].Subject = extract.Arg{Text: "he", Start: j + 1, End: j + 3}
	}
	resolve(t, Resolver{}, res)
	want := []string{"person/dmitry-peskov", "person/vladimir-putin", "person/joe-biden", "person/anatoly-antonov", "person/vladimir-putin"}
	for i, w := range want {
		if got := res.Facts[i].Subject.Entity; got != w {
			t.Errorf("%q resolved to %q, want %q", res.Facts[i].Subject.Text, got, w)
		}
	}
	for _, e := range res.Entities {
		if bare(e.Name) || strings.EqualFold(e.Name, "he") {
			t.Errorf("bare role or pronoun as entity: %+v", e)
		}
	}
}

func TestOverrides(t *testing.T) {
	text := "Anna Berg met Tom Reyes."
	build := func(file string) *extract.Result {
		var ov *Overrides
		if file != "" {
			var err error
			if ov, err = ParseOverrides(strings.NewReader(file)); err != nil {
				t.Fatal(err)
			}
		}
		res := mkResult("doc-1", text, "Anna Berg", "PERSON", "Tom Reyes", "PERSON")
		resolve(t, Resolver{Overrides: ov}, res)
		return res
	}
	res := build("merge person/tom-reyes person/thomas-reyes\nname person/thomas-reyes Thomas J. Reyes # preferred\nwikidata person/anna-berg Q42\n")
	if res.Mentions[1].Entity != "person/thomas-reyes" || res.Entities[1].Name != "Thomas J. Reyes" || res.Entities[0].Wikidata != "Q42" {
		t.Errorf("merge/name/wikidata: %+v", res.Entities)
	}
	res = build("split person/anna-berg doc-1\n")
	if res.Mentions[0].Entity != "person/anna-berg-doc-1" {
		t.Errorf("split: %+v", res.Entities)
	}
	res = build("split person/anna-berg other-doc person/anna-berg-2\n")
	if res.Mentions[0].Entity != "person/anna-berg" {
		t.Errorf("split of another document applied: %+v", res.Entities)
	}
	// Removing the lines undoes them.
	res = build("# nothing\n")
	if res.Mentions[0].Entity != "person/anna-berg" || res.Mentions[1].Entity != "person/tom-reyes" {
		t.Errorf("without overrides: %+v", res.Entities)
	}
	for _, bad := range []string{"merge person/a", "frobnicate person/a b", "merge a b", "merge person/a person/b\nmerge person/b person/a"} {
		if _, err := ParseOverrides(strings.NewReader(bad)); err == nil {
			t.Errorf("ParseOverrides(%q) accepted", bad)
		}
	}
}

// fakeIndex is an alias index over a fixed set of entities.
type fakeIndex []Known

func (f fakeIndex) EntitiesByAlias(_ context.Context, key string) ([]Known, error) {
	var out []Known
	for _, k := range f {
		for _, a := range AliasKeys(k.Type, append([]string{k.Name}, k.Aliases...)...) {
			if a == key {
				out = append(out, k)
				break
			}
		}
	}
	return out, nil
}

func TestIndexResolvesPartialNames(t *testing.T) {
	ix := fakeIndex{
		{Key: "person/dmitry-peskov", Name: "Dmitry Peskov", Type: "PERSON", Aliases: []string{"Dmitry Peskov", "Peskov"}, Docs: []string{"a"}},
		{Key: "person/anna-berg", Name: "Anna Berg", Type: "PERSON", Docs: []string{"a"}},
		{Key: "person/olaf-berg", Name: "Olaf Berg", Type: "PERSON", Docs: []string{"b"}},
	}
	res := mkResult("new", "Peskow said so. Berg agreed.", "Peskow", "GPE", "Berg", "PERSON")
	resolve(t, Resolver{Index: ix}, res)
	if res.Mentions[0].Entity != "person/dmitry-peskov" || res.Mentions[0].Type != "PERSON" {
		t.Errorf("Peskow: %+v", res.Mentions[0])
	}
	if res.Mentions[1].Entity == "person/anna-berg" || res.Mentions[1].Entity == "person/olaf-berg" {
		t.Errorf("ambiguous Berg linked to %s", res.Mentions[1].Entity)
	}
}

// TestGivenNameSpellings: one article spelling a given name two ways
// ("Kristin" and "Kristen Wilkins") names one person; names that differ
// by sex at their end ("Mario" and "Maria Rossi") stay two.
func TestGivenNameSpellings(t *testing.T) {
	text := "Curator Kristin Wilkins opened the show. Kristen Wilkins said the prints were donated."
	res := mkResult("s", text, "Kristin Wilkins", "PERSON", "Kristen Wilkins", "PERSON")
	if ents := resolve(t, Resolver{}, res); len(ents) != 1 {
		t.Errorf("Kristin and Kristen Wilkins: %d entities, want 1: %+v", len(ents), res.Entities)
	}
	text = "Mario Rossi and his sister Maria Rossi ran the shop. Daniel Weber met Daniela Weber."
	res = mkResult("s", text, "Mario Rossi", "PERSON", "Maria Rossi", "PERSON", "Daniel Weber", "PERSON", "Daniela Weber", "PERSON")
	if ents := resolve(t, Resolver{}, res); len(ents) != 4 {
		t.Errorf("Mario/Maria Rossi, Daniel/Daniela Weber: %d entities, want 4: %+v", len(ents), res.Entities)
	}
}

func TestNameFlaws(t *testing.T) {
	for _, c := range []struct {
		name  string
		flaws int
	}{
		{"Reagan", 0}, {"OPEC", 0}, {"USDA", 0}, {"McDonald", 0}, {"REAGAN", shouting}, {"NEW YORK", shouting},
		{"Securities and Exchange COmmission", 1}, {"White  House", 2}, {"Bank (of England", 2},
	} {
		if got := nameFlaws(c.name); got != c.flaws {
			t.Errorf("nameFlaws(%q) = %d, want %d", c.name, got, c.flaws)
		}
	}
	if !BetterName("Reagan", 1, "REAGAN", 5) || BetterName("Reagan", 1, "Ronald", 2) || !BetterName("Able", 1, "Baker", 1) {
		t.Error("BetterName order")
	}
}
