package coref

import (
	"context"
	"fmt"
	"strings"
	"unicode"

	"github.com/factgraph/factgraph/extract"
	"github.com/factgraph/factgraph/extract/ner"
)

// kind is what a detected mention is.
type kind uint8

const (
	name kind = iota
	nominal
	pronoun
)

// mention is a detected mention with what the sieve needs.
type mention struct {
	Mention
	kind   kind
	typ    string // entity type of a name
	words  []string
	head   string
	sent   int
	gender byte // 'm', 'f'
	plural bool
	person int // 1, 2 for first and second person pronouns
	chain  int
}

var pronounInfo = map[string]struct {
	person int
	gender byte
	plural bool
}{
	"i": {1, 0, false}, "me": {1, 0, false}, "my": {1, 0, false}, "mine": {1, 0, false}, "myself": {1, 0, false},
	"we": {1, 0, true}, "us": {1, 0, true}, "our": {1, 0, true}, "ours": {1, 0, true}, "ourselves": {1, 0, true},
	"you": {2, 0, false}, "your": {2, 0, false}, "yours": {2, 0, false}, "yourself": {2, 0, false},
	"he": {3, 'm', false}, "him": {3, 'm', false}, "his": {3, 'm', false}, "himself": {3, 'm', false},
	"she": {3, 'f', false}, "her": {3, 'f', false}, "hers": {3, 'f', false}, "herself": {3, 'f', false},
	"it": {3, 'n', false}, "its": {3, 'n', false}, "itself": {3, 'n', false},
	"they": {3, 0, true}, "them": {3, 0, true}, "their": {3, 0, true}, "theirs": {3, 0, true}, "themselves": {3, 0, true},
}

// npStop ends a definite noun phrase.
var npStop = map[string]bool{
	"of": true, "in": true, "on": true, "at": true, "to": true, "for": true, "with": true, "by": true,
	"from": true, "and": true, "or": true, "but": true, "is": true, "was": true, "are": true, "were": true,
	"has": true, "have": true, "had": true, "that": true, "which": true, "who": true, "will": true,
	"would": true, "can": true, "could": true, "as": true, "be": true, "been": true, "than": true,
	"into": true, "about": true, "if": true, "when": true, "not": true, "do": true, "does": true, "did": true,
	"should": true, "may": true, "might": true, "must": true, "this": true, "these": true, "there": true,
}

// Resolver finds and links mentions in tokenised documents.
type Resolver struct {
	rec *ner.Recognizer
}

// NewResolver returns a resolver with the shipped entity recognizer.
func NewResolver() (*Resolver, error) {
	rec, err := ner.Default()
	if err != nil {
		return nil, fmt.Errorf("load the entity recognizer: %w", err)
	}
	return &Resolver{rec: rec}, nil
}

// sentences splits tokens into sentences: the file's own breaks when it
// has them, else after ".", "?" and "!".
func sentences(d *Document) [][2]int {
	var out [][2]int
	starts := d.SentenceStarts
	if len(starts) > 1 {
		for i, s := range starts {
			e := len(d.Tokens)
			if i+1 < len(starts) {
				e = starts[i+1]
			}
			out = append(out, [2]int{s, e})
		}
		return out
	}
	s := 0
	for i, t := range d.Tokens {
		if t == "." || t == "?" || t == "!" || i-s >= 80 {
			out = append(out, [2]int{s, i + 1})
			s = i + 1
		}
	}
	if s < len(d.Tokens) {
		out = append(out, [2]int{s, len(d.Tokens)})
	}
	return out
}

// Resolve returns the coreference chains of a document (chains of two or
// more mentions, the OntoNotes scheme).
func (r *Resolver) Resolve(ctx context.Context, d *Document) (Clusters, error) {
	ms, err := r.detect(ctx, d)
	if err != nil {
		return nil, err
	}
	link(ms)
	byChain := map[int][]Mention{}
	var order []int
	for _, m := range ms {
		if _, ok := byChain[m.chain]; !ok {
			order = append(order, m.chain)
		}
		byChain[m.chain] = append(byChain[m.chain], m.Mention)
	}
	var cs Clusters
	for _, c := range order {
		if len(byChain[c]) > 1 {
			cs = append(cs, dedupe(byChain[c]))
		}
	}
	return cs, nil
}

// detect finds names (with the entity recognizer), pronouns and definite
// noun phrases.
func (r *Resolver) detect(ctx context.Context, d *Document) ([]*mention, error) {
	var b strings.Builder
	starts := make([]int, len(d.Tokens))
	for i, t := range d.Tokens {
		if i > 0 {
			b.WriteByte(' ')
		}
		starts[i] = b.Len()
		b.WriteString(t)
	}
	text := b.String()
	a := &extract.Analysis{Doc: &extract.Document{ID: d.Name, Text: text}}
	sents := sentences(d)
	sentOf := make([]int, len(d.Tokens))
	for si, s := range sents {
		es := extract.Sentence{Index: si, Start: starts[s[0]], End: starts[s[1]-1] + len(d.Tokens[s[1]-1])}
		es.Text = text[es.Start:es.End]
		for i := s[0]; i < s[1]; i++ {
			es.Tokens = append(es.Tokens, extract.Token{Text: d.Tokens[i], Start: starts[i], End: starts[i] + len(d.Tokens[i]), SpaceAfter: true, Head: -1})
			sentOf[i] = si
		}
		a.Sentences = append(a.Sentences, es)
	}
	if err := r.rec.Recognize(ctx, a); err != nil {
		return nil, fmt.Errorf("%s: recognize entities: %w", d.Name, err)
	}
	tokAt := map[int]int{}
	tokEnd := map[int]int{}
	for i, s := range starts {
		tokAt[s] = i
		tokEnd[s+len(d.Tokens[i])] = i
	}
	var ms []*mention
	taken := make([]bool, len(d.Tokens))
	for _, m := range a.Mentions {
		switch m.Type {
		case "PERSON", "ORG", "GPE", "LOC", "NORP", "EVENT", "WORK":
		default:
			continue
		}
		s, ok1 := tokAt[m.Start]
		e, ok2 := tokEnd[m.End]
		if !ok1 || !ok2 {
			continue
		}
		// "the" before a name is part of the mention in OntoNotes.
		if s > 0 && strings.EqualFold(d.Tokens[s-1], "the") {
			s--
		}
		words := lowerWords(d.Tokens[s : e+1])
		mm := &mention{Mention: Mention{s, e}, kind: name, typ: m.Type, words: words, head: words[len(words)-1], sent: sentOf[s]}
		if m.Type == "NORP" {
			continue // adjectives ("Russian") are not mentions in OntoNotes
		}
		ms = append(ms, mm)
		for k := s; k <= e; k++ {
			taken[k] = true
		}
	}
	for i, t := range d.Tokens {
		lw := strings.ToLower(t)
		if p, ok := pronounInfo[lw]; ok && !taken[i] {
			ms = append(ms, &mention{Mention: Mention{i, i}, kind: pronoun, words: []string{lw}, head: lw, sent: sentOf[i], gender: p.gender, plural: p.plural, person: p.person})
			continue
		}
		if lw != "the" || taken[i] {
			continue
		}
		j := i + 1
		for j < len(d.Tokens) && j-i <= 4 && sentOf[j] == sentOf[i] && isWord(d.Tokens[j]) && !npStop[strings.ToLower(d.Tokens[j])] && !taken[j] {
			j++
		}
		if j == i+1 {
			continue
		}
		words := lowerWords(d.Tokens[i:j])
		head := words[len(words)-1]
		ms = append(ms, &mention{Mention: Mention{i, j - 1}, kind: nominal, words: words, head: head, sent: sentOf[i], plural: strings.HasSuffix(head, "s") && !strings.HasSuffix(head, "ss")})
	}
	sortMentions(ms)
	return ms, nil
}

func isWord(t string) bool {
	for _, r := range t {
		if !unicode.IsLetter(r) && r != '-' {
			return false
		}
	}
	return t != ""
}

func lowerWords(ts []string) []string {
	out := make([]string, len(ts))
	for i, t := range ts {
		out[i] = strings.ToLower(t)
	}
	return out
}

func sortMentions(ms []*mention) {
	for i := 1; i < len(ms); i++ {
		for j := i; j > 0 && (ms[j].Start < ms[j-1].Start || ms[j].Start == ms[j-1].Start && ms[j].End > ms[j-1].End); j-- {
			ms[j], ms[j-1] = ms[j-1], ms[j]
		}
	}
}

// link is the sieve: each mention joins the chain of an earlier mention
// (or starts its own) by, in order: exact name match and a name's last or
// first word; speaker and addressee pronouns (I, we, you); head match of a
// definite noun phrase with an earlier one; third-person pronouns to the
// nearest agreeing antecedent within three sentences.
func link(ms []*mention) {
	next := 0
	newChain := func(m *mention) { m.chain = next; next++ }
	speakers := map[[2]int]int{} // (person, plural) → chain
	for i, m := range ms {
		switch m.kind {
		case name:
			newChain(m)
			key := strings.Join(m.words, " ")
			for j := i - 1; j >= 0; j-- {
				p := ms[j]
				if p.kind != name {
					continue
				}
				pk := strings.Join(p.words, " ")
				if pk == key || len(m.words) == 1 && len(p.words) > 1 && (p.words[len(p.words)-1] == key || p.words[0] == key) && p.typ == "PERSON" {
					m.chain = p.chain
					m.gender = p.gender
					break
				}
			}
		case pronoun:
			if m.person < 3 {
				k := [2]int{m.person, b2i(m.plural)}
				if c, ok := speakers[k]; ok {
					m.chain = c
				} else {
					newChain(m)
					speakers[k] = m.chain
				}
				continue
			}
			newChain(m)
			if a := antecedent(ms, i); a != nil {
				m.chain = a.chain
				if a.gender == 0 {
					a.gender = m.gender
				}
			}
		case nominal:
			newChain(m)
			for j := i - 1; j >= 0; j-- {
				p := ms[j]
				if p.kind == pronoun || p.head != m.head || m.sent-p.sent > 30 {
					continue
				}
				m.chain = p.chain
				break
			}
		}
	}
}

func b2i(b bool) int {
	if b {
		return 1
	}
	return 0
}

// antecedent finds the nearest earlier mention agreeing with pronoun
// ms[i] in gender, number and animacy, within three sentences.
func antecedent(ms []*mention, i int) *mention {
	m := ms[i]
	for j := i - 1; j >= 0; j-- {
		p := ms[j]
		if m.sent-p.sent > 3 {
			break
		}
		if p.End >= m.Start {
			continue
		}
		switch {
		case p.kind == pronoun:
			if p.person == 3 && p.gender == m.gender && p.plural == m.plural {
				return p
			}
		case m.gender == 'm' || m.gender == 'f':
			if p.kind == name && p.typ == "PERSON" && (p.gender == 0 || p.gender == m.gender) {
				return p
			}
		case m.gender == 'n':
			if p.kind == nominal && !p.plural || p.kind == name && p.typ != "PERSON" {
				return p
			}
		case m.plural:
			if p.kind == nominal && p.plural || p.kind == name && (p.typ == "ORG" || p.typ == "NORP") {
				return p
			}
		}
	}
	return nil
}
