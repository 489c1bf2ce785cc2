package schema

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/cayleygraph/quad"
	"golang.org/x/text/unicode/norm"
)

// maxSlug bounds the length of a slug inside an IRI.
const maxSlug = 120

// Slug turns arbitrary text into a lower-case IRI path segment of letters,
// digits and single dashes: "Dmitry Peskov" → "dmitry-peskov". Accents are
// kept as letters (IRIs allow them); everything N-Quads forbids in an IRI
// (spaces, <>"{}|^`\ and controls) becomes a dash. It never returns "".
func Slug(s string) string {
	s = norm.NFC.String(strings.ToValidUTF8(s, ""))
	var b strings.Builder
	dash := false
	for _, r := range s {
		switch {
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			if dash && b.Len() > 0 {
				b.WriteByte('-')
			}
			dash = false
			b.WriteRune(unicode.ToLower(r))
		default:
			dash = true
		}
		if b.Len() >= maxSlug {
			break
		}
	}
	if b.Len() == 0 {
		return "x"
	}
	return b.String()
}

// idSegment keeps a document ID readable but IRI-safe: letters, digits and
// "._-~" pass, "/" separates path segments, everything else is
// percent-encoded, so distinct IDs give distinct IRIs.
func idSegment(id string) string {
	var b strings.Builder
	for i := 0; i < len(id); {
		r, size := utf8.DecodeRuneInString(id[i:])
		switch {
		case r == utf8.RuneError && size <= 1:
			b.WriteString("%EF%BF%BD")
		case r < 0x80 && (r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' || strings.ContainsRune("._-~/", r)):
			b.WriteRune(r)
		case r >= 0x80 && (unicode.IsLetter(r) || unicode.IsDigit(r)):
			b.WriteRune(r)
		default:
			for j := 0; j < size; j++ {
				b.WriteByte('%')
				b.WriteByte("0123456789ABCDEF"[id[i+j]>>4])
				b.WriteByte("0123456789ABCDEF"[id[i+j]&15])
			}
		}
		i += size
	}
	return b.String()
}

// DocIRI is the IRI of a document, and the label of every quad it
// contributes.
func DocIRI(id string) quad.IRI { return quad.IRI(docBase + idSegment(id)) }

// DocID returns the document ID inside a document IRI, or "" when iri is
// not one.
func DocID(iri quad.IRI) string {
	s := string(iri)
	if !strings.HasPrefix(s, docBase) {
		return ""
	}
	return unescape(s[len(docBase):])
}

func unescape(s string) string {
	if !strings.Contains(s, "%") {
		return s
	}
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		if s[i] == '%' && i+2 < len(s) {
			hi, lo := unhex(s[i+1]), unhex(s[i+2])
			if hi >= 0 && lo >= 0 {
				b.WriteByte(byte(hi<<4 | lo))
				i += 2
				continue
			}
		}
		b.WriteByte(s[i])
	}
	return b.String()
}

func unhex(c byte) int {
	switch {
	case c >= '0' && c <= '9':
		return int(c - '0')
	case c >= 'A' && c <= 'F':
		return int(c-'A') + 10
	case c >= 'a' && c <= 'f':
		return int(c-'a') + 10
	}
	return -1
}

// EntityIRI is the IRI of an entity with the given resolver key. Keys are
// "type/slug" ("person/dmitry-peskov"); anything else is slugged.
func EntityIRI(key string) quad.IRI {
	parts := strings.Split(key, "/")
	for i, p := range parts {
		parts[i] = Slug(p)
	}
	return quad.IRI(entityBase + strings.Join(parts, "/"))
}

// EntityKey builds the resolver key of an entity from its type and name.
func EntityKey(typ, name string) string {
	return strings.ToLower(Slug(typ)) + "/" + Slug(name)
}

// FactIRI is the IRI of a statement node: the document's path plus a
// content hash of the fact, so an unchanged fact keeps its IRI when its
// document is rebuilt.
func FactIRI(docID, hash string) quad.IRI {
	return quad.IRI(factBase + idSegment(docID) + "/" + hash)
}

// RelationIRI is the IRI of a relation class of the vocabulary.
func RelationIRI(name string) quad.IRI { return quad.IRI(NS + Slug(name)) }

// ValidIRI reports whether s can be written as an N-Quads IRIREF: no
// spaces, controls or any of <>"{}|^`\ (Cayley's writer does not escape
// them).
func ValidIRI(s string) bool {
	if s == "" || !utf8.ValidString(s) {
		return false
	}
	for _, r := range s {
		if r <= 0x20 || strings.ContainsRune("<>\"{}|^`\\", r) || r == 0x7f {
			return false
		}
	}
	return true
}
