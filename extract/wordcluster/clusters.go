package wordcluster

import (
	"bufio"
	"fmt"
	"io"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Clusters maps words to Brown bit strings.
type Clusters struct {
	bits map[string]string
}

// New wraps a word → bit string map.
func New(bits map[string]string) *Clusters { return &Clusters{bits: bits} }

// Len returns the number of words with a cluster.
func (c *Clusters) Len() int {
	if c == nil {
		return 0
	}
	return len(c.bits)
}

// Normalize is the word form clustered and looked up: digits become 0.
func Normalize(w string) string {
	hasDigit := false
	for i := 0; i < len(w); i++ {
		if w[i] >= '0' && w[i] <= '9' {
			hasDigit = true
			break
		}
	}
	if !hasDigit {
		return w
	}
	b := []byte(w)
	for i, ch := range b {
		if ch >= '0' && ch <= '9' {
			b[i] = '0'
		}
	}
	return string(b)
}

// Lookup returns the bit string of w, trying w as written, then lower case,
// then title case, and "" when the word is unknown.
func (c *Clusters) Lookup(w string) string {
	if c == nil {
		return ""
	}
	w = Normalize(w)
	if b, ok := c.bits[w]; ok {
		return b
	}
	lw := strings.ToLower(w)
	if b, ok := c.bits[lw]; ok {
		return b
	}
	r, n := utf8.DecodeRuneInString(lw)
	if n > 0 {
		if b, ok := c.bits[string(unicode.ToUpper(r))+lw[n:]]; ok {
			return b
		}
	}
	return ""
}

// Write writes the clusters as "bits<TAB>word" lines, sorted by bit string.
func (c *Clusters) Write(w io.Writer) error {
	words := make([]string, 0, len(c.bits))
	for k := range c.bits {
		words = append(words, k)
	}
	sort.Slice(words, func(i, j int) bool {
		bi, bj := c.bits[words[i]], c.bits[words[j]]
		if bi != bj {
			return bi < bj
		}
		return words[i] < words[j]
	})
	bw := bufio.NewWriter(w)
	for _, k := range words {
		if _, err := fmt.Fprintf(bw, "%s\t%s\n", c.bits[k], k); err != nil {
			return fmt.Errorf("wordcluster: write: %w", err)
		}
	}
	return bw.Flush()
}

// Read reads clusters written by Write (extra columns, such as Liang's
// counts, are ignored).
func Read(r io.Reader) (*Clusters, error) {
	bits := map[string]string{}
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 1<<20), 1<<20)
	line := 0
	for sc.Scan() {
		line++
		f := strings.Split(sc.Text(), "\t")
		if len(f) < 2 {
			if strings.TrimSpace(sc.Text()) == "" {
				continue
			}
			return nil, fmt.Errorf("wordcluster: line %d: want bits<TAB>word", line)
		}
		bits[f[1]] = f[0]
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("wordcluster: read: %w", err)
	}
	return &Clusters{bits: bits}, nil
}

// SplitWords splits running text into tokens roughly as the Penn Treebank
// (and CoNLL-2003) does: white space, then punctuation at word edges, then
// clitics ('s, n't, 're, …). It is meant for preparing clustering corpora.
func SplitWords(text string) []string {
	var out []string
	for _, f := range strings.Fields(text) {
		out = splitEdges(out, f)
	}
	return out
}

func isEdgePunct(r rune) bool {
	return unicode.IsPunct(r) || unicode.IsSymbol(r)
}

func splitEdges(out []string, f string) []string {
	var tail []string
	// Leading punctuation.
	for f != "" {
		r, n := utf8.DecodeRuneInString(f)
		if !isEdgePunct(r) || len(f) == n {
			break
		}
		out = append(out, f[:n])
		f = f[n:]
	}
	// Trailing punctuation; keep the period of abbreviations like "U.S.".
	for f != "" {
		r, n := utf8.DecodeLastRuneInString(f)
		if !isEdgePunct(r) || len(f) == n {
			break
		}
		if r == '.' && strings.Count(f, ".") > 1 {
			break
		}
		tail = append(tail, f[len(f)-n:])
		f = f[:len(f)-n]
	}
	lf := strings.ToLower(f)
	for _, cl := range []string{"n't", "'s", "'re", "'ve", "'ll", "'d", "'m", "’s"} {
		if len(lf) > len(cl) && strings.HasSuffix(lf, cl) {
			out = append(out, f[:len(f)-len(cl)], f[len(f)-len(cl):])
			f = ""
			break
		}
	}
	if f != "" {
		out = append(out, f)
	}
	for i := len(tail) - 1; i >= 0; i-- {
		out = append(out, tail[i])
	}
	return out
}
