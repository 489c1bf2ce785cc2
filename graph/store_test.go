package graph

import (
	"bytes"
	"context"
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/cayleygraph/quad"
	"github.com/cayleygraph/quad/nquads"
	"github.com/syndtr/goleveldb/leveldb"
)

func q(s, p, o, l string) quad.Quad {
	return quad.Make(quad.IRI(s), quad.IRI(p), quad.String(o), quad.IRI(l))
}

func openTemp(t *testing.T, backend string) (*Store, string) {
	t.Helper()
	dir := t.TempDir() + "/db"
	st, err := Open(context.Background(), Config{Backend: backend, Path: dir})
	if err != nil {
		t.Fatalf("open %s: %v", backend, err)
	}
	t.Cleanup(func() { st.Close() })
	return st, dir
}

func TestReplaceLabelDiffsAndDeletes(t *testing.T) {
	for _, backend := range []string{LevelDB, Bolt, Memory} {
		t.Run(backend, func(t *testing.T) {
			ctx := context.Background()
			st, _ := openTemp(t, backend)
			a := []quad.Quad{q("s:1", "p:name", "one", "doc:a"), q("s:2", "p:name", "two", "doc:a")}
			b := []quad.Quad{q("s:1", "p:name", "one", "doc:b")}
			if ch, err := st.ReplaceLabel(ctx, quad.IRI("doc:a"), a); err != nil || ch.Added != 2 || ch.Removed != 0 {
				t.Fatalf("first write: %+v %v", ch, err)
			}
			if _, err := st.ReplaceLabel(ctx, quad.IRI("doc:b"), b); err != nil {
				t.Fatal(err)
			}
			// Same content again: nothing changes.
			if ch, err := st.ReplaceLabel(ctx, quad.IRI("doc:a"), a); err != nil || ch != (Change{}) {
				t.Fatalf("rewrite: %+v %v", ch, err)
			}
			// Edit: one quad replaced, one kept.
			a2 := []quad.Quad{a[0], q("s:3", "p:name", "three", "doc:a")}
			if ch, err := st.ReplaceLabel(ctx, quad.IRI("doc:a"), a2); err != nil || ch.Added != 1 || ch.Removed != 1 {
				t.Fatalf("edit: %+v %v", ch, err)
			}
			got, _ := st.LabelQuads(ctx, quad.IRI("doc:a"))
			if len(got) != 2 {
				t.Fatalf("doc:a has %d quads, want 2", len(got))
			}
			// The same triple from doc:b is untouched by doc:a's edits.
			n, err := st.DeleteLabel(ctx, quad.IRI("doc:a"))
			if err != nil || n != 2 {
				t.Fatalf("delete: %d %v", n, err)
			}
			var all []quad.Quad
			_ = st.EachQuad(ctx, func(q quad.Quad) error { all = append(all, q); return nil })
			if len(all) != 1 || all[0] != b[0] {
				t.Fatalf("after delete the store holds %v, want only %v", all, b)
			}
			if _, err := st.ReplaceLabel(ctx, quad.IRI("doc:a"), b); err == nil {
				t.Fatal("a quad with another label was accepted")
			}
		})
	}
}

func TestSecondOpenFailsFast(t *testing.T) {
	_, dir := openTemp(t, LevelDB)
	start := time.Now()
	_, err := Open(context.Background(), Config{Path: dir, LockTimeout: 300 * time.Millisecond})
	if !errors.Is(err, ErrLocked) {
		t.Fatalf("second open: %v, want ErrLocked", err)
	}
	if time.Since(start) > 5*time.Second {
		t.Fatalf("second open took %v", time.Since(start))
	}
	if !strings.Contains(err.Error(), "pid ") {
		t.Errorf("message does not name the holder: %v", err)
	}
}

func TestBackendMismatchAndMissingStore(t *testing.T) {
	st, dir := openTemp(t, LevelDB)
	st.Close()
	if _, err := Open(context.Background(), Config{Backend: Bolt, Path: dir}); err == nil || !strings.Contains(err.Error(), "--backend leveldb") {
		t.Fatalf("opening a leveldb store as bolt: %v", err)
	}
	if _, err := Open(context.Background(), Config{Path: t.TempDir() + "/none", ReadOnly: true}); err == nil || !strings.Contains(err.Error(), "factgraph build") {
		t.Fatalf("read-only open of a missing store: %v", err)
	}
	if _, err := Open(context.Background(), Config{Backend: "nosuch", Path: dir}); err == nil {
		t.Fatal("unknown backend accepted")
	}
}

func TestNQuadEscapesIRIs(t *testing.T) {
	evil := quad.Quad{
		Subject:   quad.IRI("http://x/a> <http://x/p> \"injected\" ."),
		Predicate: quad.IRI("http://x/p"),
		Object:    quad.String("line\nbreak \"quoted\" \\ tab\t\x01"),
		Label:     quad.IRI("http://x/doc"),
	}
	line := NQuad(evil)
	if strings.Count(line, "\n") != 1 {
		t.Fatalf("line breaks inside a quad: %q", line)
	}
	r := nquads.NewReader(strings.NewReader(line), false)
	got, err := r.ReadQuad()
	if err != nil {
		t.Fatalf("read back %q: %v", line, err)
	}
	if got.Object != evil.Object || got.Predicate != evil.Predicate {
		t.Fatalf("round trip: %v", got)
	}
	if _, err := r.ReadQuad(); err == nil {
		t.Fatal("an extra quad was injected")
	}
}

func TestExportFormats(t *testing.T) {
	ctx := context.Background()
	st, _ := openTemp(t, LevelDB)
	qs := []quad.Quad{q("s:1", "p:name", "one", "doc:a"), q("s:2", "p:name", "two, \"2\"", "doc:a")}
	if _, err := st.ReplaceLabel(ctx, quad.IRI("doc:a"), qs); err != nil {
		t.Fatal(err)
	}
	for _, f := range ExportFormats {
		var buf bytes.Buffer
		n, err := st.Export(ctx, &buf, f)
		if err != nil || n != 2 || buf.Len() == 0 {
			t.Fatalf("%s: n=%d err=%v len=%d", f, n, err, buf.Len())
		}
	}
	if _, err := st.Export(ctx, &bytes.Buffer{}, "xml"); err == nil {
		t.Fatal("unknown format accepted")
	}
}

// A build killed while it created the store leaves LevelDB files without
// Cayley's metadata: opening it says so and what to do, and the next
// build initialises it. (Two directories: Cayley keeps the LevelDB files
// of a failed open locked until the process ends, as the CLI's does.)
func TestUninitialisedStore(t *testing.T) {
	uninitialised := func() string {
		dir := t.TempDir() + "/db"
		db, err := leveldb.OpenFile(dir, nil)
		if err != nil {
			t.Fatal(err)
		}
		db.Close()
		if err := writeBackendMarker(dir, LevelDB); err != nil {
			t.Fatal(err)
		}
		return dir
	}
	_, err := Open(context.Background(), Config{Path: uninitialised(), ReadOnly: true})
	if err == nil || !strings.Contains(err.Error(), "holds no graph yet") || !strings.Contains(err.Error(), "factgraph build --db") {
		t.Fatalf("read-only open of an uninitialised store: %v", err)
	}
	dir := uninitialised()
	st, err := Open(context.Background(), Config{Path: dir})
	if err != nil {
		t.Fatalf("a writable open initialises it: %v", err)
	}
	st.Close()
	st, err = Open(context.Background(), Config{Path: dir, ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	st.Close()
}
