//go:build tools

// Package tools pins the stock Cayley command (v0.7.7), which the tests build
// to check that `cayley load` accepts factgraph's N-Quads export. It is a
// module of its own so that Cayley's command-line dependencies stay out of
// factgraph's build.
package tools

import _ "github.com/cayleygraph/cayley/cmd/cayley"
