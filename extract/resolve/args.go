package resolve

import (
	"sort"
	"strings"
	"unicode"

	"github.com/factgraph/factgraph/extract"
	"github.com/factgraph/factgraph/extract/pronoun"
)

// personPronouns maps the person pronouns to their gender.
var personPronouns = map[string]byte{
	"he": 'm', "him": 'm', "his": 'm', "himself": 'm',
	"she": 'f', "her": 'f', "hers": 'f', "herself": 'f',
}

// linkArgs links a fact's subject and object. A person pronoun never
// stands for the entity the other argument names (binding: in "Devocht
// had told Montalvo he would assist him", him is not whoever he is; in
// "he thanked Keller", he is not Keller), so a pronoun is linked after the
// other argument, skipping that argument's entity; reflexives ("himself")
// are the subject's.
func (d *doc) linkArgs(f *extract.Fact) {
	object := !f.Object.Literal
	if isPersonPronoun(f.Subject.Text) && object && !isPersonPronoun(f.Object.Text) {
		d.linkArg(&f.Object, "")
		d.linkPronoun(&f.Subject, f.Object.Entity)
		return
	}
	d.linkArg(&f.Subject, "")
	switch {
	case !object:
	case isPersonPronoun(f.Object.Text) && !reflexive[strings.ToLower(strings.TrimSpace(f.Object.Text))]:
		d.linkPronoun(&f.Object, f.Subject.Entity)
	default:
		d.linkArg(&f.Object, "")
	}
}

// linkPronoun links a pronoun argument to an antecedent other than the
// entity keyed not, dropping the extractor's link when it is that entity.
func (d *doc) linkPronoun(a *extract.Arg, not string) {
	if not != "" && a.Entity == not {
		a.Entity = ""
	}
	d.linkArg(a, not)
}

var reflexive = map[string]bool{"himself": true, "herself": true}

func isPersonPronoun(text string) bool {
	_, ok := personPronouns[strings.ToLower(strings.TrimSpace(text))]
	return ok
}

// linkArg points a fact argument at its entity: the mention it covers, a
// person in apposition, the person a role description denotes, or the
// antecedent of a pronoun other than the entity keyed not. Arguments no
// rule resolves stay literals.
func (d *doc) linkArg(a *extract.Arg, not string) {
	if a.Entity != "" {
		if _, ok := d.byKey[a.Entity]; ok {
			return
		}
		a.Entity = "" // a key the extractor made up; resolve it here
	}
	text := strings.TrimSpace(a.Text)
	lw := strings.ToLower(text)
	hasSpan := a.End > a.Start
	if g, ok := personPronouns[lw]; ok {
		if c := d.salientPerson(a.Start, g, hasSpan, not); c != nil {
			d.set(a, c)
		}
		return
	}
	if hasSpan {
		if c := d.appositive(a.End); c != nil {
			d.set(a, c)
			return
		}
	}
	for _, n := range d.nominals {
		if hasSpan && n.start == a.Start && n.end == a.End {
			d.set(a, n.cl)
			return
		}
	}
	if c := d.orgArg(text); c != nil && (!hasSpan || d.mentionIn(a.Start, a.End) == nil) {
		d.set(a, c)
		return
	}
	if desc, ok := parseRole(text); ok {
		if c := d.roleReferent(desc, a.Start, hasSpan); c != nil {
			d.set(a, c)
		}
		return
	}
	if hasSpan {
		// A person found through a role noun keeps the noun's span ("its
		// US Ambassador" → Anatoly Antonov): the mention there (US) is
		// not the argument when the types disagree.
		if c := d.mentionIn(a.Start, a.End); c != nil && (a.Type != "PERSON" || c.typ == "PERSON") {
			d.set(a, c)
			return
		}
	}
	// No offsets, or no mention there: match the text itself.
	name := cleanName(text)
	for _, c := range d.clusters {
		if c.key == "" {
			continue
		}
		for n := range c.names {
			if n == name {
				d.set(a, c)
				return
			}
		}
	}
}

func (d *doc) set(a *extract.Arg, c *cluster) {
	if c.key == "" {
		return
	}
	a.Entity = c.key
	a.Type = c.typ
}

// clusterOf returns the cluster of the mention at index i.
func (d *doc) clusterOf(i int) *cluster {
	for _, mi := range d.ms {
		if mi.i == i {
			return mi.cl
		}
	}
	return nil
}

// mentionIn returns the entity of the mention covering [start, end), or of
// the mentions inside it the head one: the person, else the last.
func (d *doc) mentionIn(start, end int) *cluster {
	var best *cluster
	bestEnd := -1
	for _, mi := range d.ms {
		if mi.cl == nil {
			continue
		}
		m := d.res.Mentions[mi.i]
		if m.Start <= start && end <= m.End {
			return mi.cl
		}
		if start <= m.Start && m.End <= end {
			if best == nil || mi.cl.typ == "PERSON" && best.typ != "PERSON" || (mi.cl.typ == "PERSON") == (best.typ == "PERSON") && m.End > bestEnd {
				best, bestEnd = mi.cl, m.End
			}
		}
	}
	return best
}

// appositive returns the person named right after a description:
// "the diplomat, Anatoly Antonov".
func (d *doc) appositive(end int) *cluster {
	if d.res.Doc == nil {
		return nil
	}
	text := d.res.Doc.Text
	k := end
	for k < len(text) && text[k] == ' ' {
		k++
	}
	if k >= len(text) || text[k] != ',' {
		return nil
	}
	k++
	for k < len(text) && text[k] == ' ' {
		k++
	}
	for _, mi := range d.ms {
		if m := d.res.Mentions[mi.i]; m.Start == k && mi.cl != nil && mi.cl.typ == "PERSON" {
			return mi.cl
		}
	}
	return nil
}

// roleDesc is a parsed role description: "the Kremlin chief" → class
// leader, owner Russia.
type roleDesc struct {
	class, owner string
	gender       byte
}

// parseRole reads a description made of a title and what owns it: "the
// Russian President", "the Kremlin chief", "the diplomat", "The Deputy
// Chief of the Russian Federation Council", "the US President", "US
// ambassador".
func parseRole(text string) (roleDesc, bool) {
	words := strings.FieldsFunc(text, func(r rune) bool { return unicode.IsSpace(r) || r == ',' })
	if len(words) < 2 || len(words) > 9 {
		return roleDesc{}, false
	}
	// With a determiner or without one ("US ambassador"): a title with
	// its owner before it denotes the title's holder, not the owner.
	switch strings.ToLower(words[0]) {
	case "the", "this", "that":
		words = words[1:]
	case "its", "their", "his", "her", "our", "my", "your":
		// "its ambassador": the owner is the possessor, which only the
		// parse knows (the relation extractor resolves these).
		return roleDesc{}, false
	}
	// "… of the Russian Federation Council": the title ends before "of".
	var of []string
	for i, w := range words {
		if strings.EqualFold(w, "of") || strings.EqualFold(w, "for") {
			of, words = words[i+1:], words[:i]
			break
		}
	}
	if len(words) == 0 {
		return roleDesc{}, false
	}
	head := strings.ToLower(words[len(words)-1])
	if !isTitle(head) {
		return roleDesc{}, false
	}
	rd := roleDesc{class: roleClass(head)}
	if femaleTitles[head] {
		rd.gender = 'f'
	} else if maleTitles[head] {
		rd.gender = 'm'
	}
	owners := append(append([]string{}, words[:len(words)-1]...), of...)
	for i := 0; i < len(owners) && rd.owner == ""; i++ {
		w := strings.ToLower(strings.Trim(owners[i], ".’'"))
		switch {
		case demonymOf(w) != "":
			rd.owner = demonymOf(w)
		case countryOf(owners[i]) != "":
			rd.owner = countryOf(owners[i])
		case seats[w] != "":
			rd.owner = seats[w]
		case i+1 < len(owners) && seats[w+" "+strings.ToLower(owners[i+1])] != "":
			rd.owner = seats[w+" "+strings.ToLower(owners[i+1])]
		}
	}
	return rd, true
}

// roleReferent finds the person a role description denotes: the persons
// the document gives a matching title (same class, compatible owner),
// the latest named before the description; without one, a description
// that opens its sentence continues the subject of the sentence before,
// when that person holds no other title.
func (d *doc) roleReferent(rd roleDesc, off int, hasSpan bool) *cluster {
	var best *cluster
	bestPos, bestScore := -1, 0
	for _, mi := range d.ms {
		c := mi.cl
		if c == nil || c.typ != "PERSON" || rd.gender != 0 && c.gender != 0 && c.gender != rd.gender {
			continue
		}
		m := d.res.Mentions[mi.i]
		if hasSpan && m.Start >= off {
			continue
		}
		// 2: same title of the same owner; 1: an owner one side leaves
		// open; 0: no such title, or another owner's, or another title of
		// the description's owner (the US President is no "US
		// ambassador", whatever a garbled "Ambassador Joe Biden" says).
		score, other := 0, false
		for _, r := range c.roles {
			switch {
			case r.class != rd.class:
				if rd.owner != "" && r.owner == rd.owner {
					other = true
				}
			case rd.owner != "" && r.owner == rd.owner:
				score = 2
			case rd.owner != "" && r.owner != "":
				other = true // the same title of another country
			case score < 1:
				score = 1
			}
		}
		if other && score < 2 {
			score = 0
		}
		if score > bestScore || score == bestScore && score > 0 && m.Start > bestPos {
			best, bestPos, bestScore = c, m.Start, score
		}
	}
	if best != nil || !hasSpan {
		return best
	}
	// Fallback: the subject of the previous sentence, if the description
	// opens its sentence and that person has no title at all.
	si := d.sentenceAt(off)
	if si < 0 || strings.TrimSpace(d.res.Doc.Text[d.res.Sentences[si].Start:off]) != "" {
		return nil
	}
	c := d.subjectOf(si - 1)
	if c != nil && len(c.roles) == 0 {
		return c
	}
	return nil
}

// nominal is a role description the document uses for a person: "the
// Kremlin chief".
type nominal struct {
	start, end int
	cl         *cluster
}

// findNominals finds the role descriptions of the document ("the" …
// title, not followed by a name) and resolves them, in text order, so
// that they count as mentions for the pronouns after them.
func (d *doc) findNominals() {
	if d.res.Doc == nil {
		return
	}
	text := d.res.Doc.Text
	for si := range d.res.Sentences {
		toks := d.res.Sentences[si].Tokens
		for k := 0; k < len(toks); k++ {
			if !strings.EqualFold(toks[k].Text, "the") {
				continue
			}
			end := -1
			for j := k + 1; j < len(toks) && j <= k+5; j++ {
				if _, ok := parseRole(text[toks[k].Start:toks[j].End]); ok {
					end = j
				}
			}
			if end < 0 || end+1 < len(toks) && startsName(toks[end+1].Text) {
				continue
			}
			rd, _ := parseRole(text[toks[k].Start:toks[end].End])
			if c := d.roleReferent(rd, toks[k].Start, true); c != nil {
				d.nominals = append(d.nominals, nominal{toks[k].Start, toks[end].End, c})
			}
			k = end
		}
	}
}

// startsName reports whether a token looks like the start of a name.
func startsName(w string) bool {
	for _, r := range w {
		return unicode.IsUpper(r)
	}
	return false
}

// salientPerson is the antecedent of a person pronoun at off, found by
// the extractors' rule (package pronoun: the first person of the nearest
// sentence that names one, chains of pronouns kept, names inside
// quotations never), with the document's role descriptions counting as
// mentions of their persons and gender agreeing when known.
func (d *doc) salientPerson(off int, g byte, hasSpan bool, not string) *cluster {
	if !hasSpan || len(d.res.Sentences) == 0 {
		// Without offsets: the latest person named, if only one is.
		var only *cluster
		for _, c := range d.clusters {
			if c.typ == "PERSON" && (not == "" || c.key != not) {
				if only != nil {
					return nil
				}
				only = c
			}
		}
		return only
	}
	if d.pron == nil {
		d.pron = pronoun.New(&d.res.Analysis, d.inQuote)
		d.personOf = map[*extract.Mention]*cluster{}
		for _, mi := range d.ms {
			d.personOf[&d.res.Mentions[mi.i]] = mi.cl
		}
		for _, n := range d.nominals {
			if si := d.sentenceAt(n.start); si >= 0 && !d.inQuote(n.start) {
				m := &extract.Mention{Sentence: si, Start: n.start, End: n.end, Text: d.res.Doc.Text[n.start:n.end], Type: "PERSON"}
				d.personOf[m] = n.cl
				d.pron.Add(m)
			}
		}
	}
	var found *cluster
	d.pron.Person(off, func(m *extract.Mention) bool {
		c := d.personOf[m]
		if c == nil || c.typ != "PERSON" || g != 0 && c.gender != 0 && c.gender != g || not != "" && c.key == not {
			return true // skip
		}
		found = c
		return false
	})
	return found
}

// subjectOf is the first person named in sentence si outside quotations
// (a role description counting as its person), or nil.
func (d *doc) subjectOf(si int) *cluster {
	if si < 0 || si >= len(d.res.Sentences) {
		return nil
	}
	from, to := d.res.Sentences[si].Start, d.res.Sentences[si].End
	var best *cluster
	bestPos := -1
	consider := func(c *cluster, start, end int) {
		if c == nil || c.typ != "PERSON" || start < from || end > to || d.inQuote(start) {
			return
		}
		if best == nil || start < bestPos {
			best, bestPos = c, start
		}
	}
	for _, mi := range d.ms {
		m := d.res.Mentions[mi.i]
		consider(mi.cl, m.Start, m.End)
	}
	for _, n := range d.nominals {
		consider(n.cl, n.start, n.end)
	}
	return best
}

// sentenceAt returns the index of the sentence holding offset off, or -1.
func (d *doc) sentenceAt(off int) int {
	ss := d.res.Sentences
	i := sort.Search(len(ss), func(i int) bool { return ss[i].End > off })
	if i < len(ss) && ss[i].Start <= off {
		return i
	}
	return -1
}

// quoteSpans finds the quoted spans of a text: curly quotes pair up,
// straight double quotes toggle; a paragraph break ends a straight quote.
func quoteSpans(text string) [][2]int {
	var out [][2]int
	open := -1
	for i, r := range text {
		switch r {
		case '“', '«', '„':
			open = i
		case '”', '»':
			if open >= 0 {
				out = append(out, [2]int{open, i})
				open = -1
			}
		case '"':
			if open >= 0 {
				out = append(out, [2]int{open, i})
				open = -1
			} else {
				open = i
			}
		case '\n':
			if open >= 0 && i+1 < len(text) && text[i+1] == '\n' {
				open = -1
			}
		}
	}
	return out
}

// inQuote reports whether offset off is inside a quotation.
func (d *doc) inQuote(off int) bool {
	q := d.quotes
	i := sort.Search(len(q), func(i int) bool { return q[i][1] > off })
	return i < len(q) && q[i][0] < off
}
