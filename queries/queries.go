// Package queries holds factgraph's canned Gizmo queries, embedded in the
// binary and runnable by name. Each query is a JavaScript file whose first
// comment lines describe it; the shared prelude (vocabulary IRIs and
// helpers) and the caller's parameters are prepended when it is rendered.
package queries

import (
	"embed"
	"encoding/json"
	"fmt"
	"sort"
	"strings"
)

//go:embed *.js
var files embed.FS

// Query is one canned query.
type Query struct {
	Name        string
	Description string // the file's leading comment
	Body        string
}

// Prelude returns the shared prelude.
func Prelude() string {
	b, _ := files.ReadFile("prelude.js")
	return string(b)
}

// List returns the canned queries sorted by name.
func List() []Query {
	entries, _ := files.ReadDir(".")
	var out []Query
	for _, e := range entries {
		name := strings.TrimSuffix(e.Name(), ".js")
		if name == "prelude" {
			continue
		}
		q, _ := Get(name)
		out = append(out, q)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Name < out[j].Name })
	return out
}

// Get returns the canned query called name.
func Get(name string) (Query, error) {
	b, err := files.ReadFile(name + ".js")
	if err != nil || name == "prelude" {
		return Query{}, fmt.Errorf("no canned query %q (see `factgraph query --list`)", name)
	}
	body := string(b)
	var desc []string
	for _, line := range strings.Split(body, "\n") {
		if !strings.HasPrefix(line, "//") {
			break
		}
		desc = append(desc, strings.TrimSpace(strings.TrimPrefix(line, "//")))
	}
	return Query{Name: name, Description: strings.Join(desc, "\n"), Body: body}, nil
}

// Render returns the runnable Gizmo text of q with params bound to the
// JavaScript object `params`.
func (q Query) Render(params map[string]string) (string, error) {
	return Wrap(q.Body, params)
}

// Wrap prepends the prelude and params to any Gizmo text.
func Wrap(body string, params map[string]string) (string, error) {
	if params == nil {
		params = map[string]string{}
	}
	pj, err := json.Marshal(params)
	if err != nil {
		return "", fmt.Errorf("encode query parameters: %w", err)
	}
	return Prelude() + "\nvar params = " + string(pj) + ";\n" + body, nil
}
