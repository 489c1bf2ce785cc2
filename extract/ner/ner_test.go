package ner

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/factgraph/factgraph/extract"
	"github.com/factgraph/factgraph/extract/conllu"
	"github.com/factgraph/factgraph/extract/tokenize"
)

// analyse tokenises text with the project's tokenizer and runs the default
// recognizer on it.
func analyse(t testing.TB, text string, date time.Time) *extract.Analysis {
	t.Helper()
	r, err := Default()
	if err != nil {
		t.Fatalf("Default: %v", err)
	}
	a := &extract.Analysis{
		Doc:       &extract.Document{ID: "test", Text: text, Date: date},
		Sentences: tokenize.Default().Split(text),
	}
	if err := r.Recognize(context.Background(), a); err != nil {
		t.Fatalf("Recognize: %v", err)
	}
	return a
}

func mentionSet(a *extract.Analysis) map[string]extract.Mention {
	out := map[string]extract.Mention{}
	for _, m := range a.Mentions {
		out[m.Text] = m
	}
	return out
}

// paragraph is a news paragraph written for this test.
const paragraph = `Kremlin spokesman Dmitry Peskov said on Wednesday that Russian diplomats would meet officials of the European Union in Geneva next month. US President Joe Biden spoke with German Chancellor Angela Merkel by telephone, the White House said. Both leaders discussed shipping in the Black Sea and new sanctions against Gazprom, which lost 4 percent of its value in London.`

func TestRecognizeNewsParagraph(t *testing.T) {
	date := time.Date(2021, 3, 18, 0, 0, 0, 0, time.UTC) // a Thursday
	a := analyse(t, paragraph, date)
	got := mentionSet(a)
	want := []struct{ text, typ, value string }{
		{"Dmitry Peskov", "PERSON", ""},
		{"Joe Biden", "PERSON", ""},
		{"Angela Merkel", "PERSON", ""},
		{"Russian", "NORP", "Russia"},
		{"German", "NORP", "Germany"},
		{"European Union", "ORG", ""},
		{"White House", "ORG", ""},
		{"Geneva", "GPE", ""},
		{"London", "GPE", ""},
		{"US", "GPE", "United States"},
		{"Black Sea", "LOC", ""},
		{"Wednesday", "DATE", "2021-03-17"},
		{"next month", "DATE", "2021-04"},
		{"4 percent", "PERCENT", "4%"},
	}
	for _, w := range want {
		m, ok := got[w.text]
		if !ok {
			t.Errorf("no mention %q (%s); got %v", w.text, w.typ, a.Mentions)
			continue
		}
		if m.Type != w.typ {
			t.Errorf("%q: type %s, want %s", w.text, m.Type, w.typ)
		}
		if w.value != "" && m.Value != w.value {
			t.Errorf("%q: value %q, want %q", w.text, m.Value, w.value)
		}
		if paragraph[m.Start:m.End] != w.text {
			t.Errorf("%q: offsets %d:%d give %q", w.text, m.Start, m.End, paragraph[m.Start:m.End])
		}
	}
	// Titles are not part of names.
	for _, m := range a.Mentions {
		if m.Type == "PERSON" {
			for _, title := range []string{"spokesman", "President", "Chancellor"} {
				if strings.Contains(m.Text, title) {
					t.Errorf("PERSON %q includes the title %q", m.Text, title)
				}
			}
		}
	}
	// Token tags agree with the mentions.
	for _, s := range a.Sentences {
		for _, tok := range s.Tokens {
			if tok.NER == "" {
				t.Fatalf("token %q has no NER tag", tok.Text)
			}
			if tok.Text == "Peskov" && tok.NER != "I-PERSON" {
				t.Errorf("Peskov tagged %s, want I-PERSON", tok.NER)
			}
		}
	}
}

func TestRoles(t *testing.T) {
	text := `Kremlin spokesman Dmitry Peskov rejected the report. US President Joe Biden answered. White House Press Secretary Jen Psaki said so on Thursday. Deputy Foreign Minister Sergei Riabkov told the agency. Later, Jen Psaki, the spokeswoman for the White House, repeated it.`
	a := analyse(t, text, time.Time{})
	r, _ := Default()
	roles := r.Roles(a)
	type want struct{ person, title, of string }
	wants := []want{
		{"Dmitry Peskov", "spokesman", "Kremlin"},
		{"Joe Biden", "President", "US"},
		{"Jen Psaki", "Press Secretary", "White House"},
		{"Sergei Riabkov", "Deputy Foreign Minister", ""},
		{"Jen Psaki", "spokeswoman", "White House"},
	}
	var got []want
	for _, ro := range roles {
		got = append(got, want{ro.Person.Text, ro.Title, ro.Of.Text})
	}
	for _, w := range wants {
		found := false
		for _, g := range got {
			if g == w {
				found = true
			}
		}
		if !found {
			t.Errorf("missing role %+v; got %+v (mentions %v)", w, got, a.Mentions)
		}
	}
}

func TestNamesStopAtQuotes(t *testing.T) {
	text := "Meanwhile, Biden said in an interview aired on ABC’s “Good Morning America” that Putin would pay."
	a := analyse(t, text, time.Time{})
	for _, m := range a.Mentions {
		inner := strings.Trim(m.Text, "“”\"")
		if strings.ContainsAny(inner, "“”\"") {
			t.Errorf("mention %q (%s) runs across a quotation mark", m.Text, m.Type)
		}
	}
	if m := mentionSet(a)["Good Morning America"]; m.Type == "" {
		t.Errorf("no mention Good Morning America; mentions %v", a.Mentions)
	}
}

// TestNamesStopAtBrackets: wire copy in the Reuters style brackets
// unlisted companies and tickers; no name runs across a bracket, and a
// country after one is a place.
func TestNamesStopAtBrackets(t *testing.T) {
	text := "The buyer, <Holmgren Telephone Co> of Sweden, said Tuesday it had agreed with Texas Air Corp's <TEX> Continental Airlines."
	a := analyse(t, text, time.Time{})
	for _, m := range a.Mentions {
		if strings.ContainsAny(m.Text, "<>") {
			t.Errorf("mention %q (%s) runs across an angle bracket", m.Text, m.Type)
		}
	}
	ms := mentionSet(a)
	for name, typ := range map[string]string{"Holmgren Telephone Co": "ORG", "Sweden": "GPE", "Continental Airlines": "ORG"} {
		if ms[name].Type != typ {
			t.Errorf("%s: %q, want %s; mentions %v", name, ms[name].Type, typ, a.Mentions)
		}
	}
}

// TestCompanyNamedLikePerson: a name ending with a legal form is a
// company however much the rest looks like a person's name, and a legal
// form alone is no name.
func TestCompanyNamedLikePerson(t *testing.T) {
	text := "Guy F. Atkinson Co said it won the contract. Lead manager Nikko Securities Co (Europe) Ltd said the notes sold well."
	a := analyse(t, text, time.Time{})
	ms := mentionSet(a)
	if m := ms["Guy F. Atkinson Co"]; m.Type != "ORG" {
		t.Errorf("Guy F. Atkinson Co: %q, want ORG; mentions %v", m.Type, a.Mentions)
	}
	if m, ok := ms["Ltd"]; ok {
		t.Errorf("Ltd alone is a %s mention", m.Type)
	}
}

func TestTranslationDebris(t *testing.T) {
	text := "Dhe Russian President Vladimir Putin has proposed a debate. NAfter the attack, Russia recalled its ambassador."
	a := analyse(t, text, time.Time{})
	got := mentionSet(a)
	for _, m := range a.Mentions {
		if strings.Contains(m.Text, "Dhe") || strings.Contains(m.Text, "NAfter") {
			t.Errorf("debris in mention %q (%s)", m.Text, m.Type)
		}
	}
	if m := got["Vladimir Putin"]; m.Type != "PERSON" {
		t.Errorf("Vladimir Putin: %+v, want PERSON", m)
	}
	if m := got["Russian"]; m.Type != "NORP" || m.Value != "Russia" {
		t.Errorf("Russian: %+v, want NORP → Russia", m)
	}
	// Scraped captions glued to the next word, against real names.
	r, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	for w, want := range map[string]bool{"ABCWhen": true, "NAfter": true, "CNNThe": true,
		"McDonald": false, "NATO": false, "USAid": false, "Anderson": false, "ThEnd": false} {
		if got := r.isDebris([]string{"by", w}, 1); got != want {
			t.Errorf("isDebris(%q) = %v, want %v", w, got, want)
		}
	}
}

func TestHostileInputDoesNotPanic(t *testing.T) {
	r, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	inputs := []string{
		"",
		strings.Repeat("x", 100000),
		strings.Repeat("A", 5000) + " " + strings.Repeat("9", 5000),
		"THE PRESIDENT OF THE UNITED STATES MET THE RUSSIAN AMBASSADOR IN MOSCOW ON MONDAY .",
		"!!! ??? ... --- ### 123 456 $$$ %%% 12:99 p.m.",
		"\x00\xff\xfe invalid utf8 \xc3\x28",
		strings.Repeat("Biden ", 3000),
		"“ ” ‘ ’ « » — –",
	}
	for _, in := range inputs {
		a := &extract.Analysis{Doc: &extract.Document{Text: in}, Sentences: tokenize.Default().Split(in)}
		if err := r.Recognize(context.Background(), a); err != nil {
			t.Errorf("Recognize(%.20q): %v", in, err)
		}
		r.Roles(a)
	}
	// Hand-built analyses with inconsistent offsets and empty tokens.
	a := &extract.Analysis{Sentences: []extract.Sentence{
		{Tokens: []extract.Token{{Text: ""}, {Text: "Moscow", Start: 5, End: 2}}},
		{},
	}}
	if err := r.Recognize(context.Background(), a); err != nil {
		t.Error(err)
	}
	if err := r.Recognize(context.Background(), nil); err != nil {
		t.Error(err)
	}
}

func TestRecognizeHonoursContext(t *testing.T) {
	r, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	a := &extract.Analysis{Doc: &extract.Document{Text: paragraph}, Sentences: tokenize.Default().Split(paragraph)}
	if err := r.Recognize(ctx, a); err == nil {
		t.Error("Recognize with a cancelled context: no error")
	}
}

func FuzzRecognize(f *testing.F) {
	for _, s := range []string{paragraph, "", "ALL CAPS HEADLINE ABOUT MOSCOW", "123 456", "Dhe NAfter x"} {
		f.Add(s)
	}
	r, err := Default()
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, s string) {
		a := &extract.Analysis{Doc: &extract.Document{Text: s, Date: time.Date(2021, 3, 18, 0, 0, 0, 0, time.UTC)}, Sentences: tokenize.Default().Split(s)}
		if err := r.Recognize(context.Background(), a); err != nil {
			t.Fatal(err)
		}
		for _, m := range a.Mentions {
			if m.Start < 0 || m.End > len(s) || m.Start > m.End {
				t.Fatalf("mention %+v outside the text", m)
			}
		}
		r.Roles(a)
	})
}

// sharedFile returns a file of ../shared/data or skips the test.
func sharedFile(t testing.TB, rel string) string {
	dir := conllu.SharedDataDir()
	if dir == "" {
		t.Skip("skipping: ../shared/data is absent (the shared corpora live next to the repository)")
	}
	p := filepath.Join(dir, rel)
	if _, err := os.Stat(p); err != nil {
		t.Skipf("skipping: %s is absent (the shared corpora live in ../shared/data next to the repository)", p)
	}
	return p
}

// TestDevSubset tags the first documents of CoNLL-2003 eng.testa and checks
// the shipped model is far above chance; the full score is in the README.
func TestDevSubset(t *testing.T) {
	p := sharedFile(t, "conll2003/eng.testa")
	fh, err := os.Open(p)
	if err != nil {
		t.Fatal(err)
	}
	defer fh.Close()
	c, err := ReadCorpus(fh, FormatCoNLL)
	if err != nil {
		t.Fatal(err)
	}
	// The first 20 documents.
	var keep []Sentence
	for _, s := range c.Sentences {
		if s.Doc < 20 {
			keep = append(keep, s)
		}
	}
	c.Sentences = keep
	r, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	pred, err := r.TagCorpus(context.Background(), c, TagsetCoNLL)
	if err != nil {
		t.Fatal(err)
	}
	sc, err := Evaluate(GoldTags(c, TagsetCoNLL), pred)
	if err != nil {
		t.Fatal(err)
	}
	if f := sc.Overall().F1(); f < 80 {
		var b strings.Builder
		sc.Write(&b)
		t.Errorf("F1 on the first 20 eng.testa documents = %.2f, want ≥ 80\n%s", f, b.String())
	}
}

// BenchmarkRecognize reports words per second of the recognizer alone
// (tokenisation done beforehand) on news text.
func BenchmarkRecognize(b *testing.B) {
	r, err := Default()
	if err != nil {
		b.Fatal(err)
	}
	text := strings.Repeat(paragraph+"\n\n", 20)
	sents := tokenize.Default().Split(text)
	words := 0
	for _, s := range sents {
		words += len(s.Tokens)
	}
	b.ResetTimer()
	cpu0 := cpuSeconds()
	for i := 0; i < b.N; i++ {
		a := &extract.Analysis{Doc: &extract.Document{Text: text}, Sentences: sents}
		if err := r.Recognize(context.Background(), a); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(words*b.N)/b.Elapsed().Seconds(), "words/s")
	if cpu := cpuSeconds() - cpu0; cpu > 0 {
		b.ReportMetric(float64(words*b.N)/cpu, "words/cpu-s")
	}
}

// BenchmarkRecognizeCoNLL reports words per second on CoNLL-2003 eng.testa
// (skipped without ../shared).
func BenchmarkRecognizeCoNLL(b *testing.B) {
	p := sharedFile(b, "conll2003/eng.testa")
	fh, err := os.Open(p)
	if err != nil {
		b.Fatal(err)
	}
	c, err := ReadCorpus(fh, FormatCoNLL)
	fh.Close()
	if err != nil {
		b.Fatal(err)
	}
	r, err := Default()
	if err != nil {
		b.Fatal(err)
	}
	b.ResetTimer()
	cpu0 := cpuSeconds()
	for i := 0; i < b.N; i++ {
		if _, err := r.TagCorpus(context.Background(), c, TagsetCoNLL); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(c.Words()*b.N)/b.Elapsed().Seconds(), "words/s")
	if cpu := cpuSeconds() - cpu0; cpu > 0 {
		// On a shared machine wall time overstates the cost; CPU time of
		// this single-goroutine loop is the one-core speed.
		b.ReportMetric(float64(c.Words()*b.N)/cpu, "words/cpu-s")
	}
}

func ExampleRecognizer_Recognize() {
	r, err := Default()
	if err != nil {
		fmt.Println(err)
		return
	}
	text := "Kremlin spokesman Dmitry Peskov spoke in Moscow on Wednesday."
	a := &extract.Analysis{
		Doc:       &extract.Document{Text: text, Date: time.Date(2021, 3, 18, 0, 0, 0, 0, time.UTC)},
		Sentences: tokenize.Default().Split(text),
	}
	if err := r.Recognize(context.Background(), a); err != nil {
		fmt.Println(err)
		return
	}
	for _, m := range a.Mentions {
		switch m.Type {
		case "PERSON":
			fmt.Println(m.Type, m.Text)
		case "DATE":
			fmt.Println(m.Type, m.Text, m.Value)
		}
	}
	// Output:
	// PERSON Dmitry Peskov
	// DATE Wednesday 2021-03-17
}

// TestConcurrentRecognize runs one recognizer from several goroutines (run
// with -race to check it shares no mutable state).
func TestConcurrentRecognize(t *testing.T) {
	r, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	date := time.Date(2021, 3, 18, 0, 0, 0, 0, time.UTC)
	want := len(analyse(t, paragraph, date).Mentions)
	errs := make(chan error, 8)
	for g := 0; g < 8; g++ {
		go func() {
			a := &extract.Analysis{Doc: &extract.Document{Text: paragraph, Date: date}, Sentences: tokenize.Default().Split(paragraph)}
			if err := r.Recognize(context.Background(), a); err != nil {
				errs <- err
				return
			}
			if len(a.Mentions) != want {
				errs <- fmt.Errorf("%d mentions, want %d", len(a.Mentions), want)
				return
			}
			r.Roles(a)
			errs <- nil
		}()
	}
	for g := 0; g < 8; g++ {
		if err := <-errs; err != nil {
			t.Error(err)
		}
	}
}

// TestTitleInsideName checks that a title the tagger ran into a name is split
// out: "Northfield Mayor Anna Berg" gives the PERSON Anna Berg, the place
// Northfield, and the role mayor of Northfield.
func TestTitleInsideName(t *testing.T) {
	text := `Northfield Mayor Anna Berg said the bridge would reopen. Acme Corp Chief Executive John Smith resigned on Friday.`
	r, _ := Default()
	words := strings.Fields("The Bank of England Governor Mark Carney spoke .")
	if got := r.typeSpans(words, []Span{{1, 7, "ORG"}}); len(got) != 2 || got[0].Type != "ORG" || got[1].Type != "PERSON" ||
		got[0].End != 4 || got[1].Start != 5 {
		t.Errorf("Bank of England Governor Mark Carney: %+v, want ORG Bank of England and PERSON Mark Carney", got)
	}
	a := analyse(t, text, time.Time{})
	got := mentionSet(a)
	for _, w := range []struct{ text, typ string }{
		{"Anna Berg", "PERSON"}, {"Northfield", "GPE"}, {"John Smith", "PERSON"}, {"Acme Corp", "ORG"},
	} {
		if m, ok := got[w.text]; !ok || m.Type != w.typ {
			t.Errorf("want %s %q; got %v", w.typ, w.text, a.Mentions)
		}
	}
	type role struct{ person, title, of string }
	var roles []role
	for _, ro := range r.Roles(a) {
		roles = append(roles, role{ro.Person.Text, ro.Title, ro.Of.Text})
	}
	for _, w := range []role{{"Anna Berg", "Mayor", "Northfield"}, {"John Smith", "Chief Executive", "Acme Corp"}} {
		found := false
		for _, g := range roles {
			found = found || g == w
		}
		if !found {
			t.Errorf("missing role %+v; got %+v", w, roles)
		}
	}
}

// typedText is the text and type of each span typeSpans gives.
func typedText(words []string, ts []typedSpan) []string {
	var out []string
	for _, s := range ts {
		out = append(out, s.Type+":"+strings.Join(words[s.Start:s.End], " "))
	}
	return out
}

// TestSpanRules checks the rules that fix the model's span boundaries on
// newswire: names stop where the clause after them starts, credit ratings
// are no names, and a name the model cut at "on" or "for" is joined.
func TestSpanRules(t *testing.T) {
	r, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		text  string
		spans []Span
		want  string
	}{
		// Clause words end a name; connectors, particles and legal forms do not.
		{"First Bank Luverne and its office closed .", []Span{{0, 6, "ORG"}}, "ORG:First Bank Luverne"},
		{"Rabobank Nederland said it is ready .", []Span{{0, 5, "ORG"}}, "ORG:Rabobank Nederland"},
		{"Penn Central Railroad and six others sued .", []Span{{0, 5, "ORG"}}, "ORG:Penn Central Railroad"},
		{"Caisse Nationale du Credit Agricole lent .", []Span{{0, 5, "ORG"}}, "ORG:Caisse Nationale du Credit Agricole"},
		{"Banco do Brasil lent .", []Span{{0, 3, "ORG"}}, "ORG:Banco do Brasil"},
		{"Personal Computer Rental corp rose .", []Span{{0, 4, "ORG"}}, "ORG:Personal Computer Rental corp"},
		{"Zine al-Abidine Ben Ali spoke .", []Span{{0, 4, "PER"}}, "PERSON:Zine al-Abidine Ben Ali"},
		// Credit ratings, where the sentence speaks of ratings.
		{"Moody 's downgraded the debt to Baa - 3 from AA .", []Span{{0, 1, "ORG"}, {6, 9, "ORG"}, {10, 11, "ORG"}}, "ORG:Moody"},
		{"AA said it would fly .", []Span{{0, 1, "ORG"}}, "ORG:AA"},
		// A name cut at "on" or "for".
		{"the General Agreement on Tariffs and Trade said", []Span{{1, 3, "MISC"}, {4, 7, "ORG"}}, "ORG:General Agreement on Tariffs and Trade"},
		{"the Senate Banking Committee on Federal Reserve policy", []Span{{1, 4, "ORG"}, {5, 7, "ORG"}},
			"ORG:Senate Banking Committee ORG:Federal Reserve"},
		{"Goldman Sachs on Salomon Brothers Inc", []Span{{0, 2, "ORG"}, {3, 6, "ORG"}}, "ORG:Goldman Sachs ORG:Salomon Brothers Inc"},
		{"House of Commons", []Span{{0, 1, "ORG"}, {2, 3, "ORG"}}, "ORG:House of Commons"},
		{"Standard and Poor 's Corp said", []Span{{0, 1, "ORG"}, {2, 5, "ORG"}}, "ORG:Standard and Poor 's Corp"},
		{"Exxon and Mobil Corp said", []Span{{0, 1, "ORG"}, {2, 4, "ORG"}}, "ORG:Exxon ORG:Mobil Corp"},
		{"Standard and Poor 's Corp said", []Span{{2, 5, "ORG"}}, "ORG:Standard and Poor 's Corp"},
		{"Texas and Mobil Corp said", []Span{{2, 4, "ORG"}}, "ORG:Mobil Corp"},
		{"activists Lau Siu-lai and Youngspiration 's Yau", []Span{{1, 3, "PER"}, {4, 5, "ORG"}, {6, 7, "PER"}}, "PERSON:Lau Siu-lai ORG:Youngspiration PERSON:Yau"},
		{"activists Lau Siu-lai and Youngspiration 's Yau", []Span{{1, 2, "PER"}, {4, 5, "ORG"}, {6, 7, "PER"}}, "PERSON:Lau ORG:Youngspiration PERSON:Yau"},
		{"Standard and Poor 's said", []Span{{0, 1, "ORG"}, {2, 3, "ORG"}}, "ORG:Standard and Poor"},
		// A legal form with a full stop ends a name that a word follows.
		{"rated by Standard and Poor 's Corp. Salomon Brothers Inc said", []Span{{4, 10, "ORG"}}, "ORG:Standard and Poor 's Corp. ORG:Salomon Brothers Inc"},
		{"Daiwa Securities Co. Ltd and Nikko Securities Co. International rose", []Span{{0, 4, "ORG"}, {5, 9, "ORG"}},
			"ORG:Daiwa Securities Co. Ltd ORG:Nikko Securities Co. International"},
		// A firm named after its partners, with a comma.
		{"Bear , Stearns and Co said", []Span{{0, 1, "ORG"}, {2, 3, "ORG"}}, "ORG:Bear , Stearns and Co"},
		{"led by Smith Barney , Harris Upham and Co Inc .", []Span{{2, 4, "ORG"}, {5, 7, "ORG"}}, "ORG:Smith Barney , Harris Upham and Co Inc"},
		{"In London , Morgan Grenfell and Co said", []Span{{1, 2, "LOC"}, {3, 5, "ORG"}}, "GPE:London ORG:Morgan Grenfell"},
		{"Salomon Inc , Kidder Peabody and Co Inc rose", []Span{{0, 2, "ORG"}, {3, 8, "ORG"}}, "ORG:Salomon Inc ORG:Kidder Peabody and Co Inc"},
		// One letter is no name.
		{"the S and P 500 index rose", []Span{{3, 4, "ORG"}}, ""},
		// A law is a work, whatever the model typed it.
		{"the Glass - Steagall Act bars it", []Span{{3, 5, "PER"}}, "WORK:Steagall Act"},
		{"the Bank Secrecy Act applies", []Span{{1, 4, "ORG"}}, "WORK:Bank Secrecy Act"},
		{"the Companies Act applies", []Span{{1, 3, "LOC"}}, "WORK:Companies Act"},
		// A place name ending like an institution's is the institution.
		{"the United Kingdom Home Office said", []Span{{1, 5, "LOC"}}, "ORG:United Kingdom Home Office"},
		// A title inside a name, owned by a country written with dots.
		{"U.S. Trade Representative Clayton Yeutter said", []Span{{0, 5, "ORG"}}, "GPE:U.S. PERSON:Clayton Yeutter"},
	} {
		words := strings.Fields(c.text)
		got := strings.Join(typedText(words, r.typeSpans(words, c.spans)), " ")
		if got != c.want {
			t.Errorf("%q: %q, want %q", c.text, got, c.want)
		}
	}
}
