package coref

import (
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
)

// GUMDir is the GUM CoNLL folder (typed entity brackets, singletons
// included) under the shared data folder.
const GUMDir = "gum-coref/gum/conll"

// classNames are GUM's entity types, the semantic classes of mentions.
const numClasses = 11

var classNames = [numClasses]string{"", "person", "place", "organization", "object", "event", "time", "substance", "animal", "plant", "abstract"}

const (
	clsPerson = 1
	clsPlace  = 2
	clsOrg    = 3
	clsEvent  = 5
	clsTime   = 6
)

// nerClass maps the recognizer's types to GUM classes.
var nerClass = map[string]uint8{
	"PERSON": clsPerson, "PER": clsPerson, "GPE": clsPlace, "LOC": clsPlace, "FAC": clsPlace,
	"ORG": clsOrg, "EVENT": clsEvent, "DATE": clsTime, "TIME": clsTime,
}

// typedMentions reads GUM's typed brackets ("(place-9-Portsmouth",
// "person-6)") of a document's last column: each mention with its type.
func typedMentions(d *Document) map[Mention]string {
	open := map[string][]int{}
	out := map[Mention]string{}
	for _, l := range d.Lines {
		if l.Token < 0 || len(l.Cols) < 3 {
			continue
		}
		col := l.Cols[len(l.Cols)-1]
		if col == "_" || col == "-" {
			continue
		}
		for _, part := range bracketRe.FindAllString(col, -1) {
			opens, closes := strings.HasPrefix(part, "("), strings.HasSuffix(part, ")")
			id := strings.TrimSuffix(strings.TrimPrefix(part, "("), ")")
			typ, _, ok := strings.Cut(id, "-")
			if !ok {
				continue
			}
			switch {
			case opens && closes:
				out[Mention{l.Token, l.Token}] = typ
			case opens:
				open[id] = append(open[id], l.Token)
			case closes:
				if st := open[id]; len(st) > 0 {
					out[Mention{st[len(st)-1], l.Token}] = typ
					open[id] = st[:len(st)-1]
				}
			}
		}
	}
	return out
}

// learnClasses counts, over the GUM versions of the training documents,
// the entity types of mentions by the lemma of their parse head, and keeps
// for each lemma seen at least twice its most frequent type when that type
// has at least 60% of the lemma's mentions.
func learnClasses(dataDir string, exs []*example) (map[string]uint8, error) {
	ix := map[string]uint8{}
	for i, c := range classNames {
		ix[c] = uint8(i)
	}
	counts := map[string]*[numClasses]int{}
	for _, ex := range exs {
		path := filepath.Join(dataDir, GUMDir, ex.doc.Name+".conll")
		f, err := os.Open(path)
		if err != nil {
			return nil, err
		}
		ds, err := Read(f)
		f.Close()
		if err != nil {
			return nil, fmt.Errorf("%s: %w", path, err)
		}
		if len(ds) != 1 || len(ds[0].Tokens) != len(ex.di.toks) {
			return nil, fmt.Errorf("%s: tokens differ from the OntoGUM version", path)
		}
		tm := typedMentions(ds[0])
		ms := make([]Mention, 0, len(tm))
		for m := range tm {
			ms = append(ms, m)
		}
		sort.Slice(ms, func(a, b int) bool {
			if ms[a].Start != ms[b].Start {
				return ms[a].Start < ms[b].Start
			}
			return ms[a].End < ms[b].End
		})
		for _, m := range ms {
			h := spanHead(ex.di, m)
			c, ok := ix[tm[m]]
			if h < 0 || !ok {
				continue
			}
			t := ex.di.toks[h]
			if t.upos == "PRON" || t.upos == "DET" {
				continue
			}
			l := t.lemma
			if l == "" {
				l = t.lower
			}
			n := counts[l]
			if n == nil {
				n = new([numClasses]int)
				counts[l] = n
			}
			n[c]++
		}
	}
	out := map[string]uint8{}
	for l, n := range counts {
		best, tot := 0, 0
		for c, k := range n {
			tot += k
			if k > n[best] {
				best = c
			}
		}
		if tot >= 2 && 10*n[best] >= 6*tot {
			out[l] = uint8(best)
		}
	}
	return out, nil
}

// classFolds is how many parts the training documents are cut into so that
// each is trained with a class lexicon learned from the others, as it
// will meet new documents.
const classFolds = 5

// learnClassFolds returns the lexicon of all training documents and, for
// each, the lexicon learned without its fold.
func learnClassFolds(dataDir string, exs []*example) (map[string]uint8, []map[string]uint8, error) {
	all, err := learnClasses(dataDir, exs)
	if err != nil {
		return nil, nil, err
	}
	folds := make([]map[string]uint8, len(exs))
	for f := 0; f < classFolds; f++ {
		var rest []*example
		for k, ex := range exs {
			if k%classFolds != f {
				rest = append(rest, ex)
			}
		}
		c, err := learnClasses(dataDir, rest)
		if err != nil {
			return nil, nil, err
		}
		for k := range exs {
			if k%classFolds == f {
				folds[k] = c
			}
		}
	}
	return all, folds, nil
}
