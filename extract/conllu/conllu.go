// Package conllu reads and writes the CoNLL-U format of Universal
// Dependencies (https://universaldependencies.org/format.html).
//
// A Sentence keeps its comment lines and every token line — ordinary words,
// multiword-token ranges ("1-2") and empty nodes ("8.1") — with all ten
// columns as written, so that reading a well-formed file and writing it back
// reproduces it byte for byte.
package conllu

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"os"
	"strconv"
	"strings"
)

// Kind tells the three kinds of token line apart.
type Kind uint8

const (
	// Word is an ordinary syntactic word with an integer ID.
	Word Kind = iota
	// Range is a multiword token ("1-2") spanning several words.
	Range
	// Empty is an empty node of the enhanced graph ("8.1").
	Empty
)

// Line is one token line. The ten columns are kept verbatim ("_" included);
// ID, Last and Sub are the parsed ID column.
type Line struct {
	Kind Kind
	// ID is the word index (first index for a Range, the integer part for
	// an Empty node).
	ID int
	// Last is the last word of a Range; Sub is the decimal part of an Empty node.
	Last, Sub int

	Form, Lemma, UPOS, XPOS, Feats, Head, DepRel, Deps, Misc string
}

// IDString formats the ID column.
func (l *Line) IDString() string {
	switch l.Kind {
	case Range:
		return strconv.Itoa(l.ID) + "-" + strconv.Itoa(l.Last)
	case Empty:
		return strconv.Itoa(l.ID) + "." + strconv.Itoa(l.Sub)
	}
	return strconv.Itoa(l.ID)
}

// HeadIndex returns the HEAD column as an integer, or -1 when it is "_" or
// not a number.
func (l *Line) HeadIndex() int {
	h, err := strconv.Atoi(l.Head)
	if err != nil {
		return -1
	}
	return h
}

// SpaceAfter reports whether the MISC column lacks SpaceAfter=No.
func (l *Line) SpaceAfter() bool {
	return !HasMisc(l.Misc, "SpaceAfter=No")
}

// HasMisc reports whether the |-separated MISC value contains item.
func HasMisc(misc, item string) bool {
	for misc != "" {
		var f string
		f, misc, _ = strings.Cut(misc, "|")
		if f == item {
			return true
		}
	}
	return false
}

// Sentence is one sentence: its comment lines (with the leading "#", without
// the newline) and its token lines in file order.
type Sentence struct {
	Comments []string
	Lines    []Line
}

// Comment returns the value of a "# key = value" comment and whether it exists.
func (s *Sentence) Comment(key string) (string, bool) {
	for _, c := range s.Comments {
		rest, ok := strings.CutPrefix(c, "#")
		if !ok {
			continue
		}
		k, v, ok := strings.Cut(rest, "=")
		if ok && strings.TrimSpace(k) == key {
			return strings.TrimSpace(v), true
		}
	}
	return "", false
}

// Text returns the "# text =" comment, or the text rebuilt from the forms
// and SpaceAfter=No marks when the comment is missing.
func (s *Sentence) Text() string {
	if t, ok := s.Comment("text"); ok {
		return t
	}
	var b strings.Builder
	skipTo := 0
	for i := range s.Lines {
		l := &s.Lines[i]
		switch {
		case l.Kind == Empty:
			continue
		case l.Kind == Range:
			b.WriteString(l.Form)
			skipTo = l.Last
			if l.SpaceAfter() {
				b.WriteByte(' ')
			}
		case l.ID <= skipTo:
			continue
		default:
			b.WriteString(l.Form)
			if l.SpaceAfter() {
				b.WriteByte(' ')
			}
		}
	}
	return strings.TrimRight(b.String(), " ")
}

// Words returns the indices into Lines of the ordinary words, in order.
func (s *Sentence) Words() []int {
	idx := make([]int, 0, len(s.Lines))
	for i := range s.Lines {
		if s.Lines[i].Kind == Word {
			idx = append(idx, i)
		}
	}
	return idx
}

// SyntaxError reports a malformed line.
type SyntaxError struct {
	Line int // 1-based line number in the input
	Msg  string
}

func (e *SyntaxError) Error() string {
	return fmt.Sprintf("conllu: line %d: %s", e.Line, e.Msg)
}

// Reader reads sentences one at a time.
type Reader struct {
	sc   *bufio.Scanner
	line int
}

// NewReader returns a Reader on r. Lines may be up to 1 MiB long.
func NewReader(r io.Reader) *Reader {
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 64*1024), 1<<20)
	return &Reader{sc: sc}
}

// Next returns the next sentence, or io.EOF when there is none. A final
// sentence without a trailing blank line is returned all the same.
func (r *Reader) Next() (*Sentence, error) {
	var s *Sentence
	for r.sc.Scan() {
		r.line++
		text := strings.TrimSuffix(r.sc.Text(), "\r")
		if text == "" {
			if s != nil {
				return s, nil
			}
			continue
		}
		if s == nil {
			s = &Sentence{}
		}
		if text[0] == '#' {
			if len(s.Lines) > 0 {
				return nil, &SyntaxError{r.line, "comment after token lines"}
			}
			s.Comments = append(s.Comments, text)
			continue
		}
		l, err := parseLine(text)
		if err != nil {
			return nil, &SyntaxError{r.line, err.Error()}
		}
		s.Lines = append(s.Lines, l)
	}
	if err := r.sc.Err(); err != nil {
		return nil, fmt.Errorf("conllu: read after line %d: %w", r.line, err)
	}
	if s != nil {
		return s, nil
	}
	return nil, io.EOF
}

func parseLine(text string) (Line, error) {
	var cols [10]string
	rest := text
	for i := 0; i < 9; i++ {
		c, r, ok := strings.Cut(rest, "\t")
		if !ok {
			return Line{}, fmt.Errorf("%d columns, want 10", i+1)
		}
		cols[i], rest = c, r
	}
	if strings.Contains(rest, "\t") {
		return Line{}, errors.New("more than 10 columns")
	}
	cols[9] = rest
	l := Line{Form: cols[1], Lemma: cols[2], UPOS: cols[3], XPOS: cols[4], Feats: cols[5],
		Head: cols[6], DepRel: cols[7], Deps: cols[8], Misc: cols[9]}
	id := cols[0]
	var err error
	if a, b, ok := strings.Cut(id, "-"); ok {
		l.Kind = Range
		if l.ID, err = atoiPos(a); err == nil {
			l.Last, err = atoiPos(b)
		}
		if err == nil && l.Last < l.ID {
			err = errors.New("range end before start")
		}
	} else if a, b, ok := strings.Cut(id, "."); ok {
		l.Kind = Empty
		if l.ID, err = atoiNonNeg(a); err == nil {
			l.Sub, err = atoiPos(b)
		}
	} else {
		l.ID, err = atoiPos(id)
	}
	if err != nil {
		return Line{}, fmt.Errorf("bad ID %q: %w", id, err)
	}
	return l, nil
}

func atoiNonNeg(s string) (int, error) {
	n, err := strconv.Atoi(s)
	if err != nil || n < 0 || s[0] == '+' || s[0] == '-' {
		return 0, errors.New("not a non-negative integer")
	}
	return n, nil
}

func atoiPos(s string) (int, error) {
	n, err := atoiNonNeg(s)
	if err == nil && n == 0 {
		err = errors.New("zero")
	}
	return n, err
}

// ReadAll reads every sentence from r.
func ReadAll(r io.Reader) ([]*Sentence, error) {
	rd := NewReader(r)
	var out []*Sentence
	for {
		s, err := rd.Next()
		if err == io.EOF {
			return out, nil
		}
		if err != nil {
			return out, err
		}
		out = append(out, s)
	}
}

// ReadFile reads every sentence of the named file.
func ReadFile(path string) ([]*Sentence, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("conllu: %w", err)
	}
	defer f.Close()
	ss, err := ReadAll(f)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	return ss, nil
}

// Write writes one sentence followed by a blank line.
func Write(w io.Writer, s *Sentence) error {
	bw, ok := w.(*bufio.Writer)
	if !ok {
		bw = bufio.NewWriter(w)
	}
	for _, c := range s.Comments {
		bw.WriteString(c)
		bw.WriteByte('\n')
	}
	for i := range s.Lines {
		l := &s.Lines[i]
		bw.WriteString(l.IDString())
		for _, c := range [...]string{l.Form, l.Lemma, l.UPOS, l.XPOS, l.Feats, l.Head, l.DepRel, l.Deps, l.Misc} {
			bw.WriteByte('\t')
			if c == "" {
				c = "_"
			}
			bw.WriteString(c)
		}
		bw.WriteByte('\n')
	}
	bw.WriteByte('\n')
	if !ok {
		return bw.Flush()
	}
	return nil
}

// WriteAll writes the sentences to w.
func WriteAll(w io.Writer, ss []*Sentence) error {
	bw := bufio.NewWriter(w)
	for _, s := range ss {
		if err := Write(bw, s); err != nil {
			return err
		}
	}
	if err := bw.Flush(); err != nil {
		return fmt.Errorf("conllu: write: %w", err)
	}
	return nil
}
