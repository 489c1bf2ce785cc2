package ner

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"strings"
	"testing"

	"github.com/factgraph/factgraph/extract/wordcluster"
)

// TestLowercased checks the lower-cased copy of a corpus: words in lower
// case, tags and documents kept, the original untouched.
func TestLowercased(t *testing.T) {
	text := "-DOCSTART- -X- O O\n\nAlice X X B-PER\nvisited X X O\nParis X X B-LOC\n"
	c, err := ReadCorpus(strings.NewReader(text), FormatCoNLL)
	if err != nil {
		t.Fatal(err)
	}
	l := c.Lowercased()
	if got := strings.Join(l.Sentences[0].Words, " "); got != "alice visited paris" {
		t.Errorf("words %q", got)
	}
	if got := strings.Join(l.Sentences[0].Gold, " "); got != "B-PER O B-LOC" {
		t.Errorf("tags %q", got)
	}
	if c.Sentences[0].Words[0] != "Alice" {
		t.Error("the original corpus changed")
	}
}

// TestCaseForms checks the case forms read from the clusters' vocabulary
// and that a model trained with the "case" feature set keeps it through
// writing and reading (and one without does not get it).
func TestCaseForms(t *testing.T) {
	cl := wordcluster.New(map[string]string{"Paris": "0010", "paris": "0011", "email": "10", "Email": "10", "NASA": "11", "Bob": "01"})
	f, err := caseFormsOf(cl)
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]uint8{"paris": caseLower | caseTitle, "email": caseLower | caseTitle, "nasa": caseUpper, "bob": caseTitle}
	for w, v := range want {
		if f[w] != v {
			t.Errorf("%s: forms %b, want %b", w, f[w], v)
		}
	}
	text := "-DOCSTART- -X- O O\n\nBob X X B-PER\nvisited X X O\nParis X X B-LOC\n.\n"
	c, err := ReadCorpus(strings.NewReader(text), FormatCoNLL)
	if err != nil {
		t.Fatal(err)
	}
	for _, feats := range [][]string{nil, {"case"}} {
		m, err := Train(context.Background(), cl, []TrainSet{{Name: "tiny", Corpus: c}}, TrainOptions{Epochs: 3, Features: feats})
		if err != nil {
			t.Fatal(err)
		}
		var b bytes.Buffer
		if err := m.Write(&b); err != nil {
			t.Fatal(err)
		}
		m2, err := ReadModel(b.Bytes())
		if err != nil {
			t.Fatal(err)
		}
		r, err := New(m2, cl)
		if err != nil {
			t.Fatal(err)
		}
		if has := r.res.caseForms != nil; has != (len(feats) > 0) {
			t.Errorf("features %v: recognizer has case forms %v", feats, has)
		}
	}
	if _, err := Train(context.Background(), cl, []TrainSet{{Name: "tiny", Corpus: c}}, TrainOptions{Epochs: 1, Features: []string{"nonsense"}}); err == nil {
		t.Error("unknown feature set: no error")
	}
}

// BenchmarkRecognizeUNER reports words per second of the web model on the
// UNER EWT dev file (skipped without ../shared).
func BenchmarkRecognizeUNER(b *testing.B) {
	p := sharedFile(b, "uner-ewt/en_ewt-ud-dev.iob2")
	fh, err := os.Open(p)
	if err != nil {
		b.Fatal(err)
	}
	c, err := ReadCorpus(fh, FormatIOB2)
	fh.Close()
	if err != nil {
		b.Fatal(err)
	}
	r, err := DefaultFor(Web)
	if err != nil {
		b.Fatal(err)
	}
	b.ResetTimer()
	cpu0 := cpuSeconds()
	for i := 0; i < b.N; i++ {
		if _, err := r.TagCorpus(context.Background(), c, TagsetUNER); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(c.Words()*b.N)/b.Elapsed().Seconds(), "words/s")
	if cpu := cpuSeconds() - cpu0; cpu > 0 {
		b.ReportMetric(float64(c.Words()*b.N)/cpu, "words/cpu-s")
	}
}

// TestFoldDomain checks that folding a domain-augmented stage scores text of
// its domain as the augmented stage does, without the copies.
func TestFoldDomain(t *testing.T) {
	if fnvInverse*fnvPrime != 1 {
		t.Fatalf("fnvInverse is no inverse")
	}
	web, news := domainSalt("web"), domainSalt("news")
	const nl = 5
	shared := []uint64{11, 22, 33, 44, 55}
	var keys []uint64
	copies := map[uint64]uint64{}
	for i, f := range shared {
		keys = append(keys, f)
		if i != 2 { // 33 has no web copy
			c := augment([]uint64{f}, web)[1]
			keys = append(keys, c)
			copies[c] = web
		}
		c := augment([]uint64{f}, news)[1]
		keys = append(keys, c)
		copies[c] = news
	}
	// A web copy whose shared feature was pruned.
	orphan := augment([]uint64{66}, web)[1]
	keys = append(keys, orphan)
	copies[orphan] = web
	s := &stage{nl: nl, tab: newTable(len(keys)), w: make([]float32, len(keys)*nl), copies: copies}
	for r, k := range keys {
		s.tab.put(k, int32(r))
		for l := 0; l < nl; l++ {
			s.w[r*nl+l] = float32((r*7+l*3)%11) - 5
		}
	}
	f := foldDomain(s, web)
	if n := len(f.w) / nl; n != 6 {
		t.Errorf("folded stage has %d rows, want 6 (5 shared + 1 orphan)", n)
	}
	for _, feats := range [][]uint64{{11}, {22, 33}, {11, 22, 33, 44, 55, 66}, {66, 77}} {
		want := make([]float32, nl)
		s.score(augment(append([]uint64(nil), feats...), web), want)
		got := make([]float32, nl)
		f.score(feats, got)
		for l := range want {
			if d := want[l] - got[l]; d > 1e-5 || d < -1e-5 {
				t.Errorf("features %v: folded scores %v, want %v", feats, got, want)
				break
			}
		}
	}
}

// TestWebModel checks the shipped web model: it loads with its case-form
// features and bias, finds the names of informal text written for the test
// (one in lower case), and survives hostile input.
func TestWebModel(t *testing.T) {
	r, err := DefaultFor(Web)
	if err != nil {
		t.Fatal(err)
	}
	if r.res.caseForms == nil || len(r.m.typeBias) == 0 || r.m.domain != "" {
		t.Fatalf("web model: case forms %v, bias %v, domain %q; want case forms, a bias, folded", r.res.caseForms != nil, r.m.typeBias, r.m.domain)
	}
	text := "we stayed at a hotel in chicago last week and Maria Lopez from Microsoft said it was great ."
	c, err := ReadCorpus(strings.NewReader(iob2Lines(text)), FormatIOB2)
	if err != nil {
		t.Fatal(err)
	}
	tags, err := r.TagCorpus(context.Background(), c, TagsetUNER)
	if err != nil {
		t.Fatal(err)
	}
	got := map[string]string{}
	for _, sp := range Spans(tags[0]) {
		got[strings.Join(c.Sentences[0].Words[sp.Start:sp.End], " ")] = sp.Type
	}
	for name, typ := range map[string]string{"chicago": "LOC", "Maria Lopez": "PER", "Microsoft": "ORG"} {
		if got[name] != typ {
			t.Errorf("%q: %q, want %s (all: %v)", name, got[name], typ, got)
		}
	}
	for _, in := range []string{strings.Repeat("x", 100000), "ALL CAPS TEXT FROM NEW YORK !!!", "!!! ??? 123", "\x00\xff invalid \xc3\x28"} {
		c, err := ReadCorpus(strings.NewReader(iob2Lines(in)), FormatIOB2)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := r.TagCorpus(context.Background(), c, TagsetUNER); err != nil {
			t.Errorf("%.20q: %v", in, err)
		}
	}
}

// iob2Lines writes the words of text as an untagged UNER sentence.
func iob2Lines(text string) string {
	var b strings.Builder
	for i, w := range strings.Fields(text) {
		fmt.Fprintf(&b, "%d\t%s\tO\n", i+1, w)
	}
	return b.String()
}
