package read

import (
	"fmt"
	"net/url"
	"strings"

	trafilatura "github.com/markusmobius/go-trafilatura"
	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"

	"github.com/factgraph/factgraph/extract"
)

// htmlArticle extracts the article of an HTML page with go-trafilatura: it
// fills doc's title, publisher (og:site_name, JSON-LD publisher), URL
// (canonical link, else og:url) and date (article:published_time, JSON-LD,
// <time>, …) and returns the article text, paragraphs separated by blank
// lines, or the reason when the page holds no article.
func htmlArticle(page string, doc *extract.Document) (text, reason string) {
	defer func() {
		// go-trafilatura is a large port of a Python library; a page that
		// trips it must cost one document, not the whole run.
		if r := recover(); r != nil {
			text, reason = "", fmt.Sprintf("HTML extraction failed (%v); the page may be malformed", r)
		}
	}()
	root, err := html.Parse(strings.NewReader(page))
	if err != nil {
		return "", "cannot be parsed as HTML: " + err.Error()
	}
	canonical := canonicalURL(root)
	// go-trafilatura replaces an extraction shorter than MinExtractedSize
	// by its baseline, which runs all paragraphs together; short articles
	// are kept as extracted (the readability and DOM-distiller fallbacks
	// still compete), and the baseline is only the last resort.
	cfg := trafilatura.DefaultConfig()
	cfg.MinExtractedSize = 0
	opts := trafilatura.Options{
		Config:          cfg,
		EnableFallback:  true,
		ExcludeComments: true,
		HtmlDateMode:    trafilatura.Fast,
	}
	res, err := trafilatura.ExtractDocument(root, opts)
	if err != nil || res == nil || res.ContentNode == nil || strings.TrimSpace(res.ContentText) == "" {
		opts.Config = nil
		res, err = trafilatura.ExtractDocument(root, opts)
	}
	if err != nil || res == nil || res.ContentNode == nil {
		if err == nil {
			err = fmt.Errorf("empty result")
		}
		return "", fmt.Sprintf("no article text found in the HTML page (%v)", err)
	}
	md := res.Metadata
	doc.Title = md.Title
	doc.Publisher = md.Sitename
	doc.URL = md.URL
	if canonical != "" {
		doc.URL = canonical
	}
	if !md.Date.IsZero() && plausibleYear(md.Date) {
		doc.Date = md.Date
	}
	return nodeText(res.ContentNode), ""
}

// canonicalURL returns the absolute http(s) URL of <link rel="canonical">.
func canonicalURL(n *html.Node) string {
	if n.Type == html.ElementNode && n.DataAtom == atom.Link {
		var rel, href string
		for _, a := range n.Attr {
			switch strings.ToLower(a.Key) {
			case "rel":
				rel = strings.ToLower(a.Val)
			case "href":
				href = strings.TrimSpace(a.Val)
			}
		}
		if rel == "canonical" {
			if u, err := url.Parse(href); err == nil && (u.Scheme == "http" || u.Scheme == "https") && u.Host != "" {
				return href
			}
		}
	}
	if n.Type == html.ElementNode && n.DataAtom == atom.Body {
		return ""
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if u := canonicalURL(c); u != "" {
			return u
		}
	}
	return ""
}

// nodeText renders an HTML tree as text: block elements become paragraphs
// separated by a blank line, list items, table rows and <br> end a line, and
// white space inside a paragraph collapses to single spaces (except in
// <pre>).
func nodeText(n *html.Node) string {
	var t textWriter
	t.walk(n, false)
	return strings.TrimSpace(t.b.String())
}

type textWriter struct {
	b     strings.Builder
	brk   int  // pending break: 0 none, 1 line, 2 paragraph
	space bool // pending space inside a line
}

// lineElements end a line; paragraphElements end a paragraph.
var (
	lineElements = map[atom.Atom]bool{
		atom.Li: true, atom.Tr: true, atom.Dt: true, atom.Dd: true, atom.Figcaption: true,
		atom.Caption: true, atom.Summary: true, atom.Option: true,
	}
	paragraphElements = map[atom.Atom]bool{
		atom.P: true, atom.Div: true, atom.Section: true, atom.Article: true, atom.Main: true,
		atom.H1: true, atom.H2: true, atom.H3: true, atom.H4: true, atom.H5: true, atom.H6: true,
		atom.Ul: true, atom.Ol: true, atom.Dl: true, atom.Blockquote: true, atom.Pre: true,
		atom.Table: true, atom.Figure: true, atom.Header: true, atom.Footer: true, atom.Aside: true,
		atom.Address: true, atom.Details: true, atom.Hr: true, atom.Body: true, atom.Form: true,
		atom.Fieldset: true, atom.Nav: true, atom.Center: true,
	}
	skipElements = map[atom.Atom]bool{
		atom.Script: true, atom.Style: true, atom.Noscript: true, atom.Template: true,
		atom.Head: true, atom.Svg: true, atom.Math: true, atom.Iframe: true, atom.Object: true,
		atom.Button: true, atom.Select: true, atom.Textarea: true, atom.Input: true,
	}
)

func (t *textWriter) lineBreak(kind int) {
	if t.b.Len() > 0 {
		t.brk = max(t.brk, kind)
	}
	t.space = false
}

func (t *textWriter) text(s string, pre bool) {
	if pre {
		t.flush()
		t.b.WriteString(s)
		return
	}
	for i, f := range strings.Fields(s) {
		if i > 0 || startsWithSpace(s) {
			t.space = true
		}
		t.flush()
		t.b.WriteString(f)
	}
	if endsWithSpace(s) {
		t.space = true
	}
}

func (t *textWriter) flush() {
	switch {
	case t.brk == 2:
		t.b.WriteString("\n\n")
	case t.brk == 1:
		t.b.WriteByte('\n')
	case t.space && t.b.Len() > 0:
		t.b.WriteByte(' ')
	}
	t.brk, t.space = 0, false
}

func startsWithSpace(s string) bool { return s != "" && strings.TrimLeft(s[:1], " \t\n\r\f") == "" }
func endsWithSpace(s string) bool {
	return s != "" && strings.TrimLeft(s[len(s)-1:], " \t\n\r\f") == ""
}

func (t *textWriter) walk(n *html.Node, pre bool) {
	switch n.Type {
	case html.TextNode:
		t.text(n.Data, pre)
		return
	case html.ElementNode:
		// go-trafilatura renames elements without updating DataAtom.
		a := atom.Lookup([]byte(strings.ToLower(n.Data)))
		if skipElements[a] {
			return
		}
		switch {
		case a == atom.Br:
			t.lineBreak(1)
			return
		case a == atom.Td || a == atom.Th:
			t.space = true
		case a == atom.Img:
			return
		}
		pre = pre || a == atom.Pre
	case html.CommentNode, html.DoctypeNode:
		return
	}
	kind := 0
	if n.Type == html.ElementNode {
		a := atom.Lookup([]byte(strings.ToLower(n.Data)))
		if paragraphElements[a] {
			kind = 2
		} else if lineElements[a] {
			kind = 1
		}
	}
	if kind > 0 {
		t.lineBreak(kind)
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		t.walk(c, pre)
	}
	if kind > 0 {
		t.lineBreak(kind)
	}
}
