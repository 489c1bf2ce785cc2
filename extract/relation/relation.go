// Package relation is factgraph's dependency-based fact extractor. It reads
// each sentence's parse and its entity mentions and emits the facts a reader
// would list:
//
//   - clauses of every type (SV, SVO, SVC, SVA, SVOO, SVOC, SVOA) from main,
//     subordinate, relative and participial clauses, with subjects inherited
//     through coordination, control ("wanted to work with Moscow") and
//     relative pronouns; passives with and without an agent ("Antonov was
//     invited to Moscow" → invite(?, Antonov), destination Moscow);
//     coordinated subjects and objects split into separate facts;
//   - complements as qualifiers ("called Putin a killer", "described the
//     statements as inadmissible" → complement);
//   - prepositional and adverbial arguments as typed qualifiers (recipient,
//     destination, topic, partner, instrument, source, time, place), times
//     normalised to dates through the recognizer's DATE values;
//   - attribution: direct quotes in every style (from package baseline), with
//     the facts inside them attributed to the speaker; reported speech
//     ("Peskov said that …", "according to …") as a statement whose object
//     is the reported text, the facts it asserts attributed to the speaker;
//   - nominal relations: titles and appositions (ner.Roles) as role facts;
//   - polarity and modality: negation, modals, hedges and intent as
//     qualifiers; questions and conditional clauses are not asserted.
//
// OpenIE renders the same clauses as CaRB tuples (relation phrase and
// arguments as written) for evaluation.
package relation

import (
	"context"
	"fmt"
	"sort"
	"strings"

	"github.com/factgraph/factgraph/extract"
	"github.com/factgraph/factgraph/extract/baseline"
	"github.com/factgraph/factgraph/extract/ner"
	"github.com/factgraph/factgraph/extract/nlp"
	"github.com/factgraph/factgraph/extract/pronoun"
	"github.com/factgraph/factgraph/schema"
)

// Name identifies facts from this extractor.
const Name = "relation"

// Annotator parses a sentence in place (package nlp's Annotator is one).
type Annotator interface {
	Annotate(ctx context.Context, s *extract.Sentence) error
}

// Extractor is the dependency-based extractor. The zero value extracts
// from sentences that arrive parsed; with Annotator set it parses the
// sentences that arrive unparsed (on a copy: the analysis is not changed).
// Sentences that stay unparsed get the baseline's clause patterns. It is
// safe for concurrent use.
type Extractor struct {
	Annotator Annotator
	// Parse, when Annotator is nil, parses unparsed sentences with the
	// shipped models (nlp.Default).
	Parse bool
	// LiteralSubjects keeps facts whose subject is not an entity mention
	// ("the statements", "?" for an agentless passive). They are off by
	// default: N-Quads forbids literal subjects, and the graph writes a
	// fact's subject as a node.
	LiteralSubjects bool
	// NoRoles turns off the role facts read from titles and appositions.
	NoRoles bool
}

// Extract implements the pipeline's Extractor.
func (e Extractor) Extract(ctx context.Context, a *extract.Analysis) ([]extract.Fact, error) {
	base, err := baseline.Extractor{}.Extract(ctx, a)
	if err != nil {
		return nil, fmt.Errorf("relation: quotes: %w", err)
	}
	ann := e.Annotator
	if ann == nil && e.Parse {
		def, err := nlp.Default()
		if err != nil {
			return nil, fmt.Errorf("relation: %w", err)
		}
		ann = def
	}
	d := &docView{a: a}
	d.mentions = append([]extract.Mention(nil), a.Mentions...)
	sort.SliceStable(d.mentions, func(i, j int) bool { return d.mentions[i].Start < d.mentions[j].Start })

	var facts []extract.Fact
	parsed := make([]bool, len(a.Sentences))
	trees := make([]*tree, len(a.Sentences))
	for si := range a.Sentences {
		if si%64 == 0 {
			if err := ctx.Err(); err != nil {
				return nil, err
			}
		}
		s := &a.Sentences[si]
		if s.Furniture || len(s.Tokens) == 0 {
			continue
		}
		toks := s.Tokens
		if !isParsed(toks) && ann != nil {
			cp := *s
			cp.Tokens = append([]extract.Token(nil), s.Tokens...)
			if err := ann.Annotate(ctx, &cp); err != nil {
				return nil, fmt.Errorf("relation: parse sentence %d: %w", si, err)
			}
			toks = cp.Tokens
		}
		if t, ok := newTree(toks); ok {
			trees[si] = t
			parsed[si] = true
		}
	}
	// Direct quotes: the baseline's, kept whole.
	for _, f := range base {
		if f.Qualifiers["quote"] != "" {
			f.Extractor = Name
			d.quotes = append(d.quotes, f)
			facts = append(facts, f)
		} else if f.Sentence >= 0 && f.Sentence < len(parsed) && !parsed[f.Sentence] {
			facts = append(facts, f) // the baseline's clause pattern, for unparsed sentences
		}
	}
	var roles []ner.Role
	if len(a.Mentions) > 0 {
		roles, err = ner.Roles(a)
		if err != nil {
			return nil, fmt.Errorf("relation: roles: %w", err)
		}
		d.roles = roles
	}
	d.collectRoles(trees)
	for si, t := range trees {
		if t == nil {
			continue
		}
		for _, f := range d.sentenceFacts(si, t) {
			if f.Subject.Type == "" && !e.LiteralSubjects && !(f.Subject.Text == "?" && f.Object.Type != "") {
				// Literal subjects are dropped; an agentless passive about
				// a named thing ("Antonov was invited to Moscow" →
				// invite(?, Antonov)) is kept.
				continue
			}
			facts = append(facts, f)
		}
	}
	if !e.NoRoles && len(a.Mentions) > 0 {
		facts = append(facts, roleFacts(a, roles)...)
	}
	for i := range facts {
		if facts[i].Relation == "" {
			facts[i].Relation = schema.ClassifyPredicate(facts[i].Predicate)
		}
	}
	return dedupeFacts(facts), nil
}

func isParsed(toks []extract.Token) bool {
	for i := range toks {
		if toks[i].Head < 0 || toks[i].DepRel == "" {
			return false
		}
	}
	return true
}

// docView is the per-call state of Extract.
type docView struct {
	a        *extract.Analysis
	mentions []extract.Mention // sorted by start
	quotes   []extract.Fact
	roles    []ner.Role // titles of the PERSON mentions
	// speakerOf is the current sentence's reported-speech speaker by token.
	speakerOf []*extract.Arg
	// known are the document's people with a role noun and its owner;
	// nominal the role facts of noun phrases, by sentence.
	known   []knownRole
	nominal [][]nominalFact
	// pron finds the antecedents of he and she, made on first use (after
	// the quotes are known).
	pron *pronoun.Finder
}

// roleFacts turns titles into facts: Peskov –role→ Kremlin with the title.
func roleFacts(a *extract.Analysis, roles []ner.Role) []extract.Fact {
	var out []extract.Fact
	for _, r := range roles {
		if !r.HasOf() || r.Title == "" {
			continue
		}
		title := strings.ToLower(strings.Join(strings.Fields(r.Title), " "))
		out = append(out, extract.Fact{
			Sentence:   r.Person.Sentence,
			Subject:    extract.Arg{Text: r.Person.Text, Type: r.Person.Type, Start: r.Person.Start, End: r.Person.End},
			Predicate:  title + " of",
			Relation:   "role",
			Object:     asCountry(extract.Arg{Text: r.Of.Text, Type: r.Of.Type, Start: r.Of.Start, End: r.Of.End}, r.Of.Value),
			Qualifiers: map[string]string{"title": r.Title},
			Confidence: 0.8,
			Extractor:  Name,
		})
	}
	return out
}

func dedupeFacts(fs []extract.Fact) []extract.Fact {
	seen := map[string]bool{}
	out := fs[:0]
	for _, f := range fs {
		k := fmt.Sprint(f.Sentence, "|", f.Subject.Text, "|", f.Predicate, "|", f.Object.Text, "|", f.Negated, "|", f.Attributed)
		if seen[k] {
			continue
		}
		seen[k] = true
		out = append(out, f)
	}
	return out
}
