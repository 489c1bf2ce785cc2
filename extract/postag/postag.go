// Package postag is a part-of-speech tagger for English that assigns the
// universal tag (UPOS) and the Penn Treebank tag (XPOS) of each word at
// once.
//
// It is a greedy left-to-right averaged perceptron (see package
// perceptron) over the joint UPOS+XPOS tag set, with lexical features
// (word, lower case, prefixes, suffixes, shape), a window of two words on
// each side, the two previous predicted tags, and a tag dictionary for
// frequent unambiguous words.
package postag

import (
	"bufio"
	"context"
	"encoding/binary"
	"fmt"
	"io"
	"math/rand/v2"
	"slices"
	"strings"

	"github.com/factgraph/factgraph/extract/conllu"
	"github.com/factgraph/factgraph/extract/nlp/perceptron"
)

// Example is one tagged training sentence.
type Example struct {
	Words, UPOS, XPOS []string
}

// Tagger is a trained tagger. It is read-only and safe for concurrent use.
type Tagger struct {
	model *perceptron.Model
	tags  []string // "UPOS\tXPOS"
	upos  []string
	xpos  []string
	dict  map[string]int32 // exact form → tag, for frequent unambiguous words
	// amb maps a lower-cased word hash to the hash of the set of tags it
	// was seen with (its ambiguity class).
	amb map[uint64]uint64
	// stack, when set, is a second pass that also sees the first pass's
	// tags of the following words.
	stack *perceptron.Model
	// clusters, when set, adds Brown-cluster features.
	clusters *Clusters
	// caseClass, when set, adds capitalization-ratio features.
	caseClass CaseClasses
}

// Tags returns the number of joint tags.
func (t *Tagger) Tags() int { return len(t.tags) }

// TagName returns the UPOS and XPOS of joint tag id.
func (t *Tagger) TagName(id int) (upos, xpos string) { return t.upos[id], t.xpos[id] }

// Scratch holds the per-call buffers of Tag; reuse one per goroutine to
// avoid allocation.
type Scratch struct {
	caseClass bool  // whether to add capitalization features
	clusters  bool  // whether to add cluster features
	first     []int // first-pass tags when stacking
	tagBuf    []int
	tok       []tokFeats
	feats     []uint64
	scores    []float32
}

type tokFeats struct {
	word, lower, shape, amb uint64
	cl                      ClusterHash
	cc                      uint64 // capitalization class
	suf                     [5]uint64
	pre                     [3]uint64
}

const (
	hStart = 0x5354415254 // sentinel values for positions outside the sentence
	hEnd   = 0x454e44
)

func (sc *Scratch) prepare(words []string, amb map[uint64]uint64, cl *Clusters, cc CaseClasses) {
	sc.tok = sc.tok[:0]
	for _, w := range words {
		var f tokFeats
		f.word = perceptron.String(w)
		f.lower = perceptron.Lower(w)
		f.amb = amb[f.lower]
		f.cl = cl.Lookup(w)
		f.cc = uint64(cc[f.lower])
		f.shape = perceptron.Shape(w)
		for k := range f.suf {
			f.suf[k] = perceptron.Suffix(w, k+1)
		}
		for k := range f.pre {
			f.pre[k] = perceptron.Prefix(w, k+1)
		}
		sc.tok = append(sc.tok, f)
	}
}

// Tokens outside the sentence: every attribute the context features read
// is the sentinel of its side.
var (
	startTok = tokFeats{lower: hStart, shape: hStart, amb: hStart, suf: [5]uint64{2: hStart},
		cl: ClusterHash{hStart, hStart, hStart, hStart}, cc: hStart}
	endTok = tokFeats{lower: hEnd, shape: hEnd, amb: hEnd, suf: [5]uint64{2: hEnd},
		cl: ClusterHash{hEnd, hEnd, hEnd, hEnd}, cc: hEnd}
)

// at returns the features of token i, or a sentinel outside the sentence.
func (sc *Scratch) at(i int) *tokFeats {
	if i < 0 {
		return &startTok
	}
	if i >= len(sc.tok) {
		return &endTok
	}
	return &sc.tok[i]
}

func (sc *Scratch) lower(i int) uint64 { return sc.at(i).lower }
func (sc *Scratch) suf3(i int) uint64  { return sc.at(i).suf[2] }
func (sc *Scratch) amb(i int) uint64   { return sc.at(i).amb }
func (sc *Scratch) shape(i int) uint64 { return sc.at(i).shape }

// features appends the features of word i given the two previous tags
// (-1 for none).
func (sc *Scratch) features(i int, p1, p2 int) []uint64 {
	F1, F2, F3 := perceptron.F1, perceptron.F2, perceptron.F3
	t := &sc.tok[i]
	t1, t2 := uint64(p1+1), uint64(p2+1)
	first := uint64(0)
	if i == 0 {
		first = 1
	}
	f := append(sc.feats[:0],
		F1(1, 0),
		F1(2, t.word),
		F1(3, t.lower),
		F1(4, t.suf[0]), F1(5, t.suf[1]), F1(6, t.suf[2]), F1(7, t.suf[3]), F1(8, t.suf[4]),
		F1(9, t.pre[0]), F1(10, t.pre[1]), F1(11, t.pre[2]),
		F1(12, t.shape),
		F1(13, t1), F1(14, t2), F2(15, t1, t2),
		F2(16, t1, t.lower),
		F1(17, sc.lower(i-1)), F1(18, sc.lower(i-2)), F1(19, sc.lower(i+1)), F1(20, sc.lower(i+2)),
		F1(21, sc.suf3(i-1)), F1(22, sc.suf3(i+1)),
		F2(23, sc.lower(i-1), t.lower),
		F2(24, t.lower, sc.lower(i+1)),
		F2(25, t1, sc.lower(i+1)),
		F2(26, first, t.shape),
		F1(27, sc.shape(i+1)), F1(28, sc.shape(i-1)),
		F2(29, sc.lower(i+1), sc.lower(i+2)),
		F2(30, t1, t.suf[2]),
		F3(31, t1, t.lower, sc.lower(i+1)),
		F2(32, t.suf[2], sc.suf3(i+1)),
		F2(33, t.shape, sc.shape(i+1)),
		F1(34, t.amb), F1(35, sc.amb(i+1)), F1(36, sc.amb(i+2)), F1(37, sc.amb(i-1)),
		F2(38, t.amb, sc.amb(i+1)), F2(39, t1, t.amb), F3(40, t1, t.amb, sc.amb(i+1)),
		F2(41, t.lower, sc.amb(i+1)), F2(42, t.amb, t.suf[2]),
		F3(43, t.amb, sc.amb(i+1), sc.amb(i+2)),
	)
	if sc.clusters {
		c := &t.cl
		f = append(f,
			F1(70, c[0]), F1(71, c[1]), F1(72, c[2]), F1(73, c[3]),
			F1(74, sc.cluster(i+1, 1)), F1(75, sc.cluster(i+1, 3)), F1(76, sc.cluster(i-1, 1)),
			F1(77, sc.cluster(i+2, 1)), F2(78, t1, c[1]), F2(79, c[1], sc.cluster(i+1, 1)),
			F2(80, t1, sc.cluster(i+1, 1)), F2(81, c[2], t.suf[1]),
		)
	}
	if sc.caseClass {
		cn, cp := sc.caseOf(i+1), sc.caseOf(i-1)
		f = append(f,
			F1(90, t.cc), F2(91, t.cc, t.shape), F2(92, t.cc, first), F3(93, t.cc, t1, first),
			F2(94, t.cc, cn), F2(95, cp, t.cc), F3(96, t.cc, t.shape, t1), F2(97, t.cc, t.suf[2]),
		)
	}
	if sc.first != nil {
		f0, f1, f2 := sc.firstTag(i), sc.firstTag(i+1), sc.firstTag(i+2)
		fm := sc.firstTag(i - 1)
		f = append(f,
			F1(50, f0), F1(51, f1), F1(52, f2), F2(53, f1, f2), F2(54, f0, f1),
			F2(55, t.lower, f1), F2(56, t1, f1), F3(57, t1, f0, f1), F2(58, fm, f1),
			F2(59, t.suf[2], f1), F2(60, f0, t.lower),
		)
	}
	sc.feats = f
	return f
}

func (sc *Scratch) cluster(i, k int) uint64 { return sc.at(i).cl[k] }
func (sc *Scratch) caseOf(i int) uint64     { return sc.at(i).cc }

func (sc *Scratch) firstTag(i int) uint64 {
	if i < 0 {
		return hStart
	}
	if i >= len(sc.first) {
		return hEnd
	}
	return uint64(sc.first[i] + 1)
}

// Tag writes the joint tag ids of words into tags (len(words) entries).
func (t *Tagger) Tag(words []string, tags []int, sc *Scratch) {
	if sc == nil {
		sc = &Scratch{}
	}
	sc.prepare(words, t.amb, t.clusters, t.caseClass)
	sc.clusters = t.clusters != nil
	sc.caseClass = t.caseClass != nil
	if cap(sc.scores) < len(t.tags) {
		sc.scores = make([]float32, len(t.tags))
	}
	sc.first = nil
	t.pass(t.model, words, tags, sc)
	if t.stack != nil {
		sc.first = append(sc.tagBuf[:0], tags...)
		sc.tagBuf = sc.first
		t.pass(t.stack, words, tags, sc)
		sc.first = nil
	}
}

func (t *Tagger) pass(m *perceptron.Model, words []string, tags []int, sc *Scratch) {
	scores := sc.scores[:len(t.tags)]
	p1, p2 := -1, -1
	for i, w := range words {
		tag, ok := t.dict[w]
		if !ok {
			m.Scores(sc.features(i, p1, p2), scores)
			tag = int32(argmax(scores))
		}
		tags[i] = int(tag)
		p2, p1 = p1, int(tag)
	}
}

func argmax(s []float32) int {
	best := 0
	for i, v := range s {
		if v > s[best] {
			best = i
		}
	}
	return best
}

// Options control training.
type Options struct {
	Epochs int
	Seed   uint64
	// MinWeight prunes features whose largest averaged weight is smaller.
	MinWeight float32
	// StackFolds, when above 1, adds a second pass trained on first-pass
	// tags predicted by models trained on the other folds (jackknifing).
	StackFolds int
	// Clusters adds Brown-cluster features when set.
	Clusters *Clusters
	// Case adds capitalization-ratio features when set.
	Case CaseClasses
	// Log receives progress lines; nil for none.
	Log func(format string, args ...any)
}

// Train trains a tagger on the examples.
func Train(ctx context.Context, data []Example, opt Options) (*Tagger, error) {
	if opt.Epochs <= 0 {
		opt.Epochs = 10
	}
	logf := opt.Log
	if logf == nil {
		logf = func(string, ...any) {}
	}
	// Tag set in order of first appearance (deterministic).
	tagID := map[string]int{}
	tg := &Tagger{clusters: opt.Clusters, caseClass: opt.Case}
	gold := make([][]int, len(data))
	for i, ex := range data {
		gold[i] = make([]int, len(ex.Words))
		for j := range ex.Words {
			key := ex.UPOS[j] + "\t" + ex.XPOS[j]
			id, ok := tagID[key]
			if !ok {
				id = len(tg.tags)
				tagID[key] = id
				tg.tags = append(tg.tags, key)
				tg.upos = append(tg.upos, ex.UPOS[j])
				tg.xpos = append(tg.xpos, ex.XPOS[j])
			}
			gold[i][j] = id
		}
	}
	tg.dict = buildDict(data, gold, len(tg.tags))
	tg.amb = buildAmb(data, gold, len(tg.tags))
	logf("tagger: %d sentences, %d tags, %d dictionary words", len(data), len(tg.tags), len(tg.dict))

	if opt.StackFolds <= 1 {
		m, err := tg.train(ctx, data, gold, nil, opt, logf)
		if err != nil {
			return nil, err
		}
		tg.model = m
		return tg, nil
	}
	// Jackknife the first pass: sentence i is in fold i mod k.
	k := opt.StackFolds
	first := make([][]int, len(data))
	for fold := 0; fold < k; fold++ {
		var sub []Example
		var subGold [][]int
		for i := range data {
			if i%k != fold {
				sub = append(sub, data[i])
				subGold = append(subGold, gold[i])
			}
		}
		o := opt
		o.Seed = opt.Seed + uint64(fold) + 1
		m, err := tg.train(ctx, sub, subGold, nil, o, nil)
		if err != nil {
			return nil, err
		}
		ft := &Tagger{tags: tg.tags, dict: tg.dict, amb: tg.amb, clusters: tg.clusters, caseClass: tg.caseClass, model: m}
		sc := &Scratch{}
		right, total := 0, 0
		for i := fold; i < len(data); i += k {
			first[i] = make([]int, len(data[i].Words))
			ft.Tag(data[i].Words, first[i], sc)
			for j, tag := range first[i] {
				right += b2i(tag == gold[i][j])
				total++
			}
		}
		logf("tagger: stacking fold %d/%d: held-out accuracy %.2f%%", fold+1, k, 100*float64(right)/float64(max(total, 1)))
	}
	m, err := tg.train(ctx, data, gold, nil, opt, logf)
	if err != nil {
		return nil, err
	}
	tg.model = m
	if tg.stack, err = tg.train(ctx, data, gold, first, opt, logf); err != nil {
		return nil, err
	}
	return tg, nil
}

// train trains one pass; first holds the first-pass tags for a stacked
// second pass, or is nil.
func (tg *Tagger) train(ctx context.Context, data []Example, gold, first [][]int, opt Options, logf func(string, ...any)) (*perceptron.Model, error) {
	if logf == nil {
		logf = func(string, ...any) {}
	}
	tr := perceptron.NewTrainer(len(tg.tags))
	order := make([]int, len(data))
	for i := range order {
		order[i] = i
	}
	seed := opt.Seed
	if first != nil {
		seed += 1000
	}
	rng := rand.New(rand.NewPCG(seed, 0x746167676572))
	sc := &Scratch{}
	scores := make([]int64, len(tg.tags))
	for ep := 0; ep < opt.Epochs; ep++ {
		rng.Shuffle(len(order), func(i, j int) { order[i], order[j] = order[j], order[i] })
		correct, total := 0, 0
		for n, si := range order {
			if n%1000 == 0 {
				if err := ctx.Err(); err != nil {
					return nil, err
				}
			}
			ex := &data[si]
			sc.prepare(ex.Words, tg.amb, tg.clusters, tg.caseClass)
			sc.clusters = tg.clusters != nil
			sc.caseClass = tg.caseClass != nil
			sc.first = nil
			if first != nil {
				sc.first = first[si]
			}
			p1, p2 := -1, -1
			for i, w := range ex.Words {
				g := gold[si][i]
				if tag, ok := tg.dict[w]; ok {
					p2, p1 = p1, int(tag)
					correct += b2i(int(tag) == g)
					total++
					continue
				}
				feats := sc.features(i, p1, p2)
				tr.Scores(feats, scores)
				pred := argmax64(scores)
				tr.Update(feats, g, pred)
				tr.Tick()
				correct += b2i(pred == g)
				total++
				p2, p1 = p1, pred
			}
		}
		logf("tagger: epoch %d: train accuracy %.2f%%, %d features", ep+1, 100*float64(correct)/float64(total), tr.Features())
	}
	m := tr.Model(opt.MinWeight)
	logf("tagger: kept %d of %d features, %d weights", m.Rows(), tr.Features(), m.Weights())
	return m, nil
}

func b2i(b bool) int {
	if b {
		return 1
	}
	return 0
}

func argmax64(s []int64) int {
	best := 0
	for i, v := range s {
		if v > s[best] {
			best = i
		}
	}
	return best
}

// buildDict finds words seen at least 20 times with one tag in at least
// 97% of cases.
func buildDict(data []Example, gold [][]int, ntags int) map[string]int32 {
	counts := map[string][]int32{}
	for i, ex := range data {
		for j, w := range ex.Words {
			c := counts[w]
			if c == nil {
				c = make([]int32, ntags)
				counts[w] = c
			}
			c[gold[i][j]]++
		}
	}
	dict := map[string]int32{}
	for w, c := range counts {
		var total, best int32
		bi := 0
		for t, n := range c {
			total += n
			if n > best {
				best, bi = n, t
			}
		}
		if total >= 20 && float64(best) >= 0.97*float64(total) {
			dict[w] = int32(bi)
		}
	}
	return dict
}

// buildAmb computes the ambiguity class of every lower-cased word seen at
// least three times: the set of tags it has in at least 5% of cases.
func buildAmb(data []Example, gold [][]int, ntags int) map[uint64]uint64 {
	counts := map[uint64][]int32{}
	for i, ex := range data {
		for j, w := range ex.Words {
			h := perceptron.Lower(w)
			c := counts[h]
			if c == nil {
				c = make([]int32, ntags)
				counts[h] = c
			}
			c[gold[i][j]]++
		}
	}
	amb := map[uint64]uint64{}
	for w, c := range counts {
		var total int32
		for _, n := range c {
			total += n
		}
		if total < 3 {
			continue
		}
		h := uint64(0xA3B)
		for t, n := range c {
			if float64(n) >= 0.05*float64(total) {
				h = perceptron.F1(h, uint64(t))
			}
		}
		amb[w] = h
	}
	return amb
}

const fileMagic = "FGTAG5"

// Save writes the tagger gzip-compressed.
func (t *Tagger) Save(w io.Writer) error {
	err := perceptron.WriteFile(w, fileMagic, func(bw *bufio.Writer) error {
		if err := perceptron.WriteStrings(bw, t.tags); err != nil {
			return err
		}
		if err := perceptron.WriteIndex(bw, t.dict); err != nil {
			return err
		}
		if err := writeHashMap(bw, t.amb); err != nil {
			return err
		}
		if err := t.clusters.encode(bw); err != nil {
			return err
		}
		if err := writeHashMap(bw, t.caseClass); err != nil {
			return err
		}
		if _, err := t.model.WriteTo(bw); err != nil {
			return err
		}
		if t.stack == nil {
			return bw.WriteByte(0)
		}
		bw.WriteByte(1)
		_, err := t.stack.WriteTo(bw)
		return err
	})
	if err != nil {
		return fmt.Errorf("postag: save: %w", err)
	}
	return nil
}

// writeHashMap writes a map keyed by word hashes: its size, its keys in
// increasing order, then their values, all little-endian.
func writeHashMap[V uint8 | uint64](w io.Writer, m map[uint64]V) error {
	keys := make([]uint64, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	vals := make([]V, len(keys))
	for i, k := range keys {
		vals[i] = m[k]
	}
	if err := binary.Write(w, binary.LittleEndian, uint32(len(keys))); err != nil {
		return err
	}
	if err := binary.Write(w, binary.LittleEndian, keys); err != nil {
		return err
	}
	return binary.Write(w, binary.LittleEndian, vals)
}

// Load reads a tagger written by Save.
func Load(r io.Reader) (*Tagger, error) {
	d, err := perceptron.OpenModel(r, fileMagic, "a tagger model")
	if err != nil {
		return nil, fmt.Errorf("postag: load: %w", err)
	}
	t := &Tagger{tags: d.Strings()}
	for _, tag := range t.tags {
		u, x, _ := strings.Cut(tag, "\t")
		t.upos = append(t.upos, u)
		t.xpos = append(t.xpos, x)
	}
	t.dict = d.Index(len(t.tags))
	if err := d.Err(); err != nil {
		return nil, fmt.Errorf("postag: load: dictionary: %w", err)
	}
	na := int(d.Uint32())
	if d.Err() != nil || na > d.Len()/16 {
		return nil, fmt.Errorf("postag: load: bad lexicon")
	}
	keys := make([]uint64, na)
	for i := range keys {
		keys[i] = d.Uint64()
	}
	t.amb = make(map[uint64]uint64, na)
	for _, k := range keys {
		t.amb[k] = d.Uint64()
	}
	if cl := DecodeClusters(d); cl.Len() > 0 {
		t.clusters = cl
	}
	if nc := int(d.Uint32()); nc > 0 && nc <= d.Len()/9 {
		ckeys := make([]uint64, nc)
		for i := range ckeys {
			ckeys[i] = d.Uint64()
		}
		cvals := d.Bytes(nc)
		t.caseClass = make(CaseClasses, nc)
		for i, k := range ckeys {
			if cvals != nil {
				t.caseClass[k] = cvals[i]
			}
		}
	} else if nc != 0 {
		return nil, fmt.Errorf("postag: load: bad case lexicon")
	}
	t.model = d.Model()
	if d.Byte() == 1 {
		t.stack = d.Model()
	}
	if err := d.Err(); err != nil {
		return nil, fmt.Errorf("postag: load: %w", err)
	}
	if t.model.NClass != len(t.tags) || (t.stack != nil && t.stack.NClass != len(t.tags)) {
		return nil, fmt.Errorf("postag: load: model has %d classes for %d tags", t.model.NClass, len(t.tags))
	}
	return t, nil
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
		}
		out = append(out, ex)
	}
	return out
}
