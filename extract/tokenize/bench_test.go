package tokenize

import (
	"bufio"
	"encoding/json"
	"os"
	"path/filepath"
	"testing"
)

// BenchmarkSplitReuters tokenizes and segments the Reuters-21578 articles
// (../shared/data/news/reuters21578.jsonl), reporting words/s and bytes/s.
func BenchmarkSplitReuters(b *testing.B) {
	path := filepath.Join(sharedDir(b, "data"), "news", "reuters21578.jsonl")
	f, err := os.Open(path)
	if err != nil {
		b.Skipf("%s: %v", path, err)
	}
	defer f.Close()
	var texts []string
	size := 0
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 1<<24)
	for sc.Scan() && size < 8<<20 {
		var doc struct {
			Text string `json:"text"`
		}
		if err := json.Unmarshal(sc.Bytes(), &doc); err != nil {
			b.Fatal(err)
		}
		texts = append(texts, doc.Text)
		size += len(doc.Text)
	}
	tk := Default()
	words := 0
	for _, t := range texts {
		for _, s := range tk.Split(t) {
			words += len(s.Tokens)
		}
	}
	b.SetBytes(int64(size))
	b.ResetTimer()
	for b.Loop() {
		for _, t := range texts {
			tk.Split(t)
		}
	}
	b.ReportMetric(float64(words)*float64(b.N)/b.Elapsed().Seconds(), "words/s")
}
