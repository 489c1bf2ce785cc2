package main

import (
	"bufio"
	"context"
	"fmt"
	"io"
	"os"
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
		out                           string
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
			gf, err := os.Open(gold)
			if err != nil {
				return err
			}
			g, err := carb.ReadGold(gf)
			gf.Close()
			if err != nil {
				return fmt.Errorf("%s: %w", gold, err)
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
	return c
}
