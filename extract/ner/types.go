package ner

import (
	"slices"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/factgraph/factgraph/extract/gazetteer"
)

// typeSpans turns the model's CoNLL-typed spans into the recognizer's types:
// PER → PERSON (without leading titles); LOC → GPE for countries, capitals,
// states and cities, LOC for continents, regions and natural or built
// places; MISC → NORP for nationalities, peoples and political or religious
// groups (Value: the country or group), EVENT for named events, WORK for
// quoted titles, ORG for sports leagues, and nothing otherwise (products,
// currencies, indices, "New York-based": the graph has no class for them; the
// CoNLL tag set still gets them as MISC); ORG stays ORG. Spans made of translation debris
// ("Dhe", "NAfter") are dropped.
func (r *Recognizer) typeSpans(words []string, spans []Span) []typedSpan {
	gaz := r.res.gaz
	out := make([]typedSpan, 0, len(spans))
	spans = r.splitTitles(words, spans)
	spans = mergeLinkedNames(words, spans)
	spans = r.joinCommaFirms(words, spans)
	spans = r.splitAtBrackets(words, spans)
	spans = splitAfterLegalStops(words, spans)
	for _, sp := range spans {
		// Interjections are no names: "Nope." alone in a quote; nor is a
		// caption's "Image:".
		if sp.End-sp.Start == 1 && (interjections[strings.ToLower(words[sp.Start])] ||
			captionWords[words[sp.Start]] && sp.End < len(words) && words[sp.End] == ":") {
			continue
		}
		// A legal form alone is no name ("Ltd" of "Nikko Securities Co
		// (Europe) Ltd"), nor is one letter ("P" of "S and P 500").
		if legalFormOnly(words[sp.Start:sp.End]) || sp.End-sp.Start == 1 && utf8.RuneCountInString(words[sp.Start]) == 1 {
			continue
		}
		// Debris and punctuation at the edges of a span.
		for sp.Start < sp.End && (r.isDebris(words, sp.Start) || !hasAlnum(words[sp.Start])) {
			sp.Start++
		}
		for sp.End > sp.Start && !hasAlnum(words[sp.End-1]) {
			sp.End--
		}
		// A credit rating is no name: "downgraded to AA from AA-plus",
		// "raised to Baa-3 from Ba-1".
		if ratingSpan(words[sp.Start:sp.End]) && aboutRatings(words) {
			continue
		}
		// Scraped furniture at the end of a name: a caption's "Image:"
		// ("Ahmed Mohamed Image: Twitter"), a heading's first word glued to
		// the paragraph ("Regina Ip In the constituency"; titles of works,
		// MISC, may end so: "Just Do It").
		for sp.End-sp.Start > 1 && (captionWords[words[sp.End-1]] && sp.End < len(words) && words[sp.End] == ":" ||
			sp.Type != "MISC" && words[sp.End-1] != strings.ToLower(words[sp.End-1]) && debrisWords[strings.ToLower(words[sp.End-1])]) {
			sp.End--
		}
		// Nor into the clause after it: "Bank did not operate", "Penn
		// Central Railroad and six" (see clauseWords). Titles of works and
		// other MISC names keep all their words.
		if sp.Type != "MISC" {
			sp.End = clauseCut(words, sp)
		}
		// A name does not run across a quotation mark: "Good Morning
		// America” that Putin" ends at the quote.
		for k := sp.Start + 1; k < sp.End-1; k++ {
			if isQuote(words[k]) && words[k] != "'" {
				sp.End = k
				break
			}
		}
		// A capitalised "The" that only starts the sentence: "The Kremlin".
		// (Places keep theirs: "The Hague", "The Netherlands".)
		if sp.End-sp.Start > 1 && words[sp.Start] == "The" && (sp.Start == 0 || !hasAlnum(words[sp.Start-1])) && sp.Type == "ORG" {
			sp.Start++
		}
		// Titles after a name: "US President" is the GPE "US".
		if sp.Type != "PER" {
			for sp.End-sp.Start > 1 {
				n := 0
				for k := sp.End - 1; k > sp.Start && sp.End-k <= 3; k-- {
					if r.titleAt(words[:sp.End], k) == sp.End-k && r.res.gaz.Is(gazetteer.Title, strings.ToLower(strings.Join(words[k:sp.End], " "))) {
						n = sp.End - k
					}
				}
				if n == 0 {
					break
				}
				sp.End -= n
				if r.res.gaz.Lookup(strings.Join(words[sp.Start:sp.End], " "))&gazetteer.PoliticalPlaces != 0 {
					sp.Type = "LOC"
				}
			}
		}
		if sp.Start >= sp.End {
			continue
		}
		text := strings.Join(words[sp.Start:sp.End], " ")
		ts := typedSpan{Span: sp}
		switch sp.Type {
		case "PER":
			ts.Type = "PERSON"
			// Titles are not names: "President Joe Biden" → "Joe Biden".
			// Given names that are also one-word titles stay ("Dean
			// Jones"); a longer title goes ("Shadow Home Secretary").
			for ts.End-ts.Start > 1 {
				n := r.titleAt(words, ts.Start)
				if n == 0 || n == 1 && r.res.gaz.Is(gazetteer.FirstName, words[ts.Start]) {
					break
				}
				ts.Start += n
			}
			if ts.Start >= ts.End {
				continue
			}
			// A person's name does not end with a company's legal form or
			// an organisation's head: "Guy F. Atkinson Co", "Hoechst AG",
			// "T. Rowe Price Associates" are organisations.
			if ts.End-ts.Start > 1 && EndsOrgName(words[ts.End-1]) {
				ts.Type = "ORG"
			}
		case "ORG":
			ts.Type = "ORG"
			// "the Black Sea Peninsula of Crimea": a place word and
			// no organisation word make a place.
			if r.placeNotOrg(words[sp.Start:sp.End]) {
				ts.Type = "LOC"
				ts.conll = "ORG"
			}
		case "LOC":
			ts.Type = r.placeType(words[sp.Start:sp.End], text)
			// An unknown place named as a medium or a source is an
			// organisation: "the news channel Telegram", "the Telegram
			// online service", "according to The Hill".
			if _, country := gaz.Country(text); !country && gaz.Lookup(text) == 0 && !seats[text] && mediumContext(words, sp) {
				ts.Type = "ORG"
			}
			if seats[text] {
				// CoNLL-2003 annotates seats of government as LOC; in
				// the graph they act as organisations.
				ts.Type = "ORG"
				ts.conll = "LOC"
			}
			if c, ok := gaz.Country(text); ok && ts.Type == "GPE" {
				ts.value = c
			}
		case "MISC":
			ts.Type, ts.value = r.miscType(words, sp, text)
			// Whatever the rules type, CoNLL-2003 calls it MISC; what
			// they cannot type is kept for the CoNLL tag set only.
			ts.conll = "MISC"
		default:
			ts.Type = sp.Type
		}
		// A law is a written work, whatever else the model took it for:
		// "the Glass-Steagall Act" was a person, "the Companies Act" a
		// place, "the Bank Secrecy Act" an organisation.
		if sp.End-sp.Start > 1 && words[sp.End-1] == "Act" {
			ts.Type, ts.value = "WORK", ""
		}
		out = append(out, ts)
	}
	return out
}

// titleAt returns the number of tokens of a title starting at i (0 if none).
// A "Shadow" before a title is part of it ("Shadow Home Secretary": the
// opposition's spokesperson for the office).
func (r *Recognizer) titleAt(words []string, i int) int {
	if i < len(words) && strings.EqualFold(words[i], "shadow") {
		if n := r.titleAt(words, i+1); n > 0 {
			return n + 1
		}
		return 0
	}
	best := 0
	for n := 1; n <= 4 && i+n <= len(words); n++ {
		if r.res.gaz.Is(gazetteer.Title, strings.Join(words[i:i+n], " ")) {
			best = n
		}
	}
	return best
}

func (r *Recognizer) placeType(words []string, text string) string {
	gaz := r.res.gaz
	k := gaz.Lookup(text)
	switch {
	case k&gazetteer.PoliticalPlaces != 0:
		return "GPE"
	case k&(1<<gazetteer.Continent) != 0:
		return "LOC"
	}
	last := words[len(words)-1]
	if len(words) > 1 && EndsOrgName(last) {
		return "ORG"
	}
	if len(words) > 1 && gaz.Is(gazetteer.LocWord, last) {
		return "LOC"
	}
	if len(words) > 1 && gaz.Is(gazetteer.LocWord, words[0]) && (words[0] == "Mount" || words[0] == "Lake" || words[0] == "Cape" || words[0] == "Gulf") {
		return "LOC"
	}
	return "GPE"
}

func (r *Recognizer) miscType(words []string, sp Span, text string) (string, string) {
	gaz := r.res.gaz
	if c, ok := gaz.Country(text); ok && !gaz.Is(gazetteer.Country, text) {
		return "NORP", c
	}
	// "Russian-American": the first part.
	if i := strings.IndexByte(text, '-'); i > 0 && sp.End-sp.Start == 1 {
		if c, ok := gaz.Country(text[:i]); ok {
			return "NORP", c
		}
	}
	if gaz.Is(gazetteer.Group, text) {
		v := gaz.Value(gazetteer.Group, text)
		if v == "" {
			v = text
		}
		return "NORP", v
	}
	if sp.End-sp.Start == 1 {
		if c, ok := gaz.Country(words[sp.Start]); ok {
			return "NORP", c
		}
	}
	if sp.Start > 0 && sp.End < len(words) && isQuote(words[sp.Start-1]) && isQuote(words[sp.End]) {
		return "WORK", ""
	}
	last := words[sp.End-1]
	if gaz.Is(gazetteer.EventWord, last) || sp.End-sp.Start > 1 && gaz.Is(gazetteer.EventWord, strings.Join(words[sp.End-2:sp.End], " ")) {
		return "EVENT", ""
	}
	for _, w := range words[sp.Start:sp.End] {
		if _, ok := yearLike(w); ok && sp.End-sp.Start > 1 {
			return "EVENT", ""
		}
	}
	// "War of Spanish Succession", cut short by the tagger.
	if sp.End-sp.Start > 2 && gaz.Is(gazetteer.EventWord, words[sp.Start]) && strings.EqualFold(words[sp.Start+1], "of") {
		return "EVENT", ""
	}
	// "Mediterranean", "Arctic": regions.
	if gaz.Is(gazetteer.Continent, text) {
		return "LOC", ""
	}
	// "Philippine": the adjective of a country named in the plural.
	if c, ok := gaz.Country(text + "s"); ok && sp.End-sp.Start == 1 {
		return "NORP", c
	}
	// "Euro 96", "Trofej Beograd 96": a competition and its year.
	if sp.End-sp.Start > 1 && isTwoDigits(last) {
		return "EVENT", ""
	}
	if miscEvents[strings.ToLower(text)] || miscEventHeads[last] {
		return "EVENT", ""
	}
	// "American League", "Major League Baseball": sports bodies.
	for _, w := range words[sp.Start:sp.End] {
		if miscOrgWords[w] && sp.End-sp.Start > 1 {
			return "ORG", ""
		}
	}
	// Adjectives made of a name ("New York-based", "U.S.-led",
	// "pro-Moscow") are no entities of their own.
	if i := strings.LastIndexByte(text, '-'); i >= 0 && nameAdjective[strings.ToLower(text[i+1:])] {
		return "", ""
	}
	if strings.HasPrefix(strings.ToLower(text), "pro-") || strings.HasPrefix(strings.ToLower(text), "anti-") {
		return "", ""
	}
	// Peoples and nationalities the demonym list lacks ("Briton",
	// "Zairean", "Iraqi Kurds", "S. Korean", "Hutus"): the last word
	// names the people; its country, when known, is the value.
	if v, ok := r.people(words[sp.Start:sp.End]); ok {
		return "NORP", v
	}
	// The rest of CoNLL's MISC is products, currencies, indices and other
	// things the graph has no class for ("Kalashnikov", "C$", "Nikkei"):
	// dropped rather than given a type that says nothing.
	return "", ""
}

func isTwoDigits(w string) bool {
	return len(w) == 2 && w[0] >= '0' && w[0] <= '9' && w[1] >= '0' && w[1] <= '9'
}

// people reports whether a MISC span names a people: its last word is a
// demonym or group, or a capitalised word with a demonym's ending; the value
// is the country of the span's first demonym, or the people's name.
func (r *Recognizer) people(ws []string) (string, bool) {
	gaz := r.res.gaz
	last := ws[len(ws)-1]
	lw := strings.ToLower(last)
	ok := gaz.Is(gazetteer.Group, last) || gaz.Is(gazetteer.Demonym, last)
	if _, c := gaz.Country(last); c && !gaz.Is(gazetteer.Country, last) {
		ok = true
	}
	country, known := peoples[strings.TrimSuffix(lw, "s")]
	if !known {
		country, known = peoples[lw]
	}
	ok = ok || known
	if !ok {
		r0, _ := utf8.DecodeRuneInString(last)
		if !unicode.IsUpper(r0) || strings.ContainsAny(last, "0123456789$.-") {
			return "", false
		}
		for _, suf := range demonymEndings {
			if strings.HasSuffix(lw, suf) && len(lw) > len(suf)+2 {
				ok = true
				break
			}
		}
	}
	if !ok {
		return "", false
	}
	for _, w := range ws {
		if c, found := gaz.Country(w); found {
			return c, true
		}
	}
	if country != "" {
		return country, true
	}
	return strings.Join(ws, " "), true
}

// demonymEndings end names of peoples and nationalities ("Zairean",
// "Surinamese", "Azeris").
var demonymEndings = []string{"ean", "eans", "ian", "ians", "ese", "ish", "ite", "ites", "eri", "eris"}

// peoples are names of peoples and nationalities without a demonym ending,
// with their country when they have one.
var peoples = map[string]string{
	"briton": "United Kingdom", "swede": "Sweden", "scot": "United Kingdom", "dane": "Denmark",
	"finn": "Finland", "pole": "Poland", "turk": "Turkey", "thai": "Thailand", "iraqi": "Iraq",
	"israeli": "Israel", "pakistani": "Pakistan", "saudi": "Saudi Arabia", "kuwaiti": "Kuwait",
	"yemeni": "Yemen", "uzbek": "Uzbekistan", "kazakh": "Kazakhstan", "tajik": "Tajikistan",
	"kyrgyz": "Kyrgyzstan", "azeri": "Azerbaijan", "slovak": "Slovakia", "czech": "Czechia",
	"greek": "Greece", "afrikaner": "South Africa", "afrikaans": "South Africa", "maori": "New Zealand",
	"hutu": "", "tutsi": "", "coloured": "", "zulu": "", "pashtun": "", "anglican": "", "catholic": "",
	"inuit": "", "bengali": "", "bantu": "", "gypsy": "", "roma": "",
}

// miscEvents are one-word or fixed-phrase events CoNLL tags MISC;
// miscEventHeads end event names.
var (
	miscEvents = map[string]bool{
		"wimbledon": true, "olympic": true, "olympics": true, "ashes": true, "grand slam": true,
		"tour de france": true, "giro": true, "vuelta": true, "world war two": true, "world war one": true,
		"ramadan": true, "christmas": true, "easter": true, "eid": true, "hajj": true, "holocaust": true,
		"brexit": true, "super bowl": true, "world cup": true,
	}
	miscEventHeads = map[string]bool{
		"Day": true, "Masters": true, "Slam": true, "Rising": true, "Open": true, "Week": true,
		"DAY": true, "MASTERS": true, "OPEN": true, "FINAL": true, "Final": true,
	}
	miscOrgWords = map[string]bool{
		"League": true, "LEAGUE": true, "Division": true, "DIVISION": true, "Federation": true,
		"Conference": true, "Association": true, "International": true,
	}
	nameAdjective = map[string]bool{
		"based": true, "born": true, "led": true, "controlled": true, "listed": true, "owned": true,
		"backed": true, "run": true, "made": true, "style": true, "held": true, "bound": true,
	}
)

// ratingSpan reports whether the words of a span write a grade of the
// credit rating agencies' scales ("AAA", "BB+", "Aa2", "Baa - 3",
// "Caa1").
func ratingSpan(ws []string) bool {
	if len(ws) == 0 || len(ws) > 3 {
		return false
	}
	switch strings.TrimRight(ws[0], "+-123") {
	case "AAA", "AA", "BBB", "BB", "CCC", "CC", "Aaa", "Aa", "Baa", "Ba", "Caa", "Ca":
	default:
		return false
	}
	for _, w := range ws[1:] {
		if strings.Trim(w, "+-123") != "" {
			return false
		}
	}
	return true
}

// aboutRatings reports whether a sentence speaks of credit ratings.
func aboutRatings(words []string) bool {
	for _, w := range words {
		lw := strings.ToLower(w)
		if strings.HasPrefix(lw, "rating") || strings.HasPrefix(lw, "downgrad") || strings.HasPrefix(lw, "upgrad") ||
			lw == "rated" || lw == "moody" || lw == "moody's" || lw == "poor's" || lw == "fitch" {
			return true
		}
	}
	return false
}

// interjections are capitalised words that stand alone as answers or
// exclamations and are never names.
var interjections = map[string]bool{
	"nope": true, "yes": true, "yeah": true, "yep": true, "yup": true, "no": true, "ok": true,
	"okay": true, "oh": true, "ah": true, "wow": true, "hey": true, "hi": true, "hello": true,
	"thanks": true, "sorry": true, "please": true, "absolutely": true, "indeed": true,
}

// media are nouns of media and services that name the word next to them
// ("the news channel Telegram", "the Telegram online service").
var media = map[string]bool{
	"channel": true, "service": true, "app": true, "messenger": true, "network": true,
	"newspaper": true, "website": true, "site": true, "broadcaster": true, "platform": true,
	"daily": true, "weekly": true, "magazine": true, "agency": true, "tabloid": true,
}

// mediumContext reports whether the span is named as a medium or a
// source: a media noun right before it or right after it (past "online",
// "news" or "messaging"), or "according to" before it.
func mediumContext(words []string, sp Span) bool {
	if sp.Start > 0 && media[strings.ToLower(words[sp.Start-1])] {
		return true
	}
	if sp.Start > 1 && strings.EqualFold(words[sp.Start-2], "according") && strings.EqualFold(words[sp.Start-1], "to") && words[sp.Start] == "The" {
		return true
	}
	for k := sp.End; k < len(words) && k < sp.End+2; k++ {
		w := strings.ToLower(words[k])
		if media[w] && w != "agency" && w != "network" && w != "daily" && w != "weekly" {
			return true
		}
		if w != "online" && w != "news" && w != "messaging" {
			break
		}
	}
	return false
}

// legalForms are the words of a company's legal form, in lower case
// without dots.
var legalForms = map[string]bool{
	"inc": true, "incorporated": true, "corp": true, "corporation": true, "co": true, "cos": true,
	"company": true, "ltd": true, "limited": true, "plc": true, "llc": true, "lp": true, "llp": true,
	"ag": true, "sa": true, "nv": true, "bv": true, "gmbh": true, "spa": true,
}

// IsLegalForm says whether a word is a company's legal form ("Inc.",
// "Corp", "PLC", "S.A.", "GmbH"), which the names of one company may have
// or leave out.
func IsLegalForm(w string) bool {
	return legalForms[strings.ToLower(strings.ReplaceAll(w, ".", ""))]
}

// legalFormOnly says whether ws are legal-form words only.
func legalFormOnly(ws []string) bool {
	for _, w := range ws {
		if !IsLegalForm(w) && hasAlnum(w) {
			return false
		}
	}
	return len(ws) > 0
}

// splitAtBrackets cuts spans at angle brackets, which no name contains:
// Reuters writes unlisted companies and tickers in them ("<LM Ericsson
// Telephone Co> of Sweden", "Texas Air Corp's <TEX> Continental
// Airlines"). A piece after a bracket loses the lower-case words it starts
// with, and is a place when it names a country ("of Sweden").
func (r *Recognizer) splitAtBrackets(words []string, spans []Span) []Span {
	out := spans[:0:0]
	for _, sp := range spans {
		start := sp.Start
		for k := sp.Start; k <= sp.End; k++ {
			if k < sp.End && words[k] != "<" && words[k] != ">" {
				continue
			}
			p := Span{Start: start, End: k, Type: sp.Type}
			if start > sp.Start {
				for p.Start < p.End && words[p.Start] == strings.ToLower(words[p.Start]) {
					p.Start++
				}
				if _, country := r.res.gaz.Country(strings.Join(words[p.Start:p.End], " ")); country {
					p.Type = "LOC"
				}
			}
			if p.Start < p.End {
				out = append(out, p)
			}
			start = k + 1
		}
	}
	return out
}

// splitAfterLegalStops cuts a span after a company's legal form written
// with a full stop ("Corp.", "Inc.", "Ltd.", "Plc.") when a word that is
// no legal form follows: the full stop ended a sentence that the splitter
// took for an abbreviation, or a list item ("rated by Standard and Poor's
// Corp. Salomon Brothers Inc said", "Gulf Canada Corp. GW Utilities").
// "Co." goes on ("Nikko Securities Co. International", "Co. of New
// York"), as does a legal form after another ("Daiwa Securities Co.
// Ltd").
func splitAfterLegalStops(words []string, spans []Span) []Span {
	if !slices.ContainsFunc(words, func(w string) bool { return strings.HasSuffix(w, ".") && w != "Co." && IsLegalForm(w) }) {
		return spans
	}
	out := spans[:0:0]
	for _, sp := range spans {
		start := sp.Start
		for k := sp.Start + 1; k < sp.End-1; k++ {
			if w := words[k]; strings.HasSuffix(w, ".") && w != "Co." && IsLegalForm(w) && !IsLegalForm(words[k+1]) {
				out = append(out, Span{Start: start, End: k + 1, Type: sp.Type})
				start = k + 1
			}
		}
		out = append(out, Span{Start: start, End: sp.End, Type: sp.Type})
	}
	return out
}

// mergeLinkedNames joins two organisation spans linked by "of" ("House"
// "of" "Commons" → "House of Commons"), a one-word organisation (or an
// untagged capitalised word) linked by "and" to a possessive one
// ("Standard and Poor's Corp"), and a longer
// name linked by "on" or "for" to an organisation span that the model
// cut at the preposition ("General Agreement" "on" "Tariffs and Trade").
// The first part of the latter must be two words or more and end like no
// organisation ("Senate Banking Committee on Federal Reserve policy"
// stays two), the second must not end with a legal form (a company of its
// own).
func mergeLinkedNames(words []string, spans []Span) []Span {
	for i, sp := range spans {
		// "Standard" left untagged before "and" "Poor 's Corp".
		if w := sp.Start - 2; sp.Type == "ORG" && w >= 0 && (words[w+1] == "and" || words[w+1] == "&") && capitalised(words[w]) &&
			!IsLegalForm(words[w]) && !clauseWords[strings.ToLower(words[w])] && (i == 0 || spans[i-1].End <= w) &&
			(w == 0 || !capitalised(words[w-1])) && // one word ("Lau Siu-lai and Youngspiration's" stays)
			possessiveName(words, sp) {
			spans[i].Start = w
		}
	}
	out := spans[:0:0]
	for i := 0; i < len(spans); i++ {
		sp := spans[i]
		for i+1 < len(spans) && spans[i+1].Type == "ORG" && spans[i+1].Start == sp.End+1 {
			next := spans[i+1]
			switch link := words[sp.End]; {
			case link == "of" && sp.Type == "ORG":
			case (link == "on" || link == "for") && (sp.Type == "ORG" || sp.Type == "MISC") && sp.End-sp.Start >= 2 &&
				!EndsOrgName(words[sp.End-1]) && !IsLegalForm(words[next.End-1]):
				sp.Type = "ORG"
			case link == "and" && sp.Type == "ORG" && sp.End-sp.Start == 1 && possessiveName(words, next):
				// "Standard" "and" "Poor 's Corp": a one-word name and a
				// possessive one are one firm's.
			default:
				out = append(out, sp)
				sp = next
				i++
				continue
			}
			sp.End = next.End
			i++
		}
		out = append(out, sp)
	}
	return out
}

// possessiveName says whether a name's first word takes a possessive
// "'s" ("Poor 's Corp", "Poor 's").
func possessiveName(words []string, sp Span) bool {
	return sp.End-sp.Start >= 2 && words[sp.Start+1] == "'s" || sp.End-sp.Start == 1 && sp.End < len(words) && words[sp.End] == "'s"
}

// joinCommaFirms makes one organisation of a firm named after its
// partners with a comma between them and "and Co" at its end ("Goldman,
// Sachs and Co", "Bear, Stearns and Co", "Smith Barney, Harris Upham and
// Co"), which the model cuts into pieces ("Bear", "Stearns", "and Co"
// left out): one or two capitalised words, a comma, one or two more and
// "and Co" or "& Co" (with a legal form after it, "Inc", if any). The words
// before the comma must be no place ("In London, Morgan Grenfell and Co")
// and no legal form ("Salomon Inc, Kidder Peabody and Co": two firms), and
// run no further left.
func (r *Recognizer) joinCommaFirms(words []string, spans []Span) []Span {
	var joined []Span
	for i := 1; i+3 < len(words); i++ {
		if words[i] != "," {
			continue
		}
		a := i // start of the partners before the comma
		for a > 0 && i-a < 3 && capitalised(words[a-1]) && !IsLegalForm(words[a-1]) {
			a--
		}
		if a == i || i-a > 2 || a > 0 && capitalised(words[a-1]) {
			continue
		}
		b := i + 1 // end of the partners after the comma
		for b < len(words) && b-i <= 3 && capitalised(words[b]) && !IsLegalForm(words[b]) {
			b++
		}
		if b == i+1 || b-i > 3 || b+1 >= len(words) || words[b] != "and" && words[b] != "&" || words[b+1] != "Co" {
			continue
		}
		lw := strings.ToLower(words[a])
		if nameJoiners[lw] || clauseWords[lw] || sentenceStarters[lw] {
			a++ // "In London, …" starting the sentence
		}
		place := a == i
		for k := a; k < i && !place; k++ {
			place = r.res.gaz.Lookup(words[k])&(gazetteer.PoliticalPlaces|1<<gazetteer.Continent) != 0
		}
		if place {
			continue
		}
		end := b + 2
		if end < len(words) && IsLegalForm(words[end]) && words[end] != "Co" {
			end++
		}
		joined = append(joined, Span{Start: a, End: end, Type: "ORG"})
		i = end - 1
	}
	if len(joined) == 0 {
		return spans
	}
	out := make([]Span, 0, len(spans)+len(joined))
	for _, sp := range spans {
		keep := true
		for _, j := range joined {
			if sp.Start < j.End && j.Start < sp.End {
				keep = false
				break
			}
		}
		if keep {
			out = append(out, sp)
		}
	}
	out = append(out, joined...)
	sort.Slice(out, func(x, y int) bool { return out[x].Start < out[y].Start })
	return out
}

// sentenceStarters are words that start sentences capitalised before a
// name and a comma ("Meanwhile, …", "By contrast, …").
var sentenceStarters = wordSet("by meanwhile however yet still last next earlier later now today yesterday thus")

func capitalised(w string) bool {
	r, _ := utf8.DecodeRuneInString(w)
	return unicode.IsUpper(r)
}

// placeNotOrg reports whether an organisation span is a place: its head
// (the word before "of", else the last word) is a word of non-political
// places ("the Black Sea Peninsula of Crimea") other than a place of
// worship, whose name is as often the religious body's ("the Church of
// Scientology"), and it has no word of organisations. A place word that
// only modifies the head leaves an organisation ("Sea Org", "National Park
// Service").
func (r *Recognizer) placeNotOrg(ws []string) bool {
	if len(ws) < 2 || r.hasOrgWord(ws) {
		return false
	}
	head := ws[len(ws)-1]
	for i := 1; i < len(ws); i++ {
		if ws[i] == "of" {
			head = ws[i-1]
			break
		}
	}
	return r.res.gaz.Is(gazetteer.LocWord, head) && !worship[head]
}

// worship are places of worship, named like the bodies that own them.
var worship = map[string]bool{"Church": true, "Cathedral": true, "Mosque": true, "Temple": true}

// orgHeads end names of institutions and companies that the model may take
// for places ("Russian Federation Council") or persons ("T. Rowe Price
// Associates").
var orgHeads = map[string]bool{
	"Council": true, "Committee": true, "Ministry": true, "Commission": true, "Agency": true,
	"Party": true, "University": true, "Association": true, "Institute": true, "Department": true,
	"Administration": true, "Group": true, "Holdings": true, "Bancorp": true, "Associates": true,
	"Securities": true, "Industries": true, "Partners": true, "Office": true, "Bureau": true, "Authority": true,
	"Board": true, "Service": true, "Foundation": true, "Society": true,
}

// EndsOrgName says whether a name ending with w is an organisation's:
// an institution's head or a company's legal form ("Guy F. Atkinson Co").
func EndsOrgName(w string) bool { return orgHeads[w] || IsLegalForm(w) }

// seats are buildings that stand for the institution inside them.
var seats = map[string]bool{
	"White House": true, "Kremlin": true, "Pentagon": true, "Elysee": true, "Élysée": true,
	"Elysee Palace": true, "Downing Street": true, "Quai d'Orsay": true, "Vatican": true,
	"Capitol Hill": true, "Foggy Bottom": true, "Whitehall": true, "Zhongnanhai": true,
	"Blue House": true, "Chancellery": true,
}

func yearLike(w string) (int, bool) {
	if len(w) != 4 {
		return 0, false
	}
	n := 0
	for i := 0; i < 4; i++ {
		if w[i] < '0' || w[i] > '9' {
			return 0, false
		}
		n = n*10 + int(w[i]-'0')
	}
	return n, n >= 1800 && n <= 2100
}

// captionWords head image captions and credits.
var captionWords = map[string]bool{"Image": true, "Photo": true, "Picture": true, "Video": true, "Credit": true}

// debrisWords are the function words machine translation leaves a stray
// letter on ("Dhe" for "The", "NAfter" for "After").
var debrisWords = map[string]bool{
	"the": true, "he": true, "she": true, "it": true, "in": true, "on": true, "at": true,
	"as": true, "an": true, "and": true, "after": true, "for": true, "but": true, "this": true,
	"that": true, "we": true, "they": true, "his": true, "her": true, "from": true, "with": true,
	"when": true, "while": true, "since": true, "before": true, "meanwhile": true, "also": true,
}

// isDebris reports whether token i is translation or scraping debris: a
// capitalised function word with stray capitals glued on ("NAfter", a
// caption's "ABC" in "ABCWhen"), or, at the start of a sentence,
// an unknown word one letter away from a capitalised function word ("Dhe").
func (r *Recognizer) isDebris(words []string, i int) bool {
	w := words[i]
	if utf8.RuneCountInString(w) < 3 {
		return false
	}
	r0, n0 := utf8.DecodeRuneInString(w)
	// Capitals glued to a capitalised function word: "NAfter", "ABCWhen".
	for k := n0; k < len(w); {
		r, n := utf8.DecodeRuneInString(w[k:])
		if !unicode.IsUpper(r) {
			break
		}
		if tail := w[k+n:]; tail != "" && strings.ToLower(tail) == tail && debrisWords[strings.ToLower(w[k:])] {
			return true
		}
		k += n
	}
	if i == 0 || words[i-1] == "." || isQuote(words[i-1]) {
		if unicode.IsUpper(r0) && r.res.clusters.Lookup(w) == "" && r.res.gaz.Lookup(w) == 0 {
			rest := strings.ToLower(w[n0:])
			for _, c := range "tabcdefghijklmnopqrsuvwxyz" {
				if debrisWords[string(c)+rest] {
					return true
				}
			}
		}
	}
	return false
}

// clauseWords are lower-case words that no name has inside it: pronouns,
// auxiliaries, negation, number words and the conjunctions and
// prepositions that start a clause or phrase. A span running into one
// has run from a name into the sentence ("Bank did not operate", "Penn
// Central Railroad and six", "First Bank Luverne and its office"). Nouns
// are not among them: web text writes names in lower case ("tampa bay").
var clauseWords = wordSet(`i me my you your he him his she her it its we us our they them their
	this that these those who whom which what whose there here
	is are was were be been being am has have had does did will would shall should can could may might must
	not n't no never also then than so but or nor if when while because although though as
	said says say told tells according
	one two three four five six seven eight nine ten eleven twelve twenty hundred thousand million billion mln bln pct
	with from into against between through during about after before since until without within`)

// wordSet is the set of the space-separated words of list.
func wordSet(list string) map[string]bool {
	set := map[string]bool{}
	for _, w := range strings.Fields(list) {
		set[w] = true
	}
	return set
}

// clauseCut returns the end of span sp cut before its first clause
// word (sp.End when it has none), without the words the cut leaves at its
// end that only join names ("and", "of").
func clauseCut(words []string, sp Span) int {
	end := sp.End
	for k := sp.Start + 1; k < sp.End; k++ {
		if w := words[k]; clauseWords[w] {
			end = k
			break
		}
	}
	if end == sp.End {
		return end
	}
	for end > sp.Start+1 && (nameJoiners[strings.ToLower(words[end-1])] || !hasAlnum(words[end-1])) {
		end--
	}
	return end
}

// nameJoiners are the lower-case words that join the parts of a name.
var nameJoiners = map[string]bool{"of": true, "and": true, "the": true, "for": true, "on": true, "in": true, "at": true, "to": true, "&": true}

func hasAlnum(w string) bool {
	for _, r := range w {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			return true
		}
	}
	return false
}

// placeTitles are titles whose holder is a place: "Northfield Mayor".
var placeTitles = map[string]bool{"mayor": true, "governor": true, "premier": true, "sheriff": true}

// splitTitles splits names the tagger ran into a title and a person:
// "Northfield Mayor Anna Berg" as one ORG becomes the place "Northfield"
// and the PER "Anna Berg" ("Mayor" is left between them, where Roles reads
// it as the title of Anna Berg tied to Northfield); "Acme Corp Chief
// Executive John Smith" becomes the ORG "Acme Corp" and the PER "John
// Smith". The person part must look like a name: capitalised words, either
// two or more or a given name.
func (r *Recognizer) splitTitles(words []string, spans []Span) []Span {
	var out []Span
	for _, sp := range spans {
		k, n := r.innerTitle(words, sp)
		if n == 0 {
			if k := r.portfolioPerson(words, sp); k > 0 {
				out = append(out, Span{k, sp.End, "PER"})
				continue
			}
			out = append(out, sp)
			continue
		}
		if k > sp.Start {
			owner := Span{sp.Start, k, sp.Type}
			text := strings.Join(words[sp.Start:k], " ")
			title := strings.ToLower(strings.Join(words[k:k+n], " "))
			switch {
			case r.res.gaz.Lookup(text)&(gazetteer.PoliticalPlaces|1<<gazetteer.Continent) != 0,
				r.res.gaz.Is(gazetteer.Country, strings.ReplaceAll(text, ".", "")): // "U.S. Trade Representative"
				owner.Type = "LOC"
			case placeTitles[title] && sp.Type != "LOC" && !r.hasOrgWord(words[sp.Start:k]):
				owner.Type = "LOC" // "Northfield Mayor", not "Bank of England Governor"
			case sp.Type == "PER" || sp.Type == "MISC":
				owner.Type = "ORG"
				if _, ok := r.res.gaz.Country(text); ok {
					owner.Type = "MISC" // "Russian Ambassador …": a NORP
				}
			}
			out = append(out, owner)
		}
		out = append(out, Span{k + n, sp.End, "PER"})
	}
	return out
}

// portfolioPerson finds the person in a name span that follows "<title>
// of" and runs the portfolio into the name ("Minister of Education
// Stefania Giannini" tagged "Education Stefania Giannini"): the first
// token of the person's name, from a given name to the span's end, or 0.
func (r *Recognizer) portfolioPerson(words []string, sp Span) int {
	if sp.Type == "PER" || sp.Start < 2 || words[sp.Start-1] != "of" || sp.End-sp.Start < 3 {
		return 0
	}
	titled := false
	for j := max(0, sp.Start-5); j < sp.Start-1; j++ {
		if j+r.titleAt(words[:sp.Start-1], j) == sp.Start-1 {
			titled = true
		}
	}
	if !titled {
		return 0
	}
	for k := sp.Start + 1; k+1 < sp.End; k++ {
		if r.res.gaz.Is(gazetteer.FirstName, words[k]) {
			if r.personName(words[k:sp.End]) {
				return k
			}
			return 0
		}
	}
	return 0
}

// personName reports whether ws can be a person's name: capitalised name
// words, no title first, and no word of organisations or places ("Chief
// Executives Club").
func (r *Recognizer) personName(ws []string) bool {
	if r.titleAt(ws, 0) > 0 {
		return false
	}
	for _, w := range ws {
		r0, _ := utf8.DecodeRuneInString(w)
		if !unicode.IsUpper(r0) || !isNameWord(w) || r.res.gaz.Is(gazetteer.OrgWord, w) || r.res.gaz.Is(gazetteer.LocWord, w) {
			return false
		}
	}
	return true
}

// innerTitle finds a title inside span sp followed by a name to the span's
// end: its first token and length (0 when there is none). A title at the
// span's start counts only for spans not typed PER (PER spans lose their
// leading titles in typeSpans).
func (r *Recognizer) innerTitle(words []string, sp Span) (int, int) {
	if sp.End-sp.Start < 2 {
		return 0, 0
	}
	for k := sp.Start; k < sp.End-1; k++ {
		if k == sp.Start && sp.Type == "PER" {
			continue
		}
		n := r.titleAt(words[:sp.End], k)
		if n == 0 || k+n >= sp.End {
			continue
		}
		// The title is a word of the name: "Prince Edward Island".
		if k == sp.Start && sp.End-sp.Start == 2 {
			continue
		}
		rest := words[k+n : sp.End]
		if (len(rest) >= 2 || r.res.gaz.Is(gazetteer.FirstName, rest[0])) && r.personName(rest) {
			return k, n
		}
	}
	return 0, 0
}

// isNameWord reports whether w can be part of a person's name: letters,
// with inner apostrophes, hyphens and dots ("O'Neill", "Jean-Luc", "J.").
func isNameWord(w string) bool {
	letters := 0
	for _, c := range w {
		switch {
		case unicode.IsLetter(c):
			letters++
		case c == '\'' || c == '’' || c == '-' || c == '.':
		default:
			return false
		}
	}
	return letters > 0
}

// hasOrgWord reports whether a word of ws ends organisation names ("Bank",
// "Council", "Inc").
func (r *Recognizer) hasOrgWord(ws []string) bool {
	for _, w := range ws {
		if r.res.gaz.Is(gazetteer.OrgWord, w) || EndsOrgName(w) {
			return true
		}
	}
	return false
}
