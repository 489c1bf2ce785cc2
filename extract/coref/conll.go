// Package coref reads and writes CoNLL-2012-style coreference files,
// scores coreference with MUC, B³, CEAF-e and their mean (the CoNLL
// score), and resolves coreference in tokenised text: it segments, tags
// and parses the tokens and recognizes names with the shipped models, takes
// every noun phrase and personal or demonstrative pronoun of the parse as a
// candidate mention, and links each to its best-scoring earlier mention,
// or to none, with a mention-ranking model (an averaged perceptron over
// hashed pair and anaphoricity features) trained on OntoGUM by Train.
package coref

import (
	"bufio"
	"fmt"
	"io"
	"regexp"
	"sort"
	"strconv"
	"strings"
)

// Line is one line of a CoNLL file: a comment, a blank sentence break, or
// a token with its columns.
type Line struct {
	Raw     string   // the line as read, without the line end
	Cols    []string // tab- or space-separated columns of a token line
	Token   int      // index of the token in the document, -1 for other lines
	Comment bool
}

// Document is one "#begin document" … "#end document" block.
type Document struct {
	Name  string
	Lines []Line
	// Tokens are the token texts (column 2), in order.
	Tokens []string
	// SentenceStarts are the token indices that start a sentence (after a
	// blank line, or 0).
	SentenceStarts []int
}

// Read reads every document of a CoNLL-2012-style file. Lines before the
// first "#begin document" form a document of their own.
func Read(r io.Reader) ([]*Document, error) {
	var docs []*Document
	var cur *Document
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 1<<20), 1<<24)
	n := 0
	newDoc := func(name string) {
		cur = &Document{Name: name}
		docs = append(docs, cur)
	}
	sentStart := true
	for sc.Scan() {
		n++
		raw := strings.TrimRight(sc.Text(), "\r")
		trim := strings.TrimSpace(raw)
		switch {
		case strings.HasPrefix(trim, "#begin document") || strings.HasPrefix(trim, "# begin document"):
			name := strings.TrimSpace(strings.TrimPrefix(strings.TrimPrefix(strings.TrimPrefix(trim, "#"), " "), "begin document"))
			newDoc(name)
			cur.Lines = append(cur.Lines, Line{Raw: raw, Token: -1, Comment: true})
			sentStart = true
			continue
		}
		if cur == nil {
			newDoc("")
		}
		switch {
		case strings.HasPrefix(trim, "#"):
			cur.Lines = append(cur.Lines, Line{Raw: raw, Token: -1, Comment: true})
		case trim == "":
			cur.Lines = append(cur.Lines, Line{Raw: raw, Token: -1})
			sentStart = true
		default:
			cols := strings.Split(raw, "\t")
			if len(cols) < 2 {
				cols = strings.Fields(raw)
			}
			if len(cols) < 2 {
				return nil, fmt.Errorf("line %d: want at least two columns (index, token): %q", n, raw)
			}
			if sentStart {
				cur.SentenceStarts = append(cur.SentenceStarts, len(cur.Tokens))
				sentStart = false
			}
			cur.Lines = append(cur.Lines, Line{Raw: raw, Cols: cols, Token: len(cur.Tokens)})
			cur.Tokens = append(cur.Tokens, cols[1])
		}
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("line %d: %w", n, err)
	}
	return docs, nil
}

// bracketRe splits a bracket column: "(12", "12)", "(12)", joined by "|"
// or written together ("4)3)2)", "(3(4)").
var bracketRe = regexp.MustCompile(`\(?[^()|]+\)?`)

// Clusters reads the coreference brackets of the last column: "(12",
// "12)", "(12)", several joined by "|"; GUM's typed ids ("(person-3")
// count by their number. Brackets are matched per id, innermost first.
func (d *Document) Clusters() (Clusters, error) {
	open := map[string][]int{}
	byID := map[string][]Mention{}
	var order []string
	for _, l := range d.Lines {
		if l.Token < 0 {
			continue
		}
		col := l.Cols[len(l.Cols)-1]
		if col == "_" || col == "-" || len(l.Cols) < 3 {
			continue
		}
		for _, part := range bracketRe.FindAllString(col, -1) {
			opens, closes := strings.HasPrefix(part, "("), strings.HasSuffix(part, ")")
			id := strings.TrimSuffix(strings.TrimPrefix(part, "("), ")")
			if i := strings.LastIndex(id, "-"); i >= 0 {
				id = id[i+1:]
			}
			if id == "" {
				continue
			}
			if _, ok := byID[id]; !ok {
				order = append(order, id)
				byID[id] = nil
			}
			switch {
			case opens && closes:
				byID[id] = append(byID[id], Mention{l.Token, l.Token})
			case opens:
				open[id] = append(open[id], l.Token)
			case closes:
				st := open[id]
				if len(st) == 0 {
					return nil, fmt.Errorf("%s: token %d closes %s that is not open", d.Name, l.Token, id)
				}
				byID[id] = append(byID[id], Mention{st[len(st)-1], l.Token})
				open[id] = st[:len(st)-1]
			}
		}
	}
	var cs Clusters
	for _, id := range order {
		if ms := dedupe(byID[id]); len(ms) > 0 {
			cs = append(cs, ms)
		}
	}
	return cs, nil
}

func dedupe(ms []Mention) []Mention {
	sort.Slice(ms, func(i, j int) bool {
		if ms[i].Start != ms[j].Start {
			return ms[i].Start < ms[j].Start
		}
		return ms[i].End < ms[j].End
	})
	out := ms[:0]
	for i, m := range ms {
		if i == 0 || m != ms[i-1] {
			out = append(out, m)
		}
	}
	return out
}

// Brackets renders clusters as one bracket column per token ("(1", "1)",
// "(1)", "_"), chains numbered from 1 in the order given.
func Brackets(ntok int, cs Clusters) []string {
	type ev struct {
		id, start, end int
	}
	at := make([][]ev, ntok)
	for i, c := range cs {
		for _, m := range c {
			if m.Start < 0 || m.End >= ntok || m.End < m.Start {
				continue
			}
			at[m.Start] = append(at[m.Start], ev{i + 1, m.Start, m.End})
			if m.End != m.Start {
				at[m.End] = append(at[m.End], ev{i + 1, m.Start, m.End})
			}
		}
	}
	out := make([]string, ntok)
	for t, evs := range at {
		// Openings of longer spans first, closings of shorter spans first.
		sort.SliceStable(evs, func(a, b int) bool { return evs[a].end-evs[a].start > evs[b].end-evs[b].start })
		var parts []string
		for _, e := range evs {
			switch {
			case e.start == e.end:
				parts = append(parts, "("+strconv.Itoa(e.id)+")")
			case e.start == t:
				parts = append(parts, "("+strconv.Itoa(e.id))
			}
		}
		for k := len(evs) - 1; k >= 0; k-- {
			if e := evs[k]; e.start != e.end && e.end == t {
				parts = append(parts, strconv.Itoa(e.id)+")")
			}
		}
		if len(parts) == 0 {
			out[t] = "_"
		} else {
			out[t] = strings.Join(parts, "|")
		}
	}
	return out
}

// Write writes the document's lines with cs as a new last column of every
// token line; comments and blank lines are kept as they were.
func (d *Document) Write(w io.Writer, cs Clusters) error {
	col := Brackets(len(d.Tokens), cs)
	bw := bufio.NewWriter(w)
	for _, l := range d.Lines {
		if l.Token < 0 {
			bw.WriteString(l.Raw)
		} else {
			bw.WriteString(strings.Join(l.Cols, "\t"))
			bw.WriteByte('\t')
			bw.WriteString(col[l.Token])
		}
		bw.WriteByte('\n')
	}
	if err := bw.Flush(); err != nil {
		return fmt.Errorf("write %s: %w", d.Name, err)
	}
	return nil
}
