package graph

import (
	"context"
	"fmt"
	"testing"

	"github.com/cayleygraph/quad"
)

// newsShapedDoc makes the quads of one article-sized document: a document
// node, 8 entities and 12 facts, as schema.Quads shapes them.
func newsShapedDoc(i int) LabelSet {
	label := quad.IRI(fmt.Sprintf("https://factgraph.github.io/doc/bench-%06d", i))
	var qs []quad.Quad
	add := func(s, p string, o quad.Value) {
		qs = append(qs, quad.Quad{Subject: quad.IRI(s), Predicate: quad.IRI(p), Object: o, Label: label})
	}
	add(string(label), "rdf:type", quad.IRI("schema:NewsArticle"))
	add(string(label), "schema:headline", quad.String(fmt.Sprintf("Headline number %d", i)))
	for e := 0; e < 8; e++ {
		ent := fmt.Sprintf("ent:person/p%d", (i*7+e)%5000)
		add(ent, "schema:name", quad.String(fmt.Sprintf("Person %d", (i*7+e)%5000)))
		add(ent, "fg:mentionedIn", label)
	}
	for f := 0; f < 12; f++ {
		st := fmt.Sprintf("fact:%d/%d", i, f)
		add(fmt.Sprintf("ent:person/p%d", (i+f)%5000), "fg:statement", quad.String(fmt.Sprintf("quote %d of %d", f, i)))
		add(st, "rdf:subject", quad.IRI(fmt.Sprintf("ent:person/p%d", (i+f)%5000)))
		add(st, "fg:sentence", quad.String(fmt.Sprintf("Sentence %d of document %d, with some words.", f, i)))
		add(st, "prov:wasDerivedFrom", label)
	}
	return LabelSet{Label: label, Quads: qs}
}

// BenchmarkWrite measures batched document writes per backend, reporting
// quads/s (the build's write path: 64 documents per transaction).
func BenchmarkWrite(b *testing.B) {
	for _, backend := range []string{LevelDB, Bolt, Memory} {
		b.Run(backend, func(b *testing.B) {
			st, err := Open(context.Background(), Config{Backend: backend, Path: b.TempDir() + "/db"})
			if err != nil {
				b.Fatal(err)
			}
			defer st.Close()
			ctx := context.Background()
			quads := 0
			b.ReportAllocs()
			b.ResetTimer()
			for i := 0; i < b.N; i += 64 {
				var batch []LabelSet
				for j := i; j < i+64 && j < b.N; j++ {
					d := newsShapedDoc(j)
					quads += len(d.Quads)
					batch = append(batch, d)
				}
				if _, err := st.ReplaceLabels(ctx, batch); err != nil {
					b.Fatal(err)
				}
			}
			b.ReportMetric(float64(quads)/b.Elapsed().Seconds(), "quads/s")
		})
	}
}
