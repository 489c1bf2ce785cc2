package graph

import (
	"context"
	"fmt"
	"sort"
	"strings"

	"github.com/cayleygraph/quad"

	"github.com/factgraph/factgraph/extract/resolve"
	"github.com/factgraph/factgraph/schema"
)

// EntityInfo is an entity as the store holds it, merged over every
// document that mentions it.
type EntityInfo struct {
	Key     string   `json:"key"`
	IRI     string   `json:"id"`
	Type    string   `json:"type"`
	Names   []string `json:"names"` // canonical names (one unless documents disagree)
	Aliases []string `json:"aliases"`
	Docs    []string `json:"docs"`
	// Statements counts the statements with the entity as subject or
	// object.
	Statements int `json:"statements"`
}

// Name is the entity's canonical name: the first of Names.
func (e *EntityInfo) Name() string {
	if len(e.Names) == 0 {
		return ""
	}
	return e.Names[0]
}

// entityPrefix is the IRI prefix of entities.
var entityPrefix = strings.TrimSuffix(string(schema.EntityIRI("x/y")), "x/y")

// eachWithPredicate calls fn for every quad with predicate p, through the
// backend's predicate index: linear in the number of such quads.
func (s *Store) eachWithPredicate(ctx context.Context, p quad.IRI, fn func(quad.Quad)) error {
	ref := s.qs.ValueOf(p)
	if ref == nil {
		return nil
	}
	it := s.qs.QuadIterator(quad.Predicate, ref)
	defer it.Close()
	for it.Next(ctx) {
		fn(s.qs.Quad(it.Result()))
	}
	if err := it.Err(); err != nil {
		return fmt.Errorf("read %s quads: %w", p, err)
	}
	return ctx.Err()
}

// Entities lists every entity of the store with its type, names, aliases,
// documents and statement count, sorted by key. It reads only the entity
// and statement-argument predicates (one pass each), so its cost is linear
// in the number of entities and statements.
func (s *Store) Entities(ctx context.Context) ([]EntityInfo, error) {
	byIRI := map[string]*EntityInfo{}
	get := func(v quad.Value) *EntityInfo {
		iri, ok := v.(quad.IRI)
		if !ok || !strings.HasPrefix(string(iri), entityPrefix) {
			return nil
		}
		e := byIRI[string(iri)]
		if e == nil {
			e = &EntityInfo{IRI: string(iri), Key: strings.TrimPrefix(string(iri), entityPrefix)}
			byIRI[string(iri)] = e
		}
		return e
	}
	str := func(v quad.Value) string {
		if s, ok := v.(quad.String); ok {
			return string(s)
		}
		return quad.StringOf(v)
	}
	steps := []struct {
		p  quad.IRI
		fn func(e *EntityInfo, q quad.Quad)
	}{
		{schema.EntityType, func(e *EntityInfo, q quad.Quad) { e.Type = str(q.Object) }},
		{schema.Name, func(e *EntityInfo, q quad.Quad) { e.Names = append(e.Names, str(q.Object)) }},
		{schema.AlternateName, func(e *EntityInfo, q quad.Quad) { e.Aliases = append(e.Aliases, str(q.Object)) }},
		{schema.MentionedIn, func(e *EntityInfo, q quad.Quad) {
			if iri, ok := q.Object.(quad.IRI); ok {
				e.Docs = append(e.Docs, schema.DocID(iri))
			}
		}},
	}
	for _, st := range steps {
		err := s.eachWithPredicate(ctx, st.p, func(q quad.Quad) {
			if e := get(q.Subject); e != nil {
				st.fn(e, q)
			}
		})
		if err != nil {
			return nil, err
		}
	}
	for _, p := range []quad.IRI{schema.StmtSubject, schema.StmtObject} {
		err := s.eachWithPredicate(ctx, p, func(q quad.Quad) {
			if iri, ok := q.Object.(quad.IRI); ok {
				if e := byIRI[string(iri)]; e != nil {
					e.Statements++
				}
			}
		})
		if err != nil {
			return nil, err
		}
	}
	out := make([]EntityInfo, 0, len(byIRI))
	for _, e := range byIRI {
		if e.Type == "" {
			continue // an IRI in the entity namespace that no document describes
		}
		e.Names = uniqueSorted(e.Names)
		e.Aliases = uniqueSorted(e.Aliases)
		e.Docs = uniqueSorted(e.Docs)
		out = append(out, *e)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Key < out[j].Key })
	return out, nil
}

func uniqueSorted(s []string) []string {
	sort.Strings(s)
	out := s[:0]
	for i, v := range s {
		if i == 0 || v != s[i-1] {
			out = append(out, v)
		}
	}
	return out
}

// AliasIndex finds the store's entities by normalised alias
// (resolve.AliasKey: case, accents, punctuation and transliteration
// variants folded), so that a new article resolves against the entities
// already built. It is a snapshot of the store when it was made: a build
// resolves every document against the same state, whatever the order
// its workers finish in. It satisfies resolve.Index and is safe for
// concurrent use.
type AliasIndex struct {
	ents  []resolve.Known
	byKey map[string][]int32
}

// AliasIndex reads the store's entities into an alias index, in time
// linear in the number of entities and their aliases.
func (s *Store) AliasIndex(ctx context.Context) (*AliasIndex, error) {
	ents, err := s.Entities(ctx)
	if err != nil {
		return nil, fmt.Errorf("alias index: %w", err)
	}
	ix := &AliasIndex{ents: make([]resolve.Known, 0, len(ents)), byKey: map[string][]int32{}}
	for _, e := range ents {
		k := resolve.Known{Key: e.Key, Name: e.Name(), Type: e.Type, Aliases: e.Aliases, Docs: e.Docs}
		i := int32(len(ix.ents))
		ix.ents = append(ix.ents, k)
		for _, key := range resolve.AliasKeys(e.Type, append(append([]string{}, e.Names...), e.Aliases...)...) {
			ix.byKey[key] = append(ix.byKey[key], i)
		}
	}
	return ix, nil
}

// Len is the number of entities in the index.
func (ix *AliasIndex) Len() int { return len(ix.ents) }

// EntitiesByAlias returns the entities one of whose names has the alias
// key key.
func (ix *AliasIndex) EntitiesByAlias(_ context.Context, key string) ([]resolve.Known, error) {
	ids := ix.byKey[key]
	out := make([]resolve.Known, len(ids))
	for i, id := range ids {
		out[i] = ix.ents[id]
	}
	return out, nil
}
