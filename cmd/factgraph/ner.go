package main

import (
	"compress/gzip"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"time"

	"github.com/spf13/cobra"

	"github.com/factgraph/factgraph/extract/conllu"
	"github.com/factgraph/factgraph/extract/ner"
	"github.com/factgraph/factgraph/extract/wordcluster"
)

// nerCommands returns the top-level NER commands (ner).
func nerCommands() []*cobra.Command { return []*cobra.Command{newNERCmd()} }

// nerTrainCommands returns the "train" subcommands for the recognizer.
func nerTrainCommands() []*cobra.Command {
	return []*cobra.Command{newTrainNERCmd(), newTrainWordClustersCmd()}
}

// nerEvalCommands returns the "eval" subcommands for the recognizer.
func nerEvalCommands() []*cobra.Command { return []*cobra.Command{newEvalNERCmd()} }

func openNERInput(name string) (io.ReadCloser, error) {
	if name == "-" {
		return io.NopCloser(os.Stdin), nil
	}
	return os.Open(name)
}

func readCorpusFile(name string, f ner.Format) (*ner.Corpus, error) {
	in, err := openNERInput(name)
	if err != nil {
		return nil, err
	}
	defer in.Close()
	return ner.ReadCorpus(in, f)
}

// loadRecognizer returns the shipped recognizer for the domain ("auto":
// web for UNER files, news otherwise), or one built from a model file and a
// clusters file.
func loadRecognizer(modelPath, clustersPath, domain string, f ner.Format) (*ner.Recognizer, error) {
	if modelPath == "" {
		if domain == "auto" {
			domain = string(ner.News)
			if f == ner.FormatIOB2 {
				domain = string(ner.Web)
			}
		}
		return ner.DefaultFor(ner.Domain(domain))
	}
	mb, err := os.ReadFile(modelPath)
	if err != nil {
		return nil, err
	}
	m, err := ner.ReadModel(mb)
	if err != nil {
		return nil, err
	}
	cb, err := os.ReadFile(clustersPath)
	if err != nil {
		return nil, err
	}
	cl, err := ner.ReadClusters(cb)
	if err != nil {
		return nil, err
	}
	return ner.New(m, cl)
}

func newNERCmd() *cobra.Command {
	var input, tagset, modelPath, clustersPath, domain string
	c := &cobra.Command{
		Use:   "ner [flags] FILE",
		Short: "Tag named entities in CoNLL-2003 or UNER column files",
		Long: `ner reads a column file (CoNLL-2003 with --input conll: token first, tag last,
-DOCSTART- and blank lines kept; Universal NER with --input iob2) and writes
every line back with the predicted tag appended as the last column, in the
chosen tag set (conll: PER ORG LOC MISC; uner: PER ORG LOC; full: the
recognizer's own types), ready for conlleval or "factgraph eval ner --predicted".
FILE "-" reads standard input.`,
		Args: cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			ts, err := ner.ParseTagset(tagset)
			if err != nil {
				return err
			}
			corpus, err := readCorpusFile(args[0], ner.Format(input))
			if err != nil {
				return err
			}
			r, err := loadRecognizer(modelPath, clustersPath, domain, ner.Format(input))
			if err != nil {
				return err
			}
			tags, err := r.TagCorpus(cmd.Context(), corpus, ts)
			if err != nil {
				return err
			}
			return ner.WriteTagged(cmd.OutOrStdout(), corpus, tags)
		},
	}
	c.Flags().StringVar(&input, "input", "conll", "input format: conll or iob2")
	c.Flags().StringVar(&tagset, "tagset", "conll", "output tag set: conll, uner or full")
	c.Flags().StringVar(&modelPath, "model", "", "model file (default: the shipped model)")
	c.Flags().StringVar(&domain, "domain", "auto", "shipped model: news, web, or auto (web for --input iob2)")
	c.Flags().StringVar(&clustersPath, "clusters", "extract/ner/model/brown.txt.gz", "clusters file for --model")
	return c
}

func newEvalNERCmd() *cobra.Command {
	var gold, input, tagset, modelPath, clustersPath, domain string
	var predicted bool
	var bias map[string]string
	c := &cobra.Command{
		Use:   "ner --gold FILE",
		Short: "Score the recognizer on a labelled column file (conlleval P/R/F1)",
		Long: `ner tags the tokens of a labelled column file and prints precision, recall
and F1 per type and overall as conlleval defines them (exact span, exact type).
With --predicted, FILE already holds the predictions in its last column (the
output of "factgraph ner") and is only scored. --tagset uner scores PER, ORG and
LOC only (gold MISC is ignored, as UNER has none).`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			if gold == "" {
				return fmt.Errorf("--gold is required")
			}
			ts, err := ner.ParseTagset(tagset)
			if err != nil {
				return err
			}
			var g, p [][]string
			words := 0
			start := time.Now()
			if predicted {
				in, err := openNERInput(gold)
				if err != nil {
					return err
				}
				g, p, err = ner.PredictedColumn(in, ner.Format(input))
				in.Close()
				if err != nil {
					return err
				}
			} else {
				corpus, err := readCorpusFile(gold, ner.Format(input))
				if err != nil {
					return err
				}
				r, err := loadRecognizer(modelPath, clustersPath, domain, ner.Format(input))
				if err != nil {
					return err
				}
				if len(bias) > 0 {
					b, err := parseBias(bias)
					if err != nil {
						return err
					}
					if err := r.Model().SetBias(b); err != nil {
						return err
					}
				}
				start = time.Now()
				p, err = r.TagCorpus(cmd.Context(), corpus, ts)
				if err != nil {
					return err
				}
				g = ner.GoldTags(corpus, ts)
				words = corpus.Words()
			}
			elapsed := time.Since(start)
			score, err := ner.Evaluate(g, p)
			if err != nil {
				return err
			}
			if err := score.Write(cmd.OutOrStdout()); err != nil {
				return err
			}
			if words > 0 {
				fmt.Fprintf(cmd.ErrOrStderr(), "tagged %d words in %s (%.0f words/s, whole recognizer)\n",
					words, elapsed.Round(time.Millisecond), float64(words)/elapsed.Seconds())
			}
			return nil
		},
	}
	c.Flags().StringVar(&gold, "gold", "", "labelled column file")
	c.Flags().StringVar(&input, "input", "conll", "input format: conll or iob2")
	c.Flags().StringVar(&tagset, "tagset", "conll", "tag set scored: conll, uner or full")
	c.Flags().BoolVar(&predicted, "predicted", false, "the file's last column holds predictions: only score it")
	c.Flags().StringToStringVar(&bias, "bias", nil, "try type biases instead of the model's (TYPE=score,…; see train ner --bias)")
	c.Flags().StringVar(&modelPath, "model", "", "model file (default: the shipped model)")
	c.Flags().StringVar(&domain, "domain", "auto", "shipped model: news, web, or auto (web for --input iob2)")
	c.Flags().StringVar(&clustersPath, "clusters", "extract/ner/model/brown.txt.gz", "clusters file for --model")
	return c
}

func newTrainNERCmd() *cobra.Command {
	var data, out, clustersPath string
	var opt ner.TrainOptions
	var useCoNLL, useUNER, useGUM bool
	var dev, target string
	var unerRepeat int
	var lowerCopies []string
	var preset string
	var bias map[string]string
	var train func(*cobra.Command) error
	c := &cobra.Command{
		Use:   "ner",
		Short: "Train the named-entity model from CoNLL-2003, UNER and GUM",
		Long: `ner trains the recognizer's statistical model (PER, ORG, LOC, MISC in BILOU)
on ../shared/data/conll2003/eng.train, on GUM's named entities (person,
organization, place, and event/object as MISC; --gum=false leaves them out) and
with --uner on the UNER EWT train release (which has no MISC: the tagger may not
predict MISC there).
Features use the word clusters of --clusters and the embedded gazetteer.
--dev conll|uner logs a dev set's F1 after every epoch.

The defaults train the shipped news model (extract/ner/model/ner.bin.gz) on
CoNLL-2003 and GUM, adapted to the news domain (each feature also has a copy
per corpus, and the model tags with the news copies);
"--preset all" rebuilds both shipped models bit for bit, "--preset web" the web
model, which is

  factgraph train ner --uner --gum --conll --types PER,ORG,LOC --target web \
    --features case,vote --lowercase-copy uner --uner-repeat 2 --epochs 6 \
    --gold-history 6 --dropout 0.4 --min-weight 1.0 --bias ORG=30,LOC=30 \
    --out extract/ner/model/ner-web.bin.gz`,
		RunE: func(cmd *cobra.Command, _ []string) error {
			if preset != "" {
				return runPresets(cmd, preset, train)
			}
			return train(cmd)
		},
	}
	train = func(cmd *cobra.Command) error {
		{
			if data == "" {
				d, err := sharedData()
				if err != nil {
					return err
				}
				data = d
			}
			cb, err := os.ReadFile(clustersPath)
			if err != nil {
				return err
			}
			cl, err := ner.ReadClusters(cb)
			if err != nil {
				return err
			}
			load := func(rel string, f ner.Format) (*ner.Corpus, error) {
				return readCorpusFile(filepath.Join(data, rel), f)
			}
			var sets []ner.TrainSet
			if useCoNLL {
				conll, err := load("conll2003/eng.train", ner.FormatCoNLL)
				if err != nil {
					return err
				}
				sets = append(sets, ner.TrainSet{Name: "conll", Corpus: conll, Domain: domainIf(target, "news")})
			}
			if useUNER {
				u, err := load("uner-ewt/en_ewt-ud-train.provisional.iob2", ner.FormatIOB2)
				if err != nil {
					return err
				}
				sets = append(sets, ner.TrainSet{Name: "uner", Corpus: u, Partial: []string{"MISC"}, Repeat: unerRepeat, Domain: domainIf(target, "web")})
			}
			if useGUM {
				g, err := load("ud-gum/en_gum-ud-train.conllu", ner.FormatCoNLLU)
				if err != nil {
					return err
				}
				sets = append(sets, ner.TrainSet{Name: "gum", Corpus: g, Domain: domainIf(target, "gum")})
			}
			for _, name := range lowerCopies {
				found := false
				for _, set := range sets {
					if set.Name == name {
						set.Name += "-lower"
						set.Corpus = set.Corpus.Lowercased()
						sets = append(sets, set)
						found = true
						break
					}
				}
				if !found {
					return fmt.Errorf("--lowercase-copy %q: no such training set (conll, uner, gum)", name)
				}
			}
			opt.Domain = target
			switch dev {
			case "":
			case "conll":
				d, err := load("conll2003/eng.testa", ner.FormatCoNLL)
				if err != nil {
					return err
				}
				opt.Dev = []ner.TrainSet{{Name: "testa", Corpus: d}}
			case "uner":
				d, err := load("uner-ewt/en_ewt-ud-dev.iob2", ner.FormatIOB2)
				if err != nil {
					return err
				}
				opt.Dev = []ner.TrainSet{{Name: "uner-dev", Corpus: d}}
			default:
				return fmt.Errorf("--dev %q: want conll or uner", dev)
			}
			opt.Log = cmd.ErrOrStderr()
			start := time.Now()
			m, err := ner.Train(cmd.Context(), cl, sets, opt)
			if err != nil {
				return err
			}
			info := fmt.Sprintf("types=%v epochs=%d gold-history=%d stages=%d folds=%d seeds=%d min-weight=%g conll=%v uner=%v gum=%v target=%q",
				opt.Types, opt.Epochs, opt.GoldHistory, opt.Stages, opt.Folds, opt.Seeds, opt.MinWeight, useCoNLL, useUNER, useGUM, target)
			if len(opt.Features) > 0 {
				info += fmt.Sprintf(" features=%v", opt.Features)
			}
			if len(lowerCopies) > 0 {
				info += fmt.Sprintf(" lowercase-copy=%v", lowerCopies)
			}
			if unerRepeat > 1 {
				info += fmt.Sprintf(" uner-repeat=%d", unerRepeat)
			}
			if opt.Dropout > 0 {
				info += fmt.Sprintf(" dropout=%g", opt.Dropout)
			}
			if len(bias) > 0 {
				b, err := parseBias(bias)
				if err != nil {
					return err
				}
				if err := m.SetBias(b); err != nil {
					return err
				}
			}
			m.SetInfo("trained", info)
			fh, err := os.Create(out)
			if err != nil {
				return err
			}
			if err := m.Write(fh); err != nil {
				fh.Close()
				return err
			}
			if err := fh.Close(); err != nil {
				return err
			}
			st, _ := os.Stat(out)
			fmt.Fprintf(cmd.ErrOrStderr(), "wrote %s (%d bytes, features per stage %v) in %s\n", out, st.Size(), m.Features(), time.Since(start).Round(time.Second))
			return nil
		}
	}
	c.Flags().StringVar(&data, "data", "", "shared data directory (default ../shared/data next to the repository)")
	c.Flags().StringVar(&out, "out", "extract/ner/model/ner.bin.gz", "model output file")
	c.Flags().StringVar(&clustersPath, "clusters", "extract/ner/model/brown.txt.gz", "word clusters (from train wordclusters)")
	c.Flags().IntVar(&opt.Epochs, "epochs", 6, "training epochs per stage")
	c.Flags().IntVar(&opt.Stages, "stages", 2, "1, or 2 for a second stage reading first-stage labels across the document")
	c.Flags().IntVar(&opt.Folds, "folds", 5, "jackknife folds for the second stage")
	c.Flags().Float64Var(&opt.MinWeight, "min-weight", 0.5, "drop features whose largest averaged weight is smaller")
	c.Flags().Uint64Var(&opt.Seed, "seed", 1, "shuffling seed")
	c.Flags().IntVar(&opt.GoldHistory, "gold-history", 2, "epochs whose label-history features read gold labels")
	c.Flags().IntVar(&opt.Seeds, "seeds", 3, "average the weights of this many models trained with different shuffles")
	c.Flags().StringSliceVar(&opt.Types, "types", []string{"PER", "ORG", "LOC", "MISC"}, "model types (others in the data become O)")
	c.Flags().BoolVar(&useCoNLL, "conll", true, "train on CoNLL-2003 eng.train")
	c.Flags().BoolVar(&useUNER, "uner", false, "also train on the UNER EWT train release")
	c.Flags().IntVar(&unerRepeat, "uner-repeat", 1, "times the UNER data is seen per epoch")
	c.Flags().BoolVar(&useGUM, "gum", true, "also train on GUM named entities (--gum=false: not)")
	c.Flags().StringToStringVar(&bias, "bias", nil, "scores added to each type's labels in the last stage (TYPE=score,…): a recall/precision threshold tuned on dev with eval ner --bias")
	c.Flags().StringSliceVar(&opt.Features, "features", nil, "optional feature sets: case (how words are written in the clusters' text), vote (document-level name consistency after the last stage)")
	c.Flags().StringSliceVar(&lowerCopies, "lowercase-copy", nil, "also train on lower-cased copies of these sets (conll, uner, gum)")
	c.Flags().Float64Var(&opt.Dropout, "dropout", 0, "leave each static feature out of a training token with this probability (feature dropout)")
	c.Flags().StringVar(&dev, "dev", "", "log the F1 of a dev set after every epoch: conll (eng.testa) or uner (UNER dev)")
	c.Flags().StringVar(&preset, "preset", "", "train a shipped model with its recorded settings: news, web, or all (both); other flags are ignored except --data, and --out with one preset")
	c.Flags().StringVar(&target, "target", "news", "domain adaptation: give every feature a copy per corpus (news, web, gum) and tag as this domain (\"\": none)")
	return c
}

// sharedData returns ../shared/data beside the repository root (the
// nearest directory holding go.mod above the working directory).
func sharedData() (string, error) {
	if d := conllu.SharedDataDir(); d != "" {
		return d, nil
	}
	return "", fmt.Errorf("no ../shared/data beside the repository; pass --data")
}

func newTrainWordClustersCmd() *cobra.Command {
	var data, out string
	var clusters, minCount, workers int
	c := &cobra.Command{
		Use:   "wordclusters",
		Short: "Induce Brown word clusters from unlabelled news for the recognizer",
		Long: `wordclusters counts the Reuters-21578 news text and the training splits of
CoNLL-2003, UD EWT and GUM (tokens only, no labels) and induces Brown clusters,
written gzipped as "bits<TAB>word" lines for "factgraph train ner".`,
		RunE: func(cmd *cobra.Command, _ []string) error {
			if data == "" {
				d, err := sharedData()
				if err != nil {
					return err
				}
				data = d
			}
			cnt := wordcluster.NewCounter()
			add := func(rel string, f func(*os.File) error) error {
				fh, err := os.Open(filepath.Join(data, rel))
				if err != nil {
					return err
				}
				defer fh.Close()
				return f(fh)
			}
			if err := add("news/reuters21578.jsonl", func(f *os.File) error { return cnt.AddJSONL(f) }); err != nil {
				return err
			}
			for _, p := range []struct {
				rel string
				col int
				tab bool
			}{
				{"conll2003/eng.train", 0, false},
				{"ud-ewt/en_ewt-ud-train.conllu", 1, true},
				{"ud-gum/en_gum-ud-train.conllu", 1, true},
			} {
				if err := add(p.rel, func(f *os.File) error { return cnt.AddColumns(f, p.col, p.tab) }); err != nil {
					return err
				}
			}
			fmt.Fprintf(cmd.ErrOrStderr(), "counted %d tokens\n", cnt.Tokens())
			start := time.Now()
			bits, err := cnt.Brown(cmd.Context(), wordcluster.Options{
				Clusters: clusters, MinCount: minCount, Workers: workers,
				Progress: func(done, total int) {
					fmt.Fprintf(cmd.ErrOrStderr(), "merge %d/%d %s\n", done, total, time.Since(start).Round(time.Second))
				},
			})
			if err != nil {
				return err
			}
			fh, err := os.Create(out)
			if err != nil {
				return err
			}
			var w interface {
				Write([]byte) (int, error)
			} = fh
			var gz *gzip.Writer
			if strings.HasSuffix(out, ".gz") {
				gz, _ = gzip.NewWriterLevel(fh, gzip.BestCompression)
				w = gz
			}
			if err := wordcluster.New(bits).Write(w); err != nil {
				fh.Close()
				return err
			}
			if gz != nil {
				if err := gz.Close(); err != nil {
					fh.Close()
					return err
				}
			}
			if err := fh.Close(); err != nil {
				return err
			}
			fmt.Fprintf(cmd.ErrOrStderr(), "wrote %d words to %s in %s\n", len(bits), out, time.Since(start).Round(time.Second))
			return nil
		},
	}
	c.Flags().StringVar(&data, "data", "", "shared data directory (default ../shared/data next to the repository)")
	c.Flags().StringVar(&out, "out", "extract/ner/model/brown.txt.gz", "output file (gzipped when it ends in .gz)")
	c.Flags().IntVar(&clusters, "clusters", 1000, "number of clusters kept while words enter")
	c.Flags().IntVar(&minCount, "min-count", 3, "ignore words seen fewer times")
	c.Flags().IntVar(&workers, "workers", 2, "goroutines for the cluster updates")
	return c
}

// domainIf returns the corpus's domain when domain adaptation is on.
func domainIf(target, domain string) string {
	if target == "" {
		return ""
	}
	return domain
}

// nerPresets are the settings of the shipped models: "factgraph train ner
// --preset all" rebuilds both bit for bit. Only the last may set "bias"
// (a flag that is not reset between presets).
var nerPresets = []struct {
	name  string
	flags map[string]string
}{
	{"news", map[string]string{
		"out": "extract/ner/model/ner.bin.gz", "conll": "true", "uner": "false", "gum": "true",
		"types": "PER,ORG,LOC,MISC", "min-weight": "0.5", "epochs": "6", "gold-history": "2",
		"stages": "2", "seeds": "3", "seed": "1", "folds": "5", "target": "news", "uner-repeat": "1",
		"features": "", "lowercase-copy": "", "dropout": "0",
	}},
	{"web", map[string]string{
		"out": "extract/ner/model/ner-web.bin.gz", "conll": "true", "uner": "true", "gum": "true",
		"types": "PER,ORG,LOC", "min-weight": "1.0", "epochs": "6", "gold-history": "6", "dropout": "0.4",
		"stages": "2", "seeds": "3", "seed": "1", "folds": "5", "target": "web", "uner-repeat": "2",
		"features": "case,vote", "lowercase-copy": "uner", "bias": "ORG=30,LOC=30",
	}},
}

// runPresets trains the shipped models named by preset (news, web, all).
func runPresets(cmd *cobra.Command, preset string, train func(*cobra.Command) error) error {
	found := false
	for _, p := range nerPresets {
		if preset != "all" && preset != p.name {
			continue
		}
		found = true
		for k, v := range p.flags {
			if v == "" && k == "bias" {
				continue
			}
			// One preset may be written elsewhere (to check that
			// training reproduces the shipped file).
			if k == "out" && preset != "all" && cmd.Flags().Changed("out") {
				continue
			}
			f := cmd.Flags().Lookup(k)
			if f == nil {
				return fmt.Errorf("preset %s: no flag --%s", p.name, k)
			}
			if sv, ok := f.Value.(interface{ Replace([]string) error }); ok {
				var vals []string
				if v != "" {
					vals = strings.Split(v, ",")
				}
				if err := sv.Replace(vals); err != nil {
					return err
				}
				continue
			}
			if err := f.Value.Set(v); err != nil {
				return fmt.Errorf("preset %s: --%s: %w", p.name, k, err)
			}
		}
		fmt.Fprintf(cmd.ErrOrStderr(), "training the shipped %s model\n", p.name)
		if err := train(cmd); err != nil {
			return err
		}
	}
	if !found {
		return fmt.Errorf("--preset %q: want news, web or all", preset)
	}
	return nil
}

// parseBias reads TYPE=score pairs.
func parseBias(m map[string]string) (map[string]float32, error) {
	out := map[string]float32{}
	for k, v := range m {
		f, err := strconv.ParseFloat(v, 32)
		if err != nil {
			return nil, fmt.Errorf("--bias %s=%s: %w", k, v, err)
		}
		out[k] = float32(f)
	}
	return out, nil
}
