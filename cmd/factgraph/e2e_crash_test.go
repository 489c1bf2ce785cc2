package main

import (
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/cayleygraph/quad"
	"github.com/cayleygraph/quad/nquads"
)

// writeCorpus writes n small articles as JSON Lines.
func writeCorpus(t *testing.T, n int) string {
	t.Helper()
	p := filepath.Join(t.TempDir(), "corpus.jsonl")
	f, err := os.Create(p)
	if err != nil {
		t.Fatal(err)
	}
	enc := json.NewEncoder(f)
	towns := []string{"Northfield", "Southport", "Eastwick", "Westmere"}
	for i := 0; i < n; i++ {
		a, b := towns[i%4], towns[(i+1)%4]
		text := fmt.Sprintf("%s and %s signed agreement number %d on Monday.\n\n"+
			"\"We will build it together,\" Mayor Anna Berg said after meeting number %d.\n\n"+
			"The council of %s rejected the plan, and %s invited %s to new talks.", a, b, i, i, b, a, b)
		enc.Encode(map[string]string{"id": fmt.Sprintf("doc-%05d", i), "title": fmt.Sprintf("Agreement %d", i), "date": "2024-05-14", "text": text})
	}
	f.Close()
	return p
}

func TestKilledBuildLeavesOnlyWholeDocuments(t *testing.T) {
	corpus := writeCorpus(t, 3000)
	// Kill it part-way: try growing delays until the kill lands after some
	// documents were written and before the last.
	var db string
	var stored map[string]map[string]bool
	for delay := 100 * time.Millisecond; delay < 30*time.Second; delay *= 2 {
		db = filepath.Join(t.TempDir(), "db")
		cmd := exec.Command(binary, "build", "--db", db, "--workers", "1", "-q", corpus)
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		time.Sleep(delay)
		cmd.Process.Signal(syscall.SIGKILL)
		cmd.Wait()
		if _, err := os.Stat(db); err != nil {
			continue
		}
		// The store opens after the kill; killed while the store was being
		// created, it says it holds no graph yet (nothing was written).
		if r := run(t, "export", "--db", db, "--format", "nquads"); r.code != 0 {
			if strings.Contains(r.stderr, "holds no graph yet") {
				continue
			}
			t.Fatalf("export after the kill: exit %d: %s", r.code, r.stderr)
		}
		stored = byLabel(exportQuads(t, db))
		if len(stored) > 0 {
			break
		}
	}
	if len(stored) == 0 {
		t.Fatal("nothing was written before the kill")
	}
	if len(stored) >= 3000 {
		t.Skip("the build finished before it could be killed")
	}
	full := map[string]map[string]bool{}
	out := mustRun(t, "extract", "--format", "nquads", corpus)
	r := nquads.NewReader(strings.NewReader(out), false)
	for {
		q, err := r.ReadQuad()
		if err != nil {
			break
		}
		l := fmt.Sprint(q.Label)
		if full[l] == nil {
			full[l] = map[string]bool{}
		}
		full[l][quad.Quad(q).NQuad()] = true
	}
	for label, qs := range stored {
		want := full[label]
		if len(qs) != len(want) {
			t.Fatalf("%s holds %d quads, a whole document has %d", label, len(qs), len(want))
		}
		for k := range qs {
			if !want[k] {
				t.Fatalf("%s holds an unexpected quad %s", label, k)
			}
		}
	}
	t.Logf("killed after %d of 3000 documents; all whole", len(stored))
	// And the build can be resumed to completion.
	mustRun(t, "build", "--db", db, "-q", "--no-sync", corpus)
}

func size(dir string) int64 {
	var n int64
	filepath.Walk(dir, func(_ string, info os.FileInfo, err error) error {
		if err == nil && !info.IsDir() {
			n += info.Size()
		}
		return nil
	})
	return n
}

func TestExportAcceptedByIndependentParsers(t *testing.T) {
	db := filepath.Join(t.TempDir(), "db")
	inputs := []string{examplesDir(t)}
	if seeds := filepath.Join(repoRoot(t), "..", "shared", "seeds"); dirExists(seeds) {
		inputs = append(inputs, seeds) // real-world text: literal speakers, odd characters
	}
	mustRun(t, append([]string{"build", "--db", db}, inputs...)...)
	nq := filepath.Join(t.TempDir(), "graph.nq")
	mustRun(t, "export", "--db", db, "-o", nq)
	want := len(exportQuads(t, db))

	t.Run("rapper", func(t *testing.T) {
		rapper, err := exec.LookPath("rapper")
		if err != nil {
			t.Skip("rapper (Debian raptor2-utils) is not installed; .ci/run installs it")
		}
		out, err := exec.Command(rapper, "-i", "nquads", "-o", "nquads", "-q", nq).Output()
		if err != nil {
			t.Fatalf("rapper rejected the export: %v", err)
		}
		if got := strings.Count(string(out), "\n"); got != want {
			t.Fatalf("rapper read %d quads, want %d", got, want)
		}
	})
	t.Run("cayley load", func(t *testing.T) {
		if testing.Short() {
			t.Skip("builds the stock cayley command; skipped with -short")
		}
		tool := filepath.Join(repoRoot(t), "tools", "cayley")
		bin := filepath.Join(t.TempDir(), "cayley")
		build := exec.Command("go", "build", "-o", bin, "github.com/cayleygraph/cayley/cmd/cayley")
		build.Dir = tool
		if out, err := build.CombinedOutput(); err != nil {
			t.Skipf("cannot build the stock cayley command here: %v\n%s", err, out)
		}
		store := filepath.Join(t.TempDir(), "cayley-db")
		load := exec.Command(bin, "load", "--init", "-d", "leveldb", "-a", store, "-i", nq)
		load.Dir = t.TempDir() // no .env file can leak in
		if out, err := load.CombinedOutput(); err != nil {
			t.Fatalf("cayley load rejected the export: %v\n%s", err, out)
		}
		dump := filepath.Join(t.TempDir(), "dump.nq")
		cmd := exec.Command(bin, "dump", "-d", "leveldb", "-a", store, "-o", dump)
		if out, err := cmd.CombinedOutput(); err != nil {
			t.Fatalf("cayley dump: %v\n%s", err, out)
		}
		b, _ := os.ReadFile(dump)
		if got := strings.Count(string(b), "\n"); got != want {
			t.Fatalf("cayley holds %d quads after load, want %d", got, want)
		}
	})
}
