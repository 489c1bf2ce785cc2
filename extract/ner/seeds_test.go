package ner

import (
	"strings"
	"testing"
	"time"

	"github.com/factgraph/factgraph/extract"
)

// TestExampleArticleNames checks names the recognizer used to get wrong
// in the project's example articles: an interjection taken for a place,
// a messaging service for a place, "House of Commons" in two pieces, a
// peninsula for an organisation, a newspaper for a place and a surname on
// its own for a place.
func TestExampleArticleNames(t *testing.T) {
	text := `White House Press Secretary Jen Psaki on Thursday said that Biden had no regrets about his comments. "Nope. The President gave a direct answer to a direct question," she said. ` +
		`"Putin is our president," wrote the President of the Russian House of Commons, Vyacheslav Volodin, in the Telegram online service. ` +
		`Vyacheslav Volodin complained in the news channel Telegram. ` +
		`In a video link with citizens on the Black Sea Peninsula of Crimea, Putin spoke. ` +
		`According to The Hill, the two foreign campaigns sought to influence the election. ` +
		`Alexei Navalny was poisoned. She cited the poison attack on Navalny.`
	a := analyse(t, text, time.Date(2021, 3, 18, 0, 0, 0, 0, time.UTC))
	types := map[string][]string{}
	for _, m := range a.Mentions {
		types[m.Text] = append(types[m.Text], m.Type)
	}
	for _, bad := range []string{"Nope", "House", "Commons"} {
		if ts, ok := types[bad]; ok {
			t.Errorf("%q is a mention (%v)", bad, ts)
		}
	}
	want := map[string]string{
		"Telegram":         "ORG",
		"House of Commons": "ORG",
		"The Hill":         "ORG",
		"Navalny":          "PERSON",
	}
	// The peninsula is a place, with or without its "of Crimea".
	peninsula := false
	for text, ts := range types {
		if strings.Contains(text, "Peninsula") {
			peninsula = true
			if ts[0] != "LOC" {
				t.Errorf("%q: type %v, want LOC", text, ts)
			}
		}
	}
	if !peninsula {
		t.Errorf("no mention of the peninsula (have %v)", types)
	}
	for text, typ := range want {
		ts := types[text]
		if len(ts) == 0 {
			t.Errorf("%q: no mention (have %v)", text, types)
			continue
		}
		for _, got := range ts {
			if got != typ {
				t.Errorf("%q: type %s, want %s", text, got, typ)
			}
		}
	}
}

// TestPlaceNotOrg checks which organisation spans the typing rules turn
// into places: only those headed by a place word, and not the religious
// bodies named after their churches (spans seen as LOC in a build of
// Wikinews articles).
func TestPlaceNotOrg(t *testing.T) {
	r, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	for name, want := range map[string]bool{
		"Black Sea Peninsula of Crimea":       true,
		"Jamarat Bridge":                      true,
		"Sea Org":                             false,
		"US National Park Service":            false,
		"Church of Scientology":               false,
		"Catholic Church":                     false,
		"Northern Arena Esports Championship": false,
		"Kremlin":                             false,
	} {
		if got := r.placeNotOrg(strings.Fields(name)); got != want {
			t.Errorf("placeNotOrg(%q) = %v, want %v", name, got, want)
		}
	}
}

// TestSpeakingSurnameIsPerson: a surname that is also a known place is the
// person when it speaks ("Georgia said" after "Lisa Georgia"), and stays
// the place otherwise.
func TestSpeakingSurnameIsPerson(t *testing.T) {
	text := `Lisa Georgia, the coach, was fired. Georgia said she would appeal. Her family later moved to Georgia.`
	a := analyse(t, text, time.Date(2021, 3, 18, 0, 0, 0, 0, time.UTC))
	said := strings.Index(text, "Georgia said")
	place := strings.LastIndex(text, "Georgia")
	var got1, got2 string
	for _, m := range a.Mentions {
		switch m.Start {
		case said:
			got1 = m.Type
		case place:
			got2 = m.Type
		}
	}
	if got1 != "PERSON" || got2 != "GPE" {
		t.Errorf(`"Georgia said": %q, "moved to Georgia": %q; want PERSON, GPE (mentions %+v)`, got1, got2, a.Mentions)
	}
}

// TestLongTitleBeforeName: a title of several words is no part of the name
// even when its first word is also a given name ("Shadow" is one in the
// NLTK list).
func TestLongTitleBeforeName(t *testing.T) {
	text := `Labour's Shadow Home Secretary Yvette Cooper said her party had supported the idea for months.`
	a := analyse(t, text, time.Date(2021, 3, 18, 0, 0, 0, 0, time.UTC))
	persons := personsIn(a)
	if !persons["Yvette Cooper"] || len(persons) != 1 {
		t.Errorf("persons %v, want Yvette Cooper only", persons)
	}
}

// TestHyphenatedNames: the tokenizer splits hyphens as UD does; a person's
// name runs over one written without spaces, unless the word after it
// makes an adjective of the name.
func TestHyphenatedNames(t *testing.T) {
	text := `Kim Jong-un issued an order. Khaled Al-Maeena, an editor, spoke. The Obama-era rules stayed.`
	a := analyse(t, text, time.Date(2021, 3, 18, 0, 0, 0, 0, time.UTC))
	persons := personsIn(a)
	for _, want := range []string{"Kim Jong-un", "Khaled Al-Maeena", "Obama"} {
		if !persons[want] {
			t.Errorf("no PERSON %q in %v", want, persons)
		}
	}
	if persons["Obama-era"] {
		t.Error("Obama-era is a person")
	}
}

// TestFurnitureAfterNames: a caption's "Image:" and a heading's first word
// glued to the paragraph are not part of the name before them.
func TestFurnitureAfterNames(t *testing.T) {
	text := `Barack Obama wrote to student Ahmed Mohamed Image: Twitter. New People Party's Regina Ip In the Hong Kong Island constituency, Regina Ip was re-elected. A showdown at the booth. Image: Nick Moreau.`
	a := analyse(t, text, time.Date(2021, 3, 18, 0, 0, 0, 0, time.UTC))
	for _, m := range a.Mentions {
		if strings.HasSuffix(m.Text, "Image") || strings.HasSuffix(m.Text, " In") {
			t.Errorf("mention %q (%s) keeps the furniture", m.Text, m.Type)
		}
	}
}

// TestPortfolioBeforeName: "Minister of Education Stefania Giannini" is the
// person Stefania Giannini, not an organisation "Education Stefania
// Giannini".
func TestPortfolioBeforeName(t *testing.T) {
	text := `Minister of Education Stefania Giannini said a reflection was needed.`
	a := analyse(t, text, time.Date(2021, 3, 18, 0, 0, 0, 0, time.UTC))
	var got []string
	ok := false
	for _, m := range a.Mentions {
		got = append(got, m.Text+"/"+m.Type)
		if m.Text == "Stefania Giannini" && m.Type == "PERSON" {
			ok = true
		}
		if strings.Contains(m.Text, "Stefania") && m.Type != "PERSON" {
			ok = false
		}
	}
	if !ok {
		t.Errorf("mentions %v, want the PERSON Stefania Giannini", got)
	}
}

// personsIn is the set of the texts of a's PERSON mentions.
func personsIn(a *extract.Analysis) map[string]bool {
	out := map[string]bool{}
	for _, m := range a.Mentions {
		if m.Type == "PERSON" {
			out[m.Text] = true
		}
	}
	return out
}
