// Package resolve groups a document's mentions into entities, gives each
// entity a key that is the same in every document and build, and points
// fact arguments — names, pronouns and role descriptions — at them.
//
// Within a document it runs a deterministic multi-pass sieve, most precise
// pass first:
//
//  1. clean and repair mentions: trim articles, punctuation and stray
//     words ("Now, Kremlin" → "Kremlin"); drop bare titles and pronouns;
//     give a name the type most of its occurrences have; a one-word
//     non-person name that is the surname of a person named in the document
//     and no known place becomes that person ("Peskow" tagged GPE);
//  2. exact match of folded names (case, accents, punctuation and
//     transliteration variants: "Dimitri Peskow" = "Dmitry Peskov"); country
//     forms ("US", "U.S.", "USA", "United States", "America");
//  3. person name match: same surname (or one edit apart for long ones)
//     and compatible given names (nickname, initial, variant);
//  4. partial names: a lone surname or given name joins the one person it
//     can be; with several candidates a title before it ("Mayor Berg")
//     decides, else it stays unresolved rather than merge two people;
//  5. cross-document (Link, with an Index): a person named only partly, a
//     one-word name the recognizer mistyped, or a full name in another
//     variant is looked up among the entities already in the store; a
//     build links each document in input order (see Prepare and Link);
//  6. user overrides (merges, splits, preferred names);
//  7. fact arguments: the mention covering the argument; apposition
//     ("the diplomat, Anatoly Antonov"); role descriptions ("the Kremlin
//     chief", "the Russian President") matched against the titles the
//     document gives its persons ("Kremlin boss Vladimir Putin"); pronouns
//     (he, she, his, her) to the most salient agreeing person: the subject
//     of the sentence, else of the nearest sentence before that names one.
//
// The entity key is the type and the fold of the canonical name
// ("person/dmitry-peskov", "gpe/united-states"): it needs no store and is
// stable across rebuilds.
package resolve

import (
	"context"
	"fmt"
	"slices"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/factgraph/factgraph/extract"
	"github.com/factgraph/factgraph/extract/gazetteer"
	"github.com/factgraph/factgraph/extract/ner"
	"github.com/factgraph/factgraph/extract/pronoun"
	"github.com/factgraph/factgraph/schema"
)

// entityTypes are the mention types that become entities; values (dates,
// money…) stay literals.
var entityTypes = map[string]bool{
	"PERSON": true, "ORG": true, "GPE": true, "LOC": true, "NORP": true, "EVENT": true, "WORK": true,
}

// Known is an entity already in a store, as the alias index returns it.
type Known struct {
	Key     string
	Name    string
	Type    string
	Aliases []string
	// Docs are the documents that mention it.
	Docs []string
}

// Index looks up the entities already in a store by alias key (see
// AliasKey and AliasKeys). graph.Store satisfies it.
type Index interface {
	EntitiesByAlias(ctx context.Context, key string) ([]Known, error)
}

// Resolver is the entity resolver. The zero value resolves within each
// document (and, through the fold keys, across documents); with an Index
// it also resolves partial names against the entities of a store, and
// with Overrides it applies the user's merges, splits and names.
type Resolver struct {
	Index     Index
	Overrides *Overrides
}

type cluster struct {
	typ   string
	names map[string]int // cleaned surface form → count
	folds [][]string     // folded names, for person matching
	first int            // first mention offset, for stable order
	key   string
	canon string
	// place is the standard name of a GPE that names a country or
	// abbreviates a US state ("United States" for "U.S.", "California"
	// for "Calif."), "" for other names.
	place   string
	roles   []role
	gender  byte // 'm', 'f' or 0
	last    int  // end offset of the latest mention
	mention []int
	// titleWords are the titles seen right before its names ("Mayor").
	titleWords map[string]bool
	// linked and linkedName are the key and name of the stored entity the
	// cluster was linked to by Link, "" when none.
	linked, linkedName string
	// org is the country-free core of a government body's name ("foreign
	// ministry") and orgCountry its country, when known.
	org, orgCountry string
	// tickers are the names that are its stock tickers ("CHV"), never
	// its canonical name while it has another.
	tickers map[string]bool
}

// role is a title a person holds in the document: class ("leader",
// "spokesperson", "diplomat", or the title word) and owner country.
type role struct {
	class, owner string
}

// mentionInfo is a named mention being resolved.
type mentionInfo struct {
	i     int // index in res.Mentions
	name  string
	plain []string // plain(name)
	typ   string
	fold  []string
	title string // a title right before it ("Mayor Berg")
	cl    *cluster
	// org and orgCountry are a government body's core and country.
	org, orgCountry string
}

// Resolve implements the pipeline's Resolver: Prepare, then Link against
// r.Index when there is one.
func (r Resolver) Resolve(ctx context.Context, res *extract.Result) error {
	p, err := r.Prepare(ctx, res)
	if err != nil {
		return err
	}
	if r.Index != nil {
		if _, err := p.Link(ctx, r.Index); err != nil {
			return err
		}
	}
	return nil
}

// Pending is a document resolved within itself (and through the fold keys
// across documents), whose partial names may still be linked to the
// entities of a store by Link. The result it was prepared for is complete
// already: Link only changes it when a name links.
type Pending struct {
	d    *doc
	ov   *Overrides
	args []extract.Arg // the fact arguments as the extractor left them
	attr []string      // the facts' speaker keys as the extractor left them
}

// Prepare resolves a document within itself (passes 1–4, 6 and 7) and
// fills res. It needs no store, so documents can be prepared in parallel;
// Link then resolves the document's partial names against the store, one
// document at a time in input order.
func (r Resolver) Prepare(ctx context.Context, res *extract.Result) (*Pending, error) {
	d := newDoc(res)
	d.collect()
	d.sieve()
	d.addRoles()
	d.findNominals()
	p := &Pending{d: d, ov: r.Overrides, args: make([]extract.Arg, 0, 2*len(res.Facts)), attr: make([]string, len(res.Facts))}
	for i, f := range res.Facts {
		p.args = append(p.args, f.Subject, f.Object)
		p.attr[i] = f.Attributed
	}
	if err := p.finish(ctx); err != nil {
		return nil, err
	}
	return p, nil
}

// Link resolves the document's partial names (pass 5) against the
// entities of a store: a lone surname ("Peskow") or a one-word name the
// recognizer mistyped joins the one stored person it can be, a full name
// in another variant ("Joseph Biden") the one stored person it is
// compatible with. The document's own previous build is no evidence: an
// entity only this document contributed is never linked to, and a
// decision this document made on its previous build (the store holds its
// entities) is kept, so that building it again changes nothing. It reports
// whether any name linked (and so res changed).
func (p *Pending) Link(ctx context.Context, ix Index) (bool, error) {
	changed, err := p.d.crossDocument(ctx, ix, p.ov)
	if err != nil {
		return false, fmt.Errorf("resolve against the store: %w", err)
	}
	if !changed {
		return false, nil
	}
	res := p.d.res
	for i := range res.Facts {
		res.Facts[i].Subject, res.Facts[i].Object = p.args[2*i], p.args[2*i+1]
		res.Facts[i].Attributed = p.attr[i]
	}
	return true, p.finish(ctx)
}

// Result is the result the document was prepared for.
func (p *Pending) Result() *extract.Result { return p.d.res }

func (p *Pending) finish(ctx context.Context) error {
	d, res := p.d, p.d.res
	d.finish(p.ov)
	speakers := d.speakerKeys()
	for i := range res.Facts {
		if i%64 == 0 {
			if err := ctx.Err(); err != nil {
				return err
			}
		}
		f := &res.Facts[i]
		if _, ok := d.byKey[f.Attributed]; !ok && f.Attributed != "" {
			// The extractor keys a speaker by its name as written
			// ("org/foreign-ministry"); the entity may have resolved to
			// another key ("org/russian-foreign-ministry").
			if k, ok := speakers[f.Attributed]; ok {
				f.Attributed = k
			}
		}
		d.linkArgs(f)
	}
	return nil
}

// speakerKeys maps the key an extractor derives from a mention's text and
// type (schema.EntityKey) to the entity the mention resolved to, for the
// names that map to one entity only.
func (d *doc) speakerKeys() map[string]string {
	out := map[string]string{}
	ambiguous := map[string]bool{}
	for _, m := range d.res.Mentions {
		if m.Entity == "" {
			continue
		}
		k := schema.EntityKey(m.Type, strings.TrimSpace(m.Text))
		if have, ok := out[k]; ok && have != m.Entity {
			ambiguous[k] = true
		}
		out[k] = m.Entity
	}
	for k := range ambiguous {
		delete(out, k)
	}
	return out
}

// doc is the resolver's state for one document.
type doc struct {
	res      *extract.Result
	ms       []*mentionInfo
	clusters []*cluster
	quotes   [][2]int // quoted spans of the text
	nominals []nominal
	byKey    map[string]*cluster
	// pron finds pronoun antecedents (made on first use, after the
	// nominals); personOf maps the mentions it was given to their
	// clusters, the document's and those made for nominals.
	pron     *pronoun.Finder
	personOf map[*extract.Mention]*cluster
	// companyStarts maps the first words of the document's company
	// names to their cluster (nil when several companies share it);
	// made on first use, in the pass over one-word names.
	companyStarts map[string]*cluster
}

func newDoc(res *extract.Result) *doc {
	d := &doc{res: res, byKey: map[string]*cluster{}}
	if res.Doc != nil {
		d.quotes = quoteSpans(res.Doc.Text)
	}
	return d
}

// pronounWords are words that are never names.
var pronounWords = map[string]bool{
	"he": true, "she": true, "him": true, "her": true, "his": true, "hers": true, "it": true, "its": true,
	"they": true, "them": true, "their": true, "we": true, "i": true, "you": true, "me": true, "us": false,
	"himself": true, "herself": true, "who": true, "this": true, "that": true,
}

// bare reports whether a cleaned name is no name at all: pronouns,
// titles and determiners only ("President", "the Kremlin chief" is not
// bare: Kremlin is a name).
func bare(name string) bool {
	words := strings.Fields(name)
	if len(words) == 0 {
		return true
	}
	for _, w := range words {
		lw := strings.ToLower(strings.Trim(w, ".,"))
		if pronounWords[lw] || isTitle(lw) || lw == "the" || lw == "a" || lw == "an" || lw == "of" || roleModifier[lw] {
			continue
		}
		return false
	}
	return true
}

// roleModifier words may stand inside a role description.
var roleModifier = map[string]bool{
	"deputy": true, "former": true, "acting": true, "vice": true, "first": true, "senior": true,
	"top": true, "chief": true, "foreign": true, "press": true, "then": true, "new": true,
}

// cleanName trims what is not part of a name from a mention's text:
// surrounding punctuation and white space ("‘.: Putin" → "Putin"), a
// leading article ("The Kremlin" → "Kremlin"), a possessive ("Biden's" →
// "Biden") and a word before a comma that the recognizer swept in ("Now,
// Kremlin" → "Kremlin").
func cleanName(s string) string {
	trim := func(s string) string {
		return strings.TrimFunc(s, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) })
	}
	s = trim(s)
	if i := strings.LastIndex(s, ", "); i >= 0 && !strings.Contains(s[:i], " ") {
		// (Not a firm named after its partners: "Sears, Roebuck and Co".)
		if rest := trim(s[i+2:]); rest != "" && !strings.Contains(rest, ",") && !partnersFirm(rest) {
			s = rest
		}
	}
	for _, suf := range []string{"'s", "’s"} {
		s = strings.TrimSuffix(s, suf)
	}
	for _, art := range []string{"the ", "The ", "THE "} {
		if strings.HasPrefix(s, art) && len(s) > len(art) {
			s = s[len(art):]
		}
	}
	return trim(s)
}

// collect reads the named mentions, cleans them and repairs their types.
func (d *doc) collect() {
	res := d.res
	byFold := map[string]map[string]int{} // plain name → type → count
	RepairMentions(res)
	for i := range res.Mentions {
		m := &res.Mentions[i]
		m.Entity = ""
		if !entityTypes[m.Type] {
			continue
		}
		name := cleanName(m.Text)
		if bare(name) {
			continue
		}
		mi := &mentionInfo{i: i, name: name, plain: plain(name), typ: m.Type}
		mi.title = d.titleBefore(m.Start)
		d.ms = append(d.ms, mi)
		k := strings.Join(mi.plain, " ")
		if byFold[k] == nil {
			byFold[k] = map[string]int{}
		}
		byFold[k][m.Type]++
	}
	// Type consensus: a name takes the type most of its occurrences have
	// (ties: the first occurrence's).
	for _, mi := range d.ms {
		types := byFold[strings.Join(mi.plain, " ")]
		best := mi.typ
		ts := make([]string, 0, len(types))
		for t := range types {
			ts = append(ts, t)
		}
		sort.Strings(ts)
		for _, t := range ts {
			if types[t] > types[best] {
				best = t
			}
		}
		mi.typ = best
	}
	// A company's name without its legal form is the company, whatever
	// type it was given: "Chrysler" (tagged PERSON) after "Chrysler Corp".
	companies := map[string]bool{}
	for _, mi := range d.ms {
		if mi.typ == "ORG" && hasLegalForm(mi.plain) {
			companies[strings.Join(companyCore(mi.plain), " ")] = true
		}
	}
	for _, mi := range d.ms {
		if mi.typ != "ORG" && companies[strings.Join(mi.plain, " ")] && !isPlace(mi.name) {
			mi.typ = "ORG"
			d.res.Mentions[mi.i].Type = "ORG"
		}
	}
	for _, mi := range d.ms {
		mi.fold = foldAs(mi.typ, mi.name)
	}
	d.readOrgs()
}

// splitTitle takes a title the recognizer left inside a name out of it:
// "Northfield Mayor Anna Berg" (one ORG span) becomes the PERSON "Anna
// Berg" and a mention "Northfield" of the original type; "Mayor Daniel
// Okafor" becomes "Daniel Okafor". Titles are not names. The words after
// the title must look like a person's name: 1 to 3 capitalised words, the
// first a known given name unless the span was already a person.
func splitTitle(res *extract.Result, i int) {
	m := &res.Mentions[i]
	if !entityTypes[m.Type] {
		return
	}
	g, err := gaz()
	if err != nil {
		return
	}
	words := strings.Fields(m.Text)
	for k := 0; k+1 < len(words); k++ {
		if !isTitle(strings.ToLower(words[k])) {
			continue
		}
		name := words[k+1:]
		if len(name) > 3 || isTitle(strings.ToLower(name[0])) {
			continue
		}
		ok := m.Type == "PERSON" || g.Is(gazetteer.FirstName, name[0])
		for _, w := range name {
			r := []rune(w)
			ok = ok && len(r) > 0 && unicode.IsUpper(r[0])
		}
		if !ok {
			continue
		}
		nameText := strings.Join(name, " ")
		at := strings.LastIndex(m.Text, nameText)
		if at < 0 {
			return
		}
		before := strings.TrimSpace(m.Text[:strings.Index(m.Text, words[k])])
		typ := m.Type
		start := m.Start
		m.Start, m.End, m.Text, m.Type, m.Value = start+at, start+at+len(nameText), nameText, "PERSON", ""
		if before != "" && typ != "PERSON" {
			res.Mentions = append(res.Mentions, extract.Mention{Sentence: m.Sentence, Start: start, End: start + len(before), Text: before, Type: typ})
		}
		return
	}
}

// personShaped retypes as PERSON an organisation span that is exactly a
// known given name and a capitalised surname ("Anna Berg" tagged ORG), when
// neither word is a place or an organisation word.
func personShaped(res *extract.Result, i int) {
	m := &res.Mentions[i]
	if m.Type != "ORG" {
		return
	}
	g, err := gaz()
	if err != nil {
		return
	}
	words := strings.Fields(m.Text)
	if len(words) != 2 || !g.Is(gazetteer.FirstName, words[0]) || isPlace(m.Text) || isPlace(words[1]) || g.Is(gazetteer.OrgWord, words[1]) ||
		ner.EndsOrgName(words[1]) { // "Reagan Administration"
		return
	}
	if r := []rune(words[1]); len(r) < 2 || !unicode.IsUpper(r[0]) || !unicode.IsLower(r[1]) {
		return
	}
	m.Type = "PERSON"
}

// RepairMentions corrects the recognizer's mentions where it ran a title
// or a place into a name ("Northfield Mayor Anna Berg", "Ambassador to
// Washington Anatoly Antonov") or typed a person-shaped name as something
// else. The pipeline runs it before facts are read from the mentions; the
// resolver runs it again for callers that skip that stage, which changes
// nothing on repaired mentions.
func RepairMentions(res *extract.Result) {
	n := len(res.Mentions)
	for i := 0; i < n; i++ {
		splitTitle(res, i)
		splitPlacePerson(res, i)
		personShaped(res, i)
	}
}

// splitPlacePerson splits a place name the recognizer ran into the person
// after it ("Washington Anatoly Antonov" → GPE "Washington", PERSON
// "Anatoly Antonov"): the mention becomes the person and the place is
// appended as a mention of its own. The rest must be name-shaped: a known
// given name first, 2 or 3 capitalised words, no place. A span tagged as a
// person is split only when the leading place is no given name itself,
// or a preposition stands before it ("Ambassador to Washington Anatoly
// Antonov"), or the rest is a person the document names elsewhere.
func splitPlacePerson(res *extract.Result, i int) {
	m := &res.Mentions[i]
	if !entityTypes[m.Type] {
		return
	}
	g, err := gaz()
	if err != nil {
		return
	}
	words := strings.Fields(m.Text)
	for k := 1; k+2 <= len(words); k++ {
		lead := strings.Join(words[:k], " ")
		rest := words[k:]
		if !isPlace(lead) || !g.Is(gazetteer.FirstName, rest[0]) || isPlace(strings.Join(rest, " ")) {
			continue
		}
		if m.Type == "PERSON" {
			if len(rest) > 3 || !capitalised(rest) {
				continue
			}
			if g.Is(gazetteer.FirstName, words[0]) && !prepositionBefore(res, m.Start) && !namedElsewhere(res, i, strings.Join(rest, " ")) {
				continue
			}
		}
		off := 0
		for j := 0; j < k; j++ {
			off += strings.Index(m.Text[off:], words[j]) + len(words[j])
		}
		restText := strings.TrimLeft(m.Text[off:], " ")
		start := m.Start + len(m.Text) - len(restText)
		typ := m.Type
		if typ == "PERSON" {
			typ = "GPE"
			if g.Lookup(lead)&gazetteer.PoliticalPlaces == 0 && countryOf(lead) == "" {
				typ = "LOC"
			}
		}
		place := extract.Mention{Sentence: m.Sentence, Start: m.Start, End: m.Start + off, Text: m.Text[:off], Type: typ}
		m.Start, m.Text, m.Type, m.Value = start, restText, "PERSON", ""
		res.Mentions = append(res.Mentions, place)
		return
	}
}

// capitalised reports whether every word starts with an upper-case letter.
func capitalised(words []string) bool {
	for _, w := range words {
		r := []rune(w)
		if len(r) == 0 || !unicode.IsUpper(r[0]) {
			return false
		}
	}
	return true
}

// prepositionBefore reports whether the word before offset off is a
// preposition that takes a place ("to", "in", "from", "of", "at").
func prepositionBefore(res *extract.Result, off int) bool {
	if res.Doc == nil || off > len(res.Doc.Text) {
		return false
	}
	f := strings.Fields(res.Doc.Text[max(0, off-12):off])
	if len(f) == 0 {
		return false
	}
	switch strings.ToLower(f[len(f)-1]) {
	case "to", "in", "from", "of", "at":
		return true
	}
	return false
}

// namedElsewhere reports whether another mention of the document is the
// person name name.
func namedElsewhere(res *extract.Result, i int, name string) bool {
	want := strings.Join(foldName(name), " ")
	for j, m := range res.Mentions {
		if j != i && m.Type == "PERSON" && strings.Join(foldName(cleanName(m.Text)), " ") == want {
			return true
		}
	}
	return false
}

// titleBefore returns the title word right before offset off ("Mayor" in
// "Mayor Berg"), lower case, or "".
func (d *doc) titleBefore(off int) string {
	if d.res.Doc == nil || off > len(d.res.Doc.Text) {
		return ""
	}
	text := strings.TrimRight(d.res.Doc.Text[:off], " ")
	i := strings.LastIndexFunc(text, func(r rune) bool { return !unicode.IsLetter(r) })
	w := strings.ToLower(text[i+1:])
	if w != "" && isTitle(w) {
		return w
	}
	return ""
}

func (d *doc) newCluster(mi *mentionInfo) *cluster {
	c := &cluster{typ: mi.typ, names: map[string]int{}, first: d.res.Mentions[mi.i].Start, org: mi.org, orgCountry: mi.orgCountry}
	d.clusters = append(d.clusters, c)
	return c
}

func (d *doc) join(mi *mentionInfo, c *cluster) {
	m := &d.res.Mentions[mi.i]
	mi.cl = c
	// A mention takes its cluster's type: an acronym its organisation's,
	// a mistyped surname the person's.
	mi.typ = c.typ
	d.res.Mentions[mi.i].Type = c.typ
	c.names[mi.name]++
	c.mention = append(c.mention, mi.i)
	if c.typ == "GPE" && c.place == "" {
		c.place = placeOf(mi.name) // "U.S.", or "Calif." joining "California"
	}
	if mi.title != "" {
		if c.titleWords == nil {
			c.titleWords = map[string]bool{}
		}
		c.titleWords[mi.title] = true
	}
	if m.Start < c.first {
		c.first = m.Start
	}
	if m.End > c.last {
		c.last = m.End
	}
	if c.typ == "PERSON" {
		mi.fold = foldName(mi.name)
		c.folds = append(c.folds, mi.fold)
	}
}

// partnersFirm says whether a name ends in "and Co" or "& Co", with or
// without a legal form after it ("Roebuck and Co", "Stearns & Co Inc").
func partnersFirm(name string) bool {
	w := strings.Fields(name)
	if n := len(w); n > 2 && ner.IsLegalForm(w[n-1]) && w[n-1] != "Co" {
		w = w[:n-1]
	}
	n := len(w)
	return n > 2 && w[n-1] == "Co" && (w[n-2] == "and" || w[n-2] == "&")
}

// exactKey is the within-document identity of a name for the exact pass.
func exactKey(typ string, fold []string, name string) string {
	switch typ {
	case "GPE":
		if c := countryOf(name); c != "" {
			return "GPE|" + c
		}
		if st := stateOf(name); st != "" {
			return "GPE|" + strings.Join(plain(st), " ") // the full name's key
		}
	case "NORP":
		if c := demonymOf(name); c != "" {
			return "NORP|" + c
		}
	}
	return typ + "|" + strings.Join(fold, " ")
}

// sieve runs the exact, name-match and partial-name passes.
func (d *doc) sieve() {
	order := make([]*mentionInfo, len(d.ms))
	copy(order, d.ms)
	// Several-word names first, so that partial names find full ones.
	sort.SliceStable(order, func(a, b int) bool {
		la, lb := len(order[a].fold), len(order[b].fold)
		if (la > 1) != (lb > 1) {
			return la > 1
		}
		return d.res.Mentions[order[a].i].Start < d.res.Mentions[order[b].i].Start
	})
	exact := map[string]*cluster{}
	var single []*mentionInfo
	for _, mi := range order {
		if len(mi.fold) == 0 {
			continue
		}
		k := exactKey(mi.typ, mi.fold, mi.name)
		if c := exact[k]; c != nil {
			d.join(mi, c)
			continue
		}
		if len(mi.fold) == 1 {
			single = append(single, mi)
			continue
		}
		var c *cluster
		if mi.typ == "PERSON" {
			// Pass 3: same person, other spelling or nickname.
			for _, cand := range d.clusters {
				if cand.typ == "PERSON" && cand.compatible(mi.fold) {
					c = cand
					break
				}
			}
		}
		if c == nil {
			c = d.newCluster(mi)
		}
		exact[k] = c
		d.join(mi, c)
	}
	// Pass 4: one-word names, stock tickers of several-word names first,
	// so that the ticker written alone before ("GM" in a headline) is the
	// company too.
	for _, mi := range single {
		if c := d.tickedCompany(mi); c != nil {
			exact[exactKey(mi.typ, mi.fold, mi.name)] = c
			d.joinTicker(mi, c)
		}
	}
	for _, mi := range single {
		if mi.typ == "ORG" && mi.org == "" && mi.cl == nil && len(mi.plain) == 1 && genericOrgHeads[mi.plain[0]] {
			// "the Commission", "the Bank": the document's one organisation
			// named with that word, else no entity — a node of its own
			// would merge every article's commission (132 Reuters
			// articles) and bank (147).
			if c := d.orgWithWord(mi.plain[0]); c != nil {
				d.join(mi, c)
			}
			continue
		}
		k := exactKey(mi.typ, mi.fold, mi.name)
		if c := exact[k]; c != nil {
			d.join(mi, c)
			continue
		}
		if mi.cl != nil {
			continue // a ticker, joined above
		}
		if c := d.tickedCompany(mi); c != nil {
			exact[k] = c // the ticker of a one-word name ("Chevron <CHV>")
			d.joinTicker(mi, c)
			continue
		}
		w := mi.fold[0]
		if mi.typ != "PERSON" {
			if !isPlace(mi.name) {
				// An acronym of an organisation the document names in
				// full: "SEC" after "Securities and Exchange Commission".
				if c := d.expansionOf(mi.name); c != nil {
					exact[k] = c
					d.join(mi, c)
					continue
				}
				// A mistyped surname: "Peskow" tagged GPE beside "Dmitri Peskov".
				if c := d.personWithPart(foldWord(w), mi.title); c != nil {
					d.join(mi, c)
					continue
				}
				if c := d.companyNamedBy(mi); c != nil {
					d.join(mi, c)
					continue
				}
			}
		} else if c, ambiguous := d.personWithPartAmb(w, mi.title); c != nil {
			d.join(mi, c)
			continue
		} else if ambiguous {
			continue // two people share it; leave it unresolved
		} else if c := d.companyNamedBy(mi); c != nil {
			d.join(mi, c) // "Goldman" tagged PERSON after "Goldman Sachs and Co"
			continue
		}
		c := d.newCluster(mi)
		exact[k] = c
		d.join(mi, c)
	}
}

// genericOrgHeads are words that head the names of many organisations
// and, written alone, name whichever one the article is about.
var genericOrgHeads = map[string]bool{
	"bank": true, "commission": true, "community": true, "committee": true, "council": true, "ministry": true,
	"department": true, "agency": true, "fund": true, "union": true, "association": true, "federation": true,
	"board": true, "court": true, "institute": true, "exchange": true, "holdings": true, "group": true,
	"trust": true, "office": true, "bureau": true, "authority": true, "assembly": true, "society": true,
	"foundation": true, "league": true, "alliance": true, "coalition": true, "organization": true,
	"organisation": true, "administration": true, "corporation": true, "company": true, "firm": true,
}

// orgWithWord is the one organisation of the document with a name of
// several words that contains w ("Commission" → "EC Commission"), nil
// when none or several do.
func (d *doc) orgWithWord(w string) *cluster {
	var found *cluster
	for _, c := range d.clusters {
		if c.typ != "ORG" {
			continue
		}
		for n := range c.names {
			if p := plain(n); len(p) > 1 && slices.Contains(p, w) {
				if found != nil && found != c {
					return nil
				}
				found = c
				break
			}
		}
	}
	return found
}

// tickedCompany is the organisation whose stock ticker the mention is:
// Reuters writes a listed company's ticker in angle brackets right after
// its name ("NV Homes LP <NVH>", "Chevron Corp <CHV>", "Royal Dutch
// <RD.AS>"). nil when the mention is no bracketed ticker or no
// organisation's name ends right before it.
func (d *doc) tickedCompany(mi *mentionInfo) *cluster {
	m := d.res.Mentions[mi.i]
	if d.res.Doc == nil || !isTicker(m.Text) {
		return nil
	}
	text := d.res.Doc.Text
	if m.Start < 1 || m.End >= len(text) || text[m.Start-1] != '<' || text[m.End] != '>' {
		return nil
	}
	before := strings.TrimRight(text[:m.Start-1], " ")
	before = strings.TrimSuffix(strings.TrimSuffix(before, "'s"), "’s") // "Rohm and Haas Co's <ROH>"
	for _, o := range d.ms {
		if o.cl == nil || d.res.Mentions[o.i].End != len(before) {
			continue
		}
		switch c := o.cl; {
		case c.typ == "ORG":
			return c
		case (c.typ == "GPE" || c.typ == "LOC") && c.place == "" && !isPlace(o.name):
			// A listed company the recognizer took for a place
			// ("Atlantic Richfield <ARC>").
			d.retype(c, "ORG")
			return c
		}
	}
	return nil
}

// retype gives cluster c, its mentions and their infos type typ.
func (d *doc) retype(c *cluster, typ string) {
	c.typ = typ
	for _, i := range c.mention {
		d.res.Mentions[i].Type = typ
	}
	for _, mi := range d.ms {
		if mi.cl == c {
			mi.typ = typ
		}
	}
}

// joinTicker joins a stock ticker to its company's cluster.
func (d *doc) joinTicker(mi *mentionInfo, c *cluster) {
	d.join(mi, c)
	if c.tickers == nil {
		c.tickers = map[string]bool{}
	}
	c.tickers[mi.name] = true
}

// isTicker says whether s is written like a stock ticker: one to six
// capital letters, optionally with an exchange suffix of one or two
// ("BTY.L", "RD.AS").
func isTicker(s string) bool {
	base, exch, dotted := strings.Cut(s, ".")
	if len(base) == 0 || len(base) > 6 || dotted && (len(exch) == 0 || len(exch) > 2) {
		return false
	}
	for _, r := range base + exch {
		if r < 'A' || r > 'Z' {
			return false
		}
	}
	return true
}

// expansionOf is the one organisation of the document whose name an
// acronym abbreviates (nil if name is no acronym, or none or several do).
func (d *doc) expansionOf(name string) *cluster {
	acr := acronymLetters(name)
	if acr == "" {
		return nil
	}
	var found *cluster
	for _, c := range d.clusters {
		if c.typ != "ORG" {
			continue
		}
		for n := range c.names {
			if initials(n) == acr {
				if found != nil && found != c {
					return nil
				}
				found = c
			}
		}
	}
	return found
}

// acronym is the letters of an organisation cluster's name when all its
// names are that one acronym ("SEC"), else "".
func (c *cluster) acronym() string {
	if c.typ != "ORG" {
		return ""
	}
	return acronymLetters(c.fullest())
}

// acronymLetters are the letters of an acronym ("SEC", "U.N." → "UN"),
// "" for a word that is no acronym: two to six capital letters.
func acronymLetters(name string) string {
	if strings.ContainsRune(name, ' ') {
		return ""
	}
	var b strings.Builder
	for _, r := range name {
		switch {
		case r == '.':
		case r >= 'A' && r <= 'Z':
			b.WriteRune(r)
		default:
			return ""
		}
	}
	if b.Len() < 2 || b.Len() > 6 {
		return ""
	}
	return b.String()
}

// acronymSkip are the words acronyms leave out.
var acronymSkip = map[string]bool{"of": true, "and": true, "the": true, "for": true, "on": true, "in": true, "&": true, "de": true}

// initials are the capital initials of a name of two words or more
// ("Securities and Exchange Commission" → "SEC", "U.S. Department of
// Agriculture" → "USDA"), "" when a word that acronyms keep is not
// capitalised.
func initials(name string) string {
	words := strings.Fields(name)
	if len(words) < 2 {
		return ""
	}
	var b strings.Builder
	for _, w := range words {
		if acronymSkip[w] {
			continue
		}
		if l := acronymLetters(w); l != "" {
			b.WriteString(l)
			continue
		}
		r := []rune(w)
		if !unicode.IsUpper(r[0]) {
			return ""
		}
		b.WriteRune(r[0])
	}
	return b.String()
}

// compatible reports whether a folded person name may name c.
func (c *cluster) compatible(fold []string) bool {
	ok := false
	for _, f := range c.folds {
		if len(f) < 2 {
			continue
		}
		if !personsCompatible(f, fold) {
			return false // a conflicting full name in the cluster
		}
		ok = true
	}
	return ok
}

// companyNamedBy is the one company of the document whose name starts
// with the one-word name of mi: news names a company in full once and then
// by its first word ("Tandem Computers Inc" … "Tandem"; "Newmont" with
// "Newmont Gold Co" and "Newmont Mining Corp" is left alone). A company
// is a name with a legal form; the word must be typed an organisation or
// a person, not a place ("Houston" beside "Houston Community Newspapers
// Inc" is the city; "Canada" and "Canada Ltd"), and be no word that
// starts many organisations' names ("United", "Bank"); government bodies
// never take one.
func (d *doc) companyNamedBy(mi *mentionInfo) *cluster {
	if len(mi.plain) != 1 || mi.typ != "ORG" && mi.typ != "PERSON" || isPlace(mi.name) {
		return nil
	}
	w := mi.plain[0]
	if g, err := gaz(); err != nil || g.Is(gazetteer.OrgWord, w) || g.Is(gazetteer.Title, w) {
		return nil
	}
	if d.companyStarts == nil {
		// Several-word names are all clustered before the one-word pass.
		d.companyStarts = map[string]*cluster{}
		for _, c := range d.clusters {
			if c.typ != "ORG" || c.org != "" {
				continue
			}
			for n := range c.names {
				// (The first word as folded: "Moody" of "Moody's
				// Investors Service Inc".)
				if p := plain(n); len(p) > 1 && hasLegalForm(p) {
					first, owner := foldAs("ORG", n)[0], c
					if prev, seen := d.companyStarts[first]; seen && prev != c {
						owner = nil // several companies start so
					}
					d.companyStarts[first] = owner
				}
			}
		}
	}
	return d.companyStarts[w]
}

func (d *doc) personWithPart(w, title string) *cluster {
	c, _ := d.personWithPartAmb(w, title)
	return c
}

// personWithPartAmb finds the person cluster whose full name has w as its
// surname or given name; with several, a title decides.
func (d *doc) personWithPartAmb(w, title string) (*cluster, bool) {
	var cands []*cluster
	for _, c := range d.clusters {
		if c.typ != "PERSON" {
			continue
		}
		for _, f := range c.folds {
			if len(f) > 1 && (surnameIs(f[len(f)-1], w) || f[0] == w && len(w) > 2) {
				cands = append(cands, c)
				break
			}
		}
	}
	if len(cands) == 1 {
		return cands[0], false
	}
	if len(cands) > 1 && title != "" {
		var with []*cluster
		for _, c := range cands {
			if c.titleWords[title] {
				with = append(with, c)
			}
		}
		if len(with) == 1 {
			return with[0], false
		}
	}
	return nil, len(cands) > 1
}

// seats are organisations that stand for a country's leadership.
var seats = map[string]string{
	"kremlin": "Russia", "white house": "United States", "elysee": "France", "élysée": "France",
	"downing street": "United Kingdom", "zhongnanhai": "China",
}

// roleClass maps a title word to the class role descriptions are matched
// by: the leader words are one class, so are the spokesperson and the
// diplomat words.
func roleClass(title string) string {
	switch title {
	case "president", "chief", "boss", "head", "leader", "ruler", "premier", "chancellor", "king", "queen", "dictator", "autocrat", "strongman":
		return "leader"
	case "spokesman", "spokeswoman", "spokesperson", "secretary", "speaker":
		return "spokesperson"
	case "ambassador", "envoy", "diplomat", "emissary", "consul":
		return "diplomat"
	case "minister", "ministers":
		return "minister"
	}
	return title
}

var femaleTitles = map[string]bool{"spokeswoman": true, "chairwoman": true, "queen": true, "mrs": true, "ms": true, "madam": true, "congresswoman": true, "businesswoman": true, "actress": true}
var maleTitles = map[string]bool{"spokesman": true, "chairman": true, "king": true, "mr": true, "congressman": true, "businessman": true, "actor": true}

// ownerCountry is the country an owner mention stands for.
func ownerCountry(m extract.Mention) string {
	switch m.Type {
	case "NORP":
		if m.Value != "" {
			return m.Value
		}
		return demonymOf(m.Text)
	case "GPE":
		if c := countryOf(cleanName(m.Text)); c != "" {
			return c
		}
		return m.Value
	case "ORG":
		return seats[strings.Join(plain(cleanName(m.Text)), " ")]
	}
	return ""
}

// addRoles records the titles the document gives its persons.
func (d *doc) addRoles() {
	byMention := map[int]*cluster{}
	for _, mi := range d.ms {
		if mi.cl != nil {
			byMention[d.res.Mentions[mi.i].Start] = mi.cl
		}
	}
	var roles []ner.Role
	if len(d.res.Sentences) > 0 && d.res.Doc != nil {
		roles, _ = ner.Roles(&d.res.Analysis)
	}
	for _, r := range roles {
		c := byMention[r.Person.Start]
		if c == nil || c.typ != "PERSON" {
			continue
		}
		words := strings.Fields(strings.ToLower(r.Title))
		if len(words) == 0 {
			continue
		}
		head := strings.Trim(words[len(words)-1], ".,")
		owner := ""
		if r.HasOf() {
			owner = ownerCountry(r.Of)
		}
		// "Russian Ambassador", "US President": a nationality or country
		// inside the title.
		for _, w := range words[:len(words)-1] {
			if owner == "" {
				owner = demonymOf(w)
			}
			if owner == "" {
				owner = countryOf(w)
			}
		}
		c.roles = append(c.roles, role{class: roleClass(head), owner: owner})
		if femaleTitles[head] {
			c.gender = 'f'
		} else if maleTitles[head] {
			c.gender = 'm'
		}
	}
	// Titles right before a name ("Mayor Berg") count too.
	for _, mi := range d.ms {
		if mi.cl != nil && mi.title != "" {
			mi.cl.roles = append(mi.cl.roles, role{class: roleClass(mi.title)})
		}
	}
}

// crossDocument resolves, against the store, persons named only by one
// word, one-word names the recognizer did not type as persons, and full
// names of persons in another variant of a stored name. It reports whether
// a cluster's link changed.
func (d *doc) crossDocument(ctx context.Context, ix Index, ov *Overrides) (bool, error) {
	docID := ""
	if d.res.Doc != nil {
		docID = d.res.Doc.ID
	}
	changed := false
	for _, c := range d.clusters {
		if c.typ == "GPE" && c.place != "" || c.typ == "NORP" || c.org != "" || len(c.names) == 0 {
			continue
		}
		full := c.fullest()
		words := foldAs(c.typ, full)
		acr := c.acronym()
		var lookup string
		switch {
		case acr != "":
			lookup = AliasKey("ORG", full)
		case len(words) == 1 && (c.typ == "PERSON" || !isPlace(full)):
			lookup = AliasKey("PERSON", full)
		case len(words) > 1 && c.typ == "PERSON":
			lookup = words[len(words)-1] // the surname: its stored variants
		default:
			continue
		}
		if err := ctx.Err(); err != nil {
			return false, err
		}
		known, err := ix.EntitiesByAlias(ctx, lookup)
		if err != nil {
			return false, err
		}
		if c.typ != "PERSON" && AliasKey(c.typ, full) != lookup {
			// A previous build left the mistyped name under its own type.
			more, err := ix.EntitiesByAlias(ctx, AliasKey(c.typ, full))
			if err != nil {
				return false, err
			}
			known = append(known, more...)
		}
		_, natural := canonical(c)
		if ov != nil {
			natural, _ = ov.apply(docID, natural, "", nil)
		}
		var match *Known
		if c.typ == "PERSON" && len(words) > 1 {
			if match, err = companyNamed(ctx, ix, full, docID); err != nil {
				return false, err
			}
		}
		if match == nil { // (else a company's name the recognizer took for a person's)
			if m, kept := previousLink(c, words, known, docID, natural); kept {
				match = m
			} else {
				match = d.uniqueCandidate(c, words, known, docID, natural)
			}
		}
		key, name := "", ""
		if match != nil {
			key, name = match.Key, match.Name
		}
		if key == c.linked {
			continue
		}
		changed = true
		c.linked, c.linkedName = key, name
		if match != nil && c.typ != match.Type {
			// A mistyped lone surname, or a company's name typed as a
			// person's.
			d.retype(c, match.Type)
		}
	}
	return changed, nil
}

// companyNamed is the one company of other articles that a name of
// several words typed as a person's names ("Merrill Lynch" = Merrill Lynch
// and Co Inc, "Salomon Brothers" = Salomon Brothers Inc, each a person in
// dozens of Reuters articles): a stored organisation shared with other
// articles, one of whose names ends in a legal form, under the name's
// organisation key. nil when none or several are.
func companyNamed(ctx context.Context, ix Index, full, docID string) (*Known, error) {
	kns, err := ix.EntitiesByAlias(ctx, AliasKey("ORG", full))
	if err != nil {
		return nil, err
	}
	var found *Known
	for i := range kns {
		kn := &kns[i]
		if kn.Type != "ORG" || onlyDoc(kn.Docs, docID) || !isCompany(kn) {
			continue
		}
		if found != nil && found.Key != kn.Key {
			return nil, nil
		}
		found = kn
	}
	return found, nil
}

// isCompany says whether one of a stored organisation's names ends in a
// legal form.
func isCompany(kn *Known) bool {
	if hasLegalForm(plain(kn.Name)) {
		return true
	}
	for _, a := range kn.Aliases {
		if hasLegalForm(plain(a)) {
			return true
		}
	}
	return false
}

// previousLink is the decision the document made on its previous build,
// read from the entities the store holds for it: its own entity under the
// cluster's natural key (it did not link: nil, true), or the one entity of
// other documents it shares (it linked to it). kept is false when the
// store holds no previous decision.
func previousLink(c *cluster, words []string, known []Known, docID, natural string) (*Known, bool) {
	if docID == "" {
		return nil, false
	}
	var shared *Known
	n := 0
	for i := range known {
		kn := &known[i]
		if !hasDoc(kn.Docs, docID) {
			continue
		}
		if kn.Key == natural {
			return nil, true
		}
		if onlyDoc(kn.Docs, docID) || !fits(c, words, kn) {
			continue
		}
		if shared == nil || shared.Key != kn.Key {
			n++
		}
		shared = kn
	}
	if n == 1 {
		return shared, true
	}
	return nil, false
}

// uniqueCandidate is the one stored entity of other documents a cluster
// can be (fits): for a one-word name, the person with that surname (or
// given name); for a full name, the person whose name is another variant
// of it (nickname, initial, spelling one edit apart); for an acronym, the
// organisation it abbreviates. nil when none or several.
func (d *doc) uniqueCandidate(c *cluster, words []string, known []Known, docID, natural string) *Known {
	if len(words) == 1 && c.acronym() == "" {
		// A one-word name links to a person of other articles only when
		// it is a name at all: not one or two letters ("P"), and not a
		// word that other articles give an organisation or a place
		// ("House", "Ford", "Houston", "Citicorp" typed as persons had
		// joined "Len M. House", "Ford Europe", … in hundreds of
		// Reuters articles).
		if utf8.RuneCountInString(words[0]) <= 2 {
			return nil
		}
		for i := range known {
			// (Its own natural node counts when other articles share it:
			// "Europe", typed a place, had joined "Ford Europe".)
			if kn := &known[i]; kn.Type != "PERSON" && kn.Type != "NORP" && !onlyDoc(kn.Docs, docID) {
				return nil
			}
		}
	}
	var match *Known
	n := 0
	for i := range known {
		kn := &known[i]
		if onlyDoc(kn.Docs, docID) || kn.Key == natural || !fits(c, words, kn) {
			continue
		}
		if match == nil || match.Key != kn.Key {
			n++
		}
		match = kn
	}
	if n == 1 {
		return match
	}
	return nil
}

// fits reports whether a stored entity may be what cluster c (its fullest
// name folded to words) names: an organisation whose name the cluster's
// acronym abbreviates ("SEC" → the Securities and Exchange Commission that
// another article introduced), or a person with a full name, whose surname
// (or, for a person, given name) a one-word name is, or whose full name is
// compatible with the cluster's.
func fits(c *cluster, words []string, kn *Known) bool {
	if acr := c.acronym(); acr != "" {
		return kn.Type == "ORG" && initials(kn.Name) == acr
	}
	if kn.Type != "PERSON" {
		return false
	}
	kf := foldName(kn.Name)
	if len(kf) < 2 {
		return false // a lone name of another document: no evidence
	}
	if len(words) == 1 {
		w := foldWord(words[0])
		return surnameIs(kf[len(kf)-1], w) || c.typ == "PERSON" && kf[0] == w && len(w) > 2
	}
	return c.compatible(kf)
}

func hasDoc(docs []string, id string) bool {
	i := sort.SearchStrings(docs, id)
	if i < len(docs) && docs[i] == id {
		return true
	}
	for _, d := range docs { // unsorted input
		if d == id {
			return true
		}
	}
	return false
}

func onlyDoc(docs []string, id string) bool {
	return id != "" && len(docs) == 1 && docs[0] == id
}

// fullest is the most complete name of a cluster: most words, then most
// frequent, then alphabetical.
func (c *cluster) fullest() string {
	best := ""
	for n, k := range c.names {
		if best == "" {
			best = n
			continue
		}
		if c.tickers[n] != c.tickers[best] {
			if c.tickers[best] {
				best = n
			}
			continue
		}
		wn, wb := len(strings.Fields(n)), len(strings.Fields(best))
		if wn > wb || wn == wb && BetterName(n, k, best, c.names[best]) {
			best = n
		}
	}
	return best
}

// finish gives each cluster its key and canonical name, applies the
// overrides and writes entities and mention keys.
func (d *doc) finish(ov *Overrides) {
	res := d.res
	sort.SliceStable(d.clusters, func(a, b int) bool { return d.clusters[a].first < d.clusters[b].first })
	docID := ""
	if res.Doc != nil {
		docID = res.Doc.ID
	}
	res.Entities = res.Entities[:0]
	d.byKey = map[string]*cluster{}
	for i := range res.Mentions {
		res.Mentions[i].Entity = ""
	}
	seen := map[string]int{}
	for _, c := range d.clusters {
		if len(c.names) == 0 {
			continue
		}
		if c.linked != "" {
			c.key, c.canon = c.linked, c.linkedName
		} else {
			c.canon, c.key = canonical(c)
		}
		if ov != nil {
			c.key, c.canon = ov.apply(docID, c.key, c.canon, c.names)
		}
		aliases := make([]string, 0, len(c.names))
		for n := range c.names {
			aliases = append(aliases, n)
		}
		sort.Strings(aliases)
		if j, ok := seen[c.key]; ok {
			e := &res.Entities[j]
			e.Aliases = mergeSorted(e.Aliases, aliases)
			d.byKey[c.key] = c
			continue
		}
		seen[c.key] = len(res.Entities)
		d.byKey[c.key] = c
		e := extract.Entity{Key: c.key, Name: c.canon, Type: c.typ, Aliases: aliases}
		if ov != nil {
			e.Wikidata = ov.wikidata[c.key]
		}
		res.Entities = append(res.Entities, e)
	}
	for _, mi := range d.ms {
		if mi.cl != nil {
			res.Mentions[mi.i].Entity = mi.cl.key
		}
	}
}

// canonical returns a cluster's canonical name and key.
func canonical(c *cluster) (string, string) {
	if c.org != "" {
		return orgCanonical(c)
	}
	full := c.fullest()
	switch c.typ {
	case "PERSON":
		fold := foldName(full)
		name := ""
		for n, k := range c.names {
			if strings.Join(plain(n), " ") == strings.Join(fold, " ") && (name == "" || BetterName(n, k, name, c.names[name])) {
				name = n
			}
		}
		if name == "" || nameFlaws(name) >= shouting {
			name = titleCase(fold) // "REAGAN" of a headline → "Reagan"
		}
		return name, schema.EntityKey(c.typ, strings.Join(fold, " "))
	case "GPE":
		if c.place != "" {
			return c.place, schema.EntityKey(c.typ, c.place)
		}
	case "NORP":
		w := plain(full)
		if len(w) == 1 && strings.HasSuffix(w[0], "s") && demonymOf(w[0]) != "" && demonymOf(strings.TrimSuffix(w[0], "s")) != "" {
			w[0] = strings.TrimSuffix(w[0], "s")
			return titleCase(w), schema.EntityKey(c.typ, w[0])
		}
	}
	return full, schema.EntityKey(c.typ, strings.Join(foldAs(c.typ, full), " "))
}

func mergeSorted(a, b []string) []string {
	set := map[string]bool{}
	for _, s := range a {
		set[s] = true
	}
	for _, s := range b {
		set[s] = true
	}
	out := make([]string, 0, len(set))
	for s := range set {
		out = append(out, s)
	}
	sort.Strings(out)
	return out
}
