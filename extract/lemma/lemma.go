// Package lemma is an English lemmatizer learned from Universal
// Dependencies treebanks.
//
// A lemma is obtained from the word form by an edit script: optionally
// lower-case the form, strip a number of bytes from its end and append a
// string ("studies" → lower, strip 3, append "y"). The lemmatizer keeps a
// lexicon of the scripts of the (form, tag) pairs seen in training and,
// for unseen words, picks the most frequent script among training words
// with the same tag and the longest shared suffix.
package lemma

import (
	"bufio"
	"context"
	"fmt"
	"io"
	"sort"
	"strconv"
	"strings"

	"github.com/factgraph/factgraph/extract/conllu"
	"github.com/factgraph/factgraph/extract/nlp/perceptron"
)

// maxSuffix is the longest suffix (in bytes) the backoff rules look at.
const maxSuffix = 7

// Script is an edit script from form to lemma.
type Script struct {
	Lower  bool   // lower-case the form first
	Strip  int    // bytes removed from the end
	Append string // appended afterwards
}

// Apply applies the script to form. When the script does not fit (strips
// more than the form has), the form is returned unchanged.
func (s Script) Apply(form string) string {
	if s.Lower {
		form = strings.ToLower(form)
	}
	if s.Strip > len(form) {
		return form
	}
	if s.Strip == 0 && s.Append == "" {
		return form
	}
	return form[:len(form)-s.Strip] + s.Append
}

func (s Script) key() string {
	l := "k"
	if s.Lower {
		l = "l"
	}
	return l + strconv.Itoa(s.Strip) + "|" + s.Append
}

func parseKey(k string) (Script, error) {
	if len(k) < 3 || (k[0] != 'k' && k[0] != 'l') {
		return Script{}, fmt.Errorf("bad script %q", k)
	}
	n, rest, ok := strings.Cut(k[1:], "|")
	if !ok {
		return Script{}, fmt.Errorf("bad script %q", k)
	}
	strip, err := strconv.Atoi(n)
	if err != nil || strip < 0 {
		return Script{}, fmt.Errorf("bad script %q", k)
	}
	return Script{Lower: k[0] == 'l', Strip: strip, Append: rest}, nil
}

// ScriptFor returns the shortest edit script turning form into lemma,
// preferring to keep the case.
func ScriptFor(form, lemma string) Script {
	best := diff(form, lemma, false)
	if lf := strings.ToLower(form); lf != form {
		if s := diff(lf, lemma, true); s.Strip < best.Strip {
			best = s
		}
	}
	return best
}

func diff(form, lemma string, lower bool) Script {
	p := 0
	for p < len(form) && p < len(lemma) && form[p] == lemma[p] {
		p++
	}
	return Script{Lower: lower, Strip: len(form) - p, Append: lemma[p:]}
}

// Lemmatizer is a trained lemmatizer, read-only and safe for concurrent use.
type Lemmatizer struct {
	scripts []Script
	lex     map[string]int32 // form + "\t" + xpos → script
	lexLow  map[string]int32 // lower(form) + "\t" + xpos → script
	// lexCoarse is keyed by the lower-cased form and the first two letters
	// of the tag (NN, VB, JJ, …): it covers a word whose exact tag was
	// not seen with it in training (VBD for VBN, NN for NNP).
	lexCoarse map[string]int32
	rules     map[string]int32 // xpos + "\t" + suffix → script
}

// Lemma returns the lemma of form with Penn tag xpos.
func (l *Lemmatizer) Lemma(form, xpos string) string {
	if form == "" {
		return form
	}
	var buf [64]byte
	if s, ok := l.lex[string(key(buf[:0], form, xpos))]; ok {
		return l.scripts[s].Apply(form)
	}
	return l.fallback(form, xpos)
}

// key builds form + "\t" + tag in buf; map lookups with string(key(…))
// do not allocate.
func key(buf []byte, form, tag string) []byte {
	buf = append(buf, form...)
	buf = append(buf, '\t')
	return append(buf, tag...)
}

// fallback lemmatizes a form missing from the exact-form lexicon.
func (l *Lemmatizer) fallback(form, xpos string) string {
	norm := keepCase(form, xpos)
	low := strings.ToLower(form)
	var buf [64]byte
	if s, ok := l.lexLow[string(key(buf[:0], low, xpos))]; ok {
		return l.scripts[s].Apply(norm)
	}
	if s, ok := l.lexCoarse[string(key(buf[:0], low, coarse(xpos)))]; ok && l.scripts[s].Strip <= len(norm) {
		return l.scripts[s].Apply(norm)
	}
	if s := l.ruleScript(low, xpos); s >= 0 && l.scripts[s].Strip <= len(norm) {
		return l.scripts[s].Apply(norm)
	}
	return norm
}

func coarse(xpos string) string {
	if len(xpos) > 2 {
		return xpos[:2]
	}
	return xpos
}

// keepCase lower-cases forms whose tag is not a proper noun.
func keepCase(form, xpos string) string {
	if strings.HasPrefix(xpos, "NNP") {
		return form
	}
	return strings.ToLower(form)
}

// Example is one training word. Weight counts it that many times (0 is
// taken as 1): where treebanks disagree, the heavier one's convention wins.
type Example struct {
	Form, XPOS, Lemma string
	Weight            int
}

// Examples extracts the words of CoNLL-U sentences (weight 1).
func Examples(ss []*conllu.Sentence) []Example {
	var out []Example
	for _, s := range ss {
		for _, i := range s.Words() {
			l := &s.Lines[i]
			if l.Lemma == "_" && l.Form != "_" {
				continue
			}
			out = append(out, Example{Form: l.Form, XPOS: l.XPOS, Lemma: l.Lemma})
		}
	}
	return out
}

// Train builds a lemmatizer from training words. It is deterministic:
// ties are broken by script order of first appearance.
func Train(ctx context.Context, data []Example) (*Lemmatizer, error) {
	l := &Lemmatizer{lex: map[string]int32{}, lexLow: map[string]int32{}, lexCoarse: map[string]int32{}, rules: map[string]int32{}}
	scriptID := map[string]int32{}
	type counter map[int32]int
	lex := map[string]counter{}
	lexLow := map[string]counter{}
	lexCoarse := map[string]counter{}
	rules := map[string]counter{}
	// words seen per (xpos, suffix), to count each form type once
	seen := map[string]bool{}
	weight := 1
	add := func(m map[string]counter, k string, s int32) {
		c := m[k]
		if c == nil {
			c = counter{}
			m[k] = c
		}
		c[s] += weight
	}
	intern := func(sc Script) int32 { return l.intern(sc, scriptID) }
	for i, ex := range data {
		if i%50000 == 0 {
			if err := ctx.Err(); err != nil {
				return nil, err
			}
		}
		weight = max(ex.Weight, 1)
		add(lex, ex.Form+"\t"+ex.XPOS, intern(ScriptFor(ex.Form, ex.Lemma)))
		norm := keepCase(ex.Form, ex.XPOS)
		id := intern(ScriptFor(norm, ex.Lemma))
		low := strings.ToLower(ex.Form)
		add(lexLow, low+"\t"+ex.XPOS, id)
		add(lexCoarse, low+"\t"+coarse(ex.XPOS), id)
		if seen[low+"\t"+ex.XPOS] {
			continue
		}
		seen[low+"\t"+ex.XPOS] = true
		// A suffix rule may only rewrite the suffix it is keyed on: a
		// script that strips more depends on letters the rule does not
		// see (taiwanese → Taiwanese would turn portuguese into
		// pTaiwanese).
		for n := l.scripts[id].Strip; n <= maxSuffix && n <= len(low); n++ {
			add(rules, ex.XPOS+"\t"+low[len(low)-n:], id)
		}
	}
	pick := func(c counter) int32 {
		best, bn := int32(-1), -1
		for s, n := range c {
			if n > bn || (n == bn && s < best) {
				best, bn = s, n
			}
		}
		return best
	}
	for k, c := range rules {
		// a suffix seen with a single word type is not a rule
		total := 0
		for _, n := range c {
			total += n
		}
		_, suf, _ := strings.Cut(k, "\t")
		if total < 2 && suf != "" {
			continue
		}
		l.rules[k] = pick(c)
	}
	for k, c := range lexLow {
		l.lexLow[k] = pick(c)
	}
	for k, c := range lexCoarse {
		l.lexCoarse[k] = pick(c)
	}
	// Drop the lexicon entries whose lemma the back-off already gives: the
	// model is smaller and its output the same.
	for k, c := range lex {
		form, xpos, _ := strings.Cut(k, "\t")
		s := pick(c)
		if l.scripts[s].Apply(form) != l.fallback(form, xpos) {
			l.lex[k] = s
		}
	}
	for k, s := range l.lexLow {
		low, xpos, _ := strings.Cut(k, "\t")
		r, ok := l.lexCoarse[low+"\t"+coarse(xpos)]
		if !ok {
			r = l.ruleScript(low, xpos)
		}
		if r >= 0 && l.scripts[r] == l.scripts[s] {
			delete(l.lexLow, k)
		}
	}
	return l, nil
}

// Pair is a word form and its lemma from a lexicon without tags.
type Pair struct{ Form, Lemma string }

// ReadLexicon reads a "lemma<TAB>form" list (michmech/lemmatization-lists
// format: UTF-8, a byte-order mark and CRLF line ends allowed).
func ReadLexicon(r io.Reader) ([]Pair, error) {
	var out []Pair
	sc := bufio.NewScanner(r)
	for sc.Scan() {
		line := strings.TrimPrefix(strings.TrimRight(sc.Text(), "\r"), "\ufeff")
		lemma, form, ok := strings.Cut(line, "\t")
		if !ok || lemma == "" || form == "" {
			continue
		}
		out = append(out, Pair{Form: form, Lemma: lemma})
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("lemma: lexicon: %w", err)
	}
	return out, nil
}

// AddLexicon lemmatizes, from a lexicon without tags, the inflected forms
// the treebanks never showed with a tag of their class: a form ending in
// "ed", "ing" or "en" as a verb, one ending in "s" as a verb or noun, one
// ending in "er" or "est" as an adjective or adverb ("interfered" →
// "interfere", where the suffix rules give "interfer"). Only lower-case
// pairs sharing their first three letters count, and forms the lexicon
// gives several lemmas are left to the rules ("leaves": leaf, leave).
// Forms and tags seen in training keep the treebanks' lemma. It returns
// the number of entries added; the result is deterministic.
func (l *Lemmatizer) AddLexicon(pairs []Pair) int {
	lemmas := map[string]string{}
	for _, p := range pairs {
		f, lm := p.Form, p.Lemma
		if f == lm || len(f) < 4 || len(lm) < 3 || !lowerWord(f) || !lowerWord(lm) || f[:3] != lm[:3] {
			continue
		}
		if prev, ok := lemmas[f]; ok && prev != lm {
			lemmas[f] = "" // ambiguous
			continue
		}
		lemmas[f] = lm
	}
	forms := make([]string, 0, len(lemmas))
	for f, lm := range lemmas {
		if lm != "" {
			forms = append(forms, f)
		}
	}
	sort.Strings(forms)
	scriptID := map[string]int32{}
	for i, s := range l.scripts {
		if _, ok := scriptID[s.key()]; !ok {
			scriptID[s.key()] = int32(i)
		}
	}
	added := 0
	for _, f := range forms {
		var classes []string
		switch {
		case strings.HasSuffix(f, "ed"), strings.HasSuffix(f, "ing"), strings.HasSuffix(f, "en"):
			classes = []string{"VB"}
		case strings.HasSuffix(f, "s"):
			classes = []string{"VB", "NN"}
		case strings.HasSuffix(f, "er"), strings.HasSuffix(f, "est"):
			classes = []string{"JJ", "RB"}
		}
		for _, c := range classes {
			k := f + "\t" + c
			if _, ok := l.lexCoarse[k]; ok {
				continue
			}
			l.lexCoarse[k] = l.intern(ScriptFor(f, lemmas[f]), scriptID)
			added++
		}
	}
	return added
}

// intern returns the index of script sc in l.scripts, appending it when
// it is new; ids maps the scripts' keys to their indices.
func (l *Lemmatizer) intern(sc Script, ids map[string]int32) int32 {
	k := sc.key()
	id, ok := ids[k]
	if !ok {
		id = int32(len(l.scripts))
		ids[k] = id
		l.scripts = append(l.scripts, sc)
	}
	return id
}

// lowerWord reports whether w is lower-case ASCII letters only.
func lowerWord(w string) bool {
	for i := 0; i < len(w); i++ {
		if w[i] < 'a' || w[i] > 'z' {
			return false
		}
	}
	return w != ""
}

func (l *Lemmatizer) ruleScript(low, xpos string) int32 {
	var buf [64]byte
	for n := min(maxSuffix, len(low)); n >= 0; n-- {
		if s, ok := l.rules[string(key(buf[:0], xpos, low[len(low)-n:]))]; ok && l.scripts[s].Strip <= len(low) {
			return s
		}
	}
	return -1
}

const fileMagic = "FGLEM2"

// Save writes the lemmatizer gzip-compressed.
func (l *Lemmatizer) Save(w io.Writer) error {
	err := perceptron.WriteFile(w, fileMagic, func(bw *bufio.Writer) error {
		keys := make([]string, len(l.scripts))
		for i, s := range l.scripts {
			keys[i] = s.key()
		}
		if err := perceptron.WriteStrings(bw, keys); err != nil {
			return err
		}
		for _, m := range []map[string]int32{l.lex, l.lexLow, l.lexCoarse, l.rules} {
			if err := perceptron.WriteIndex(bw, m); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		return fmt.Errorf("lemma: save: %w", err)
	}
	return nil
}

// Load reads a lemmatizer written by Save.
func Load(r io.Reader) (*Lemmatizer, error) {
	d, err := perceptron.OpenModel(r, fileMagic, "a lemmatizer model")
	if err != nil {
		return nil, fmt.Errorf("lemma: load: %w", err)
	}
	l := &Lemmatizer{}
	for _, k := range d.Strings() {
		s, err := parseKey(k)
		if err != nil {
			return nil, fmt.Errorf("lemma: load: %w", err)
		}
		l.scripts = append(l.scripts, s)
	}
	var maps [4]map[string]int32
	for i := range maps {
		maps[i] = d.Index(len(l.scripts))
	}
	if err := d.Err(); err != nil {
		return nil, fmt.Errorf("lemma: load: %w", err)
	}
	l.lex, l.lexLow, l.lexCoarse, l.rules = maps[0], maps[1], maps[2], maps[3]
	return l, nil
}
