package gazetteer

import (
	"strings"
	"testing"
)

func TestCountries(t *testing.T) {
	g, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	for in, want := range map[string]string{
		"Russian": "Russia", "Russians": "Russia", "American": "United States",
		"UK": "United Kingdom", "Moscow": "Russia", "Germany": "Germany", "German": "Germany",
		"Russian Federation": "Russia",
	} {
		if got, ok := g.Country(in); !ok || got != want {
			t.Errorf("Country(%q) = %q, %v; want %q", in, got, ok, want)
		}
	}
	if _, ok := g.Country("Kremlin"); ok {
		t.Error("Kremlin is not a country")
	}
	// Alternative spellings that are English words or people's names.
	for _, w := range []string{"Island", "Mann", "Dominique"} {
		if c, ok := g.Country(w); ok {
			t.Errorf("%q is taken for %s", w, c)
		}
	}
	if c, _ := g.Country("Iceland"); c != "Iceland" {
		t.Errorf("Country(Iceland) = %q", c)
	}
	if !g.Is(Title, "spokesman") || !g.Is(Title, "Press Secretary") || g.Is(Title, "Biden") {
		t.Error("title list")
	}
	if !g.Is(Demonym, "Russian") || !g.Is(Country, "United States") || !g.Is(FirstName, "Joe") {
		t.Error("lists from the lexicons")
	}
}

func TestMatchLongestFirst(t *testing.T) {
	g, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	words := strings.Fields("talks between the United States and South Korea in New York")
	hits := g.Match(words)
	var got []string
	for _, h := range hits {
		got = append(got, strings.Join(words[h.Start:h.End], " "))
	}
	joined := strings.Join(got, "|")
	for _, w := range []string{"United States", "South Korea", "New York"} {
		if !strings.Contains("|"+joined+"|", "|"+w+"|") {
			t.Errorf("no hit %q in %q", w, joined)
		}
	}
	if len(g.Match(nil)) != 0 || len(g.Match([]string{""})) != 0 {
		t.Error("hits on empty input")
	}
}
