package main

import (
	"fmt"
	"log/slog"
	"net"
	"os"
	"time"

	"github.com/spf13/cobra"

	"github.com/factgraph/factgraph/graph"
)

func newServeCmd() *cobra.Command {
	var sf storeFlags
	var rf runFlags
	var (
		addr     string
		writable bool
		timeout  time.Duration
		limit    int
		uiDir    string
		origins  []string
		build    []string
		verbose  bool
	)
	c := &cobra.Command{
		Use:   "serve [flags]",
		Short: "Serve Cayley's web UI and HTTP API on the store (read-only, loopback)",
		Long: `serve opens the store and serves Cayley's web UI (query, visualize) and its
HTTP API: the v1 query endpoint the UI uses (POST /api/v1/query/gizmo) and the
v2 API (POST /api/v2/query?lang=gizmo|graphql, GET /api/v2/read for N-Quads).

It binds to 127.0.0.1 unless --addr says otherwise, is read-only unless
--writable, refuses writes from pages of other sites, and answers
cross-origin reads only for --allow-origin origins. Each query has a time
limit and a result limit.

--build INPUT builds those inputs into the store first, so that one command
goes from articles to a browsable graph (with --backend memory nothing is
kept on disk).

Cayley 0.7.7 keeps its UI files (templates, static) in its module source,
not in the binary: serve finds them in the Go module cache of the machine
that built factgraph, or in --ui-dir. Without them it still serves the API.`,
		Example: `  factgraph serve --build examples/
  factgraph serve --db news.db --addr 127.0.0.1:8080 --timeout 10s --limit 500`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			ctx := cmd.Context()
			st, err := sf.open(ctx, len(build) == 0)
			if err != nil {
				return err
			}
			defer st.Close()
			out := cmd.OutOrStdout()
			skipped := error(nil)
			if len(build) > 0 {
				sum, err := buildInto(ctx, st, build, &rf)
				if err != nil {
					return err
				}
				fmt.Fprintf(out, "built %d documents (%d skipped): %d facts, %d quads in %.2fs\n",
					sum.docs, sum.skipped, sum.facts, sum.quads, time.Since(sum.start).Seconds())
				skipped = sum.exit()
			}
			var logger *slog.Logger
			if verbose {
				logger = slog.New(slog.NewTextHandler(os.Stderr, nil))
			}
			srv, err := graph.NewServer(st, graph.ServeOptions{
				Writable: writable, Timeout: timeout, Limit: limit, UIDir: uiDir, AllowOrigins: origins, Log: logger,
			})
			if err != nil {
				return err
			}
			if srv.UIError != nil {
				warnf("the web UI is not served: %v", srv.UIError)
			}
			if !graph.IsLoopback(addr) {
				warnf("serving on %s: reachable from other machines", addr)
			}
			mode := "read-only"
			if writable {
				mode = "writable"
			}
			err = srv.ListenAndServe(ctx, addr, func(a net.Addr) {
				fmt.Fprintf(out, "factgraph: serving %s store %s (%s) at http://%s/\n", st.Backend(), sf.db, mode, a)
				if srv.UIError == nil {
					fmt.Fprintf(out, "  query UI:     http://%s/ui/query\n  visualize UI: http://%s/ui/visualize\n", a, a)
				}
				fmt.Fprintf(out, "  API:          POST http://%s/api/v2/query?lang=gizmo\nPress Ctrl-C to stop.\n", a)
			})
			if err != nil {
				return err
			}
			return skipped
		},
	}
	sf.register(c.Flags(), true)
	rf.register(c)
	c.Flags().StringVar(&addr, "addr", "127.0.0.1:64210", "address to listen on; anything but loopback exposes the graph to the network")
	c.Flags().BoolVar(&writable, "writable", false, "allow writes through Cayley's write endpoints")
	c.Flags().DurationVar(&timeout, "timeout", 30*time.Second, "time limit of one query")
	c.Flags().IntVar(&limit, "limit", graph.DefaultLimit, "maximum results of one query")
	c.Flags().StringVar(&uiDir, "ui-dir", "", "directory holding Cayley's templates/ and static/ (default: found in the Go module cache)")
	c.Flags().StringSliceVar(&origins, "allow-origin", nil, "origins whose pages may read the API (CORS); writes are never cross-origin")
	c.Flags().StringArrayVar(&build, "build", nil, "build this input into the store before serving (repeatable)")
	c.Flags().BoolVarP(&verbose, "verbose", "v", false, "log every request")
	return c
}
