package graph

import (
	"context"
	"fmt"
	"sort"
	"strings"
	"sync"

	"github.com/cayleygraph/quad"

	"github.com/factgraph/factgraph/extract"
	"github.com/factgraph/factgraph/extract/resolve"
	"github.com/factgraph/factgraph/schema"
)

// EntityInfo is an entity as the store holds it, merged over every
// document that mentions it.
type EntityInfo struct {
	Key     string   `json:"key"`
	IRI     string   `json:"id"`
	Type    string   `json:"type"`
	Names   []string `json:"names"` // canonical names (one unless documents disagree), the preferred first
	Aliases []string `json:"aliases"`
	Docs    []string `json:"docs"`
	// Statements counts the statements with the entity as subject or
	// object.
	Statements int `json:"statements"`
}

// byPreference returns the distinct names, the best canonical name first
// (resolve.BetterName: the cleanest written, then the one most documents
// give, then sort order).
func byPreference(names []string) []string {
	count := map[string]int{}
	for _, n := range names {
		count[n]++
	}
	out := uniqueSorted(names)
	sort.SliceStable(out, func(i, j int) bool { return resolve.BetterName(out[i], count[out[i]], out[j], count[out[j]]) })
	return out
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
		e.Names = byPreference(e.Names)
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
// already built. It holds what each document contributed (the entities it
// names, with their names and aliases), read from the store's document
// labels: a build replaces a document's contribution with Add as it
// writes the document, so that every later document of the build resolves
// against it, in input order, as if the documents had been built one at a
// time. It satisfies resolve.Index and is safe for concurrent use; the
// Known values it returns are not modified afterwards.
type AliasIndex struct {
	mu      sync.Mutex
	ents    map[string]*indexEntity // entity key →
	byAlias map[string][]posting    // alias key → entities with postings
	docs    map[string][]docEntity  // document → its entities
}

// posting counts how many (document, name) pairs give a string to an
// entity: an alias key's entities, an entity's names and aliases. The
// lists are short; slices keep the index small for the garbage collector.
type posting struct {
	s string
	n int32
}

// inc and dec add and remove one posting of s.
func inc(ps []posting, s string) []posting {
	for i := range ps {
		if ps[i].s == s {
			ps[i].n++
			return ps
		}
	}
	return append(ps, posting{s, 1})
}

func dec(ps []posting, s string) []posting {
	for i := range ps {
		if ps[i].s == s {
			if ps[i].n--; ps[i].n <= 0 {
				ps = append(ps[:i], ps[i+1:]...)
			}
			return ps
		}
	}
	return ps
}

// indexEntity is one entity of the index, merged over its documents.
type indexEntity struct {
	typ     string
	names   []posting      // canonical names and the documents giving them
	aliases []posting      // aliases and the documents giving them
	docs    []string       // sorted; replaced, never modified in place
	known   *resolve.Known // cached answer, nil when stale
}

// docEntity is an entity as one document names it.
type docEntity struct {
	key, typ, name string
	aliases        []string
	aliasKeys      []string
}

// NewAliasIndex returns an empty index.
func NewAliasIndex() *AliasIndex {
	return &AliasIndex{ents: map[string]*indexEntity{}, byAlias: map[string][]posting{}, docs: map[string][]docEntity{}}
}

// AliasIndex reads the store's entities into an alias index, document by
// document, in one pass over the entity-type, name and alias quads: time
// linear in the number of entities and their aliases.
func (s *Store) AliasIndex(ctx context.Context) (*AliasIndex, error) {
	type de struct {
		typ, name string
		aliases   []string
	}
	perDoc := map[string]map[string]*de{} // doc → entity key → entity
	get := func(q quad.Quad) *de {
		iri, ok := q.Subject.(quad.IRI)
		if !ok || !strings.HasPrefix(string(iri), entityPrefix) {
			return nil
		}
		label, ok := q.Label.(quad.IRI)
		if !ok {
			return nil
		}
		doc := schema.DocID(label)
		key := strings.TrimPrefix(string(iri), entityPrefix)
		m := perDoc[doc]
		if m == nil {
			m = map[string]*de{}
			perDoc[doc] = m
		}
		e := m[key]
		if e == nil {
			e = &de{}
			m[key] = e
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
		fn func(e *de, v quad.Value)
	}{
		{schema.EntityType, func(e *de, v quad.Value) { e.typ = str(v) }},
		{schema.Name, func(e *de, v quad.Value) { e.name = str(v) }},
		{schema.AlternateName, func(e *de, v quad.Value) { e.aliases = append(e.aliases, str(v)) }},
	}
	for _, st := range steps {
		err := s.eachWithPredicate(ctx, st.p, func(q quad.Quad) {
			if e := get(q); e != nil {
				st.fn(e, q.Object)
			}
		})
		if err != nil {
			return nil, fmt.Errorf("alias index: %w", err)
		}
	}
	ix := NewAliasIndex()
	for doc, m := range perDoc {
		ents := make([]extract.Entity, 0, len(m))
		for key, e := range m {
			if e.typ == "" {
				continue
			}
			sort.Strings(e.aliases)
			ents = append(ents, extract.Entity{Key: key, Type: e.typ, Name: e.name, Aliases: e.aliases})
		}
		ix.Add(doc, ents)
	}
	return ix, nil
}

// Add replaces what document doc contributes to the index by ents (its
// resolved entities); no entities removes the document.
func (ix *AliasIndex) Add(doc string, ents []extract.Entity) {
	des := make([]docEntity, 0, len(ents))
	for _, e := range ents {
		if e.Key == "" || e.Type == "" {
			continue
		}
		names := append([]string{e.Name}, e.Aliases...)
		des = append(des, docEntity{key: e.Key, typ: e.Type, name: e.Name, aliases: e.Aliases,
			aliasKeys: resolve.AliasKeys(e.Type, names...)})
	}
	ix.mu.Lock()
	defer ix.mu.Unlock()
	for _, de := range ix.docs[doc] {
		ix.remove(doc, de)
	}
	delete(ix.docs, doc)
	if len(des) == 0 {
		return
	}
	ix.docs[doc] = des
	for _, de := range des {
		e := ix.ents[de.key]
		if e == nil {
			e = &indexEntity{typ: de.typ}
			ix.ents[de.key] = e
		}
		e.known = nil
		e.typ = de.typ
		if de.name != "" {
			e.names = inc(e.names, de.name)
		}
		for _, a := range de.aliases {
			e.aliases = inc(e.aliases, a)
		}
		i := sort.SearchStrings(e.docs, doc)
		if i == len(e.docs) || e.docs[i] != doc {
			docs := make([]string, 0, len(e.docs)+1)
			docs = append(append(append(docs, e.docs[:i]...), doc), e.docs[i:]...)
			e.docs = docs
		}
		for _, k := range de.aliasKeys {
			ix.byAlias[k] = inc(ix.byAlias[k], de.key)
		}
	}
}

// remove takes one document's entity out of the index (ix.mu held).
func (ix *AliasIndex) remove(doc string, de docEntity) {
	e := ix.ents[de.key]
	if e == nil {
		return
	}
	e.known = nil
	if de.name != "" {
		e.names = dec(e.names, de.name)
	}
	for _, a := range de.aliases {
		e.aliases = dec(e.aliases, a)
	}
	if i := sort.SearchStrings(e.docs, doc); i < len(e.docs) && e.docs[i] == doc {
		docs := make([]string, 0, len(e.docs)-1)
		e.docs = append(append(docs, e.docs[:i]...), e.docs[i+1:]...)
	}
	for _, k := range de.aliasKeys {
		if ps := dec(ix.byAlias[k], de.key); len(ps) == 0 {
			delete(ix.byAlias, k)
		} else {
			ix.byAlias[k] = ps
		}
	}
	if len(e.docs) == 0 {
		delete(ix.ents, de.key)
	}
}

// Len is the number of entities in the index.
func (ix *AliasIndex) Len() int {
	ix.mu.Lock()
	defer ix.mu.Unlock()
	return len(ix.ents)
}

// EntitiesByAlias returns the entities one of whose names has the alias
// key key, sorted by entity key. An entity's Name is its preferred
// canonical name (as Store.Entities gives it first: resolve.BetterName
// over the documents giving each), its Docs are sorted.
func (ix *AliasIndex) EntitiesByAlias(_ context.Context, key string) ([]resolve.Known, error) {
	ix.mu.Lock()
	defer ix.mu.Unlock()
	ps := ix.byAlias[key]
	if len(ps) == 0 {
		return nil, nil
	}
	keys := make([]string, 0, len(ps))
	for _, p := range ps {
		keys = append(keys, p.s)
	}
	sort.Strings(keys)
	out := make([]resolve.Known, 0, len(keys))
	for _, k := range keys {
		e := ix.ents[k]
		if e == nil {
			continue
		}
		if e.known == nil {
			kn := &resolve.Known{Key: k, Type: e.typ, Docs: e.docs}
			best := 0
			for _, n := range e.names {
				if kn.Name == "" || resolve.BetterName(n.s, int(n.n), kn.Name, best) {
					kn.Name, best = n.s, int(n.n)
				}
			}
			kn.Aliases = make([]string, 0, len(e.aliases))
			for _, a := range e.aliases {
				kn.Aliases = append(kn.Aliases, a.s)
			}
			sort.Strings(kn.Aliases)
			e.known = kn
		}
		out = append(out, *e.known)
	}
	return out, nil
}
