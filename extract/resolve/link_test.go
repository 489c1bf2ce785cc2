package resolve

import (
	"context"
	"strings"
	"testing"

	"github.com/factgraph/factgraph/extract"
)

// memIndex is an Index over fixed entities.
type memIndex []Known

func (m memIndex) EntitiesByAlias(_ context.Context, key string) ([]Known, error) {
	var out []Known
	for _, k := range m {
		for _, a := range AliasKeys(k.Type, append([]string{k.Name}, k.Aliases...)...) {
			if a == key {
				out = append(out, k)
				break
			}
		}
	}
	return out, nil
}

// docWith is a one-document result with the given PERSON mentions.
func docWith(id, text string, names ...string) *extract.Result {
	res := &extract.Result{}
	res.Doc = &extract.Document{ID: id, Text: text}
	for _, n := range names {
		i := strings.Index(text, n)
		res.Mentions = append(res.Mentions, extract.Mention{Start: i, End: i + len(n), Text: n, Type: "PERSON"})
	}
	return res
}

func keysOf(res *extract.Result) string {
	var ks []string
	for _, e := range res.Entities {
		ks = append(ks, e.Key)
	}
	return strings.Join(ks, " ")
}

func TestLinkAgainstStore(t *testing.T) {
	ctx := context.Background()
	peskov := Known{Key: "person/dmitry-peskov", Name: "Dmitry Peskov", Type: "PERSON", Aliases: []string{"Dmitri Peskov"}, Docs: []string{"a"}}
	biden := Known{Key: "person/joe-biden", Name: "Joe Biden", Type: "PERSON", Aliases: []string{"Joe Biden"}, Docs: []string{"a"}}
	ix := memIndex{peskov, biden}
	for _, tc := range []struct {
		name, text string
		mentions   []string
		ix         memIndex
		want       string
	}{
		{"lone surname", "Peskow said no.", []string{"Peskow"}, ix, "person/dmitry-peskov"},
		{"nickname variant", "Joseph Biden spoke.", []string{"Joseph Biden"}, ix, "person/joe-biden"},
		{"other given name", "Hunter Biden spoke.", []string{"Hunter Biden"}, ix, "person/hunter-biden"},
		{"two candidates", "Biden spoke.", []string{"Biden"}, memIndex{biden, {Key: "person/jill-biden", Name: "Jill Biden", Type: "PERSON", Docs: []string{"c"}}}, "person/biden"},
		{"own previous build only", "Peskow said no.", []string{"Peskow"}, memIndex{{Key: "person/dmitry-peskov", Name: "Dmitry Peskov", Type: "PERSON", Docs: []string{"b"}}}, "person/peskov"},
		{"own previous decision kept", "Peskow said no.", []string{"Peskow"}, memIndex{peskov, {Key: "person/peskov", Name: "Peskov", Type: "PERSON", Aliases: []string{"Peskow"}, Docs: []string{"b"}}}, "person/peskov"},
		{"surname with a particle", "De Clercq said no.", []string{"De Clercq"}, memIndex{{Key: "person/willy-de-clercq", Name: "Willy De Clercq", Type: "PERSON", Docs: []string{"a"}}}, "person/willy-de-clercq"},
		{"surname without its particle", "Weizsaecker said no.", []string{"Weizsaecker"}, memIndex{{Key: "person/richard-von-weizsaecker", Name: "Richard von Weizsaecker", Type: "PERSON", Docs: []string{"a"}}}, "person/richard-von-weizsaecker"},
		{"particle of another surname", "De Vries said no.", []string{"De Vries"}, memIndex{{Key: "person/willy-de-clercq", Name: "Willy De Clercq", Type: "PERSON", Docs: []string{"a"}}}, "person/de-vries"},
		{"a word other articles give an organisation", "Ford said no.", []string{"Ford"}, memIndex{
			{Key: "person/ford-europe", Name: "Ford Europe", Type: "PERSON", Aliases: []string{"Ford"}, Docs: []string{"a"}},
			{Key: "org/ford-motor", Name: "Ford Motor Co", Type: "ORG", Aliases: []string{"Ford"}, Docs: []string{"c"}}}, "person/ford"},
		{"a word other articles give a place", "Houston said no.", []string{"Houston"}, memIndex{
			{Key: "person/donald-houston", Name: "Donald Houston", Type: "PERSON", Docs: []string{"a"}},
			{Key: "gpe/houston", Name: "Houston", Type: "GPE", Docs: []string{"c"}}}, "person/houston"},
		{"one letter", "P said no.", []string{"P"}, memIndex{{Key: "person/marika-p", Name: "Marika P", Type: "PERSON", Docs: []string{"a"}}}, "person/p"},
		{"a company's name typed as a person's", "Merrill Lynch said no.", []string{"Merrill Lynch"},
			memIndex{{Key: "org/merrill-lynch", Name: "Merrill Lynch and Co Inc", Type: "ORG", Docs: []string{"a"}}}, "org/merrill-lynch"},
		{"an organisation without a legal form", "Barber Conable said no.", []string{"Barber Conable"},
			memIndex{{Key: "org/barber-conable", Name: "Barber Conable", Type: "ORG", Docs: []string{"a"}}}, "person/barber-conable"},
		{"own previous link kept", "Biden said no.", []string{"Biden"}, memIndex{{Key: "person/joe-biden", Name: "Joe Biden", Type: "PERSON", Docs: []string{"a", "b"}}, {Key: "person/jill-biden", Name: "Jill Biden", Type: "PERSON", Docs: []string{"c"}}}, "person/joe-biden"},
	} {
		res := docWith("b", tc.text, tc.mentions...)
		p, err := (Resolver{}).Prepare(ctx, res)
		if err != nil {
			t.Fatal(err)
		}
		before := keysOf(res)
		changed, err := p.Link(ctx, tc.ix)
		if err != nil {
			t.Fatal(err)
		}
		if got := keysOf(res); got != tc.want {
			t.Errorf("%s: entities %q, want %q", tc.name, got, tc.want)
		}
		if changed != (before != tc.want) {
			t.Errorf("%s: changed %v (before %q)", tc.name, changed, before)
		}
		if res.Mentions[0].Entity != tc.want {
			t.Errorf("%s: mention → %q", tc.name, res.Mentions[0].Entity)
		}
		// Resolve with the index does the same in one call.
		res2 := docWith("b", tc.text, tc.mentions...)
		if err := (Resolver{Index: tc.ix}).Resolve(ctx, res2); err != nil || keysOf(res2) != tc.want {
			t.Errorf("%s: Resolve with Index: %q, %v", tc.name, keysOf(res2), err)
		}
	}
}

// A fact whose subject is a lone surname carries the linked key.
func TestLinkRelinksFacts(t *testing.T) {
	ctx := context.Background()
	res := docWith("b", "Peskow said no.", "Peskow")
	res.Facts = []extract.Fact{{Subject: extract.Arg{Text: "Peskow", Start: 0, End: 6}, Predicate: "say", Object: extract.Arg{Text: "no", Literal: true}}}
	p, _ := (Resolver{}).Prepare(ctx, res)
	if res.Facts[0].Subject.Entity != "person/peskov" {
		t.Fatalf("before Link: %q", res.Facts[0].Subject.Entity)
	}
	if _, err := p.Link(ctx, memIndex{{Key: "person/dmitry-peskov", Name: "Dmitry Peskov", Type: "PERSON", Docs: []string{"a"}}}); err != nil {
		t.Fatal(err)
	}
	if res.Facts[0].Subject.Entity != "person/dmitry-peskov" || res.Entities[0].Name != "Dmitry Peskov" {
		t.Errorf("after Link: %q %+v", res.Facts[0].Subject.Entity, res.Entities)
	}
}

// TestAcronyms: an acronym is the organisation its document names in full
// ("SEC" after "Securities and Exchange Commission"), or alone, the one
// stored organisation it abbreviates; a place and an ambiguous acronym stay
// apart.
func TestAcronyms(t *testing.T) {
	ctx := context.Background()
	text := "The Securities and Exchange Commission said the SEC would rule. The US Department of Agriculture said USDA data showed it. The US agreed."
	res := mentionsAt(text, "Securities and Exchange Commission", "ORG", "SEC", "ORG", "US Department of Agriculture", "ORG", "USDA", "ORG", "US", "GPE")
	if err := (Resolver{}).Resolve(ctx, res); err != nil {
		t.Fatal(err)
	}
	if a, b := res.Mentions[0].Entity, res.Mentions[1].Entity; a != "org/securities-and-exchange-commission" || b != a {
		t.Errorf("SEC → %q, its expansion → %q", b, a)
	}
	if a, b := res.Mentions[2].Entity, res.Mentions[3].Entity; a == "" || b != a {
		t.Errorf("USDA → %q, its expansion → %q", b, a)
	}
	if got := res.Mentions[4].Entity; got != "gpe/united-states" {
		t.Errorf("US → %q", got)
	}
	sec := Known{Key: "org/securities-and-exchange-commission", Name: "Securities and Exchange Commission", Type: "ORG", Aliases: []string{"SEC"}, Docs: []string{"a"}}
	sfc := Known{Key: "org/securities-and-futures-commission", Name: "Securities and Futures Commission", Type: "ORG", Aliases: []string{"SFC"}, Docs: []string{"c"}}
	for _, tc := range []struct {
		name, acronym string
		ix            memIndex
		want          string
	}{
		{"stored expansion", "SEC", memIndex{sec, sfc}, "org/securities-and-exchange-commission"},
		{"no expansion stored", "SFX", memIndex{sec, sfc}, "org/sfx"},
		{"two expansions", "SEC", memIndex{sec, {Key: "org/state-election-commission", Name: "State Election Commission", Type: "ORG", Aliases: []string{"SEC"}, Docs: []string{"d"}}}, "org/sec"},
	} {
		res := mentionsAt("Later the "+tc.acronym+" ruled.", tc.acronym, "ORG")
		res.Doc.ID = "b"
		if err := (Resolver{Index: tc.ix}).Resolve(ctx, res); err != nil {
			t.Fatal(err)
		}
		if got := res.Mentions[0].Entity; got != tc.want {
			t.Errorf("%s: %s → %q, want %q", tc.name, tc.acronym, got, tc.want)
		}
	}
}

// TestSurnameParticles: a surname with a particle is one surname, written
// with or without the particle alone, in one document; a last word two
// people share ("Clercq": Willy De Clercq, Hans Clercq) is left unresolved.
func TestSurnameParticles(t *testing.T) {
	text := "Willy De Clercq met Richard von Weizsaecker and Hans Clercq. De Clercq and Weizsaecker talked; Clercq left."
	res := docWith("d", text, "Willy De Clercq", "Richard von Weizsaecker", "Hans Clercq")
	for _, n := range []string{"De Clercq", "Weizsaecker", "Clercq left"} {
		i := strings.Index(text, n)
		w := strings.TrimSuffix(n, " left")
		res.Mentions = append(res.Mentions, extract.Mention{Start: i, End: i + len(w), Text: w, Type: "PERSON"})
	}
	if err := (Resolver{}).Resolve(context.Background(), res); err != nil {
		t.Fatal(err)
	}
	want := []string{"person/willy-de-clercq", "person/richard-von-weizsaecker", "person/hans-clercq",
		"person/willy-de-clercq", "person/richard-von-weizsaecker", ""}
	for i, w := range want {
		if got := res.Mentions[i].Entity; got != w {
			t.Errorf("%q → %q, want %q", res.Mentions[i].Text, got, w)
		}
	}
}

// A one-word name the recognizer typed a place keeps the place that other
// articles share rather than join a person whose surname it is ("Europe"
// had joined "Ford Europe").
func TestLoneWordKeepsSharedPlace(t *testing.T) {
	ctx := context.Background()
	res := docWith("b", "Europe grew.", "Europe")
	res.Mentions[0].Type = "LOC"
	ix := memIndex{
		{Key: "person/ford-europe", Name: "Ford Europe", Type: "PERSON", Docs: []string{"a"}},
		{Key: "loc/europe", Name: "Europe", Type: "LOC", Docs: []string{"c"}},
	}
	if err := (Resolver{Index: ix}).Resolve(ctx, res); err != nil {
		t.Fatal(err)
	}
	if got := res.Mentions[0].Entity; got != "loc/europe" {
		t.Errorf("Europe → %q", got)
	}
}
