package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"
)

type entityRow struct {
	Key     string   `json:"key"`
	Type    string   `json:"type"`
	Names   []string `json:"names"`
	Aliases []string `json:"aliases"`
	Docs    []string `json:"docs"`
}

func entities(t *testing.T, db string) map[string]entityRow {
	t.Helper()
	out := mustRun(t, "entities", "--db", db, "--format", "jsonl")
	m := map[string]entityRow{}
	for _, line := range strings.Split(strings.TrimSpace(out), "\n") {
		if line == "" {
			continue
		}
		var e entityRow
		if err := json.Unmarshal([]byte(line), &e); err != nil {
			t.Fatalf("entities output %q: %v", line, err)
		}
		m[e.Key] = e
	}
	return m
}

// inputs returns the seed articles (when present) and the examples, one
// path per document.
func inputs(t *testing.T) []string {
	t.Helper()
	var paths []string
	if d := filepath.Join(repoRoot(t), "..", "shared", "seeds"); dirExists(d) {
		ps, _ := filepath.Glob(filepath.Join(d, "*.txt"))
		paths = append(paths, ps...)
	}
	ps, _ := filepath.Glob(filepath.Join(examplesDir(t), "*"))
	paths = append(paths, ps...)
	sort.Strings(paths)
	return paths
}

func dirExists(d string) bool {
	st, err := os.Stat(d)
	return err == nil && st.IsDir()
}

// Building the articles one at a time gives the same graph as building
// them together.
func TestIncrementalBuildEqualsTogether(t *testing.T) {
	paths := inputs(t)
	together := filepath.Join(t.TempDir(), "together")
	mustRun(t, append([]string{"build", "--db", together}, paths...)...)
	oneByOne := filepath.Join(t.TempDir(), "one")
	for _, p := range paths {
		mustRun(t, "build", "--db", oneByOne, p)
	}
	a, b := quadSet(exportQuads(t, together)), quadSet(exportQuads(t, oneByOne))
	for k := range a {
		if !b[k] {
			t.Errorf("only in the build together: %s", k)
		}
	}
	for k := range b {
		if !a[k] {
			t.Errorf("only in the builds one by one: %s", k)
		}
	}
}

// The seed target: each person and country one node with every spelling.
func TestSeedEntities(t *testing.T) {
	seeds := seedsDir(t)
	db := filepath.Join(t.TempDir(), "db")
	mustRun(t, "build", "--db", db, seeds)
	ents := entities(t, db)
	want := map[string][]string{
		"person/dmitry-peskov":   {"Dmitry Peskov", "Dmitri Peskov", "Dimitri Peskow", "Peskov", "Peskow"},
		"person/alexei-navalny":  {"Alexei Navalny", "Alexei Navalnyj"},
		"person/vladimir-putin":  {"Vladimir Putin", "Putin"},
		"person/joe-biden":       {"Joe Biden", "Biden"},
		"person/anatoly-antonov": {"Anatoly Antonov"},
		"person/sergei-ryabkov":  {"Sergei Riabkov"},
		"gpe/united-states":      {"US", "USA", "United States", "America"},
		"gpe/russia":             {"Russia"},
	}
	for key, aliases := range want {
		e, ok := ents[key]
		if !ok {
			t.Errorf("no entity %s", key)
			continue
		}
		have := map[string]bool{}
		for _, a := range e.Aliases {
			have[a] = true
		}
		for _, a := range aliases {
			if !have[a] {
				t.Errorf("%s lacks alias %q: %v", key, a, e.Aliases)
			}
		}
		if len(e.Names) != 1 {
			t.Errorf("%s has names %v", key, e.Names)
		}
	}
	for key, e := range ents {
		switch {
		case strings.Contains(key, "peskow"), strings.Contains(key, "navalnyj"), strings.Contains(key, "dimitri"), key == "gpe/us", key == "gpe/usa", key == "gpe/america":
			t.Errorf("a variant has its own node: %s %v", key, e.Aliases)
		}
		for _, n := range e.Names {
			if bare(n) {
				t.Errorf("a pronoun or bare role is an entity: %s %q", key, n)
			}
		}
	}
	// Facts whose subject is a role description carry the person.
	nq := mustRun(t, "export", "--db", db)
	for _, line := range strings.Split(nq, "\n") {
		if strings.Contains(line, "#subjectText> \"the Russian President\"") {
			stmt := strings.Fields(line)[0]
			if !strings.Contains(nq, stmt+" <http://www.w3.org/1999/02/22-rdf-syntax-ns#subject> <https://factgraph.github.io/entity/person/vladimir-putin>") {
				t.Errorf("\"the Russian President\" is not Putin in %s", stmt)
			}
		}
	}
}

func bare(name string) bool {
	switch strings.ToLower(strings.TrimPrefix(strings.TrimPrefix(name, "the "), "The ")) {
	case "he", "she", "him", "her", "they", "president", "kremlin chief", "diplomat", "spokesman":
		return true
	}
	return false
}

// An override merge and split take effect on build and are undone by
// removing the line.
func TestEntitiesFileOverrides(t *testing.T) {
	dir := t.TempDir()
	doc := filepath.Join(dir, "a.txt")
	os.WriteFile(doc, []byte("Mayor Anna Berg met harbour master Tom Reyes in Northfield on Monday.\n\nBerg said the bridge would open.\n"), 0o644)
	other := filepath.Join(dir, "b.txt")
	os.WriteFile(other, []byte("Anna Berg spoke in Southport on Tuesday.\n"), 0o644)
	file := filepath.Join(t.TempDir(), "entities.txt")
	db := filepath.Join(t.TempDir(), "db")

	build := func(lines string) map[string]entityRow {
		os.WriteFile(file, []byte(lines), 0o644)
		mustRun(t, "build", "--db", db, "--entities-file", file, dir)
		return entities(t, db)
	}
	ents := build("merge person/tom-reyes person/thomas-reyes\nsplit person/anna-berg b person/anna-berg-southport\nname person/thomas-reyes Thomas Reyes\n")
	if _, ok := ents["person/tom-reyes"]; ok {
		t.Errorf("merge not applied: %v", keys(ents))
	}
	if e := ents["person/thomas-reyes"]; len(e.Names) != 1 || e.Names[0] != "Thomas Reyes" {
		t.Errorf("merged entity: %+v", e)
	}
	if e := ents["person/anna-berg-southport"]; len(e.Docs) != 1 || e.Docs[0] != "b" {
		t.Errorf("split not applied: %+v", ents)
	}
	if e := ents["person/anna-berg"]; len(e.Docs) != 1 || e.Docs[0] != "a" {
		t.Errorf("split: Anna Berg of a: %+v", e)
	}
	// Remove the lines: back to the resolver's own result.
	ents = build("# no overrides\n")
	if _, ok := ents["person/tom-reyes"]; !ok {
		t.Errorf("merge not undone: %v", keys(ents))
	}
	if _, ok := ents["person/thomas-reyes"]; ok {
		t.Errorf("merge not undone: %v", keys(ents))
	}
	if e := ents["person/anna-berg"]; len(e.Docs) != 2 {
		t.Errorf("split not undone: %+v", e)
	}
	if r := run(t, "build", "--db", db, "--entities-file", filepath.Join(dir, "missing.txt"), dir); r.code == 0 || !strings.Contains(r.stderr, "missing.txt") {
		t.Errorf("missing entities file: %+v", r)
	}
}

func keys(m map[string]entityRow) []string {
	var out []string
	for k := range m {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}
