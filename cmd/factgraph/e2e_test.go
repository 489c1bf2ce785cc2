package main

// End-to-end tests: they build the factgraph binary once and run it as a
// user would, against real Cayley stores in temporary directories.

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/cayleygraph/quad"
	"github.com/cayleygraph/quad/nquads"
)

var binary string

func TestMain(m *testing.M) {
	dir, err := os.MkdirTemp("", "factgraph-e2e-")
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	binary = filepath.Join(dir, "factgraph")
	out, err := exec.Command("go", "build", "-o", binary, ".").CombinedOutput()
	if err != nil {
		fmt.Fprintf(os.Stderr, "build factgraph: %v\n%s", err, out)
		os.RemoveAll(dir)
		os.Exit(1)
	}
	code := m.Run()
	os.RemoveAll(dir)
	os.Exit(code)
}

type result struct {
	stdout, stderr string
	code           int
}

func run(t *testing.T, args ...string) result {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Minute)
	defer cancel()
	cmd := exec.CommandContext(ctx, binary, args...)
	var so, se bytes.Buffer
	cmd.Stdout, cmd.Stderr = &so, &se
	err := cmd.Run()
	code := 0
	var ee *exec.ExitError
	if errors.As(err, &ee) {
		code = ee.ExitCode()
	} else if err != nil {
		t.Fatalf("run %v: %v", args, err)
	}
	return result{so.String(), se.String(), code}
}

func mustRun(t *testing.T, args ...string) string {
	t.Helper()
	r := run(t, args...)
	if r.code != 0 {
		t.Fatalf("factgraph %s: exit %d\nstdout: %s\nstderr: %s", strings.Join(args, " "), r.code, r.stdout, r.stderr)
	}
	return r.stdout
}

// repoRoot is the repository root (two levels up from this package).
func repoRoot(t *testing.T) string {
	t.Helper()
	wd, _ := os.Getwd()
	return filepath.Clean(filepath.Join(wd, "..", ".."))
}

func examplesDir(t *testing.T) string { return filepath.Join(repoRoot(t), "examples") }

func seedsDir(t *testing.T) string {
	t.Helper()
	d := filepath.Join(repoRoot(t), "..", "shared", "seeds")
	if _, err := os.Stat(d); err != nil {
		t.Skipf("../shared/seeds is absent (%v); the seed articles are tested only beside the shared data", err)
	}
	return d
}

// copyDir copies the regular files of src into a new temporary directory.
func copyDir(t *testing.T, src string) string {
	t.Helper()
	dst := t.TempDir()
	entries, err := os.ReadDir(src)
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range entries {
		b, err := os.ReadFile(filepath.Join(src, e.Name()))
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dst, e.Name()), b, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dst
}

// exportQuads exports the store as N-Quads and parses it with the quad
// library (what `cayley load` uses).
func exportQuads(t *testing.T, db string) []quad.Quad {
	t.Helper()
	out := mustRun(t, "export", "--db", db, "--format", "nquads")
	r := nquads.NewReader(strings.NewReader(out), false)
	var qs []quad.Quad
	for {
		q, err := r.ReadQuad()
		if err == io.EOF {
			break
		}
		if err != nil {
			t.Fatalf("parse exported N-Quads: %v", err)
		}
		qs = append(qs, q)
	}
	if n := strings.Count(out, "\n"); n != len(qs) {
		t.Fatalf("export has %d lines but %d quads parse", n, len(qs))
	}
	return qs
}

func quadSet(qs []quad.Quad) map[string]bool {
	m := make(map[string]bool, len(qs))
	for _, q := range qs {
		m[q.NQuad()] = true
	}
	return m
}

func byLabel(qs []quad.Quad) map[string]map[string]bool {
	m := map[string]map[string]bool{}
	for _, q := range qs {
		l := fmt.Sprint(q.Label)
		if m[l] == nil {
			m[l] = map[string]bool{}
		}
		m[l][q.NQuad()] = true
	}
	return m
}

func queryJSON(t *testing.T, args ...string) []map[string]any {
	t.Helper()
	out := mustRun(t, append([]string{"query"}, args...)...)
	var rows []map[string]any
	if err := json.Unmarshal([]byte(out), &rows); err != nil {
		t.Fatalf("query output is not a JSON array of objects: %v\n%s", err, out)
	}
	return rows
}

func TestBuildQueryExport(t *testing.T) {
	db := filepath.Join(t.TempDir(), "db")
	out := mustRun(t, "build", "--db", db, examplesDir(t))
	if !strings.Contains(out, "built 5 documents (0 skipped)") {
		t.Fatalf("summary: %s", out)
	}

	docs := queryJSON(t, "--db", db, "documents")
	if len(docs) != 5 {
		t.Fatalf("documents query: %d rows, want 5: %v", len(docs), docs)
	}
	byID := map[string]map[string]any{}
	for _, d := range docs {
		byID[fmt.Sprint(d["doc_id"])] = d
	}
	if h := byID["03-river-news"]["headline"]; h != "Envoy recalled as bridge row deepens" {
		t.Errorf("HTML headline: %v", h)
	}
	if d := byID["wire-0001"]["date"]; d != "2024-05-16" {
		t.Errorf("JSONL date: %v", d)
	}

	// Who said what: speaker → quote → article, and from the statement to
	// its sentence and its document.
	rows := queryJSON(t, "--db", db, "who-said-what")
	var found map[string]any
	for _, r := range rows {
		if r["quote"] == "The mayor speaks for this city" {
			found = r
		}
	}
	if found == nil {
		t.Fatalf("who-said-what lacks the council chair's quote: %v", rows)
	}
	if !strings.Contains(fmt.Sprint(found["sentence"]), "council chair Priya Natarajan said") {
		t.Errorf("quote's sentence: %v", found["sentence"])
	}
	if found["document"] != "<https://factgraph.github.io/doc/wire-0001>" {
		t.Errorf("quote's document: %v", found["document"])
	}
	src := queryJSON(t, "--db", db, "sources", "--param", "fact="+fmt.Sprint(found["statement"]))
	if len(src) == 0 || src[0]["headline"] != "Southport council backs mayor in bridge row" || src[0]["start"] == nil {
		t.Errorf("sources of %v: %v", found["statement"], src)
	}

	// The same quote in two articles: one fact, two sources.
	top := queryJSON(t, "--db", db, "top-facts", "--param", "min=2")
	var berg map[string]any
	for _, r := range top {
		if r["object"] == "We will not accept threats to our river trade" {
			berg = r
		}
	}
	if berg == nil || berg["subject_id"] != "<https://factgraph.github.io/entity/person/anna-berg>" || berg["sources"] != 2.0 {
		t.Fatalf("top-facts lacks Anna Berg's quote with two sources: %v", top)
	}
	stmts := berg["statements"].([]any)
	src2 := queryJSON(t, "--db", db, "sources", "--param", "fact="+fmt.Sprint(stmts[0]))
	heads := map[any]bool{}
	for _, r := range src2 {
		heads[r["headline"]] = true
	}
	if len(src2) != 2 || !heads["Northfield recalls its envoy after bridge dispute"] || !heads["Envoy recalled as bridge row deepens"] {
		t.Errorf("sources of Anna Berg's quote: %v", src2)
	}

	// The neighbourhood query is shaped for the visualize page, with names.
	nb := queryJSON(t, "--db", db, "neighbourhood", "--param", "entity=Anna Berg")
	if len(nb) == 0 {
		t.Fatal("neighbourhood of Anna Berg is empty")
	}
	for _, r := range nb {
		if r["source"] == nil || r["target"] == nil || r["source_label"] == nil || strings.HasPrefix(fmt.Sprint(r["target_label"]), "<") {
			t.Errorf("neighbourhood row without readable labels: %v", r)
		}
	}

	// Furniture yields nothing.
	nq := mustRun(t, "export", "--db", db)
	for _, furn := range []string{"Leave a Reply", "skip to content", "Be First to Comment", "Back to top"} {
		if strings.Contains(nq, furn) {
			t.Errorf("page furniture %q reached the graph", furn)
		}
	}

	// Every export format; N-Quads parse back to the store's quad count.
	qs := exportQuads(t, db)
	if !strings.Contains(out, fmt.Sprintf("holds %d quads", len(qs))) {
		t.Errorf("export has %d quads; build said %s", len(qs), out)
	}
	for _, f := range []string{"jsonld", "graphml", "csv", "jsonl"} {
		p := filepath.Join(t.TempDir(), "out."+f)
		mustRun(t, "export", "--db", db, "--format", f, "-o", p)
		if st, err := os.Stat(p); err != nil || st.Size() == 0 {
			t.Errorf("export %s: %v", f, err)
		}
	}
	if r := run(t, "query", "--db", db, "--list"); r.code != 0 || !strings.Contains(r.stdout, "neighbourhood") {
		t.Errorf("query --list: %+v", r)
	}
	if r := run(t, "query", "--db", db, "sources"); r.code == 0 || !strings.Contains(r.stderr, "--param fact=") {
		t.Errorf("query sources without its parameter: %+v", r)
	}
}

func TestBuildIsDeterministicAndIdempotent(t *testing.T) {
	a, b := filepath.Join(t.TempDir(), "a"), filepath.Join(t.TempDir(), "b")
	mustRun(t, "build", "--db", a, examplesDir(t))
	mustRun(t, "build", "--db", b, "--workers", "1", examplesDir(t))
	qa, qb := quadSet(exportQuads(t, a)), quadSet(exportQuads(t, b))
	if len(qa) == 0 || len(qa) != len(qb) {
		t.Fatalf("two builds: %d and %d quads", len(qa), len(qb))
	}
	for k := range qa {
		if !qb[k] {
			t.Fatalf("quad only in the first build: %s", k)
		}
	}
	out := mustRun(t, "build", "--db", a, examplesDir(t))
	if !strings.Contains(out, "(+0 −0)") {
		t.Errorf("rebuilding unchanged articles changed the store: %s", out)
	}
}

func TestRebuildEditedArticleChangesOnlyItsQuads(t *testing.T) {
	dir := copyDir(t, examplesDir(t))
	db := filepath.Join(t.TempDir(), "db")
	mustRun(t, "build", "--db", db, dir)
	before := byLabel(exportQuads(t, db))

	p := filepath.Join(dir, "01-northfield-herald.txt")
	b, _ := os.ReadFile(p)
	edited := strings.Replace(string(b), "The report is wrong, and we can prove it", "The study is wrong, and we will show it", 1)
	if edited == string(b) {
		t.Fatal("edit did not apply")
	}
	os.WriteFile(p, []byte(edited), 0o644)
	mustRun(t, "build", "--db", db, dir)
	after := byLabel(exportQuads(t, db))

	doc := "<https://factgraph.github.io/doc/01-northfield-herald>"
	for label, qs := range before {
		if label == doc {
			continue
		}
		if len(after[label]) != len(qs) {
			t.Errorf("%s changed: %d → %d quads", label, len(qs), len(after[label]))
		}
		for k := range qs {
			if !after[label][k] {
				t.Errorf("%s lost %s", label, k)
			}
		}
	}
	changed := 0
	for k := range after[doc] {
		if !before[doc][k] {
			changed++
			if strings.Contains(k, "The report is wrong") {
				t.Errorf("stale text in new quad %s", k)
			}
		}
	}
	if changed == 0 {
		t.Error("the edited article's quads did not change")
	}
	for k := range before[doc] {
		if strings.Contains(k, "The report is wrong") && after[doc][k] {
			t.Errorf("old quad kept: %s", k)
		}
	}
}

func TestDeleteRemovesExactlyOneArticle(t *testing.T) {
	db := filepath.Join(t.TempDir(), "db")
	mustRun(t, "build", "--db", db, examplesDir(t))
	before := byLabel(exportQuads(t, db))
	out := mustRun(t, "delete", "--db", db, "02-southport-daily")
	if !strings.Contains(out, "deleted 02-southport-daily") {
		t.Errorf("delete output: %s", out)
	}
	after := byLabel(exportQuads(t, db))
	gone := "<https://factgraph.github.io/doc/02-southport-daily>"
	if len(after[gone]) != 0 || len(before[gone]) == 0 {
		t.Fatalf("article quads before %d, after %d", len(before[gone]), len(after[gone]))
	}
	if len(after) != len(before)-1 {
		t.Fatalf("labels before %d, after %d", len(before), len(after))
	}
	for label, qs := range before {
		if label != gone && len(after[label]) != len(qs) {
			t.Errorf("%s changed by the delete", label)
		}
	}
	if r := run(t, "delete", "--db", db, "no-such-doc"); r.code != 1 || !strings.Contains(r.stderr, "no-such-doc") {
		t.Errorf("deleting a missing document: %+v", r)
	}
}

func TestSeedArticles(t *testing.T) {
	seeds := seedsDir(t)
	db := filepath.Join(t.TempDir(), "db")
	out := mustRun(t, "build", "--db", db, seeds, examplesDir(t))
	if !strings.Contains(out, "built 10 documents (0 skipped)") {
		t.Fatalf("summary: %s", out)
	}
	nq := mustRun(t, "export", "--db", db)
	for _, furn := range []string{"Press \\\"Enter\\\"", "Leave a Reply", "Be First to Comment", "Back to top button", "Required fields are marked"} {
		if strings.Contains(nq, furn) {
			t.Errorf("page furniture %q reached the graph", furn)
		}
	}
	rows := queryJSON(t, "--db", db, "who-said-what")
	perDoc := map[string]int{}
	for _, r := range rows {
		perDoc[fmt.Sprint(r["document"])]++
	}
	for _, id := range []string{"000_5934c2a2c18d2cab", "001_73df357b73c67ff4", "002_a4ae8eba98f6f586", "003_fb4d295e1d4f21ec"} {
		if perDoc["<https://factgraph.github.io/doc/"+id+">"] == 0 {
			t.Errorf("no attributed quote from seed %s", id)
		}
	}
	// The story's central fact, however each outlet words it ("ordered …
	// back", "pulled", "withdrew", "recalled"), is one fact with five
	// sources, the first of top-facts.
	top := queryJSON(t, "--db", db, "top-facts")
	if len(top) == 0 || top[0]["subject"] != "Russia" || top[0]["object"] != "Anatoly Antonov" ||
		!strings.HasSuffix(fmt.Sprint(top[0]["relation"]), "#diplomatic-recall>") || fmt.Sprint(top[0]["sources"]) != "5" {
		t.Errorf("top fact: %v, want Russia –diplomatic-recall→ Anatoly Antonov from 5 sources", top[:min(1, len(top))])
	}
	docs := queryJSON(t, "--db", db, "documents")
	dates := map[string]any{}
	for _, d := range docs {
		dates[fmt.Sprint(d["doc_id"])] = d["date"]
	}
	if dates["001_73df357b73c67ff4"] != "2021-03-18" || dates["002_a4ae8eba98f6f586"] != "2021-03-19" {
		t.Errorf("seed dates: %v", dates)
	}
}

func TestBadInputsAreSkippedWithReasons(t *testing.T) {
	dir := t.TempDir()
	write := func(name string, b []byte) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, b, 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	write("good.txt", []byte("Anna Berg opened the new library in Northfield on Monday.\n"))
	write("latin1.txt", []byte("Caf\xe9 reopens in Northfield\n\nCaf\xe9 owners in Northfield welcomed the decision, the r\xe9sum\xe9 said.\n"))
	write("binary.txt", append([]byte("PK\x03\x04"), bytes.Repeat([]byte{0, 1, 2, 0xff}, 200)...))
	write("empty.txt", nil)
	write("huge.txt", bytes.Repeat([]byte("All work and no play. "), 400))
	write("feed.jsonl", []byte(`{"id":"ok-1","text":"The council met on Friday."}`+"\n"+`{"id": "broken", "text": `+"\n"+`{"id":"no-text"}`+"\n"))
	os.Symlink(filepath.Join(dir, "missing-target.txt"), filepath.Join(dir, "dangling.txt"))

	db := filepath.Join(t.TempDir(), "db")
	r := run(t, "build", "--db", db, "--max-doc-size", "4000", dir)
	if r.code != exitSkipped {
		t.Fatalf("exit %d, want %d\n%s\n%s", r.code, exitSkipped, r.stdout, r.stderr)
	}
	for _, want := range []string{"binary.txt", "empty.txt", "huge.txt", "feed.jsonl:2", "feed.jsonl:3", "dangling.txt"} {
		if !strings.Contains(r.stderr, want) {
			t.Errorf("no message naming %s in:\n%s", want, r.stderr)
		}
	}
	docs := queryJSON(t, "--db", db, "documents")
	ids := []string{}
	for _, d := range docs {
		ids = append(ids, fmt.Sprint(d["doc_id"]))
	}
	sort.Strings(ids)
	if strings.Join(ids, ",") != "good,latin1,ok-1" {
		t.Errorf("loaded documents %v, want good, latin1, ok-1", ids)
	}
	if !strings.Contains(mustRun(t, "export", "--db", db), "Café reopens in Northfield") {
		t.Error("Windows-1252 text was not transcoded")
	}
}

// startServe runs `factgraph serve` and returns its base URL.
func startServe(t *testing.T, args ...string) (string, *exec.Cmd) {
	t.Helper()
	cmd := exec.Command(binary, append([]string{"serve", "--addr", "127.0.0.1:0"}, args...)...)
	stdout, _ := cmd.StdoutPipe()
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { cmd.Process.Kill(); cmd.Wait() })
	urls := make(chan string, 1)
	go func() {
		sc := bufio.NewScanner(stdout)
		for sc.Scan() {
			line := sc.Text()
			if i := strings.Index(line, " at http://"); i >= 0 {
				urls <- strings.TrimSuffix(line[i+4:], "/")
			}
		}
	}()
	select {
	case u := <-urls:
		return u, cmd
	case <-time.After(60 * time.Second):
		t.Fatalf("serve did not start: %s", stderr.String())
	}
	return "", nil
}

func TestServeAndLock(t *testing.T) {
	db := filepath.Join(t.TempDir(), "db")
	mustRun(t, "build", "--db", db, examplesDir(t))
	base, _ := startServe(t, "--db", db)

	// A second process fails within seconds, naming the holder.
	start := time.Now()
	r := run(t, "build", "--db", db, examplesDir(t))
	if r.code == 0 || !strings.Contains(r.stderr, "in use by another process") || time.Since(start) > 10*time.Second {
		t.Fatalf("second process: exit %d after %v: %s", r.code, time.Since(start), r.stderr)
	}

	post := func(path, body string, hdr map[string]string) (*http.Response, string) {
		req, _ := http.NewRequest("POST", base+path, strings.NewReader(body))
		for k, v := range hdr {
			req.Header.Set(k, v)
		}
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		defer resp.Body.Close()
		b, _ := io.ReadAll(resp.Body)
		return resp, string(b)
	}
	gizmo := `g.V("<https://factgraph.github.io/doc/wire-0001>").Out("<http://schema.org/headline>").All()`
	resp, body := post("/api/v1/query/gizmo", gizmo, nil)
	if resp.StatusCode != 200 || !strings.Contains(body, "Southport council backs mayor") {
		t.Fatalf("v1 query: %d %s", resp.StatusCode, body)
	}
	// Cayley's UI runs $.parseJSON on this body: jQuery must get it as text.
	if ct := resp.Header.Get("Content-Type"); strings.Contains(ct, "json") {
		t.Errorf("v1 query answered as %q; the UI's visualize page would fail to parse it", ct)
	}
	resp, body = post("/api/v2/query?lang=gizmo", gizmo, map[string]string{"Origin": "http://evil.example"})
	if resp.StatusCode != 200 || !strings.Contains(body, "Southport council backs mayor") {
		t.Fatalf("v2 query: %d %s", resp.StatusCode, body)
	}
	if resp.Header.Get("Access-Control-Allow-Origin") != "" {
		t.Errorf("CORS header for a foreign origin: %q", resp.Header.Get("Access-Control-Allow-Origin"))
	}
	resp, body = post("/api/v2/query?lang=graphql", `{ nodes(<http://schema.org/identifier>: "wire-0001") { id, <http://schema.org/headline> } }`, nil)
	if resp.StatusCode != 200 || !strings.Contains(body, "Southport council backs mayor") {
		t.Fatalf("GraphQL query: %d %s", resp.StatusCode, body)
	}
	if res, err := http.Get(base + "/api/v2/read?format=nquads"); err != nil {
		t.Fatal(err)
	} else {
		b, _ := io.ReadAll(res.Body)
		res.Body.Close()
		if res.StatusCode != 200 || !strings.Contains(string(b), "<https://factgraph.github.io/doc/wire-0001> <http://schema.org/headline>") {
			t.Errorf("N-Quads read: %d %.200s", res.StatusCode, b)
		}
	}
	resp, _ = post("/api/v2/write", `<a> <b> "c" .`, map[string]string{"Content-Type": "application/n-quads"})
	if resp.StatusCode == 200 {
		t.Error("read-only server accepted a write")
	}
	resp, _ = post("/api/v1/write", `[{"subject":"a","predicate":"b","object":"c"}]`, nil)
	if resp.StatusCode != http.StatusForbidden {
		t.Errorf("v1 write: %d", resp.StatusCode)
	}
	for _, page := range []string{"/", "/ui/query", "/ui/visualize", "/static/js/cayley_visualize.js"} {
		res, err := http.Get(base + page)
		if err != nil {
			t.Fatal(err)
		}
		b, _ := io.ReadAll(res.Body)
		res.Body.Close()
		if res.StatusCode != 200 || len(b) < 100 {
			t.Errorf("GET %s: %d (%d bytes)", page, res.StatusCode, len(b))
		}
	}
}
