package nlp

import (
	"bufio"
	"compress/gzip"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/factgraph/factgraph/extract/conllu"
	"github.com/factgraph/factgraph/extract/depparse"
	"github.com/factgraph/factgraph/extract/lemma"
	"github.com/factgraph/factgraph/extract/postag"
	"github.com/factgraph/factgraph/extract/wordcluster"
)

// ClustersFile is the Brown-cluster file that training reads from the
// output folder (written by TrainClusters). The tagger and the parser copy
// the clusters into their own model files, so it is not needed at run time.
const ClustersFile = "brown.txt.gz"

// Brown clustering settings of the shipped models.
const (
	brownClusters = 256
	brownMinCount = 3
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
	// DevEval logs the parser's EWT dev UAS and LAS after every epoch
	// (with the tagger and lemmatizer in OutDir, or the embedded ones),
	// unpruned and at the shipped pruning threshold.
	DevEval bool
	Log     func(format string, args ...any)
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
	parserMinWeight = 1
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

// TrainClusters induces Brown clusters from the Reuters corpus, the
// CoNLL-2003 training text and the UD training splits, and writes
// ClustersFile.
func TrainClusters(ctx context.Context, opt TrainOptions) error {
	opt.defaults()
	start := time.Now()
	c := wordcluster.NewCounter()
	add := func(name string, f func(*os.File) error) error {
		file, err := os.Open(filepath.Join(opt.DataDir, name))
		if err != nil {
			return fmt.Errorf("nlp: clusters: %w", err)
		}
		defer file.Close()
		if err := f(file); err != nil {
			return fmt.Errorf("nlp: clusters: %s: %w", name, err)
		}
		return nil
	}
	if err := add("news/reuters21578.jsonl", func(f *os.File) error { return c.AddJSONL(f) }); err != nil {
		return err
	}
	for _, name := range TrainFiles {
		if err := add(name, func(f *os.File) error { return c.AddColumns(f, 1, true) }); err != nil {
			return err
		}
	}
	if err := add("conll2003/eng.train", func(f *os.File) error { return c.AddColumns(f, 0, false) }); err != nil {
		return err
	}
	opt.Log("clusters: %d tokens counted", c.Tokens())
	bits, err := c.Brown(ctx, wordcluster.Options{Clusters: brownClusters, MinCount: brownMinCount, Workers: 1})
	if err != nil {
		return fmt.Errorf("nlp: clusters: %w", err)
	}
	opt.Log("clusters: %d words clustered in %v", len(bits), time.Since(start).Round(time.Second))
	return save(opt.OutDir, ClustersFile, func(w io.Writer) error {
		zw := gzip.NewWriter(w)
		if _, err := postag.NewClusters(bits).WriteTo(zw); err != nil {
			return err
		}
		return zw.Close()
	})
}

// readClusters reads ClustersFile from the output folder.
func readClusters(opt TrainOptions) (*postag.Clusters, error) {
	path := filepath.Join(opt.OutDir, ClustersFile)
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("nlp: %w (run \"factgraph train nlp-clusters\" first)", err)
	}
	defer f.Close()
	return postag.ReadClusters(f)
}

// caseClasses counts how often words are capitalized in the Reuters corpus
// and the UD training splits (see postag.CaseCounter).
func caseClasses(data []*conllu.Sentence, opt TrainOptions) (postag.CaseClasses, error) {
	cc := postag.NewCaseCounter()
	path := filepath.Join(opt.DataDir, "news", "reuters21578.jsonl")
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("nlp: case counts: %w", err)
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 64<<20)
	for sc.Scan() {
		var rec struct {
			Text string `json:"text"`
		}
		if err := json.Unmarshal(sc.Bytes(), &rec); err != nil {
			return nil, fmt.Errorf("nlp: case counts: %s: %w", path, err)
		}
		for _, para := range strings.Split(rec.Text, "\n") {
			cc.Add(wordcluster.SplitWords(para))
		}
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("nlp: case counts: %w", err)
	}
	var words []string
	for _, s := range data {
		words = words[:0]
		for _, i := range s.Words() {
			words = append(words, s.Lines[i].Form)
		}
		cc.Add(words)
	}
	return cc.Classes(), nil
}

// TrainTagger trains the tagger and writes TaggerFile.
func TrainTagger(ctx context.Context, opt TrainOptions) error {
	opt.defaults()
	data, err := ReadTrain(opt.DataDir)
	if err != nil {
		return err
	}
	cl, err := readClusters(opt)
	if err != nil {
		return err
	}
	start := time.Now()
	cc, err := caseClasses(data, opt)
	if err != nil {
		return err
	}
	t, err := postag.Train(ctx, postag.Examples(data), postag.Options{Epochs: opt.TaggerEpochs, Seed: opt.Seed,
		MinWeight: taggerMinWeight, StackFolds: opt.TaggerStack, Clusters: cl, Case: cc, Log: opt.Log})
	if err != nil {
		return fmt.Errorf("nlp: train tagger: %w", err)
	}
	opt.Log("tagger trained in %v", time.Since(start).Round(time.Second))
	return save(opt.OutDir, TaggerFile, t.Save)
}

// TrainLemmatizer trains the lemmatizer and writes LemmatizerFile. EWT
// words count twice: where the treebanks disagree (GUM lemmatizes "people"
// as "person", EWT as "people"), the output follows EWT, the reference of
// the project's targets.
func TrainLemmatizer(ctx context.Context, opt TrainOptions) error {
	opt.defaults()
	var exs []lemma.Example
	for i, f := range TrainFiles {
		ss, err := conllu.ReadFile(filepath.Join(opt.DataDir, f))
		if err != nil {
			return fmt.Errorf("nlp: training data: %w", err)
		}
		w := lemma.Examples(ss)
		if i == 0 { // EWT
			for k := range w {
				w[k].Weight = 2
			}
		}
		exs = append(exs, w...)
	}
	start := time.Now()
	l, err := lemma.Train(ctx, exs)
	if err != nil {
		return fmt.Errorf("nlp: train lemmatizer: %w", err)
	}
	f, err := os.Open(filepath.Join(opt.DataDir, LemmaLexicon))
	if err != nil {
		return fmt.Errorf("nlp: lemma lexicon: %w", err)
	}
	pairs, err := lemma.ReadLexicon(f)
	f.Close()
	if err != nil {
		return err
	}
	n := l.AddLexicon(pairs)
	opt.Log("lemmatizer trained in %v (%d inflected forms from %s)", time.Since(start).Round(time.Millisecond), n, LemmaLexicon)
	return save(opt.OutDir, LemmatizerFile, l.Save)
}

// LemmaLexicon is the lemma list (under the data folder) whose inflected
// forms the lemmatizer learns beside the treebanks' words.
const LemmaLexicon = "lexicons/lemmatization-en/lemmatization-en.txt"

// TrainParser trains the parser and writes ParserFile. Unless Folds is
// negative, the tags of the training sentences are replaced by those of
// taggers trained on the other folds (jackknifing).
func TrainParser(ctx context.Context, opt TrainOptions) error {
	opt.defaults()
	data, err := ReadTrain(opt.DataDir)
	if err != nil {
		return err
	}
	cl, err := readClusters(opt)
	if err != nil {
		return err
	}
	start := time.Now()
	exs := depparse.Examples(data)
	if opt.Folds > 1 {
		cc, err := caseClasses(data, opt)
		if err != nil {
			return err
		}
		if err := jackknife(ctx, exs, cl, cc, opt); err != nil {
			return err
		}
		opt.Log("jackknifed tags in %v", time.Since(start).Round(time.Second))
	}
	popt := depparse.Options{Epochs: opt.ParserEpochs, Seed: opt.Seed,
		MinWeight: parserMinWeight, Clusters: cl, Log: opt.Log}
	if opt.DevEval {
		if popt.AfterEpoch, err = devMonitor(ctx, opt); err != nil {
			return err
		}
	}
	p, err := depparse.Train(ctx, exs, popt)
	if err != nil {
		return fmt.Errorf("nlp: train parser: %w", err)
	}
	opt.Log("parser trained in %v", time.Since(start).Round(time.Second))
	return save(opt.OutDir, ParserFile, p.Save)
}

// devMonitor returns a depparse.Options.AfterEpoch function that logs the
// EWT dev scores of each epoch's parser, on the tags of the tagger in
// OutDir (or the embedded one), computed once.
func devMonitor(ctx context.Context, opt TrainOptions) (func(int, *depparse.Parser), error) {
	dev, err := conllu.ReadFile(filepath.Join(opt.DataDir, DevFiles[0]))
	if err != nil {
		return nil, fmt.Errorf("nlp: dev data: %w", err)
	}
	a, err := LoadDir(opt.OutDir)
	if err != nil {
		if a, err = Default(); err != nil {
			return nil, err
		}
		opt.Log("dev monitor: no models in %s, using the embedded tagger and lemmatizer", opt.OutDir)
	}
	// Tag once: the tagger does not change between epochs. The copy keeps
	// the gold heads and relations, which are what UAS and LAS score.
	tagged, err := a.ParseCoNLLU(ctx, dev)
	if err != nil {
		return nil, err
	}
	for i, s := range tagged {
		for k := range s.Lines {
			s.Lines[k].Head, s.Lines[k].DepRel = dev[i].Lines[k].Head, dev[i].Lines[k].DepRel
		}
	}
	return func(epoch int, p *depparse.Parser) {
		for _, mw := range []float32{0, parserMinWeight} {
			pp := p
			if mw > 0 {
				pp = p.Prune(mw)
			}
			b := New(a.Tagger, a.Lemmatizer, pp)
			sc, err := b.EvaluateGoldTags(ctx, tagged)
			if err != nil {
				opt.Log("dev monitor: %v", err)
				return
			}
			rows, weights := b.Parser.Size()
			opt.Log("parser: epoch %d, min weight %g (%d rows, %d weights): EWT dev UAS %.2f LAS %.2f",
				epoch, mw, rows, weights, 100*sc.UAS.F1(), 100*sc.LAS.F1())
		}
	}, nil
}

// jackknife replaces the tags of exs with those predicted by taggers
// trained on the other folds (sentence i is in fold i mod Folds). The
// fold taggers are single-pass (no stacking), to keep training time down;
// their tags are slightly worse than the shipped tagger's.
func jackknife(ctx context.Context, exs []depparse.Example, cl *postag.Clusters, cc postag.CaseClasses, opt TrainOptions) error {
	k := opt.Folds
	for fold := 0; fold < k; fold++ {
		var train []postag.Example
		for i := range exs {
			if i%k != fold {
				train = append(train, postag.Example{Words: exs[i].Words, UPOS: exs[i].UPOS, XPOS: exs[i].XPOS})
			}
		}
		t, err := postag.Train(ctx, train, postag.Options{Epochs: opt.TaggerEpochs, Seed: opt.Seed + uint64(fold) + 1,
			MinWeight: taggerMinWeight, Clusters: cl, Case: cc})
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

// TrainAll induces the clusters and trains the tagger, the lemmatizer and
// the parser.
func TrainAll(ctx context.Context, opt TrainOptions) error {
	if err := TrainClusters(ctx, opt); err != nil {
		return err
	}
	if err := TrainTagger(ctx, opt); err != nil {
		return err
	}
	if err := TrainLemmatizer(ctx, opt); err != nil {
		return err
	}
	return TrainParser(ctx, opt)
}
