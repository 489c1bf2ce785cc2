package read

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/factgraph/factgraph/extract"
)

// result is one item of a Documents sequence in a comparable form.
type result struct {
	ID, Source, Title, Publisher, URL, Date, Text string
	Problem                                       string
}

func (r result) String() string {
	if r.Problem != "" {
		return "problem " + r.Problem
	}
	return fmt.Sprintf("doc %s (%s) title=%q date=%s publisher=%q url=%q\n%s", r.ID, r.Source, r.Title, r.Date, r.Publisher, r.URL, r.Text)
}

func docResult(d *extract.Document) result {
	date := ""
	if d.HasDate() {
		date = d.Date.UTC().Format(time.RFC3339)
	}
	return result{ID: d.ID, Source: d.Source, Title: d.Title, Publisher: d.Publisher, URL: d.URL, Date: date, Text: d.Text}
}

// collect runs Documents and returns its items; a non-Problem error fails
// the test.
func collect(t *testing.T, inputs []string, opt Options) []result {
	t.Helper()
	var out []result
	for d, err := range Documents(context.Background(), inputs, opt) {
		if err != nil {
			var p *Problem
			if !errors.As(err, &p) {
				t.Fatalf("fatal error from Documents: %v", err)
			}
			out = append(out, result{Problem: p.Error()})
			continue
		}
		out = append(out, docResult(d))
	}
	return out
}

func compare(t *testing.T, got, want []result) {
	t.Helper()
	for i := range max(len(got), len(want)) {
		switch {
		case i >= len(got):
			t.Errorf("item %d missing, want\n%v", i, want[i])
		case i >= len(want):
			t.Errorf("item %d unexpected:\n%v", i, got[i])
		case got[i] != want[i]:
			t.Errorf("item %d:\ngot  %v\nwant %v", i, got[i], want[i])
		}
	}
}

func TestGoodDirectory(t *testing.T) {
	var skipped []string
	got := collect(t, []string{"testdata/good"}, Options{Skipped: func(path, reason string) {
		skipped = append(skipped, filepath.ToSlash(path)+": "+reason)
	}})
	want := []result{
		{ID: "budget", Source: "testdata/good/budget.md", Title: "Council approves record budget",
			Publisher: "Valley Gazette", URL: "https://gazette.example/budget", Date: "2023-03-03T00:00:00Z",
			Text: "Council approves record budget\n\nPosted on 3 March 2023\n\n" +
				"The council of Lindenfeld approved a budget of 12 million euros on Thursday, the mayor said.\n\n" +
				"Schools first\n\nNew roofs for two schools\nA bus line to the station\n\n" +
				`"This is a good day," said councillor Ada Brandt.`},
		{ID: "cafe-1252", Source: "testdata/good/cafe-1252.txt",
			Text: "Café owners in Zürich said the “new” rules cost them €500 a month."},
		{ID: "feed-1", Source: "testdata/good/feed.jsonl:1", Title: "Grain prices rise", Publisher: "Example Wire",
			URL: "https://wire.example/1", Date: "2021-03-18T00:00:00Z",
			Text: "Wheat prices rose 3 percent on Monday, traders said."},
		{ID: "42", Source: "testdata/good/feed.jsonl:2", Date: "1987-02-26T15:01:01Z",
			Text: "Copper output fell in February, the mining ministry said.\nExports were steady."},
		{ID: "feed-3", Source: "testdata/good/feed.jsonl:3", Date: "2020-03-03T00:00:00Z",
			Text: "Fishermen in Tarvik said the season started late."},
		{Problem: `testdata/good/feed.jsonl:5: document ID "feed-1" was already used by testdata/good/feed.jsonl:1; give each article a unique ID (rename the file or change its "id")`},
		{Problem: `testdata/good/feed.jsonl:6: has an empty "text"; every line needs the article text in "text"`},
		{Problem: `testdata/good/feed.jsonl:7: has no "text" field; every line needs the article text in "text"`},
		{Problem: `testdata/good/feed.jsonl:8: has a "text" field that is a JSON number; it must be a string`},
		{Problem: `testdata/good/feed.jsonl:9: is not valid JSON (unexpected end of JSON input at byte 38); each line must be one JSON object`},
		{Problem: `testdata/good/feed.jsonl:10: is a JSON array, not an object; each line must be one JSON object`},
		{Problem: `testdata/good/feed.jsonl:11: has an "id" that is an object; use a string or an integer`},
		{ID: "feed-11", Source: "testdata/good/feed.jsonl:12", Title: "Kept despite odd date",
			Text: "The port reopened. Trade resumed."},
		{ID: "harbour", Source: "testdata/good/harbour.txt", Title: "Harbour bridge in Port Alma reopens after repairs",
			Date: "2022-06-14T00:00:00Z",
			Text: "Harbour bridge in Port Alma reopens after repairs\nJune 14, 2022\n\n" +
				"Port Alma, June 14 : The harbour bridge reopened on Tuesday after eight months of repairs, the city council said.\n\n" +
				"“We are glad it is over,” ferry captain Tomas Berg told reporters.\n\n" +
				"Mayor Ines Okafor said the repairs cost 4.2 million euros."},
		{ID: "nested/bridge", Source: "testdata/good/nested/bridge.html", Title: "Dam inspection finds cracks",
			Publisher: "The Riverside Herald", URL: "https://herald.example/news/2022/dam-inspection-finds-cracks",
			Date: "2022-09-02T00:00:00Z",
			Text: "Dam inspection finds cracks\n\n" +
				"Engineers found cracks in the Eastbrook dam during a routine inspection on Thursday, the regional water authority said.\n\n" +
				"The authority said there was no immediate danger to the villages below the dam. It lowered the water level by two metres as a precaution.\n" +
				"Repairs are expected to start in October.\n\n" +
				"Second inspection planned\n\n" +
				"“We take every crack seriously,” said chief engineer Marta Novak. A second inspection with divers is planned for next week."},
	}
	compare(t, got, want)
	wantSkipped := []string{"testdata/good/.hidden.txt: hidden", "testdata/good/notes.csv: unknown extension"}
	if strings.Join(skipped, "\n") != strings.Join(wantSkipped, "\n") {
		t.Errorf("skipped:\n%s\nwant:\n%s", strings.Join(skipped, "\n"), strings.Join(wantSkipped, "\n"))
	}
}

func TestIDsRelativeToInputRoot(t *testing.T) {
	got := collect(t, []string{"testdata/good/nested", "testdata/good/harbour.txt"}, Options{})
	var ids []string
	for _, r := range got {
		ids = append(ids, r.ID+" "+r.Source)
	}
	want := "bridge testdata/good/nested/bridge.html|harbour testdata/good/harbour.txt"
	if s := strings.Join(ids, "|"); s != want {
		t.Errorf("ids = %s, want %s", s, want)
	}
}

func TestBadFiles(t *testing.T) {
	got := collect(t, []string{"testdata/bad"}, Options{})
	want := []result{
		{Problem: "testdata/bad/binary.txt: binary data (contains NUL bytes), not text; factgraph reads UTF-8 text, Markdown, HTML and JSON Lines"},
		{Problem: "testdata/bad/furniture.txt: contains only page furniture (navigation, share or comment prompts), no article text"},
		{Problem: "testdata/bad/garbled.txt: not UTF-8 text and not Windows-1252; convert it to UTF-8"},
		{Problem: "testdata/bad/utf16.txt: looks like UTF-16 text without a byte-order mark; convert it to UTF-8"},
	}
	compare(t, got, want)
}

// write creates the file name below dir with content.
func write(t *testing.T, dir, name, content string) string {
	t.Helper()
	p := filepath.Join(dir, name)
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

func TestGeneratedBadInputs(t *testing.T) {
	dir := t.TempDir()
	empty := write(t, dir, "empty.txt", "")
	blank := write(t, dir, "blank.md", " \n\t\r\n  ")
	huge := write(t, dir, "huge.txt", strings.Repeat("Word after word. ", 200)) // 3400 bytes
	ok := write(t, dir, "ok.txt", "Small enough to read.")
	long := write(t, dir, "lines.jsonl", `{"id":"a","text":"`+strings.Repeat("x", 3000)+"\"}\n"+`{"id":"b","text":"Short line."}`+"\n")
	missing := filepath.Join(dir, "missing.txt")
	opt := Options{MaxDocBytes: 1024}
	got := collect(t, []string{empty, blank, huge, ok, long, missing}, opt)
	want := []result{
		{Problem: empty + ": is empty; nothing to read"},
		{Problem: blank + ": contains only white space; nothing to read"},
		{Problem: huge + ": larger than --max-doc-size 1 KiB; raise the limit or split the file"},
		{ID: "ok", Source: ok, Text: "Small enough to read."},
		{Problem: long + ":1: line is larger than --max-doc-size 1 KiB; raise the limit or split the article"},
		{ID: "b", Source: long + ":2", Text: "Short line."},
		{Problem: missing + ": does not exist; check the path"},
	}
	compare(t, got, want)
}

func TestSymlinks(t *testing.T) {
	dir := t.TempDir()
	root := filepath.Join(dir, "root")
	write(t, root, "a/story.txt", "A story about the river.")
	links := map[string]string{
		"a/loop":      "..",                                  // back up to root: a directory loop
		"broken.txt":  filepath.Join(dir, "nowhere.txt"),     // target missing
		"self.txt":    filepath.Join(root, "self.txt"),       // points at itself
		"b":           filepath.Join(root, "a"),              // a second way into a: followed
		"link.txt":    filepath.Join(root, "a", "story.txt"), // a file link: followed
		"a/.hide-dir": "..",                                  // hidden: never looked at
	}
	for name, target := range links {
		if err := os.Symlink(target, filepath.Join(root, name)); err != nil {
			t.Skipf("symbolic links not supported: %v", err)
		}
	}
	got := collect(t, []string{root}, Options{})
	j := func(p string) string { return filepath.Join(root, p) }
	want := []result{
		{Problem: j("a/loop") + ": is a symbolic link to " + root + ", which contains it (a directory loop); it was not followed, remove the link"},
		{ID: "a/story", Source: j("a/story.txt"), Text: "A story about the river."},
		{Problem: j("b/loop") + ": is a symbolic link to " + root + ", which contains it (a directory loop); it was not followed, remove the link"},
		{ID: "b/story", Source: j("b/story.txt"), Text: "A story about the river."},
		{Problem: j("broken.txt") + ": is a broken symbolic link (its target does not exist); fix or remove the link"},
		{ID: "link", Source: j("link.txt"), Text: "A story about the river."},
		{Problem: j("self.txt") + ": is a symbolic link loop; fix or remove the link"},
	}
	compare(t, got, want)
}

func TestPermissionDenied(t *testing.T) {
	if os.Geteuid() == 0 {
		// root reads everything; check the wording at least.
		if r := statReason("x", &fs.PathError{Op: "open", Path: "x", Err: fs.ErrPermission}); r != "cannot be read: permission denied; check its permissions" {
			t.Errorf("reason = %q", r)
		}
		t.Skip("running as root: file permissions are not enforced")
	}
	dir := t.TempDir()
	p := write(t, dir, "secret.txt", "Hidden words.")
	if err := os.Chmod(p, 0); err != nil {
		t.Fatal(err)
	}
	got := collect(t, []string{p}, Options{})
	compare(t, got, []result{{Problem: p + ": cannot be read: permission denied; check its permissions"}})
}

func TestDuplicateFileIDs(t *testing.T) {
	dir := t.TempDir()
	a := write(t, dir, "same.md", "# Same\n\nFrom Markdown.")
	b := write(t, dir, "same.txt", "From text.")
	got := collect(t, []string{dir}, Options{})
	want := []result{
		{ID: "same", Source: a, Title: "Same", Text: "Same\n\nFrom Markdown."},
		{Problem: b + `: document ID "same" was already used by ` + a + `; give each article a unique ID (rename the file or change its "id")`},
	}
	compare(t, got, want)
}

func TestStdin(t *testing.T) {
	t.Run("text", func(t *testing.T) {
		got := collect(t, []string{"-", "-"}, Options{Stdin: strings.NewReader("\ufeffFloods close roads\r\nRoads near the coast were closed on Monday.\r\n")})
		compare(t, got, []result{
			{ID: "stdin", Source: "-", Title: "Floods close roads", Text: "Floods close roads\nRoads near the coast were closed on Monday."},
			{Problem: "-: standard input was already read; pass - only once"},
		})
	})
	t.Run("jsonl", func(t *testing.T) {
		got := collect(t, []string{"-"}, Options{Stdin: strings.NewReader("{\"text\":\"One.\"}\n{\"text\":\"Two.\",\"id\":\"x\"}\n{\"text\":\"Three.\"}")})
		compare(t, got, []result{
			{ID: "stdin-1", Source: "-:1", Text: "One."},
			{ID: "x", Source: "-:2", Text: "Two."},
			{ID: "stdin-3", Source: "-:3", Text: "Three."},
		})
	})
	t.Run("html", func(t *testing.T) {
		page := "<html><head><title>Mill closes</title></head><body><article><h1>Mill closes</h1><p>The old paper mill in Brenning closed on Friday after ninety years, the owners said in a statement to local media.</p><p>Advertisement</p></article></body></html>"
		got := collect(t, []string{"-"}, Options{Stdin: strings.NewReader(page)})
		compare(t, got, []result{{ID: "stdin", Source: "-", Title: "Mill closes",
			Text: "Mill closes\n\nThe old paper mill in Brenning closed on Friday after ninety years, the owners said in a statement to local media."}})
	})
	t.Run("missing", func(t *testing.T) {
		got := collect(t, []string{"-"}, Options{})
		compare(t, got, []result{{Problem: "-: standard input is not available"}})
	})
}

func TestUnknownExtensionNamedDirectly(t *testing.T) {
	dir := t.TempDir()
	p := write(t, dir, "story.article", "Rain ends drought\n\nRain fell on Tuesday for the first time in months.")
	got := collect(t, []string{p}, Options{})
	compare(t, got, []result{{ID: "story", Source: p, Title: "Rain ends drought",
		Text: "Rain ends drought\n\nRain fell on Tuesday for the first time in months."}})
}

func TestTextCleaning(t *testing.T) {
	dir := t.TempDir()
	p := write(t, dir, "c.txt", " date 2021-03-18 NAfter the vote\x1b, the\x07 council\r\nmet again.\r\rIt adjourned.\u2028Done.\n\n\n\nBack to top button\n")
	got := collect(t, []string{p}, Options{})
	compare(t, got, []result{{ID: "c", Source: p, Date: "2021-03-18T00:00:00Z",
		Text: "After the vote, the council\nmet again.\n\nIt adjourned.\nDone."}})
}

func TestCancel(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	var n int
	var last error
	for d, err := range Documents(ctx, []string{"testdata/good"}, Options{}) {
		if d != nil {
			n++
			cancel()
		}
		last = err
	}
	if n != 1 || !errors.Is(last, context.Canceled) {
		t.Errorf("after cancel: %d documents, last error %v; want 1 and context.Canceled", n, last)
	}
	// A consumer that stops early is not called again.
	for range Documents(context.Background(), []string{"testdata/good", "testdata/bad"}, Options{}) {
		break
	}
}

// repoRoot walks up from the working directory to the directory with go.mod.
func repoRoot(t testing.TB) string {
	dir, err := os.Getwd()
	if err != nil {
		t.Fatal(err)
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			return dir
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			t.Fatal("go.mod not found above the working directory")
		}
		dir = parent
	}
}

func TestSeeds(t *testing.T) {
	seeds := filepath.Join(repoRoot(t), "..", "shared", "seeds")
	if _, err := os.Stat(seeds); err != nil {
		t.Skipf("seed articles not found at %s (%v); skipping", seeds, err)
	}
	docs := map[string]*extract.Document{}
	for d, err := range Documents(context.Background(), []string{seeds}, Options{}) {
		if err != nil {
			t.Fatalf("problem with the seeds: %v", err)
		}
		docs[d.ID] = d
	}
	if len(docs) != 5 {
		t.Fatalf("%d seed documents, want 5", len(docs))
	}
	for id, d := range docs {
		for line := range strings.Lines(d.Text) {
			if IsFurniture(line) {
				t.Errorf("%s: furniture line left: %q", id, line)
			}
		}
		for _, teaser := range []string{"also read", "Press \"Enter\"", "Leave a Reply", "Back to top", "Your email address", "Biden and Putin\n"} {
			if strings.Contains(d.Text, teaser) {
				t.Errorf("%s: text still contains %q", id, teaser)
			}
		}
	}
	check := func(id, title, date string) {
		t.Helper()
		d := docs[id]
		if d == nil {
			t.Errorf("seed %s missing", id)
			return
		}
		if title != "" && d.Title != title {
			t.Errorf("%s: title %q, want %q", id, d.Title, title)
		}
		if got := d.Date.Format(time.DateOnly); date != "" && got != date {
			t.Errorf("%s: date %s, want %s", id, got, date)
		}
	}
	check("001_73df357b73c67ff4", "", "2021-03-18")
	check("002_a4ae8eba98f6f586", "Russia reacts angrily after Biden's 'killer' remarks for Putin", "2021-03-19")
	check("003_fb4d295e1d4f21ec", "Vladimir Putin now proposes live debate to Joe Biden", "")
	if d := docs["001_73df357b73c67ff4"]; d != nil && !strings.HasPrefix(d.Text, "After the sharp attack") {
		t.Errorf("001: date marker left at the start: %.40q", d.Text)
	}
	// A year-less dateline counts only with a base date.
	if d := docs["000_5934c2a2c18d2cab"]; d != nil && d.HasDate() {
		t.Errorf("000 dated %v without a base date", d.Date)
	}
}

func TestJSONLNotJSONLines(t *testing.T) {
	dir := t.TempDir()
	bin := write(t, dir, "blob.jsonl", "{\"id\":\"a\"}\x00\x00\x01\x02")
	prose := write(t, dir, "prose.jsonl", strings.Repeat("Just a line of prose.\n", 150))
	got := collect(t, []string{bin, prose}, Options{})
	if len(got) != 102 {
		t.Fatalf("%d items, want 102", len(got))
	}
	compare(t, got[:2], []result{
		{Problem: bin + ": binary data (contains NUL bytes), not text; factgraph reads UTF-8 text, Markdown, HTML and JSON Lines"},
		{Problem: prose + ":1: is not valid JSON (invalid character 'J' looking for beginning of value at byte 1); each line must be one JSON object"},
	})
	compare(t, got[101:], []result{{Problem: prose + ": gave up after 100 malformed lines and no good one; is it JSON Lines (one JSON object a line)?"}})
}

func TestFormatSize(t *testing.T) {
	for n, want := range map[int64]string{10 << 20: "10 MiB", 1024: "1 KiB", 4000: "4000 bytes", 1536: "1536 bytes", 0: "0 bytes", 3 << 30: "3 GiB"} {
		if got := formatSize(n); got != want {
			t.Errorf("formatSize(%d) = %q, want %q", n, got, want)
		}
	}
}
