package relation

import (
	"sort"
	"strings"

	"github.com/factgraph/factgraph/extract"
)

// tree is a read-only view of one parsed sentence: tokens with their
// children, indexed from 0 (the parse's 1-based heads shifted by one).
type tree struct {
	toks []extract.Token
	head []int   // head index, -1 for the root
	kids [][]int // children in text order
	rel  []string
}

// newTree builds the view; ok is false when the sentence is not parsed or
// its heads do not form a tree.
func newTree(toks []extract.Token) (*tree, bool) {
	n := len(toks)
	if n == 0 {
		return nil, false
	}
	t := &tree{toks: toks, head: make([]int, n), kids: make([][]int, n), rel: make([]string, n)}
	roots := 0
	for i := range toks {
		h := toks[i].Head
		if h < 0 || h > n || h == i+1 {
			return nil, false
		}
		t.head[i] = h - 1
		if h == 0 {
			roots++
		}
		t.rel[i] = toks[i].DepRel
	}
	if roots == 0 {
		return nil, false
	}
	// Reject cycles: every token must reach a root within n steps.
	for i := range toks {
		j, steps := i, 0
		for j >= 0 && steps <= n {
			j = t.head[j]
			steps++
		}
		if j >= 0 {
			return nil, false
		}
	}
	for i := range toks {
		if h := t.head[i]; h >= 0 {
			t.kids[h] = append(t.kids[h], i)
		}
	}
	return t, true
}

// base returns the universal part of a relation ("nsubj" of "nsubj:pass").
func base(rel string) string {
	if i := strings.IndexByte(rel, ':'); i >= 0 {
		return rel[:i]
	}
	return rel
}

func (t *tree) lower(i int) string { return strings.ToLower(t.toks[i].Text) }

func (t *tree) lemma(i int) string {
	if l := t.toks[i].Lemma; l != "" && l != "_" {
		return strings.ToLower(l)
	}
	return t.lower(i)
}

// child returns the first child of i whose relation is one of rels (full
// or universal part), or -1.
func (t *tree) child(i int, rels ...string) int {
	for _, k := range t.kids[i] {
		for _, r := range rels {
			if t.rel[k] == r || base(t.rel[k]) == r && !strings.Contains(r, ":") {
				return k
			}
		}
	}
	return -1
}

// children returns the children of i with the given relations.
func (t *tree) children(i int, rels ...string) []int {
	var out []int
	for _, k := range t.kids[i] {
		for _, r := range rels {
			if t.rel[k] == r || base(t.rel[k]) == r && !strings.Contains(r, ":") {
				out = append(out, k)
				break
			}
		}
	}
	return out
}

// conjuncts returns i and the tokens coordinated with it (conj children,
// recursively).
func (t *tree) conjuncts(i int) []int {
	out := []int{i}
	for k := 0; k < len(out) && k < 16; k++ {
		for _, c := range t.kids[out[k]] {
			if base(t.rel[c]) == "conj" && t.toks[c].UPOS == t.toks[i].UPOS || base(t.rel[c]) == "conj" && isNominal(t.toks[c].UPOS) && isNominal(t.toks[i].UPOS) {
				out = append(out, c)
			}
		}
	}
	return out
}

func isNominal(upos string) bool {
	switch upos {
	case "NOUN", "PROPN", "PRON", "NUM":
		return true
	}
	return false
}

func isPunctTok(tok *extract.Token) bool {
	if tok.UPOS == "PUNCT" {
		return true
	}
	for _, r := range tok.Text {
		if !strings.ContainsRune(".,;:!?“”\"'‘’«»()[]–—-…`", r) {
			return false
		}
	}
	return tok.Text != ""
}

// span collects the subtree of i into a sorted set of token indices,
// leaving out the subtrees of children whose relation skip rejects.
func (t *tree) span(i int, skip func(child int) bool) []int {
	var out []int
	var walk func(j int, depth int)
	walk = func(j int, depth int) {
		if depth > len(t.toks) {
			return
		}
		out = append(out, j)
		for _, k := range t.kids[j] {
			if skip != nil && skip(k) {
				continue
			}
			walk(k, depth+1)
		}
	}
	walk(i, 0)
	sortInts(out)
	// Trim punctuation and coordinators at the edges.
	for len(out) > 1 && (isPunctTok(&t.toks[out[0]]) || t.rel[out[0]] == "cc") && out[0] != i {
		out = out[1:]
	}
	for len(out) > 1 && (isPunctTok(&t.toks[out[len(out)-1]]) || t.rel[out[len(out)-1]] == "cc") && out[len(out)-1] != i {
		out = out[:len(out)-1]
	}
	return out
}

func sortInts(a []int) {
	for i := 1; i < len(a); i++ {
		for j := i; j > 0 && a[j] < a[j-1]; j-- {
			a[j], a[j-1] = a[j-1], a[j]
		}
	}
}

// text joins the tokens' texts with single spaces.
func (t *tree) text(idx []int) string {
	var b strings.Builder
	for k, i := range idx {
		if k > 0 {
			b.WriteByte(' ')
		}
		b.WriteString(t.toks[i].Text)
	}
	return b.String()
}

// withPunct adds to a phrase the punctuation inside it that is attached to
// one of its tokens ("Coca - Cola", "Dearborn , Mich. ,"), as written.
func (t *tree) withPunct(idx []int) []int {
	if len(idx) < 2 {
		return idx
	}
	lo, hi := idx[0], idx[len(idx)-1]
	var out []int
	for p := lo + 1; p < hi; p++ {
		if isPunctTok(&t.toks[p]) && !inSorted(idx, p) && inSorted(idx, t.head[p]) {
			out = append(out, p)
		}
	}
	if len(out) == 0 {
		return idx
	}
	out = append(out, idx...)
	sortInts(out)
	return out
}

// otext is the text of a phrase for open IE tuples: its tokens with
// their inner punctuation.
func (t *tree) otext(idx []int) string { return t.text(t.withPunct(idx)) }

// inSorted reports whether the sorted idx holds i.
func inSorted(idx []int, i int) bool {
	k := sort.SearchInts(idx, i)
	return k < len(idx) && idx[k] == i
}
