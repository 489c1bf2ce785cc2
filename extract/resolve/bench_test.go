package resolve_test

// Benchmarks of entity resolution within the whole pipeline: resolution's
// share of a document's time, and its cost against stores (alias indexes)
// of 1k, 10k and 100k synthetic entities. Run from the repository root:
//
//	nice go test ./extract/resolve -run '^$' -bench . -benchtime 40x
//
// The documents are the seed articles and the examples (the seeds only
// beside ../shared).

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/factgraph/factgraph/extract"
	"github.com/factgraph/factgraph/extract/pipeline"
	"github.com/factgraph/factgraph/extract/read"
	"github.com/factgraph/factgraph/extract/resolve"
	"github.com/factgraph/factgraph/graph"
)

// nopResolver leaves resolution out of the pipeline.
type nopResolver struct{}

func (nopResolver) Resolve(context.Context, *extract.Result) error { return nil }

func benchDocs(b *testing.B) []*extract.Document {
	b.Helper()
	root, _ := filepath.Abs(filepath.Join("..", ".."))
	inputs := []string{filepath.Join(root, "examples")}
	if s := filepath.Join(root, "..", "shared", "seeds"); dirExists(s) {
		inputs = append([]string{s}, inputs...)
	}
	var docs []*extract.Document
	for d, err := range read.Documents(context.Background(), inputs, read.Options{}) {
		if err == nil {
			docs = append(docs, d)
		}
	}
	if len(docs) == 0 {
		b.Skip("no documents")
	}
	return docs
}

func dirExists(d string) bool {
	st, err := os.Stat(d)
	return err == nil && st.IsDir()
}

var givenNames = []string{"Anna", "Olaf", "Maria", "Dmitry", "Joe", "Vladimir", "Sergei", "Jen", "Tom", "Priya",
	"Alexei", "Leonid", "Yulia", "Hannah", "Omar", "Li", "Carlos", "Fatima", "Kenji", "Ingrid"}

var syllables = []string{"ka", "lo", "mi", "ran", "sev", "to", "vu", "bel", "dor", "ish", "nov", "pet", "ro", "sky", "tan", "zu"}

// syntheticIndex is an alias index of n entities, one document each: 90%
// persons (surnames drawn from n/3, so a lone surname has about three
// candidates), the rest organisations and places; plus the persons of the
// seed story, so that their lone surnames find candidates.
func syntheticIndex(n int) *graph.AliasIndex {
	ix := graph.NewAliasIndex()
	surnames := max(1, n/3)
	surname := func(i int) string {
		s := ""
		for k := i%surnames + 1; k > 0; k /= len(syllables) {
			s += syllables[k%len(syllables)]
		}
		return string(s[0]-'a'+'A') + s[1:] + "ov"
	}
	for i := 0; i < n; i++ {
		var e extract.Entity
		switch {
		case i%10 == 9:
			name := surname(i*7) + " Holdings"
			e = extract.Entity{Type: "ORG", Name: name}
		case i%10 == 8:
			name := surname(i*3) + "grad"
			e = extract.Entity{Type: "GPE", Name: name}
		default:
			name := givenNames[i%len(givenNames)] + " " + surname(i)
			e = extract.Entity{Type: "PERSON", Name: name}
		}
		e.Key = fmt.Sprintf("%s/e%d", e.Type, i)
		e.Aliases = []string{e.Name}
		ix.Add(fmt.Sprintf("s%d", i), []extract.Entity{e})
	}
	for i, name := range []string{"Dmitry Peskov", "Joe Biden", "Vladimir Putin", "Anatoly Antonov", "Anna Berg"} {
		ix.Add(fmt.Sprintf("story%d", i), []extract.Entity{{Key: "person/story" + fmt.Sprint(i), Type: "PERSON", Name: name, Aliases: []string{name}}})
	}
	return ix
}

var storeSizes = []int{1000, 10000, 100000}

// BenchmarkResolveShare runs the whole pipeline on each document and
// reports the share of its time spent resolving (Prepare on the worker,
// Link against the store), with the store at each size.
func BenchmarkResolveShare(b *testing.B) {
	docs := benchDocs(b)
	p, err := pipeline.Default()
	if err != nil {
		b.Fatal(err)
	}
	p.Resolver = nopResolver{}
	ctx := context.Background()
	if _, err := p.Process(ctx, docs[0]); err != nil { // load the models
		b.Fatal(err)
	}
	for _, n := range storeSizes {
		ix := syntheticIndex(n)
		b.Run(fmt.Sprintf("store=%d", n), func(b *testing.B) {
			var pipe, res time.Duration
			for i := 0; i < b.N; i++ {
				t0 := time.Now()
				r, err := p.Process(ctx, docs[i%len(docs)])
				if err != nil {
					b.Fatal(err)
				}
				t1 := time.Now()
				pend, err := resolve.Resolver{}.Prepare(ctx, r)
				if err != nil {
					b.Fatal(err)
				}
				if _, err := pend.Link(ctx, ix); err != nil {
					b.Fatal(err)
				}
				t2 := time.Now()
				pipe += t1.Sub(t0)
				res += t2.Sub(t1)
			}
			b.ReportMetric(100*float64(res)/float64(pipe+res), "resolve-%")
			b.ReportMetric(float64(res.Microseconds())/float64(b.N), "resolve-µs/doc")
			b.ReportMetric(float64((pipe+res).Microseconds())/float64(b.N), "total-µs/doc")
		})
	}
}

// BenchmarkLink measures resolution alone (Prepare and Link) per document
// against stores of each size: constant in the store's size, since every
// look-up is one alias key.
func BenchmarkLink(b *testing.B) {
	docs := benchDocs(b)
	p, err := pipeline.Default()
	if err != nil {
		b.Fatal(err)
	}
	p.Resolver = nopResolver{}
	ctx := context.Background()
	var analysed []*extract.Result
	for _, d := range docs {
		r, err := p.Process(ctx, d)
		if err != nil {
			b.Fatal(err)
		}
		analysed = append(analysed, r)
	}
	for _, n := range storeSizes {
		ix := syntheticIndex(n)
		b.Run(fmt.Sprintf("store=%d", n), func(b *testing.B) {
			for i := 0; i < b.N; i++ {
				src := analysed[i%len(analysed)]
				r := *src // the resolver changes mentions and facts: fresh copies
				r.Mentions = append([]extract.Mention(nil), src.Mentions...)
				r.Facts = append([]extract.Fact(nil), src.Facts...)
				r.Entities = nil
				pend, err := resolve.Resolver{}.Prepare(ctx, &r)
				if err != nil {
					b.Fatal(err)
				}
				if _, err := pend.Link(ctx, ix); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// BenchmarkAliasIndex measures building the alias index (what a build does
// with the store's entities before its first document) per entity, and
// one look-up, at each size: near-linear build, constant look-up.
func BenchmarkAliasIndex(b *testing.B) {
	for _, n := range storeSizes {
		b.Run(fmt.Sprintf("build/store=%d", n), func(b *testing.B) {
			for i := 0; i < b.N; i++ {
				syntheticIndex(n)
			}
			b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/float64(n), "ns/entity")
		})
		ix := syntheticIndex(n)
		b.Run(fmt.Sprintf("lookup/store=%d", n), func(b *testing.B) {
			ctx := context.Background()
			for i := 0; i < b.N; i++ {
				if _, err := ix.EntitiesByAlias(ctx, "peskov"); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
