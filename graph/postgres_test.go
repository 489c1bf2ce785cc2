package graph

import (
	"context"
	"database/sql"
	"fmt"
	"net/url"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/cayleygraph/quad"
	_ "github.com/lib/pq"
)

// postgresURL returns a connection string to a fresh database on the server
// named by FACTGRAPH_TEST_POSTGRES (which .ci/run starts), or skips.
func postgresURL(t *testing.T) string {
	t.Helper()
	base := os.Getenv("FACTGRAPH_TEST_POSTGRES")
	if base == "" {
		t.Skip("FACTGRAPH_TEST_POSTGRES is not set; .ci/run starts a PostgreSQL server and sets it")
	}
	db, err := sql.Open("postgres", base)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	name := fmt.Sprintf("factgraph_t%d", time.Now().UnixNano())
	if _, err := db.Exec("CREATE DATABASE " + name); err != nil {
		t.Fatalf("create test database: %v", err)
	}
	t.Cleanup(func() {
		db, err := sql.Open("postgres", base)
		if err == nil {
			db.Exec("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)")
			db.Close()
		}
	})
	u, err := url.Parse(base)
	if err != nil {
		t.Fatal(err)
	}
	u.Path = "/" + name
	return u.String()
}

func TestPostgresBackend(t *testing.T) {
	ctx := context.Background()
	conn := postgresURL(t)
	st, err := Open(ctx, Config{Backend: Postgres, Path: conn})
	if err != nil {
		t.Fatalf("open postgres: %v", err)
	}
	a := []quad.Quad{q("s:1", "p:name", "one", "doc:a"), q("s:2", "p:name", "two", "doc:a")}
	b := []quad.Quad{q("s:1", "p:name", "one", "doc:b")}
	if _, err := st.ReplaceLabels(ctx, []LabelSet{{quad.IRI("doc:a"), a}, {quad.IRI("doc:b"), b}}); err != nil {
		t.Fatal(err)
	}
	a2 := []quad.Quad{a[0], q("s:3", "p:name", "three", "doc:a")}
	if ch, err := st.ReplaceLabel(ctx, quad.IRI("doc:a"), a2); err != nil || ch.Added != 1 || ch.Removed != 1 {
		t.Fatalf("edit: %+v %v", ch, err)
	}
	rows, err := st.Query(ctx, "gizmo", `g.V("<s:3>").Out("<p:name>").All()`, 10)
	if err != nil || len(rows) != 1 || !strings.Contains(fmt.Sprint(rows[0]), "three") {
		t.Fatalf("gizmo on postgres: %v %v", rows, err)
	}
	if n, err := st.DeleteLabel(ctx, quad.IRI("doc:a")); err != nil || n != 2 {
		t.Fatalf("delete: %d %v", n, err)
	}
	st.Close()
	// Reopen: the data persisted, and opening an existing database works.
	st, err = Open(ctx, Config{Backend: Postgres, Path: conn})
	if err != nil {
		t.Fatalf("reopen: %v", err)
	}
	defer st.Close()
	var all []quad.Quad
	st.EachQuad(ctx, func(q quad.Quad) error { all = append(all, q); return nil })
	if len(all) != 1 || all[0] != b[0] {
		t.Fatalf("after reopen: %v", all)
	}
}

func TestRedact(t *testing.T) {
	if got := redact("postgres://u:secret@h/db"); strings.Contains(got, "secret") {
		t.Fatal(got)
	}
}
