package extract

// Token is one word of a sentence. Start and End are byte offsets into the
// document text; the fields after them are filled by whichever NLP stages ran.
type Token struct {
	Text  string `json:"text"`
	Start int    `json:"start"`
	End   int    `json:"end"`
	// SpaceAfter is false when the next token follows without white space.
	SpaceAfter bool `json:"-"`

	UPOS  string `json:"upos,omitempty"`
	XPOS  string `json:"xpos,omitempty"`
	Lemma string `json:"lemma,omitempty"`
	// Head is the 1-based index of the syntactic head within the sentence,
	// 0 for the root, -1 when the sentence was not parsed.
	Head   int    `json:"head"`
	DepRel string `json:"deprel,omitempty"`
	// NER is the entity tag in BIO form ("B-PERSON", "I-GPE", "O"), empty
	// when no recognizer ran.
	NER string `json:"ner,omitempty"`
}

// Sentence is a span of the document text with its tokens. Start and End
// are byte offsets into the document text.
type Sentence struct {
	Index  int     `json:"index"`
	Start  int     `json:"start"`
	End    int     `json:"end"`
	Text   string  `json:"text"`
	Tokens []Token `json:"tokens,omitempty"`
	// Furniture marks page furniture (navigation, comment prompts, "also
	// read" links) that must yield no facts.
	Furniture bool `json:"furniture,omitempty"`
}

// Mention is a span of text that names (or refers to) an entity.
type Mention struct {
	Sentence int    `json:"sentence"`
	Start    int    `json:"start"` // byte offset in the document text
	End      int    `json:"end"`
	Text     string `json:"text"`
	Type     string `json:"type"` // PERSON, ORG, GPE, LOC, NORP, EVENT, WORK, DATE, ...
	// Value is the normalised value of a DATE, TIME, MONEY, PERCENT or
	// QUANTITY mention ("2021-03-17"), or the GPE a NORP points at.
	Value string `json:"value,omitempty"`
	// Entity is the local key of the entity this mention was resolved to.
	Entity string `json:"entity,omitempty"`
}

// Analysis is a document after segmentation and whatever NLP ran on it.
type Analysis struct {
	Doc       *Document
	Sentences []Sentence
	Mentions  []Mention
}
