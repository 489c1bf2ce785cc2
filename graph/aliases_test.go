package graph

import (
	"context"
	"fmt"
	"strings"
	"testing"

	"github.com/factgraph/factgraph/extract"
	"github.com/factgraph/factgraph/extract/resolve"
	"github.com/factgraph/factgraph/queries"
	"github.com/factgraph/factgraph/schema"
)

func writeDoc(t *testing.T, st *Store, id, text string, mentions ...extract.Mention) {
	t.Helper()
	res := &extract.Result{}
	res.Doc = &extract.Document{ID: id, Text: text}
	res.Mentions = mentions
	if err := (resolve.Resolver{}).Resolve(context.Background(), res); err != nil {
		t.Fatal(err)
	}
	if _, err := st.ReplaceLabel(context.Background(), schema.DocIRI(id), schema.Quads(res)); err != nil {
		t.Fatal(err)
	}
}

func TestAliasIndexAndEntities(t *testing.T) {
	ctx := context.Background()
	st, _ := openTemp(t, Memory)
	writeDoc(t, st, "a", "Dmitri Peskov met Anna Berg.",
		extract.Mention{Start: 0, End: 13, Text: "Dmitri Peskov", Type: "PERSON"},
		extract.Mention{Start: 18, End: 27, Text: "Anna Berg", Type: "PERSON"})
	writeDoc(t, st, "b", "Dimitri Peskow and the U.S.",
		extract.Mention{Start: 0, End: 14, Text: "Dimitri Peskow", Type: "PERSON"},
		extract.Mention{Start: 23, End: 27, Text: "U.S.", Type: "GPE"})

	ents, err := st.Entities(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if len(ents) != 3 {
		t.Fatalf("entities: %+v", ents)
	}
	p := ents[2]
	if p.Key != "person/dmitry-peskov" || p.Name() != "Dmitry Peskov" || len(p.Aliases) != 2 || len(p.Docs) != 2 {
		t.Errorf("Peskov: %+v", p)
	}

	ix, err := st.AliasIndex(ctx)
	if err != nil {
		t.Fatal(err)
	}
	var r resolve.Index = ix // the resolver's interface
	for key, want := range map[string]string{
		resolve.AliasKey("PERSON", "Peskow"):        "person/dmitry-peskov",
		resolve.AliasKey("PERSON", "Dmitry Peskov"): "person/dmitry-peskov",
		resolve.AliasKey("PERSON", "Berg"):          "person/anna-berg",
		resolve.AliasKey("GPE", "US"):               "gpe/united-states",
	} {
		got, err := r.EntitiesByAlias(ctx, key)
		if err != nil || len(got) != 1 || got[0].Key != want {
			t.Errorf("EntitiesByAlias(%q) = %+v, %v; want %s", key, got, err, want)
		}
	}
	if got, _ := r.EntitiesByAlias(ctx, "nobody"); len(got) != 0 {
		t.Errorf("unknown alias: %+v", got)
	}
}

// Add replaces a document's contribution: entities it alone named go, the
// others lose it from their documents.
func TestAliasIndexAddReplaces(t *testing.T) {
	ctx := context.Background()
	ix := NewAliasIndex()
	peskov := extract.Entity{Key: "person/dmitry-peskov", Name: "Dmitry Peskov", Type: "PERSON", Aliases: []string{"Dmitri Peskov"}}
	ix.Add("a", []extract.Entity{peskov})
	ix.Add("b", []extract.Entity{{Key: "person/dmitry-peskov", Name: "Dmitry Peskov", Type: "PERSON", Aliases: []string{"Peskow"}}, {Key: "gpe/russia", Name: "Russia", Type: "GPE", Aliases: []string{"Russia"}}})
	got, _ := ix.EntitiesByAlias(ctx, "peskov")
	if len(got) != 1 || strings.Join(got[0].Docs, ",") != "a,b" || strings.Join(got[0].Aliases, ",") != "Dmitri Peskov,Peskow" {
		t.Fatalf("after a, b: %+v", got)
	}
	ix.Add("b", []extract.Entity{{Key: "person/dmitry-peskov", Name: "Dmitry Peskov", Type: "PERSON", Aliases: []string{"Dmitry Peskov"}}})
	got, _ = ix.EntitiesByAlias(ctx, "peskov")
	if len(got) != 1 || strings.Join(got[0].Aliases, ",") != "Dmitri Peskov,Dmitry Peskov" {
		t.Errorf("b rebuilt: %+v", got)
	}
	if got, _ := ix.EntitiesByAlias(ctx, "russia"); len(got) != 0 || ix.Len() != 1 {
		t.Errorf("Russia of b's previous build is still indexed: %+v", got)
	}
	ix.Add("a", nil)
	ix.Add("b", nil)
	if ix.Len() != 0 || len(ix.byAlias) != 0 {
		t.Errorf("empty index holds %d entities, %d keys", ix.Len(), len(ix.byAlias))
	}
}

// The canonical name of an entity is its best-written name, then the one
// most documents give: not the headline's capitals that sort first.
func TestPreferredNames(t *testing.T) {
	ctx := context.Background()
	ix := NewAliasIndex()
	org := func(name string) []extract.Entity {
		return []extract.Entity{{Key: "org/sec", Name: name, Type: "ORG", Aliases: []string{"SEC"}}}
	}
	ix.Add("a", org("SECURITIES AND EXCHANGE COMMISSION"))
	ix.Add("b", org("Securities and Exchange COmmission"))
	ix.Add("c", org("Securities and Exchange Commission"))
	ix.Add("d", org("Securities and Exchange Commision"))
	ix.Add("e", org("Securities and Exchange Commision"))
	got, _ := ix.EntitiesByAlias(ctx, "sec")
	if len(got) != 1 || got[0].Name != "Securities and Exchange Commision" {
		t.Errorf("the name two documents give: %+v", got)
	}
	ix.Add("e", org("Securities and Exchange Commission"))
	got, _ = ix.EntitiesByAlias(ctx, "sec")
	if len(got) != 1 || got[0].Name != "Securities and Exchange Commission" {
		t.Errorf("tie between clean names, sort order: %+v", got)
	}

	st, _ := openTemp(t, Memory)
	writeDoc(t, st, "a", "REAGAN SPEAKS", extract.Mention{Start: 0, End: 6, Text: "REAGAN", Type: "PERSON"})
	writeDoc(t, st, "b", "NEW YORK, March 3", extract.Mention{Start: 0, End: 8, Text: "NEW YORK", Type: "GPE"})
	writeDoc(t, st, "c", "In New York today", extract.Mention{Start: 3, End: 11, Text: "New York", Type: "GPE"})
	ents, err := st.Entities(ctx)
	if err != nil {
		t.Fatal(err)
	}
	names := map[string]string{}
	for _, e := range ents {
		names[e.Key] = strings.Join(e.Names, "|")
	}
	if names["person/reagan"] != "Reagan" || names["gpe/new-york"] != "New York|NEW YORK" {
		t.Errorf("names: %v", names)
	}

	// Between clean names, the one more documents give comes first.
	st2, _ := openTemp(t, Memory)
	for i, name := range []string{"Zeta Group Ltd", "Zeta Group Inc", "Zeta Group Ltd"} {
		writeDoc(t, st2, fmt.Sprint(i), name+" said", extract.Mention{Start: 0, End: len(name), Text: name, Type: "ORG"})
	}
	ents, err = st2.Entities(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if len(ents) != 1 || strings.Join(ents[0].Names, "|") != "Zeta Group Ltd|Zeta Group Inc" {
		t.Errorf("names by documents: %+v", ents)
	}
}

// The prelude's nameOf, which the UI's canned queries use, shows the
// preferred name too.
func TestPreludeNameOf(t *testing.T) {
	ctx := context.Background()
	st, _ := openTemp(t, Memory)
	for i, name := range []string{"FORD MOTOR CO", "Ford Motor Co", "FORD MOTOR CO"} {
		writeDoc(t, st, fmt.Sprint(i), name+" said", extract.Mention{Start: 0, End: len(name), Text: name, Type: "ORG"})
	}
	writeDoc(t, st, "d", "NEW YORK, March 3", extract.Mention{Start: 0, End: 8, Text: "NEW YORK", Type: "GPE"})
	q := queries.Prelude() + "\ng.Emit(nameOf(\"<" + string(schema.EntityIRI("org/ford-motor")) + ">\"));" +
		"g.Emit(nameOf(\"<" + string(schema.EntityIRI("gpe/new-york")) + ">\"));"
	got, err := st.Query(ctx, "gizmo", q, 10)
	if err != nil {
		t.Fatal(err)
	}
	if fmt.Sprint(got) != "[Ford Motor Co NEW YORK]" {
		t.Errorf("nameOf: %v", got)
	}
}
