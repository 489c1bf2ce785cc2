package tokenize

import (
	"context"
	"fmt"
	"io"
	"math/rand/v2"
	"path/filepath"
	"slices"
	"time"
)

// Config says what Train learns from and how.
type Config struct {
	// Train lists the CoNLL-U training files.
	Train []string
	// Epochs is the number of perceptron passes over each classifier's
	// examples.
	Epochs int
	// Seed fixes the layout of the rebuilt training text and the order of
	// the examples: the same seed and files give the same model, byte for
	// byte.
	Seed uint64
	// MinMWT is how often a letter run must be split in the treebanks to
	// enter the multiword-token lexicon.
	MinMWT int
	// MinFeature is how often a feature must occur in the training
	// examples to get a weight.
	MinFeature int
	// Log, when set, receives progress lines.
	Log io.Writer
}

// DefaultConfig returns the configuration of the shipped model, reading the
// UD English EWT and GUM training splits under dataDir (../shared/data).
func DefaultConfig(dataDir string) Config {
	return Config{
		Train: []string{
			filepath.Join(dataDir, "ud-ewt", "en_ewt-ud-train.conllu"),
			filepath.Join(dataDir, "ud-gum", "en_gum-ud-train.conllu"),
		},
		Epochs:     8,
		Seed:       1,
		MinMWT:     2,
		MinFeature: 2,
	}
}

// DevFiles returns the UD English EWT and GUM development splits under
// dataDir.
func DevFiles(dataDir string) []string {
	return []string{
		filepath.Join(dataDir, "ud-ewt", "en_ewt-ud-dev.conllu"),
		filepath.Join(dataDir, "ud-gum", "en_gum-ud-dev.conllu"),
	}
}

func (cfg Config) logf(format string, args ...any) {
	if cfg.Log != nil {
		fmt.Fprintf(cfg.Log, format+"\n", args...)
	}
}

// Train learns a tokenizer from the treebanks in cfg. It first learns the
// multiword-token lexicon, then the split classifier on raw text rebuilt
// from the treebanks (each candidate decided with the gold decisions before
// it), then the sentence classifier on the same text as tokenized by the
// trained split classifier. Train is deterministic for a given Config.
func Train(ctx context.Context, cfg Config) (*Tokenizer, error) {
	if len(cfg.Train) == 0 {
		return nil, fmt.Errorf("tokenize: no training files")
	}
	if cfg.Epochs <= 0 {
		cfg.Epochs = 1
	}
	start := time.Now()
	rng := rand.New(rand.NewPCG(cfg.Seed, 0x746f6b656e697a65))
	c := newCorpus()
	for _, f := range cfg.Train {
		if err := c.addFile(f, rng); err != nil {
			return nil, err
		}
	}
	cfg.logf("tokenize: %d sentences, %d bytes of text", len(c.sentences), len(c.text))

	m := &model{mwt: learnMWT(c, cfg.MinMWT)}
	cfg.logf("tokenize: %d multiword letter runs", len(m.mwt))

	// Split classifier: teacher-forced run over the text.
	text := string(c.text)
	hook := &trainHook{splitAt: c.wordStart, endAt: c.sentEnd, noBounds: true}
	sp := splitter{m: m, text: text, train: hook}
	sp.tokenize()
	cfg.logf("tokenize: %d split examples", len(hook.splits))
	w, err := trainPerceptron(ctx, hook.splits, cfg.Epochs, cfg.MinFeature, cfg.Seed)
	if err != nil {
		return nil, err
	}
	m.w = w

	// Sentence classifier on the predicted tokens.
	hook = &trainHook{splitAt: c.wordStart, endAt: c.sentEnd, noSplits: true}
	sp = splitter{m: m, text: text, train: hook}
	sp.tokenize()
	sp.sentences()
	cfg.logf("tokenize: %d sentence-end examples", len(hook.bounds))
	wb, err := trainPerceptron(ctx, hook.bounds, cfg.Epochs, cfg.MinFeature, cfg.Seed+1)
	if err != nil {
		return nil, err
	}
	for f, v := range wb {
		m.w[f] += v
	}
	cfg.logf("tokenize: %d weights, trained in %s", len(m.w), time.Since(start).Round(time.Millisecond))
	return &Tokenizer{m: m}, nil
}

// MarshalBinary encodes the tokenizer's model in the form New and the
// embedded model use.
func (t *Tokenizer) MarshalBinary() ([]byte, error) {
	return t.m.encode()
}

// learnMWT returns the letter runs that the treebanks split into several
// words at least min times, with their most frequent split.
func learnMWT(c *corpus, min int) map[string][]uint8 {
	out := map[string][]uint8{}
	keys := make([]string, 0, len(c.mwtSplit))
	for k := range c.mwtSplit {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	for _, k := range keys {
		best, bestN, total := "", 0, 0
		splits := make([]string, 0, len(c.mwtSplit[k]))
		for s := range c.mwtSplit[k] {
			splits = append(splits, s)
		}
		slices.Sort(splits)
		for _, s := range splits {
			n := c.mwtSplit[k][s]
			total += n
			if n > bestN {
				best, bestN = s, n
			}
		}
		if total >= min && len(best) > 0 {
			out[k] = []uint8(best)
		}
	}
	return out
}

// trainPerceptron trains an averaged binary perceptron on examples, visiting
// them in a seeded random order each epoch.
func trainPerceptron(ctx context.Context, examples []example, epochs, minCount int, seed uint64) (map[uint64]float32, error) {
	type weight struct {
		w, total float64
		last     int
	}
	// features seen fewer than minCount times are dropped: they only let
	// the perceptron memorise single (often noisy) examples
	counts := map[uint64]int{}
	for _, ex := range examples {
		for _, f := range ex.feats {
			counts[f]++
		}
	}
	for i := range examples {
		ex := &examples[i]
		kept := ex.feats[:0]
		for _, f := range ex.feats {
			if counts[f] >= minCount {
				kept = append(kept, f)
			}
		}
		ex.feats = kept
	}
	ws := map[uint64]*weight{}
	order := make([]int, len(examples))
	for i := range order {
		order[i] = i
	}
	rng := rand.New(rand.NewPCG(seed, 0x70657263))
	step := 0
	for ep := 0; ep < epochs; ep++ {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		rng.Shuffle(len(order), func(i, j int) { order[i], order[j] = order[j], order[i] })
		for _, i := range order {
			step++
			ex := &examples[i]
			var s float64
			for _, f := range ex.feats {
				if w := ws[f]; w != nil {
					s += w.w
				}
			}
			if (s > 0) == ex.label {
				continue
			}
			d := 1.0
			if !ex.label {
				d = -1
			}
			for _, f := range ex.feats {
				w := ws[f]
				if w == nil {
					w = &weight{}
					ws[f] = w
				}
				w.total += float64(step-w.last) * w.w
				w.last = step
				w.w += d
			}
		}
	}
	out := make(map[uint64]float32, len(ws))
	for f, w := range ws {
		w.total += float64(step-w.last) * w.w
		if avg := float32(w.total / float64(step)); avg != 0 {
			out[f] = avg
		}
	}
	return out, nil
}
