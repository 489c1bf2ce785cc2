package ner

import (
	"bufio"
	"fmt"
	"io"
	"strings"
)

// Format names a column format of labelled NER data.
type Format string

// The column formats read and written by the CLI.
const (
	// FormatCoNLL is CoNLL-2003: space-separated columns, token first, NE
	// tag last (IOB1 or IOB2), "-DOCSTART-" lines between documents.
	FormatCoNLL Format = "conll"
	// FormatIOB2 is the Universal NER layout: tab-separated index, token,
	// tag (IOB2), …, with "#" comment lines and "# newdoc" documents.
	FormatIOB2 Format = "iob2"
	// FormatCoNLLU is CoNLL-U with CorefUD "Entity=" brackets in MISC (GUM).
	FormatCoNLLU Format = "conllu"
)

// Sentence is one sentence of a column file.
type Sentence struct {
	// Pre holds the lines before the sentence that are not tokens (blank
	// lines, comments, -DOCSTART-), written back unchanged.
	Pre []string
	// Lines holds the token lines as read.
	Lines []string
	// Words are the tokens.
	Words []string
	// Gold holds the gold tags in IOB2 with the file's own types, or nil
	// when the file has no tag column.
	Gold []string
	// Doc is the index of the document the sentence belongs to.
	Doc int
}

// Corpus is a column file split into sentences.
type Corpus struct {
	Format    Format
	Sentences []Sentence
	// Post holds the non-token lines after the last sentence.
	Post []string
}

// Docs groups the sentence indices by document.
func (c *Corpus) Docs() [][]int {
	var out [][]int
	last := -1
	for i, s := range c.Sentences {
		if s.Doc != last || len(out) == 0 {
			out = append(out, nil)
			last = s.Doc
		}
		out[len(out)-1] = append(out[len(out)-1], i)
	}
	return out
}

// Words returns the number of tokens.
func (c *Corpus) Words() int {
	n := 0
	for _, s := range c.Sentences {
		n += len(s.Words)
	}
	return n
}

// ReadCorpus reads a column file in the given format.
func ReadCorpus(r io.Reader, f Format) (*Corpus, error) {
	switch f {
	case FormatCoNLL, FormatIOB2:
		return readColumns(r, f)
	case FormatCoNLLU:
		return readCoNLLU(r)
	}
	return nil, fmt.Errorf("ner: unknown input format %q (want conll, iob2 or conllu)", f)
}

func readColumns(r io.Reader, f Format) (*Corpus, error) {
	c := &Corpus{Format: f}
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 1<<20), 16<<20)
	var cur Sentence
	doc := 0
	seenDoc := false
	flush := func() {
		if len(cur.Words) > 0 {
			cur.Doc = doc
			c.Sentences = append(c.Sentences, cur)
			cur = Sentence{}
		}
	}
	lineNo := 0
	for sc.Scan() {
		lineNo++
		line := strings.TrimRight(sc.Text(), "\r")
		trimmed := strings.TrimSpace(line)
		switch {
		case trimmed == "":
			flush()
			cur.Pre = append(cur.Pre, line)
			continue
		case f == FormatCoNLL && strings.HasPrefix(trimmed, "-DOCSTART-"):
			flush()
			if seenDoc {
				doc++
			}
			seenDoc = true
			cur.Pre = append(cur.Pre, line)
			continue
		case f == FormatIOB2 && strings.HasPrefix(trimmed, "#"):
			flush()
			if strings.HasPrefix(trimmed, "# newdoc") {
				if seenDoc {
					doc++
				}
				seenDoc = true
			}
			cur.Pre = append(cur.Pre, line)
			continue
		}
		var word, tag string
		if f == FormatCoNLL {
			fields := strings.Fields(line)
			word = fields[0]
			if len(fields) > 1 {
				tag = fields[len(fields)-1]
			}
		} else {
			fields := strings.Split(line, "\t")
			if len(fields) < 2 {
				return nil, fmt.Errorf("ner: line %d: want index<TAB>token<TAB>tag", lineNo)
			}
			word = fields[1]
			if len(fields) > 2 {
				tag = fields[2]
			}
		}
		cur.Lines = append(cur.Lines, line)
		cur.Words = append(cur.Words, word)
		cur.Gold = append(cur.Gold, tag)
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("ner: read %s: %w", f, err)
	}
	flush()
	c.Post = cur.Pre
	for i := range c.Sentences {
		s := &c.Sentences[i]
		hasTag := false
		for _, t := range s.Gold {
			if t != "" {
				hasTag = true
			}
		}
		if !hasTag {
			s.Gold = nil
			continue
		}
		s.Gold = ToIOB2(s.Gold)
	}
	return c, nil
}

// ToIOB2 converts IOB1 (or IOB2, or BIOES) tags to IOB2; an empty or
// unparseable tag becomes O.
func ToIOB2(tags []string) []string {
	out := make([]string, len(tags))
	prevType := ""
	prevInside := false
	for i, t := range tags {
		p, typ := splitTag(t)
		switch p {
		case 'B', 'S', 'U':
			out[i] = "B-" + typ
		case 'I', 'E', 'L':
			if prevInside && prevType == typ {
				out[i] = "I-" + typ
			} else {
				out[i] = "B-" + typ
			}
		default:
			out[i] = "O"
			typ = ""
		}
		prevInside = p == 'B' || p == 'I'
		prevType = typ
	}
	return out
}

// splitTag splits "B-PER" into 'B' and "PER"; O and malformed tags give 'O'.
func splitTag(t string) (byte, string) {
	if len(t) < 3 || t[1] != '-' {
		return 'O', ""
	}
	return t[0], t[2:]
}

// Span is a typed token span [Start, End) of a sentence.
type Span struct {
	Start, End int
	Type       string
}

// Spans reads the entity spans of IOB2 tags.
func Spans(tags []string) []Span {
	var out []Span
	for i := 0; i < len(tags); i++ {
		p, typ := splitTag(tags[i])
		if p == 'O' {
			continue
		}
		j := i + 1
		for j < len(tags) {
			q, t2 := splitTag(tags[j])
			if q != 'I' || t2 != typ {
				break
			}
			j++
		}
		out = append(out, Span{i, j, typ})
		i = j - 1
	}
	return out
}

// readCoNLLU reads GUM CoNLL-U and turns its CorefUD entities into named
// entity spans: an entity mention whose head is a proper noun yields the run
// of proper nouns (with inner "of", "the", "&", "-") around that head, typed
// person → PER, organization → ORG, place → LOC, and event, object and
// abstract → MISC. Overlaps keep the longest span.
func readCoNLLU(r io.Reader) (*Corpus, error) {
	c := &Corpus{Format: FormatCoNLLU}
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 1<<20), 16<<20)
	type tok struct {
		form, upos string
		head       int
		misc       string
	}
	var toks []tok
	var pre []string
	doc := -1
	flush := func() {
		if len(toks) == 0 {
			return
		}
		s := Sentence{Pre: pre, Doc: doc}
		for _, t := range toks {
			s.Words = append(s.Words, t.form)
			s.Lines = append(s.Lines, t.form)
		}
		// Open mentions: stack of (id, type, start).
		type open struct {
			id, typ string
			start   int
		}
		var stack []open
		var spans []Span
		ph := func(k int) (string, int) { return toks[k].upos, toks[k].head }
		fm := func(k int) string { return toks[k].form }
		for i, t := range toks {
			ent := ""
			for _, kv := range strings.Split(t.misc, "|") {
				if strings.HasPrefix(kv, "Entity=") {
					ent = kv[len("Entity="):]
				}
			}
			for ent != "" {
				switch {
				case ent[0] == '(':
					j := 1
					for j < len(ent) && ent[j] != '(' && ent[j] != ')' {
						j++
					}
					body := ent[1:j]
					parts := strings.Split(body, "-")
					id, typ := parts[0], ""
					if len(parts) > 1 {
						typ = parts[1]
					}
					if j < len(ent) && ent[j] == ')' {
						spans = appendMention(spans, ph, fm, i, i+1, typ)
						j++
					} else {
						stack = append(stack, open{id, typ, i})
					}
					ent = ent[j:]
				default:
					j := 0
					for j < len(ent) && ent[j] != '(' && ent[j] != ')' {
						j++
					}
					id := ent[:j]
					if j < len(ent) && ent[j] == ')' {
						j++
					}
					ent = ent[j:]
					for k := len(stack) - 1; k >= 0; k-- {
						if stack[k].id == id {
							spans = appendMention(spans, ph, fm, stack[k].start, i+1, stack[k].typ)
							stack = append(stack[:k], stack[k+1:]...)
							break
						}
					}
					if id == "" {
						ent = ent[1:]
					}
				}
			}
		}
		s.Gold = flatten(spans, len(toks))
		c.Sentences = append(c.Sentences, s)
		toks = nil
		pre = nil
	}
	for sc.Scan() {
		line := sc.Text()
		if line == "" {
			flush()
			continue
		}
		if strings.HasPrefix(line, "#") {
			if strings.HasPrefix(line, "# newdoc") {
				doc++
			}
			pre = append(pre, line)
			continue
		}
		f := strings.Split(line, "\t")
		if len(f) < 10 || strings.ContainsAny(f[0], "-.") {
			continue
		}
		head := 0
		fmt.Sscan(f[6], &head)
		toks = append(toks, tok{form: f[1], upos: f[3], head: head, misc: f[9]})
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("ner: read conllu: %w", err)
	}
	flush()
	if doc < 0 {
		for i := range c.Sentences {
			c.Sentences[i].Doc = 0
		}
	}
	return c, nil
}

type posHead func(k int) (string, int)

type formAt func(k int) string

var gumTypes = map[string]string{
	"person": "PER", "organization": "ORG", "place": "LOC",
	"event": "MISC", "object": "MISC",
}

// bridge are the words that may stand between two proper nouns of one name.
var bridge = map[string]bool{"of": true, "the": true, "&": true, "-": true, "de": true, "for": true}

// appendMention adds the named-entity span of mention [start, end) if its
// head is a proper noun.
func appendMention(spans []Span, ph posHead, form formAt, start, end int, typ string) []Span {
	t, ok := gumTypes[typ]
	if !ok {
		return spans
	}
	head := -1
	for k := start; k < end; k++ {
		_, h := ph(k)
		if h-1 < start || h-1 >= end {
			head = k
			break
		}
	}
	if head < 0 {
		return spans
	}
	if p, _ := ph(head); p != "PROPN" {
		return spans
	}
	isName := func(k int) bool { p, _ := ph(k); return p == "PROPN" }
	lo, hi := head, head+1
	for lo > start && isName(lo-1) {
		lo--
	}
	for hi < end {
		if isName(hi) {
			hi++
			continue
		}
		// "University of Portsmouth", "Procter & Gamble".
		if hi+1 < end && isName(hi+1) && bridge[strings.ToLower(form(hi))] {
			hi += 2
			continue
		}
		break
	}
	return append(spans, Span{lo, hi, t})
}

// flatten keeps the longest non-overlapping spans and writes IOB2 tags.
func flatten(spans []Span, n int) []string {
	tags := make([]string, n)
	for i := range tags {
		tags[i] = "O"
	}
	used := make([]bool, n)
	for {
		best := -1
		for i, s := range spans {
			if s.End <= s.Start {
				continue
			}
			if best < 0 || s.End-s.Start > spans[best].End-spans[best].Start {
				best = i
			}
		}
		if best < 0 {
			break
		}
		s := spans[best]
		spans[best].End = spans[best].Start
		free := true
		for k := s.Start; k < s.End; k++ {
			if used[k] {
				free = false
			}
		}
		if !free {
			continue
		}
		for k := s.Start; k < s.End; k++ {
			used[k] = true
			if k == s.Start {
				tags[k] = "B-" + s.Type
			} else {
				tags[k] = "I-" + s.Type
			}
		}
	}
	return tags
}

// Lowercased returns a copy of the corpus with every word in lower case and
// the same tags: trained on beside the original, it teaches the tagger names
// written without capitals, as web text often has them (Mayhew et al. 2019,
// "ner and pos when nothing is capitalized").
func (c *Corpus) Lowercased() *Corpus {
	out := &Corpus{Format: c.Format, Sentences: make([]Sentence, len(c.Sentences))}
	for i, s := range c.Sentences {
		ls := Sentence{Gold: s.Gold, Doc: s.Doc, Words: make([]string, len(s.Words))}
		for j, w := range s.Words {
			ls.Words[j] = strings.ToLower(w)
		}
		out.Sentences[i] = ls
	}
	return out
}
