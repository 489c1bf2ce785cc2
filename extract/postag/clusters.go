package postag

import (
	"bufio"
	"compress/gzip"
	"fmt"
	"io"
	"sort"
	"strings"

	"github.com/factgraph/factgraph/extract/nlp/perceptron"
)

// Clusters maps words to Brown clusters (bit strings), which the tagger and
// the parser use as features of coarse and fine grain: the 4-, 6- and
// 10-bit prefixes and the whole string. Words are looked up as written,
// then lower-cased, with digits turned into 0.
type Clusters struct {
	bits map[string]string
	hash map[string]ClusterHash
}

// ClusterHash holds the hashed 4-, 6- and 10-bit prefixes and the whole
// bit string of a word's cluster.
type ClusterHash [4]uint64

var unknownCluster = ClusterHash{0x554e4b34, 0x554e4b36, 0x554e4b31, 0x554e4b46}

// NewClusters wraps a word → bit string map.
func NewClusters(bits map[string]string) *Clusters {
	c := &Clusters{bits: bits, hash: make(map[string]ClusterHash, len(bits))}
	for w, b := range bits {
		var h ClusterHash
		for i, n := range [...]int{4, 6, 10, len(b)} {
			p := b
			if len(p) > n {
				p = p[:n]
			}
			h[i] = perceptron.F1(uint64(0xB0+i), perceptron.String(p))
		}
		c.hash[w] = h
	}
	return c
}

// Len returns the number of words with a cluster.
func (c *Clusters) Len() int {
	if c == nil {
		return 0
	}
	return len(c.bits)
}

// Lookup returns the cluster hashes of a word.
func (c *Clusters) Lookup(word string) ClusterHash {
	if c == nil || len(c.hash) == 0 {
		return unknownCluster
	}
	w := normalize(word)
	if h, ok := c.hash[w]; ok {
		return h
	}
	if h, ok := c.hash[strings.ToLower(w)]; ok {
		return h
	}
	return unknownCluster
}

func normalize(w string) string {
	if strings.IndexAny(w, "123456789") < 0 {
		return w
	}
	b := []byte(w)
	for i, c := range b {
		if c >= '1' && c <= '9' {
			b[i] = '0'
		}
	}
	return string(b)
}

// ReadClusters reads "bits<TAB>word" lines (gzip-compressed or not).
func ReadClusters(r io.Reader) (*Clusters, error) {
	br := bufio.NewReader(r)
	if head, err := br.Peek(2); err == nil && head[0] == 0x1f && head[1] == 0x8b {
		zr, err := gzip.NewReader(br)
		if err != nil {
			return nil, fmt.Errorf("postag: clusters: %w", err)
		}
		br = bufio.NewReader(zr)
	}
	bits := map[string]string{}
	sc := bufio.NewScanner(br)
	sc.Buffer(make([]byte, 64*1024), 1<<20)
	for sc.Scan() {
		b, w, ok := strings.Cut(sc.Text(), "\t")
		if !ok || b == "" || w == "" {
			continue
		}
		bits[w] = b
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("postag: clusters: %w", err)
	}
	return NewClusters(bits), nil
}

// WriteTo writes the clusters as sorted "bits<TAB>word" lines.
func (c *Clusters) WriteTo(w io.Writer) (int64, error) {
	words := make([]string, 0, len(c.bits))
	for k := range c.bits {
		words = append(words, k)
	}
	sort.Strings(words)
	bw := bufio.NewWriter(w)
	for _, k := range words {
		fmt.Fprintf(bw, "%s\t%s\n", c.bits[k], k)
	}
	return 0, bw.Flush()
}

// encode appends the clusters to a model file.
func (c *Clusters) encode(w io.Writer) error {
	var words, bits []string
	if c != nil {
		for k := range c.bits {
			words = append(words, k)
		}
		sort.Strings(words)
		for _, k := range words {
			bits = append(bits, c.bits[k])
		}
	}
	if err := perceptron.WriteStrings(w, words); err != nil {
		return err
	}
	return perceptron.WriteStrings(w, bits)
}

// DecodeClusters reads clusters written into a model file.
func DecodeClusters(d *perceptron.Decoder) *Clusters {
	words, bits := d.Strings(), d.Strings()
	if len(words) != len(bits) {
		return NewClusters(nil)
	}
	m := make(map[string]string, len(words))
	for i, w := range words {
		m[w] = bits[i]
	}
	return NewClusters(m)
}

// EncodeClusters writes clusters into a model file (nil for none).
func EncodeClusters(w io.Writer, c *Clusters) error { return c.encode(w) }
