package baseline

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// quoteSpan is a quotation in the document text: the opening mark at
// [Open, ContentStart) and the closing mark at [ContentEnd, Close).
type quoteSpan struct {
	Open, ContentStart, ContentEnd, Close int
	Single                                bool
}

// maxQuoteBytes bounds a quotation; an opening mark with no close within it
// is treated as stray.
const maxQuoteBytes = 4000

// findQuotes pairs quotation marks in text. Double quotes (“ ” „ " « »)
// pair across sentences and paragraphs when the close comes before any new
// opening (translated news often closes a quote in the next paragraph);
// single quotes (‘ ’ ') pair only within a paragraph, only outside double
// quotes, and only where the marks cannot be apostrophes.
func findQuotes(text string) []quoteSpan {
	var out []quoteSpan
	open := -1 // byte offset of the pending double opening mark
	openW := 0
	sopen, sopenW := -1, 0
	prev := ' '
	for i := 0; i < len(text); {
		r, w := utf8.DecodeRuneInString(text[i:])
		next, _ := utf8.DecodeRuneInString(text[i+w:])
		if i+w >= len(text) {
			next = ' '
		}
		switch {
		case r == '“' || r == '„' || r == '«':
			if open >= 0 && r == '“' && isWordRune(prev) {
				// “ used as a closing mark after a word (German-style
				// „…“ or translation damage).
				out = append(out, quoteSpan{Open: open, ContentStart: open + openW, ContentEnd: i, Close: i + w})
				open = -1
			} else {
				open, openW = i, w
				sopen = -1
			}
		case r == '”' || r == '»':
			if open >= 0 {
				out = append(out, quoteSpan{Open: open, ContentStart: open + openW, ContentEnd: i, Close: i + w})
				open = -1
			}
		case r == '"':
			if open >= 0 && !(unicode.IsSpace(prev) && isWordRune(next)) {
				out = append(out, quoteSpan{Open: open, ContentStart: open + openW, ContentEnd: i, Close: i + w})
				open = -1
			} else if open < 0 {
				open, openW = i, w
				sopen = -1
			} else {
				// A second opening straight quote: restart.
				open, openW = i, w
			}
		case r == '‘' || r == '\'' || r == '’':
			if open >= 0 {
				break // nested single quotes are part of the double quote
			}
			opening := (r == '‘' || r == '\'') && !isWordRune(prev) && isWordRune(next)
			closing := (r == '’' || r == '\'') && !isWordRune(next) && (isWordRune(prev) || unicode.IsPunct(prev))
			switch {
			case sopen >= 0 && closing:
				out = append(out, quoteSpan{Open: sopen, ContentStart: sopen + sopenW, ContentEnd: i, Close: i + w, Single: true})
				sopen = -1
			case opening:
				sopen, sopenW = i, w
			}
		case r == '\n':
			if sopen >= 0 {
				sopen = -1
			}
			if open >= 0 && i+w < len(text) && text[i+w] == '\n' && !closesBeforeOpening(text[i:]) {
				open = -1
			}
		}
		if open >= 0 && i-open > maxQuoteBytes {
			open = -1
		}
		prev = r
		i += w
	}
	return out
}

// closesBeforeOpening reports whether the paragraph after a blank line
// closes a double quote before it opens one.
func closesBeforeOpening(rest string) bool {
	rest = strings.TrimLeft(rest, "\n")
	if i := strings.Index(rest, "\n\n"); i >= 0 {
		rest = rest[:i]
	}
	c := strings.IndexAny(rest, "”»")
	o := strings.IndexAny(rest, "“„«")
	return c >= 0 && (o < 0 || c < o)
}

func isWordRune(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }
