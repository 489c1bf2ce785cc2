package read

import (
	"bytes"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/charmap"
	xunicode "golang.org/x/text/encoding/unicode"

	"golang.org/x/net/html/charset"
)

// Reasons shared by several readers.
const (
	reasonNotText    = "not UTF-8 text and not Windows-1252; convert it to UTF-8"
	reasonBinary     = "binary data (contains NUL bytes), not text; factgraph reads UTF-8 text, Markdown, HTML and JSON Lines"
	reasonControl    = "binary data (too many control characters), not text; factgraph reads UTF-8 text, Markdown, HTML and JSON Lines"
	reasonUTF16NoBOM = "looks like UTF-16 text without a byte-order mark; convert it to UTF-8"
)

// decodeError is a reason why bytes are not readable text.
type decodeError string

func (e decodeError) Error() string { return string(e) }

var utf8BOM = []byte{0xEF, 0xBB, 0xBF}

// decodeText turns the bytes of a document into UTF-8 text: it strips a
// UTF-8 byte-order mark, decodes UTF-16 with a byte-order mark, refuses
// binary data, and transcodes Windows-1252 (and so Latin-1) when the bytes
// are not UTF-8 but plausible as such. The result is not yet normalised (see
// normalizeText).
func decodeText(b []byte) (string, error) {
	switch {
	case bytes.HasPrefix(b, utf8BOM):
		b = b[len(utf8BOM):]
	case bytes.HasPrefix(b, []byte{0xFF, 0xFE}), bytes.HasPrefix(b, []byte{0xFE, 0xFF}):
		dec := xunicode.UTF16(xunicode.BigEndian, xunicode.ExpectBOM).NewDecoder()
		out, err := dec.Bytes(b)
		if err != nil || !utf8.Valid(out) || bytes.IndexByte(out, 0) >= 0 {
			return "", decodeError(reasonNotText)
		}
		return string(out), nil
	}
	if err := checkBinary(b); err != nil {
		return "", err
	}
	if utf8.Valid(b) {
		return string(b), nil
	}
	if s, ok := windows1252(b); ok {
		return s, nil
	}
	return "", decodeError(reasonNotText)
}

// decodeHTML is decodeText for HTML: when the bytes are not UTF-8 it honours
// the encoding the page declares (<meta charset>) before guessing
// Windows-1252.
func decodeHTML(b []byte) (string, error) {
	if bytes.HasPrefix(b, utf8BOM) || utf8.Valid(b) || bytes.HasPrefix(b, []byte{0xFF, 0xFE}) || bytes.HasPrefix(b, []byte{0xFE, 0xFF}) {
		return decodeText(b)
	}
	if err := checkBinary(b); err != nil {
		return "", err
	}
	enc, name, _ := charset.DetermineEncoding(b, "text/html")
	if enc != nil && enc != encoding.Nop && name != "windows-1252" && name != "utf-8" {
		if out, err := enc.NewDecoder().Bytes(b); err == nil && utf8.Valid(out) {
			return string(out), nil
		}
	}
	if s, ok := windows1252(b); ok {
		return s, nil
	}
	return "", decodeError(reasonNotText)
}

// checkBinary refuses data with NUL bytes or with many control characters.
func checkBinary(b []byte) error {
	if i := bytes.IndexByte(b, 0); i >= 0 {
		if looksUTF16(b) {
			return decodeError(reasonUTF16NoBOM)
		}
		return decodeError(reasonBinary)
	}
	ctrl := 0
	for _, c := range b {
		if (c < 0x20 && c != '\n' && c != '\r' && c != '\t' && c != '\f' && c != '\v' && c != 0x1b) || c == 0x7f {
			ctrl++
		}
	}
	if ctrl > 0 && ctrl*20 > len(b) { // more than 5 %
		return decodeError(reasonControl)
	}
	return nil
}

// looksUTF16 reports whether NUL bytes sit at every other position of the
// start of b, as in ASCII text encoded as UTF-16.
func looksUTF16(b []byte) bool {
	n := min(len(b), 512) &^ 1
	if n < 4 {
		return false
	}
	even, odd := 0, 0
	for i := 0; i < n; i += 2 {
		if b[i] == 0 {
			even++
		}
		if b[i+1] == 0 {
			odd++
		}
	}
	half := n / 2
	return (even*10 >= half*9 && odd == 0) || (odd*10 >= half*9 && even == 0)
}

// windows1252 transcodes b from Windows-1252 when that is plausible: no byte
// undefined in Windows-1252, at most 30 % non-ASCII bytes, and nearly every
// non-ASCII character a letter or common punctuation. Latin-1 text is
// Windows-1252 text for all printable characters.
func windows1252(b []byte) (string, bool) {
	high := 0
	for _, c := range b {
		switch c {
		case 0x81, 0x8D, 0x8F, 0x90, 0x9D:
			return "", false
		}
		if c >= 0x80 {
			high++
		}
	}
	if high*10 > len(b)*3 {
		return "", false
	}
	out, err := charmap.Windows1252.NewDecoder().Bytes(b)
	if err != nil {
		return "", false
	}
	s := string(out)
	odd := 0
	for _, r := range s {
		if r < 0x80 {
			continue
		}
		if !unicode.IsLetter(r) && !strings.ContainsRune("’‘“”„–—…•€£¥¢©®°±§¶·×÷¿¡«»‹›™ ¹²³¼½¾ªº†‡‰¨´¸¯¦¤µ", r) {
			odd++
		}
	}
	if odd*20 > high { // more than 5 % of the non-ASCII characters are odd
		return "", false
	}
	return s, true
}

// normalizeText makes decoded text the reference text of a document: line
// endings become "\n" (also U+2028 and U+2029), byte-order marks and control
// characters other than "\n" and "\t" are dropped, and invalid UTF-8 becomes
// U+FFFD.
func normalizeText(s string) string {
	clean := true
	for i := 0; i < len(s); i++ {
		if c := s[i]; (c < 0x20 && c != '\n' && c != '\t') || c == 0x7f || c >= 0x80 {
			clean = false
			break
		}
	}
	if clean {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		i += size
		switch {
		case r == '\r':
			b.WriteByte('\n')
			if i < len(s) && s[i] == '\n' {
				i++
			}
		case r == '\u2028' || r == '\u2029':
			b.WriteByte('\n')
		case r == '\n' || r == '\t':
			b.WriteRune(r)
		case r == '\uFEFF', r < 0x20, r >= 0x7f && r < 0xa0:
			// drop byte-order marks and C0/C1 control characters
		case r == utf8.RuneError && size == 1:
			b.WriteRune(utf8.RuneError)
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}
