package read

import (
	"bytes"
	"path/filepath"
	"strings"
)

// Format is the kind of an input file.
type Format int

// The formats Documents reads.
const (
	FormatUnknown  Format = iota
	FormatText            // plain text: .txt, .text
	FormatMarkdown        // Markdown: .md, .markdown
	FormatHTML            // HTML: .html, .htm, .xhtml
	FormatJSONL           // JSON Lines, one article a line: .jsonl, .ndjson
)

func (f Format) String() string {
	switch f {
	case FormatText:
		return "text"
	case FormatMarkdown:
		return "markdown"
	case FormatHTML:
		return "html"
	case FormatJSONL:
		return "jsonl"
	}
	return "unknown"
}

// ParseFormat returns the format named s ("text", "markdown", "html",
// "jsonl", or an extension such as "md"), FormatUnknown for anything else.
func ParseFormat(s string) Format {
	s = strings.ToLower(strings.TrimPrefix(s, "."))
	for f := FormatText; f <= FormatJSONL; f++ {
		if s == f.String() {
			return f
		}
	}
	return FormatFromName("x." + s)
}

// FormatFromName returns the format that the extension of name stands for,
// or FormatUnknown.
func FormatFromName(name string) Format {
	switch strings.ToLower(filepath.Ext(name)) {
	case ".txt", ".text":
		return FormatText
	case ".md", ".markdown":
		return FormatMarkdown
	case ".html", ".htm", ".xhtml":
		return FormatHTML
	case ".jsonl", ".ndjson":
		return FormatJSONL
	}
	return FormatUnknown
}

// DetectFormat returns the format of a file from its name's extension, or,
// when the extension says nothing, from the first bytes of its content
// (head; 8 KiB are plenty): a JSON object at the start means JSON Lines,
// HTML tags mean HTML, a Markdown heading or front matter means Markdown,
// anything else is text. Whether the content is text at all is not checked
// here.
func DetectFormat(name string, head []byte) Format {
	if f := FormatFromName(name); f != FormatUnknown {
		return f
	}
	h := bytes.TrimLeft(bytes.TrimPrefix(head, utf8BOM), " \t\r\n")
	switch {
	case len(h) == 0:
		return FormatText
	case h[0] == '{':
		return FormatJSONL
	}
	lower := bytes.ToLower(h[:min(len(h), 4096)])
	if bytes.HasPrefix(lower, []byte("<!doctype html")) || bytes.HasPrefix(lower, []byte("<html")) ||
		bytes.HasPrefix(lower, []byte("<?xml")) && bytes.Contains(lower, []byte("<html")) {
		return FormatHTML
	}
	if h[0] == '<' {
		for _, tag := range []string{"<head", "<body", "<p>", "<p ", "<div", "<article", "<meta", "<title"} {
			if bytes.Contains(lower, []byte(tag)) {
				return FormatHTML
			}
		}
	}
	if bytes.HasPrefix(h, []byte("# ")) || bytes.HasPrefix(h, []byte("---\n")) || bytes.HasPrefix(h, []byte("---\r\n")) {
		return FormatMarkdown
	}
	return FormatText
}
