package tokenize

import (
	"unicode"
	"unicode/utf8"
)

// Character classes used to find candidate split points inside a
// white-space delimited chunk.
const (
	clSpace  = iota // white space and control characters: separate chunks
	clLetter        // letters and combining marks
	clDigit         // decimal digits
	clPunct         // everything else, including invalid UTF-8 bytes
)

// classOf returns the character class of r.
func classOf(r rune) uint8 {
	if r < utf8.RuneSelf {
		return asciiClass[r]
	}
	switch {
	case r == utf8.RuneError:
		return clPunct
	case unicode.IsSpace(r), r == 0x200B, r == 0xFEFF, r == 0x2060:
		return clSpace
	case unicode.IsLetter(r), unicode.IsMark(r):
		return clLetter
	case unicode.IsDigit(r):
		return clDigit
	case unicode.IsControl(r):
		return clSpace
	}
	return clPunct
}

var asciiClass = func() (t [utf8.RuneSelf]uint8) {
	for r := range t {
		switch {
		case r <= ' ' || r == 0x7F:
			t[r] = clSpace
		case 'a' <= r && r <= 'z', 'A' <= r && r <= 'Z':
			t[r] = clLetter
		case '0' <= r && r <= '9':
			t[r] = clDigit
		default:
			t[r] = clPunct
		}
	}
	return t
}()

// decode returns the rune at the start of s and its width; invalid bytes
// decode as utf8.RuneError of width 1.
func decode(s string) (rune, int) {
	if len(s) == 0 {
		return utf8.RuneError, 0
	}
	if c := s[0]; c < utf8.RuneSelf {
		return rune(c), 1
	}
	return utf8.DecodeRuneInString(s)
}

// decodeLast returns the last rune of s and its width.
func decodeLast(s string) (rune, int) {
	if len(s) == 0 {
		return utf8.RuneError, 0
	}
	if c := s[len(s)-1]; c < utf8.RuneSelf {
		return rune(c), 1
	}
	return utf8.DecodeLastRuneInString(s)
}

func isApostrophe(r rune) bool { return r == '\'' || r == '’' || r == '‘' || r == 'ʼ' || r == '`' }

// isTerminal reports whether r can end a sentence.
func isTerminal(r rune) bool {
	switch r {
	case '.', '!', '?', '…', ';', ':', '。', '！', '？', '‼', '⁇', '⁈', '⁉':
		return true
	}
	return false
}

// isCloser reports whether r closes a quotation or bracket and so may
// follow sentence-final punctuation inside the same sentence.
func isCloser(r rune) bool {
	switch r {
	case '"', '\'', '”', '’', '»', '›', ')', ']', '}':
		return true
	}
	return false
}

// isOpener reports whether r opens a quotation or bracket.
func isOpener(r rune) bool {
	switch r {
	case '"', '\'', '“', '‘', '«', '‹', '(', '[', '{', '„', '‚':
		return true
	}
	return false
}

// shape writes a compact orthographic shape of s to dst: upper-case letters
// become X, lower-case x, digits d, other characters stay as they are;
// repeated classes collapse. At most max bytes are written.
func shape(dst []byte, s string, max int) []byte {
	var last byte
	for i := 0; i < len(s) && len(dst) < max; {
		r, w := decode(s[i:])
		i += w
		var c byte
		switch classOf(r) {
		case clLetter:
			if unicode.IsUpper(r) {
				c = 'X'
			} else {
				c = 'x'
			}
		case clDigit:
			c = 'd'
		default:
			last = 0 // punctuation never collapses
			dst = utf8.AppendRune(dst, r)
			continue
		}
		if c != last {
			dst = append(dst, c)
			last = c
		}
	}
	return dst
}
