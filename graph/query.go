package graph

import (
	"context"
	"errors"
	"fmt"

	"github.com/cayleygraph/cayley/query"
	_ "github.com/cayleygraph/cayley/query/gizmo"   // registers "gizmo"
	_ "github.com/cayleygraph/cayley/query/graphql" // registers "graphql"
)

// DefaultLimit caps query results when the caller sets no limit.
const DefaultLimit = 1000

// Query runs a query in lang ("gizmo" or "graphql") and returns its results
// as JSON-ready values. A Gizmo session is not reusable, so each call makes
// its own. limit ≤ 0 means DefaultLimit.
func (s *Store) Query(ctx context.Context, lang, text string, limit int) ([]any, error) {
	l := query.GetLanguage(lang)
	if l == nil || l.Session == nil {
		return nil, fmt.Errorf("unknown query language %q (use gizmo or graphql)", lang)
	}
	if limit <= 0 {
		limit = DefaultLimit
	}
	ses := l.Session(s.qs)
	it, err := ses.Execute(ctx, text, query.Options{Collation: query.JSON, Limit: limit})
	if err != nil {
		return nil, fmt.Errorf("query: %w", err)
	}
	defer it.Close()
	out := []any{}
	for it.Next(ctx) {
		out = append(out, it.Result())
		if len(out) >= limit {
			break
		}
	}
	if err := it.Err(); err != nil {
		if errors.Is(err, context.DeadlineExceeded) {
			return out, fmt.Errorf("query timed out after %d results: %w", len(out), err)
		}
		return out, fmt.Errorf("query: %w", err)
	}
	return out, nil
}
