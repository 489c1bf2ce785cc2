// Package wordcluster induces Brown word clusters from unlabelled text and
// looks words up in them.
//
// The clustering follows Brown et al. (1992) as implemented by Liang (2005):
// words enter in order of frequency, at most C clusters are kept, and each new
// word is merged into the pair of clusters whose merge loses the least
// average mutual information between adjacent clusters. After every word has
// entered, the remaining clusters are merged down to one, which gives every
// word a bit string (its path from the root); prefixes of that bit string are
// clusters of coarser grain, which is what sequence taggers use as features.
package wordcluster

import (
	"context"
	"fmt"
	"math"
	"sort"
	"sync"
)

// Options controls Brown clustering.
type Options struct {
	// Clusters is the number of clusters kept while words enter (C).
	Clusters int
	// MinCount drops words seen fewer times.
	MinCount int
	// Workers is the number of goroutines used for the O(C²) updates.
	Workers int
	// Progress, when set, is called every few hundred merges.
	Progress func(done, total int)
}

// Counter accumulates unigram and bigram counts from token sequences.
type Counter struct {
	ids     map[string]int32
	words   []string
	unigram []int64
	bigram  map[uint64]int64
}

// NewCounter returns an empty Counter.
func NewCounter() *Counter {
	return &Counter{ids: map[string]int32{}, bigram: map[uint64]int64{}}
}

func (c *Counter) id(w string) int32 {
	if i, ok := c.ids[w]; ok {
		return i
	}
	i := int32(len(c.words))
	c.ids[w] = i
	c.words = append(c.words, w)
	c.unigram = append(c.unigram, 0)
	return i
}

// Add counts one sentence.
func (c *Counter) Add(tokens []string) {
	prev := int32(-1)
	for _, t := range tokens {
		i := c.id(t)
		c.unigram[i]++
		if prev >= 0 {
			c.bigram[uint64(prev)<<32|uint64(i)]++
		}
		prev = i
	}
}

// Tokens returns the number of tokens counted.
func (c *Counter) Tokens() int64 {
	var n int64
	for _, u := range c.unigram {
		n += u
	}
	return n
}

type edge struct {
	to    int32
	count float64
}

// Brown clusters the counted words. It returns the bit string of every word
// seen at least opt.MinCount times.
func (c *Counter) Brown(ctx context.Context, opt Options) (map[string]string, error) {
	if opt.Clusters < 2 {
		return nil, fmt.Errorf("wordcluster: need at least 2 clusters, got %d", opt.Clusters)
	}
	if opt.Workers < 1 {
		opt.Workers = 1
	}
	// Rank words by frequency.
	order := make([]int32, 0, len(c.words))
	for i, u := range c.unigram {
		if u >= int64(max(opt.MinCount, 1)) {
			order = append(order, int32(i))
		}
	}
	sort.Slice(order, func(a, b int) bool {
		ua, ub := c.unigram[order[a]], c.unigram[order[b]]
		if ua != ub {
			return ua > ub
		}
		return c.words[order[a]] < c.words[order[b]]
	})
	V := len(order)
	if V == 0 {
		return nil, fmt.Errorf("wordcluster: no word seen %d times", opt.MinCount)
	}
	rank := make([]int32, len(c.words))
	for i := range rank {
		rank[i] = -1
	}
	for r, w := range order {
		rank[w] = int32(r)
	}
	// Adjacency by rank.
	right := make([][]edge, V)
	left := make([][]edge, V)
	var total float64
	for k, n := range c.bigram {
		a, b := rank[int32(k>>32)], rank[int32(k&0xffffffff)]
		if a < 0 || b < 0 {
			continue
		}
		right[a] = append(right[a], edge{b, float64(n)})
		if a != b {
			left[b] = append(left[b], edge{a, float64(n)})
		}
		total += float64(n)
	}
	var utotal float64
	for _, w := range order {
		utotal += float64(c.unigram[w])
	}
	C := min(opt.Clusters, V)
	b := newBrown(C+1, opt.Workers)
	// Tree: nodes 0..V-1 are words; merges create nodes V, V+1, ...
	parent := make([]int32, 2*V+2*C+2)
	for i := range parent {
		parent[i] = -1
	}
	side := make([]byte, len(parent))
	nextNode := int32(V)
	slotOf := make([]int32, V) // word rank -> slot, -1 if not added
	for i := range slotOf {
		slotOf[i] = -1
	}
	// The slot assignment of words changes on merges; keep slot membership
	// through a slot->node map and a node->slot for current roots.
	nodeOf := make([]int32, C+1)
	addWord := func(r int, slot int) {
		b.active[slot] = true
		b.p1[slot] = float64(c.unigram[order[r]]) / utotal
		for t := range b.n {
			b.p2[slot*b.n+t] = 0
			b.p2[t*b.n+slot] = 0
		}
		slotOf[r] = int32(slot)
		for _, e := range right[r] {
			if s := slotOf[e.to]; s >= 0 {
				b.p2[slot*b.n+int(s)] += e.count / total
			}
		}
		for _, e := range left[r] {
			if s := slotOf[e.to]; s >= 0 && int(e.to) != r {
				b.p2[int(s)*b.n+slot] += e.count / total
			}
		}
		nodeOf[slot] = int32(r)
	}
	// The slots of the words merged away must point at the survivor; keep a
	// union of word ranks per slot for that.
	members := make([][]int32, C+1)
	for r := 0; r < C; r++ {
		addWord(r, r)
		members[r] = []int32{int32(r)}
	}
	b.initAll(ctx)
	merges := 0
	totalMerges := V - 1
	phase2 := false
	merge := func() {
		s, t := b.best()
		// Record the tree over the final clusters only: words that meet
		// while entering share their cluster's bit string (as in Liang's
		// wcluster).
		if phase2 {
			n := nextNode
			nextNode++
			parent[nodeOf[s]], side[nodeOf[s]] = n, 0
			parent[nodeOf[t]], side[nodeOf[t]] = n, 1
			nodeOf[s] = n
		}
		b.merge(s, t)
		for _, r := range members[t] {
			slotOf[r] = int32(s)
		}
		members[s] = append(members[s], members[t]...)
		members[t] = nil
		merges++
		if opt.Progress != nil && merges%200 == 0 {
			opt.Progress(merges, totalMerges)
		}
	}
	for r := C; r < V; r++ {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		free := b.freeSlot()
		addWord(r, free)
		members[free] = []int32{int32(r)}
		b.added(free)
		merge()
	}
	// Leaves of the tree: one node per final cluster.
	leafOf := make([]int32, V)
	for slot, ms := range members {
		if !b.active[slot] {
			continue
		}
		leaf := nextNode
		nextNode++
		nodeOf[slot] = leaf
		for _, r := range ms {
			leafOf[r] = leaf
		}
	}
	phase2 = true
	for b.nActive() > 1 {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		merge()
	}
	// Bit strings.
	out := make(map[string]string, V)
	buf := make([]byte, 0, 64)
	for r := 0; r < V; r++ {
		buf = buf[:0]
		for n := leafOf[r]; parent[n] >= 0; n = parent[n] {
			buf = append(buf, '0'+side[n])
		}
		for i, j := 0, len(buf)-1; i < j; i, j = i+1, j-1 {
			buf[i], buf[j] = buf[j], buf[i]
		}
		if len(buf) == 0 {
			buf = append(buf, '0')
		}
		out[c.words[order[r]]] = string(buf)
	}
	return out, nil
}

// brown holds the dense cluster statistics over n slots.
type brown struct {
	n       int
	workers int
	active  []bool
	p1      []float64
	p2      []float64 // p2[s*n+t]: probability of bigram (s, t)
	q2      []float64 // q2[s*n+t]: its mutual-information term
	L       []float64 // L[s*n+t], s<t: loss of merging s and t
}

func newBrown(n, workers int) *brown {
	return &brown{
		n: n, workers: workers,
		active: make([]bool, n),
		p1:     make([]float64, n),
		p2:     make([]float64, n*n),
		q2:     make([]float64, n*n),
		L:      make([]float64, n*n),
	}
}

func qterm(p, pl, pr float64) float64 {
	if p <= 0 {
		return 0
	}
	return p * math.Log(p/(pl*pr))
}

func (b *brown) nActive() int {
	k := 0
	for _, a := range b.active {
		if a {
			k++
		}
	}
	return k
}

func (b *brown) freeSlot() int {
	for i, a := range b.active {
		if !a {
			return i
		}
	}
	panic("wordcluster: no free slot")
}

func (b *brown) setQ(s int) {
	n := b.n
	for t := 0; t < n; t++ {
		if !b.active[t] {
			b.q2[s*n+t], b.q2[t*n+s] = 0, 0
			continue
		}
		b.q2[s*n+t] = qterm(b.p2[s*n+t], b.p1[s], b.p1[t])
		b.q2[t*n+s] = qterm(b.p2[t*n+s], b.p1[t], b.p1[s])
	}
}

// loss computes L(s, t) from scratch in O(n).
func (b *brown) loss(s, t int) float64 {
	n := b.n
	cur := -b.q2[s*n+t] - b.q2[t*n+s]
	for d := 0; d < n; d++ {
		if !b.active[d] {
			continue
		}
		cur += b.q2[s*n+d] + b.q2[d*n+s] + b.q2[t*n+d] + b.q2[d*n+t]
	}
	cur -= b.q2[s*n+s] + b.q2[t*n+t]
	pm := b.p1[s] + b.p1[t]
	pmm := b.p2[s*n+s] + b.p2[s*n+t] + b.p2[t*n+s] + b.p2[t*n+t]
	nw := qterm(pmm, pm, pm)
	for d := 0; d < n; d++ {
		if !b.active[d] || d == s || d == t {
			continue
		}
		nw += qterm(b.p2[s*n+d]+b.p2[t*n+d], pm, b.p1[d])
		nw += qterm(b.p2[d*n+s]+b.p2[d*n+t], b.p1[d], pm)
	}
	return cur - nw
}

// parallel runs f over [0, n) split among the workers.
func (b *brown) parallel(f func(lo, hi int)) {
	if b.workers <= 1 {
		f(0, b.n)
		return
	}
	var wg sync.WaitGroup
	// Rows near the top have more pairs (t > s); interleave in blocks.
	const block = 16
	ch := make(chan int, b.n/block+1)
	for lo := 0; lo < b.n; lo += block {
		ch <- lo
	}
	close(ch)
	for w := 0; w < b.workers; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for lo := range ch {
				f(lo, min(lo+block, b.n))
			}
		}()
	}
	wg.Wait()
}

func (b *brown) initAll(ctx context.Context) {
	for s := 0; s < b.n; s++ {
		if b.active[s] {
			b.setQ(s)
		}
	}
	b.parallel(func(lo, hi int) {
		for s := lo; s < hi; s++ {
			if !b.active[s] || ctx.Err() != nil {
				continue
			}
			for t := s + 1; t < b.n; t++ {
				if b.active[t] {
					b.L[s*b.n+t] = b.loss(s, t)
				}
			}
		}
	})
}

// added updates the losses after slot k received a new word.
func (b *brown) added(k int) {
	n := b.n
	b.setQ(k)
	b.parallel(func(lo, hi int) {
		for s := lo; s < hi; s++ {
			if !b.active[s] || s == k {
				continue
			}
			for t := s + 1; t < n; t++ {
				if !b.active[t] || t == k {
					continue
				}
				pm := b.p1[s] + b.p1[t]
				d := b.q2[s*n+k] + b.q2[k*n+s] + b.q2[t*n+k] + b.q2[k*n+t]
				d -= qterm(b.p2[s*n+k]+b.p2[t*n+k], pm, b.p1[k])
				d -= qterm(b.p2[k*n+s]+b.p2[k*n+t], b.p1[k], pm)
				b.L[s*n+t] += d
			}
		}
	})
	for s := 0; s < n; s++ {
		if b.active[s] && s != k {
			lo, hi := min(s, k), max(s, k)
			b.L[lo*n+hi] = b.loss(lo, hi)
		}
	}
}

func (b *brown) best() (int, int) {
	n := b.n
	bs, bt, bl := -1, -1, math.Inf(1)
	for s := 0; s < n; s++ {
		if !b.active[s] {
			continue
		}
		for t := s + 1; t < n; t++ {
			if b.active[t] && b.L[s*n+t] < bl {
				bs, bt, bl = s, t, b.L[s*n+t]
			}
		}
	}
	return bs, bt
}

// merge merges slot t into slot s (a into m = s) and updates the losses.
func (b *brown) merge(a, c int) {
	n := b.n
	// New statistics of the merged cluster, kept aside.
	p1m := b.p1[a] + b.p1[c]
	p2mRow := make([]float64, n) // p2[m][d]
	p2mCol := make([]float64, n) // p2[d][m]
	for d := 0; d < n; d++ {
		p2mRow[d] = b.p2[a*n+d] + b.p2[c*n+d]
		p2mCol[d] = b.p2[d*n+a] + b.p2[d*n+c]
	}
	pmm := b.p2[a*n+a] + b.p2[a*n+c] + b.p2[c*n+a] + b.p2[c*n+c]
	p2mRow[a], p2mCol[a] = pmm, pmm
	qmRow := make([]float64, n)
	qmCol := make([]float64, n)
	for d := 0; d < n; d++ {
		if !b.active[d] || d == a || d == c {
			continue
		}
		qmRow[d] = qterm(p2mRow[d], p1m, b.p1[d])
		qmCol[d] = qterm(p2mCol[d], b.p1[d], p1m)
	}
	b.parallel(func(lo, hi int) {
		for s := lo; s < hi; s++ {
			if !b.active[s] || s == a || s == c {
				continue
			}
			for t := s + 1; t < n; t++ {
				if !b.active[t] || t == a || t == c {
					continue
				}
				ps := b.p1[s] + b.p1[t]
				d := -(b.q2[s*n+a] + b.q2[a*n+s] + b.q2[s*n+c] + b.q2[c*n+s] +
					b.q2[t*n+a] + b.q2[a*n+t] + b.q2[t*n+c] + b.q2[c*n+t])
				d += qmRow[s] + qmCol[s] + qmRow[t] + qmCol[t]
				d += qterm(b.p2[s*n+a]+b.p2[t*n+a], ps, b.p1[a])
				d += qterm(b.p2[a*n+s]+b.p2[a*n+t], b.p1[a], ps)
				d += qterm(b.p2[s*n+c]+b.p2[t*n+c], ps, b.p1[c])
				d += qterm(b.p2[c*n+s]+b.p2[c*n+t], b.p1[c], ps)
				d -= qterm(p2mCol[s]+p2mCol[t], ps, p1m)
				d -= qterm(p2mRow[s]+p2mRow[t], p1m, ps)
				b.L[s*n+t] += d
			}
		}
	})
	// Install the merged cluster in slot a; free slot c.
	b.p1[a] = p1m
	for d := 0; d < n; d++ {
		b.p2[a*n+d] = p2mRow[d]
		b.p2[d*n+a] = p2mCol[d]
	}
	b.p2[a*n+a] = pmm
	b.active[c] = false
	b.p1[c] = 0
	for d := 0; d < n; d++ {
		b.p2[c*n+d], b.p2[d*n+c] = 0, 0
		b.q2[c*n+d], b.q2[d*n+c] = 0, 0
	}
	b.setQ(a)
	for s := 0; s < n; s++ {
		if b.active[s] && s != a {
			lo, hi := min(s, a), max(s, a)
			b.L[lo*n+hi] = b.loss(lo, hi)
		}
	}
}
