package main

import (
	"bufio"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"runtime"
	"sync"
	"time"

	"github.com/cayleygraph/quad"
	"github.com/schollz/progressbar/v3"
	"github.com/spf13/cobra"
	"golang.org/x/term"

	"github.com/factgraph/factgraph/extract"
	"github.com/factgraph/factgraph/extract/pipeline"
	"github.com/factgraph/factgraph/extract/read"
	"github.com/factgraph/factgraph/extract/resolve"
	"github.com/factgraph/factgraph/graph"
	"github.com/factgraph/factgraph/schema"
)

// runFlags are shared by build and extract.
type runFlags struct {
	workers    int
	maxDocSize int64
	quiet      bool
	// entitiesFile is the user's entity overrides (build only).
	entitiesFile string
}

func (f *runFlags) register(c *cobra.Command) {
	c.Flags().IntVar(&f.workers, "workers", runtime.GOMAXPROCS(0), "documents processed in parallel")
	c.Flags().Int64Var(&f.maxDocSize, "max-doc-size", 10<<20, "skip documents larger than this many bytes")
	c.Flags().BoolVarP(&f.quiet, "quiet", "q", false, "no progress bar")
}

// newPipeline returns the extraction pipeline.
func newPipeline() (*pipeline.Pipeline, error) { return pipeline.Default() }

// progress shows a live count of documents on a terminal.
type progress struct{ bar *progressbar.ProgressBar }

func newProgress(quiet bool, what string) *progress {
	if quiet || !term.IsTerminal(int(os.Stderr.Fd())) {
		return &progress{}
	}
	return &progress{bar: progressbar.NewOptions64(-1,
		progressbar.OptionSetWriter(os.Stderr),
		progressbar.OptionSetDescription(what),
		progressbar.OptionShowCount(),
		progressbar.OptionShowIts(),
		progressbar.OptionSetItsString("docs"),
		progressbar.OptionThrottle(100*time.Millisecond),
		progressbar.OptionClearOnFinish(),
	)}
}

func (p *progress) add() {
	if p.bar != nil {
		_ = p.bar.Add(1)
	}
}

func (p *progress) done() {
	if p.bar != nil {
		_ = p.bar.Finish()
	}
}

// summary counts what a run produced.
type summary struct {
	docs, skipped, sentences, facts, quads, added, removed int
	entities                                               map[string]bool
	start                                                  time.Time
}

func newSummary() *summary { return &summary{entities: map[string]bool{}, start: time.Now()} }

func (s *summary) count(res *extract.Result, quads int) {
	s.docs++
	s.sentences += len(res.Sentences)
	s.facts += len(res.Facts)
	s.quads += quads
	for _, e := range res.Entities {
		s.entities[e.Key] = true
	}
}

func (s *summary) problem(err error) {
	s.skipped++
	warnf("skipped %v", err)
}

func (s *summary) exit() error {
	if s.skipped > 0 {
		return &exitError{code: exitSkipped, err: fmt.Errorf("%d input(s) skipped; see the messages above", s.skipped)}
	}
	return nil
}

func readOptions(f *runFlags) read.Options {
	return read.Options{MaxDocBytes: f.maxDocSize, Stdin: os.Stdin}
}

func newBuildCmd() *cobra.Command {
	var sf storeFlags
	var rf runFlags
	c := &cobra.Command{
		Use:   "build [flags] INPUT...",
		Short: "Read articles, extract facts and load them into the store",
		Long: `build reads articles, extracts entities and facts, and writes them into the
store. INPUT is a file, a directory (read recursively) or - for stdin: plain
text (.txt, .md), HTML (article text and metadata extracted, page furniture
dropped) or JSON Lines (one article per line with id, text and optional
title, date, url, publisher).

Each document is written in one transaction, whole or not at all; building a
document again replaces exactly its quads (unchanged facts are kept, changed
ones replaced). Inputs that cannot be read are reported and skipped; the exit
status is then 2.`,
		Example: `  factgraph build examples/
  factgraph build --db news.db --workers 2 ../shared/data/news/reuters21578.jsonl
  cat article.txt | factgraph build -`,
		Args: needInputs,
		RunE: func(cmd *cobra.Command, args []string) error {
			ctx := cmd.Context()
			st, err := sf.open(ctx, false)
			if err != nil {
				return err
			}
			defer st.Close()
			sum, err := buildInto(ctx, st, args, &rf)
			if err != nil {
				return err
			}
			stats, _ := st.Stats(ctx)
			fmt.Fprintf(cmd.OutOrStdout(), "built %d documents (%d skipped): %d sentences, %d entities, %d facts, %d quads (+%d −%d) in %.2fs; %s store %s holds %d quads\n",
				sum.docs, sum.skipped, sum.sentences, len(sum.entities), sum.facts, sum.quads, sum.added, sum.removed,
				time.Since(sum.start).Seconds(), st.Backend(), sf.db, stats.Quads.Size)
			return sum.exit()
		},
	}
	sf.register(c.Flags(), true)
	rf.register(c)
	c.Flags().StringVar(&rf.entitiesFile, "entities-file", "", "entity overrides: merge, split, name and wikidata lines (see README)")
	return c
}

// Batch limits of a build: documents are written in transactions of up to
// batchDocs documents or batchQuads quads, each document whole.
const (
	batchDocs  = 64
	batchQuads = 50000
)

// buildInto runs the pipeline over inputs and writes the documents in
// batched transactions.
func buildInto(ctx context.Context, st *graph.Store, inputs []string, rf *runFlags) (*summary, error) {
	p, err := newPipeline()
	if err != nil {
		return nil, err
	}
	// Resolution runs in two steps: within each document on the workers
	// (Prepare), then, in input order in the result handler, against the
	// entities already in the store and those of the documents handled
	// before it (Link), so that one build equals building the documents
	// one at a time.
	rsv := resolve.Resolver{}
	if rf.entitiesFile != "" {
		if rsv.Overrides, err = resolve.LoadOverrides(rf.entitiesFile); err != nil {
			return nil, err
		}
	}
	ix, err := st.AliasIndex(ctx)
	if err != nil {
		return nil, err
	}
	deferred := &deferredResolver{r: rsv}
	p.Resolver = deferred
	sum := newSummary()
	bar := newProgress(rf.quiet, "building")
	defer bar.done()

	var batch []graph.LabelSet
	var results []*extract.Result
	inBatch := map[quad.Value]bool{}
	quads := 0
	flush := func() error {
		if len(batch) == 0 {
			return nil
		}
		// Write even when the run is being interrupted: the batch holds
		// whole documents only.
		ch, err := st.ReplaceLabels(context.WithoutCancel(ctx), batch)
		if err != nil {
			return fmt.Errorf("write %d documents (first %s): %w", len(batch), results[0].Doc.Source, err)
		}
		sum.added += ch.Added
		sum.removed += ch.Removed
		for i, res := range results {
			sum.count(res, len(batch[i].Quads))
			bar.add()
		}
		batch, results, quads = batch[:0], results[:0], 0
		clear(inBatch)
		return nil
	}
	err = p.Run(ctx, read.Documents(ctx, inputs, readOptions(rf)), rf.workers, pipeline.Handlers{
		Result: func(res *extract.Result) error {
			if err := deferred.link(ctx, res, ix); err != nil {
				return fmt.Errorf("%s: %w", res.Doc.Source, err)
			}
			label := schema.DocIRI(res.Doc.ID)
			if inBatch[label] {
				warnf("document id %q appears more than once; %s replaces the earlier one", res.Doc.ID, res.Doc.Source)
				if err := flush(); err != nil {
					return err
				}
			}
			qs := schema.Quads(res)
			batch = append(batch, graph.LabelSet{Label: label, Quads: qs})
			results = append(results, res)
			inBatch[label] = true
			quads += len(qs)
			if len(batch) >= batchDocs || quads >= batchQuads {
				return flush()
			}
			return nil
		},
		Problem: sum.problem,
	})
	if ferr := flush(); err == nil {
		err = ferr
	}
	if err != nil {
		return sum, err
	}
	return sum, nil
}

// deferredResolver resolves documents within themselves on the pipeline's
// workers and keeps what linking against the store needs until the result
// handler calls link, in input order.
type deferredResolver struct {
	r       resolve.Resolver
	pending sync.Map // *extract.Result → *resolve.Pending
}

func (d *deferredResolver) Resolve(ctx context.Context, res *extract.Result) error {
	p, err := d.r.Prepare(ctx, res)
	if err != nil {
		return err
	}
	d.pending.Store(res, p)
	return nil
}

// link resolves res's partial names against ix, then records res's
// entities in ix for the documents after it.
func (d *deferredResolver) link(ctx context.Context, res *extract.Result, ix *graph.AliasIndex) error {
	v, ok := d.pending.LoadAndDelete(res)
	if !ok {
		return fmt.Errorf("resolve: no prepared result")
	}
	if _, err := v.(*resolve.Pending).Link(ctx, ix); err != nil {
		return err
	}
	ix.Add(res.Doc.ID, res.Entities)
	return nil
}

func newExtractCmd() *cobra.Command {
	var rf runFlags
	var format string
	c := &cobra.Command{
		Use:   "extract [flags] INPUT...",
		Short: "Run the extraction pipeline without a store, streaming JSON Lines or N-Quads to stdout",
		Long: `extract runs the same pipeline as build but writes its output to stdout
instead of a store, for analytics and for distributed runs (N-Quads output
can be loaded later with build's store or any RDF tool).

--format jsonl writes one JSON object per line, each with "kind":
  {"kind":"document","id","iri","source","title","date":"YYYY-MM-DD"|null,"publisher",…}
  {"kind":"entity","id":IRI,"name","type","class","aliases":[…],"docs":[…]}
  {"kind":"fact","id":IRI,"doc","sentence","start","end","subject":{"id","text"},
   "predicate","relation":IRI,"relation_class","object":{"id","text"}|{"value"},
   "qualifiers":{…},"negated","confidence",…}
start/end are character (code point) offsets of the sentence in the document
text. Entity records are per document; merge them by id.`,
		Args: needInputs,
		RunE: func(cmd *cobra.Command, args []string) error {
			if format != "jsonl" && format != "nquads" {
				return fmt.Errorf("unknown --format %q (use jsonl or nquads)", format)
			}
			ctx := cmd.Context()
			p, err := newPipeline()
			if err != nil {
				return err
			}
			out := bufio.NewWriterSize(cmd.OutOrStdout(), 1<<16)
			defer out.Flush()
			sum := newSummary()
			enc := json.NewEncoder(out)
			enc.SetEscapeHTML(false)
			err = p.Run(ctx, read.Documents(ctx, args, readOptions(&rf)), rf.workers, pipeline.Handlers{
				Result: func(res *extract.Result) error {
					sum.count(res, 0)
					return writeResult(out, enc, format, res)
				},
				Problem: sum.problem,
			})
			if err != nil {
				return err
			}
			if err := out.Flush(); err != nil {
				return fmt.Errorf("write output: %w", err)
			}
			return sum.exit()
		},
	}
	rf.register(c)
	rf.quiet = true
	c.Flags().StringVarP(&format, "format", "f", "jsonl", "output format: jsonl or nquads")
	return c
}

func writeResult(w io.Writer, enc *json.Encoder, format string, res *extract.Result) error {
	if format == "nquads" {
		for _, q := range schema.Quads(res) {
			if _, err := io.WriteString(w, graph.NQuad(q)); err != nil {
				return fmt.Errorf("write output: %w", err)
			}
		}
		return nil
	}
	for _, r := range schema.Records(res) {
		if err := enc.Encode(r); err != nil {
			return fmt.Errorf("write output: %w", err)
		}
	}
	return nil
}

// needInputs explains what build and extract read when given nothing.
func needInputs(cmd *cobra.Command, args []string) error {
	if len(args) == 0 {
		return fmt.Errorf("%s needs at least one INPUT: a file, a directory or - for stdin (see factgraph %s --help)", cmd.Name(), cmd.Name())
	}
	return nil
}
