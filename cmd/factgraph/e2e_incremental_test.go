package main

// End-to-end tests of incremental entity resolution: a document resolves
// its partial names against the entities already in the store, in input
// order, so that building articles one at a time gives the same graph as
// building them together, and building unchanged articles again changes
// nothing.

import (
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"
)

// oneByOneEqualsTogether builds paths together and one file at a time (in
// the same order) and compares the entity sets and the exported N-Quads,
// then rebuilds both stores unchanged and checks +0 −0.
func oneByOneEqualsTogether(t *testing.T, paths []string) {
	t.Helper()
	together := filepath.Join(t.TempDir(), "together")
	mustRun(t, append([]string{"build", "-q", "--db", together}, paths...)...)
	one := filepath.Join(t.TempDir(), "one")
	for _, p := range paths {
		mustRun(t, "build", "-q", "--db", one, p)
	}
	ea, eb := entities(t, together), entities(t, one)
	if ka, kb := strings.Join(keys(ea), " "), strings.Join(keys(eb), " "); ka != kb {
		t.Errorf("entity sets differ:\ntogether:   %s\none by one: %s", ka, kb)
	}
	for k, a := range ea {
		b := eb[k]
		if strings.Join(a.Aliases, "|") != strings.Join(b.Aliases, "|") || strings.Join(a.Docs, "|") != strings.Join(b.Docs, "|") {
			t.Errorf("%s: together %+v, one by one %+v", k, a, b)
		}
	}
	qa, qb := exportQuads(t, together), exportQuads(t, one)
	sa, sb := quadSet(qa), quadSet(qb)
	if len(qa) != len(qb) {
		t.Errorf("together %d quads, one by one %d", len(qa), len(qb))
	}
	var diff []string
	for k := range sa {
		if !sb[k] {
			diff = append(diff, "only together:    "+k)
		}
	}
	for k := range sb {
		if !sa[k] {
			diff = append(diff, "only one by one:  "+k)
		}
	}
	sort.Strings(diff)
	if len(diff) > 20 {
		diff = diff[:20]
	}
	for _, d := range diff {
		t.Error(d)
	}
	for _, db := range []string{together, one} {
		out := mustRun(t, append([]string{"build", "-q", "--db", db}, paths...)...)
		if !strings.Contains(out, "(+0 −0)") {
			t.Errorf("rebuilding unchanged articles changed %s: %s", filepath.Base(db), out)
		}
	}
}

func TestIncrementalSeedsOneByOne(t *testing.T) {
	seeds := seedsDir(t)
	paths, _ := filepath.Glob(filepath.Join(seeds, "*.txt"))
	sort.Strings(paths)
	if len(paths) == 0 {
		t.Skip("no seed articles")
	}
	oneByOneEqualsTogether(t, paths)
}

func TestIncrementalExamplesOneByOne(t *testing.T) {
	paths, _ := filepath.Glob(filepath.Join(examplesDir(t), "*"))
	sort.Strings(paths)
	oneByOneEqualsTogether(t, paths)
}

// Partial names of a later article: a lone surname (in German
// transliteration) and a given-name variant link to the person an earlier
// article named in full.
func writeArticles(t *testing.T, texts map[string]string) string {
	t.Helper()
	dir := t.TempDir()
	for name, text := range texts {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

func TestIncrementalLoneSurnameLinksToStoredFullName(t *testing.T) {
	dir := writeArticles(t, map[string]string{
		"a.txt": "Kremlin spokesman Dmitri Peskov said on Monday that Moscow would answer the sanctions.\n\nPeskov told reporters the decision was final.\n",
		"b.txt": "Peskow said on Tuesday that relations with Washington had reached a low point.\n\nThe talks will continue next week, Peskow added.\n",
	})
	a, b := filepath.Join(dir, "a.txt"), filepath.Join(dir, "b.txt")
	db := filepath.Join(t.TempDir(), "db")
	mustRun(t, "build", "-q", "--db", db, a)
	mustRun(t, "build", "-q", "--db", db, b)
	ents := entities(t, db)
	p, ok := ents["person/dmitry-peskov"]
	if !ok || strings.Join(p.Docs, ",") != "a,b" || !contains(p.Aliases, "Peskow") {
		t.Fatalf("Peskow of b did not link to Dmitry Peskov of a: %+v", ents)
	}
	for k := range ents {
		if strings.HasPrefix(k, "person/") && k != "person/dmitry-peskov" {
			t.Errorf("a second person: %s", k)
		}
	}
	// Facts of b whose subject is Peskow carry the stored person.
	subj := "<http://www.w3.org/1999/02/22-rdf-syntax-ns#subject> <https://factgraph.github.io/entity/person/dmitry-peskov> <https://factgraph.github.io/doc/b> ."
	if nq := mustRun(t, "export", "--db", db); !strings.Contains(nq, subj) {
		t.Errorf("no statement of b has Dmitry Peskov as its subject")
	}
	// The same articles built together give the same graph, and a rebuild
	// changes nothing.
	oneByOneEqualsTogether(t, []string{a, b})

	// In the other order the lone surname has nothing to link to when it is
	// built; rebuilding both keeps that decision (stable IRIs).
	db2 := filepath.Join(t.TempDir(), "db2")
	mustRun(t, "build", "-q", "--db", db2, b)
	mustRun(t, "build", "-q", "--db", db2, a)
	before := quadSet(exportQuads(t, db2))
	out := mustRun(t, "build", "-q", "--db", db2, b, a)
	if !strings.Contains(out, "(+0 −0)") {
		t.Errorf("rebuild changed the store: %s", out)
	}
	out = mustRun(t, "build", "-q", "--db", db2, a, b)
	if !strings.Contains(out, "(+0 −0)") {
		t.Errorf("rebuild in another order changed the store: %s", out)
	}
	if after := quadSet(exportQuads(t, db2)); len(after) != len(before) {
		t.Errorf("quads %d → %d", len(before), len(after))
	}
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}
