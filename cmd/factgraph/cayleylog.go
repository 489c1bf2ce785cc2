package main

import (
	"fmt"
	"log/slog"
	"os"
)

// cayleyLog routes Cayley's own log lines to slog at debug level, so that
// the messages it prints while doing its job ("Cannot create nodes table:
// database already exists" on every open of a PostgreSQL store) do not
// reach users; FACTGRAPH_DEBUG=1 shows them.
type cayleyLog struct{ l *slog.Logger }

func newCayleyLog() *cayleyLog {
	level := slog.LevelWarn + 100 // silent
	if os.Getenv("FACTGRAPH_DEBUG") != "" {
		level = slog.LevelDebug
	}
	return &cayleyLog{slog.New(slog.NewTextHandler(os.Stderr, &slog.HandlerOptions{Level: level}))}
}

func (c *cayleyLog) Infof(format string, args ...any) { c.l.Debug(fmt.Sprintf(format, args...)) }
func (c *cayleyLog) Warningf(format string, args ...any) {
	c.l.Debug(fmt.Sprintf(format, args...), "cayley", "warning")
}
func (c *cayleyLog) Errorf(format string, args ...any) {
	c.l.Debug(fmt.Sprintf(format, args...), "cayley", "error")
}
func (c *cayleyLog) Fatalf(format string, args ...any) {
	fmt.Fprintf(os.Stderr, "factgraph: cayley: "+format+"\n", args...)
	os.Exit(1)
}
func (c *cayleyLog) V(int) bool { return false }
func (c *cayleyLog) SetV(int)   {}
