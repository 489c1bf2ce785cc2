package tokenize

import (
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/factgraph/factgraph/extract"
)

// checkInvariants verifies the offset contract of Split on text.
func checkInvariants(t testing.TB, text string, sents []extract.Sentence) {
	t.Helper()
	prevEnd := 0
	for i, s := range sents {
		if s.Index != i {
			t.Fatalf("sentence %d has Index %d", i, s.Index)
		}
		if s.Start < prevEnd || s.End < s.Start || s.End > len(text) {
			t.Fatalf("sentence %d span [%d,%d) out of order (previous end %d, text %d bytes)", i, s.Start, s.End, prevEnd, len(text))
		}
		if s.Text != text[s.Start:s.End] {
			t.Fatalf("sentence %d text %q != source %q", i, s.Text, text[s.Start:s.End])
		}
		if len(s.Tokens) == 0 {
			t.Fatalf("sentence %d has no tokens", i)
		}
		if s.Tokens[0].Start != s.Start || s.Tokens[len(s.Tokens)-1].End != s.End {
			t.Fatalf("sentence %d [%d,%d) does not span its tokens", i, s.Start, s.End)
		}
		if len(s.Tokens) > MaxSentenceTokens {
			t.Fatalf("sentence %d has %d tokens", i, len(s.Tokens))
		}
		tp := s.Start
		for j, tk := range s.Tokens {
			if tk.Start < tp || tk.End <= tk.Start || tk.End > s.End {
				t.Fatalf("sentence %d token %d span [%d,%d) bad (previous end %d)", i, j, tk.Start, tk.End, tp)
			}
			if tk.Text != text[tk.Start:tk.End] {
				t.Fatalf("token text %q != source %q", tk.Text, text[tk.Start:tk.End])
			}
			if tk.Head != -1 {
				t.Fatalf("token %q has Head %d", tk.Text, tk.Head)
			}
			if strings.TrimSpace(tk.Text) != tk.Text && utf8.ValidString(tk.Text) {
				t.Fatalf("token %q has surrounding space", tk.Text)
			}
			if j+1 < len(s.Tokens) {
				if want := tk.End < s.Tokens[j+1].Start; tk.SpaceAfter != want {
					t.Fatalf("token %q SpaceAfter=%v, want %v", tk.Text, tk.SpaceAfter, want)
				}
			}
			tp = tk.End
		}
		prevEnd = s.End
	}
	// nothing but white space and control characters is left out
	covered := 0
	for _, s := range sents {
		for _, tk := range s.Tokens {
			for i := covered; i < tk.Start; {
				r, w := decode(text[i:])
				if classOf(r) != clSpace {
					t.Fatalf("byte %d (%q) is in no token", i, r)
				}
				i += w
			}
			covered = tk.End
		}
	}
	for i := covered; i < len(text); {
		r, w := decode(text[i:])
		if classOf(r) != clSpace {
			t.Fatalf("byte %d (%q) is in no token", i, r)
		}
		i += w
	}
}

func FuzzSplit(f *testing.F) {
	for _, s := range []string{
		"",
		" \n\n\t ",
		"\xff\xfe\x80abc\xc3",
		"a\x00b\x00\x00. C",
		`!!??..."'“”‘’()[]{}--—–…,;:`,
		"Mr. Smith didn't go to the U.S. at 2 p.m .: he stayed.",
		"http://x.y/z?q=1, mail a@b.co.",
		"I can't—won't, ”he said. “Fine.” Next.",
		strings.Repeat("ab.", 50),
		strings.Repeat("n't", 30),
	} {
		f.Add(s)
	}
	tk := Default()
	f.Fuzz(func(t *testing.T, text string) {
		checkInvariants(t, text, tk.Split(text))
	})
}

func TestInvariantsOnHardInputs(t *testing.T) {
	tk := Default()
	long := strings.Repeat("x", 1<<20)
	puncts := strings.Repeat(`.,;:!?'"“”‘’()[]{}-–—…/\@#$%^&*`, 1<<13)
	words := strings.Repeat("word ", 1<<17)
	for name, text := range map[string]string{
		"empty":        "",
		"space":        "   \n\n  ",
		"invalid":      "\xff\xfe \xc3 abc\xe2\x80 d.\xff E",
		"nul":          "a\x00b \x00. C\x00",
		"long token":   long,
		"long dots":    strings.Repeat(".", 1<<20),
		"punctuation":  puncts,
		"no sentences": words,
	} {
		t.Run(name, func(t *testing.T) {
			checkInvariants(t, text, tk.Split(text))
		})
	}
}
