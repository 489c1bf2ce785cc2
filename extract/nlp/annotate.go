// Package nlp runs the statistical NLP core on sentences: part-of-speech
// tagging (package postag), lemmatization (package lemma) and dependency
// parsing (package depparse), with the models shipped inside the binary.
//
// Default returns the annotator with the embedded models, loaded once on
// first use. An Annotator is read-only and safe for concurrent use.
package nlp

import (
	"bytes"
	"context"
	"embed"
	"fmt"
	"os"
	"path/filepath"
	"sync"

	"github.com/factgraph/factgraph/extract"
	"github.com/factgraph/factgraph/extract/depparse"
	"github.com/factgraph/factgraph/extract/lemma"
	"github.com/factgraph/factgraph/extract/postag"
)

// Model file names, in the embedded models folder and in a training
// output folder.
const (
	TaggerFile     = "tagger.gz"
	LemmatizerFile = "lemma.gz"
	ParserFile     = "parser.gz"
)

//go:embed models/tagger.gz models/lemma.gz models/parser.gz
var models embed.FS

// Annotator tags, lemmatizes and parses sentences.
type Annotator struct {
	Tagger     *postag.Tagger
	Lemmatizer *lemma.Lemmatizer
	Parser     *depparse.Parser
	scratch    sync.Pool
}

type scratch struct {
	tag                             postag.Scratch
	parse                           depparse.Scratch
	words, upos, xpos, lemmas, rels []string
	tags, heads                     []int
}

// New returns an annotator using the given components.
func New(t *postag.Tagger, l *lemma.Lemmatizer, p *depparse.Parser) *Annotator {
	a := &Annotator{Tagger: t, Lemmatizer: l, Parser: p}
	a.scratch.New = func() any { return &scratch{} }
	return a
}

var defaultAnnotator = sync.OnceValues(func() (*Annotator, error) {
	read := func(name string) ([]byte, error) { return models.ReadFile("models/" + name) }
	return load(read)
})

// Default returns the annotator with the embedded models. The models are
// read once, on the first call.
func Default() (*Annotator, error) { return defaultAnnotator() }

// LoadDir returns an annotator with the models in dir (as written by Train).
func LoadDir(dir string) (*Annotator, error) {
	return load(func(name string) ([]byte, error) { return os.ReadFile(filepath.Join(dir, name)) })
}

// load reads the three models concurrently (decompression dominates the
// cold start).
func load(read func(string) ([]byte, error)) (*Annotator, error) {
	var (
		wg   sync.WaitGroup
		t    *postag.Tagger
		l    *lemma.Lemmatizer
		p    *depparse.Parser
		errs [3]error
	)
	get := func(i int, name string, dec func([]byte) error) {
		defer wg.Done()
		b, err := read(name)
		if err == nil {
			err = dec(b)
		}
		if err != nil {
			errs[i] = fmt.Errorf("nlp: %s: %w", name, err)
		}
	}
	wg.Add(3)
	go get(0, TaggerFile, func(b []byte) (err error) { t, err = postag.Load(bytes.NewReader(b)); return })
	go get(1, LemmatizerFile, func(b []byte) (err error) { l, err = lemma.Load(bytes.NewReader(b)); return })
	go get(2, ParserFile, func(b []byte) (err error) { p, err = depparse.Load(bytes.NewReader(b)); return })
	wg.Wait()
	for _, err := range errs {
		if err != nil {
			return nil, err
		}
	}
	return New(t, l, p), nil
}

// Annotate fills UPOS, XPOS, Lemma, Head and DepRel of the sentence's
// tokens in place. It returns ctx.Err() when the context is done.
func (a *Annotator) Annotate(ctx context.Context, s *extract.Sentence) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	n := len(s.Tokens)
	if n == 0 {
		return nil
	}
	sc := a.scratch.Get().(*scratch)
	defer a.scratch.Put(sc)
	sc.words = sc.words[:0]
	for i := range s.Tokens {
		sc.words = append(sc.words, s.Tokens[i].Text)
	}
	upos, xpos, lemmas, heads, rels := a.annotateWords(sc, sc.words)
	for i := range s.Tokens {
		t := &s.Tokens[i]
		t.UPOS, t.XPOS, t.Lemma, t.Head, t.DepRel = upos[i], xpos[i], lemmas[i], heads[i], rels[i]
	}
	return nil
}

// Analysis is the annotation of a list of words.
type Analysis struct {
	UPOS, XPOS, Lemma []string
	Head              []int // 1-based, 0 for the root
	DepRel            []string
}

// AnnotateWords annotates a sentence given as words.
func (a *Annotator) AnnotateWords(words []string) Analysis {
	sc := a.scratch.Get().(*scratch)
	defer a.scratch.Put(sc)
	upos, xpos, lemmas, heads, rels := a.annotateWords(sc, words)
	return Analysis{UPOS: clone(upos), XPOS: clone(xpos), Lemma: clone(lemmas), Head: clone(heads), DepRel: clone(rels)}
}

func clone[T any](s []T) []T {
	return append([]T(nil), s...)
}

// annotateWords returns slices of the scratch buffers.
func (a *Annotator) annotateWords(sc *scratch, words []string) (upos, xpos, lemmas []string, heads []int, rels []string) {
	n := len(words)
	if n == 0 {
		return nil, nil, nil, nil, nil
	}
	if cap(sc.tags) < n {
		sc.tags, sc.heads = make([]int, n), make([]int, n)
		sc.upos, sc.xpos, sc.lemmas, sc.rels = make([]string, n), make([]string, n), make([]string, n), make([]string, n)
	}
	tags := sc.tags[:n]
	upos, xpos, lemmas, heads, rels = sc.upos[:n], sc.xpos[:n], sc.lemmas[:n], sc.heads[:n], sc.rels[:n]
	a.Tagger.Tag(words, tags, &sc.tag)
	for i, t := range tags {
		upos[i], xpos[i] = a.Tagger.TagName(t)
		lemmas[i] = a.Lemmatizer.Lemma(words[i], xpos[i])
	}
	a.Parser.Parse(depparse.Sentence{Words: words, UPOS: upos, XPOS: xpos}, heads, rels, &sc.parse)
	return upos, xpos, lemmas, heads, rels
}

// AnnotateAll annotates the sentences in order, checking ctx between
// sentences.
func (a *Annotator) AnnotateAll(ctx context.Context, sentences []extract.Sentence) error {
	for i := range sentences {
		if err := a.Annotate(ctx, &sentences[i]); err != nil {
			return err
		}
	}
	return nil
}
