package coref

import (
	"context"
	"fmt"
)

// Resolver finds and links mentions in tokenised documents.
type Resolver struct {
	an    *annotator
	model *Model
}

// NewResolver returns a resolver with the shipped models.
func NewResolver() (*Resolver, error) {
	m, err := DefaultModel()
	if err != nil {
		return nil, err
	}
	return NewResolverWith(m)
}

// NewResolverWith returns a resolver with the shipped tagger, parser and
// recognizer and the given coreference model.
func NewResolverWith(m *Model) (*Resolver, error) {
	an, err := defaultAnnotator()
	if err != nil {
		return nil, err
	}
	return &Resolver{an: an, model: m}, nil
}

// Resolve returns the coreference chains of a document: chains of two or
// more mentions, as in the OntoNotes scheme.
func (r *Resolver) Resolve(ctx context.Context, d *Document) (Clusters, error) {
	if len(d.Tokens) == 0 {
		return nil, nil
	}
	di, err := r.an.prepare(ctx, d)
	if err != nil {
		return nil, err
	}
	ms := detectMentions(di, r.model.score)
	ante := rank(newDocContext(di, ms, r.model.cls), r.model.score, nil)
	return chains(ms, ante), nil
}

// maxBack is how many mentions back any mention looks for an antecedent;
// names and nominals look further for ones sharing their head.
const maxBack = 60

// candidates are the possible antecedents of mention j, nearest first.
func (dc *docContext) candidates(j int, out []int) []int {
	out = out[:0]
	m := dc.ms[j]
	for i := j - 1; i >= 0; i-- {
		a := dc.ms[i]
		if a.End >= m.End && a.headTok != m.headTok {
			continue // i-within-i: "his" in "his wife" is not the wife
		}
		if j-i <= maxBack {
			out = append(out, i)
			continue
		}
		if m.kind != pronoun && a.kind != pronoun && (a.lemma == m.lemma || a.key == m.key ||
			a.kind == name && m.kind == name && a.words[len(a.words)-1] == m.words[len(m.words)-1]) {
			out = append(out, i)
		}
	}
	return out
}

// scorer scores a feature vector.
type scorer func(feats) float64

// rank chooses for each mention its best antecedent, or -1 to start a new
// entity. decide, when not nil, is called for each mention with its
// candidates and their features (training uses it to update the model and
// may override the choice).
func rank(dc *docContext, score scorer, decide func(j int, cands []int, fs []feats, best int) int) []int {
	ante := make([]int, len(dc.ms))
	var cands []int
	fs := make([]feats, 0, maxBack+1)
	for j, m := range dc.ms {
		cands = dc.candidates(j, cands)
		for len(fs) < len(cands)+1 {
			fs = append(fs, nil)
		}
		fs = fs[:len(cands)+1]
		fs[0] = fs[0][:0]
		dc.newFeats(j, &fs[0])
		best, bestScore := -1, score(fs[0])
		for k, i := range cands {
			fs[k+1] = fs[k+1][:0]
			dc.pairFeats(i, j, &fs[k+1])
			dc.entityFeats(i, j, &fs[k+1])
			if s := score(fs[k+1]); s > bestScore {
				best, bestScore = i, s
			}
		}
		if decide != nil {
			best = decide(j, cands, fs, best)
		}
		ante[j] = best
		dc.join(j, best)
		if m.kind != pronoun {
			dc.byKey[m.key] = j
			dc.byHead[m.lemma] = j
		}
	}
	return ante
}

// chains turns antecedent links into chains of two or more mentions, in
// order of their first mention.
func chains(ms []*mention, ante []int) Clusters {
	id := make([]int, len(ms))
	var cs Clusters
	for j, a := range ante {
		if a < 0 {
			id[j] = len(cs)
			cs = append(cs, []Mention{ms[j].Mention})
			continue
		}
		id[j] = id[a]
		cs[id[j]] = append(cs[id[j]], ms[j].Mention)
	}
	out := cs[:0]
	for _, c := range cs {
		if len(c) > 1 {
			out = append(out, dedupe(c))
		}
	}
	return out
}

func (m *mention) String() string { return fmt.Sprintf("%v %q", m.Mention, m.words) }
