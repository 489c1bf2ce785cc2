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
	Params      []Param // from the comment's "params:" lines
}

// Param is a parameter of a canned query, declared in the query's leading
// comment as "// params: NAME [(optional…)] — what it is".
type Param struct {
	Name     string
	Optional bool
	Doc      string
}

// parseParam reads the text after "params:".
func parseParam(s string) Param {
	head, doc, _ := strings.Cut(s, "—")
	head = strings.TrimSpace(head)
	name, rest, _ := strings.Cut(head, " ")
	return Param{Name: name, Optional: strings.HasPrefix(strings.TrimSpace(rest), "(optional"), Doc: strings.TrimSpace(doc)}
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
	q := Query{Name: name, Body: body}
	var desc []string
	for _, line := range strings.Split(body, "\n") {
		if !strings.HasPrefix(line, "//") {
			break
		}
		text := strings.TrimSpace(strings.TrimPrefix(line, "//"))
		desc = append(desc, text)
		if p, ok := strings.CutPrefix(text, "params:"); ok {
			q.Params = append(q.Params, parseParam(p))
		}
	}
	q.Description = strings.Join(desc, "\n")
	return q, nil
}

// Render returns the runnable Gizmo text of q with params bound to the
// JavaScript object `params`.
// It fails, naming what the query takes, when a required parameter is
// missing or empty or a parameter is not one the query declares.
func (q Query) Render(params map[string]string) (string, error) {
	known := map[string]bool{}
	for _, p := range q.Params {
		known[p.Name] = true
		if !p.Optional && params[p.Name] == "" {
			return "", fmt.Errorf("query %s needs --param %s=… (%s)", q.Name, p.Name, p.Doc)
		}
	}
	for name := range params {
		if !known[name] {
			return "", fmt.Errorf("query %s has no parameter %q; it takes %s", q.Name, name, q.paramList())
		}
	}
	return Wrap(q.Body, params)
}

func (q Query) paramList() string {
	if len(q.Params) == 0 {
		return "none"
	}
	var names []string
	for _, p := range q.Params {
		n := p.Name
		if p.Optional {
			n += " (optional)"
		}
		names = append(names, n)
	}
	return strings.Join(names, ", ")
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
