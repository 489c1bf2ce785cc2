// Package extract turns articles into facts: it holds the data model shared by
// the reading, NLP and extraction stages, and the pipeline that runs them.
//
// The stages live in sub-packages (read, tokenize, nlp, ner, …); this package
// only defines what flows between them, so that a better tagger, parser or
// relation extractor replaces a stage without touching the graph layer.
package extract

import "time"

// Document is one article as read from an input, before analysis.
type Document struct {
	// ID is stable for the same input: the JSONL "id", or a slug of the
	// file's path relative to the input root.
	ID string `json:"id"`
	// Source names where the document came from (file path, "path:line" for
	// JSON Lines, or "-" for stdin).
	Source    string    `json:"source"`
	Title     string    `json:"title,omitempty"`
	Publisher string    `json:"publisher,omitempty"`
	URL       string    `json:"url,omitempty"`
	Date      time.Time `json:"-"`
	// Text is the article body, UTF-8, with page furniture already removed
	// where it could be recognised at reading time.
	Text string `json:"-"`
}

// HasDate reports whether the document's date is known.
func (d *Document) HasDate() bool { return !d.Date.IsZero() }
