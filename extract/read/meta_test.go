package read

import (
	"context"
	"os"
	"path/filepath"
	"testing"
	"time"
)

func TestParseMeta(t *testing.T) {
	p := newDateParser(time.Time{})
	for in, want := range map[string]string{
		"2021-03-18":                    "2021-03-18T00:00:00Z",
		"1987-02-26T15:01:01":           "1987-02-26T15:01:01Z",
		"2022-09-02T07:45:00+02:00":     "2022-09-02T05:45:00Z",
		"Thu, 18 Mar 2021 10:00:00 GMT": "2021-03-18T10:00:00Z",
		"26-FEB-1987 15:01:01.79":       "1987-02-26T15:01:01Z",
		"March 18, 2021":                "2021-03-18T00:00:00Z",
		"18 March 2021":                 "2021-03-18T00:00:00Z",
		"someday":                       "",
		"March 18":                      "", // no year
		"":                              "",
	} {
		got := ""
		if d, ok := p.parseMeta(in); ok {
			got = d.UTC().Format(time.RFC3339)
		}
		if got != want {
			t.Errorf("parseMeta(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestTextDate(t *testing.T) {
	base := time.Date(2021, 6, 1, 0, 0, 0, 0, time.UTC)
	cases := []struct {
		text           string
		noBase, inBase string // dates found without and with a base date
	}{
		{"Headline\nMar 19, 2021\nMoscow [Russia], March 19 : Text.", "2021-03-19", "2021-03-19"},
		{"Moscow [Russia], March 19 : Russia has reacted angrily.", "", "2021-03-19"},
		{"Update from March 18, 2 p.m .: Putin spoke.\n\nFirst report from March 17th, 11.50 a.m.:", "", "2021-03-18"},
		{"LONDON, March 3, 1987 - Shares fell.", "1987-03-03", "1987-03-03"},
		{"Title\n\nThursday, May 7, 2015 On Tuesday, the government said.", "2015-05-07", "2015-05-07"},
		{"Published: 3 June 2022 10:14\n\nText.", "2022-06-03", "2022-06-03"},
		{"Elections are set for May 5, 2024 in the capital.", "", ""},
		{"The talks in March 19 rounds went nowhere.", "", ""},
	}
	for _, c := range cases {
		for i, p := range []*dateParser{newDateParser(time.Time{}), newDateParser(base)} {
			want := []string{c.noBase, c.inBase}[i]
			got := ""
			if d, ok := p.textDate(c.text); ok {
				got = d.Format(time.DateOnly)
			}
			if got != want {
				t.Errorf("textDate(%q), base %v: %q, want %q", c.text, i == 1, got, want)
			}
		}
	}
}

func TestHeadline(t *testing.T) {
	for in, want := range map[string]string{
		"Russia reacts angrily after Biden's 'killer' remarks\nMar 19, 2021\nText.": "Russia reacts angrily after Biden's 'killer' remarks",
		"A headline\n\nText.":                       "A headline",
		"Strong points:\n\nText.":                   "",
		"Only one line":                             "",
		"After the vote, the council\nmet again.":   "",
		"The council met on Monday.\nIt adjourned.": "",
		"Mar 19, 2021\nText.":                       "",
		"lower case start\nText.":                   "",
		"Share this\nText.":                         "",
	} {
		if got := headline(in); got != want {
			t.Errorf("headline(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestSlugPath(t *testing.T) {
	for in, want := range map[string]string{
		"seeds/000_5934c2a2c18d2cab":     "seeds/000_5934c2a2c18d2cab",
		"Müller & Söhne/Report (final)":  "Muller-Sohne/Report-final",
		"a//b/./c":                       "a/b/c",
		"news 2021/März – Bericht v1.2":  "news-2021/Marz-Bericht-v1.2",
		"日本語":                            "doc",
		"--x--":                          "x",
		"emoji 🎉 story":                  "emoji-story",
		"dir/.hidden-ish/..":             "dir/hidden-ish",
		"trailing.dot.":                  "trailing.dot",
		"under_score-dash.and.dots_2023": "under_score-dash.and.dots_2023",
	} {
		if got := slugPath(in); got != want {
			t.Errorf("slugPath(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestDetectFormat(t *testing.T) {
	for _, c := range []struct {
		name, head string
		want       Format
	}{
		{"a.TXT", "<html>", FormatText},
		{"a.md", "", FormatMarkdown},
		{"a.Markdown", "", FormatMarkdown},
		{"a.htm", "", FormatHTML},
		{"a.ndjson", "", FormatJSONL},
		{"", "\ufeff  {\"id\":1}", FormatJSONL},
		{"", "<!DOCTYPE html><title>x</title>", FormatHTML},
		{"", "<div><p>Hello</p></div>", FormatHTML},
		{"", "# Heading\n\nText", FormatMarkdown},
		{"", "---\ntitle: x\n---\nText", FormatMarkdown},
		{"x.article", "Just words <and> brackets.", FormatText},
		{"", "", FormatText},
	} {
		if got := DetectFormat(c.name, []byte(c.head)); got != c.want {
			t.Errorf("DetectFormat(%q, %q) = %v, want %v", c.name, c.head, got, c.want)
		}
	}
	if ParseFormat("md") != FormatMarkdown || ParseFormat("jsonl") != FormatJSONL || ParseFormat("pdf") != FormatUnknown {
		t.Error("ParseFormat")
	}
}

func TestDecodeText(t *testing.T) {
	for _, c := range []struct {
		in, want, err string
	}{
		{"\xef\xbb\xbfplain", "plain", ""},
		{"\xff\xfeh\x00i\x00", "hi", ""},
		{"\xfe\xff\x00h\x00i", "hi", ""},
		{"na\xefve caf\xe9", "naïve café", ""},
		{"a\x00b", "", reasonBinary},
		{"\x01\x02\x03\x04 abc", "", reasonControl},
		{"\x81\x82 abc", "", reasonNotText},
		{"\xd0\xd1\xd2\xd3\xd4\xd5\xd6\xd7 ab", "", reasonNotText}, // too many high bytes
	} {
		got, err := decodeText([]byte(c.in))
		gotErr := ""
		if err != nil {
			gotErr = err.Error()
		}
		if got != c.want || gotErr != c.err {
			t.Errorf("decodeText(%q) = %q, %q; want %q, %q", c.in, got, gotErr, c.want, c.err)
		}
	}
	// A page that declares its charset is decoded with it.
	page := "<html><head><meta charset=\"koi8-r\"></head><body>\xf0\xd2\xc9\xd7\xc5\xd4</body></html>"
	if got, err := decodeHTML([]byte(page)); err != nil || got != "<html><head><meta charset=\"koi8-r\"></head><body>Привет</body></html>" {
		t.Errorf("decodeHTML(koi8-r) = %q, %v", got, err)
	}
}

func TestSeedsWithDateBase(t *testing.T) {
	seeds := filepath.Join(repoRoot(t), "..", "shared", "seeds")
	if _, err := os.Stat(seeds); err != nil {
		t.Skipf("seed articles not found at %s (%v); skipping", seeds, err)
	}
	got := map[string]string{}
	opt := Options{DateBase: time.Date(2021, 12, 31, 0, 0, 0, 0, time.UTC)}
	for d, err := range Documents(context.Background(), []string{seeds}, opt) {
		if err != nil {
			t.Fatal(err)
		}
		got[d.ID] = d.Date.Format(time.DateOnly)
	}
	want := map[string]string{
		"000_5934c2a2c18d2cab": "2021-03-18", // "Update from March 18, 2 p.m .:"
		"001_73df357b73c67ff4": "2021-03-18",
		"002_a4ae8eba98f6f586": "2021-03-19",
	}
	for id, w := range want {
		if got[id] != w {
			t.Errorf("%s dated %s, want %s", id, got[id], w)
		}
	}
}
