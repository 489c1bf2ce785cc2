package nlp

import (
	"context"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"time"

	"github.com/factgraph/factgraph/extract/conllu"
	"github.com/factgraph/factgraph/extract/depparse"
	"github.com/factgraph/factgraph/extract/lemma"
	"github.com/factgraph/factgraph/extract/postag"
)

// TrainFiles are the training splits, relative to the shared data folder.
var TrainFiles = []string{"ud-ewt/en_ewt-ud-train.conllu", "ud-gum/en_gum-ud-train.conllu"}

// DevFiles are the development splits, relative to the shared data folder.
var DevFiles = []string{"ud-ewt/en_ewt-ud-dev.conllu", "ud-gum/en_gum-ud-dev.conllu"}

// TrainOptions control the training of the shipped models. The defaults
// (zero values) are the settings of the shipped models.
type TrainOptions struct {
	DataDir string // the shared data folder (../shared/data)
	OutDir  string // where model files are written
	Seed    uint64
	// TaggerEpochs and ParserEpochs default to 10 and 15.
	TaggerEpochs, ParserEpochs int
	// TaggerStack, when above 1, is the number of jackknife folds for a
	// stacked second tagger pass. Off by default: on EWT dev it gained
	// nothing (95.33 against 95.32 UPOS) for six times the training time.
	TaggerStack int
	// Folds is the number of jackknife folds used to give the parser
	// training data predicted tags, as it will see at run time; default 4,
	// negative for gold tags.
	Folds int
	Log   func(format string, args ...any)
}

func (o *TrainOptions) defaults() {
	if o.TaggerEpochs <= 0 {
		o.TaggerEpochs = 10
	}
	if o.ParserEpochs <= 0 {
		o.ParserEpochs = 15
	}
	if o.Folds == 0 {
		o.Folds = 4
	}
	if o.Seed == 0 {
		o.Seed = 1
	}
	if o.Log == nil {
		o.Log = func(string, ...any) {}
	}
}

// Minimum averaged weight kept in the shipped models.
const (
	taggerMinWeight = 0.5
	parserMinWeight = 0.5
)

// ReadTrain reads the training splits.
func ReadTrain(dataDir string) ([]*conllu.Sentence, error) {
	var all []*conllu.Sentence
	for _, f := range TrainFiles {
		ss, err := conllu.ReadFile(filepath.Join(dataDir, f))
		if err != nil {
			return nil, fmt.Errorf("nlp: training data: %w", err)
		}
		all = append(all, ss...)
	}
	return all, nil
}

func save(dir, name string, write func(io.Writer) error) error {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return fmt.Errorf("nlp: %w", err)
	}
	path := filepath.Join(dir, name)
	f, err := os.Create(path)
	if err != nil {
		return fmt.Errorf("nlp: %w", err)
	}
	if err := write(f); err != nil {
		f.Close()
		return fmt.Errorf("nlp: write %s: %w", path, err)
	}
	if err := f.Close(); err != nil {
		return fmt.Errorf("nlp: write %s: %w", path, err)
	}
	return nil
}

// TrainTagger trains the tagger and writes TaggerFile.
func TrainTagger(ctx context.Context, opt TrainOptions) error {
	opt.defaults()
	data, err := ReadTrain(opt.DataDir)
	if err != nil {
		return err
	}
	start := time.Now()
	t, err := postag.Train(ctx, postag.Examples(data), postag.Options{Epochs: opt.TaggerEpochs, Seed: opt.Seed, MinWeight: taggerMinWeight, StackFolds: opt.TaggerStack, Log: opt.Log})
	if err != nil {
		return fmt.Errorf("nlp: train tagger: %w", err)
	}
	opt.Log("tagger trained in %v", time.Since(start).Round(time.Second))
	return save(opt.OutDir, TaggerFile, t.Save)
}

// TrainLemmatizer trains the lemmatizer and writes LemmatizerFile.
func TrainLemmatizer(ctx context.Context, opt TrainOptions) error {
	opt.defaults()
	data, err := ReadTrain(opt.DataDir)
	if err != nil {
		return err
	}
	start := time.Now()
	l, err := lemma.Train(ctx, lemma.Examples(data))
	if err != nil {
		return fmt.Errorf("nlp: train lemmatizer: %w", err)
	}
	opt.Log("lemmatizer trained in %v", time.Since(start).Round(time.Millisecond))
	return save(opt.OutDir, LemmatizerFile, l.Save)
}

// TrainParser trains the parser and writes ParserFile. Unless Folds is
// negative, the tags of the training sentences are replaced by those of
// taggers trained on the other folds (jackknifing).
func TrainParser(ctx context.Context, opt TrainOptions) error {
	opt.defaults()
	data, err := ReadTrain(opt.DataDir)
	if err != nil {
		return err
	}
	start := time.Now()
	exs := depparse.Examples(data)
	if opt.Folds > 1 {
		if err := jackknife(ctx, exs, opt); err != nil {
			return err
		}
		opt.Log("jackknifed tags in %v", time.Since(start).Round(time.Second))
	}
	p, err := depparse.Train(ctx, exs, depparse.Options{Epochs: opt.ParserEpochs, Seed: opt.Seed, MinWeight: parserMinWeight, Log: opt.Log})
	if err != nil {
		return fmt.Errorf("nlp: train parser: %w", err)
	}
	opt.Log("parser trained in %v", time.Since(start).Round(time.Second))
	return save(opt.OutDir, ParserFile, p.Save)
}

// jackknife replaces the tags of exs with those predicted by taggers
// trained on the other folds (sentence i is in fold i mod Folds). The
// fold taggers are single-pass (no stacking), to keep training time down;
// their tags are slightly worse than the shipped tagger's.
func jackknife(ctx context.Context, exs []depparse.Example, opt TrainOptions) error {
	k := opt.Folds
	for fold := 0; fold < k; fold++ {
		var train []postag.Example
		for i := range exs {
			if i%k != fold {
				train = append(train, postag.Example{Words: exs[i].Words, UPOS: exs[i].UPOS, XPOS: exs[i].XPOS})
			}
		}
		t, err := postag.Train(ctx, train, postag.Options{Epochs: opt.TaggerEpochs, Seed: opt.Seed + uint64(fold) + 1, MinWeight: taggerMinWeight})
		if err != nil {
			return fmt.Errorf("nlp: jackknife fold %d: %w", fold+1, err)
		}
		sc := &postag.Scratch{}
		right, total := 0, 0
		for i := fold; i < len(exs); i += k {
			ex := &exs[i]
			tags := make([]int, len(ex.Words))
			t.Tag(ex.Words, tags, sc)
			up, xp := make([]string, len(tags)), make([]string, len(tags))
			for j, tag := range tags {
				up[j], xp[j] = t.TagName(tag)
				if up[j] == ex.UPOS[j] {
					right++
				}
				total++
			}
			ex.UPOS, ex.XPOS = up, xp
		}
		opt.Log("jackknife fold %d/%d: UPOS %.2f%% on the held-out fold", fold+1, k, 100*float64(right)/float64(max(total, 1)))
	}
	return nil
}

// TrainAll trains the tagger, the lemmatizer and the parser.
func TrainAll(ctx context.Context, opt TrainOptions) error {
	if err := TrainTagger(ctx, opt); err != nil {
		return err
	}
	if err := TrainLemmatizer(ctx, opt); err != nil {
		return err
	}
	return TrainParser(ctx, opt)
}
