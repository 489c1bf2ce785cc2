package coref

import (
	"context"
	"fmt"
	"io"
	"math/rand/v2"
)

// TrainOptions configure Train.
type TrainOptions struct {
	// DataDir is the shared data folder holding gum-coref/.
	DataDir string
	// Epochs over the training documents (default 3).
	Epochs int
	// Bags is how many perceptrons, each seeing the documents in its own
	// seeded order, are trained and averaged (default 3).
	Bags int
	// Seed offsets the seeds of the document orders (default 0).
	Seed uint64
	// Costs of the loss-augmented training: linking a mention that starts
	// an entity (false anaphor), starting an entity at an anaphoric mention
	// (false new) and linking to a wrong antecedent. Zero means the
	// defaults.
	FalseAnaphor, FalseNew, WrongLink float64
	// Log, when not nil, receives progress and the dev score per epoch.
	Log io.Writer
}

func (o *TrainOptions) defaults() {
	if o.Epochs == 0 {
		o.Epochs = 3
	}
	if o.Bags == 0 {
		o.Bags = 3
	}
	if o.FalseAnaphor == 0 {
		o.FalseAnaphor = 1
	}
	if o.FalseNew == 0 {
		o.FalseNew = 6
	}
	if o.WrongLink == 0 {
		o.WrongLink = 2
	}
}

// example is a prepared training document: its mentions and, for each,
// the gold chain it belongs to (-1 for none).
type example struct {
	doc  *Document
	di   *docInfo
	ms   []*mention
	gold []int
	key  Clusters
}

func (an *annotator) examples(ctx context.Context, docs []*Document) ([]*example, error) {
	var out []*example
	for _, d := range docs {
		di, err := an.prepare(ctx, d)
		if err != nil {
			return nil, err
		}
		key, err := d.Clusters()
		if err != nil {
			return nil, fmt.Errorf("%s: %w", d.Name, err)
		}
		ex := &example{doc: d, di: di, key: key}
		ex.detect(nil)
		out = append(out, ex)
	}
	return out, nil
}

// goldChains gives each detected mention the gold chain of the gold
// mention with the same span or, failing that, the same syntactic head
// (-1 for none), so that span errors of the parser do not teach the model
// that repeated names start new entities.
func goldChains(di *docInfo, ms []*mention, key Clusters) []int {
	ix := index(key)
	exact := map[Mention]bool{}
	for _, m := range ms {
		if _, ok := ix[m.Mention]; ok {
			exact[m.Mention] = true
		}
	}
	byHead := map[int]int{}
	for c, ch := range key { // in order, so that training is deterministic
		for _, gm := range ch {
			if exact[gm] {
				continue
			}
			if h := spanHead(di, gm); h >= 0 {
				if _, ok := byHead[h]; !ok {
					byHead[h] = c
				}
			}
		}
	}
	gold := make([]int, len(ms))
	for k, m := range ms {
		gold[k] = -1
		if c, ok := ix[m.Mention]; ok {
			gold[k] = c
		} else if c, ok := byHead[m.headTok]; ok {
			gold[k] = c
			delete(byHead, m.headTok)
		}
	}
	return gold
}

// spanHead is the first token of the span whose syntactic head lies
// outside it, -1 if none.
func spanHead(di *docInfo, m Mention) int {
	for i := m.Start; i <= m.End && i < len(di.toks); i++ {
		if h := di.toks[i].head; (h < m.Start || h > m.End) && di.toks[i].upos != "PUNCT" {
			return i
		}
	}
	return -1
}

// averaged is an averaged perceptron's weights.
type averaged struct {
	w, u map[uint32]float64
	c    float64
}

func (a *averaged) score(f feats) float64 {
	s := 0.0
	for _, k := range f {
		s += a.w[k]
	}
	return s
}

func (a *averaged) update(f feats, d float64) {
	for _, k := range f {
		a.w[k] += d
		a.u[k] += a.c * d
	}
}

func (a *averaged) model(cls map[string]uint8) *Model {
	m := &Model{w: make(map[uint32]float32, len(a.w)), cls: cls}
	for k, w := range a.w {
		if v := w - a.u[k]/a.c; v > 1e-4 || v < -1e-4 {
			m.w[k] = float32(v)
		}
	}
	return m
}

// Train learns a mention-ranking model on the OntoGUM train documents
// under opt.DataDir with a loss-augmented latent averaged perceptron: each
// mention chooses among its candidate antecedents and a new entity; when
// the choice (with costs added to wrong options) is not among the correct
// ones, the weights move toward the best-scoring correct option. opt.Bags
// perceptrons, each over its own document order, are averaged. With Log
// set, the dev documents are scored after each epoch of the first and
// after each perceptron joins the average.
func Train(ctx context.Context, opt TrainOptions) (*Model, error) {
	opt.defaults()
	an, err := defaultAnnotator()
	if err != nil {
		return nil, err
	}
	trainDocs, err := ReadSplit(opt.DataDir, "train")
	if err != nil {
		return nil, err
	}
	train, err := an.examples(ctx, trainDocs)
	if err != nil {
		return nil, err
	}
	var dev []*example
	if opt.Log != nil {
		devDocs, err := ReadSplit(opt.DataDir, "dev")
		if err != nil {
			return nil, err
		}
		if dev, err = an.examples(ctx, devDocs); err != nil {
			return nil, err
		}
		fmt.Fprintf(opt.Log, "train %d documents, dev %d\n", len(train), len(dev))
	}
	bw := trainBoundary(train, boundaryEpochs)
	bscore := (&Model{w: bw}).score
	before := exactRecall(dev)
	for _, ex := range append(train[:len(train):len(train)], dev...) {
		ex.detect(bscore)
	}
	if opt.Log != nil {
		fmt.Fprintf(opt.Log, "boundary model: %d weights; dev gold mentions found exactly %.1f%% → %.1f%%\n", len(bw), before, exactRecall(dev))
	}
	cls, folds, err := learnClassFolds(opt.DataDir, train)
	if err != nil {
		return nil, err
	}
	m, err := trainBags(ctx, opt, cls, folds, train, dev)
	if err != nil {
		return nil, err
	}
	for k, w := range bw {
		m.w[k] = w
	}
	return m, nil
}

// boundaryEpochs are the boundary perceptron's passes over the training
// documents.
const boundaryEpochs = 5

// detect (re)detects the example's mentions, with score deciding where
// noun phrases end, and gives them their gold chains.
func (ex *example) detect(score scorer) {
	ex.ms = detectMentions(ex.di, score)
	ex.gold = goldChains(ex.di, ex.ms, ex.key)
}

// exactRecall is the percentage of gold mentions of exs that are
// detected with their exact span.
func exactRecall(exs []*example) float64 {
	gold, hit := 0, 0
	for _, ex := range exs {
		found := map[Mention]bool{}
		for _, m := range ex.ms {
			found[m.Mention] = true
		}
		for _, ch := range ex.key {
			for _, m := range ch {
				gold++
				if found[m] {
					hit++
				}
			}
		}
	}
	if gold == 0 {
		return 0
	}
	return 100 * float64(hit) / float64(gold)
}

// trainBags averages the weights of opt.Bags perceptrons trained by
// trainExamples with seeds opt.Seed, opt.Seed+1, …: one perceptron's dev
// CoNLL score moves by about half a point with the order of the
// documents, an average of three by about a quarter, so comparisons of
// features are best made on averages and on more than one seed.
func trainBags(ctx context.Context, opt TrainOptions, cls map[string]uint8, folds []map[string]uint8, train, dev []*example) (*Model, error) {
	opt.defaults()
	if opt.Bags == 1 {
		return trainExamples(ctx, opt, cls, folds, train, dev)
	}
	sum := map[uint32]float64{}
	for b := 0; b < opt.Bags; b++ {
		o := opt
		o.Seed = opt.Seed + uint64(b)
		if b > 0 {
			o.Log = nil
		}
		m, err := trainExamples(ctx, o, cls, folds, train, dev)
		if err != nil {
			return nil, err
		}
		for k, w := range m.w {
			sum[k] += float64(w)
		}
		if opt.Log != nil && len(dev) > 0 {
			s := evaluate(averageModel(sum, b+1, cls), dev)
			fmt.Fprintf(opt.Log, "average of %d: dev MUC %.2f B3 %.2f CEAF-e %.2f CoNLL %.2f\n",
				b+1, 100*s.MUC.F1(), 100*s.B3.F1(), 100*s.CEAFe.F1(), 100*s.CoNLL())
		}
	}
	return averageModel(sum, opt.Bags, cls), nil
}

// averageModel divides summed weights by n.
func averageModel(sum map[uint32]float64, n int, cls map[string]uint8) *Model {
	m := &Model{w: make(map[uint32]float32, len(sum)), cls: cls}
	for k, w := range sum {
		if v := w / float64(n); v > 1e-4 || v < -1e-4 {
			m.w[k] = float32(v)
		}
	}
	return m
}

// trainExamples runs the perceptron over prepared training examples,
// scoring dev (when not empty and opt.Log is set) after each epoch.
// Training document k reads the class lexicon folds[k], learned without
// it; the model keeps cls, learned from all.
func trainExamples(ctx context.Context, opt TrainOptions, cls map[string]uint8, folds []map[string]uint8, train, dev []*example) (*Model, error) {
	opt.defaults()
	p := &averaged{w: map[uint32]float64{}, u: map[uint32]float64{}, c: 1}
	rng := rand.New(rand.NewPCG(opt.Seed+1, 2))
	order := make([]int, len(train))
	for i := range order {
		order[i] = i
	}
	for ep := 1; ep <= opt.Epochs; ep++ {
		rng.Shuffle(len(order), func(i, j int) { order[i], order[j] = order[j], order[i] })
		errs, total := 0, 0
		for _, k := range order {
			if err := ctx.Err(); err != nil {
				return nil, err
			}
			ex := train[k]
			dc := newDocContext(ex.di, ex.ms, folds[k])
			rank(dc, p.score, func(j int, cands []int, fs []feats, _ int) int {
				total++
				g := ex.gold[j]
				isGold := func(i int) bool { return g >= 0 && ex.gold[i] == g }
				anaphoric := false
				for _, i := range cands {
					if isGold(i) {
						anaphoric = true
						break
					}
				}
				// Loss-augmented prediction and best correct option.
				pred, predS := -1, p.score(fs[0])
				goldBest, goldS := -1, predS
				if anaphoric {
					predS += opt.FalseNew
					goldS = -1e300
				}
				for c, i := range cands {
					s := p.score(fs[c+1])
					if isGold(i) {
						if s > goldS {
							goldBest, goldS = i, s
						}
					} else if anaphoric {
						s += opt.WrongLink
					} else {
						s += opt.FalseAnaphor
					}
					if s > predS {
						pred, predS = i, s
					}
				}
				if pred != goldBest && !(pred >= 0 && isGold(pred)) {
					errs++
					p.update(fs[slot(cands, goldBest)], 1)
					p.update(fs[slot(cands, pred)], -1)
				}
				p.c++
				return goldBest
			})
		}
		if opt.Log != nil && len(dev) > 0 {
			s := evaluate(p.model(cls), dev)
			fmt.Fprintf(opt.Log, "epoch %d: %d/%d mistakes; dev MUC %.2f B3 %.2f CEAF-e %.2f CoNLL %.2f\n",
				ep, errs, total, 100*s.MUC.F1(), 100*s.B3.F1(), 100*s.CEAFe.F1(), 100*s.CoNLL())
		}
	}
	return p.model(cls), nil
}

// slot is the index in the feature list of antecedent i (0 for new).
func slot(cands []int, i int) int {
	if i < 0 {
		return 0
	}
	for k, c := range cands {
		if c == i {
			return k + 1
		}
	}
	panic("coref: antecedent not among the candidates")
}

func evaluate(m *Model, exs []*example) Scores {
	var s Scores
	for _, ex := range exs {
		ante := rank(newDocContext(ex.di, ex.ms, m.cls), m.score, nil)
		s.Add(ex.key, chains(ex.ms, ante))
	}
	return s
}
