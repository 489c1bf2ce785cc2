package read

import (
	"strings"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"

	"github.com/factgraph/factgraph/extract"
)

// markdownArticle turns Markdown into text with goldmark: headings,
// paragraphs, list items, block quotes and code blocks keep their text,
// emphasis, links and inline code their words; images, raw HTML and rules
// are dropped. A "key: value" front matter between "---" lines gives the
// title, date, url and publisher; else the first level-1 heading (or a
// heading at the very start) is the title.
func markdownArticle(src string, doc *extract.Document, dates *dateParser) string {
	src = normalizeText(src)
	src = frontMatter(src, doc, dates)
	source := []byte(src)
	root := goldmark.New().Parser().Parse(text.NewReader(source))
	var m mdWriter
	m.src = source
	for c := root.FirstChild(); c != nil; c = c.NextSibling() {
		if h, ok := c.(*ast.Heading); ok && doc.Title == "" && (h.Level == 1 || c == root.FirstChild()) {
			var t mdWriter
			t.src = source
			t.inline(h)
			doc.Title = t.b.String()
		}
		m.block(c)
	}
	return m.b.String()
}

// frontMatter reads and removes a front matter block of "key: value" lines.
func frontMatter(src string, doc *extract.Document, dates *dateParser) string {
	if !strings.HasPrefix(src, "---\n") {
		return src
	}
	end := strings.Index(src[4:], "\n---")
	if end < 0 {
		return src
	}
	block, rest := src[4:4+end], src[4+end+4:]
	if i := strings.IndexByte(rest, '\n'); i >= 0 && strings.TrimSpace(rest[:i]) == "" {
		rest = rest[i+1:]
	} else if strings.TrimSpace(rest) != "" && i < 0 {
		return src
	}
	for _, line := range strings.Split(block, "\n") {
		key, val, ok := strings.Cut(line, ":")
		if !ok {
			continue
		}
		val = strings.Trim(strings.TrimSpace(val), `"'`)
		switch strings.ToLower(strings.TrimSpace(key)) {
		case "title", "headline":
			doc.Title = val
		case "date", "published", "datepublished":
			if t, ok := dates.parseMeta(val); ok {
				doc.Date = t
			}
		case "url", "link", "canonical":
			doc.URL = val
		case "publisher", "site", "source", "site_name":
			doc.Publisher = val
		}
	}
	return rest
}

type mdWriter struct {
	src []byte
	b   strings.Builder
}

func (m *mdWriter) paragraphBreak() {
	if m.b.Len() > 0 {
		m.b.WriteString("\n\n")
	}
}

func (m *mdWriter) block(n ast.Node) {
	switch n := n.(type) {
	case *ast.Heading, *ast.Paragraph, *ast.TextBlock:
		m.paragraphBreak()
		m.inline(n)
	case *ast.List:
		m.paragraphBreak()
		first := true
		for item := n.FirstChild(); item != nil; item = item.NextSibling() {
			if !first {
				m.b.WriteByte('\n')
			}
			first = false
			var sub mdWriter
			sub.src = m.src
			for c := item.FirstChild(); c != nil; c = c.NextSibling() {
				sub.block(c)
			}
			m.b.WriteString(strings.ReplaceAll(sub.b.String(), "\n\n", "\n"))
		}
	case *ast.Blockquote:
		for c := n.FirstChild(); c != nil; c = c.NextSibling() {
			m.block(c)
		}
	case *ast.CodeBlock, *ast.FencedCodeBlock:
		m.paragraphBreak()
		lines := n.Lines()
		var code strings.Builder
		for i := range lines.Len() {
			seg := lines.At(i)
			code.Write(seg.Value(m.src))
		}
		m.b.WriteString(strings.TrimRight(code.String(), "\n"))
	case *ast.HTMLBlock, *ast.ThematicBreak:
		// raw HTML and rules carry no article text
	default:
		for c := n.FirstChild(); c != nil; c = c.NextSibling() {
			m.block(c)
		}
	}
}

// inline writes the text of the inline children of n.
func (m *mdWriter) inline(n ast.Node) {
	for c := n.FirstChild(); c != nil; c = c.NextSibling() {
		switch c := c.(type) {
		case *ast.Text:
			v := c.Value(m.src)
			if !c.IsRaw() {
				v = util.ResolveNumericReferences(util.ResolveEntityNames(util.UnescapePunctuations(v)))
			}
			m.b.Write(v)
			if c.SoftLineBreak() || c.HardLineBreak() {
				m.b.WriteByte('\n')
			}
		case *ast.String:
			m.b.Write(c.Value)
		case *ast.AutoLink:
			m.b.Write(c.Label(m.src))
		case *ast.Image, *ast.RawHTML:
			// images' alt text and inline HTML are not article text
		default:
			m.inline(c)
		}
	}
}
