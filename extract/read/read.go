// Package read turns the inputs a user names – files, directories and "-"
// for standard input – into clean extract.Documents.
//
// # Formats
//
// Plain text (.txt, .text), Markdown (.md, .markdown; markup stripped to
// text, a "key: value" front matter read for title, date, url and
// publisher), HTML (.html, .htm, .xhtml; the article text and metadata
// extracted with go-trafilatura) and JSON Lines (.jsonl, .ndjson; one article
// a line with "id", "text" and optional "title", "date", "url",
// "publisher"). A file named on the command line with another extension, and
// standard input, are sniffed (see DetectFormat). A directory is walked
// recursively in sorted order, following symbolic links; hidden files and
// directories (".name") and files with other extensions are passed over
// without a Problem (Options.Skipped hears of them).
//
// # Document IDs
//
// A file's ID is its path relative to the input argument that named its
// directory, without the extension, each path element slugged to
// [A-Za-z0-9._-] ("seeds/000_5934c2a2c18d2cab" for the input "shared");
// a file named directly gets its base name. A JSON Lines article's ID is its
// "id" field (a string, or an integer); a line without one gets the file's
// ID and the line number ("news-7", "stdin-7"). Standard input is "stdin".
// IDs must be unique over the whole run: a second document with a used ID
// is a Problem.
//
// # Text
//
// Document.Text is the reference text later stages compute offsets into:
// the input's text with line endings made "\n", byte-order marks and control
// characters other than "\n" and "\t" dropped, a leading "date 2021-03-18"
// marker removed, whole lines of page furniture removed (see
// furniture.Clean), blank-line runs collapsed and the ends trimmed; nothing
// else is changed. Text that is not UTF-8 is transcoded from Windows-1252
// when it is plausibly that.
//
// # Titles and dates
//
// Metadata comes first (HTML meta tags and JSON-LD, front matter, JSON
// fields). Without a title, the first line is the title when it reads as a
// headline (short, no final full stop, not furniture). Without a date, the
// first lines are searched for a date line ("Mar 19, 2021") or a dated
// dateline ("Moscow, March 19, 2021 : …"); dates without a year ("March
// 19 : …", "Update from March 18, 2 p.m .: …") are used only when
// Options.DateBase supplies the reference for the year.
//
// # Problems
//
// An input that cannot be read is reported as a *Problem, "path: reason" or
// "path:line: reason", and the walk goes on: a missing path, a broken link
// or a link loop, a permission error, binary data (NUL bytes, many control
// characters, UTF-16 without a byte-order mark), bytes that are neither
// UTF-8 nor plausible Windows-1252, an empty or white-space-only file, a
// file or JSON Lines line over the size limit, a page without article
// text, a file of nothing but furniture, a malformed JSON Lines line (bad
// JSON, not an object, no or empty "text", a field of the wrong type), and
// a document ID used twice. A JSON Lines "date" that cannot be parsed is
// not a Problem: the article is read and dated from its text if possible.
package read

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"iter"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"time"

	"github.com/factgraph/factgraph/extract"
	"github.com/factgraph/factgraph/extract/furniture"
)

// DefaultMaxDocBytes is the per-document size limit when
// Options.MaxDocBytes is not set.
const DefaultMaxDocBytes = 10 << 20

// SizeFlag is the command-line flag that Problems name for the size limit.
const SizeFlag = "--max-doc-size"

// Options tune Documents.
type Options struct {
	// MaxDocBytes limits the size of one document: a file, or one line of
	// JSON Lines. Larger documents are skipped with a Problem and never
	// read into memory whole. Zero or less means DefaultMaxDocBytes.
	MaxDocBytes int64
	// Stdin is read for the input "-".
	Stdin io.Reader
	// StdinFormat is the format of Stdin; FormatUnknown sniffs it.
	StdinFormat Format
	// DateBase completes dates found in the text without a year ("Moscow,
	// March 19 : …"): such a date is taken as the latest one not after
	// DateBase. When zero, dates without a year are ignored.
	DateBase time.Time
	// Skipped, when set, is told of each file a directory walk passes over
	// without reading it (hidden, unknown extension, not a regular file).
	Skipped func(path, reason string)
}

// Problem is an input that was skipped: a file, or one line of a JSON Lines
// file, that could not be read as a document. Reason says why and what to
// do, for a person to read.
type Problem struct {
	Source string // the path as the user gave or the walk built it; "-" for standard input
	Line   int    // 1-based line of a JSON Lines file, 0 for a whole file
	Reason string
	Err    error // the underlying error, if any
}

func (p *Problem) Error() string {
	if p.Line > 0 {
		return fmt.Sprintf("%s:%d: %s", p.Source, p.Line, p.Reason)
	}
	return p.Source + ": " + p.Reason
}

func (p *Problem) Unwrap() error { return p.Err }

// IsFurniture reports whether line is page furniture (navigation, share and
// comment prompts, cookie notices, "also read"); see package furniture.
func IsFurniture(line string) bool { return furniture.IsFurniture(line) }

// Documents walks inputs (files, directories recursively in sorted order,
// "-" for opt.Stdin) and yields each document, or a *Problem for each input
// or JSON Lines line that was skipped; the walk then goes on. When ctx is
// done, the sequence ends with ctx's error.
func Documents(ctx context.Context, inputs []string, opt Options) iter.Seq2[*extract.Document, error] {
	return func(yield func(*extract.Document, error) bool) {
		w := &walker{
			ctx:   ctx,
			opt:   opt,
			max:   opt.MaxDocBytes,
			yield: yield,
			dates: newDateParser(opt.DateBase),
			ids:   make(map[string]string),
		}
		if w.max <= 0 {
			w.max = DefaultMaxDocBytes
		}
		for _, in := range inputs {
			if !w.input(in) {
				return
			}
		}
	}
}

// walker is the state of one Documents sequence. Its methods return false
// when the sequence must stop (the consumer stopped or ctx is done).
type walker struct {
	ctx       context.Context
	opt       Options
	max       int64
	yield     func(*extract.Document, error) bool
	dates     *dateParser
	ids       map[string]string // document ID → the source that used it first
	stdinRead bool
}

func (w *walker) problem(source string, line int, reason string, err error) bool {
	return w.yield(nil, &Problem{Source: source, Line: line, Reason: reason, Err: err})
}

// live reports whether ctx is still live, and ends the sequence when not.
func (w *walker) live() bool {
	if err := w.ctx.Err(); err != nil {
		w.yield(nil, err)
		return false
	}
	return true
}

func (w *walker) skip(path, reason string) {
	if w.opt.Skipped != nil {
		w.opt.Skipped(path, reason)
	}
}

// emit yields doc unless its ID was used before.
func (w *walker) emit(doc *extract.Document, line int) bool {
	if first, dup := w.ids[doc.ID]; dup {
		source := strings.TrimSuffix(doc.Source, fmt.Sprintf(":%d", line))
		return w.problem(source, line, fmt.Sprintf("document ID %q was already used by %s; give each article a unique ID (rename the file or change its \"id\")", doc.ID, first), nil)
	}
	w.ids[doc.ID] = doc.Source
	return w.yield(doc, nil)
}

func (w *walker) input(arg string) bool {
	if !w.live() {
		return false
	}
	if arg == "-" {
		return w.stdin()
	}
	fi, err := os.Stat(arg)
	if err != nil {
		return w.problem(arg, 0, statReason(arg, err), err)
	}
	if fi.IsDir() {
		return w.dir(arg, arg, []dirEntry{{arg, fi}})
	}
	name := filepath.Base(arg)
	return w.file(arg, slug(strings.TrimSuffix(name, filepath.Ext(name))), FormatFromName(name))
}

type dirEntry struct {
	path string
	info fs.FileInfo
}

// dir reads the directory path below the input root; ancestors are the
// directories from root down to path, for finding symbolic-link loops.
func (w *walker) dir(root, path string, ancestors []dirEntry) bool {
	entries, err := os.ReadDir(path)
	if err != nil {
		return w.problem(path, 0, statReason(path, err), err)
	}
	for _, e := range entries { // sorted by name
		if !w.live() {
			return false
		}
		name := e.Name()
		p := filepath.Join(path, name)
		if strings.HasPrefix(name, ".") {
			w.skip(p, "hidden")
			continue
		}
		fi, err := os.Stat(p)
		if err != nil {
			if !w.problem(p, 0, statReason(p, err), err) {
				return false
			}
			continue
		}
		if fi.IsDir() {
			if loop := loopsTo(fi, ancestors); loop != "" {
				if !w.problem(p, 0, fmt.Sprintf("is a symbolic link to %s, which contains it (a directory loop); it was not followed, remove the link", loop), nil) {
					return false
				}
				continue
			}
			if !w.dir(root, p, append(ancestors[:len(ancestors):len(ancestors)], dirEntry{p, fi})) {
				return false
			}
			continue
		}
		if !fi.Mode().IsRegular() {
			w.skip(p, "not a regular file")
			continue
		}
		f := FormatFromName(name)
		if f == FormatUnknown {
			w.skip(p, "unknown extension")
			continue
		}
		rel, err := filepath.Rel(root, p)
		if err != nil {
			rel = name
		}
		rel = filepath.ToSlash(rel)
		if !w.file(p, slugPath(strings.TrimSuffix(rel, filepath.Ext(rel))), f) {
			return false
		}
	}
	return true
}

func loopsTo(fi fs.FileInfo, ancestors []dirEntry) string {
	for _, a := range ancestors {
		if os.SameFile(fi, a.info) {
			return a.path
		}
	}
	return ""
}

// statReason phrases an error from opening or listing path.
func statReason(path string, err error) string {
	switch {
	case errors.Is(err, syscall.ELOOP):
		return "is a symbolic link loop; fix or remove the link"
	case errors.Is(err, fs.ErrNotExist):
		if fi, lerr := os.Lstat(path); lerr == nil && fi.Mode()&fs.ModeSymlink != 0 {
			return "is a broken symbolic link (its target does not exist); fix or remove the link"
		}
		return "does not exist; check the path"
	case errors.Is(err, fs.ErrPermission):
		return "cannot be read: permission denied; check its permissions"
	}
	var pe *fs.PathError
	if errors.As(err, &pe) {
		err = pe.Err
	}
	return "cannot be read: " + err.Error()
}

// file reads one file; f is FormatUnknown when the file was named on the
// command line with an extension that says nothing, and is then sniffed.
func (w *walker) file(path, id string, f Format) bool {
	fh, err := os.Open(path)
	if err != nil {
		return w.problem(path, 0, statReason(path, err), err)
	}
	defer fh.Close()
	fi, err := fh.Stat()
	if err != nil {
		return w.problem(path, 0, statReason(path, err), err)
	}
	if fi.IsDir() {
		return w.problem(path, 0, "is a directory", nil)
	}
	br := bufio.NewReaderSize(fh, 64<<10)
	if f == FormatUnknown {
		head, _ := br.Peek(8 << 10)
		f = DetectFormat(path, head)
	}
	if f == FormatJSONL {
		return w.jsonl(br, path, id)
	}
	if fi.Mode().IsRegular() && fi.Size() > w.max {
		return w.problem(path, 0, w.tooLarge(), nil)
	}
	b, err := readLimited(br, w.max)
	if err != nil {
		if errors.Is(err, errTooLarge) {
			return w.problem(path, 0, w.tooLarge(), nil)
		}
		return w.problem(path, 0, statReason(path, err), err)
	}
	return w.document(b, f, path, id)
}

func (w *walker) stdin() bool {
	switch {
	case w.opt.Stdin == nil:
		return w.problem("-", 0, "standard input is not available", nil)
	case w.stdinRead:
		return w.problem("-", 0, "standard input was already read; pass - only once", nil)
	}
	w.stdinRead = true
	br := bufio.NewReaderSize(w.opt.Stdin, 64<<10)
	f := w.opt.StdinFormat
	if f == FormatUnknown {
		head, _ := br.Peek(8 << 10)
		f = DetectFormat("", head)
	}
	if f == FormatJSONL {
		return w.jsonl(br, "-", "stdin")
	}
	b, err := readLimited(br, w.max)
	if err != nil {
		if errors.Is(err, errTooLarge) {
			return w.problem("-", 0, w.tooLarge(), nil)
		}
		return w.problem("-", 0, "cannot be read: "+err.Error(), err)
	}
	return w.document(b, f, "-", "stdin")
}

var errTooLarge = errors.New("document too large")

// readLimited reads all of r, but never more than max+1 bytes.
func readLimited(r io.Reader, max int64) ([]byte, error) {
	b, err := io.ReadAll(io.LimitReader(r, max+1))
	if err != nil {
		return nil, err
	}
	if int64(len(b)) > max {
		return nil, errTooLarge
	}
	return b, nil
}

func (w *walker) tooLarge() string {
	return fmt.Sprintf("larger than %s %s; raise the limit or split the file", SizeFlag, formatSize(w.max))
}

// formatSize writes n bytes in the largest binary unit that holds it
// exactly ("10 MiB", "1 KiB"), else in bytes ("4000 bytes").
func formatSize(n int64) string {
	units := []string{"bytes", "KiB", "MiB", "GiB", "TiB"}
	i := 0
	for i < len(units)-1 && n >= 1024 && n%1024 == 0 {
		n /= 1024
		i++
	}
	return fmt.Sprintf("%d %s", n, units[i])
}

// document reads the whole content b of a text, Markdown or HTML input.
func (w *walker) document(b []byte, f Format, source, id string) bool {
	doc := &extract.Document{ID: id, Source: source}
	if reason := emptyReason(b); reason != "" {
		return w.problem(source, 0, reason, nil)
	}
	var (
		text string
		err  error
	)
	if f == FormatHTML {
		text, err = decodeHTML(b)
	} else {
		text, err = decodeText(b)
	}
	if err != nil {
		return w.problem(source, 0, err.Error(), nil)
	}
	var reason string
	switch f {
	case FormatHTML:
		text, reason = htmlArticle(text, doc)
	case FormatMarkdown:
		text = markdownArticle(text, doc, w.dates)
	}
	if reason == "" {
		reason = w.finish(doc, text)
	}
	if reason != "" {
		return w.problem(source, 0, reason, nil)
	}
	return w.emit(doc, 0)
}

func emptyReason(b []byte) string {
	if len(b) == 0 {
		return "is empty; nothing to read"
	}
	if len(strings.TrimSpace(string(b))) == 0 {
		return "contains only white space; nothing to read"
	}
	return ""
}

// finish makes body the document's reference text and fills in the title
// and date from the text when the metadata had none. It returns the reason
// when no text is left.
func (w *walker) finish(doc *extract.Document, body string) string {
	text := normalizeText(body)
	if strings.TrimSpace(text) == "" {
		return "contains no text; nothing to read"
	}
	text = strings.TrimSpace(furniture.Clean(text))
	text, marked := w.dates.stripDateMarker(text)
	text = strings.TrimSpace(text)
	if text == "" {
		return "contains only page furniture (navigation, share or comment prompts), no article text"
	}
	doc.Text = text
	doc.Title = oneLine(doc.Title)
	doc.Publisher = oneLine(doc.Publisher)
	doc.URL = strings.TrimSpace(doc.URL)
	if doc.Title == "" {
		doc.Title = headline(text)
	}
	if doc.Date.IsZero() {
		if !marked.IsZero() {
			doc.Date = marked
		} else if t, ok := w.dates.textDate(text); ok {
			doc.Date = t
		}
	}
	return ""
}

// oneLine collapses the white space of a metadata value and drops control
// characters.
func oneLine(s string) string {
	return strings.Join(strings.Fields(normalizeText(s)), " ")
}
