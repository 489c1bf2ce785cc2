package main

import (
	"bufio"
	"fmt"
	"io"
	"log"
	"os"
	"path/filepath"
	"time"

	"github.com/spf13/cobra"

	"github.com/factgraph/factgraph/extract/conllu"
	"github.com/factgraph/factgraph/extract/nlp"
	"github.com/factgraph/factgraph/extract/tokenize"
	"github.com/factgraph/factgraph/extract/udeval"
)

// nlpCommands returns the top-level NLP commands (parse).
func nlpCommands() []*cobra.Command {
	var input, models string
	c := &cobra.Command{
		Use:   "parse [FILE|-]",
		Short: "Tag, lemmatize and parse text or CoNLL-U, writing CoNLL-U",
		Long: `parse reads raw text (--input text, the default) or CoNLL-U (--input conllu)
from FILE or standard input and writes CoNLL-U with UPOS, XPOS, LEMMA, HEAD
and DEPREL predicted by the shipped models. CoNLL-U input keeps its sentence
and token segmentation, comments and multiword-token lines; the predicted
columns replace whatever the input had.`,
		Args: cobra.MaximumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			a, err := annotator(models)
			if err != nil {
				return err
			}
			in, closeIn, err := openInput(args)
			if err != nil {
				return err
			}
			defer closeIn()
			out := bufio.NewWriter(cmd.OutOrStdout())
			defer out.Flush()
			ctx := cmd.Context()
			switch input {
			case "conllu":
				rd := conllu.NewReader(in)
				for {
					s, err := rd.Next()
					if err == io.EOF {
						return out.Flush()
					}
					if err != nil {
						return err
					}
					if err := a.AnnotateCoNLLU(ctx, s); err != nil {
						return err
					}
					if err := conllu.Write(out, s); err != nil {
						return err
					}
				}
			case "text":
				b, err := io.ReadAll(in)
				if err != nil {
					return fmt.Errorf("read input: %w", err)
				}
				ss, err := a.ParseText(ctx, tokenize.Default(), string(b))
				if err != nil {
					return err
				}
				if err := conllu.WriteAll(out, ss); err != nil {
					return err
				}
				return out.Flush()
			}
			return fmt.Errorf("--input must be text or conllu, not %q", input)
		},
	}
	c.Flags().StringVar(&input, "input", "text", "input format: text or conllu")
	c.Flags().StringVar(&models, "models", "", "folder with model files to use instead of the embedded ones")
	return []*cobra.Command{c}
}

func annotator(dir string) (*nlp.Annotator, error) {
	if dir != "" {
		return nlp.LoadDir(dir)
	}
	return nlp.Default()
}

func openInput(args []string) (io.Reader, func(), error) {
	if len(args) == 0 || args[0] == "-" {
		return os.Stdin, func() {}, nil
	}
	f, err := os.Open(args[0])
	if err != nil {
		return nil, nil, err
	}
	return f, func() { f.Close() }, nil
}

// defaultDataDir is ../shared/data beside the repository root, or beside
// the working directory when no repository is found.
func defaultDataDir() string {
	if d := conllu.SharedDataDir(); d != "" {
		return d
	}
	return filepath.Join("..", "shared", "data")
}

// nlpTrainCommands returns the "train" subcommands for the tokenizer, tagger,
// lemmatizer and parser.
func nlpTrainCommands() []*cobra.Command {
	type trainer func(cmd *cobra.Command, opt nlp.TrainOptions) error
	mk := func(use, short string, run trainer) *cobra.Command {
		var opt nlp.TrainOptions
		c := &cobra.Command{
			Use:   use,
			Short: short,
			Args:  cobra.NoArgs,
			RunE: func(cmd *cobra.Command, _ []string) error {
				logger := log.New(cmd.ErrOrStderr(), "", log.Ltime)
				opt.Log = logger.Printf
				start := time.Now()
				if err := run(cmd, opt); err != nil {
					return err
				}
				logger.Printf("done in %v; models in %s", time.Since(start).Round(time.Second), opt.OutDir)
				return nil
			},
		}
		c.Flags().StringVar(&opt.DataDir, "data", defaultDataDir(), "shared data folder with ud-ewt/, ud-gum/ and, for the lemmatizer, lexicons/lemmatization-en/")
		c.Flags().StringVar(&opt.OutDir, "out", filepath.Join("extract", "nlp", "models"), "output folder for the model files")
		c.Flags().Uint64Var(&opt.Seed, "seed", 1, "random seed (sentence order)")
		c.Flags().IntVar(&opt.TaggerEpochs, "tagger-epochs", 10, "training epochs of the tagger")
		c.Flags().IntVar(&opt.ParserEpochs, "epochs", 15, "training epochs of the parser")
		c.Flags().IntVar(&opt.Folds, "folds", 4, "jackknife folds for the parser's training tags (-1: gold tags)")
		c.Flags().IntVar(&opt.TaggerStack, "tagger-stack", 0, "jackknife folds for a stacked second tagger pass (0: single pass)")
		c.Flags().BoolVar(&opt.DevEval, "dev-eval", false, "log the parser's EWT dev UAS/LAS after every epoch (slower; for tuning)")
		return c
	}
	return []*cobra.Command{
		mk("nlp", "Induce the clusters and train the tagger, lemmatizer and parser (the shipped NLP models)",
			func(cmd *cobra.Command, o nlp.TrainOptions) error { return nlp.TrainAll(cmd.Context(), o) }),
		mk("nlp-clusters", "Induce the Brown word clusters of the tagger and parser (run before train tagger|parser)",
			func(cmd *cobra.Command, o nlp.TrainOptions) error { return nlp.TrainClusters(cmd.Context(), o) }),
		mk("tagger", "Train the UPOS/XPOS tagger",
			func(cmd *cobra.Command, o nlp.TrainOptions) error { return nlp.TrainTagger(cmd.Context(), o) }),
		mk("lemmatizer", "Train the lemmatizer (treebank words and the inflected forms of the lemmatization-en list)",
			func(cmd *cobra.Command, o nlp.TrainOptions) error { return nlp.TrainLemmatizer(cmd.Context(), o) }),
		mk("parser", "Train the dependency parser (with jackknifed tags)",
			func(cmd *cobra.Command, o nlp.TrainOptions) error { return nlp.TrainParser(cmd.Context(), o) }),
	}
}

// nlpEvalCommands returns the "eval" subcommands for parsing.
func nlpEvalCommands() []*cobra.Command {
	var gold, input, models string
	var goldTags bool
	c := &cobra.Command{
		Use:   "parse",
		Short: "Score tagging, lemmatization and parsing with the CoNLL 2018 shared task measures",
		Long: `parse runs the models on a gold CoNLL-U file and prints UPOS, XPOS, LEMMA, UAS
and LAS F1 as the CoNLL 2018 shared task evaluation defines them. With
--input conllu (the default) the gold tokenization is kept; with --input text
the raw text is rebuilt from the "# text" comments and tokenized first, and
Tokens, Sentences and Words F1 are printed as well.`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			if gold == "" {
				return fmt.Errorf("--gold is required")
			}
			if input != "text" && input != "conllu" {
				return fmt.Errorf("--input must be text or conllu, not %q", input)
			}
			ss, err := conllu.ReadFile(gold)
			if err != nil {
				return err
			}
			a, err := annotator(models)
			if err != nil {
				return err
			}
			var tok *tokenize.Tokenizer
			if input == "text" {
				tok = tokenize.Default()
			}
			if goldTags && input != "conllu" {
				return fmt.Errorf("--gold-tags needs --input conllu")
			}
			start := time.Now()
			var sc *udeval.Scores
			if goldTags {
				sc, err = a.EvaluateGoldTags(cmd.Context(), ss)
			} else {
				sc, err = a.Evaluate(cmd.Context(), ss, input == "text", tok)
			}
			if err != nil {
				return err
			}
			elapsed := time.Since(start)
			w := cmd.OutOrStdout()
			row := func(name string, s udeval.Score) {
				fmt.Fprintf(w, "%-10s %6.2f  (precision %6.2f, recall %6.2f", name, 100*s.F1(), 100*s.Precision(), 100*s.Recall())
				if s.Aligned > 0 {
					fmt.Fprintf(w, ", aligned accuracy %6.2f", 100*s.AlignedAccuracy())
				}
				fmt.Fprintln(w, ")")
			}
			mode := input + " input"
			if goldTags {
				mode += ", gold UPOS and XPOS"
			}
			fmt.Fprintf(w, "%s, %s: F1 scores\n", gold, mode)
			if input == "text" {
				row("Tokens", sc.Tokens)
				row("Sentences", sc.Sentences)
				row("Words", sc.Words)
			}
			row("UPOS", sc.UPOS)
			row("XPOS", sc.XPOS)
			row("LEMMA", sc.Lemma)
			row("UAS", sc.UAS)
			row("LAS", sc.LAS)
			fmt.Fprintf(w, "%d words in %v (%.0f words/s)\n", sc.Words.Gold, elapsed.Round(time.Millisecond), float64(sc.Words.Gold)/elapsed.Seconds())
			return nil
		},
	}
	c.Flags().StringVar(&gold, "gold", "", "gold CoNLL-U file")
	c.Flags().StringVar(&input, "input", "conllu", "text or conllu")
	c.Flags().BoolVar(&goldTags, "gold-tags", false, "parse with the gold UPOS and XPOS (diagnostic: the parser alone)")
	c.Flags().StringVar(&models, "models", "", "folder with model files to use instead of the embedded ones")
	return []*cobra.Command{c}
}
