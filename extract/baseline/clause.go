package baseline

import (
	"strings"

	"github.com/factgraph/factgraph/extract"
	"github.com/factgraph/factgraph/schema"
)

// clauseVerbs maps inflected forms of the verbs the clause pattern knows to
// their lemma; the tagger's lemma is used when it is there.
var clauseVerbs = func() map[string]string {
	m := map[string]string{}
	irregular := map[string][]string{
		"meet": {"met"}, "speak": {"spoke", "spoken"}, "withdraw": {"withdrew", "withdrawn"},
		"tell": {"told"}, "strike": {"struck"}, "sell": {"sold"}, "buy": {"bought"},
		"lead": {"led"}, "hold": {"held"}, "win": {"won"}, "beat": {"beaten"},
	}
	for lemma := range lemmaVerbs() {
		m[lemma] = lemma
		base := strings.TrimSuffix(lemma, "e")
		switch {
		case strings.HasSuffix(lemma, "y") && !strings.HasSuffix(lemma, "ay") && !strings.HasSuffix(lemma, "ey"):
			stem := lemma[:len(lemma)-1]
			m[stem+"ies"], m[stem+"ied"] = lemma, lemma
		case strings.HasSuffix(lemma, "e"):
			m[lemma+"s"], m[lemma+"d"], m[base+"ing"] = lemma, lemma, lemma
		default:
			m[lemma+"s"], m[lemma+"ed"], m[lemma+"ing"] = lemma, lemma, lemma
			if strings.HasSuffix(lemma, "s") || strings.HasSuffix(lemma, "sh") || strings.HasSuffix(lemma, "ch") {
				m[lemma+"es"] = lemma
			}
		}
		for _, f := range irregular[lemma] {
			m[f] = lemma
		}
	}
	return m
}()

// lemmaVerbs lists the single-word verbs of the relation vocabulary.
func lemmaVerbs() map[string]bool {
	out := map[string]bool{}
	for _, v := range []string{
		"invite", "urge", "offer", "propose", "summon", "meet", "call", "visit", "support", "praise",
		"endorse", "favor", "help", "investigate", "criticize", "criticise", "condemn", "slam", "attack",
		"insult", "blame", "accuse", "reject", "dismiss", "threaten", "warn", "recall", "withdraw",
		"expel", "sanction", "ban", "influence", "kill", "poison", "strike", "defeat", "beat",
		"appoint", "nominate", "elect", "sue", "acquire", "buy", "sell", "hire", "fire", "lead",
		"join", "back", "oppose", "describe", "welcome", "thank", "contact", "phone", "telephone",
	} {
		out[v] = true
	}
	return out
}

var negators = map[string]bool{"not": true, "n't": true, "never": true}

// entityTypes that can be clause arguments.
var argTypes = map[string]bool{"PERSON": true, "ORG": true, "GPE": true, "LOC": true, "NORP": true}

// clauseFacts finds MENTION [aux/adverbs] VERB [modifiers] MENTION outside
// quotations.
func (d *doc) clauseFacts() []extract.Fact {
	var out []extract.Fact
	for mi := range d.mentions {
		subj := &d.mentions[mi]
		if !argTypes[subj.Type] {
			continue
		}
		i := d.firstTokenAt(subj.End)
		if i >= len(d.toks) || d.inQuote[i] {
			continue
		}
		sent := d.toks[i].s
		negated := false
		v := -1
		for k := i; k < len(d.toks) && k < i+4 && d.toks[k].s == sent; k++ {
			t := d.tok(k)
			w := lower(t.Text)
			if negators[w] {
				negated = true
				continue
			}
			lemma := t.Lemma
			if lemma == "" || t.UPOS != "VERB" {
				lemma = clauseVerbs[w]
			}
			if lemma != "" && clauseVerbs[lemma] != "" {
				v = k
				break
			}
			if skipAdverbs[w] || w == "did" || w == "does" || w == "do" || w == "will" || w == "would" || w == "was" || w == "is" {
				continue
			}
			break
		}
		if v < 0 {
			continue
		}
		// The object: the next argument mention within a few words.
		vt := d.tok(v)
		for oj := mi + 1; oj < len(d.mentions); oj++ {
			obj := &d.mentions[oj]
			if obj.Start < vt.End {
				continue
			}
			gap := d.a.Doc.Text[vt.End:obj.Start]
			if len(strings.Fields(gap)) > 4 || strings.ContainsAny(gap, ",;:.“”\"") {
				break
			}
			if !argTypes[obj.Type] {
				break
			}
			lemma := vt.Lemma
			if lemma == "" || clauseVerbs[lemma] == "" {
				lemma = clauseVerbs[lower(vt.Text)]
			}
			out = append(out, extract.Fact{
				Sentence:   sent,
				Subject:    extract.Arg{Text: subj.Text, Type: subj.Type, Start: subj.Start, End: subj.End},
				Predicate:  lemma,
				Relation:   schema.ClassifyPredicate(lemma),
				Object:     extract.Arg{Text: obj.Text, Type: obj.Type, Start: obj.Start, End: obj.End},
				Negated:    negated,
				Confidence: 0.5,
				Extractor:  Name,
			})
			break
		}
	}
	return out
}
