// Package ner finds named entities in news text and types them the way a
// news graph needs: PERSON, ORG, GPE, LOC, NORP, EVENT and WORK from a
// trained sequence model, and DATE, TIME, MONEY, PERCENT and QUANTITY,
// with normalised values, from rules (package temporal).
//
// The statistical model is a two-stage greedy averaged perceptron over
// hashed features (words, shapes, affixes, Brown clusters induced from
// Reuters news by package wordcluster, gazetteer matches, document-level
// capitalisation and, in the second stage, the first stage's labels of the
// same words across the document). It predicts CoNLL-2003 types (PER, ORG,
// LOC, MISC) in BILOU; rules then split LOC into GPE and LOC and MISC into
// NORP, EVENT and WORK (dropping the rest) with the country, demonym and keyword lists of
// package gazetteer, strip titles from PERSON spans and drop translation
// debris.
package ner

import (
	"bytes"
	"compress/gzip"
	"context"
	_ "embed"
	"fmt"
	"strings"
	"sync"

	"github.com/factgraph/factgraph/extract"
	"github.com/factgraph/factgraph/extract/gazetteer"
	"github.com/factgraph/factgraph/extract/temporal"
	"github.com/factgraph/factgraph/extract/wordcluster"
)

//go:embed model/ner.bin.gz
var embeddedModel []byte

//go:embed model/ner-web.bin.gz
var embeddedWebModel []byte

//go:embed model/brown.txt.gz
var embeddedClusters []byte

// Domain selects the shipped model for a kind of text.
type Domain string

// The domains.
const (
	// News is edited newswire, the recognizer's main use: trained on
	// CoNLL-2003 with all the types.
	News Domain = "news"
	// Web is informal web text (blogs, reviews, e-mail): trained on the
	// Universal NER English Web Treebank data, with PER, ORG and LOC only.
	Web Domain = "web"
)

// Recognizer tags analyses with entity mentions. It is read-only after
// construction and safe for concurrent use.
type Recognizer struct {
	m   *Model
	res *resources
	// pool recycles per-call scratch buffers.
	pool sync.Pool
}

var (
	embeddedClusterSet = sync.OnceValues(func() (*wordcluster.Clusters, error) {
		return readClusters(embeddedClusters)
	})
	defaultNews = sync.OnceValues(func() (*Recognizer, error) { return loadEmbedded(embeddedModel) })
	defaultWeb  = sync.OnceValues(func() (*Recognizer, error) { return loadEmbedded(embeddedWebModel) })
)

func loadEmbedded(data []byte) (*Recognizer, error) {
	m, err := ReadModel(data)
	if err != nil {
		return nil, err
	}
	cl, err := embeddedClusterSet()
	if err != nil {
		return nil, err
	}
	return New(m, cl)
}

// Default returns the recognizer with the shipped news model, loaded once.
func Default() (*Recognizer, error) { return defaultNews() }

// DefaultFor returns the shipped recognizer for a domain, loaded once.
func DefaultFor(d Domain) (*Recognizer, error) {
	switch d {
	case News, "":
		return defaultNews()
	case Web:
		return defaultWeb()
	}
	return nil, fmt.Errorf("ner: unknown domain %q (want news or web)", d)
}

func readClusters(gz []byte) (*wordcluster.Clusters, error) {
	zr, err := gzip.NewReader(bytes.NewReader(gz))
	if err != nil {
		return nil, fmt.Errorf("ner: clusters: %w", err)
	}
	return wordcluster.Read(zr)
}

// ReadClusters reads gzipped clusters as written by "factgraph train
// wordclusters".
func ReadClusters(gz []byte) (*wordcluster.Clusters, error) { return readClusters(gz) }

// New returns a recognizer for a trained model and the clusters it was
// trained with.
func New(m *Model, clusters *wordcluster.Clusters) (*Recognizer, error) {
	gaz, err := gazetteer.Default()
	if err != nil {
		return nil, err
	}
	res := &resources{clusters: clusters, gaz: gaz}
	if m.hasFeature("case") {
		if res.caseForms, err = caseFormsOf(clusters); err != nil {
			return nil, err
		}
	}
	r := &Recognizer{m: m, res: res}
	r.pool.New = func() any { return &scratch{} }
	return r, nil
}

// Model returns the recognizer's statistical model.
func (r *Recognizer) Model() *Model { return r.m }

// Recognize tags a. It sets Token.NER (IOB2 with the types PERSON, ORG,
// GPE, LOC, NORP, EVENT, WORK, DATE, TIME, MONEY, PERCENT, QUANTITY)
// on every token and appends the mentions to a.Mentions in text order,
// with Value set for DATE, TIME, MONEY, PERCENT and QUANTITY (dates
// relative to a.Doc.Date when known) and for NORP (the country, or the
// group, it points at). Furniture sentences get no mentions.
func (r *Recognizer) Recognize(ctx context.Context, a *extract.Analysis) error {
	_, err := r.recognize(ctx, a)
	return err
}

// recognize tags a and returns the typed spans of every sentence.
func (r *Recognizer) recognize(ctx context.Context, a *extract.Analysis) ([][]typedSpan, error) {
	if a == nil {
		return nil, nil
	}
	var words [][]string
	var idx []int
	for i := range a.Sentences {
		s := &a.Sentences[i]
		for k := range s.Tokens {
			s.Tokens[k].NER = "O"
		}
		if s.Furniture || len(s.Tokens) == 0 {
			continue
		}
		w := make([]string, len(s.Tokens))
		for k, t := range s.Tokens {
			w[k] = t.Text
		}
		words = append(words, w)
		idx = append(idx, i)
	}
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	sc := r.pool.Get().(*scratch)
	defer r.pool.Put(sc)
	infos := r.res.prepareDoc(words)
	labels := r.m.tagDoc(r.res, infos, sc)
	var ref temporal.Reference
	if a.Doc != nil && a.Doc.HasDate() {
		ref = temporal.Reference{Date: a.Doc.Date, Known: true}
	}
	all := make([][]typedSpan, len(a.Sentences))
	for k, si := range idx {
		if k%64 == 0 {
			if err := ctx.Err(); err != nil {
				return nil, err
			}
		}
		s := &a.Sentences[si]
		spans := joinHyphenated(s.Tokens, r.typeSpans(words[k], Spans(toBIO(labels[k], r.m.types))))
		// Rule-based values where no name was found.
		used := make([]bool, len(words[k]))
		for _, sp := range spans {
			for j := sp.Start; j < sp.End; j++ {
				used[j] = true
			}
		}
		for _, v := range temporal.Find(words[k], ref) {
			free := true
			for j := v.Start; j < v.End; j++ {
				if used[j] {
					free = false
				}
			}
			if free {
				spans = append(spans, typedSpan{Span: Span{v.Start, v.End, v.Type}, value: v.Value})
			}
		}
		sortSpans(spans)
		all[si] = spans
		for _, sp := range spans {
			if sp.Type == "" {
				continue // kept for the CoNLL tag set only
			}
			for j := sp.Start; j < sp.End; j++ {
				p := "I-"
				if j == sp.Start {
					p = "B-"
				}
				s.Tokens[j].NER = p + sp.Type
			}
			m := extract.Mention{
				Sentence: si,
				Start:    s.Tokens[sp.Start].Start,
				End:      s.Tokens[sp.End-1].End,
				Type:     sp.Type,
				Value:    sp.value,
			}
			if a.Doc != nil && m.Start >= 0 && m.End <= len(a.Doc.Text) && m.Start <= m.End {
				m.Text = a.Doc.Text[m.Start:m.End]
			} else {
				m.Text = joinTokens(s.Tokens[sp.Start:sp.End])
			}
			a.Mentions = append(a.Mentions, m)
		}
	}
	return all, nil
}

// joinHyphenated extends a person's name over a hyphen written without
// spaces and the word after it, which the tokenizer splits off as UD does
// ("Kim Jong" "-" "un" → "Kim Jong-un", "Khaled Al-Maeena"), unless that
// word makes an adjective of the name ("Obama-era").
func joinHyphenated(toks []extract.Token, spans []typedSpan) []typedSpan {
	out := spans[:0]
	for i := 0; i < len(spans); i++ {
		sp := spans[i]
		for sp.Type == "PERSON" {
			e := sp.End
			if e+1 >= len(toks) || toks[e].Text != "-" || toks[e-1].End != toks[e].Start || toks[e].End != toks[e+1].Start ||
				!isNameWord(toks[e+1].Text) || nameSuffixes[strings.ToLower(toks[e+1].Text)] {
				break
			}
			if i+1 < len(spans) && spans[i+1].Start <= e+1 {
				// The word after the hyphen starts a name of its own:
				// one person ("Khaled Al" "Maeena"), else leave both.
				if spans[i+1].Start != e+1 || spans[i+1].Type != "PERSON" {
					break
				}
				sp.End = spans[i+1].End
				i++
				continue
			}
			sp.End = e + 2
		}
		out = append(out, sp)
	}
	return out
}

// nameSuffixes turn a name into an adjective after a hyphen.
var nameSuffixes = map[string]bool{"era": true, "led": true, "style": true, "like": true, "based": true,
	"backed": true, "born": true, "owned": true, "run": true, "made": true, "controlled": true,
	"funded": true, "linked": true, "sponsored": true, "appointed": true, "allied": true, "friendly": true,
	"loving": true, "supporting": true, "aligned": true, "inspired": true, "related": true}

func joinTokens(toks []extract.Token) string {
	var b strings.Builder
	for i, t := range toks {
		if i > 0 && toks[i-1].SpaceAfter {
			b.WriteByte(' ')
		}
		b.WriteString(t.Text)
	}
	return b.String()
}

// typedSpan is a span with its final type and value.
type typedSpan struct {
	Span
	value string
	// conll is the CoNLL-2003 type when it is not the one MapType gives
	// (seats of government: ORG here, LOC in CoNLL).
	conll string
}

func sortSpans(s []typedSpan) {
	for i := 1; i < len(s); i++ {
		for j := i; j > 0 && s[j].Start < s[j-1].Start; j-- {
			s[j], s[j-1] = s[j-1], s[j]
		}
	}
}
