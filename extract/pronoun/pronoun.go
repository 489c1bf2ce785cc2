// Package pronoun finds the person a third-person pronoun ("he", "she")
// refers to: for the extractors that name speakers and fact arguments, and
// for the resolver's pronoun arguments (which adds the document's role
// descriptions as persons with Add).
//
// The rule is the salience heuristic of news text: the antecedent is the
// first person named in the nearest sentence (the pronoun's own, before
// it, or one of the three before) that names one outside quotations, because
// subjects come first in English clauses and a pronoun usually continues
// the subject. A "he" or "she" that comes first in such a sentence stands
// for its own antecedent, so that a chain of pronouns keeps its person:
// "Putin invited Biden to talks. He had reacted by wishing Biden good
// health. … 'This is first of all,' he said." — the last he is Putin, not
// Biden, the first name of the sentence before it.
package pronoun

import (
	"sort"
	"strings"
	"unicode"

	"github.com/factgraph/factgraph/extract"
)

// maxChain bounds how many pronouns a chain may pass through.
const maxChain = 8

// window is how many sentences before the pronoun's own are searched.
const window = 3

// item is a person mention or a subject pronoun.
type item struct {
	start, end, sentence int
	mention              *extract.Mention // nil for a pronoun
}

// Finder finds antecedents in one document. It is not safe for
// concurrent use.
type Finder struct {
	items  []item // by start
	starts []int  // start offset of each sentence
	// said[i] counts the sentences before sentence i with words outside
	// quotations: a quotation of several sentences counts as none.
	said   []int
	quoted func(off int) bool
}

// New indexes the PERSON mentions and the subject pronouns of a document
// that are not inside quotations (inQuote reports whether a byte offset
// is; nil for none).
func New(a *extract.Analysis, inQuote func(off int) bool) *Finder {
	f := &Finder{quoted: func(int) bool { return false }}
	if a == nil {
		return f
	}
	quoted := func(off int) bool { return inQuote != nil && inQuote(off) }
	f.quoted = quoted
	n := 0
	for _, s := range a.Sentences {
		f.starts = append(f.starts, s.Start)
		f.said = append(f.said, n)
		for _, t := range s.Tokens {
			if !quoted(t.Start) && strings.IndexFunc(t.Text, unicode.IsLetter) >= 0 {
				n++
				break
			}
		}
	}
	for k := range a.Mentions {
		m := &a.Mentions[k]
		if m.Type == "PERSON" && !quoted(m.Start) {
			f.items = append(f.items, item{m.Start, m.End, f.sentenceAt(m.Start), m})
		}
	}
	for si := range a.Sentences {
		for _, t := range a.Sentences[si].Tokens {
			if IsSubject(t.Text) && !quoted(t.Start) {
				f.items = append(f.items, item{t.Start, t.End, si, nil})
			}
		}
	}
	sort.SliceStable(f.items, func(i, j int) bool { return f.items[i].start < f.items[j].start })
	return f
}

// Add indexes one more person mention, one the analysis does not hold (a
// role description such as "the Kremlin chief" that a resolver has tied
// to a person). Its Sentence field is not read: sentences come from the
// offsets.
func (f *Finder) Add(m *extract.Mention) {
	it := item{m.Start, m.End, f.sentenceAt(m.Start), m}
	i := sort.Search(len(f.items), func(i int) bool { return f.items[i].start > m.Start })
	f.items = append(f.items, item{})
	copy(f.items[i+1:], f.items[i:])
	f.items[i] = it
}

// sentenceAt is the index of the sentence holding byte offset off, or -1.
func (f *Finder) sentenceAt(off int) int {
	return sort.Search(len(f.starts), func(i int) bool { return f.starts[i] > off }) - 1
}

// IsSubject reports whether w is "he" or "she" (any case).
func IsSubject(w string) bool {
	return strings.EqualFold(w, "he") || strings.EqualFold(w, "she")
}

// Person returns the person mention that the pronoun at byte offset off
// refers to, or nil. Persons for which skip returns true (a quote's own
// speaker, for a pronoun inside the quote) are passed over; skip may be
// nil.
func (f *Finder) Person(off int, skip func(*extract.Mention) bool) *extract.Mention {
	return f.person(off, skip, 0)
}

func (f *Finder) person(off int, skip func(*extract.Mention) bool, depth int) *extract.Mention {
	if depth > maxChain {
		return nil
	}
	si := f.sentenceAt(off)
	if si < 0 {
		return nil
	}
	end := sort.Search(len(f.items), func(i int) bool { return f.items[i].end > off })
	if depth == 0 && f.quoted(off) {
		// Inside a quotation: another person in the sentence's attribution
		// ("'He is going to pay a price,' Biden remarked to Putin").
		for _, it := range f.items[end:] {
			if it.sentence != si {
				break
			}
			if it.mention != nil && (skip == nil || !skip(it.mention)) {
				return it.mention
			}
		}
	}
	// Items before off, latest sentence first, back to window sentences
	// with words outside quotations before the pronoun's own.
	for end > 0 {
		sent := f.items[end-1].sentence
		if f.said[si]-f.said[sent] > window {
			break
		}
		begin := end - 1
		for begin > 0 && f.items[begin-1].sentence == sent {
			begin--
		}
		for _, it := range f.items[begin:end] {
			if it.mention != nil {
				if skip == nil || !skip(it.mention) {
					return it.mention
				}
				continue
			}
			if m := f.person(it.start, skip, depth+1); m != nil {
				return m
			}
		}
		end = begin
	}
	return nil
}
