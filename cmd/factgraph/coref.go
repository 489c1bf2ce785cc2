package main

import (
	"bufio"
	"fmt"
	"os"
	"path/filepath"
	"sort"

	"github.com/spf13/cobra"

	"github.com/factgraph/factgraph/extract/coref"
)

func newCorefCmd() *cobra.Command {
	var input string
	c := &cobra.Command{
		Use:   "coref --input conll FILE",
		Short: "Resolve coreference in a CoNLL-2012-style file; writes the lines with its own chains as a last column",
		Long: `coref reads a CoNLL-2012-style file (token index, token, any other columns;
sentences separated by blank lines; '#' lines kept; "#begin document" blocks),
finds mentions from the tokens itself (names with the entity recognizer,
pronouns, definite noun phrases), links them, and writes the same lines with
its coreference brackets — "(12", "12)", "(12)" or "_" — as a new last
column. Only chains of two or more mentions are written (OntoNotes scheme).`,
		Example: `  factgraph coref --input conll ../shared/data/gum-coref/ontogum/conll/GUM_bio_byron.conll`,
		Args:    cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			if input != "conll" {
				return fmt.Errorf("unknown --input %q (only conll)", input)
			}
			f, err := os.Open(args[0])
			if err != nil {
				return err
			}
			defer f.Close()
			docs, err := coref.Read(f)
			if err != nil {
				return fmt.Errorf("%s: %w", args[0], err)
			}
			r, err := coref.NewResolver()
			if err != nil {
				return err
			}
			out := bufio.NewWriter(cmd.OutOrStdout())
			defer out.Flush()
			for _, d := range docs {
				cs, err := r.Resolve(cmd.Context(), d)
				if err != nil {
					return err
				}
				if err := d.Write(out, cs); err != nil {
					return err
				}
			}
			return out.Flush()
		},
	}
	c.Flags().StringVar(&input, "input", "conll", "input format (conll)")
	return c
}

func newTrainCorefCmd() *cobra.Command {
	var data, out string
	var opt coref.TrainOptions
	var quiet bool
	c := &cobra.Command{
		Use:   "coref",
		Short: "Train the coreference model on the OntoGUM train documents",
		Long: `coref trains the mention-ranking model that links the mentions factgraph coref
finds (an averaged perceptron over pair and anaphoricity features, see
extract/coref) on the OntoGUM train documents of ../shared/data/gum-coref
(doc_splits.tsv), with a lexicon of head-noun classes learned from the entity
types of the same documents in gum/conll, and logs the dev CoNLL score after
every epoch. Before it, a perceptron learns from the training documents'
gold mentions where noun-phrase mentions end (which dependents right of a
head a span takes); both live in the model file. Training is
deterministic: the defaults rebuild the shipped extract/coref/model.gz;
--seed measures how much the dev score moves with the document order alone.`,
		Example: `  factgraph train coref
  factgraph train coref --seed 10 --out /tmp/coref-seed10.gz`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			if data == "" {
				d, err := sharedData()
				if err != nil {
					return err
				}
				data = d
			}
			opt.DataDir = data
			if !quiet {
				opt.Log = cmd.ErrOrStderr()
			}
			m, err := coref.Train(cmd.Context(), opt)
			if err != nil {
				return err
			}
			f, err := os.Create(out)
			if err != nil {
				return fmt.Errorf("train coref: %w", err)
			}
			if _, err := m.WriteTo(f); err != nil {
				f.Close()
				return fmt.Errorf("train coref: write %s: %w", out, err)
			}
			if err := f.Close(); err != nil {
				return fmt.Errorf("train coref: write %s: %w", out, err)
			}
			fmt.Fprintf(cmd.ErrOrStderr(), "wrote %s (%d weights)\n", out, m.Len())
			return nil
		},
	}
	c.Flags().StringVar(&data, "data", "", "shared data folder (default ../shared/data)")
	c.Flags().StringVar(&out, "out", "extract/coref/"+coref.ModelFile, "model file to write")
	c.Flags().IntVar(&opt.Epochs, "epochs", 0, "epochs (default 3)")
	c.Flags().IntVar(&opt.Bags, "bags", 0, "perceptrons averaged, each over its own seeded document order (default 3)")
	c.Flags().Uint64Var(&opt.Seed, "seed", 0, "offset of the document-order seeds (0: the shipped model's)")
	c.Flags().BoolVar(&quiet, "quiet", false, "do not score dev after each epoch")
	return c
}

func newEvalCorefCmd() *cobra.Command {
	var gold, system string
	c := &cobra.Command{
		Use:   "coref --gold DIR --system DIR",
		Short: "Score coreference files with MUC, B³, CEAF-e and the CoNLL score",
		Long: `eval coref pairs the files of --gold and --system by name and scores the
last column of each with MUC, B³ and CEAF-e (entity-based, φ4), summed over
documents as the CoNLL scorer does, and their mean F1, the CoNLL score.
Mentions must match exactly. Produce system files with factgraph coref.`,
		Example: `  mkdir sys; for f in $(awk '$1=="dev"{print $2}' ../shared/data/gum-coref/doc_splits.tsv); do
    factgraph coref --input conll ../shared/data/gum-coref/ontogum/conll/$f.conll > sys/$f.conll; done
  mkdir gold; for f in ...; do cp ../shared/data/gum-coref/ontogum/conll/$f.conll gold/; done
  factgraph eval coref --gold gold --system sys`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			if gold == "" || system == "" {
				return fmt.Errorf("both --gold and --system are needed")
			}
			files, err := filepath.Glob(filepath.Join(system, "*"))
			if err != nil {
				return err
			}
			sort.Strings(files)
			var s coref.Scores
			for _, sf := range files {
				gf := filepath.Join(gold, filepath.Base(sf))
				g, err := readDocs(gf)
				if err != nil {
					return err
				}
				r, err := readDocs(sf)
				if err != nil {
					return err
				}
				if len(g) != len(r) {
					return fmt.Errorf("%s has %d documents, %s %d", gf, len(g), sf, len(r))
				}
				for i := range g {
					kc, err := g[i].Clusters()
					if err != nil {
						return fmt.Errorf("%s: %w", gf, err)
					}
					rc, err := r[i].Clusters()
					if err != nil {
						return fmt.Errorf("%s: %w", sf, err)
					}
					s.Add(kc, rc)
				}
			}
			if s.Docs == 0 {
				return fmt.Errorf("no system files in %s", system)
			}
			w := cmd.OutOrStdout()
			fmt.Fprintf(w, "documents %d\n", s.Docs)
			for _, m := range []struct {
				name string
				prf  coref.PRF
			}{{"MUC", s.MUC}, {"B3", s.B3}, {"CEAF-e", s.CEAFe}} {
				fmt.Fprintf(w, "%-7s R %6.2f  P %6.2f  F1 %6.2f\n", m.name, 100*m.prf.Recall(), 100*m.prf.Precision(), 100*m.prf.F1())
			}
			fmt.Fprintf(w, "CoNLL   %6.2f\n", 100*s.CoNLL())
			return nil
		},
	}
	c.Flags().StringVar(&gold, "gold", "", "directory of gold files")
	c.Flags().StringVar(&system, "system", "", "directory of system files (same names)")
	return c
}

func readDocs(path string) ([]*coref.Document, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	docs, err := coref.Read(f)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	return docs, nil
}
