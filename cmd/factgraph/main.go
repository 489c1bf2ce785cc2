// Command factgraph turns news articles into a sourced knowledge graph stored
// in Cayley: build, extract, serve, query, export and delete, plus the NLP
// training, parsing and evaluation tools.
package main

import (
	"context"
	"errors"
	"fmt"
	"os"
	"os/signal"
	"syscall"

	"github.com/cayleygraph/cayley/clog"
	"github.com/spf13/cobra"
)

// exitError carries a process exit status through cobra.
type exitError struct {
	code int
	err  error
}

func (e *exitError) Error() string { return e.err.Error() }
func (e *exitError) Unwrap() error { return e.err }

func newRootCmd() *cobra.Command {
	root := &cobra.Command{
		Use:   "factgraph",
		Short: "Turn news articles into a sourced knowledge graph in Cayley",
		Long: `factgraph reads news articles (text, Markdown, HTML or JSON Lines), finds the
entities and the facts they state (who said what, who did what to whom), and
loads them into an embedded Cayley graph database in which every fact points
back to its sentence and its article. Serve the graph with Cayley's web UI,
query it with Gizmo, or export it for other tools.`,
		SilenceUsage:  true,
		SilenceErrors: true,
	}
	root.AddCommand(graphCommands()...)
	root.AddCommand(nlpCommands()...)
	root.AddCommand(nerCommands()...)
	root.AddCommand(newTrainCmd(), newEvalCmd())
	root.AddCommand(newEntitiesCmd())
	root.AddCommand(newCorefCmd())
	root.AddCommand(newOpenIECmd())
	return root
}

// newTrainCmd groups the commands that retrain the shipped models.
func newTrainCmd() *cobra.Command {
	c := &cobra.Command{
		Use:   "train",
		Short: "Retrain the shipped statistical models from ../shared/data",
	}
	c.AddCommand(newTrainTokenizerCmd())
	c.AddCommand(nlpTrainCommands()...)
	c.AddCommand(nerTrainCommands()...)
	c.AddCommand(newTrainCorefCmd())
	c.AddCommand(newTrainConfidenceCmd())
	return c
}

// newEvalCmd groups the commands that score the models on development data.
func newEvalCmd() *cobra.Command {
	c := &cobra.Command{
		Use:   "eval",
		Short: "Score the models on development data with the field's published measures",
	}
	c.AddCommand(nlpEvalCommands()...)
	c.AddCommand(nerEvalCommands()...)
	c.AddCommand(newEvalCarbCmd())
	c.AddCommand(newEvalCorefCmd())
	return c
}

func main() {
	clog.SetLogger(newCayleyLog())
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	err := newRootCmd().ExecuteContext(ctx)
	stop()
	if err != nil {
		fmt.Fprintln(os.Stderr, "factgraph:", err)
		var ee *exitError
		if errors.As(err, &ee) {
			os.Exit(ee.code)
		}
		os.Exit(1)
	}
}
