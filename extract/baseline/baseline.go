// Package baseline is factgraph's first fact extractor, and honest about it:
// it finds attributed quotations (speaker, speech verb, quoted text, in the
// quote styles of real news: before or after the attribution, colon
// introduced, closing after the attribution, across paragraphs) and simple
// entity–verb–entity clauses over the recognised mentions. It resolves
// "he"/"she" speakers to the last person named before the quote. The
// dependency-based extractor replaces it.
package baseline

import (
	"context"
	"sort"
	"strings"

	"github.com/factgraph/factgraph/extract"
	"github.com/factgraph/factgraph/extract/pronoun"
	"github.com/factgraph/factgraph/schema"
)

// Name identifies facts from this extractor.
const Name = "baseline"

// Extractor is the baseline extractor. The zero value is ready to use.
type Extractor struct{}

// tokRef locates a token: sentence and index within it.
type tokRef struct{ s, t int }

// doc is the per-call view of an analysis.
type doc struct {
	a    *extract.Analysis
	toks []tokRef // all tokens in text order
	// mentionAt maps a token's start offset to the mention beginning there.
	mentions []extract.Mention
	inQuote  []bool // per entry of toks: inside a quotation
	pron     *pronoun.Finder
}

func (d *doc) tok(i int) *extract.Token {
	r := d.toks[i]
	return &d.a.Sentences[r.s].Tokens[r.t]
}

// firstTokenAt returns the index in d.toks of the first token starting at
// or after off.
func (d *doc) firstTokenAt(off int) int {
	return sort.Search(len(d.toks), func(i int) bool { return d.tok(i).Start >= off })
}

// Extract implements the pipeline's Extractor.
func (Extractor) Extract(ctx context.Context, a *extract.Analysis) ([]extract.Fact, error) {
	d := &doc{a: a}
	for si := range a.Sentences {
		if a.Sentences[si].Furniture {
			continue
		}
		for ti := range a.Sentences[si].Tokens {
			d.toks = append(d.toks, tokRef{si, ti})
		}
	}
	d.mentions = append([]extract.Mention(nil), a.Mentions...)
	sort.SliceStable(d.mentions, func(i, j int) bool { return d.mentions[i].Start < d.mentions[j].Start })
	d.inQuote = make([]bool, len(d.toks))

	var facts []extract.Fact
	quotes := findQuotes(a.Doc.Text)
	for _, q := range quotes {
		lo, hi := d.firstTokenAt(q.ContentStart), d.firstTokenAt(q.ContentEnd)
		for i := lo; i < hi; i++ {
			d.inQuote[i] = true
		}
	}
	d.pron = pronoun.New(a, func(off int) bool {
		i := d.firstTokenAt(off)
		return i < len(d.inQuote) && d.inQuote[i]
	})
	for _, q := range quotes {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		if f, ok := d.quoteFact(q); ok {
			facts = append(facts, f)
		}
	}
	facts = append(facts, d.clauseFacts()...)
	return facts, nil
}

// speechVerbs maps the inflected forms of speech verbs to their lemma.
var speechVerbs = func() map[string]string {
	m := map[string]string{}
	for _, forms := range [][]string{
		{"say", "says", "said", "saying"}, {"tell", "tells", "told"}, {"add", "adds", "added"},
		{"stress", "stresses", "stressed"}, {"emphasize", "emphasizes", "emphasized", "emphasise", "emphasised"},
		{"remark", "remarks", "remarked"}, {"reply", "replies", "replied"}, {"respond", "responds", "responded"},
		{"answer", "answers", "answered"}, {"declare", "declares", "declared"}, {"announce", "announces", "announced"},
		{"complain", "complains", "complained"}, {"continue", "continues", "continued"},
		{"write", "writes", "wrote"}, {"state", "states", "stated"}, {"explain", "explains", "explained"},
		{"insist", "insists", "insisted"}, {"warn", "warns", "warned"}, {"note", "notes", "noted"},
		{"affirm", "affirms", "affirmed"}, {"confirm", "confirms", "confirmed"}, {"reiterate", "reiterates", "reiterated"},
		{"claim", "claims", "claimed"}, {"read", "reads"}, {"ask", "asks", "asked"}, {"demand", "demands", "demanded"},
		{"accuse", "accuses", "accused"}, {"deny", "denies", "denied"}, {"threaten", "threatens", "threatened"},
		{"criticize", "criticizes", "criticized", "criticise", "criticised"}, {"report", "reports", "reported"},
		{"comment", "comments", "commented"}, {"tweet", "tweets", "tweeted"}, {"admit", "admits", "admitted"},
	} {
		for _, f := range forms {
			m[f] = forms[0]
		}
	}
	return m
}()

var pronouns = map[string]string{
	"he": "PERSON", "she": "PERSON", "him": "PERSON", "her": "PERSON",
	"it": "", "they": "", "we": "", "i": "", "you": "",
}

// npStop ends a noun phrase when scanning the words around a speech verb.
var npStop = map[string]bool{
	"of": true, "in": true, "on": true, "at": true, "during": true, "to": true, "with": true,
	"from": true, "for": true, "after": true, "before": true, "by": true, "about": true,
	"and": true, "but": true, "that": true, "when": true, "while": true, "as": true, "if": true,
	"who": true, "which": true, "because": true, "according": true,
}

// determiners before a word make it a noun: "the report said".
var determiners = map[string]bool{
	"the": true, "a": true, "an": true, "this": true, "that": true, "its": true, "his": true,
	"her": true, "their": true, "our": true, "my": true, "your": true, "these": true, "those": true,
}

// adverbs that may stand between a speaker and the verb: "Putin also said".
var skipAdverbs = map[string]bool{
	"also": true, "then": true, "now": true, "later": true, "previously": true, "had": true,
	"has": true, "have": true, "once": true, "again": true, "further": true, "finally": true,
	"just": true, "recently": true, "reportedly": true, "simply": true, "immediately": true,
}

func isPunct(s string) bool {
	for _, r := range s {
		if !strings.ContainsRune(".,;:!?“”\"'‘’«»()[]–—-…", r) {
			return false
		}
	}
	return s != ""
}

func lower(s string) string { return strings.ToLower(s) }

// quoteFact attributes one quotation.
func (d *doc) quoteFact(q quoteSpan) (extract.Fact, bool) {
	text := d.a.Doc.Text
	content := cleanQuote(text[q.ContentStart:q.ContentEnd])
	if content == "" {
		return extract.Fact{}, false
	}
	words := len(strings.Fields(content))
	endsClause := strings.ContainsAny(lastRune(content), ",.!?…")

	// After the quote: `…,” Putin said` / `…,” said Putin`.
	after := d.firstTokenAt(q.Close)
	closeTok := d.firstTokenAt(q.ContentEnd)
	sameSentence := after < len(d.toks) && closeTok < len(d.toks) && d.toks[after].s == d.toks[closeTok].s
	if sp, verb, ok := d.attributionAfter(after); ok && sameSentence && (endsClause || words >= 4 && !q.Single) {
		return d.makeQuote(sp, verb, content, q, 0.9), true
	}
	// Before the quote: `Biden said: “…”` / `The President replied, “…”`.
	before := d.firstTokenAt(q.Open) - 1
	if sp, verb, ok := d.attributionBefore(before); ok && (words >= 3 || endsClause || d.tok(before).Text == ":") {
		return d.makeQuote(sp, verb, content, q, 0.85), true
	}
	return extract.Fact{}, false
}

func lastRune(s string) string {
	if s == "" {
		return ""
	}
	r := []rune(s)
	return string(r[len(r)-1])
}

// cleanQuote trims a quotation's text: white space, a dangling comma and
// paragraph breaks inside it.
func cleanQuote(s string) string {
	s = strings.Join(strings.Fields(s), " ")
	s = strings.TrimSpace(strings.TrimRight(s, ", "))
	return s
}

// speaker is an attribution's source.
type speaker struct {
	text       string
	start, end int // span in the document
	typ        string
}

// attributionAfter reads `[,] SPEAKER VERB` or `[,] VERB SPEAKER` starting
// at token i, within its sentence.
func (d *doc) attributionAfter(i int) (speaker, int, bool) {
	if i >= len(d.toks) {
		return speaker{}, 0, false
	}
	sent := d.toks[i].s
	for i < len(d.toks) && d.toks[i].s == sent && isPunct(d.tok(i).Text) && !strings.ContainsAny(d.tok(i).Text, "“\"") {
		i++
	}
	if i >= len(d.toks) || d.toks[i].s != sent {
		return speaker{}, 0, false
	}
	// Find the speech verb within a few words.
	for v := i; v < len(d.toks) && v < i+8 && d.toks[v].s == sent; v++ {
		t := d.tok(v)
		if d.inQuote[v] || (isPunct(t.Text) && v > i) {
			break
		}
		if !d.speechVerbAt(v) {
			continue
		}
		if v > i {
			if sp, ok := d.speakerBefore(v, i); ok {
				return sp, v, true
			}
			continue
		}
		if sp, ok := d.speakerAfter(v + 1); ok {
			return sp, v, true
		}
		return speaker{}, 0, false
	}
	return speaker{}, 0, false
}

// speechVerbAt reports whether token v is a speech verb: a form of one,
// not after a determiner, and not tagged as something else than a verb
// ("Biden's remarks, telling reporters that …": remarks is a noun).
func (d *doc) speechVerbAt(v int) bool {
	t := d.tok(v)
	if _, ok := speechVerbs[lower(t.Text)]; !ok {
		return false
	}
	return !(v > 0 && determiners[lower(d.tok(v-1).Text)]) && (t.UPOS == "" || t.UPOS == "VERB")
}

// attributionBefore reads `SPEAKER VERB [words] [:|,]` ending at token i.
func (d *doc) attributionBefore(i int) (speaker, int, bool) {
	if i < 0 || i >= len(d.toks) {
		return speaker{}, 0, false
	}
	sent := d.toks[i].s
	last := d.tok(i).Text
	if last != ":" && last != "," && lower(last) != "that" {
		return speaker{}, 0, false
	}
	for v := i - 1; v >= 0 && v > i-25 && d.toks[v].s == sent; v-- {
		if d.inQuote[v] {
			break
		}
		if !d.speechVerbAt(v) {
			continue
		}
		lo := v
		for lo > 0 && d.toks[lo-1].s == sent && !d.inQuote[lo-1] {
			lo--
		}
		if sp, ok := d.speakerBefore(v, lo); ok {
			return sp, v, true
		}
		if sp, ok := d.speakerAfter(v + 1); ok && v+1 < i {
			return sp, v, true
		}
	}
	return speaker{}, 0, false
}

// speakerBefore takes the noun phrase ending just before verb v (not
// earlier than lo), skipping adverbs and auxiliaries.
func (d *doc) speakerBefore(v, lo int) (speaker, bool) {
	end := v - 1
	for end >= lo && skipAdverbs[lower(d.tok(end).Text)] {
		end--
	}
	if end < lo {
		return speaker{}, false
	}
	start := end
	for start-1 >= lo {
		t := d.tok(start - 1)
		if isPunct(t.Text) || npStop[lower(t.Text)] || d.inQuote[start-1] {
			break
		}
		if _, verb := speechVerbs[lower(t.Text)]; verb {
			break
		}
		start--
	}
	if end-start > 8 {
		start = end - 8
	}
	return d.speakerIn(start, end)
}

// speakerAfter takes the noun phrase starting at token i: a person named in
// the next words (`said Kremlin spokesman Dmitry Peskov`, `wrote the
// President of the House, Vyacheslav Volodin`) or the phrase itself.
func (d *doc) speakerAfter(i int) (speaker, bool) {
	if i >= len(d.toks) {
		return speaker{}, false
	}
	sent := d.toks[i].s
	end := i
	for end+1 < len(d.toks) && d.toks[end+1].s == sent && end+1 < i+8 {
		t := d.tok(end + 1)
		if isPunct(t.Text) || npStop[lower(t.Text)] || d.inQuote[end+1] {
			break
		}
		end++
	}
	if isPunct(d.tok(i).Text) {
		return speaker{}, false
	}
	// A person in an apposition a little further on.
	lim := d.tok(min(i+14, len(d.toks)-1)).End
	for _, m := range d.mentions {
		if m.Start >= d.tok(i).Start && m.End <= lim && m.Type == "PERSON" && d.toks[d.firstTokenAt(m.Start)].s == sent {
			if m.Start > d.tok(end).End {
				// Only across an apposition comma.
				between := d.a.Doc.Text[d.tok(end).End:m.Start]
				if !strings.Contains(between, ",") {
					continue
				}
			}
			return speaker{text: m.Text, start: m.Start, end: m.End, typ: m.Type}, true
		}
	}
	return d.speakerIn(i, end)
}

// speakerIn picks the speaker inside tokens [start, end]: the last person
// mention, else the last organisation or place, else a pronoun resolved to
// the last person named before, else the phrase itself.
func (d *doc) speakerIn(start, end int) (speaker, bool) {
	s, e := d.tok(start).Start, d.tok(end).End
	var best *extract.Mention
	for k := range d.mentions {
		m := &d.mentions[k]
		if m.Start < s || m.End > e {
			continue
		}
		switch m.Type {
		case "PERSON":
			best = m
		case "ORG", "GPE":
			if (best == nil || best.Type != "PERSON") && m.End == e {
				best = m
			}
		}
	}
	if best != nil {
		return speaker{text: best.Text, start: best.Start, end: best.End, typ: best.Type}, true
	}
	if start == end {
		w := lower(d.tok(start).Text)
		if typ, ok := pronouns[w]; ok {
			if typ == "PERSON" {
				if m := d.pron.Person(s, nil); m != nil {
					return speaker{text: m.Text, start: m.Start, end: m.End, typ: m.Type}, true
				}
			}
			return speaker{}, false
		}
	}
	phrase := d.a.Doc.Text[s:e]
	if len(strings.Fields(phrase)) > 8 {
		return speaker{}, false
	}
	for i := start; i <= end; i++ {
		switch d.tok(i).UPOS {
		case "PRON", "VERB", "AUX":
			// not a noun phrase: "quotes him dpa" (a translated "zitiert
			// ihn dpa")
			return speaker{}, false
		}
	}
	return speaker{text: phrase, start: s, end: e}, true
}

func (d *doc) makeQuote(sp speaker, verb int, content string, q quoteSpan, conf float64) extract.Fact {
	lemma := speechVerbs[lower(d.tok(verb).Text)]
	if sp.typ == "" {
		conf -= 0.2
	}
	return extract.Fact{
		Sentence:   d.toks[verb].s,
		Subject:    extract.Arg{Text: sp.text, Type: sp.typ, Start: sp.start, End: sp.end},
		Predicate:  lemma,
		Relation:   schema.ClassifyPredicate(lemma),
		Object:     extract.Arg{Text: content, Literal: true, Start: q.ContentStart, End: q.ContentEnd},
		Qualifiers: map[string]string{"quote": "direct"},
		Confidence: conf,
		Extractor:  Name,
	}
}
