package schema

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"sort"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/cayleygraph/quad"

	"github.com/factgraph/factgraph/extract"
)

// ContentHash is the hex SHA-256 of a document's text and metadata; a
// rebuild with the same hash has nothing to change.
func ContentHash(d *extract.Document) string {
	h := sha256.New()
	for _, s := range []string{d.ID, d.Title, d.Publisher, d.URL, d.Source, DateString(d), d.Text} {
		fmt.Fprintf(h, "%d:%s;", len(s), s)
	}
	return hex.EncodeToString(h.Sum(nil))
}

// DateString is the document date as YYYY-MM-DD, or "" when unknown.
func DateString(d *extract.Document) string {
	if !d.HasDate() {
		return ""
	}
	return d.Date.Format("2006-01-02")
}

// literal makes a plain string literal that is valid UTF-8.
func literal(s string) quad.String { return quad.String(strings.ToValidUTF8(s, "\uFFFD")) }

// Offsets converts byte offsets in a text into character (code point)
// offsets, the unit of the JSON and graph outputs. Calls with increasing
// offsets are linear in the text length overall.
type Offsets struct {
	text      string
	byteAt    int
	runeCount int
}

// NewOffsets returns a converter for text.
func NewOffsets(text string) *Offsets { return &Offsets{text: text} }

// Char returns the character offset of byte offset b.
func (o *Offsets) Char(b int) int {
	if b < 0 {
		b = 0
	}
	if b > len(o.text) {
		b = len(o.text)
	}
	if b < o.byteAt {
		o.byteAt, o.runeCount = 0, 0
	}
	o.runeCount += utf8.RuneCountInString(o.text[o.byteAt:b])
	o.byteAt = b
	return o.runeCount
}

// FactHash identifies a fact by its content within its document.
func FactHash(docID string, sent *extract.Sentence, f *extract.Fact) string {
	h := sha256.New()
	fmt.Fprintf(h, "%s\x00%d\x00%d\x00", docID, sent.Start, sent.End)
	for _, s := range []string{f.Subject.Entity, f.Subject.Text, f.Predicate, f.Relation, f.Object.Entity, f.Object.Text, f.Attributed, strconv.FormatBool(f.Negated)} {
		fmt.Fprintf(h, "%d:%s\x00", len(s), s)
	}
	keys := make([]string, 0, len(f.Qualifiers))
	for k := range f.Qualifiers {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		fmt.Fprintf(h, "%s=%s\x00", k, f.Qualifiers[k])
	}
	return hex.EncodeToString(h.Sum(nil)[:10])
}

// argValue is the graph value of a fact argument: the entity's IRI, or a
// literal for quoted text and values.
func argValue(a extract.Arg, known map[string]bool) quad.Value {
	if a.Entity != "" && known[a.Entity] {
		return EntityIRI(a.Entity)
	}
	return literal(a.Text)
}

// Quads returns every quad document res contributes, each labelled with the
// document's IRI, sorted and without duplicates.
func Quads(res *extract.Result) []quad.Quad {
	d := res.Doc
	label := DocIRI(d.ID)
	var qs []quad.Quad
	add := func(s quad.Value, p quad.IRI, o quad.Value) {
		qs = append(qs, quad.Quad{Subject: s, Predicate: p, Object: o, Label: label})
	}
	addText := func(s quad.Value, p quad.IRI, text string) {
		if text != "" {
			add(s, p, literal(text))
		}
	}

	// The document.
	add(label, Type, NewsArticle)
	addText(label, Identifier, d.ID)
	addText(label, Headline, d.Title)
	addText(label, Name, displayTitle(d))
	addText(label, DatePublished, DateString(d))
	addText(label, Publisher, d.Publisher)
	addText(label, URL, d.URL)
	addText(label, Source, d.Source)
	add(label, HashProp, literal(ContentHash(d)))

	// Entities, as this document names them.
	known := make(map[string]bool, len(res.Entities))
	for _, e := range res.Entities {
		known[e.Key] = true
		iri := EntityIRI(e.Key)
		add(iri, Type, Entity)
		add(iri, Type, EntityClass(e.Type))
		addText(iri, Name, e.Name)
		addText(iri, EntityType, e.Type)
		for _, a := range e.Aliases {
			addText(iri, AlternateName, a)
		}
		add(iri, MentionedIn, label)
	}

	// Facts: a direct edge and a statement node each.
	offs := NewOffsets(d.Text)
	for i := range res.Facts {
		f := &res.Facts[i]
		if f.Sentence < 0 || f.Sentence >= len(res.Sentences) {
			continue
		}
		sent := &res.Sentences[f.Sentence]
		subj := argValue(f.Subject, known)
		obj := argValue(f.Object, known)
		rel := RelationIRI(f.Relation)
		if _, ok := subj.(quad.IRI); ok {
			// RDF allows no literal subject: a fact whose subject is not an
			// entity ("the report said …") lives only as a statement node.
			add(subj, rel, obj)
		}

		st := FactIRI(d.ID, FactHash(d.ID, sent, f))
		add(st, Type, Statement)
		add(st, StmtSubject, subj)
		add(st, StmtPredicate, rel)
		add(st, StmtObject, obj)
		addText(st, SubjectText, f.Subject.Text)
		addText(st, ObjectText, f.Object.Text)
		addText(st, PredicateText, f.Predicate)
		addText(st, Name, factName(f))
		for k, v := range f.Qualifiers {
			addText(st, Qualifier(k), v)
		}
		add(st, Negated, literal(strconv.FormatBool(f.Negated)))
		add(st, Confidence, literal(strconv.FormatFloat(f.Confidence, 'f', 2, 64)))
		if f.Attributed != "" && known[f.Attributed] {
			add(st, AttributedTo, EntityIRI(f.Attributed))
		}
		addText(st, Extractor, f.Extractor)
		addText(st, SentenceText, sent.Text)
		add(st, SentenceIndex, literal(strconv.Itoa(sent.Index)))
		add(st, Start, literal(strconv.Itoa(offs.Char(sent.Start))))
		add(st, End, literal(strconv.Itoa(offs.Char(sent.End))))
		add(st, DerivedFrom, label)
	}
	return SortQuads(qs)
}

// SortQuads sorts quads by their N-Quads form and drops duplicates.
func SortQuads(qs []quad.Quad) []quad.Quad {
	keys := make([]string, len(qs))
	idx := make([]int, len(qs))
	for i, q := range qs {
		keys[i] = q.NQuad()
		idx[i] = i
	}
	sort.Slice(idx, func(a, b int) bool { return keys[idx[a]] < keys[idx[b]] })
	out := make([]quad.Quad, 0, len(qs))
	prev := ""
	for n, i := range idx {
		if n > 0 && keys[i] == prev {
			continue
		}
		prev = keys[i]
		out = append(out, qs[i])
	}
	return out
}

// displayTitle is the name shown for a document node: its headline, or its
// ID when it has none.
func displayTitle(d *extract.Document) string {
	if d.Title != "" {
		return d.Title
	}
	return d.ID
}

// factName is a short human-readable label of a fact for the UI:
// "Biden –call→ Putin".
func factName(f *extract.Fact) string {
	obj := f.Object.Text
	if len([]rune(obj)) > 60 {
		obj = string([]rune(obj)[:57]) + "…"
	}
	neg := ""
	if f.Negated {
		neg = "not "
	}
	return fmt.Sprintf("%s –%s%s→ %s", f.Subject.Text, neg, f.Predicate, obj)
}
