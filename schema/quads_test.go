package schema

import (
	"strings"
	"testing"

	"github.com/cayleygraph/quad"

	"github.com/factgraph/factgraph/extract"
)

func testResult() *extract.Result {
	text := "“The bridge will open,” the report said. Anna Berg met Tom Reyes."
	res := &extract.Result{}
	res.Doc = &extract.Document{ID: "news/a b<c>", Title: "Bridge", Source: "a.txt", Text: text}
	res.Sentences = []extract.Sentence{{Index: 0, Start: 0, End: 43, Text: text[:43]}, {Index: 1, Start: 44, End: len(text), Text: text[44:]}}
	res.Entities = []extract.Entity{{Key: "person/anna-berg", Name: "Anna Berg", Type: "PERSON", Aliases: []string{"Anna Berg"}}, {Key: "person/tom-reyes", Name: "Tom Reyes", Type: "PERSON"}}
	res.Facts = []extract.Fact{
		{Sentence: 0, Subject: extract.Arg{Text: "the report"}, Predicate: "say", Relation: "statement", Object: extract.Arg{Text: "The bridge will open", Literal: true}, Confidence: 0.6},
		{Sentence: 1, Subject: extract.Arg{Text: "Anna Berg", Entity: "person/anna-berg"}, Predicate: "meet", Relation: "consultation", Object: extract.Arg{Text: "Tom Reyes", Entity: "person/tom-reyes"}, Qualifiers: map[string]string{"time": "2024-05-14"}, Confidence: 0.8},
	}
	return res
}

func TestQuadsAreValidRDF(t *testing.T) {
	qs := Quads(testResult())
	label := DocIRI("news/a b<c>")
	if !ValidIRI(string(label)) {
		t.Fatalf("document IRI is not a valid IRI: %s", label)
	}
	direct := 0
	for _, q := range qs {
		if _, ok := q.Subject.(quad.IRI); !ok {
			t.Errorf("subject is not an IRI: %s", q.NQuad())
		}
		if q.Label != label {
			t.Errorf("quad without the document label: %s", q.NQuad())
		}
		for _, v := range []quad.Value{q.Subject, q.Predicate, q.Object} {
			if iri, ok := v.(quad.IRI); ok && !ValidIRI(string(iri)) {
				t.Errorf("invalid IRI %q", iri)
			}
		}
		if q.Predicate == RelationIRI("consultation") {
			direct++
			if q.Subject != EntityIRI("person/anna-berg") || q.Object != EntityIRI("person/tom-reyes") {
				t.Errorf("direct edge: %s", q.NQuad())
			}
		}
	}
	if direct != 1 {
		t.Errorf("%d direct edges for the entity fact, want 1", direct)
	}
	// The literal-subject fact is still a statement, with its text.
	var n string
	for _, q := range qs {
		n += q.NQuad() + "\n"
	}
	if !strings.Contains(n, `"the report"`) || !strings.Contains(n, `<https://factgraph.github.io/ns#q_time> "2024-05-14"`) {
		t.Errorf("statement details missing:\n%s", n)
	}
	// Deterministic: the same result gives the same quads.
	again := Quads(testResult())
	if len(again) != len(qs) {
		t.Fatal("quads differ between calls")
	}
	for i := range qs {
		if qs[i] != again[i] {
			t.Fatalf("quad %d differs: %v vs %v", i, qs[i], again[i])
		}
	}
}

func TestDocIRIRoundTrip(t *testing.T) {
	for _, id := range []string{"seeds/000_5934c2a2c18d2cab", "a b<c>", "ümlaut/ß", "100%", ""} {
		if got := DocID(DocIRI(id)); got != id {
			t.Errorf("DocID(DocIRI(%q)) = %q", id, got)
		}
		if !ValidIRI(string(DocIRI(id))) {
			t.Errorf("DocIRI(%q) = %q is not a valid IRI", id, DocIRI(id))
		}
	}
	if Slug("  Dmitry  Peskov! ") != "dmitry-peskov" || Slug("***") != "x" {
		t.Errorf("Slug: %q %q", Slug("  Dmitry  Peskov! "), Slug("***"))
	}
}

func TestRecordsMatchContract(t *testing.T) {
	recs := Records(testResult())
	if len(recs) != 1+2+2 {
		t.Fatalf("%d records", len(recs))
	}
	doc := recs[0].(DocumentRecord)
	if doc.Kind != "document" || doc.Date != nil || doc.ID != "news/a b<c>" {
		t.Errorf("document record: %+v", doc)
	}
	f := recs[3].(FactRecord)
	if f.Subject.Value != "the report" || f.Subject.ID != "" || f.Object.Value == "" || f.Start != 0 || f.End != 39 { // characters, not bytes: “ and ” are 3 bytes each
		t.Errorf("literal fact record: %+v", f)
	}
	g := recs[4].(FactRecord)
	if g.Subject.ID != string(EntityIRI("person/anna-berg")) || g.Start != 40 || g.RelationClass != "consultation" {
		t.Errorf("entity fact record: %+v", g)
	}
}
