// Package pipeline runs the extraction stages over documents: segmentation,
// tagging and parsing, entity recognition, fact extraction and entity
// resolution. Each stage is an interface defined here, at its consumer, so
// that a better component replaces a stage without touching the others or
// the graph layer.
package pipeline

import (
	"context"
	"fmt"
	"iter"
	"runtime"
	"sync"

	"github.com/factgraph/factgraph/extract"
)

// Tokenizer segments a text into sentences of tokens with byte offsets.
type Tokenizer interface {
	Split(text string) []extract.Sentence
}

// Annotator fills the part-of-speech tags, lemmas and dependency parse of
// a sentence's tokens in place.
type Annotator interface {
	Annotate(ctx context.Context, s *extract.Sentence) error
}

// Recognizer finds entity mentions: it sets Token.NER and appends to
// a.Mentions.
type Recognizer interface {
	Recognize(ctx context.Context, a *extract.Analysis) error
}

// Extractor reads facts from an analysed document.
type Extractor interface {
	Extract(ctx context.Context, a *extract.Analysis) ([]extract.Fact, error)
}

// Resolver groups mentions into entities and points fact arguments at them:
// it fills res.Entities and the Entity keys of mentions and arguments.
type Resolver interface {
	Resolve(ctx context.Context, res *extract.Result) error
}

// Pipeline is the extraction pipeline. Tokenizer, Extractor and Resolver are
// required; Annotator and Recognizer may be nil.
type Pipeline struct {
	Tokenizer  Tokenizer
	Annotator  Annotator
	Recognizer Recognizer
	// RepairMentions, when set, corrects the recognizer's mentions (names
	// run together with a title or a place) before facts are read.
	RepairMentions func(res *extract.Result)
	Extractor      Extractor
	Resolver       Resolver
	// Furniture, when set, marks sentences that are page furniture; they
	// are kept (offsets stay true) but yield no facts.
	Furniture func(sentence string) bool
}

// Process runs every stage on one document.
func (p *Pipeline) Process(ctx context.Context, doc *extract.Document) (*extract.Result, error) {
	res := &extract.Result{}
	res.Doc = doc
	res.Sentences = p.Tokenizer.Split(doc.Text)
	for i := range res.Sentences {
		s := &res.Sentences[i]
		if p.Furniture != nil && p.Furniture(s.Text) {
			s.Furniture = true
		}
	}
	if p.Annotator != nil {
		for i := range res.Sentences {
			if i%64 == 0 {
				if err := ctx.Err(); err != nil {
					return nil, err
				}
			}
			if err := p.Annotator.Annotate(ctx, &res.Sentences[i]); err != nil {
				return nil, fmt.Errorf("%s: annotate sentence %d: %w", doc.ID, i, err)
			}
		}
	}
	if p.Recognizer != nil {
		if err := p.Recognizer.Recognize(ctx, &res.Analysis); err != nil {
			return nil, fmt.Errorf("%s: recognize entities: %w", doc.ID, err)
		}
	}
	if p.RepairMentions != nil {
		p.RepairMentions(res)
	}
	facts, err := p.Extractor.Extract(ctx, &res.Analysis)
	if err != nil {
		return nil, fmt.Errorf("%s: extract facts: %w", doc.ID, err)
	}
	res.Facts = facts
	if err := p.Resolver.Resolve(ctx, res); err != nil {
		return nil, fmt.Errorf("%s: resolve entities: %w", doc.ID, err)
	}
	return res, nil
}

// Handlers receive what Run produces. Result is called in input order from
// one goroutine; returning an error stops the run. Problem receives inputs
// that were skipped (unreadable, malformed, failing extraction) and may be nil.
type Handlers struct {
	Result  func(*extract.Result) error
	Problem func(error)
}

// Run processes docs on workers goroutines (≤ 0 means GOMAXPROCS) and hands
// the results to h in input order. A document whose extraction fails is
// reported to h.Problem and skipped; the run goes on.
func (p *Pipeline) Run(ctx context.Context, docs iter.Seq2[*extract.Document, error], workers int, h Handlers) error {
	if workers <= 0 {
		workers = runtime.GOMAXPROCS(0)
	}
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()

	type job struct {
		seq int
		doc *extract.Document
		err error // a reading problem, passed through in order
	}
	type done struct {
		seq int
		res *extract.Result
		err error
	}
	jobs := make(chan job)
	results := make(chan done, workers)
	var wg sync.WaitGroup
	for w := 0; w < workers; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for j := range jobs {
				d := done{seq: j.seq, err: j.err}
				if j.err == nil {
					d.res, d.err = p.Process(ctx, j.doc)
				}
				select {
				case results <- d:
				case <-ctx.Done():
					return
				}
			}
		}()
	}
	go func() {
		defer close(jobs)
		seq := 0
		for doc, err := range docs {
			select {
			case jobs <- job{seq: seq, doc: doc, err: err}:
				seq++
			case <-ctx.Done():
				return
			}
			if ctx.Err() != nil {
				return
			}
		}
	}()
	go func() {
		wg.Wait()
		close(results)
	}()

	// Reorder: hold results until every earlier one has been handed out.
	pending := map[int]done{}
	next := 0
	var firstErr error
	for d := range results {
		pending[d.seq] = d
		for {
			r, ok := pending[next]
			if !ok {
				break
			}
			delete(pending, next)
			next++
			if firstErr != nil {
				continue
			}
			switch {
			case r.err != nil:
				if ctx.Err() != nil {
					continue
				}
				if h.Problem != nil {
					h.Problem(r.err)
				}
			default:
				if err := h.Result(r.res); err != nil {
					firstErr = err
					cancel()
				}
			}
		}
	}
	if firstErr != nil {
		return firstErr
	}
	return ctx.Err()
}
