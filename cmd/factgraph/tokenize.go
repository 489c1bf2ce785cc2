package main

import (
	"fmt"
	"os"
	"path/filepath"
	"time"

	"github.com/spf13/cobra"

	"github.com/factgraph/factgraph/extract/tokenize"
)

// newTrainTokenizerCmd returns "train tokenizer", which retrains the
// tokenizer and sentence segmenter shipped in extract/tokenize/model.bin
// and scores it on the EWT and GUM development splits.
func newTrainTokenizerCmd() *cobra.Command {
	var dataDir, out string
	var seed uint64
	var epochs, minFeature int
	c := &cobra.Command{
		Use:   "tokenizer",
		Short: "Train the tokenizer and sentence segmenter on UD EWT and GUM",
		Long: `tokenizer trains the token-split and sentence-end classifiers on the UD
English EWT and GUM training splits under --data, writes the model to --out
(by default the file that extract/tokenize embeds) and prints Tokens,
Sentences and Words F1 on both development splits in raw-text mode. The same
flags give the same model, byte for byte.`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			cfg := tokenize.DefaultConfig(dataDir)
			cfg.Seed = seed
			cfg.Epochs = epochs
			cfg.MinFeature = minFeature
			cfg.Log = cmd.ErrOrStderr()
			start := time.Now()
			tk, err := tokenize.Train(cmd.Context(), cfg)
			if err != nil {
				return err
			}
			b, err := tk.MarshalBinary()
			if err != nil {
				return fmt.Errorf("encode tokenizer model: %w", err)
			}
			if err := os.WriteFile(out, b, 0o644); err != nil {
				return fmt.Errorf("write tokenizer model: %w", err)
			}
			w := cmd.OutOrStdout()
			fmt.Fprintf(w, "wrote %s (%d bytes) in %v\n", out, len(b), time.Since(start).Round(time.Millisecond))
			for _, dev := range tokenize.DevFiles(dataDir) {
				sc, err := tokenize.Evaluate(tk, dev)
				if err != nil {
					return err
				}
				fmt.Fprintf(w, "%s: Tokens F1 %.2f, Sentences F1 %.2f, Words F1 %.2f\n",
					filepath.Base(dev), 100*sc.Tokens.F1(), 100*sc.Sentences.F1(), 100*sc.Words.F1())
			}
			return nil
		},
	}
	c.Flags().StringVar(&dataDir, "data", defaultDataDir(), "shared data folder with ud-ewt/ and ud-gum/")
	c.Flags().StringVar(&out, "out", filepath.Join("extract", "tokenize", "model.bin"), "output model file")
	c.Flags().Uint64Var(&seed, "seed", 1, "random seed (training text layout and example order)")
	c.Flags().IntVar(&epochs, "epochs", 8, "perceptron epochs")
	c.Flags().IntVar(&minFeature, "min-feature", 2, "minimum occurrences of a feature")
	return c
}
