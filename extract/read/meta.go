package read

import (
	"regexp"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	dps "github.com/markusmobius/go-dateparser"
	"golang.org/x/text/unicode/norm"

	"github.com/factgraph/factgraph/extract/furniture"
)

// dateParser parses the dates of metadata fields and of article text with
// go-dateparser, after a fast path through the common machine formats.
type dateParser struct {
	meta     *dps.Configuration // metadata values: any language, day, month and year required
	text     *dps.Configuration // spans found in English text, strict
	yearless *dps.Configuration // spans without a year, completed from Options.DateBase; nil without a base
}

func newDateParser(base time.Time) *dateParser {
	p := &dateParser{
		meta: &dps.Configuration{StrictParsing: true, DefaultLanguages: []string{"en"}, CurrentTime: time.Date(2000, 1, 1, 0, 0, 0, 0, time.UTC)},
		text: &dps.Configuration{Languages: []string{"en"}, StrictParsing: true, CurrentTime: time.Date(2000, 1, 1, 0, 0, 0, 0, time.UTC)},
	}
	if !base.IsZero() {
		p.yearless = &dps.Configuration{
			Languages:           []string{"en"},
			RequiredParts:       []string{"day", "month"},
			CurrentTime:         base,
			PreferredDateSource: dps.Past,
		}
	}
	return p
}

// metaLayouts are the machine formats tried before go-dateparser, which is
// much slower (about a millisecond a call).
var metaLayouts = []string{
	time.RFC3339Nano,
	"2006-01-02T15:04:05",
	"2006-01-02T15:04:05.999999999",
	"2006-01-02T15:04",
	"2006-01-02 15:04:05",
	"2006-01-02 15:04:05Z07:00",
	"2006-01-02 15:04",
	"2006-01-02",
	"2006/01/02",
	time.RFC1123Z,
	time.RFC1123,
	"Mon, 2 Jan 2006 15:04:05 -0700",
	"Mon, 2 Jan 2006 15:04:05 MST",
	"2-Jan-2006 15:04:05.00",
}

// parseMeta parses the date of a metadata field ("2021-03-18",
// "1987-02-26T15:01:01", "Thu, 18 Mar 2021 10:00:00 GMT", "March 18, 2021",
// "18. März 2021"). It needs a day, a month and a year.
func (p *dateParser) parseMeta(s string) (time.Time, bool) {
	s = strings.TrimSpace(s)
	if s == "" || len(s) > 64 {
		return time.Time{}, false
	}
	for _, l := range metaLayouts {
		if t, err := time.Parse(l, s); err == nil {
			return t, plausibleYear(t)
		}
	}
	if !strings.ContainsAny(s, "0123456789") && !hasNonLatinDigits(s) {
		return time.Time{}, false // no year: not worth go-dateparser's time
	}
	d, err := dps.Parse(p.meta, s)
	if err != nil || d.IsZero() {
		return time.Time{}, false
	}
	return d.Time, plausibleYear(d.Time)
}

// hasNonLatinDigits reports whether s has digits of another script (Arabic,
// Devanagari, …), which go-dateparser reads too.
func hasNonLatinDigits(s string) bool {
	for _, r := range s {
		if r > 0x7f && unicode.IsDigit(r) {
			return true
		}
	}
	return false
}

func plausibleYear(t time.Time) bool { return t.Year() >= 1000 && t.Year() <= 9999 }

// Dates in English text: "Mar 19, 2021", "19 March 2021", "March 19th",
// "2021-03-18". Month names are matched capitalised or in capitals only, so
// that "may" the verb is not a month.
var (
	monthPattern = func() string {
		names := []string{"Jan(?:uary)?", "Feb(?:ruary)?", "Mar(?:ch)?", "Apr(?:il)?", "May", "June?", "July?",
			"Aug(?:ust)?", "Sep(?:t(?:ember)?)?", "Oct(?:ober)?", "Nov(?:ember)?", "Dec(?:ember)?"}
		all := make([]string, 0, 2*len(names))
		for _, n := range names {
			all = append(all, n, strings.ToUpper(n))
		}
		return `(?:` + strings.Join(all, "|") + `)`
	}()
	dateSpanRE = regexp.MustCompile(`\b(?:` +
		monthPattern + `\.?\s+\d{1,2}(?:st|nd|rd|th)?\b(?:,?\s+(\d{4})\b)?` +
		`|\d{1,2}(?:st|nd|rd|th)?\.?\s+(?:of\s+)?` + monthPattern + `\b\.?(?:,?\s+(\d{4})\b)?` +
		`|(\d{4})-\d{2}-\d{2}\b)`)
	// dateMarkerRE is a "date 2021-03-18" marker at the very start of a
	// text, left there by scrapers; an "N" glued to the next word is the
	// remains of an escaped line break.
	dateMarkerRE = regexp.MustCompile(`^\s*(?i:date)\s*[:=]?\s*(\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2})?)?)(?:\s+|$)(?:N([A-Z][a-z]))?`)
	// datelineEndRE ends the dateline of a paragraph: "Moscow [Russia],
	// March 19 : …", "LONDON, March 3 - …", "Update from March 18, 2 p.m .: …".
	datelineEndRE = regexp.MustCompile(`\s:\s|:\s|\s[-–—]{1,2}\s`)
	timeRE        = regexp.MustCompile(`^\d{1,2}[:.]\d{2}(?:[:.]\d{2})?$`)
)

// dateLabels are the words that may stand beside a date on a date line.
var dateLabels = map[string]bool{
	"published": true, "updated": true, "posted": true, "on": true, "date": true, "at": true,
	"last": true, "modified": true, "am": true, "pm": true, "a.m": true, "p.m": true, "gmt": true,
	"utc": true, "est": true, "edt": true, "cet": true, "cest": true, "bst": true, "ist": true,
	"msk": true, "pst": true, "pdt": true, "|": true, "-": true, "–": true, "—": true, "/": true,
	"monday": true, "tuesday": true, "wednesday": true, "thursday": true, "friday": true,
	"saturday": true, "sunday": true, "mon": true, "tue": true, "wed": true, "thu": true,
	"fri": true, "sat": true, "sun": true, "first": true, "time": true,
}

// spanDate parses a date span found by dateSpanRE (submatch indexes m); a
// span without a year is used only when the parser has a base date.
func (p *dateParser) spanDate(text string, m []int) (t time.Time, hasYear, ok bool) {
	span := text[m[0]:m[1]]
	hasYear = m[2] >= 0 || m[4] >= 0 || m[6] >= 0
	cfg := p.text
	if !hasYear {
		if p.yearless == nil {
			return time.Time{}, false, false
		}
		cfg = p.yearless
	}
	d, err := dps.Parse(cfg, span)
	if err != nil || d.IsZero() || !plausibleYear(d.Time) {
		return time.Time{}, hasYear, false
	}
	return d.Time, hasYear, true
}

// stripDateMarker removes a "date 2021-03-18" marker from the start of text
// and returns its date.
func (p *dateParser) stripDateMarker(text string) (string, time.Time) {
	m := dateMarkerRE.FindStringSubmatchIndex(text)
	if m == nil {
		return text, time.Time{}
	}
	t, ok := p.parseMeta(text[m[2]:m[3]])
	if !ok {
		return text, time.Time{}
	}
	end := m[1]
	if m[4] >= 0 {
		end = m[4] // keep the word after the "N"
	}
	return text[end:], t
}

// headLines returns the first n non-blank lines of text, trimmed.
func headLines(text string, n int) []string {
	var out []string
	for line := range strings.Lines(text) {
		if len(out) == n {
			break
		}
		if t := strings.TrimSpace(line); t != "" {
			out = append(out, t)
		}
	}
	return out
}

// textDate finds the date of an article in its first lines: a line that is
// only a date ("Mar 19, 2021", "Published: 3 June 2022 10:14"), else the
// dateline of a paragraph ("Moscow [Russia], March 19, 2021 : …"), else –
// only with a base date – a date without a year in either place.
func (p *dateParser) textDate(text string) (time.Time, bool) {
	var yearless time.Time
	found := func(t time.Time, hasYear, ok bool) bool {
		if ok && !hasYear && yearless.IsZero() {
			yearless = t
		}
		return ok && hasYear
	}
	for _, l := range headLines(text, 5) {
		if len(l) <= 80 && isDateOnly(l) {
			m := dateSpanRE.FindStringSubmatchIndex(l)
			if t, hasYear, ok := p.spanDate(l, m); found(t, hasYear, ok) {
				return t, true
			}
			continue
		}
		// A paragraph that opens with a dated date ("Thursday, May 7, 2015
		// On Tuesday, …").
		if m := dateSpanRE.FindStringSubmatchIndex(l); m != nil && onlyLabels(l[:m[0]]) {
			if t, hasYear, ok := p.spanDate(l, m); ok && hasYear {
				return t, true
			}
		}
		prefix := l[:min(len(l), 120)]
		loc := datelineEndRE.FindStringIndex(prefix)
		if loc == nil || len(strings.Fields(prefix[:loc[0]])) > 12 {
			continue
		}
		prefix = prefix[:loc[0]]
		for _, m := range dateSpanRE.FindAllStringSubmatchIndex(prefix, 2) {
			if t, hasYear, ok := p.spanDate(prefix, m); found(t, hasYear, ok) {
				return t, true
			}
		}
	}
	return yearless, !yearless.IsZero()
}

// headline returns the first line of text when it reads as a headline: 2
// to 25 words, starting with a capital, digit or quotation mark, not ending
// like a sentence or a label (".", ":", ";", ","), not furniture and not a
// date line, and followed by more text that does not go on in lower case.
func headline(text string) string {
	lines := headLines(text, 2)
	if len(lines) < 2 {
		return ""
	}
	l := lines[0]
	n := len(strings.Fields(l))
	if n < 2 || n > 25 || len(l) > 250 {
		return ""
	}
	r, _ := utf8.DecodeRuneInString(l)
	if !unicode.IsUpper(r) && !unicode.IsDigit(r) && !strings.ContainsRune("\"“„«'‘", r) {
		return ""
	}
	last := strings.TrimRight(l, "\"'”’»)")
	if strings.HasSuffix(last, ".") || strings.HasSuffix(last, ":") || strings.HasSuffix(last, ";") || strings.HasSuffix(last, ",") {
		return ""
	}
	if furniture.IsFurniture(l) || isDateOnly(l) {
		return ""
	}
	// A line wrapped inside a paragraph goes on in lower case.
	_, rest, _ := strings.Cut(strings.TrimLeft(text, " \t\n"), "\n")
	if next, _, _ := strings.Cut(rest, "\n"); strings.TrimSpace(next) != "" {
		if r, _ := utf8.DecodeRuneInString(strings.TrimSpace(next)); unicode.IsLower(r) {
			return ""
		}
	}
	return l
}

// isDateOnly reports whether line holds a date and nothing but date labels.
func isDateOnly(line string) bool {
	m := dateSpanRE.FindStringIndex(line)
	return m != nil && onlyLabels(line[:m[0]]+" "+line[m[1]:])
}

// onlyLabels reports whether s holds nothing but date labels, weekdays and
// times.
func onlyLabels(s string) bool {
	for _, w := range strings.Fields(s) {
		w = strings.ToLower(strings.Trim(w, ",:;()[]."))
		if w != "" && !dateLabels[w] && !timeRE.MatchString(w) {
			return false
		}
	}
	return true
}

// slugPath turns a slash-separated relative path into a document ID: each
// element keeps ASCII letters, digits, '.', '_' and '-'; accents are
// dropped ("Müller" → "Muller") and other runs become one '-'.
func slugPath(rel string) string {
	var parts []string
	for _, p := range strings.Split(rel, "/") {
		if s := slug(p); s != "" {
			parts = append(parts, s)
		}
	}
	if len(parts) == 0 {
		return "doc"
	}
	return strings.Join(parts, "/")
}

func slug(s string) string {
	var b strings.Builder
	dash := false
	for _, r := range norm.NFD.String(s) {
		switch {
		case r < utf8.RuneSelf && (unicode.IsLetter(r) || unicode.IsDigit(r) || r == '.' || r == '_' || r == '-'):
			if r == '-' {
				if dash {
					continue
				}
				dash = true
			} else {
				dash = false
			}
			b.WriteRune(r)
		case unicode.Is(unicode.Mn, r):
			// a combining accent of the previous letter
		default:
			if !dash && b.Len() > 0 {
				b.WriteByte('-')
				dash = true
			}
		}
	}
	return strings.Trim(b.String(), "-.")
}
