package read

import (
	"bytes"
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"
)

// checkStdin reads data as standard input in format f and checks what every
// sequence must hold: only Problems as errors, and documents with an ID and
// non-empty, valid, normalised text.
func checkStdin(t *testing.T, data []byte, f Format) {
	opt := Options{Stdin: bytes.NewReader(data), StdinFormat: f, MaxDocBytes: 64 << 10}
	for d, err := range Documents(context.Background(), []string{"-"}, opt) {
		if err != nil {
			var p *Problem
			if !errors.As(err, &p) || p.Reason == "" || p.Source != "-" {
				t.Fatalf("bad error %#v", err)
			}
			continue
		}
		switch {
		case d.ID == "":
			t.Fatalf("document without ID from %q", data)
		case strings.TrimSpace(d.Text) == "" || d.Text != strings.TrimSpace(d.Text):
			t.Fatalf("document %s: untrimmed or empty text %q", d.ID, d.Text)
		case !utf8.ValidString(d.Text) || !utf8.ValidString(d.Title):
			t.Fatalf("document %s: invalid UTF-8", d.ID)
		case strings.ContainsAny(d.Text, "\r\x00\ufeff"):
			t.Fatalf("document %s: text not normalised: %q", d.ID, d.Text)
		case strings.Contains(d.Title, "\n"):
			t.Fatalf("document %s: title with a line break: %q", d.ID, d.Title)
		}
	}
}

func addFileSeeds(f *testing.F, glob string, split bool) {
	paths, _ := filepath.Glob(glob)
	for _, p := range paths {
		b, err := os.ReadFile(p)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(b)
		if split {
			for line := range bytes.Lines(b) {
				f.Add(line)
			}
		}
	}
}

func FuzzJSONL(f *testing.F) {
	addFileSeeds(f, "testdata/good/*.jsonl", true)
	for _, s := range []string{
		"", "\n\n", "{}", `{"text":"x","id":""}`, `{"text":"a"}` + "\r\n" + `{"text":"b"}`,
		`{"text":"\u0000\u0007"}`, `{"id":1e3,"text":"t"}`, `{"id":-0,"text":"t"}`, "{\"text\":\"caf\xe9\"}",
		`{"text":"t","date":"March 18, 2021"}`, `{"text":"t","date":5}`, "\xff\xfe",
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) { checkStdin(t, data, FormatJSONL) })
}

func FuzzHTML(f *testing.F) {
	addFileSeeds(f, "testdata/good/nested/*.html", false)
	for _, s := range []string{
		"", "<", "<html>", "<p>Short.</p>", "<article><h1>T</h1><p>One.</p><p>Two.</p></article>",
		"<pre>  keep\n  this  </pre>", "<table><tr><td>a</td><td>b</td></tr></table>",
		"<script type=\"application/ld+json\">{\"articleBody\":\"<p>x</p>\"}</script>",
		"<link rel=canonical href=\"javascript:alert(1)\"><p>x</p>",
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) { checkStdin(t, data, FormatHTML) })
}

func FuzzMarkdown(f *testing.F) {
	addFileSeeds(f, "testdata/good/*.md", false)
	for _, s := range []string{"", "---\n", "---\ntitle: x\n---", "# \n", "> > quote\n- a\n  - b", "```\ncode\n```", "[a][b]\n\n[b]: http://x"} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) { checkStdin(t, data, FormatMarkdown) })
}

// BenchmarkReuters reads the Reuters-21578 JSON Lines file of the shared
// data (about 18 MB) and reports MB/s.
func BenchmarkReuters(b *testing.B) {
	path := filepath.Join(repoRoot(b), "..", "shared", "data", "news", "reuters21578.jsonl")
	fi, err := os.Stat(path)
	if err != nil {
		b.Skipf("Reuters corpus not found at %s (%v); skipping", path, err)
	}
	b.SetBytes(fi.Size())
	b.ReportAllocs()
	for b.Loop() {
		docs := 0
		for d, err := range Documents(context.Background(), []string{path}, Options{}) {
			var p *Problem
			if err != nil && !errors.As(err, &p) {
				b.Fatal(err)
			}
			if d != nil {
				docs++
			}
		}
		if docs < 19000 {
			b.Fatalf("%d documents, want about 19,500", docs)
		}
	}
}
