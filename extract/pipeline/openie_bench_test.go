package pipeline

import (
	"bufio"
	"context"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/factgraph/factgraph/extract"
	"github.com/factgraph/factgraph/extract/conllu"
	"github.com/factgraph/factgraph/extract/nlp"
	"github.com/factgraph/factgraph/extract/relation"
)

// carbSentences reads the distinct sentences of CaRB dev, as `factgraph
// openie` reads them: pre-tokenized, split at spaces.
func carbSentences(b *testing.B) []string {
	dir := conllu.SharedDataDir()
	if dir == "" {
		b.Skip("../shared/data not found beside the repository root; skipping the CaRB benchmark")
	}
	f, err := os.Open(filepath.Join(dir, "carb", "gold-dev.tsv"))
	if err != nil {
		b.Skip("CaRB dev absent: ", err)
	}
	defer f.Close()
	seen := map[string]bool{}
	var out []string
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 1<<24)
	for sc.Scan() {
		s, _, _ := strings.Cut(sc.Text(), "\t")
		if s != "" && !seen[s] {
			seen[s] = true
			out = append(out, s)
		}
	}
	return out
}

// processCPU returns the CPU time (user and system) the process has used:
// on a machine shared with other work, per-CPU-second rates are what stays
// comparable.
func processCPU() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

// BenchmarkOpenIECaRB measures what `factgraph openie` does per sentence —
// tag, lemmatize, parse and extract the open IE tuples — over the CaRB dev
// sentences on one core (run it with -cpu 1), reporting sentences/s (wall
// clock) and sentences/cpu-s (process CPU time).
func BenchmarkOpenIECaRB(b *testing.B) {
	lines := carbSentences(b)
	a, err := nlp.Default()
	if err != nil {
		b.Fatal(err)
	}
	ctx := context.Background()
	sents := make([]extract.Sentence, len(lines))
	var tuples int
	cpu0 := processCPU()
	b.ResetTimer()
	for b.Loop() {
		for i, line := range lines {
			s := &sents[i]
			*s = extract.Sentence{Text: line, End: len(line), Tokens: s.Tokens[:0]}
			start := -1
			for j, r := range line + " " {
				if r == ' ' {
					if start >= 0 {
						s.Tokens = append(s.Tokens, extract.Token{Text: line[start:j], Start: start, End: j, SpaceAfter: true, Head: -1})
						start = -1
					}
				} else if start < 0 {
					start = j
				}
			}
			if err := a.Annotate(ctx, s); err != nil {
				b.Fatal(err)
			}
			tuples += len(relation.OpenIE(s))
		}
	}
	b.StopTimer()
	if tuples == 0 {
		b.Fatal("no tuples extracted")
	}
	n := float64(b.N * len(lines))
	b.ReportMetric(n/b.Elapsed().Seconds(), "sentences/s")
	if cpu := processCPU() - cpu0; cpu > 0 {
		b.ReportMetric(n/cpu.Seconds(), "sentences/cpu-s")
	}
}
