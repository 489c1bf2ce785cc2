package graph

import (
	"context"
	"fmt"
	"sort"

	cgraph "github.com/cayleygraph/cayley/graph"
	"github.com/cayleygraph/quad"
)

// Change counts what a document write did.
type Change struct {
	Added, Removed int
}

// LabelQuads returns every quad whose label is label.
func (s *Store) LabelQuads(ctx context.Context, label quad.Value) ([]quad.Quad, error) {
	ref := s.qs.ValueOf(label)
	if ref == nil {
		return nil, nil
	}
	it := s.qs.QuadIterator(quad.Label, ref)
	defer it.Close()
	var out []quad.Quad
	for it.Next(ctx) {
		out = append(out, s.qs.Quad(it.Result()))
	}
	if err := it.Err(); err != nil {
		return nil, fmt.Errorf("read quads of %s: %w", label, err)
	}
	return out, nil
}

// LabelSet is the complete set of quads one label (document) should hold.
type LabelSet struct {
	Label quad.Value
	Quads []quad.Quad
}

// ReplaceLabel makes the quads labelled label exactly quads, in one
// transaction: quads no longer produced are removed, new ones added, the
// unchanged ones left alone. Every quad in quads must carry label. The
// store never holds half of a document: on the disk backends the change is
// one key-value transaction, on PostgreSQL one SQL transaction.
func (s *Store) ReplaceLabel(ctx context.Context, label quad.Value, quads []quad.Quad) (Change, error) {
	return s.ReplaceLabels(ctx, []LabelSet{{Label: label, Quads: quads}})
}

// ReplaceLabels replaces several labels' quads in a single transaction, so
// that a bulk build pays for one commit (and one fsync) per batch while
// every document in it is still written whole or not at all.
func (s *Store) ReplaceLabels(ctx context.Context, sets []LabelSet) (Change, error) {
	for _, set := range sets {
		for _, q := range set.Quads {
			if q.Label != set.Label {
				return Change{}, fmt.Errorf("quad %s does not carry label %s", q.NQuad(), set.Label)
			}
		}
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	if err := ctx.Err(); err != nil {
		return Change{}, err
	}
	tx := cgraph.NewTransaction()
	var ch Change
	for _, set := range sets {
		old, err := s.LabelQuads(ctx, set.Label)
		if err != nil {
			return Change{}, err
		}
		have := make(map[string]struct{}, len(old))
		for _, q := range old {
			have[q.NQuad()] = struct{}{}
		}
		want := make(map[string]struct{}, len(set.Quads))
		for _, q := range set.Quads {
			k := q.NQuad()
			if _, dup := want[k]; dup {
				continue
			}
			want[k] = struct{}{}
			if _, ok := have[k]; !ok {
				tx.AddQuad(q)
				ch.Added++
			}
		}
		for _, q := range old {
			if _, ok := want[q.NQuad()]; !ok {
				tx.RemoveQuad(q)
				ch.Removed++
			}
		}
	}
	if len(tx.Deltas) == 0 {
		return ch, nil
	}
	if err := s.qs.ApplyDeltas(tx.Deltas, cgraph.IgnoreOpts{IgnoreDup: true, IgnoreMissing: true}); err != nil {
		return Change{}, fmt.Errorf("write quads of %d document(s): %w", len(sets), err)
	}
	return ch, nil
}

// DeleteLabel removes every quad labelled label, in one transaction.
func (s *Store) DeleteLabel(ctx context.Context, label quad.Value) (int, error) {
	ch, err := s.ReplaceLabel(ctx, label, nil)
	return ch.Removed, err
}

// Labels lists the distinct labels in the store (the document IRIs), sorted.
func (s *Store) Labels(ctx context.Context) ([]quad.Value, error) {
	it := s.qs.QuadsAllIterator()
	defer it.Close()
	seen := map[string]quad.Value{}
	for it.Next(ctx) {
		l := s.qs.QuadDirection(it.Result(), quad.Label)
		if l == nil {
			continue
		}
		v := s.qs.NameOf(l)
		if v == nil {
			continue
		}
		k := v.String()
		if _, ok := seen[k]; !ok {
			seen[k] = v
		}
	}
	if err := it.Err(); err != nil {
		return nil, fmt.Errorf("list labels: %w", err)
	}
	keys := make([]string, 0, len(seen))
	for k := range seen {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	out := make([]quad.Value, len(keys))
	for i, k := range keys {
		out[i] = seen[k]
	}
	return out, nil
}

// Stats reports the store's node and quad counts.
func (s *Store) Stats(ctx context.Context) (cgraph.Stats, error) {
	st, err := s.qs.Stats(ctx, true)
	if err != nil {
		return st, fmt.Errorf("store stats: %w", err)
	}
	return st, nil
}

// EachQuad calls fn for every quad in the store, in the backend's order.
func (s *Store) EachQuad(ctx context.Context, fn func(quad.Quad) error) error {
	it := s.qs.QuadsAllIterator()
	defer it.Close()
	for it.Next(ctx) {
		if err := fn(s.qs.Quad(it.Result())); err != nil {
			return err
		}
	}
	if err := it.Err(); err != nil {
		return fmt.Errorf("read quads: %w", err)
	}
	return ctx.Err()
}
