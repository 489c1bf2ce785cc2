package main

import (
	"context"
	"fmt"
	"os"
	"strings"
	"time"

	"github.com/cayleygraph/quad"

	"github.com/spf13/cobra"
	"github.com/spf13/pflag"

	"github.com/factgraph/factgraph/graph"
)

// graphCommands returns build, extract, serve, query, export and delete.
func graphCommands() []*cobra.Command {
	return []*cobra.Command{
		newBuildCmd(), newExtractCmd(), newServeCmd(), newQueryCmd(), newExportCmd(), newDeleteCmd(),
	}
}

// storeFlags are the flags that say which store to use.
type storeFlags struct {
	db      string
	backend string
	noSync  bool
	lockTTL time.Duration
}

func defaultDB() string {
	if v := os.Getenv("FACTGRAPH_DB"); v != "" {
		return v
	}
	return "factgraph.db"
}

func defaultBackend() string {
	if v := os.Getenv("FACTGRAPH_BACKEND"); v != "" {
		return v
	}
	return graph.DefaultBackend
}

func (f *storeFlags) register(fs *pflag.FlagSet, writes bool) {
	fs.StringVar(&f.db, "db", defaultDB(), "store: a directory for leveldb/bolt, a connection string for postgres (env FACTGRAPH_DB)")
	fs.StringVar(&f.backend, "backend", defaultBackend(), "store backend: leveldb (default, embedded), bolt, memory, postgres (env FACTGRAPH_BACKEND)")
	fs.DurationVar(&f.lockTTL, "lock-timeout", 2*time.Second, "how long to wait for another process to release the store")
	if writes {
		fs.BoolVar(&f.noSync, "no-sync", false, "skip fsync after each document (faster; a crash may lose the last documents, never half of one)")
	}
}

func (f *storeFlags) open(ctx context.Context, readOnly bool) (*graph.Store, error) {
	return graph.Open(ctx, graph.Config{
		Backend: f.backend, Path: f.db, ReadOnly: readOnly, LockTimeout: f.lockTTL, NoSync: f.noSync,
	})
}

// exitSkipped is the exit status when some inputs were skipped but the
// rest was processed.
const exitSkipped = 2

func warnf(format string, args ...any) {
	fmt.Fprintf(os.Stderr, "factgraph: "+format+"\n", args...)
}

func quadIRI(s string) quad.IRI { return quad.IRI(strings.Trim(s, "<>")) }
