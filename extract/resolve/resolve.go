// Package resolve groups a document's mentions into entities and points fact
// arguments at them. This first resolver works within one document: exact
// names, a surname after the full name ("Peskov" after "Dmitry Peskov"),
// and case and punctuation variants share an entity; the entity's key is
// its type and canonical (longest) name, so the same name gives the same
// node across documents and builds.
package resolve

import (
	"context"
	"sort"
	"strings"
	"unicode"

	"github.com/factgraph/factgraph/extract"
	"github.com/factgraph/factgraph/schema"
)

// entityTypes are the mention types that become entities; values (dates,
// money…) stay literals.
var entityTypes = map[string]bool{
	"PERSON": true, "ORG": true, "GPE": true, "LOC": true, "NORP": true, "EVENT": true, "WORK": true,
}

// Resolver is the within-document resolver. The zero value is ready.
type Resolver struct{}

type cluster struct {
	typ   string
	names map[string]int // surface form → count
	first int            // first mention offset, for stable order
	key   string
	canon string
}

// normName folds case and punctuation: "U.S." and "US" compare equal.
func normName(s string) string {
	var b strings.Builder
	space := false
	for _, r := range s {
		switch {
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			if space && b.Len() > 0 {
				b.WriteByte(' ')
			}
			space = false
			b.WriteRune(unicode.ToLower(r))
		case r == '.' || r == '\'' || r == '’':
		default:
			space = true
		}
	}
	return b.String()
}

// cleanName trims what is not part of a name from a mention's text:
// surrounding punctuation and white space ("‘.: Putin" → "Putin") and a
// leading article ("The Kremlin" → "Kremlin").
func cleanName(s string) string {
	s = strings.TrimFunc(s, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) })
	for _, art := range []string{"the ", "The ", "THE "} {
		if strings.HasPrefix(s, art) && len(s) > len(art) {
			s = s[len(art):]
		}
	}
	return s
}

// Resolve implements the pipeline's Resolver.
func (Resolver) Resolve(ctx context.Context, res *extract.Result) error {
	byName := map[string]*cluster{} // type + normalised name → cluster
	var clusters []*cluster
	idx := make([]int, len(res.Mentions))
	for i := range idx {
		idx[i] = i
	}
	// Longer names first, so that surnames find their full names.
	sort.SliceStable(idx, func(a, b int) bool {
		ma, mb := res.Mentions[idx[a]], res.Mentions[idx[b]]
		la, lb := len(strings.Fields(ma.Text)), len(strings.Fields(mb.Text))
		if la != lb {
			return la > lb
		}
		return ma.Start < mb.Start
	})
	assign := make([]*cluster, len(res.Mentions))
	for _, i := range idx {
		m := &res.Mentions[i]
		if !entityTypes[m.Type] {
			continue
		}
		name := cleanName(m.Text)
		n := normName(name)
		if n == "" {
			continue
		}
		c := byName[m.Type+"|"+n]
		if c == nil && m.Type == "PERSON" && !strings.Contains(n, " ") {
			// A lone surname (or first name) joins the one person whose
			// name ends (or starts) with it.
			var found *cluster
			for _, cand := range clusters {
				if cand.typ != "PERSON" {
					continue
				}
				for name := range cand.names {
					parts := strings.Fields(normName(name))
					if len(parts) > 1 && (parts[len(parts)-1] == n || parts[0] == n) {
						if found != nil && found != cand {
							found = nil
							goto ambiguous
						}
						found = cand
					}
				}
			}
		ambiguous:
			c = found
		}
		if c == nil {
			c = &cluster{typ: m.Type, names: map[string]int{}, first: m.Start}
			clusters = append(clusters, c)
		}
		if m.Start < c.first {
			c.first = m.Start
		}
		c.names[name]++
		byName[m.Type+"|"+n] = c
		assign[i] = c
	}
	sort.SliceStable(clusters, func(a, b int) bool { return clusters[a].first < clusters[b].first })
	res.Entities = res.Entities[:0]
	seen := map[string]int{}
	for _, c := range clusters {
		c.canon = canonical(c.names)
		c.key = schema.EntityKey(c.typ, c.canon)
		aliases := make([]string, 0, len(c.names))
		for n := range c.names {
			aliases = append(aliases, n)
		}
		sort.Strings(aliases)
		if j, ok := seen[c.key]; ok {
			e := &res.Entities[j]
			e.Aliases = mergeSorted(e.Aliases, aliases)
			continue
		}
		seen[c.key] = len(res.Entities)
		res.Entities = append(res.Entities, extract.Entity{Key: c.key, Name: c.canon, Type: c.typ, Aliases: aliases})
	}
	for i, c := range assign {
		if c != nil {
			res.Mentions[i].Entity = c.key
		}
	}
	// Point fact arguments at the mention they cover.
	for i := range res.Facts {
		if err := ctx.Err(); err != nil {
			return err
		}
		f := &res.Facts[i]
		linkArg(&f.Subject, res.Mentions)
		if !f.Object.Literal {
			linkArg(&f.Object, res.Mentions)
		}
	}
	return nil
}

// linkArg sets a.Entity to the entity of the mention covering a's span.
func linkArg(a *extract.Arg, mentions []extract.Mention) {
	if a.Entity != "" || a.End <= a.Start {
		return
	}
	for _, m := range mentions {
		if m.Entity != "" && m.Start <= a.Start && a.End <= m.End || m.Entity != "" && a.Start <= m.Start && m.End <= a.End && m.Start == a.Start {
			a.Entity = m.Entity
			a.Type = m.Type
			return
		}
	}
}

// canonical picks the most complete name: most words, then most frequent,
// then alphabetical.
func canonical(names map[string]int) string {
	best := ""
	for n, c := range names {
		if best == "" {
			best = n
			continue
		}
		wn, wb := len(strings.Fields(n)), len(strings.Fields(best))
		if wn > wb || wn == wb && (c > names[best] || c == names[best] && n < best) {
			best = n
		}
	}
	return best
}

func mergeSorted(a, b []string) []string {
	set := map[string]bool{}
	for _, s := range a {
		set[s] = true
	}
	for _, s := range b {
		set[s] = true
	}
	out := make([]string, 0, len(set))
	for s := range set {
		out = append(out, s)
	}
	sort.Strings(out)
	return out
}
