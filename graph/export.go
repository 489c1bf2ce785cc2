package graph

import (
	"bufio"
	"context"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"io"
	"strings"

	"github.com/cayleygraph/quad"
	"github.com/cayleygraph/quad/graphml"
	"github.com/cayleygraph/quad/jsonld"
	_ "github.com/cayleygraph/quad/nquads" // registers "nquads" for /api/v2/read
)

// ExportFormats lists the formats Export writes.
var ExportFormats = []string{"nquads", "jsonld", "graphml", "csv", "jsonl"}

// Export writes the whole graph to w in format. N-Quads, CSV and JSON Lines
// stream; JSON-LD and GraphML are assembled in memory by their writers.
func (s *Store) Export(ctx context.Context, w io.Writer, format string) (int, error) {
	bw := bufio.NewWriterSize(w, 1<<16)
	n := 0
	var err error
	switch format {
	case "nquads", "nq":
		err = s.EachQuad(ctx, func(q quad.Quad) error {
			n++
			_, err := bw.WriteString(NQuad(q))
			return err
		})
	case "jsonl":
		enc := json.NewEncoder(bw)
		err = s.EachQuad(ctx, func(q quad.Quad) error {
			n++
			return enc.Encode(quadRecord(q))
		})
	case "csv":
		cw := csv.NewWriter(bw)
		_ = cw.Write([]string{"subject", "predicate", "object", "object_kind", "label"})
		err = s.EachQuad(ctx, func(q quad.Quad) error {
			n++
			kind := "literal"
			if _, ok := q.Object.(quad.IRI); ok {
				kind = "iri"
			} else if _, ok := q.Object.(quad.BNode); ok {
				kind = "bnode"
			}
			return cw.Write([]string{plain(q.Subject), plain(q.Predicate), plain(q.Object), kind, plain(q.Label)})
		})
		cw.Flush()
		if err == nil {
			err = cw.Error()
		}
	case "jsonld", "graphml":
		var qw quad.WriteCloser
		if format == "jsonld" {
			qw = jsonld.NewWriter(bw)
		} else {
			qw = graphml.NewWriter(bw)
		}
		err = s.EachQuad(ctx, func(q quad.Quad) error {
			n++
			return qw.WriteQuad(q)
		})
		if cerr := qw.Close(); err == nil {
			err = cerr
		}
	default:
		return 0, fmt.Errorf("unknown export format %q (choose one of %s)", format, strings.Join(ExportFormats, ", "))
	}
	if err != nil {
		return n, fmt.Errorf("export %s: %w", format, err)
	}
	if err := bw.Flush(); err != nil {
		return n, fmt.Errorf("export %s: %w", format, err)
	}
	return n, nil
}

// plain renders a value without N-Quads punctuation: the IRI itself or the
// literal's text.
func plain(v quad.Value) string {
	switch v := v.(type) {
	case nil:
		return ""
	case quad.IRI:
		return string(v)
	case quad.String:
		return string(v)
	case quad.TypedString:
		return string(v.Value)
	case quad.LangString:
		return string(v.Value)
	case quad.BNode:
		return "_:" + string(v)
	}
	return fmt.Sprint(v.Native())
}

type jsonQuad struct {
	Subject   string `json:"subject"`
	Predicate string `json:"predicate"`
	Object    string `json:"object"`
	ObjectIRI bool   `json:"object_is_iri"`
	Label     string `json:"label,omitempty"`
}

func quadRecord(q quad.Quad) jsonQuad {
	_, iri := q.Object.(quad.IRI)
	return jsonQuad{Subject: plain(q.Subject), Predicate: plain(q.Predicate), Object: plain(q.Object), ObjectIRI: iri, Label: plain(q.Label)}
}

// NQuad formats q as one N-Quads line. Unlike Cayley's writer it escapes
// IRIs: characters N-Quads forbids inside <…> become \uXXXX escapes, so no
// stored value can break the line or inject a quad.
func NQuad(q quad.Quad) string {
	var b strings.Builder
	writeTerm(&b, q.Subject)
	b.WriteByte(' ')
	writeTerm(&b, q.Predicate)
	b.WriteByte(' ')
	writeTerm(&b, q.Object)
	if q.Label != nil {
		b.WriteByte(' ')
		writeTerm(&b, q.Label)
	}
	b.WriteString(" .\n")
	return b.String()
}

func writeTerm(b *strings.Builder, v quad.Value) {
	switch v := v.(type) {
	case quad.IRI:
		writeIRI(b, string(v))
	case quad.BNode:
		b.WriteString("_:")
		for _, r := range string(v) {
			if r < 0x80 && (r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' || r == '_' || r == '-') {
				b.WriteRune(r)
			} else {
				fmt.Fprintf(b, "x%X", r)
			}
		}
	case quad.String:
		writeString(b, string(v))
	case quad.LangString:
		writeString(b, string(v.Value))
		b.WriteByte('@')
		b.WriteString(v.Lang)
	case quad.TypedString:
		writeString(b, string(v.Value))
		b.WriteString("^^")
		writeIRI(b, string(v.Type))
	case interface{ TypedString() quad.TypedString }:
		// Native values (numbers, times, booleans) as typed literals.
		t := v.TypedString()
		t.Type = quad.IRI(t.Type.Full())
		writeTerm(b, t)
	default:
		writeString(b, fmt.Sprint(v.Native()))
	}
}

func writeIRI(b *strings.Builder, s string) {
	b.WriteByte('<')
	for _, r := range strings.ToValidUTF8(s, "\uFFFD") {
		if r <= 0x20 || r == 0x7f || strings.ContainsRune("<>\"{}|^`\\", r) {
			fmt.Fprintf(b, "\\u%04X", r)
			continue
		}
		b.WriteRune(r)
	}
	b.WriteByte('>')
}

func writeString(b *strings.Builder, s string) {
	b.WriteByte('"')
	for _, r := range strings.ToValidUTF8(s, "\uFFFD") {
		switch r {
		case '"':
			b.WriteString(`\"`)
		case '\\':
			b.WriteString(`\\`)
		case '\n':
			b.WriteString(`\n`)
		case '\r':
			b.WriteString(`\r`)
		case '\t':
			b.WriteString(`\t`)
		default:
			if r < 0x20 || r == 0x7f {
				fmt.Fprintf(b, "\\u%04X", r)
			} else {
				b.WriteRune(r)
			}
		}
	}
	b.WriteByte('"')
}
