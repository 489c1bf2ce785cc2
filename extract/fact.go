package extract

// Arg is a fact's subject or object: either an entity (Entity set to the
// entity's local key) or a literal value (quoted text, a number, a phrase).
type Arg struct {
	Text   string `json:"text"`
	Entity string `json:"entity,omitempty"`
	// Type is the entity type when Entity is set (PERSON, ORG, …).
	Type string `json:"type,omitempty"`
	// Literal marks an argument that is a value, not an entity (a quote).
	Literal bool `json:"literal,omitempty"`
	// Start and End locate the argument's text in the document (byte
	// offsets) when it is a span of it; both 0 otherwise. The resolver uses
	// them to find the mention behind the argument.
	Start int `json:"-"`
	End   int `json:"-"`
	// Pronoun is the person pronoun the argument stands for in its
	// sentence ("him", at byte offset PronounAt) when an extractor resolved
	// it to the person in Text; empty otherwise.
	Pronoun   string `json:"-"`
	PronounAt int    `json:"-"`
}

// Fact is one subject–predicate–object statement read from one sentence.
type Fact struct {
	Sentence int `json:"sentence"` // index into Analysis.Sentences
	Subject  Arg `json:"subject"`
	// Predicate is the normalised predicate phrase (lemma plus particle,
	// e.g. "order back", "say").
	Predicate string `json:"predicate"`
	// Relation is the relation class name from the schema vocabulary
	// (e.g. "statement", "criticism"); the schema package turns it into an IRI.
	Relation   string            `json:"relation"`
	Object     Arg               `json:"object"`
	Qualifiers map[string]string `json:"qualifiers,omitempty"`
	Negated    bool              `json:"negated,omitempty"`
	// Attributed is set when the fact is asserted by a speaker inside a
	// quote or reported speech rather than by the article itself; it holds
	// the speaker's local entity key.
	Attributed string  `json:"attributed,omitempty"`
	Confidence float64 `json:"confidence"`
	// Extractor names the component that produced the fact.
	Extractor string `json:"extractor,omitempty"`
}

// Entity is a real-world thing a document mentions, keyed locally within the
// result. The resolver assigns Key; the schema layer turns it into an IRI.
type Entity struct {
	Key     string   `json:"key"`
	Name    string   `json:"name"`
	Type    string   `json:"type"`
	Aliases []string `json:"aliases,omitempty"`
	// Wikidata is the entity's Wikidata ID ("Q7747") when the user's
	// entities file gives one.
	Wikidata string `json:"wikidata,omitempty"`
}

// Result is everything extracted from one document.
type Result struct {
	Analysis
	Entities []Entity
	Facts    []Fact
}
