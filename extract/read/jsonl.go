package read

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/factgraph/factgraph/extract"
)

// maxBadLines is how many malformed lines a JSON Lines file may start with
// before it is given up as not JSON Lines at all.
const maxBadLines = 100

// lineReader reads lines of at most max bytes from a bufio.Reader, holding
// no more than max bytes of a line in memory: a longer line is skipped to
// its end and reported as too long.
type lineReader struct {
	r    *bufio.Reader
	max  int64
	n    int // number of the line last read, 1-based
	buf  []byte
	done bool
}

// next returns the next line without its line ending. tooLong reports a line
// longer than max, whose content is not returned. err is io.EOF after the
// last line.
func (lr *lineReader) next() (line []byte, tooLong bool, err error) {
	if lr.done {
		return nil, false, io.EOF
	}
	lr.buf = lr.buf[:0]
	got := false
	for {
		frag, err := lr.r.ReadSlice('\n')
		got = got || len(frag) > 0
		if !tooLong {
			body := bytes.TrimSuffix(frag, []byte("\n"))
			if int64(len(lr.buf)+len(body)) > lr.max {
				tooLong = true
				lr.buf = lr.buf[:0]
			} else {
				lr.buf = append(lr.buf, frag...)
			}
		}
		switch {
		case err == nil:
		case errors.Is(err, bufio.ErrBufferFull):
			continue
		case errors.Is(err, io.EOF):
			lr.done = true
			if !got {
				return nil, false, io.EOF
			}
		default:
			lr.done = true
			return nil, false, err
		}
		lr.n++
		return bytes.TrimSuffix(bytes.TrimSuffix(lr.buf, []byte("\n")), []byte("\r")), tooLong, nil
	}
}

// jsonRecord is one JSON Lines article. Unknown fields are ignored.
type jsonRecord struct {
	ID        json.RawMessage `json:"id"`
	Text      *string         `json:"text"`
	Title     *string         `json:"title"`
	Date      *string         `json:"date"`
	URL       *string         `json:"url"`
	Publisher *string         `json:"publisher"`
}

// jsonl reads JSON Lines from r, one document per line; source names the
// file and fileID is the ID base for lines without an "id".
func (w *walker) jsonl(r *bufio.Reader, source, fileID string) bool {
	if head, _ := r.Peek(8 << 10); len(head) > 0 {
		if err := checkBinary(head); err != nil {
			return w.problem(source, 0, err.Error(), nil)
		}
	}
	lr := &lineReader{r: r, max: w.max}
	good, bad := 0, 0
	for {
		if !w.live() {
			return false
		}
		line, tooLong, err := lr.next()
		if errors.Is(err, io.EOF) {
			if good == 0 && bad == 0 {
				return w.problem(source, 0, "is empty; nothing to read", nil)
			}
			return true
		}
		if err != nil {
			return w.problem(source, lr.n+1, "cannot be read: "+err.Error(), err)
		}
		var doc *extract.Document
		var reason string
		switch {
		case tooLong:
			reason = fmt.Sprintf("line is larger than %s %s; raise the limit or split the article", SizeFlag, formatSize(w.max))
		case len(bytes.TrimSpace(line)) == 0:
			continue // blank lines separate nothing in JSON Lines; skip them quietly
		default:
			doc, reason = w.jsonDocument(line, source, fileID, lr.n)
		}
		if reason != "" {
			bad++
			if !w.problem(source, lr.n, reason, nil) {
				return false
			}
			if good == 0 && bad >= maxBadLines {
				return w.problem(source, 0, fmt.Sprintf("gave up after %d malformed lines and no good one; is it JSON Lines (one JSON object a line)?", bad), nil)
			}
			continue
		}
		good++
		if !w.emit(doc, lr.n) {
			return false
		}
	}
}

// jsonDocument parses one JSON Lines line (number n) into a document, or
// returns the reason it cannot.
func (w *walker) jsonDocument(line []byte, source, fileID string, n int) (*extract.Document, string) {
	if !utf8.Valid(line) {
		s, err := decodeText(line)
		if err != nil {
			return nil, err.Error()
		}
		line = []byte(s)
	} else if bytes.IndexByte(line, 0) >= 0 {
		return nil, reasonBinary
	}
	var rec jsonRecord
	if err := json.Unmarshal(line, &rec); err != nil {
		return nil, jsonReason(err)
	}
	doc := &extract.Document{Source: fmt.Sprintf("%s:%d", source, n)}
	id, reason := jsonID(rec.ID)
	if reason != "" {
		return nil, reason
	}
	if id == "" {
		id = fmt.Sprintf("%s-%d", fileID, n)
	}
	doc.ID = id
	if rec.Text == nil {
		return nil, `has no "text" field; every line needs the article text in "text"`
	}
	if strings.TrimSpace(*rec.Text) == "" {
		return nil, `has an empty "text"; every line needs the article text in "text"`
	}
	doc.Title = deref(rec.Title)
	doc.URL = deref(rec.URL)
	doc.Publisher = deref(rec.Publisher)
	if rec.Date != nil {
		// A date that cannot be parsed is not worth losing the article for:
		// the text is searched for one instead.
		if t, ok := w.dates.parseMeta(*rec.Date); ok {
			doc.Date = t
		}
	}
	if reason := w.finish(doc, *rec.Text); reason != "" {
		return nil, reason
	}
	return doc, ""
}

func deref(s *string) string {
	if s == nil {
		return ""
	}
	return *s
}

// jsonID reads the "id" field: a string or an integer; absent or null gives
// "".
func jsonID(raw json.RawMessage) (string, string) {
	raw = bytes.TrimSpace(raw)
	if len(raw) == 0 || string(raw) == "null" {
		return "", ""
	}
	switch raw[0] {
	case '"':
		var s string
		if err := json.Unmarshal(raw, &s); err != nil {
			return "", jsonReason(err)
		}
		s = strings.TrimSpace(oneLine(s))
		if s == "" {
			return "", `has an empty "id"; give the article an id or leave the field out`
		}
		return s, ""
	case '-', '0', '1', '2', '3', '4', '5', '6', '7', '8', '9':
		if _, err := strconv.ParseInt(string(raw), 10, 64); err == nil {
			return string(raw), ""
		}
		return "", fmt.Sprintf(`has an "id" that is not an integer (%s); use a string or an integer`, raw)
	}
	return "", fmt.Sprintf(`has an "id" that is %s; use a string or an integer`, jsonKind(raw[0]))
}

func jsonKind(c byte) string {
	switch c {
	case '{':
		return "an object"
	case '[':
		return "a list"
	case 't', 'f':
		return "a boolean"
	}
	return "a number"
}

// jsonReason phrases a JSON decoding error.
func jsonReason(err error) string {
	var te *json.UnmarshalTypeError
	if errors.As(err, &te) {
		if te.Field == "" {
			return fmt.Sprintf("is a JSON %s, not an object; each line must be one JSON object", te.Value)
		}
		return fmt.Sprintf("has a %q field that is a JSON %s; it must be a string", te.Field, te.Value)
	}
	var se *json.SyntaxError
	if errors.As(err, &se) {
		return fmt.Sprintf("is not valid JSON (%v at byte %d); each line must be one JSON object", se, se.Offset)
	}
	return fmt.Sprintf("is not valid JSON (%v); each line must be one JSON object", err)
}
