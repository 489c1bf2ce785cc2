package ner

import (
	"context"
	"fmt"
	"io"
	"math"
	"math/rand/v2"
	"sort"
	"time"
)

// TrainSet is one labelled corpus and how its types map to the model's.
type TrainSet struct {
	Name   string
	Corpus *Corpus
	// TypeMap maps the corpus's types to model types; types not in the map
	// are kept as they are when they are model types, else dropped.
	TypeMap map[string]string
	// Partial lists the model types this corpus does not annotate: while
	// training on it, the tagger may not predict them, so their absence is
	// not learnt as "O" (UNER has no MISC).
	Partial []string
	// Repeat trains on the corpus this many times per epoch (default 1).
	Repeat int
	// Domain, when set on any set, turns on feature augmentation: every
	// feature also gets a copy specific to the set's domain.
	Domain string
}

// TrainOptions controls training.
type TrainOptions struct {
	Types  []string // model types; default PER, ORG, LOC, MISC
	Epochs int
	// Stages is 1 (local and document features) or 2 (a second tagger that
	// also reads the first one's labels across the document).
	Stages int
	// Folds is the number of jackknife folds that give the second stage
	// first-stage labels not learnt from the same text.
	Folds int
	// MinWeight drops features whose largest averaged weight is smaller.
	MinWeight float64
	Seed      uint64
	// GoldHistory is the number of first epochs in which the label-history
	// features read the gold labels instead of the predicted ones (later
	// epochs learn from the tagger's own mistakes).
	GoldHistory int
	// Seeds is the number of models, trained with different shuffles,
	// whose weights are averaged into each final stage (default 1).
	Seeds int
	// Domain is the domain the model tags (with augmented features); the
	// dev sets are tagged in it.
	Domain string
	// Features lists optional feature sets ("case"), stored in the model.
	Features []string
	// Dropout is the probability with which each static feature of a
	// token is left out while training on it (feature dropout: the model
	// cannot lean on word identity alone and learns the features that carry
	// over to unseen names).
	Dropout float64
	// Dev, when set, is tagged after every epoch and its F1 logged.
	Dev []TrainSet
	Log io.Writer
}

type tdoc struct {
	infos  [][]tokInfo
	gold   [][]int
	forbid []bool
	repeat int
	salt   uint64
}

func (o *TrainOptions) logf(format string, a ...any) {
	if o.Log != nil {
		fmt.Fprintf(o.Log, format, a...)
	}
}

func mapTags(tags []string, typeMap map[string]string, types []string) []string {
	known := map[string]bool{}
	for _, t := range types {
		known[t] = true
	}
	out := make([]string, len(tags))
	for i, t := range tags {
		p, ty := splitTag(t)
		if p == 'O' {
			out[i] = "O"
			continue
		}
		if m, ok := typeMap[ty]; ok {
			ty = m
		}
		if !known[ty] {
			out[i] = "O"
			continue
		}
		out[i] = string(p) + "-" + ty
	}
	return ToIOB2(out)
}

func (res *resources) makeDocs(sets []TrainSet, types []string) []*tdoc {
	var docs []*tdoc
	for _, set := range sets {
		forbid := make([]bool, len(types))
		any := false
		for _, p := range set.Partial {
			for i, t := range types {
				if t == p {
					forbid[i] = true
					any = true
				}
			}
		}
		if !any {
			forbid = nil
		}
		for _, idx := range set.Corpus.Docs() {
			words := make([][]string, len(idx))
			d := &tdoc{forbid: forbid, repeat: max(set.Repeat, 1), salt: domainSalt(set.Domain)}
			for k, si := range idx {
				s := set.Corpus.Sentences[si]
				words[k] = s.Words
				gold := s.Gold
				if gold == nil {
					gold = make([]string, len(s.Words))
				}
				d.gold = append(d.gold, fromBIO(mapTags(gold, set.TypeMap, types), types))
			}
			d.infos = res.prepareDoc(words)
			docs = append(docs, d)
		}
	}
	return docs
}

// trainer is an averaged perceptron over hashed features.
type trainer struct {
	nl    int
	ids   map[uint64]int32
	keys  []uint64
	w, u  []float32
	c     float32
	feats []uint64
	// copies maps the keys that are domain copies of features (feature
	// augmentation) to their domain's salt, for folding them into the
	// shared ones.
	copies map[uint64]uint64
}

// addAll returns the ids of feats, adding the new ones; with augmentation
// (salt not 0) the second half of feats are the domain copies.
func (t *trainer) addAll(dst []int32, feats []uint64, salt uint64) []int32 {
	half := len(feats)
	if salt != 0 {
		half = len(feats) / 2
	}
	for k, h := range feats {
		if _, ok := t.ids[h]; !ok && k >= half {
			t.copies[h] = salt
		}
		dst = append(dst, t.id(h, true))
	}
	return dst
}

func (t *trainer) id(h uint64, add bool) int32 {
	if i, ok := t.ids[h]; ok {
		return i
	}
	if !add {
		return -1
	}
	i := int32(len(t.keys))
	t.ids[h] = i
	t.keys = append(t.keys, h)
	t.w = append(t.w, make([]float32, t.nl)...)
	t.u = append(t.u, make([]float32, t.nl)...)
	return i
}

type tsent struct {
	doc    *tdoc
	s      int
	static [][]int32
}

func trainStage(ctx context.Context, docs []*tdoc, nl int, opt *TrainOptions, dev []*tdoc, types []string) (*stage, error) {
	tr := &trainer{nl: nl, ids: map[uint64]int32{}, copies: map[uint64]uint64{}}
	var sents []tsent
	for _, d := range docs {
		for si, inf := range d.infos {
			caps := capsSentence(inf)
			st := make([][]int32, len(inf))
			for i := range inf {
				tr.feats = static(tr.feats[:0], inf, i, caps)
				tr.feats = augment(tr.feats, d.salt)
				st[i] = tr.addAll(make([]int32, 0, len(tr.feats)), tr.feats, d.salt)
			}
			for r := 0; r < d.repeat; r++ {
				sents = append(sents, tsent{d, si, st})
			}
		}
	}
	opt.logf("  %d sentences, %d static features\n", len(sents), len(tr.keys))
	rng := rand.New(rand.NewPCG(opt.Seed, 7))
	scores := make([]float32, nl)
	var dynIDs []int32
	var kept []int32
	dropout := opt.Dropout
	for ep := 0; ep < opt.Epochs; ep++ {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		start := time.Now()
		rng.Shuffle(len(sents), func(i, j int) { sents[i], sents[j] = sents[j], sents[i] })
		errs, toks := 0, 0
		for _, ts := range sents {
			inf := ts.doc.infos[ts.s]
			gold := ts.doc.gold[ts.s]
			p1, p2 := -1, -1
			for i := range inf {
				tr.feats = dynamic(tr.feats[:0], inf, i, p1+1, p2+1)
				tr.feats = augment(tr.feats, ts.doc.salt)
				dynIDs = dynIDs[:0]
				for _, h := range tr.feats {
					dynIDs = append(dynIDs, tr.id(h, false))
				}
				for l := range scores {
					scores[l] = 0
				}
				stat := ts.static[i]
				if dropout > 0 {
					kept = kept[:0]
					for _, f := range stat {
						if rng.Float64() >= dropout {
							kept = append(kept, f)
						}
					}
					stat = kept
				}
				for _, f := range stat {
					row := tr.w[int(f)*nl : int(f)*nl+nl]
					for l, v := range row {
						scores[l] += v
					}
				}
				for _, f := range dynIDs {
					if f < 0 {
						continue
					}
					row := tr.w[int(f)*nl : int(f)*nl+nl]
					for l, v := range row {
						scores[l] += v
					}
				}
				best := bestAllowed(scores, p1, i == len(inf)-1, ts.doc.forbid)
				g := gold[i]
				tr.c++
				toks++
				if best != g {
					errs++
					upd := func(f int32) {
						tr.w[int(f)*nl+g]++
						tr.w[int(f)*nl+best]--
						tr.u[int(f)*nl+g] += tr.c
						tr.u[int(f)*nl+best] -= tr.c
					}
					for _, f := range stat {
						upd(f)
					}
					half := len(tr.feats)
					if ts.doc.salt != 0 {
						half /= 2
					}
					for k, f := range dynIDs {
						if f < 0 {
							if k >= half {
								tr.copies[tr.feats[k]] = ts.doc.salt
							}
							f = tr.id(tr.feats[k], true)
						}
						upd(f)
					}
				}
				if ep < opt.GoldHistory {
					p2, p1 = p1, g
				} else {
					p2, p1 = p1, best
				}
			}
		}
		msg := fmt.Sprintf("  epoch %d: %d/%d token errors, %s", ep+1, errs, toks, time.Since(start).Round(time.Millisecond))
		if len(dev) > 0 {
			s := tr.stage(0)
			sc, err := scoreDocs(s, dev, types)
			if err == nil {
				o := sc.Overall()
				msg += fmt.Sprintf(", dev F1 %.2f", o.F1())
			}
		}
		opt.logf("%s\n", msg)
	}
	return tr.stage(opt.MinWeight), nil
}

// stage returns the averaged weights, dropping small features.
func (t *trainer) stage(minWeight float64) *stage {
	nl := t.nl
	keep := make([]int32, 0, len(t.keys))
	avg := make([]float32, nl)
	for f := range t.keys {
		mx := 0.0
		for l := 0; l < nl; l++ {
			v := t.w[f*nl+l] - t.u[f*nl+l]/t.c
			mx = math.Max(mx, math.Abs(float64(v)))
		}
		if mx > 0 && mx >= minWeight {
			keep = append(keep, int32(f))
		}
	}
	s := &stage{nl: nl, tab: newTable(len(keep)), w: make([]float32, len(keep)*nl)}
	for r, f := range keep {
		for l := 0; l < nl; l++ {
			avg[l] = t.w[int(f)*nl+l] - t.u[int(f)*nl+l]/t.c
		}
		copy(s.w[r*nl:], avg)
		s.tab.put(t.keys[f], int32(r))
		if salt, ok := t.copies[t.keys[f]]; ok {
			if s.copies == nil {
				s.copies = map[uint64]uint64{}
			}
			s.copies[t.keys[f]] = salt
		}
	}
	return s
}

// fnvInverse is the multiplicative inverse of fnvPrime modulo 2^64.
var fnvInverse = func() uint64 {
	x := uint64(fnvPrime) // Newton's iteration: x = x(2 - px) doubles the correct bits
	for i := 0; i < 6; i++ {
		x *= 2 - fnvPrime*x
	}
	return x
}()

// foldDomain returns a stage for tagging text of the domain of salt
// without augmentation: the weights of every copy for that domain are added
// to the shared feature they copy, and the copies for other domains, which
// never fire there, are dropped (the scores are the same, with half the
// lookups and fewer rows). Copies whose shared feature was pruned become
// that feature.
func foldDomain(s *stage, salt uint64) *stage {
	nl := s.nl
	sum := map[uint64][]float32{}
	var order []uint64
	add := func(k uint64, row []float32) {
		r := sum[k]
		if r == nil {
			r = make([]float32, nl)
			sum[k] = r
			order = append(order, k)
		}
		for l, v := range row {
			r[l] += v
		}
	}
	// Shared features first, then the copies, each in key order, so the
	// result does not depend on the table's layout.
	var shared, copies []uint64
	for _, sl := range s.tab.slots {
		if sl.key == 0 {
			continue
		}
		if cs, ok := s.copies[sl.key]; !ok {
			shared = append(shared, sl.key)
		} else if cs == salt {
			copies = append(copies, sl.key)
		}
	}
	sort.Slice(shared, func(a, b int) bool { return shared[a] < shared[b] })
	sort.Slice(copies, func(a, b int) bool { return copies[a] < copies[b] })
	for _, k := range shared {
		r := s.tab.get(k)
		add(k, s.w[int(r)*nl:int(r)*nl+nl])
	}
	for _, k := range copies {
		r := s.tab.get(k)
		add((k*fnvInverse)^salt, s.w[int(r)*nl:int(r)*nl+nl])
	}
	out := &stage{nl: nl, tab: newTable(len(order)), w: make([]float32, len(order)*nl)}
	for r, k := range order {
		copy(out.w[r*nl:], sum[k])
		out.tab.put(k, int32(r))
	}
	return out
}

func scoreDocs(s *stage, docs []*tdoc, types []string) (*Score, error) {
	var gold, guess [][]string
	sc := &scratch{}
	for _, d := range docs {
		for si, inf := range d.infos {
			out := make([]int, len(inf))
			s.tagSentence(inf, out, sc, d.forbid, d.salt)
			gold = append(gold, toBIO(d.gold[si], types))
			guess = append(guess, toBIO(out, types))
		}
	}
	return Evaluate(gold, guess)
}

// trainModel trains the statistical model.
func trainModel(ctx context.Context, res *resources, sets []TrainSet, opt TrainOptions) (*Model, error) {
	if len(opt.Types) == 0 {
		opt.Types = []string{"PER", "ORG", "LOC", "MISC"}
	}
	if opt.Epochs <= 0 {
		opt.Epochs = 10
	}
	if opt.Stages <= 0 {
		opt.Stages = 1
	}
	if opt.Folds < 2 {
		opt.Folds = 5
	}
	types := opt.Types
	nl := 1 + 4*len(types)
	docs := res.makeDocs(sets, types)
	devSets := append([]TrainSet(nil), opt.Dev...)
	for i := range devSets {
		devSets[i].Domain = opt.Domain
	}
	dev := res.makeDocs(devSets, types)
	opt.logf("stage 1: %d documents\n", len(docs))
	s1, err := trainSeeds(ctx, docs, nl, opt, dev, types)
	if err != nil {
		return nil, err
	}
	m := &Model{types: types, stages: []*stage{s1}, domain: opt.Domain}
	if opt.Stages < 2 {
		return m.folded(), nil
	}
	// Jackknife: first-stage labels for every training document from a
	// tagger that did not see it.
	labels := make([][][]int, len(docs))
	fopt := opt
	fopt.Dev = nil
	for f := 0; f < opt.Folds; f++ {
		var in, out []int
		for i := range docs {
			if i%opt.Folds == f {
				out = append(out, i)
			} else {
				in = append(in, i)
			}
		}
		sub := make([]*tdoc, len(in))
		for k, i := range in {
			sub[k] = docs[i]
		}
		opt.logf("stage 1, fold %d/%d: %d documents\n", f+1, opt.Folds, len(sub))
		fs, err := trainStage(ctx, sub, nl, &fopt, nil, types)
		if err != nil {
			return nil, err
		}
		sc := &scratch{}
		for _, i := range out {
			labels[i] = make([][]int, len(docs[i].infos))
			for si, inf := range docs[i].infos {
				labels[i][si] = make([]int, len(inf))
				fs.tagSentence(inf, labels[i][si], sc, docs[i].forbid, docs[i].salt)
			}
		}
	}
	for i, d := range docs {
		setHistory(d.infos, labels[i], types)
	}
	sc := &scratch{}
	for _, d := range dev {
		lab := make([][]int, len(d.infos))
		for si, inf := range d.infos {
			lab[si] = make([]int, len(inf))
			s1.tagSentence(inf, lab[si], sc, d.forbid, d.salt)
		}
		setHistory(d.infos, lab, types)
	}
	opt.logf("stage 2\n")
	s2, err := trainSeeds(ctx, docs, nl, opt, dev, types)
	if err != nil {
		return nil, err
	}
	m.stages = append(m.stages, s2)
	return m.folded(), nil
}

// folded returns the model with its domain copies folded into the shared
// features (see foldDomain): it tags its domain without augmentation.
func (m *Model) folded() *Model {
	if m.domain == "" {
		return m
	}
	salt := m.salt()
	out := &Model{types: m.types, info: m.info, features: m.features}
	for _, s := range m.stages {
		out.stages = append(out.stages, foldDomain(s, salt))
	}
	out.SetInfo("domain", m.domain)
	return out
}

// trainSeeds trains opt.Seeds stages with different shuffles and averages
// their weights (a linear model's bagging: one model, the same speed).
func trainSeeds(ctx context.Context, docs []*tdoc, nl int, opt TrainOptions, dev []*tdoc, types []string) (*stage, error) {
	if opt.Seeds <= 1 {
		return trainStage(ctx, docs, nl, &opt, dev, types)
	}
	minWeight := opt.MinWeight
	var stages []*stage
	for k := 0; k < opt.Seeds; k++ {
		o := opt
		o.Seed = opt.Seed + uint64(k)*7919
		o.MinWeight = 0
		opt.logf(" seed %d/%d\n", k+1, opt.Seeds)
		s, err := trainStage(ctx, docs, nl, &o, dev, types)
		if err != nil {
			return nil, err
		}
		stages = append(stages, s)
	}
	m := mergeStages(stages, minWeight)
	if len(dev) > 0 {
		if sc, err := scoreDocs(m, dev, types); err == nil {
			opt.logf("  averaged %d seeds: dev F1 %.2f\n", opt.Seeds, sc.Overall().F1())
		}
	}
	return m, nil
}

// mergeStages averages the weights of stages (a feature missing from a
// stage counts as 0) and drops features whose largest weight is below
// minWeight.
func mergeStages(stages []*stage, minWeight float64) *stage {
	nl := stages[0].nl
	sum := map[uint64][]float32{}
	var order []uint64
	for _, s := range stages {
		for _, sl := range s.tab.slots {
			if sl.key == 0 {
				continue
			}
			row := sum[sl.key]
			if row == nil {
				row = make([]float32, nl)
				sum[sl.key] = row
				order = append(order, sl.key)
			}
			for l, v := range s.w[int(sl.row)*nl : int(sl.row)*nl+nl] {
				row[l] += v / float32(len(stages))
			}
		}
	}
	var keep []uint64
	for _, k := range order {
		mx := 0.0
		for _, v := range sum[k] {
			mx = math.Max(mx, math.Abs(float64(v)))
		}
		if mx > 0 && mx >= minWeight {
			keep = append(keep, k)
		}
	}
	out := &stage{nl: nl, tab: newTable(len(keep)), w: make([]float32, len(keep)*nl)}
	for r, k := range keep {
		copy(out.w[r*nl:], sum[k])
		out.tab.put(k, int32(r))
		for _, s := range stages {
			if salt, ok := s.copies[k]; ok {
				if out.copies == nil {
					out.copies = map[uint64]uint64{}
				}
				out.copies[k] = salt
				break
			}
		}
	}
	return out
}
