package resolve

import (
	_ "embed"
	"strings"
	"sync"
	"unicode"

	"golang.org/x/text/unicode/norm"

	"github.com/factgraph/factgraph/extract/gazetteer"
	"github.com/factgraph/factgraph/extract/ner"
)

// Name variants. Every name is compared through its fold: lower case,
// accents removed, punctuation dropped ("U.S." = "US"), and each word of a
// person's name put in a standard transliteration (fold rules below), so
// that "Dimitri Peskow", "Dmitri Peskov" and "Dmitry Peskov" all fold to
// "dmitry peskov". The fold of a person's full name is also the slug of
// its entity key, which makes the key the same in every document and every
// build without consulting any store.

//go:embed data/nicknames.txt
var nicknameData string

// nicknames maps a given name to the set of names it may stand for
// (both directions of the lexicon's has_nickname relation). Lazily built,
// read-only afterwards.
var nicknames = sync.OnceValue(func() map[string][]string {
	m := map[string][]string{}
	for _, line := range strings.Split(nicknameData, "\n") {
		f := strings.Fields(line)
		if len(f) < 2 {
			continue
		}
		for _, n := range f[1:] {
			m[f[0]] = append(m[f[0]], n)
			m[n] = append(m[n], f[0])
		}
	}
	return m
})

// gaz is the shared read-only gazetteer (countries, demonyms, titles,
// first names).
var gaz = sync.OnceValues(gazetteer.Default)

// givenVariants maps transliterations of (mostly Slavic) given names to one
// spelling, the one English-language wires use. Surnames are handled by
// rules (foldWord); given names vary too irregularly for rules.
var givenVariants = map[string]string{
	"dmitri": "dmitry", "dimitri": "dmitry", "dmitrij": "dmitry", "dmitriy": "dmitry", "dimitry": "dmitry", "dimitrij": "dmitry",
	"alexey": "alexei", "aleksei": "alexei", "aleksey": "alexei", "alexej": "alexei", "aleksej": "alexei", "alexeij": "alexei",
	"sergey": "sergei", "sergej": "sergei", "sergeij": "sergei", "sergeiy": "sergei",
	"andrey": "andrei", "andrej": "andrei", "andreij": "andrei",
	"nikolay": "nikolai", "nikolaj": "nikolai", "nicolai": "nikolai",
	"yuriy": "yuri", "yury": "yuri", "jurij": "yuri", "juri": "yuri", "iurii": "yuri",
	"anatoli": "anatoly", "anatolij": "anatoly", "anatoliy": "anatoly", "anatolii": "anatoly",
	"vyacheslav": "vyacheslav", "wjatscheslaw": "vyacheslav", "viacheslav": "vyacheslav", "vjaceslav": "vyacheslav",
	"wladimir": "vladimir", "vladimer": "vladimir",
	"evgeny": "yevgeny", "evgeni": "yevgeny", "evgenij": "yevgeny", "yevgeni": "yevgeny", "jewgeni": "yevgeny", "jewgenij": "yevgeny", "evgeniy": "yevgeny",
	"mikhail": "mikhail", "michail": "mikhail", "mihail": "mikhail",
	"konstantin": "konstantin", "konstantine": "konstantin",
	"grigori": "grigory", "grigorij": "grigory", "grigoriy": "grigory",
	"georgi": "georgy", "georgij": "georgy", "georgiy": "georgy",
	"valeri": "valery", "valerij": "valery", "valeriy": "valery",
	"vasili": "vasily", "vasilij": "vasily", "vasiliy": "vasily", "wassili": "vasily",
	"arkadi": "arkady", "arkadij": "arkady", "arkadiy": "arkady",
	"maksim": "maxim", "maksym": "maxim",
	"aleksandr": "alexander", "alexandr": "alexander", "aleksander": "alexander",
	"oleksandr": "alexander", "volodymyr": "volodymyr", "wolodymyr": "volodymyr",
	"mariya": "maria", "marija": "maria",
	"tatiana": "tatyana", "tatjana": "tatyana",
	"natalia": "natalya", "natalja": "natalya",
	"yulia": "yulia", "julia": "julia", "iulia": "yulia", "yuliya": "yulia",
}

// englishOw lists English surnames ending in -ow/-ew that are not German
// transliterations of -ov/-ev.
var englishOw = map[string]bool{
	"andrew": true, "matthew": true, "bristow": true, "barlow": true, "marlow": true, "winslow": true,
	"ludlow": true, "harlow": true, "morrow": true, "bellow": true, "crow": true, "snow": true,
	"stow": true, "barrow": true, "farrow": true, "sparrow": true, "yarrow": true, "glasgow": true, "fellow": true, "willow": true, "meadow": true, "shadow": true,
	"yellow": true, "follow": true, "low": true, "new": true, "few": true, "dew": true, "drew": true,
	"mcgraw": true, "pew": true, "hebrew": true, "jew": true, "stew": true, "crew": true, "view": true,
}

// slavicSuffixes mark a surname that follows Slavic transliteration rules.
var slavicSuffixes = []string{"ov", "ev", "ova", "eva", "in", "ina", "sky", "ski", "zki", "zky", "cki", "skiy", "skij", "skaya", "nko", "vich", "vych", "chuk", "yuk", "uk", "ak"}

func isVowel(b byte) bool { return strings.IndexByte("aeiouy", b) >= 0 }

// foldWord puts one lower-case ASCII word into its standard spelling:
// the given-name table; then final -ij/-yj/-iy/-ii → -y ("Navalnyj" →
// "navalny"); German -ow/-ew → -ov/-ev ("Peskow" → "peskov"); and for
// Slavic surnames initial C+ia → C+ya ("Riabkov" → "ryabkov"), -zki/-zky →
// -tsky ("Sluzki" → "slutsky"), -ski → -sky.
func foldWord(w string) string {
	if v, ok := givenVariants[w]; ok {
		return v
	}
	if len(w) < 4 {
		return w
	}
	for _, suf := range []string{"ij", "yj", "iy", "ii"} {
		if strings.HasSuffix(w, suf) && !isVowel(w[len(w)-3]) {
			w = w[:len(w)-2] + "y"
			break
		}
	}
	if len(w) >= 5 && (strings.HasSuffix(w, "ow") || strings.HasSuffix(w, "ew")) && !englishOw[w] && !isVowel(w[len(w)-3]) && w[len(w)-3] != 'l' && !strings.HasSuffix(w, "rrow") {
		w = w[:len(w)-1] + "v"
		if strings.Contains(w, "w") {
			// A German transliteration writes every v as w: "Lawrow".
			w = strings.ReplaceAll(w, "w", "v")
		}
	}
	slavic := false
	for _, s := range slavicSuffixes {
		if strings.HasSuffix(w, s) {
			slavic = true
			break
		}
	}
	if !slavic {
		return w
	}
	if len(w) > 4 && !isVowel(w[0]) && w[1] == 'i' && w[2] == 'a' {
		w = w[:1] + "ya" + w[3:]
	}
	switch {
	case strings.HasSuffix(w, "zki") || strings.HasSuffix(w, "zky"):
		w = w[:len(w)-3] + "tsky"
	case strings.HasSuffix(w, "ski"):
		w = w[:len(w)-1] + "y"
	}
	return w
}

// plain lower-cases s, strips accents and drops punctuation, returning its
// words: "U.S." → ["us"], "Navalnyj’s" → ["navalnyj"].
func plain(s string) []string {
	s = norm.NFD.String(s)
	var words []string
	var b strings.Builder
	flush := func() {
		if b.Len() > 0 {
			words = append(words, b.String())
			b.Reset()
		}
	}
	for _, r := range s {
		switch {
		case unicode.Is(unicode.Mn, r):
		case r == '.' || r == '\'' || r == '’':
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			b.WriteRune(unicode.ToLower(r))
		default:
			flush()
		}
	}
	flush()
	// A possessive left after dropping the apostrophe: "bidens" stays, but
	// the extractor rarely hands one over; callers strip "'s" before.
	return words
}

// foldName is the fold of a name: its plain words in standard spelling.
func foldName(s string) []string {
	w := plain(s)
	for i := range w {
		w[i] = foldWord(w[i])
	}
	for i := 0; i+1 < len(w); i++ {
		if surnameParticles[w[i]] {
			return append(w[:i], strings.Join(w[i:], " "))
		}
	}
	return w
}

// surnameIs says whether the folded surname s is w or, for a surname
// with a particle, ends in w: "von weizsaecker" is also "Weizsaecker", as
// the English press writes it.
func surnameIs(s, w string) bool {
	return s == w || len(s) > len(w) && strings.HasSuffix(s, w) && s[len(s)-len(w)-1] == ' '
}

// surnameParticles start a surname of several words ("Willy De Clercq",
// "Charles de Gaulle", "Ludwig van Beethoven"): folded, the particle and
// the words after it are one surname, so that "De Clercq" written alone
// is that person's surname, as "Clercq" is not.
var surnameParticles = map[string]bool{
	"de": true, "van": true, "von": true, "der": true, "den": true, "da": true, "di": true, "del": true,
	"della": true, "du": true, "dos": true, "das": true, "ter": true, "ten": true,
}

// AliasKey is the normalised form under which a name of an entity of type
// typ is indexed and looked up across documents: its words, lower case,
// without accents and punctuation, joined by spaces ("U.S." → "us"), and
// for persons in standard transliteration ("Dimitri Peskow" → "dmitry
// peskov").
func AliasKey(typ, name string) string { return strings.Join(foldAs(typ, cleanName(name)), " ") }

// foldAs folds a person's name word by word, an organisation's without
// its legal form and in one spelling, and any other name plainly
// ("Moscow" is no German transliteration).
func foldAs(typ, name string) []string {
	switch typ {
	case "PERSON":
		return foldName(name)
	case "ORG":
		// "Standard & Poor's Corp" = "Standard and Poor's" (not "AT&T"):
		// "&" is "and", and a possessive inside the name goes as it does
		// at its end.
		name = strings.ReplaceAll(name, " & ", " and ")
		name = strings.NewReplacer("'s ", " ", "’s ", " ").Replace(name)
		f := orgSpelling(companyCore(plain(name)))
		if full, ok := orgNicknames[strings.Join(f, " ")]; ok {
			return strings.Fields(full)
		}
		return f
	}
	return plain(name)
}

// orgNicknames are short names of organisations that are neither their
// acronym nor a word of their name.
var orgNicknames = map[string]string{"fed": "federal reserve", "s and p": "standard and poor"}

// britishSpellings are the British forms of words in organisation names,
// by their American form, which outlets on either side of the Atlantic
// write differently ("Organisation for Economic Co-operation and
// Development", "Organization for Economic Cooperation and Development").
var britishSpellings = map[string]string{
	"organisation": "organization", "organisations": "organizations", "centre": "center",
	"centres": "centers", "defence": "defense", "labour": "labor", "programme": "program",
	"programmes": "programs", "harbour": "harbor", "theatre": "theater", "authorised": "authorized",
	"civilisation": "civilization", "modernisation": "modernization", "privatisation": "privatization",
}

// orgSpelling rewrites plain organisation words in American spelling and
// joins a "co-" prefix the hyphen split off ("co operation" →
// "cooperation"). It rewrites words in place.
func orgSpelling(words []string) []string {
	out := words[:0]
	for i := 0; i < len(words); i++ {
		w := words[i]
		if a, ok := britishSpellings[w]; ok {
			w = a
		}
		if w == "co" && i+1 < len(words) && strings.HasPrefix(words[i+1], "op") {
			w += words[i+1]
			i++
		}
		out = append(out, w)
	}
	return out
}

// companyCore is a plain organisation name without the legal-form words
// it ends with ("Zayre Corp" and "Zayre", "Morgan Stanley & Co", "Merrill
// Lynch and Co Inc"; one word always stays).
func companyCore(words []string) []string {
	n := len(words)
	for n > 1 && ner.IsLegalForm(words[n-1]) {
		n--
		// "Merrill Lynch and Co Inc": the "and" of "and Co" goes too.
		if n > 1 && words[n-1] == "and" && ner.IsLegalForm(words[n]) {
			n--
		}
	}
	return words[:n]
}

// hasLegalForm says whether a plain name ends with a legal form.
func hasLegalForm(words []string) bool { return len(companyCore(words)) < len(words) }

// AliasKeys returns every key an entity of type typ is found under in the
// store's alias index: the key of each name, and for persons with a
// several-word name also the key of the surname alone.
func AliasKeys(typ string, names ...string) []string {
	seen := map[string]bool{}
	var out []string
	add := func(k string) {
		if k != "" && !seen[k] {
			seen[k] = true
			out = append(out, k)
		}
	}
	for _, n := range names {
		f := foldAs(typ, cleanName(n))
		add(strings.Join(f, " "))
		if typ == "PERSON" && len(f) > 1 {
			sur := f[len(f)-1]
			add(sur)
			if i := strings.LastIndexByte(sur, ' '); i >= 0 {
				add(sur[i+1:]) // "weizsaecker" of "von weizsaecker"
			}
		}
	}
	return out
}

// givenCompatible reports whether two folded given names may name the same
// person: equal, one an initial of the other ("J" / "joe"), related as
// name and nickname in the lexicon ("joe" / "joseph", "jen" / "jennifer"),
// or spellings of one name (givenSpellings).
func givenCompatible(a, b string) bool {
	if a == b {
		return true
	}
	if len(a) == 1 || len(b) == 1 {
		return a[0] == b[0]
	}
	for _, n := range nicknames()[a] {
		if n == b {
			return true
		}
	}
	return givenSpellings(a, b)
}

// givenSpellings reports whether two given names of five letters or more
// are spellings of one name: one letter apart inside the name
// ("kristen" / "kristin"), never at its end, where names differ by sex
// ("mario" / "maria", "daniel" / "daniela"), and not of given names the
// first-name list gives different sexes.
func givenSpellings(a, b string) bool {
	if len(a) < 5 || len(b) < 5 || len(a) != len(b) || a[0] != b[0] || a[len(a)-1] != b[len(b)-1] || !editDistance1(a, b) {
		return false
	}
	if g, err := gaz(); err == nil {
		ga, gb := g.Value(gazetteer.FirstName, a), g.Value(gazetteer.FirstName, b)
		if ga != "" && gb != "" && ga != gb {
			return false
		}
	}
	return true
}

// editDistance1 reports whether a and b differ by at most one insertion,
// deletion or substitution.
func editDistance1(a, b string) bool {
	if a == b {
		return true
	}
	if len(a) > len(b) {
		a, b = b, a
	}
	if len(b)-len(a) > 1 {
		return false
	}
	i := 0
	for i < len(a) && a[i] == b[i] {
		i++
	}
	if len(a) == len(b) {
		return a[i+1:] == b[i+1:]
	}
	return a[i:] == b[i+1:]
}

// personsCompatible reports whether two folded person names may denote the
// same person: same surname (or, for long surnames, one edit apart, with
// equal given names) and compatible given names; a one-word name matches
// the surname or the given name of a longer one.
func personsCompatible(a, b []string) bool {
	if len(a) == 0 || len(b) == 0 {
		return false
	}
	if len(a) > len(b) {
		a, b = b, a
	}
	sa, sb := a[len(a)-1], b[len(b)-1]
	if len(a) == 1 {
		return surnameIs(sb, sa) || surnameIs(sa, sb) || len(b) > 1 && sa == b[0] && len(sa) > 1
	}
	if !surnameIs(sa, sb) && !surnameIs(sb, sa) {
		if len(sa) < 6 || !editDistance1(sa, sb) || a[0] != b[0] {
			return false
		}
	}
	return givenCompatible(a[0], b[0])
}

// extraCountryForms are country names the countries lexicon lacks.
var extraCountryForms = map[string]string{
	"america": "United States", "the us": "United States", "the usa": "United States",
	"britain": "United Kingdom", "the uk": "United Kingdom", "holland": "Netherlands",
	"the netherlands": "Netherlands", "the united states": "United States",
	"united states of america": "United States", "the united kingdom": "United Kingdom",
	"nz": "New Zealand", "hk": "Hong Kong", "prc": "China", "rok": "South Korea",
}

// countryOf returns the country a GPE name is a form of ("U.S.", "USA",
// "America" → "United States"), or "" when it is no country name (cities
// and capitals are not countries).
func countryOf(name string) string {
	k := strings.Join(plain(name), " ")
	if c, ok := extraCountryForms[k]; ok {
		return c
	}
	g, err := gaz()
	if err != nil || k == "" {
		return ""
	}
	if !g.Is(gazetteer.Country, k) {
		return ""
	}
	c, _ := g.Country(k)
	return c
}

// stateAbbreviations are the abbreviations news style gives US states
// ("Calif.", "N.Y."), by their plain form, so that the postal codes news
// style shares ("NY", "NJ", "PA") count too. Left out: "Wash." (the
// state's name is also the capital's, which the resolver keeps as one
// name) and the other postal codes ("CA", "IN", "OR" are words or
// acronyms too).
var stateAbbreviations = map[string]string{
	"ala": "Alabama", "ariz": "Arizona", "ark": "Arkansas", "calif": "California", "cal": "California",
	"colo": "Colorado", "conn": "Connecticut", "del": "Delaware", "fla": "Florida", "ga": "Georgia",
	"ill": "Illinois", "ind": "Indiana", "kan": "Kansas", "kans": "Kansas", "ky": "Kentucky",
	"la": "Louisiana", "md": "Maryland", "mass": "Massachusetts", "mich": "Michigan", "minn": "Minnesota",
	"miss": "Mississippi", "mo": "Missouri", "mont": "Montana", "neb": "Nebraska", "nebr": "Nebraska",
	"nev": "Nevada", "nh": "New Hampshire", "nj": "New Jersey", "nm": "New Mexico", "ny": "New York",
	"nc": "North Carolina", "nd": "North Dakota", "okla": "Oklahoma", "ore": "Oregon", "pa": "Pennsylvania",
	"penn": "Pennsylvania", "ri": "Rhode Island", "sc": "South Carolina", "sd": "South Dakota",
	"tenn": "Tennessee", "tex": "Texas", "vt": "Vermont", "va": "Virginia", "wva": "West Virginia",
	"wis": "Wisconsin", "wisc": "Wisconsin", "wyo": "Wyoming",
}

// stateOf returns the US state a GPE name abbreviates ("Calif." →
// "California"), or "".
func stateOf(name string) string {
	return stateAbbreviations[strings.Join(plain(name), " ")]
}

// placeOf is the standard name of a GPE that names a country or
// abbreviates a US state, "" for other names.
func placeOf(name string) string {
	if c := countryOf(name); c != "" {
		return c
	}
	return stateOf(name)
}

// demonymOf returns the country of a nationality word ("Russian",
// "Americans"), or "".
func demonymOf(word string) string {
	g, err := gaz()
	if err != nil {
		return ""
	}
	w := strings.Join(plain(word), " ")
	if g.Is(gazetteer.Demonym, w) || strings.HasSuffix(w, "s") && g.Is(gazetteer.Demonym, strings.TrimSuffix(w, "s")) {
		c, _ := g.Country(w)
		return c
	}
	return ""
}

// isPlace reports whether a one-word name is a known country, capital or
// US state (and so no person's surname).
func isPlace(name string) bool {
	g, err := gaz()
	if err != nil {
		return false
	}
	return g.Lookup(name)&gazetteer.PoliticalPlaces != 0 || countryOf(name) != ""
}

// isTitle reports whether a word or phrase is a title ("president",
// "spokesman", "chief").
func isTitle(s string) bool {
	g, err := gaz()
	if err != nil {
		return false
	}
	return g.Is(gazetteer.Title, s)
}

// titleCase capitalises each word.
func titleCase(words []string) string {
	out := make([]string, len(words))
	for i, w := range words {
		if w == "" {
			continue
		}
		out[i] = strings.ToUpper(w[:1]) + w[1:]
	}
	return strings.Join(out, " ")
}

// BetterName says whether a is a better canonical name than b for an
// entity that an documents (or mentions) name a and bn name b: a name with
// fewer flaws (see nameFlaws: a headline's or dateline's capitals,
// "REAGAN", "NEW YORK"; capitals inside a word, "COmmission"; doubled
// spaces; unbalanced brackets), then the name given more often, then the
// first in sort order.
func BetterName(a string, an int, b string, bn int) bool {
	if fa, fb := nameFlaws(a), nameFlaws(b); fa != fb {
		return fa < fb
	}
	if an != bn {
		return an > bn
	}
	return a < b
}

// shouting is the flaw weight of a name written in capitals only.
const shouting = 4

// nameFlaws weighs how badly a name is written: shouting for capitals
// only (two words or more, or one of five letters or more: "NEW YORK",
// "REAGAN"; not an acronym such as "OPEC"), 2 for doubled spaces and for
// unbalanced brackets, 1 for each word with capitals inside it after two
// leading ones ("COmmission", "FIrst").
func nameFlaws(s string) int {
	n, capsWords, capsLetters := 0, 0, 0
	words := strings.Fields(s)
	for _, w := range words {
		upper, lower, k := 0, 0, 0
		innerCaps := false // two capitals, then a small letter: "COmmission"
		for _, r := range w {
			switch {
			case unicode.IsUpper(r):
				upper++
			case unicode.IsLower(r):
				lower++
				innerCaps = innerCaps || k == 2 && upper == 2
			}
			k++
		}
		if upper >= 2 && lower == 0 {
			capsWords++
			capsLetters += upper
		}
		if innerCaps {
			n++
		}
	}
	if capsWords >= 2 || capsWords == 1 && len(words) == 1 && capsLetters > 4 {
		n += shouting
	}
	if strings.Contains(s, "  ") {
		n += 2
	}
	if strings.Count(s, "(") != strings.Count(s, ")") {
		n += 2
	}
	return n
}
