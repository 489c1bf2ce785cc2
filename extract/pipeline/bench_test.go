package pipeline

import (
	"bufio"
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/factgraph/factgraph/extract"
)

// reutersDocs reads up to n articles of ../shared/data/news/reuters21578.jsonl.
func reutersDocs(b *testing.B, n int) []*extract.Document {
	b.Helper()
	wd, _ := os.Getwd()
	dir := wd
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			break
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			b.Skip("repository root not found")
		}
		dir = parent
	}
	f, err := os.Open(filepath.Join(dir, "..", "shared", "data", "news", "reuters21578.jsonl"))
	if err != nil {
		b.Skipf("../shared/data/news/reuters21578.jsonl is absent (%v); benchmarks need the shared data", err)
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 1<<24)
	var docs []*extract.Document
	for sc.Scan() && len(docs) < n {
		var r struct{ ID, Title, Text string }
		if json.Unmarshal(sc.Bytes(), &r) == nil && r.Text != "" {
			docs = append(docs, &extract.Document{ID: r.ID, Title: r.Title, Text: r.Text})
		}
	}
	return docs
}

// BenchmarkProcess measures the whole extraction pipeline on one core over
// Reuters articles: documents/s, words/s and allocations per document.
func BenchmarkProcess(b *testing.B) {
	docs := reutersDocs(b, 2000)
	p, err := Default()
	if err != nil {
		b.Fatal(err)
	}
	words := 0
	for _, d := range docs {
		words += len(strings.Fields(d.Text))
	}
	ctx := context.Background()
	// Load the lazily loaded models outside the timing.
	if _, err := p.Process(ctx, docs[0]); err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if _, err := p.Process(ctx, docs[i%len(docs)]); err != nil {
			b.Fatal(err)
		}
	}
	b.StopTimer()
	perDoc := float64(words) / float64(len(docs))
	b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "docs/s")
	b.ReportMetric(perDoc*float64(b.N)/b.Elapsed().Seconds(), "words/s")
}
