// Package schema is factgraph's vocabulary: the IRIs of documents, entities
// and facts, the classes and relations they use, and how an extraction
// result becomes quads (and JSON records) with its provenance.
//
// Every quad a document contributes carries the document's IRI as its label,
// so that the label answers "which source says this" and deleting or
// rebuilding a document touches exactly its own quads.
package schema

import (
	"github.com/cayleygraph/quad"
)

// Namespaces used by the graph.
const (
	// Base is the root of every IRI factgraph mints.
	Base = "https://factgraph.github.io/"
	// NS is factgraph's own vocabulary (relations and properties).
	NS         = Base + "ns#"
	SchemaOrg  = "http://schema.org/"
	RDF        = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
	RDFS       = "http://www.w3.org/2000/01/rdf-schema#"
	PROV       = "http://www.w3.org/ns/prov#"
	docBase    = Base + "doc/"
	entityBase = Base + "entity/"
	factBase   = Base + "fact/"
)

// Prefixes maps the short prefixes used in queries and documentation to
// their namespaces. They are written into the graph (Cayley's namespace
// quads) so that Gizmo's g.LoadNamespaces() makes g.IRI("fg:said") work.
var Prefixes = []struct{ Prefix, Full string }{
	{"fg:", NS},
	{"doc:", docBase},
	{"ent:", entityBase},
	{"fact:", factBase},
	{"schema:", SchemaOrg},
	{"rdf:", RDF},
	{"rdfs:", RDFS},
	{"prov:", PROV},
}

// Properties and classes.
const (
	Type          = quad.IRI(RDF + "type")
	Statement     = quad.IRI(RDF + "Statement")
	StmtSubject   = quad.IRI(RDF + "subject")
	StmtPredicate = quad.IRI(RDF + "predicate")
	StmtObject    = quad.IRI(RDF + "object")
	Label         = quad.IRI(RDFS + "label")

	// EntityClass marks every entity node, beside its schema.org class.
	Entity        = quad.IRI(NS + "Entity")
	NewsArticle   = quad.IRI(SchemaOrg + "NewsArticle")
	Name          = quad.IRI(SchemaOrg + "name")
	AlternateName = quad.IRI(SchemaOrg + "alternateName")
	Headline      = quad.IRI(SchemaOrg + "headline")
	DatePublished = quad.IRI(SchemaOrg + "datePublished")
	Publisher     = quad.IRI(SchemaOrg + "publisher")
	URL           = quad.IRI(SchemaOrg + "url")
	Identifier    = quad.IRI(SchemaOrg + "identifier")

	// DerivedFrom links a statement to the document it was read from.
	DerivedFrom = quad.IRI(PROV + "wasDerivedFrom")

	Source        = quad.IRI(NS + "source")
	HashProp      = quad.IRI(NS + "contentHash")
	EntityType    = quad.IRI(NS + "entityType")
	MentionedIn   = quad.IRI(NS + "mentionedIn")
	PredicateText = quad.IRI(NS + "predicateText")
	RelationClass = quad.IRI(NS + "relationClass")
	SentenceText  = quad.IRI(NS + "sentence")
	SentenceIndex = quad.IRI(NS + "sentenceIndex")
	Start         = quad.IRI(NS + "start")
	End           = quad.IRI(NS + "end")
	Negated       = quad.IRI(NS + "negated")
	Confidence    = quad.IRI(NS + "confidence")
	AttributedTo  = quad.IRI(NS + "attributedTo")
	Extractor     = quad.IRI(NS + "extractor")
	ObjectText    = quad.IRI(NS + "objectText")
	SubjectText   = quad.IRI(NS + "subjectText")
)

// Qualifier returns the property IRI of a fact qualifier ("complement",
// "time", "place", "recipient", …).
func Qualifier(name string) quad.IRI { return quad.IRI(NS + "q_" + Slug(name)) }

// entityClasses maps recognizer types to schema.org classes.
var entityClasses = map[string]string{
	"PERSON":   "Person",
	"ORG":      "Organization",
	"GPE":      "Country",
	"LOC":      "Place",
	"NORP":     "Audience",
	"EVENT":    "Event",
	"WORK":     "CreativeWork",
	"DATE":     "Date",
	"TIME":     "Time",
	"MONEY":    "MonetaryAmount",
	"PERCENT":  "QuantitativeValue",
	"QUANTITY": "QuantitativeValue",
}

// EntityClass returns the schema.org class of an entity type; unknown
// types map to schema:Thing.
func EntityClass(typ string) quad.IRI {
	if c, ok := entityClasses[typ]; ok {
		return quad.IRI(SchemaOrg + c)
	}
	return quad.IRI(SchemaOrg + "Thing")
}
