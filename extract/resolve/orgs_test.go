package resolve

import (
	"context"
	"strings"
	"testing"

	"github.com/factgraph/factgraph/extract"
	"github.com/factgraph/factgraph/extract/tokenize"
)

func TestOrgCore(t *testing.T) {
	for name, want := range map[string]string{
		"Russian Foreign Ministry":                              "Russia|foreign ministry",
		"Russia's Ministry of Foreign Affairs":                  "Russia|foreign ministry",
		"Ministry of Foreign Affairs":                           "|foreign ministry",
		"the foreign ministry":                                  "|foreign ministry",
		"Foreign Ministry":                                      "|foreign ministry",
		"Ministry of Foreign Affairs of the Russian Federation": "Russia|foreign ministry",
		"US State Department":                                   "United States|state department",
		"State Department":                                      "United States|state department",
		"Ministry of Defense":                                   "|defence ministry",
		"British Defence Ministry":                              "United Kingdom|defence ministry",
		"Harbour Authority":                                     "not",
		"Kremlin":                                               "not",
	} {
		c, core, ok := orgCore(name)
		got := c + "|" + core
		if !ok {
			got = "not"
		}
		if got != want {
			t.Errorf("orgCore(%q) = %q, want %q", name, got, want)
		}
	}
}

// mentionsAt builds a result whose mentions are the given (text, type)
// pairs at their first occurrence after the previous one.
func mentionsAt(text string, pairs ...string) *extract.Result {
	res := &extract.Result{}
	res.Doc = &extract.Document{ID: "d", Text: text}
	off := 0
	for i := 0; i+1 < len(pairs); i += 2 {
		j := off + strings.Index(text[off:], pairs[i])
		res.Mentions = append(res.Mentions, extract.Mention{Start: j, End: j + len(pairs[i]), Text: pairs[i], Type: pairs[i+1]})
		off = j + len(pairs[i])
	}
	return res
}

func TestOrgsWithAndWithoutCountryMerge(t *testing.T) {
	text := "The Russian Foreign Ministry summoned the envoy. The Ministry of Foreign Affairs in Moscow said so. " +
		"The foreign ministry added more. The US State Department disagreed. The Foreign Ministry repeated it."
	res := mentionsAt(text, "Russian", "NORP", "Foreign Ministry", "ORG", "Ministry of Foreign Affairs", "ORG", "Moscow", "GPE",
		"US State Department", "ORG", "Foreign Ministry", "ORG")
	fi := strings.Index(text, "The foreign ministry")
	res.Facts = []extract.Fact{{Subject: extract.Arg{Text: "The foreign ministry", Start: fi, End: fi + 20}, Predicate: "add", Object: extract.Arg{Text: "more", Literal: true}}}
	if err := (Resolver{}).Resolve(context.Background(), res); err != nil {
		t.Fatal(err)
	}
	ents := map[string]extract.Entity{}
	for _, e := range res.Entities {
		ents[e.Key] = e
	}
	ru, ok := ents["org/russian-foreign-ministry"]
	if !ok || ru.Name != "Russian Foreign Ministry" || strings.Join(ru.Aliases, "|") != "Foreign Ministry|Ministry of Foreign Affairs" {
		t.Fatalf("Russian Foreign Ministry: %+v", res.Entities)
	}
	if _, ok := ents["org/us-state-department"]; !ok {
		t.Errorf("the State Department merged: %+v", res.Entities)
	}
	for _, i := range []int{1, 2, 5} {
		if res.Mentions[i].Entity != "org/russian-foreign-ministry" {
			t.Errorf("mention %q → %q", res.Mentions[i].Text, res.Mentions[i].Entity)
		}
	}
	if res.Mentions[4].Entity != "org/us-state-department" {
		t.Errorf("US State Department → %q", res.Mentions[4].Entity)
	}
	if s := res.Facts[0].Subject.Entity; s != "org/russian-foreign-ministry" {
		t.Errorf("\"the foreign ministry\" → %q", s)
	}
}

// Without a country in the name, around it or in the document, a ministry
// stays apart; two countries' ministries in one document never merge.
func TestOrgsOfDifferentCountriesStayApart(t *testing.T) {
	res := mentionsAt("The Russian Foreign Ministry and the Ukrainian Foreign Ministry met. The Foreign Ministry said no.",
		"Russian", "NORP", "Foreign Ministry", "ORG", "Ukrainian", "NORP", "Foreign Ministry", "ORG", "Foreign Ministry", "ORG")
	if err := (Resolver{}).Resolve(context.Background(), res); err != nil {
		t.Fatal(err)
	}
	got := []string{}
	for _, m := range res.Mentions {
		if m.Type == "ORG" {
			got = append(got, m.Entity)
		}
	}
	want := "org/russian-foreign-ministry org/ukrainian-foreign-ministry org/foreign-ministry"
	if strings.Join(got, " ") != want {
		t.Errorf("got %v, want %s", got, want)
	}
	res = mentionsAt("The Foreign Ministry said no.", "Foreign Ministry", "ORG")
	(Resolver{}).Resolve(context.Background(), res)
	if res.Mentions[0].Entity != "org/foreign-ministry" {
		t.Errorf("no country: %q", res.Mentions[0].Entity)
	}
}

// A place the recognizer ran into a person's name is split off it.
func TestPlaceSplitOffPerson(t *testing.T) {
	for _, tc := range []struct {
		text, span, want, place string
		more                    []string
	}{
		{"Russian Ambassador to Washington Anatoly Antonov was recalled.", "Washington Anatoly Antonov", "person/anatoly-antonov", "gpe/washington", nil},
		{"Moscow Anatoly Antonov spoke.", "Moscow Anatoly Antonov", "person/anatoly-antonov", "gpe/moscow", nil},
		// Washington is a given name too: without a preposition before it
		// or the person named elsewhere, the name stays whole.
		{"Washington Anna Berg spoke.", "Washington Anna Berg", "person/washington-anna-berg", "", nil},
		{"Washington Anna Berg spoke. Anna Berg left.", "Washington Anna Berg", "person/anna-berg", "gpe/washington", []string{"Anna Berg", "PERSON"}},
	} {
		res := mentionsAt(tc.text, append([]string{tc.span, "PERSON"}, tc.more...)...)
		if err := (Resolver{}).Resolve(context.Background(), res); err != nil {
			t.Fatal(err)
		}
		if res.Mentions[0].Entity != tc.want {
			t.Errorf("%q: person %q, want %q", tc.text, res.Mentions[0].Entity, tc.want)
		}
		place := ""
		for _, m := range res.Mentions[1:] {
			if m.Type == "GPE" {
				place = m.Entity
			}
		}
		if place != tc.place {
			t.Errorf("%q: place %q, want %q", tc.text, place, tc.place)
		}
	}
}

// A fact's speaker, keyed by the extractor from the name as written,
// follows the entity that name resolved to.
func TestAttributedSpeakerFollowsResolvedEntity(t *testing.T) {
	text := "The Russian Foreign Ministry summoned the envoy. The Foreign Ministry said the envoy was recalled."
	res := mentionsAt(text, "Russian", "NORP", "Foreign Ministry", "ORG", "Foreign Ministry", "ORG")
	ei := strings.Index(text, "the envoy was")
	res.Facts = []extract.Fact{{Subject: extract.Arg{Text: "?", Literal: true}, Predicate: "recall",
		Object: extract.Arg{Text: "the envoy", Start: ei, End: ei + 9, Literal: true}, Attributed: "org/foreign-ministry"}}
	if err := (Resolver{}).Resolve(context.Background(), res); err != nil {
		t.Fatal(err)
	}
	var orgs []string
	for _, e := range res.Entities {
		if e.Type == "ORG" {
			orgs = append(orgs, e.Key)
		}
	}
	if len(orgs) != 1 {
		t.Fatalf("ORG entities %v, want one", orgs)
	}
	if got := res.Facts[0].Attributed; got != orgs[0] {
		t.Errorf("Attributed = %q, want the resolved %q", got, orgs[0])
	}
}

// A title with its owner before it and no determiner ("US ambassador")
// denotes the title's holder: it never links to the owner.
func TestBareRoleIsNotItsOwner(t *testing.T) {
	text := "Russia recalled its US ambassador on Wednesday. Russian Ambassador Anatoly Antonov left Washington."
	res := mentionsAt(text, "Russia", "GPE", "US", "GPE", "Russian", "NORP", "Anatoly Antonov", "PERSON", "Washington", "GPE")
	oi := strings.Index(text, "US ambassador")
	res.Facts = []extract.Fact{{Subject: extract.Arg{Text: "Russia", Start: 0, End: 6}, Predicate: "recall",
		Object: extract.Arg{Text: "US ambassador", Start: oi, End: oi + 13}}}
	if err := (Resolver{}).Resolve(context.Background(), res); err != nil {
		t.Fatal(err)
	}
	us := res.Mentions[1].Entity
	if us == "" {
		t.Fatal("US resolved to no entity")
	}
	if got := res.Facts[0].Object.Entity; got == us {
		t.Errorf("the object 'US ambassador' links to the owner %q", got)
	}
}

// A garbled title ("Ambassador Joe Biden" in a bad translation) does not
// make the US President the "US ambassador": he holds another title of
// that owner.
func TestRoleOfOwnerWithOtherTitle(t *testing.T) {
	text := "US President Joe Biden spoke. Moscow called on Ambassador Joe Biden to leave. Russia recalls US ambassador to Moscow."
	res := mentionsAt(text, "US", "GPE", "Joe Biden", "PERSON", "Moscow", "GPE", "Joe Biden", "PERSON", "Russia", "GPE", "US", "GPE", "Moscow", "GPE")
	res.Sentences = tokenize.Default().Split(text) // the titles are read from the tokens
	for i, m := range res.Mentions {
		for si, s := range res.Sentences {
			if m.Start >= s.Start && m.End <= s.End {
				res.Mentions[i].Sentence = si
			}
		}
	}
	oi := strings.Index(text, "US ambassador")
	res.Facts = []extract.Fact{{Subject: extract.Arg{Text: "Russia", Start: res.Mentions[4].Start, End: res.Mentions[4].End}, Predicate: "recall",
		Object: extract.Arg{Text: "US ambassador", Start: oi, End: oi + 13}}}
	if err := (Resolver{}).Resolve(context.Background(), res); err != nil {
		t.Fatal(err)
	}
	if got := res.Facts[0].Object.Entity; got == res.Mentions[1].Entity {
		t.Errorf("'US ambassador' links to the US President %q", got)
	}
}

// "its ambassador" is left to the relation extractor, which knows the
// possessor; the resolver does not guess a person for it.
func TestPossessiveRoleIsNotGuessed(t *testing.T) {
	text := "Ambassador Joe Biden spoke. In 1988, Russia withdrew its ambassador."
	res := mentionsAt(text, "Joe Biden", "PERSON", "Russia", "GPE")
	oi := strings.Index(text, "its ambassador")
	res.Facts = []extract.Fact{{Subject: extract.Arg{Text: "Russia", Start: res.Mentions[1].Start, End: res.Mentions[1].End}, Predicate: "withdraw",
		Object: extract.Arg{Text: "its ambassador", Start: oi, End: oi + 14}}}
	if err := (Resolver{}).Resolve(context.Background(), res); err != nil {
		t.Fatal(err)
	}
	if got := res.Facts[0].Object.Entity; got != "" {
		t.Errorf("'its ambassador' linked to %q", got)
	}
}

// A person the relation extractor found through a role noun keeps the
// noun's span ("its US Ambassador" → Anatoly Antonov); the country inside
// that span is not the argument.
func TestPersonArgWithCountryInSpan(t *testing.T) {
	text := "Russian Ambassador Anatoly Antonov left. Russia pulled its US Ambassador."
	res := mentionsAt(text, "Russian", "NORP", "Anatoly Antonov", "PERSON", "Russia", "GPE", "US", "GPE")
	oi := strings.Index(text, "its US Ambassador")
	res.Facts = []extract.Fact{{Subject: extract.Arg{Text: "Russia", Start: res.Mentions[2].Start, End: res.Mentions[2].End}, Predicate: "pull",
		Object: extract.Arg{Text: "Anatoly Antonov", Type: "PERSON", Start: oi, End: oi + 17}}}
	if err := (Resolver{}).Resolve(context.Background(), res); err != nil {
		t.Fatal(err)
	}
	if got, want := res.Facts[0].Object.Entity, res.Mentions[1].Entity; got != want || want == "" {
		t.Errorf("object linked to %q, want Antonov's %q", got, want)
	}
}

// TestCompanyLegalForms: the names of one company with and without its
// legal form are one entity, in one document and across documents, and a
// company's bare name that the recognizer typed otherwise is the company;
// a place keeps its type, and a longer name stays another company.
func TestCompanyLegalForms(t *testing.T) {
	text := "Zayre Corp said it sold Zayre Stores. Zayre expects a gain. Chrysler Corp said Chrysler would build in Texas, not Texas Instruments Inc."
	res := mentionsAt(text, "Zayre Corp", "ORG", "Zayre Stores", "ORG", "Zayre", "ORG", "Chrysler Corp", "ORG", "Chrysler", "PERSON",
		"Texas", "GPE", "Texas Instruments Inc", "ORG")
	if err := (Resolver{}).Resolve(context.Background(), res); err != nil {
		t.Fatal(err)
	}
	want := []string{"org/zayre", "org/zayre-stores", "org/zayre", "org/chrysler", "org/chrysler", "gpe/texas", "org/texas-instruments"}
	for i, w := range want {
		if got := res.Mentions[i].Entity; got != w {
			t.Errorf("%q → %q, want %q", res.Mentions[i].Text, got, w)
		}
	}
	if res.Mentions[4].Type != "ORG" {
		t.Errorf("Chrysler after Chrysler Corp is a %s", res.Mentions[4].Type)
	}
	other := mentionsAt("Shares of Zayre rose.", "Zayre", "ORG")
	if err := (Resolver{}).Resolve(context.Background(), other); err != nil {
		t.Fatal(err)
	}
	if got := other.Mentions[0].Entity; got != "org/zayre" {
		t.Errorf("Zayre in another document → %q", got)
	}
	for name, want := range map[string]string{
		"Sapporo Breweries Ltd": "sapporo breweries", "Morgan Stanley & Co": "morgan stanley",
		"Merrill Lynch and Co Inc": "merrill lynch", "Johnson and Johnson": "johnson and johnson",
		"Shell Transport and Trading Co PLC": "shell transport and trading", "Cos Inc": "cos", "Inc": "inc",
	} {
		if got := AliasKey("ORG", name); got != want {
			t.Errorf("AliasKey(ORG, %q) = %q, want %q", name, got, want)
		}
	}
}

func TestCountryAbbreviations(t *testing.T) {
	for name, want := range map[string]string{"NZ": "New Zealand", "HK": "Hong Kong", "U.S.": "United States", "PRC": "China"} {
		if got := countryOf(name); got != want {
			t.Errorf("countryOf(%q) = %q, want %q", name, got, want)
		}
	}
}

func TestStateAbbreviations(t *testing.T) {
	text := "Fremont, Calif., based Acme said its California plant and one in Dallas, Tex., will close. Seattle, Wash., is apart."
	res := mentionsAt(text, "Fremont", "GPE", "Calif", "GPE", "Acme", "ORG", "California", "GPE", "Dallas", "GPE",
		"Tex", "GPE", "Seattle", "GPE", "Wash", "GPE")
	if err := (Resolver{}).Resolve(context.Background(), res); err != nil {
		t.Fatal(err)
	}
	want := []string{"gpe/fremont", "gpe/california", "org/acme", "gpe/california", "gpe/dallas", "gpe/texas", "gpe/seattle", "gpe/wash"}
	for i, w := range want {
		if got := res.Mentions[i].Entity; got != w {
			t.Errorf("%q → %q, want %q", res.Mentions[i].Text, got, w)
		}
	}
	for _, e := range res.Entities {
		if e.Key == "gpe/california" && e.Name != "California" {
			t.Errorf("California's entity is named %q", e.Name)
		}
	}
	// Alone in a document, the abbreviation still gives the state's entity
	// and name.
	other := mentionsAt("Vincennes, Ind., sold bonds.", "Vincennes", "GPE", "Ind", "GPE")
	if err := (Resolver{}).Resolve(context.Background(), other); err != nil {
		t.Fatal(err)
	}
	if got := other.Mentions[1].Entity; got != "gpe/indiana" {
		t.Errorf("Ind → %q, want gpe/indiana", got)
	}
	for _, e := range other.Entities {
		if e.Key == "gpe/indiana" && e.Name != "Indiana" {
			t.Errorf("Indiana's entity is named %q", e.Name)
		}
	}
}

func TestGovernmentBodiesByOneWord(t *testing.T) {
	text := "The U.S. Treasury said the Treasury would sell bonds, and Congress and the U.S. Congress agreed. " +
		"The United States and the United States again. Treasury bills rose."
	res := mentionsAt(text, "U.S. Treasury", "ORG", "Treasury", "ORG", "Congress", "ORG", "U.S. Congress", "ORG",
		"United States", "GPE", "United States", "GPE")
	if err := (Resolver{}).Resolve(context.Background(), res); err != nil {
		t.Fatal(err)
	}
	want := []string{"org/us-treasury", "org/us-treasury", "org/us-congress", "org/us-congress"}
	fed := mentionsAt("The Fed held rates; the U.S. Federal Reserve meets again in May. Federal Reserve officials agreed.",
		"Fed", "ORG", "U.S. Federal Reserve", "ORG", "Federal Reserve", "ORG")
	if err := (Resolver{}).Resolve(context.Background(), fed); err != nil {
		t.Fatal(err)
	}
	for _, m := range fed.Mentions {
		if m.Entity != "org/us-federal-reserve" {
			t.Errorf("%q → %q, want org/us-federal-reserve", m.Text, m.Entity)
		}
	}
	for i, w := range want {
		if got := res.Mentions[i].Entity; got != w {
			t.Errorf("%q → %q, want %q", res.Mentions[i].Text, got, w)
		}
	}
	// Another country's body stays apart; a party named Congress is no
	// government body.
	for name, ok := range map[string]bool{"Treasury": true, "Senate": true, "British Treasury": true, "Congress Party": false, "Treasury Bills": false} {
		if _, _, got := orgCore(name); got != ok {
			t.Errorf("orgCore(%q) ok = %v", name, got)
		}
	}
	if c, core, _ := orgCore("British Treasury"); c != "United Kingdom" || core != "treasury" {
		t.Errorf("British Treasury → %q %q", c, core)
	}
	if c, core, _ := orgCore("United Kingdom Home Office"); c != "United Kingdom" || core != "home office" {
		t.Errorf("United Kingdom Home Office → %q %q", c, core)
	}
}

func TestOrganisationSpellings(t *testing.T) {
	for _, pair := range [][2]string{
		{"Organisation for Economic Co-operation and Development", "Organization for Economic Cooperation and Development"},
		{"Centre for Policy Studies", "Center for Policy Studies"},
		{"Labour Party", "Labor Party"},
		{"Fed", "Federal Reserve"},
		{"Standard & Poor's Corp", "Standard and Poor's"},
		{"Moody's Investors Service Inc", "Moody's Investors Service"},
	} {
		if a, b := AliasKey("ORG", pair[0]), AliasKey("ORG", pair[1]); a != b {
			t.Errorf("%q → %q but %q → %q", pair[0], a, pair[1], b)
		}
	}
	text := "The Organisation for Economic Co-operation and Development (OECD) and the Organization for Economic Cooperation and Development met."
	res := mentionsAt(text, "Organisation for Economic Co-operation and Development", "ORG", "OECD", "ORG",
		"Organization for Economic Cooperation and Development", "ORG")
	if err := (Resolver{}).Resolve(context.Background(), res); err != nil {
		t.Fatal(err)
	}
	for _, m := range res.Mentions[1:] {
		if m.Entity != res.Mentions[0].Entity {
			t.Errorf("%q → %q, apart from %q", m.Text, m.Entity, res.Mentions[0].Entity)
		}
	}
}

func TestCompanyShortNames(t *testing.T) {
	text := "Tandem Computers Inc said Tandem would buy Newmont Gold Co from Newmont Mining Corp; Newmont declined. " +
		"Houston Community Newspapers Inc bought papers in Houston. Goldman Sachs and Co said Goldman advised. " +
		"John Ryan, of Ryan Homes Inc, said Ryan would stay. Moody's Investors Service Inc said Moody's expects more."
	res := mentionsAt(text, "Tandem Computers Inc", "ORG", "Tandem", "ORG", "Newmont Gold Co", "ORG", "Newmont Mining Corp", "ORG",
		"Newmont", "ORG", "Houston Community Newspapers Inc", "ORG", "Houston", "GPE", "Goldman Sachs and Co", "ORG",
		"Goldman", "PERSON", "John Ryan", "PERSON", "Ryan Homes Inc", "ORG", "Ryan", "PERSON",
		"Moody's Investors Service Inc", "ORG", "Moody", "ORG")
	if err := (Resolver{}).Resolve(context.Background(), res); err != nil {
		t.Fatal(err)
	}
	want := []string{"org/tandem-computers", "org/tandem-computers", "org/newmont-gold", "org/newmont-mining", "org/newmont",
		"org/houston-community-newspapers", "gpe/houston", "org/goldman-sachs", "org/goldman-sachs",
		"person/john-ryan", "org/ryan-homes", "person/john-ryan", "org/moody-investors-service", "org/moody-investors-service"}
	for i, w := range want {
		if got := res.Mentions[i].Entity; got != w {
			t.Errorf("%q → %q, want %q", res.Mentions[i].Text, got, w)
		}
	}
	if res.Mentions[8].Type != "ORG" {
		t.Errorf("Goldman after Goldman Sachs and Co is a %s", res.Mentions[8].Type)
	}
}

func TestStockTickers(t *testing.T) {
	text := "NVH SETS PAYOUT. NV Homes LP <NVH> said it raised its dividend. Chevron <CHV> and Rohm and Haas Co's <ROH> unit agreed. " +
		"Atlantic Richfield <ARC> gained. Traders said NVH rose. The <XYZ> deal and John Smith <JS> were news. Paris <PA> fell."
	res := mentionsAt(text, "NVH", "ORG", "NV Homes LP", "ORG", "NVH", "ORG", "Chevron", "ORG", "CHV", "ORG",
		"Rohm and Haas Co", "ORG", "ROH", "ORG", "Atlantic Richfield", "GPE", "ARC", "ORG", "NVH", "ORG",
		"XYZ", "ORG", "John Smith", "PERSON", "JS", "ORG", "Paris", "GPE", "PA", "ORG")
	if err := (Resolver{}).Resolve(context.Background(), res); err != nil {
		t.Fatal(err)
	}
	want := []string{"org/nv-homes", "org/nv-homes", "org/nv-homes", "org/chevron", "org/chevron",
		"org/rohm-and-haas", "org/rohm-and-haas", "org/atlantic-richfield", "org/atlantic-richfield", "org/nv-homes",
		"org/xyz", "person/john-smith", "org/js", "gpe/paris", "org/pa"}
	for i, w := range want {
		if got := res.Mentions[i].Entity; got != w {
			t.Errorf("%q → %q, want %q", res.Mentions[i].Text, got, w)
		}
	}
	if res.Mentions[7].Type != "ORG" {
		t.Errorf("Atlantic Richfield before its ticker is a %s", res.Mentions[7].Type)
	}
	for _, s := range []string{"NVH", "BTY.L", "RD.AS", "A"} {
		if !isTicker(s) {
			t.Errorf("%s is no ticker", s)
		}
	}
	for _, s := range []string{"", "Nvh", "ABCDEFG", "RD.", "RD.ABC", "U.S.", "N1"} {
		if isTicker(s) {
			t.Errorf("%s is a ticker", s)
		}
	}
}

// TestPartnersFirms: a firm named after its partners with a comma keeps
// both names ("Sears, Roebuck and Co" is no "Roebuck"), and its first
// name alone is the firm.
func TestPartnersFirms(t *testing.T) {
	text := "Sears, Roebuck and Co and Kellwood Co agreed. Sears paid. MOSCOW, Peskov said."
	res := mentionsAt(text, "Sears, Roebuck and Co", "ORG", "Kellwood Co", "ORG", "Sears", "ORG", "MOSCOW, Peskov", "PERSON")
	if err := (Resolver{}).Resolve(context.Background(), res); err != nil {
		t.Fatal(err)
	}
	want := []string{"org/sears-roebuck", "org/kellwood", "org/sears-roebuck", "person/peskov"}
	for i, w := range want {
		if got := res.Mentions[i].Entity; got != w {
			t.Errorf("%q → %q, want %q", res.Mentions[i].Text, got, w)
		}
	}
}

// "S and P", as Reuters writes it, is Standard and Poor's.
func TestOrganisationNicknames(t *testing.T) {
	text := "Standard and Poor's Corp cut it. S and P said so. The Fed agreed with the Federal Reserve."
	res := mentionsAt(text, "Standard and Poor's Corp", "ORG", "S and P", "ORG", "Fed", "ORG", "Federal Reserve", "ORG")
	if err := (Resolver{}).Resolve(context.Background(), res); err != nil {
		t.Fatal(err)
	}
	for i, want := range []string{"org/standard-and-poor", "org/standard-and-poor", "org/us-federal-reserve", "org/us-federal-reserve"} {
		if got := res.Mentions[i].Entity; got != want {
			t.Errorf("%q → %q, want %q", res.Mentions[i].Text, got, want)
		}
	}
}

// "the Bank", "the Commission" alone name the document's one organisation
// with that word, else no entity: never one node for every article's bank.
func TestGenericOrganisationWords(t *testing.T) {
	text := "The Bank of England cut rates. The Bank said so. The Commission met. Bank of Japan and Bank of Canada agreed; the Bank"
	res := mentionsAt(text, "Bank of England", "ORG", "Bank", "ORG", "Commission", "ORG")
	if err := (Resolver{}).Resolve(context.Background(), res); err != nil {
		t.Fatal(err)
	}
	for i, want := range []string{"org/bank-of-england", "org/bank-of-england", ""} {
		if got := res.Mentions[i].Entity; got != want {
			t.Errorf("%q → %q, want %q", res.Mentions[i].Text, got, want)
		}
	}
	two := mentionsAt("Bank of Japan and Bank of Canada agreed; the Bank spoke.", "Bank of Japan", "ORG", "Bank of Canada", "ORG", "Bank", "ORG")
	if err := (Resolver{}).Resolve(context.Background(), two); err != nil {
		t.Fatal(err)
	}
	if got := two.Mentions[2].Entity; got != "" {
		t.Errorf("the Bank beside two banks → %q", got)
	}
}
