package main

import (
	"bufio"
	"context"
	"fmt"
	"io"
	"math"
	"os"
	"sort"
	"strings"
	"time"

	"github.com/spf13/cobra"

	"github.com/factgraph/factgraph/extract"
	"github.com/factgraph/factgraph/extract/carb"
	"github.com/factgraph/factgraph/extract/conllu"
	"github.com/factgraph/factgraph/extract/nlp"
	"github.com/factgraph/factgraph/extract/relation"
	"github.com/factgraph/factgraph/extract/tokenize"
)

// openIEOptions are the input options shared by openie and eval carb.
type openIEOptions struct {
	input  string // text or conllu
	split  string // spaces or tokenizer (text input)
	models string
	ann    *nlp.Annotator // loaded on first use
}

func (o *openIEOptions) flags(c *cobra.Command, split string) {
	c.Flags().StringVar(&o.input, "input", "text", "input format: text (one sentence per line) or conllu (parsed sentences, used as they are)")
	c.Flags().StringVar(&o.split, "split", split, "how to split text lines into tokens: spaces (pre-tokenized, as CaRB) or tokenizer")
	c.Flags().StringVar(&o.models, "models", "", "folder with tagger, lemmatizer and parser models to use instead of the embedded ones")
}

// sentences reads the input as parsed sentences, calling fn for each with
// the line's text as written.
func (o *openIEOptions) sentences(ctx context.Context, r io.Reader, fn func(text string, s *extract.Sentence) error) error {
	switch o.input {
	case "conllu":
		rd := conllu.NewReader(r)
		for {
			cs, err := rd.Next()
			if err == io.EOF {
				return nil
			}
			if err != nil {
				return fmt.Errorf("read CoNLL-U: %w", err)
			}
			s := conllu.ToExtract(cs)
			text, ok := cs.Comment("text")
			if !ok {
				text = cs.Text()
			}
			if err := fn(text, &s); err != nil {
				return err
			}
		}
	case "text":
	default:
		return fmt.Errorf("--input must be text or conllu, not %q", o.input)
	}
	if o.split != "spaces" && o.split != "tokenizer" {
		return fmt.Errorf("--split must be spaces or tokenizer, not %q", o.split)
	}
	a, err := o.annotator()
	if err != nil {
		return err
	}
	tok := tokenize.Default()
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 64*1024), 4*1024*1024)
	for sc.Scan() {
		if err := ctx.Err(); err != nil {
			return err
		}
		line := strings.TrimRight(sc.Text(), "\r")
		if strings.TrimSpace(line) == "" {
			continue
		}
		s := extract.Sentence{Text: line, End: len(line)}
		if o.split == "spaces" {
			s.Tokens = spaceTokens(line)
		} else {
			for _, ts := range tok.Split(line) {
				s.Tokens = append(s.Tokens, ts.Tokens...)
			}
		}
		if err := a.Annotate(ctx, &s); err != nil {
			return fmt.Errorf("parse %q: %w", line, err)
		}
		if err := fn(line, &s); err != nil {
			return err
		}
	}
	if err := sc.Err(); err != nil {
		return fmt.Errorf("read input: %w", err)
	}
	return nil
}

// annotator loads the models once.
func (o *openIEOptions) annotator() (*nlp.Annotator, error) {
	if o.ann != nil {
		return o.ann, nil
	}
	var err error
	if o.models != "" {
		o.ann, err = nlp.LoadDir(o.models)
	} else {
		o.ann, err = nlp.Default()
	}
	if err != nil {
		return nil, fmt.Errorf("load the NLP models: %w", err)
	}
	return o.ann, nil
}

// spaceTokens splits a line at white space.
func spaceTokens(line string) []extract.Token {
	var out []extract.Token
	start := -1
	for i, r := range line + " " {
		if r == ' ' || r == '\t' {
			if start >= 0 {
				out = append(out, extract.Token{Text: line[start:i], Start: start, End: i, SpaceAfter: true, Head: -1})
				start = -1
			}
		} else if start < 0 {
			start = i
		}
	}
	return out
}

func newOpenIECmd() *cobra.Command {
	var o openIEOptions
	c := &cobra.Command{
		Use:   "openie [FILE|-]",
		Short: "Open information extraction: one sentence per line in, CaRB's tab-separated tuples out",
		Long: `openie reads one sentence per line (or parsed CoNLL-U with --input conllu),
parses it with the shipped models and writes one line per extraction in CaRB's
format: sentence<TAB>confidence<TAB>relation<TAB>arg1<TAB>arg2…

Lines are split into tokens at spaces by default (CaRB's sentences are
tokenized); --split tokenizer runs factgraph's tokenizer instead.`,
		Example: `  factgraph openie ../shared/data/carb/sentences-dev.txt > dev.tsv
  echo "Russia recalled its ambassador to Washington on Wednesday ." | factgraph openie`,
		Args: cobra.MaximumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			in, closeIn, err := openInput(args)
			if err != nil {
				return err
			}
			defer closeIn()
			out := bufio.NewWriter(cmd.OutOrStdout())
			err = o.sentences(cmd.Context(), in, func(text string, s *extract.Sentence) error {
				return carb.WriteTSV(out, toCarb(text, relation.OpenIE(s)))
			})
			if ferr := out.Flush(); err == nil {
				err = ferr
			}
			return err
		},
	}
	o.flags(c, "spaces")
	return c
}

// readCarbGold reads a CaRB gold file.
func readCarbGold(path string) ([]carb.Extraction, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("CaRB gold: %w", err)
	}
	defer f.Close()
	g, err := carb.ReadGold(f)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	return g, nil
}

func toCarb(text string, ts []relation.Tuple) []carb.Extraction {
	out := make([]carb.Extraction, len(ts))
	for i, t := range ts {
		out[i] = carb.Extraction{Sentence: text, Confidence: t.Confidence, Relation: t.Relation, Args: t.Args}
	}
	return out
}

func newEvalCarbCmd() *cobra.Command {
	var (
		o                             openIEOptions
		gold, sentences, preds, curve string
		out, errs                     string
	)
	c := &cobra.Command{
		Use:   "carb --gold GOLD.tsv [--predictions SYSTEM.tsv | --sentences FILE]",
		Short: "Score open information extraction with the CaRB measure (best F1, PR-curve area)",
		Long: `eval carb scores extractions against CaRB gold tuples with CaRB's own
measure: tuples matched by token overlap (relation and arguments), precision
and recall along the confidence ranking, the best F1 and the area under the
precision–recall curve.

Without --predictions, factgraph's extractor runs on the gold's sentences
(or on --sentences, one per line, or parsed CoNLL-U with --input conllu) and
the speed is reported, parsing included.`,
		Example: `  factgraph eval carb --gold ../shared/data/carb/gold-dev.tsv
  factgraph eval carb --gold ../shared/data/carb/gold-dev.tsv --predictions openie4.tsv`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			if gold == "" {
				return fmt.Errorf("--gold is required")
			}
			g, err := readCarbGold(gold)
			if err != nil {
				return err
			}
			var p []carb.Extraction
			var n int
			var elapsed time.Duration
			switch {
			case preds != "":
				pf, err := os.Open(preds)
				if err != nil {
					return err
				}
				p, err = carb.ReadPredictions(pf)
				pf.Close()
				if err != nil {
					return fmt.Errorf("%s: %w", preds, err)
				}
			default:
				var in io.Reader
				if sentences != "" {
					f, err := os.Open(sentences)
					if err != nil {
						return err
					}
					defer f.Close()
					in = f
				} else {
					var b strings.Builder
					seen := map[string]bool{}
					for _, e := range g {
						if !seen[e.Sentence] {
							seen[e.Sentence] = true
							b.WriteString(e.Sentence + "\n")
						}
					}
					in = strings.NewReader(b.String())
				}
				if o.input == "text" {
					if _, err := o.annotator(); err != nil { // load before timing
						return err
					}
				}
				start := time.Now()
				err := o.sentences(cmd.Context(), in, func(text string, s *extract.Sentence) error {
					n++
					p = append(p, toCarb(text, relation.OpenIE(s))...)
					return nil
				})
				elapsed = time.Since(start)
				if err != nil {
					return err
				}
				if out != "" {
					f, err := os.Create(out)
					if err != nil {
						return err
					}
					if err := carb.WriteTSV(f, p); err != nil {
						f.Close()
						return err
					}
					if err := f.Close(); err != nil {
						return err
					}
				}
			}
			res := carb.Score(g, p)
			if errs != "" {
				if err := writeCarbErrors(errs, g, p); err != nil {
					return err
				}
			}
			w := cmd.OutOrStdout()
			fmt.Fprintf(w, "CaRB  F1 %.1f  AUC %.1f  (P %.1f R %.1f at confidence ≥ %.2f)  gold %d tuples, predicted %d\n",
				100*res.F1, 100*res.AUC, 100*res.Precision, 100*res.Recall, res.Threshold, res.Gold, res.Predicted)
			if n > 0 {
				fmt.Fprintf(w, "%d sentences in %.2fs: %.0f sentences/s on one goroutine, parsing included\n",
					n, elapsed.Seconds(), float64(n)/elapsed.Seconds())
			}
			if curve != "" {
				f, err := os.Create(curve)
				if err != nil {
					return err
				}
				bw := bufio.NewWriter(f)
				fmt.Fprintln(bw, "confidence\tprecision\trecall\tf1")
				for _, pt := range res.Curve {
					fmt.Fprintf(bw, "%.4f\t%.4f\t%.4f\t%.4f\n", pt.Threshold, pt.Precision, pt.Recall, pt.F1)
				}
				if err := bw.Flush(); err != nil {
					f.Close()
					return err
				}
				return f.Close()
			}
			return nil
		},
	}
	o.flags(c, "spaces")
	c.Flags().StringVar(&gold, "gold", "", "CaRB gold tuples (sentence<TAB>relation<TAB>arg1<TAB>arg2…)")
	c.Flags().StringVar(&preds, "predictions", "", "score these extractions (CaRB system format) instead of running factgraph's")
	c.Flags().StringVar(&sentences, "sentences", "", "sentences to run on, one per line (default: the gold's sentences)")
	c.Flags().StringVar(&curve, "curve", "", "write the precision–recall curve here (TSV)")
	c.Flags().StringVarP(&out, "output", "o", "", "write factgraph's extractions here (CaRB system format)")
	c.Flags().StringVar(&errs, "errors", "", "write, per sentence, each gold tuple with its best-matching extraction and each extraction with its best precision (for error analysis)")
	return c
}

// writeCarbErrors writes an error-analysis listing: per gold sentence, the
// gold tuples with the recall of their best match ("R 0.00" is a miss) and
// the predicted tuples with the precision of their best match.
func writeCarbErrors(path string, gold, pred []carb.Extraction) error {
	f, err := os.Create(path)
	if err != nil {
		return fmt.Errorf("carb errors: %w", err)
	}
	bw := bufio.NewWriter(f)
	g := carb.Group(gold)
	p := carb.Group(pred)
	keys := make([]string, 0, len(g))
	for k := range g {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	show := func(e *carb.Extraction) string {
		return e.Relation + " | " + strings.Join(e.Args, " | ")
	}
	for _, k := range keys {
		golds, preds := g[k], p[k]
		fmt.Fprintf(bw, "# %s\n", golds[0].Sentence)
		for _, ge := range golds {
			best, bi := 0.0, -1
			for j, pe := range preds {
				if _, r := carb.Match(ge, pe); r > best {
					best, bi = r, j
				}
			}
			fmt.Fprintf(bw, "G R %.2f  %s", best, show(ge))
			if bi >= 0 {
				fmt.Fprintf(bw, "   <= %s", show(preds[bi]))
			}
			bw.WriteByte('\n')
		}
		for _, pe := range preds {
			best := 0.0
			for _, ge := range golds {
				if pr, _ := carb.Match(ge, pe); pr > best {
					best = pr
				}
			}
			fmt.Fprintf(bw, "P P %.2f  %.2f  %s\n", best, pe.Confidence, show(pe))
		}
		bw.WriteByte('\n')
	}
	if err := bw.Flush(); err != nil {
		f.Close()
		return fmt.Errorf("carb errors: %w", err)
	}
	if err := f.Close(); err != nil {
		return fmt.Errorf("carb errors: %w", err)
	}
	return nil
}

// newTrainConfidenceCmd learns the open IE confidence model on CaRB gold.
func newTrainConfidenceCmd() *cobra.Command {
	var (
		o            openIEOptions
		gold, write  string
		sentences    string
		folds        int
		l2           float64
		recallWeight float64
	)
	c := &cobra.Command{
		Use:   "confidence --gold GOLD.tsv [--write extract/relation/confidence_weights.go]",
		Short: "Learn the extraction confidence (logistic regression) on CaRB gold, with cross-validated scores",
		Long: `confidence runs the extractor on the gold's sentences, labels each
extraction with the precision CaRB credits it against the gold tuples of its
sentence (gold and extractions paired one to one, best match first), mixed
with the recall of that pairing by --recall-weight, and fits a logistic
regression of that label on the extraction's features (relation.FeatureNames).

It reports the CaRB score with the confidences of --folds-fold
cross-validation (sentences split into folds by position; each fold scored
by a model fitted on the others: the honest number), the in-sample score of
the model fitted on all sentences, and a calibration table. --write writes
the all-sentence model as Go source (the shipped file is
extract/relation/confidence_weights.go).`,
		Example: `  factgraph train confidence --gold ../shared/data/carb/gold-dev.tsv --write extract/relation/confidence_weights.go`,
		Args:    cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			if gold == "" {
				return fmt.Errorf("--gold is required")
			}
			if folds < 2 {
				return fmt.Errorf("--folds must be at least 2")
			}
			g, err := readCarbGold(gold)
			if err != nil {
				return err
			}
			byKey := carb.Group(g)
			var b strings.Builder
			seen := map[string]bool{}
			for _, e := range g {
				if !seen[e.Sentence] {
					seen[e.Sentence] = true
					b.WriteString(e.Sentence + "\n")
				}
			}
			type example struct {
				sent int
				ex   carb.Extraction
				x    []float64
				y    float64
			}
			var exs []example
			nsent := 0
			var in io.Reader = strings.NewReader(b.String())
			if sentences != "" {
				f, err := os.Open(sentences)
				if err != nil {
					return err
				}
				defer f.Close()
				in = f
			}
			err = o.sentences(cmd.Context(), in, func(text string, s *extract.Sentence) error {
				golds := byKey[carb.NormalizeSentence(text)]
				tps := relation.OpenIE(s)
				es := make([]carb.Extraction, len(tps))
				for i, tp := range tps {
					es[i] = carb.Extraction{Sentence: text, Confidence: tp.Confidence, Relation: tp.Relation, Args: tp.Args}
				}
				ys := matchedPrecision(golds, es, recallWeight)
				for i, tp := range tps {
					exs = append(exs, example{sent: nsent, ex: es[i], x: tp.Features, y: ys[i]})
				}
				nsent++
				return nil
			})
			if err != nil {
				return err
			}
			fit := func(keep func(example) bool) ([]float64, error) {
				var x [][]float64
				var y []float64
				for _, e := range exs {
					if keep(e) {
						x = append(x, e.x)
						y = append(y, e.y)
					}
				}
				return relation.FitLogistic(x, y, l2)
			}
			w := cmd.OutOrStdout()
			report := func(name string, conf func(i int) float64) []float64 {
				p := make([]carb.Extraction, len(exs))
				cs := make([]float64, len(exs))
				for i, e := range exs {
					p[i] = e.ex
					p[i].Confidence = math.Round(conf(i)*1e4) / 1e4 // as written in CaRB's format
					cs[i] = p[i].Confidence
				}
				res := carb.Score(g, p)
				fmt.Fprintf(w, "%-38s CaRB F1 %.1f  AUC %.1f  (P %.1f R %.1f at ≥ %.2f)\n", name, 100*res.F1, 100*res.AUC, 100*res.Precision, 100*res.Recall, res.Threshold)
				return cs
			}
			fmt.Fprintf(w, "%d sentences, %d extractions, %d features\n", nsent, len(exs), len(relation.FeatureNames()))
			report("shipped model", func(i int) float64 { return exs[i].ex.Confidence })
			report("ceiling (the labels as confidences)", func(i int) float64 { return exs[i].y })
			cv := make([]float64, len(exs))
			for f := 0; f < folds; f++ {
				wf, err := fit(func(e example) bool { return e.sent%folds != f })
				if err != nil {
					return err
				}
				for i, e := range exs {
					if e.sent%folds == f {
						cv[i] = relation.Probability(wf, e.x)
					}
				}
			}
			cvConf := report(fmt.Sprintf("%d-fold cross-validated", folds), func(i int) float64 { return cv[i] })
			all, err := fit(func(example) bool { return true })
			if err != nil {
				return err
			}
			report("in-sample (fitted on all)", func(i int) float64 { return relation.Probability(all, exs[i].x) })
			// Calibration of the cross-validated confidences.
			fmt.Fprintln(w, "calibration (cross-validated): confidence bin, extractions, mean confidence, mean precision credited by CaRB")
			for lo := 0.0; lo < 1; lo += 0.2 {
				var n int
				var sc, sy float64
				for i, e := range exs {
					if cvConf[i] >= lo && (cvConf[i] < lo+0.2 || lo >= 0.8) {
						n++
						sc += cvConf[i]
						sy += e.y
					}
				}
				if n > 0 {
					fmt.Fprintf(w, "  [%.1f, %.1f)  %5d  %.3f  %.3f\n", lo, lo+0.2, n, sc/float64(n), sy/float64(n))
				}
			}
			if write == "" {
				return nil
			}
			f, err := os.Create(write)
			if err != nil {
				return err
			}
			if err := relation.WriteWeights(f, "factgraph train confidence", all); err != nil {
				f.Close()
				return err
			}
			return f.Close()
		},
	}
	o.flags(c, "spaces")
	c.Flags().StringVar(&gold, "gold", "", "CaRB gold tuples (sentence<TAB>relation<TAB>arg1<TAB>arg2…)")
	c.Flags().StringVar(&write, "write", "", "write the model fitted on all sentences here as Go source")
	c.Flags().StringVar(&sentences, "sentences", "", "sentences to run on, one per line, or parsed CoNLL-U with --input conllu (default: the gold's sentences)")
	c.Flags().IntVar(&folds, "folds", 5, "cross-validation folds")
	c.Flags().Float64Var(&l2, "l2", 1, "L2 penalty on the weights")
	c.Flags().Float64Var(&recallWeight, "recall-weight", 0.3, "weight of the CaRB recall of an extraction's gold partner in its training label (the rest is its precision)")
	return c
}

// matchedPrecision labels each extraction of a sentence with the
// precision CaRB credits it when all of them are scored: gold and
// extractions paired one to one, best label first; the label mixes the
// pair's precision with its recall by recallWeight. An extraction left
// without a partner gets 0.
func matchedPrecision(golds []*carb.Extraction, es []carb.Extraction, recallWeight float64) []float64 {
	out := make([]float64, len(es))
	usedG := make([]bool, len(golds))
	usedE := make([]bool, len(es))
	prec := make([][]float64, len(golds))
	for i, g := range golds {
		prec[i] = make([]float64, len(es))
		for j := range es {
			p, r := carb.Match(g, &es[j])
			prec[i][j] = labelOf(p, r, recallWeight)
		}
	}
	for range min(len(golds), len(es)) {
		bi, bj, best := -1, -1, -1.0
		for i := range golds {
			if usedG[i] {
				continue
			}
			for j := range es {
				if !usedE[j] && prec[i][j] > best {
					bi, bj, best = i, j, prec[i][j]
				}
			}
		}
		usedG[bi], usedE[bj] = true, true
		out[bj] = best
	}
	return out
}

// labelOf is the training label of an extraction paired with a gold
// tuple: its CaRB precision, mixed with its recall by weight w.
func labelOf(p, r, w float64) float64 { return (1-w)*p + w*r }
