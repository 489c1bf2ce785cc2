package relation

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/factgraph/factgraph/extract"
	"github.com/factgraph/factgraph/extract/furniture"
	"github.com/factgraph/factgraph/extract/ner"
	"github.com/factgraph/factgraph/extract/nlp"
	"github.com/factgraph/factgraph/extract/resolve"
	"github.com/factgraph/factgraph/extract/tokenize"
)

// seedFacts runs tokenizer, furniture marking, parser, recognizer and this
// extractor over the seed articles. FACTGRAPH_NLP_MODELS names a models
// folder to use instead of the embedded models.
func seedFacts(t *testing.T) map[string]*extract.Result {
	t.Helper()
	files, _ := filepath.Glob(filepath.Join("..", "..", "..", "shared", "seeds", "*.txt"))
	if len(files) == 0 {
		t.Skip("../shared/seeds is absent: the seed articles are not part of the repository")
	}
	var ann *nlp.Annotator
	var err error
	if dir := os.Getenv("FACTGRAPH_NLP_MODELS"); dir != "" {
		ann, err = nlp.LoadDir(dir)
	} else {
		ann, err = nlp.Default()
	}
	if err != nil {
		t.Fatal(err)
	}
	rec, err := ner.Default()
	if err != nil {
		t.Fatal(err)
	}
	out := map[string]*extract.Result{}
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		out[filepath.Base(f)] = pipelineFacts(t, ann, rec, filepath.Base(f), string(b))
	}
	return out
}

// pipelineFacts runs tokenizer, furniture marking, recognizer, mention
// repair and this extractor over one text, as the build does.
func pipelineFacts(t *testing.T, ann *nlp.Annotator, rec *ner.Recognizer, id, text string) *extract.Result {
	t.Helper()
	ctx := context.Background()
	res := &extract.Result{}
	res.Doc = &extract.Document{ID: id, Text: text}
	res.Sentences = tokenize.Default().Split(res.Doc.Text)
	for i := range res.Sentences {
		res.Sentences[i].Furniture = furniture.IsFurniture(res.Sentences[i].Text)
	}
	if err := rec.Recognize(ctx, &res.Analysis); err != nil {
		t.Fatal(err)
	}
	resolve.RepairMentions(res) // as the build's pipeline does
	var err error
	res.Facts, err = Extractor{Annotator: ann}.Extract(ctx, &res.Analysis)
	if err != nil {
		t.Fatal(err)
	}
	return res
}

// TestSeeds checks the facts a careful reader lists in the seed articles
// and that page furniture yields none.
func TestSeeds(t *testing.T) {
	docs := seedFacts(t)
	type check struct {
		name string
		ok   func(f *extract.Fact) bool
	}
	has := func(s, sub string) bool { return strings.Contains(strings.ToLower(s), strings.ToLower(sub)) }
	checks := []check{
		{"Russia recalls its ambassador", func(f *extract.Fact) bool {
			return has(f.Subject.Text, "Russia") && f.Relation == "diplomatic-recall" && !f.Negated
		}},
		{"Biden calls Putin a killer (complement)", func(f *extract.Fact) bool {
			return has(f.Qualifiers["complement"], "killer") && has(f.Object.Text, "Putin")
		}},
		{"Peskov's statements", func(f *extract.Fact) bool {
			return (has(f.Subject.Text, "Peskov") || has(f.Subject.Text, "Peskow")) && f.Relation == "statement" && f.Subject.Type == "PERSON"
		}},
		{"the Kremlin's denial", func(f *extract.Fact) bool {
			return has(f.Subject.Text, "Kremlin") && f.Relation == "denial"
		}},
		{"Putin's wish of good health", func(f *extract.Fact) bool {
			return has(f.Subject.Text, "Putin") && (f.Predicate == "wish" || has(f.Object.Text, "health"))
		}},
	}
	// The recall with Antonov as its object: "ordered its ambassador to
	// Washington, Anatoly Antonov, back to Moscow" (000, and 003 with
	// another parse); the nested attributed passives (001 "was invited …
	// to analyze", 004 "had been recalled"); a role noun standing for the
	// one ambassador the article names (002).
	recall := func(f *extract.Fact) bool {
		return has(f.Subject.Text, "Russia") && (f.Relation == "diplomatic-recall" || strings.HasPrefix(f.Predicate, "order")) && has(f.Object.Text, "Antonov")
	}
	nestedRecall := func(f *extract.Fact) bool {
		return f.Subject.Text == "?" && f.Relation == "diplomatic-recall" && has(f.Object.Text, "Antonov") && f.Attributed != ""
	}
	nestedInvite := func(f *extract.Fact) bool {
		return f.Subject.Text == "?" && f.Predicate == "invite" && has(f.Object.Text, "Antonov") && f.Qualifiers["destination"] == "Moscow" && f.Attributed != ""
	}
	for name, ok := range map[string]func(f *extract.Fact) bool{
		"000_5934c2a2c18d2cab.txt": recall,
		"003_fb4d295e1d4f21ec.txt": recall,
		"001_73df357b73c67ff4.txt": nestedInvite,
		"002_a4ae8eba98f6f586.txt": recall, // "pulled its US Ambassador": the one named

		"004_ab55c3e2a6d3611c.txt": nestedRecall,
	} {
		res := docs[name]
		if res == nil {
			continue
		}
		found := false
		for i := range res.Facts {
			found = found || ok(&res.Facts[i])
		}
		if !found {
			t.Errorf("%s: no recall/invite fact with Antonov as object", name)
		}
	}
	checks = append(checks,
		check{"Antonov ambassador of Russia", func(f *extract.Fact) bool {
			return has(f.Subject.Text, "Antonov") && f.Relation == "role" && has(f.Predicate, "ambassador") && f.Object.Text == "Russia"
		}},
	)
	for _, c := range checks {
		found := false
		for _, res := range docs {
			for i := range res.Facts {
				if c.ok(&res.Facts[i]) {
					found = true
				}
			}
		}
		if !found {
			t.Errorf("no fact: %s", c.name)
		}
	}
	furnitureWords := []string{"Leave a Reply", "Skip to content", "Be First to Comment", "Back to top", "also read"}
	for name, res := range docs {
		for _, f := range res.Facts {
			s := res.Sentences[f.Sentence]
			if s.Furniture {
				t.Errorf("%s: fact from page furniture %q: %+v", name, s.Text, f)
			}
			for _, w := range furnitureWords {
				if has(s.Text, w) && len(strings.Fields(s.Text)) < 12 {
					t.Errorf("%s: fact from furniture-like line %q", name, s.Text)
				}
			}
		}
	}
}

// TestSeedPronouns checks who the pronouns of the seed articles stand for
// where the wrong answer is the nearest name: a "he said" after a chain
// of he's, a "he" inside a speaker's own quote, a "he" whose person is
// named after the quote.
func TestSeedPronouns(t *testing.T) {
	docs := seedFacts(t)
	type want struct {
		doc, sentence, predicate, subject, notSubject string
	}
	for _, w := range []want{
		// "He had previously reacted to the comments by wishing Biden 'good
		// health' … 'This is first of all,' he said." — Putin speaks.
		{"002_a4ae8eba98f6f586.txt", "This is first of all", "say", "Putin", "Biden"},
		// Peskov: "… by the President of the United States. He definitely
		// does not want to improve relations with us".
		{"002_a4ae8eba98f6f586.txt", "He definitely does not want", "improve", "Biden", "Peskov"},
		// "'He's going to pay a price,' Biden remarked to Russian President
		// Vladimir Putin."
		{"000_5934c2a2c18d2cab.txt", "going to pay a price", "pay", "Putin", "Biden"},
		// Kremlin spokesman Peskov: "… and we will continue to proceed
		// from this".
		{"002_a4ae8eba98f6f586.txt", "we will continue to proceed", "proceed from", "Kremlin", "Peskov"},
	} {
		res := docs[w.doc]
		if res == nil {
			continue
		}
		found := false
		for _, f := range res.Facts {
			if f.Predicate != w.predicate || !strings.Contains(res.Sentences[f.Sentence].Text, w.sentence) {
				continue
			}
			found = true
			if !strings.Contains(f.Subject.Text, w.subject) || strings.Contains(f.Subject.Text, w.notSubject) {
				t.Errorf("%s %q: %s by %q, want %s", w.doc, w.sentence, w.predicate, f.Subject.Text, w.subject)
			}
		}
		if !found {
			t.Errorf("%s %q: no %s fact", w.doc, w.sentence, w.predicate)
		}
	}
}

// TestSpokespersonWe: "we" and "us" in a spokesperson's quote are the body
// they speak for, "I" stays the speaker.
func TestSpokespersonWe(t *testing.T) {
	ann, err := nlp.Default()
	if err != nil {
		t.Fatal(err)
	}
	rec, err := ner.Default()
	if err != nil {
		t.Fatal(err)
	}
	text := "Acme Corp spokeswoman Jane Doe spoke on Monday. \"We will rebuild the plant and I will visit it,\" Doe said."
	res := pipelineFacts(t, ann, rec, "t", text)
	subj := map[string]string{}
	for _, f := range res.Facts {
		subj[f.Predicate] = f.Subject.Text
	}
	if subj["rebuild"] != "Acme Corp" {
		t.Errorf("rebuild by %q, want Acme Corp (facts %v)", subj["rebuild"], res.Facts)
	}
	if !strings.Contains(subj["visit"], "Doe") {
		t.Errorf("visit by %q, want Doe", subj["visit"])
	}
}
