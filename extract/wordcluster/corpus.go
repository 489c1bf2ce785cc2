package wordcluster

import (
	"bufio"
	"encoding/json"
	"fmt"
	"io"
	"strings"
)

// AddJSONL counts the "text" field of every JSON Lines record, one
// paragraph (line of text) at a time.
func (c *Counter) AddJSONL(r io.Reader) error {
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 1<<20), 64<<20)
	for sc.Scan() {
		var rec struct {
			Text string `json:"text"`
		}
		if err := json.Unmarshal(sc.Bytes(), &rec); err != nil {
			return fmt.Errorf("wordcluster: jsonl: %w", err)
		}
		for _, para := range strings.Split(rec.Text, "\n") {
			if toks := SplitWords(para); len(toks) > 0 {
				c.Add(normalizeAll(toks))
			}
		}
	}
	if err := sc.Err(); err != nil {
		return fmt.Errorf("wordcluster: jsonl: %w", err)
	}
	return nil
}

// AddColumns counts tokenised text in column files: the token is column
// col (0-based) of lines split by white space; blank lines end sentences and
// lines starting with "#" or "-DOCSTART-" are skipped. Multi-word token
// lines of CoNLL-U ("3-4") are skipped.
func (c *Counter) AddColumns(r io.Reader, col int, tab bool) error {
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 1<<20), 16<<20)
	var sent []string
	for sc.Scan() {
		line := sc.Text()
		if strings.TrimSpace(line) == "" {
			if len(sent) > 0 {
				c.Add(normalizeAll(sent))
				sent = sent[:0]
			}
			continue
		}
		if strings.HasPrefix(line, "#") || strings.HasPrefix(line, "-DOCSTART-") {
			continue
		}
		var f []string
		if tab {
			f = strings.Split(line, "\t")
		} else {
			f = strings.Fields(line)
		}
		if len(f) <= col || strings.ContainsAny(f[0], "-.") && tab {
			continue
		}
		sent = append(sent, f[col])
	}
	if len(sent) > 0 {
		c.Add(normalizeAll(sent))
	}
	if err := sc.Err(); err != nil {
		return fmt.Errorf("wordcluster: columns: %w", err)
	}
	return nil
}

func normalizeAll(toks []string) []string {
	out := make([]string, len(toks))
	for i, t := range toks {
		out[i] = Normalize(t)
	}
	return out
}
