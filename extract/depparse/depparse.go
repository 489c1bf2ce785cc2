// Package depparse is a greedy transition-based dependency parser for
// Universal Dependencies.
//
// It uses the arc-hybrid transition system with the root at the end of the
// buffer (see state.go), trained with the dynamic oracle of Goldberg &
// Nivre (2013) and error exploration. Two averaged perceptrons (package
// perceptron) share the configuration features in the style of Zhang &
// Nivre (2011): one chooses among SHIFT, LEFT and RIGHT, the other labels
// each arc as it is made, with the full UD relation including subtypes
// (nsubj:pass, obl:tmod). Training trees that are not projective are made
// projective first by lifting the offending arcs to the head's head
// (labels unchanged); the parser itself only produces projective trees.
package depparse

import (
	"bufio"
	"context"
	"fmt"
	"io"
	"math/rand/v2"

	"github.com/factgraph/factgraph/extract/conllu"
	"github.com/factgraph/factgraph/extract/nlp/perceptron"
	"github.com/factgraph/factgraph/extract/postag"
)

// Sentence is the input of the parser: words with their tags.
type Sentence struct {
	Words, UPOS, XPOS []string
}

// Example is a training sentence: a Sentence with gold heads (1-based, 0
// for the root) and relations.
type Example struct {
	Sentence
	Heads  []int
	DepRel []string
}

// Parser is a trained parser, read-only and safe for concurrent use.
type Parser struct {
	trans  *perceptron.Model
	labels *perceptron.Model
	names  []string
	root   int // index of "root" in names
	// clusters, when set, adds Brown-cluster features.
	clusters *postag.Clusters
}

// Labels returns the relation names the parser knows.
func (p *Parser) Labels() []string { return p.names }

// Scratch holds the per-call buffers of Parse; use one per goroutine.
type Scratch struct {
	st     state
	fz     featurizer
	scores []float32
}

// Parse parses a sentence, writing the 1-based head of every word (0 for
// the root) into heads and its relation into rels.
func (p *Parser) Parse(s Sentence, heads []int, rels []string, sc *Scratch) {
	if sc == nil {
		sc = &Scratch{}
	}
	n := len(s.Words)
	if n == 0 {
		return
	}
	sc.fz.prepare(s.Words, s.UPOS, s.XPOS, p.clusters)
	st := &sc.st
	st.reset(n)
	if cap(sc.scores) < len(p.names) {
		sc.scores = make([]float32, max(len(p.names), nTrans))
	}
	ts := sc.scores[:nTrans]
	for !st.terminal() {
		p.trans.Scores(sc.fz.transition(st), ts)
		best := -1
		for t := 0; t < nTrans; t++ {
			if st.valid(t) && (best < 0 || ts[t] > ts[best]) {
				best = t
			}
		}
		label := -1
		if best != shift {
			label = p.label(st, best, sc)
		}
		st.apply(best, label)
	}
	for i := 0; i < n; i++ {
		h := st.heads[i]
		if h == n {
			heads[i] = 0
		} else {
			heads[i] = h + 1
		}
		rels[i] = p.names[st.label[i]]
	}
	repairClauseSubjects(s, heads, rels)
}

func (p *Parser) label(st *state, t int, sc *Scratch) int {
	h, d := st.arc(t)
	if h == st.n {
		return p.root
	}
	ls := sc.scores[:len(p.names)]
	p.labels.Scores(sc.fz.labelFeatures(st, h, d, t), ls)
	best := -1
	for l, v := range ls {
		if l != p.root && (best < 0 || v > ls[best]) {
			best = l
		}
	}
	return best
}

// Options control training.
type Options struct {
	Epochs int
	Seed   uint64
	// ExploreFrom is the first epoch (0-based) in which the parser follows
	// its own wrong predictions with probability Explore.
	ExploreFrom int
	Explore     float64
	// MinWeight prunes features whose largest averaged weight is smaller.
	MinWeight float32
	// Clusters adds Brown-cluster features when set.
	Clusters *postag.Clusters
	// AfterEpoch, when set, is called after every epoch with a parser
	// built from the averaged weights so far (unpruned), for monitoring
	// a development set.
	AfterEpoch func(epoch int, p *Parser)
	Log        func(format string, args ...any)
}

// Train trains a parser on the examples.
func Train(ctx context.Context, data []Example, opt Options) (*Parser, error) {
	if opt.Epochs <= 0 {
		opt.Epochs = 10
	}
	if opt.Explore == 0 {
		opt.Explore = 0.9
	}
	if opt.ExploreFrom == 0 {
		opt.ExploreFrom = 1
	}
	logf := opt.Log
	if logf == nil {
		logf = func(string, ...any) {}
	}
	p := &Parser{root: -1, clusters: opt.Clusters}
	// labels in order of decreasing frequency, ties by name (deterministic).
	count := map[string]int{}
	for _, ex := range data {
		for _, r := range ex.DepRel {
			count[r]++
		}
	}
	for r := range count {
		p.names = append(p.names, r)
	}
	sortByCount(p.names, count)
	labelID := map[string]int{}
	for i, r := range p.names {
		labelID[r] = i
		if r == "root" {
			p.root = i
		}
	}
	if p.root < 0 {
		p.names = append(p.names, "root")
		p.root = len(p.names) - 1
		labelID["root"] = p.root
	}
	type goldTree struct {
		heads, labels []int
	}
	gold := make([]goldTree, len(data))
	lifted := 0
	for i, ex := range data {
		n := len(ex.Words)
		g := goldTree{heads: make([]int, n), labels: make([]int, n)}
		for j := 0; j < n; j++ {
			h := ex.Heads[j]
			if h <= 0 || h > n {
				h = n // root (and broken heads) to the root token
			} else {
				h--
			}
			g.heads[j] = h
			g.labels[j] = labelID[ex.DepRel[j]]
		}
		lifted += projectivize(g.heads)
		gold[i] = g
	}
	logf("parser: %d sentences, %d labels, %d arcs lifted to make trees projective", len(data), len(p.names), lifted)

	tt := perceptron.NewTrainer(nTrans)
	lt := perceptron.NewTrainer(len(p.names))
	order := make([]int, len(data))
	for i := range order {
		order[i] = i
	}
	rng := rand.New(rand.NewPCG(opt.Seed, 0x706172736572))
	sc := &Scratch{}
	st := &sc.st
	tscores := make([]int64, nTrans)
	lscores := make([]int64, len(p.names))
	var costs [nTrans]int
	for ep := 0; ep < opt.Epochs; ep++ {
		rng.Shuffle(len(order), func(i, j int) { order[i], order[j] = order[j], order[i] })
		var correct, total, lcorrect, ltotal int
		for k, si := range order {
			if k%500 == 0 {
				if err := ctx.Err(); err != nil {
					return nil, err
				}
			}
			ex := &data[si]
			g := &gold[si]
			n := len(ex.Words)
			if n == 0 {
				continue
			}
			sc.fz.prepare(ex.Words, ex.UPOS, ex.XPOS, p.clusters)
			st.reset(n)
			for !st.terminal() {
				feats := sc.fz.transition(st)
				tt.Scores(feats, tscores)
				pred, bestGold := -1, -1
				minCost := 1 << 30
				for t := 0; t < nTrans; t++ {
					if !st.valid(t) {
						costs[t] = -1
						continue
					}
					costs[t] = st.cost(t, g.heads)
					if costs[t] < minCost {
						minCost = costs[t]
					}
					if pred < 0 || tscores[t] > tscores[pred] {
						pred = t
					}
				}
				for t := 0; t < nTrans; t++ {
					if costs[t] == minCost && (bestGold < 0 || tscores[t] > tscores[bestGold]) {
						bestGold = t
					}
				}
				total++
				next := bestGold
				if costs[pred] == minCost {
					correct++
					next = pred
				} else {
					tt.Update(feats, bestGold, pred)
					if ep >= opt.ExploreFrom && rng.Float64() < opt.Explore {
						next = pred
					}
				}
				tt.Tick()
				label := -1
				if next != shift {
					h, d := st.arc(next)
					if h == st.n {
						label = p.root
					} else {
						lf := sc.fz.labelFeatures(st, h, d, next)
						lt.Scores(lf, lscores)
						lp := -1
						for l, v := range lscores {
							if l != p.root && (lp < 0 || v > lscores[lp]) {
								lp = l
							}
						}
						label = lp
						if g.heads[d] == h {
							gl := g.labels[d]
							ltotal++
							if lp == gl {
								lcorrect++
							}
							lt.Update(lf, gl, lp)
							lt.Tick()
							label = gl
						}
					}
				}
				st.apply(next, label)
			}
		}
		logf("parser: epoch %d: transitions %.2f%%, labels %.2f%%, %d+%d features", ep+1,
			100*float64(correct)/float64(total), 100*float64(lcorrect)/float64(max(ltotal, 1)), tt.Features(), lt.Features())
		if opt.AfterEpoch != nil {
			opt.AfterEpoch(ep+1, &Parser{trans: tt.Model(0), labels: lt.Model(0), names: p.names, root: p.root, clusters: p.clusters})
		}
	}
	p.trans = tt.Model(opt.MinWeight)
	p.labels = lt.Model(opt.MinWeight)
	logf("parser: kept %d of %d transition and %d of %d label features", p.trans.Rows(), tt.Features(), p.labels.Rows(), lt.Features())
	return p, nil
}

// projectivize lifts non-projective arcs until the tree (heads 0-based,
// n for the root) is projective, and returns the number of lifts.
func projectivize(heads []int) int {
	n := len(heads)
	lifts := 0
	for iter := 0; iter < 4*n; iter++ {
		// find the shortest non-projective arc
		bestD, bestLen := -1, 1<<30
		for d := 0; d < n; d++ {
			h := heads[d]
			lo, hi := min(h, d), max(h, d)
			if h == n {
				continue // the root token at the end dominates everything
			}
			for k := lo + 1; k < hi; k++ {
				if !dominates(heads, h, k) {
					if hi-lo < bestLen {
						bestD, bestLen = d, hi-lo
					}
					break
				}
			}
		}
		if bestD < 0 {
			return lifts
		}
		h := heads[bestD]
		heads[bestD] = heads[h]
		lifts++
	}
	return lifts
}

// dominates reports whether h is an ancestor of k.
func dominates(heads []int, h, k int) bool {
	n := len(heads)
	for steps := 0; k != n && steps <= n; steps++ {
		k = heads[k]
		if k == h {
			return true
		}
		if k < 0 || k > n {
			return false
		}
	}
	return false
}

func sortByCount(names []string, count map[string]int) {
	for i := 1; i < len(names); i++ {
		for j := i; j > 0; j-- {
			a, b := names[j-1], names[j]
			if count[a] > count[b] || (count[a] == count[b] && a < b) {
				break
			}
			names[j-1], names[j] = b, a
		}
	}
}

// Examples converts CoNLL-U sentences into training examples (ordinary
// words only).
func Examples(ss []*conllu.Sentence) []Example {
	out := make([]Example, 0, len(ss))
	for _, s := range ss {
		var ex Example
		for _, i := range s.Words() {
			l := &s.Lines[i]
			ex.Words = append(ex.Words, l.Form)
			ex.UPOS = append(ex.UPOS, l.UPOS)
			ex.XPOS = append(ex.XPOS, l.XPOS)
			ex.Heads = append(ex.Heads, l.HeadIndex())
			ex.DepRel = append(ex.DepRel, l.DepRel)
		}
		out = append(out, ex)
	}
	return out
}

const fileMagic = "FGDEP2"

// Save writes the parser gzip-compressed.
func (p *Parser) Save(w io.Writer) error {
	err := perceptron.WriteFile(w, fileMagic, func(bw *bufio.Writer) error {
		if err := perceptron.WriteStrings(bw, p.names); err != nil {
			return err
		}
		if err := postag.EncodeClusters(bw, p.clusters); err != nil {
			return err
		}
		if _, err := p.trans.WriteTo(bw); err != nil {
			return err
		}
		_, err := p.labels.WriteTo(bw)
		return err
	})
	if err != nil {
		return fmt.Errorf("depparse: save: %w", err)
	}
	return nil
}

// Load reads a parser written by Save.
func Load(r io.Reader) (*Parser, error) {
	d, err := perceptron.OpenModel(r, fileMagic, "a parser model")
	if err != nil {
		return nil, fmt.Errorf("depparse: load: %w", err)
	}
	p := &Parser{root: -1, names: d.Strings()}
	if cl := postag.DecodeClusters(d); cl.Len() > 0 {
		p.clusters = cl
	}
	p.trans = d.Model()
	p.labels = d.Model()
	if err := d.Err(); err != nil {
		return nil, fmt.Errorf("depparse: load: %w", err)
	}
	for i, r := range p.names {
		if r == "root" {
			p.root = i
		}
	}
	if p.root < 0 {
		return nil, fmt.Errorf("depparse: load: no root relation")
	}
	if p.trans.NClass != nTrans || p.labels.NClass != len(p.names) {
		return nil, fmt.Errorf("depparse: load: model shape does not match")
	}
	return p, nil
}

// Prune returns a copy of the parser without the transition and label
// weights whose absolute value is below minWeight.
func (p *Parser) Prune(minWeight float32) *Parser {
	return &Parser{trans: p.trans.Prune(minWeight), labels: p.labels.Prune(minWeight), names: p.names, root: p.root, clusters: p.clusters}
}

// Size returns the number of feature rows and weights of the parser.
func (p *Parser) Size() (rows, weights int) {
	return p.trans.Rows() + p.labels.Rows(), p.trans.Weights() + p.labels.Weights()
}
