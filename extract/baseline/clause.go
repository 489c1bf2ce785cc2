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
		"join", "oppose", "describe", "welcome", "thank", "contact", "phone", "telephone",
	} {
		out[v] = true
	}
	return out
}

// passiveAux marks a passive or copular verb group.
var passiveAux = map[string]bool{"was": true, "were": true, "is": true, "are": true, "been": true, "being": true, "be": true}

// objectGap reports whether the words between a verb and an object mention
// can belong to the object's noun phrase: at most two words, determiners,
// possessives or title words, and no punctuation or preposition.
func objectGap(gap string) bool {
	if strings.ContainsAny(gap, ",;:.“”\"()") {
		return false
	}
	words := strings.Fields(gap)
	if len(words) > 2 {
		return false
	}
	for _, w := range words {
		if npStop[strings.ToLower(w)] {
			return false
		}
	}
	return true
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
			if passiveAux[w] {
				// "Antonov was invited to Moscow": a passive, whose subject is
				// not the agent; the dependency extractor handles it.
				v = -1
				break
			}
			if skipAdverbs[w] || w == "did" || w == "does" || w == "do" || w == "will" || w == "would" {
				continue
			}
			break
		}
		if v < 0 || passiveAux[lower(d.tok(max(v-1, 0)).Text)] {
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
			if !objectGap(gap) {
				break
			}
			if !argTypes[obj.Type] {
				break
			}
			if obj.Type == "NORP" && oj+1 < len(d.mentions) {
				// "Russian ruler Vladimir Putin": the person, not the adjective.
				next := &d.mentions[oj+1]
				if objectGap(d.a.Doc.Text[obj.End:next.Start]) && (next.Type == "PERSON" || next.Type == "ORG") {
					obj = next
				}
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
