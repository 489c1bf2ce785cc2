package resolve

import (
	"sort"
	"strings"
	"unicode"

	"github.com/factgraph/factgraph/extract/gazetteer"
	"github.com/factgraph/factgraph/schema"
)

// Organisations with and without their country. A government body is
// named many ways in one story: "Russian Foreign Ministry", "Russia's
// Ministry of Foreign Affairs", "the Ministry of Foreign Affairs in
// Moscow", "the foreign ministry". Each is read as a core ("foreign
// ministry") and a country; the country comes from the name ("Russian",
// "of Russia"), else from the words around the mention ("Russian" before a
// span the recognizer cut short, "in Moscow" after it), else from the
// other mentions of the same core in the document (when they agree on one
// country), else from the document's dominant country (named at least
// twice, and twice as often as any other). Mentions with the same core
// and country are one entity, whose name and key say the country
// ("Russian Foreign Ministry", org/russian-foreign-ministry) in every
// document; different countries ("US State Department") never merge.

// govWords make an organisation name a government body's.
var govWords = map[string]bool{
	"ministry": true, "department": true, "government": true, "parliament": true, "cabinet": true,
	"army": true, "navy": true,
}

// bodyNames are government bodies named by one word or phrase that is no
// government word inside longer names ("the Treasury", "U.S. Treasury",
// but "Treasury bills", "Congress Party").
var bodyNames = map[string]bool{
	"treasury": true, "congress": true, "senate": true, "house of representatives": true, "supreme court": true,
	"foreign office": true, "home office": true, "cabinet office": true,
}

// implicitCountry are bodies only one country has.
var implicitCountry = map[string]string{
	"state department": "United States", "department of state": "United States", "pentagon": "United States",
	"federal reserve": "United States",
}

// adjectives are the demonyms org names are written with.
var adjectives = map[string]string{
	"Russia": "Russian", "United States": "US", "United Kingdom": "British", "China": "Chinese",
	"France": "French", "Germany": "German", "Ukraine": "Ukrainian", "Iran": "Iranian", "Japan": "Japanese",
	"India": "Indian", "Italy": "Italian", "Spain": "Spanish", "Turkey": "Turkish", "Israel": "Israeli",
	"Canada": "Canadian", "Poland": "Polish", "Belarus": "Belarusian", "Syria": "Syrian", "Iraq": "Iraqi",
	"Egypt": "Egyptian", "Brazil": "Brazilian", "Mexico": "Mexican", "Australia": "Australian",
	"North Korea": "North Korean", "South Korea": "South Korean", "Saudi Arabia": "Saudi", "Pakistan": "Pakistani",
}

// leadingCountry reads a country modifier at the start of words: a
// demonym ("russian"), a country name ("us", "united states") or its
// possessive ("russias", plain's form of "Russia's"). It returns the
// country and the number of words it took.
func leadingCountry(words []string) (string, int) {
	for n := min(3, len(words)); n >= 1; n-- {
		p := strings.Join(words[:n], " ")
		if c := countryOf(p); c != "" {
			return c, n
		}
		if n == 1 {
			if c := demonymOf(p); c != "" {
				return c, 1
			}
			if strings.HasSuffix(p, "s") {
				if c := countryOf(strings.TrimSuffix(p, "s")); c != "" {
					return c, 1
				}
			}
		}
	}
	return "", 0
}

// orgCore reads a government body's name: its country (from the name
// alone, "" if the name has none) and its core in a standard form
// ("Ministry of Foreign Affairs" → "foreign ministry"). ok is false for
// names that are no government body.
func orgCore(name string) (country, core string, ok bool) {
	words := plain(name)
	for len(words) > 0 && (words[0] == "the" || words[0] == "a") {
		words = words[1:]
	}
	if len(words) == 1 && orgNicknames[words[0]] != "" {
		words = strings.Fields(orgNicknames[words[0]]) // "the Fed"
	}
	if c, n := leadingCountry(words); n > 0 && n < len(words) {
		country, words = c, words[n:]
	}
	// "of Russia", "of the Russian Federation", "of the United States".
	for i := 1; i+1 < len(words); i++ {
		if words[i] != "of" {
			continue
		}
		rest := words[i+1:]
		if rest[0] == "the" {
			rest = rest[1:]
		}
		if strings.Join(rest, " ") == "russian federation" {
			country, words = "Russia", words[:i]
			break
		}
		if c, n := leadingCountry(rest); n == len(rest) && n > 0 {
			country, words = c, words[:i]
			break
		}
	}
	gov := false
	for _, w := range words {
		gov = gov || govWords[w]
	}
	k := strings.Join(words, " ")
	gov = gov || bodyNames[k]
	if ic, ok := implicitCountry[k]; ok {
		if country == "" {
			country = ic
		}
		gov = true
	}
	if !gov || len(words) == 0 || len(words) > 6 {
		return "", "", false
	}
	// "ministry of foreign affairs", "foreign affairs ministry" → "foreign
	// ministry"; "ministry of defense" → "defence ministry".
	for i, w := range words {
		if w == "defense" {
			words[i] = "defence"
		}
	}
	if len(words) >= 3 && words[0] == "ministry" && words[1] == "of" {
		words = append(append([]string{}, words[2:]...), "ministry")
	}
	if n := len(words); n >= 3 && words[n-1] == "ministry" && words[n-2] == "affairs" {
		words = append(append([]string{}, words[:n-2]...), "ministry")
	}
	return country, strings.Join(words, " "), true
}

// orgName is the canonical name of a government body: "Russian Foreign
// Ministry", "Foreign Ministry of Chile", "Foreign Ministry".
func orgName(core, country string) string {
	base := make([]string, 0, 4)
	for _, w := range strings.Fields(core) {
		if w == "of" || w == "and" || w == "the" {
			base = append(base, w)
			continue
		}
		base = append(base, strings.ToUpper(w[:1])+w[1:])
	}
	name := strings.Join(base, " ")
	switch {
	case country == "":
		return name
	case adjectives[country] != "":
		return adjectives[country] + " " + name
	}
	return name + " of " + country
}

// contextCountry reads a country from the words around a mention: a
// demonym, country or possessive right before it ("Russian [Foreign
// Ministry]"), or "in"/"of" and a country or capital right after it
// ("[Ministry of Foreign Affairs] in Moscow").
func (d *doc) contextCountry(start, end int) string {
	if d.res.Doc == nil {
		return ""
	}
	text := d.res.Doc.Text
	if start <= len(text) {
		before := strings.Fields(text[max(0, start-40):start])
		if n := len(before); n > 0 && !strings.ContainsAny(before[n-1], ",;:.") {
			if c, k := leadingCountry(plain(before[n-1])); k > 0 {
				return c
			}
			if n > 1 && !strings.ContainsAny(before[n-2], ",;:.") {
				if c, k := leadingCountry(plain(before[n-2] + " " + before[n-1])); k == 2 {
					return c
				}
			}
		}
	}
	if end <= len(text) {
		after := strings.Fields(text[end:min(len(text), end+40)])
		if len(after) >= 2 && (after[0] == "in" || after[0] == "of") {
			w := strings.TrimRightFunc(after[1], func(r rune) bool { return !unicode.IsLetter(r) })
			if c := countryOf(w); c != "" {
				return c
			}
			if g, err := gaz(); err == nil && g.Is(gazetteer.Capital, w) {
				if c, ok := g.Country(w); ok {
					return c
				}
			}
		}
	}
	return ""
}

// dominantCountry is the country the document names most (countries,
// capitals and nationalities), when named at least twice and twice as
// often as any other; "" otherwise.
func (d *doc) dominantCountry() string {
	n := map[string]int{}
	for _, mi := range d.ms {
		var c string
		switch mi.typ {
		case "GPE":
			c = countryOf(mi.name)
			if c == "" {
				if g, err := gaz(); err == nil && g.Is(gazetteer.Capital, mi.name) {
					c, _ = g.Country(mi.name)
				}
			}
		case "NORP":
			c = demonymOf(mi.name)
		}
		if c != "" {
			n[c]++
		}
	}
	best, second := "", 0
	cs := make([]string, 0, len(n))
	for c := range n {
		cs = append(cs, c)
	}
	sort.Strings(cs)
	for _, c := range cs {
		switch {
		case best == "" || n[c] > n[best]:
			if best != "" {
				second = n[best]
			}
			best = c
		case n[c] > second:
			second = n[c]
		}
	}
	if best == "" || n[best] < 2 || n[best] < 2*second {
		return ""
	}
	return best
}

// readOrgs gives each government-body mention its core and country and
// the fold of its canonical name, so that the exact pass groups the
// mentions of one body whatever their form.
func (d *doc) readOrgs() {
	type orgMention struct {
		mi            *mentionInfo
		core, country string
	}
	var oms []orgMention
	explicit := map[string]map[string]bool{} // core → countries named
	for _, mi := range d.ms {
		if mi.typ != "ORG" {
			continue
		}
		country, core, ok := orgCore(mi.name)
		if !ok {
			continue
		}
		if country == "" {
			m := d.res.Mentions[mi.i]
			country = d.contextCountry(m.Start, m.End)
		}
		if country != "" {
			if explicit[core] == nil {
				explicit[core] = map[string]bool{}
			}
			explicit[core][country] = true
		}
		oms = append(oms, orgMention{mi, core, country})
	}
	if len(oms) == 0 {
		return
	}
	dominant := "\x00"
	for _, om := range oms {
		if om.country == "" {
			if len(explicit[om.core]) == 1 {
				for c := range explicit[om.core] {
					om.country = c
				}
			} else if len(explicit[om.core]) == 0 {
				if dominant == "\x00" {
					dominant = d.dominantCountry()
				}
				om.country = dominant
			}
		}
		om.mi.org, om.mi.orgCountry = om.core, om.country
		om.mi.fold = plain(orgName(om.core, om.country))
	}
}

// orgCanonical is the name and key of a government body's cluster.
func orgCanonical(c *cluster) (string, string) {
	name := orgName(c.org, c.orgCountry)
	return name, schema.EntityKey("ORG", strings.Join(plain(name), " "))
}

// orgArg finds the government body a fact argument names in words the
// recognizer did not tag ("the foreign ministry"): the one cluster of the
// document with that core (and country, when the words give one).
func (d *doc) orgArg(text string) *cluster {
	country, core, ok := orgCore(text)
	if !ok {
		return nil
	}
	var found *cluster
	for _, c := range d.clusters {
		if c.org != core || country != "" && c.orgCountry != country || c.key == "" {
			continue
		}
		if found != nil && found != c {
			return nil
		}
		found = c
	}
	return found
}
