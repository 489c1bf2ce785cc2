package schema

import (
	"github.com/factgraph/factgraph/extract"
)

// The JSON Lines contract of `factgraph extract --format jsonl`: one object
// per line, each with "kind". Fields may be added; none is removed or
// renamed.

// DocumentRecord describes one document.
type DocumentRecord struct {
	Kind      string  `json:"kind"` // "document"
	ID        string  `json:"id"`
	IRI       string  `json:"iri"`
	Source    string  `json:"source"`
	Title     string  `json:"title"`
	Date      *string `json:"date"` // YYYY-MM-DD or null
	Publisher string  `json:"publisher"`
	URL       string  `json:"url,omitempty"`
	Hash      string  `json:"hash"`
	Sentences int     `json:"sentences"`
}

// EntityRecord describes an entity as one document names it; records for
// the same entity from several documents share the id.
type EntityRecord struct {
	Kind    string   `json:"kind"` // "entity"
	ID      string   `json:"id"`   // IRI
	Name    string   `json:"name"`
	Type    string   `json:"type"`
	Class   string   `json:"class"` // schema.org class IRI
	Aliases []string `json:"aliases"`
	Docs    []string `json:"docs"`
}

// ArgRecord is a fact argument: {"id","text"} for an entity, {"value"} for
// a literal.
type ArgRecord struct {
	ID    string `json:"id,omitempty"`
	Text  string `json:"text,omitempty"`
	Value string `json:"value,omitempty"`
}

// FactRecord is one fact with its provenance.
type FactRecord struct {
	Kind          string            `json:"kind"` // "fact"
	ID            string            `json:"id"`   // statement IRI
	Doc           string            `json:"doc"`
	Sentence      string            `json:"sentence"`
	SentenceIndex int               `json:"sentence_index"`
	Start         int               `json:"start"` // character offsets of the sentence
	End           int               `json:"end"`
	Subject       ArgRecord         `json:"subject"`
	Predicate     string            `json:"predicate"`
	Relation      string            `json:"relation"` // relation class IRI
	RelationClass string            `json:"relation_class"`
	Object        ArgRecord         `json:"object"`
	Qualifiers    map[string]string `json:"qualifiers"`
	Negated       bool              `json:"negated"`
	AttributedTo  string            `json:"attributed_to,omitempty"`
	Confidence    float64           `json:"confidence"`
	Extractor     string            `json:"extractor,omitempty"`
}

func argRecord(a extract.Arg, known map[string]bool) ArgRecord {
	if a.Entity != "" && known[a.Entity] {
		return ArgRecord{ID: string(EntityIRI(a.Entity)), Text: a.Text}
	}
	return ArgRecord{Value: a.Text}
}

// Records returns the JSON Lines records of one result: the document, its
// entities, then its facts.
func Records(res *extract.Result) []any {
	d := res.Doc
	out := make([]any, 0, 1+len(res.Entities)+len(res.Facts))
	dr := DocumentRecord{
		Kind: "document", ID: d.ID, IRI: string(DocIRI(d.ID)), Source: d.Source,
		Title: d.Title, Publisher: d.Publisher, URL: d.URL, Hash: ContentHash(d),
		Sentences: len(res.Sentences),
	}
	if ds := DateString(d); ds != "" {
		dr.Date = &ds
	}
	out = append(out, dr)
	known := make(map[string]bool, len(res.Entities))
	for _, e := range res.Entities {
		known[e.Key] = true
		aliases := e.Aliases
		if aliases == nil {
			aliases = []string{}
		}
		out = append(out, EntityRecord{
			Kind: "entity", ID: string(EntityIRI(e.Key)), Name: e.Name, Type: e.Type,
			Class: string(EntityClass(e.Type)), Aliases: aliases, Docs: []string{d.ID},
		})
	}
	offs := NewOffsets(d.Text)
	for i := range res.Facts {
		f := &res.Facts[i]
		if f.Sentence < 0 || f.Sentence >= len(res.Sentences) {
			continue
		}
		s := &res.Sentences[f.Sentence]
		q := f.Qualifiers
		if q == nil {
			q = map[string]string{}
		}
		fr := FactRecord{
			Kind: "fact", ID: string(FactIRI(d.ID, FactHash(d.ID, s, f))), Doc: d.ID,
			Sentence: s.Text, SentenceIndex: s.Index, Start: offs.Char(s.Start), End: offs.Char(s.End),
			Subject: argRecord(f.Subject, known), Predicate: f.Predicate,
			Relation: string(RelationIRI(f.Relation)), RelationClass: f.Relation,
			Object: argRecord(f.Object, known), Qualifiers: q, Negated: f.Negated,
			Confidence: f.Confidence, Extractor: f.Extractor,
		}
		if f.Attributed != "" && known[f.Attributed] {
			fr.AttributedTo = string(EntityIRI(f.Attributed))
		}
		out = append(out, fr)
	}
	return out
}
