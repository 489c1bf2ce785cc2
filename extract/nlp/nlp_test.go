package nlp

import (
	"bufio"
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/factgraph/factgraph/extract"
	"github.com/factgraph/factgraph/extract/conllu"
	"github.com/factgraph/factgraph/extract/tokenize"
)

func annotator(tb testing.TB) *Annotator {
	tb.Helper()
	a, err := Default()
	if err != nil {
		tb.Fatal(err)
	}
	return a
}

// sentence builds a sentence from space-separated words.
func sentence(text string) *extract.Sentence {
	s := &extract.Sentence{Text: text, End: len(text)}
	pos := 0
	for _, w := range strings.Fields(text) {
		i := strings.Index(text[pos:], w) + pos
		s.Tokens = append(s.Tokens, extract.Token{Text: w, Start: i, End: i + len(w), SpaceAfter: true, Head: -1})
		pos = i + len(w)
	}
	return s
}

func TestShippedModelsParse(t *testing.T) {
	a := annotator(t)
	cases := []struct {
		text  string
		heads []int
		rels  []string // universal part
		upos  []string
	}{
		{"The dog chased the cat .", []int{2, 3, 0, 5, 3, 3},
			[]string{"det", "nsubj", "root", "det", "obj", "punct"},
			[]string{"DET", "NOUN", "VERB", "DET", "NOUN", "PUNCT"}},
		{"My brother wrote a long letter .", []int{2, 3, 0, 6, 6, 3, 3},
			[]string{"nmod", "nsubj", "root", "det", "amod", "obj", "punct"},
			[]string{"PRON", "NOUN", "VERB", "DET", "ADJ", "NOUN", "PUNCT"}},
		{"She was born in Paris .", []int{3, 3, 0, 5, 3, 3},
			[]string{"nsubj", "aux", "root", "case", "obl", "punct"},
			[]string{"PRON", "AUX", "VERB", "ADP", "PROPN", "PUNCT"}},
		// The greedy parser makes "the government" the object of
		// "denied"; the clause-subject repair gives it to "pursuing".
		{"He denied the government was pursuing the deal .", []int{2, 0, 4, 6, 6, 2, 8, 6, 2},
			[]string{"nsubj", "root", "det", "nsubj", "aux", "ccomp", "det", "obj", "punct"},
			[]string{"PRON", "VERB", "DET", "NOUN", "AUX", "VERB", "DET", "NOUN", "PUNCT"}},
	}
	for _, c := range cases {
		s := sentence(c.text)
		if err := a.Annotate(context.Background(), s); err != nil {
			t.Fatal(err)
		}
		for i, tok := range s.Tokens {
			rel, _, _ := strings.Cut(tok.DepRel, ":")
			if tok.Head != c.heads[i] || rel != c.rels[i] || tok.UPOS != c.upos[i] {
				t.Errorf("%q: %q got %s %d %s, want %s %d %s", c.text, tok.Text,
					tok.UPOS, tok.Head, tok.DepRel, c.upos[i], c.heads[i], c.rels[i])
			}
		}
	}
	s := sentence("The children were playing .")
	if err := a.Annotate(context.Background(), s); err != nil {
		t.Fatal(err)
	}
	if got := s.Tokens[1].Lemma + " " + s.Tokens[2].Lemma + " " + s.Tokens[3].Lemma; got != "child be play" {
		t.Errorf("lemmas %q, want %q", got, "child be play")
	}
}

// checkTree fails unless heads form one tree over the words.
func checkTree(t *testing.T, toks []extract.Token) {
	t.Helper()
	n := len(toks)
	roots := 0
	for i, tok := range toks {
		if tok.Head < 0 || tok.Head > n || tok.Head == i+1 {
			t.Fatalf("token %d has head %d of %d", i+1, tok.Head, n)
		}
		if tok.Head == 0 {
			roots++
		}
		if tok.UPOS == "" || tok.XPOS == "" || tok.DepRel == "" {
			t.Fatalf("token %d not annotated: %+v", i+1, tok)
		}
		// no cycles: walking up reaches the root within n steps
		h, steps := i+1, 0
		for h != 0 && steps <= n {
			h = toks[h-1].Head
			steps++
		}
		if h != 0 {
			t.Fatalf("cycle through token %d", i+1)
		}
	}
	if n > 0 && roots != 1 {
		t.Fatalf("%d roots", roots)
	}
}

func FuzzAnnotate(f *testing.F) {
	for _, s := range []string{"", "a", ".", "The dog chased the cat.", "\x00\xff\xfe garbage ((( ]]] 123,456.78 %%%",
		strings.Repeat("buffalo ", 300), "éàü ★ 中文 text — with “quotes” and 'apostrophes'", "I don't know, do you?"} {
		f.Add(s)
	}
	a := annotator(f)
	f.Fuzz(func(t *testing.T, text string) {
		if !utf8.ValidString(text) {
			text = strings.ToValidUTF8(text, "?")
		}
		s := sentence(text)
		if len(s.Tokens) > 2000 {
			s.Tokens = s.Tokens[:2000]
		}
		if err := a.Annotate(context.Background(), s); err != nil {
			t.Fatal(err)
		}
		checkTree(t, s.Tokens)
		// Raw text through the tokenizer and back to CoNLL-U.
		if _, err := a.ParseText(context.Background(), tokenize.Default(), text); err != nil {
			t.Fatal(err)
		}
	})
}

func TestMemoryBounded(t *testing.T) {
	a := annotator(t)
	long := sentence(strings.TrimSpace(strings.Repeat("the big dog saw a cat and ", 500)))
	short := sentence("Rates rose 3 % on Monday .")
	var ms runtime.MemStats
	heap := func() uint64 {
		runtime.GC()
		runtime.ReadMemStats(&ms)
		return ms.HeapAlloc
	}
	for i := 0; i < 3; i++ {
		a.Annotate(context.Background(), long)
		a.Annotate(context.Background(), short)
	}
	before := heap()
	for i := 0; i < 200; i++ {
		if err := a.Annotate(context.Background(), short); err != nil {
			t.Fatal(err)
		}
		if i%20 == 0 {
			a.Annotate(context.Background(), long)
		}
	}
	if after := heap(); after > before+8<<20 {
		t.Errorf("heap grew from %d to %d bytes", before, after)
	}
	checkTree(t, long.Tokens)
}

func TestConcurrent(t *testing.T) {
	a := annotator(t)
	want := sentence("The dog chased the cat .")
	a.Annotate(context.Background(), want)
	var wg sync.WaitGroup
	errs := make(chan string, 100)
	for g := 0; g < 4; g++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := 0; i < 50; i++ {
				s := sentence("The dog chased the cat .")
				a.Annotate(context.Background(), s)
				for k := range s.Tokens {
					if s.Tokens[k] != want.Tokens[k] {
						errs <- s.Tokens[k].Text
						return
					}
				}
			}
		}()
	}
	wg.Wait()
	close(errs)
	for e := range errs {
		t.Errorf("concurrent annotation differs at %q", e)
	}
}

func TestCancelled(t *testing.T) {
	a := annotator(t)
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if err := a.AnnotateAll(ctx, []extract.Sentence{*sentence("A b c")}); err == nil {
		t.Error("no error for a cancelled context")
	}
}

func TestToCoNLLU(t *testing.T) {
	text := "They don't sell Bush's boats."
	sents := tokenize.Default().Split(text)
	a := annotator(t)
	var out []*conllu.Sentence
	for i := range sents {
		if err := a.Annotate(context.Background(), &sents[i]); err != nil {
			t.Fatal(err)
		}
		out = append(out, ToCoNLLU(&sents[i]))
	}
	if len(out) != 1 {
		t.Fatalf("%d sentences", len(out))
	}
	var b strings.Builder
	conllu.WriteAll(&b, out)
	got := b.String()
	for _, want := range []string{"# text = They don't sell Bush's boats.", "\tdon't\t", "\tBush's\t", "SpaceAfter=No"} {
		if !strings.Contains(got, want) {
			t.Errorf("output lacks %q:\n%s", want, got)
		}
	}
	if out[0].Text() != text {
		t.Errorf("text %q", out[0].Text())
	}
}

func TestColdStart(t *testing.T) {
	// Not a speed test (see BenchmarkColdStart); it checks that loading the
	// embedded models from scratch works.
	start := time.Now()
	a, err := load(func(name string) ([]byte, error) { return models.ReadFile("models/" + name) })
	if err != nil {
		t.Fatal(err)
	}
	s := sentence("Prices fell .")
	a.Annotate(context.Background(), s)
	checkTree(t, s.Tokens)
	t.Logf("cold start %v", time.Since(start))
}

func BenchmarkColdStart(b *testing.B) {
	for b.Loop() {
		a, err := load(func(name string) ([]byte, error) { return models.ReadFile("models/" + name) })
		if err != nil {
			b.Fatal(err)
		}
		a.Annotate(context.Background(), sentence("Prices fell ."))
	}
}

// reutersText reads up to n articles of the Reuters benchmark corpus.
func reutersText(b *testing.B, n int) []string {
	dir := conllu.SharedDataDir()
	if dir == "" {
		b.Skip("../shared/data not found beside the repository root; skipping Reuters benchmark")
	}
	f, err := os.Open(filepath.Join(dir, "news", "reuters21578.jsonl"))
	if err != nil {
		b.Skip("Reuters corpus absent: ", err)
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 1<<24)
	var out []string
	for sc.Scan() && len(out) < n {
		var doc struct {
			Text string `json:"text"`
		}
		if err := json.Unmarshal(sc.Bytes(), &doc); err != nil {
			b.Fatal(err)
		}
		if doc.Text != "" {
			out = append(out, doc.Text)
		}
	}
	return out
}

// cpuTime returns the CPU time (user and system) the process has used, so
// that throughput can be reported per CPU second: on a machine shared with
// other work, wall-clock rates mostly measure the other work.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

// BenchmarkAnnotateReuters measures tokenize+tag+lemmatize+parse on one
// core (run it with -cpu 1) over Reuters articles and reports words/s
// (wall clock), words/cpu-s (process CPU time) and allocations per
// sentence.
func BenchmarkAnnotateReuters(b *testing.B) {
	texts := reutersText(b, 300)
	a := annotator(b)
	tok := tokenize.Default()
	ctx := context.Background()
	var words, sents int
	var ms0, ms1 runtime.MemStats
	runtime.ReadMemStats(&ms0)
	cpu0 := cpuTime()
	b.ResetTimer()
	for b.Loop() {
		for _, text := range texts {
			ss := tok.Split(text)
			for i := range ss {
				a.Annotate(ctx, &ss[i])
				words += len(ss[i].Tokens)
			}
			sents += len(ss)
		}
	}
	b.StopTimer()
	cpu := cpuTime() - cpu0
	runtime.ReadMemStats(&ms1)
	sec := b.Elapsed().Seconds()
	b.ReportMetric(float64(words)/sec, "words/s")
	if cpu > 0 {
		b.ReportMetric(float64(words)/cpu.Seconds(), "words/cpu-s")
	}
	b.ReportMetric(float64(ms1.Mallocs-ms0.Mallocs)/float64(sents), "allocs/sentence")
}

// BenchmarkAnnotateOnly is BenchmarkAnnotateReuters without tokenization.
func BenchmarkAnnotateOnly(b *testing.B) {
	texts := reutersText(b, 300)
	a := annotator(b)
	tok := tokenize.Default()
	var all [][]extract.Sentence
	for _, text := range texts {
		all = append(all, tok.Split(text))
	}
	ctx := context.Background()
	var words, sents int
	var ms0, ms1 runtime.MemStats
	runtime.ReadMemStats(&ms0)
	cpu0 := cpuTime()
	b.ResetTimer()
	for b.Loop() {
		for _, ss := range all {
			for i := range ss {
				a.Annotate(ctx, &ss[i])
				words += len(ss[i].Tokens)
			}
			sents += len(ss)
		}
	}
	b.StopTimer()
	cpu := cpuTime() - cpu0
	runtime.ReadMemStats(&ms1)
	b.ReportMetric(float64(words)/b.Elapsed().Seconds(), "words/s")
	if cpu > 0 {
		b.ReportMetric(float64(words)/cpu.Seconds(), "words/cpu-s")
	}
	b.ReportMetric(float64(ms1.Mallocs-ms0.Mallocs)/float64(sents), "allocs/sentence")
}

func TestAnnotateCoNLLUKeepsSegmentation(t *testing.T) {
	const in = `# sent_id = x1
# text = I don't see it.
1	I	WRONG	X	X	_	9	dep	_	_
2-3	don't	_	_	_	_	_	_	_	_
2	do	WRONG	X	X	Mood=Ind	9	dep	9:dep	_
3	n't	WRONG	X	X	_	9	dep	_	_
4	see	WRONG	X	X	_	9	dep	_	_
4.1	saw	see	VERB	VBD	_	_	_	4:conj	CopyOf=4
5	it	WRONG	X	X	_	9	dep	_	SpaceAfter=No
6	.	WRONG	X	X	_	9	dep	_	_

`
	ss, err := conllu.ReadAll(strings.NewReader(in))
	if err != nil {
		t.Fatal(err)
	}
	out, err := annotator(t).ParseCoNLLU(context.Background(), ss)
	if err != nil {
		t.Fatal(err)
	}
	s := out[0]
	if len(s.Comments) != 2 || len(s.Lines) != len(ss[0].Lines) {
		t.Fatalf("segmentation changed: %d comments, %d lines", len(s.Comments), len(s.Lines))
	}
	if s.Lines[1].Kind != conllu.Range || s.Lines[1].Form != "don't" || s.Lines[5].Kind != conllu.Empty || s.Lines[5].Misc != "CopyOf=4" {
		t.Errorf("multiword token or empty node lost: %+v %+v", s.Lines[1], s.Lines[5])
	}
	if s.Lines[6].Misc != "SpaceAfter=No" {
		t.Errorf("MISC not kept: %q", s.Lines[6].Misc)
	}
	wantHeads := map[int]string{0: "4", 2: "4", 3: "4", 4: "0", 6: "4", 7: "4"}
	for i, h := range wantHeads {
		l := s.Lines[i]
		if l.Head != h || l.Lemma == "WRONG" || l.UPOS == "X" || l.DepRel == "dep" {
			t.Errorf("line %d (%s) not re-annotated: head %s lemma %s upos %s deprel %s", i, l.Form, l.Head, l.Lemma, l.UPOS, l.DepRel)
		}
	}
	if ss[0].Lines[0].Lemma != "WRONG" {
		t.Error("ParseCoNLLU modified its input")
	}
}
