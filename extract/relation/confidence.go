package relation

import (
	"math"
	"strings"
)

// The confidence of an extraction is a logistic regression over the
// features below, learned on CaRB dev by `factgraph train
// confidence` (see confidence_weights.go, which that command
// writes). The model predicts how well the extraction matches the gold
// tuples a reader listed (CaRB's token-overlap precision of its best
// match), so that ranking by confidence puts the reliable extractions
// first.

// Feature indices of the confidence model.
const (
	fBias = iota
	// What produced the tuple.
	fKindCopula     // a copular clause (X is Y)
	fKindPrepArg2   // no object: the first prepositional argument is arg2
	fKindClauseArg2 // the object is a clause (said that …)
	fKindAppos      // an apposition
	fKindTitle      // a title before a name
	fKindPossessive // a possessive (X 's Y → X has Y)
	// How the clause is attached.
	fVerbRoot
	fVerbConj
	fVerbAdvcl
	fVerbRelcl
	fVerbAcl
	fVerbCcomp
	fVerbXcomp
	fVerbParataxis
	fVerbGerund     // a present participle (VBG)
	fVerbBareVBN    // a past participle without auxiliary
	fImplicitSubj   // subject inherited (coordination, control, relative clause)
	fModifiedSubj   // subject is the noun a relative or participial clause modifies
	fPassive        // passive voice
	fAgentless      // passive without an agent, the patient as subject
	fNegated        // negation
	fModal          // a modal verb
	fQuestionOrCond // question or conditional
	fSpeech         // a speech or cognition verb
	fChain          // a control chain (wanted to …)
	// Arguments.
	fArgs3        // three arguments
	fArgs4        // four or more
	fSubjLen      // log(1 + tokens) of arg1
	fArg2Len      // log(1 + tokens) of arg2
	fRestLen      // log(1 + tokens) of the arguments after arg2
	fRelLen       // log(1 + tokens) of the relation
	fSubjPronoun  // arg1 is a personal pronoun
	fSubjRelative // arg1 is a relative pronoun (who, which, that)
	fSubjDemonstr // arg1 is a demonstrative or expletive (this, that, it, there)
	fArg2Pronoun  // arg2 is a pronoun
	fSubjADP      // arg1 starts with a preposition or conjunction (a bad parse)
	fArg2ADP      // arg2 starts with a preposition
	fSubjGap      // arg1 is not contiguous
	fArg2Gap      // arg2 is not contiguous
	fArg2HasVerb  // arg2 holds a verb
	fArg2Proper   // arg2's head is a proper noun
	fSubjProper   // arg1's head is a proper noun
	fArg2BeforeVerb
	fSentLen     // log(1 + tokens) of the sentence
	fSentClauses // log(1 + clauses) of the sentence
	fSubjComma   // arg1 holds a comma
	fArg2Comma   // arg2 holds a comma
	// Lengths in bins (the effect of length is not linear).
	fArg2Len1   // arg2 is one token
	fArg2Len7   // arg2 has 7 to 12 tokens
	fArg2Len13  // arg2 has 13 or more
	fSubjLen5   // arg1 has 5 to 8 tokens
	fSubjLen9   // arg1 has 9 or more
	fSent30     // the sentence has 30 to 44 tokens
	fSent45     // the sentence has 45 or more
	fRelIsBe    // the relation is a form of be alone
	fRelHasPrep // the relation ends with a preposition
	// Heads.
	fSubjHeadNoun  // arg1's head is a common noun
	fSubjHeadNum   // arg1's head is a number
	fSubjHeadOther // arg1's head is not a noun, pronoun or number
	fArg2HeadAdj   // arg2's head is an adjective
	fArg2HeadNum   // arg2's head is a number
	fArg2HeadOther // arg2's head is not a noun, pronoun, adjective, number or verb
	fVerbPast      // the verb is in the past tense (VBD)
	fVerbPresent   // the verb is in the present tense (VBZ, VBP)
	fVerbBase      // the verb is a base form (VB)
	fSplitSubj     // arg1 is one of coordinated subjects
	fSplitObj      // arg2 is one of coordinated objects
	fPrepOf        // arg2 is introduced by "of"
	fPrepIn        // … "in", "at" or "on"
	fPrepTo        // … "to", "into" or "for"
	fPrepOther     // … another preposition
	fKindAdjective // an adjective on a noun (a gaping loophole → is gaping)
	fKindNounPrep  // a prepositional modifier of a noun (the hall in Glasgow → is in)
	// The tuple among the sentence's others.
	fNested      // its arguments' words all lie inside one argument of a clause tuple
	fSameRelSubj // another tuple has the same relation and arg1
	fSentTuples  // log(1 + tuples) of the sentence
	fCoverage    // share of the sentence's words in the tuple
	fDepth       // log(1 + clause depth) of the verb
	// Nominal tuples (interactions with the kind).
	fNomArg1Proper
	fNomArg2Proper
	fNomArg2Len1
	fNomArg1Len1
	fUnbalanced  // arg1 or arg2 opens a quotation or bracket it does not close, or closes one it did not open
	fSubjHasVerb // arg1 holds a verb
	nFeatures
)

// FeatureNames names the confidence model's features, in order.
func FeatureNames() []string {
	return []string{
		"bias",
		"kind=copula", "kind=prep-arg2", "kind=clause-arg2", "kind=apposition", "kind=title", "kind=possessive",
		"verb=root", "verb=conj", "verb=advcl", "verb=relcl", "verb=acl", "verb=ccomp", "verb=xcomp", "verb=parataxis",
		"verb=gerund", "verb=bare-participle", "subject=implicit", "subject=modified-noun", "passive", "agentless",
		"negated", "modal", "question-or-conditional", "speech-verb", "control-chain",
		"args=3", "args>=4", "log-len(arg1)", "log-len(arg2)", "log-len(rest)", "log-len(relation)",
		"arg1=pronoun", "arg1=relative-pronoun", "arg1=demonstrative", "arg2=pronoun", "arg1-starts-ADP", "arg2-starts-ADP",
		"arg1-gap", "arg2-gap", "arg2-has-verb", "arg2-proper", "arg1-proper", "arg2-before-verb",
		"log-len(sentence)", "log-clauses(sentence)", "arg1-comma", "arg2-comma",
		"len(arg2)=1", "len(arg2)=7-12", "len(arg2)>=13", "len(arg1)=5-8", "len(arg1)>=9", "len(sentence)=30-44", "len(sentence)>=45",
		"relation=be", "relation-ends-with-preposition",
		"arg1-head=noun", "arg1-head=number", "arg1-head=other", "arg2-head=adjective", "arg2-head=number", "arg2-head=other",
		"verb=past", "verb=present", "verb=base", "arg1=split-conjunct", "arg2=split-conjunct",
		"prep=of", "prep=in/at/on", "prep=to/into/for", "prep=other", "kind=adjective",
		"kind=noun-preposition",
		"nested", "same-relation-and-arg1", "log-tuples(sentence)", "coverage", "log-depth(verb)",
		"nominal×arg1-proper", "nominal×arg2-proper", "nominal×len(arg2)=1", "nominal×len(arg1)=1",
		"unbalanced-quote-or-bracket", "arg1-has-verb",
	}
}

func logLen(n int) float64 { return math.Log1p(float64(n)) }

// score turns features into a confidence with the shipped weights.
func score(x []float64) float64 {
	w := confidenceWeights()
	return Probability(w[:], x)
}

// Probability is the logistic model's output for features x and weights w.
func Probability(w, x []float64) float64 {
	z := 0.0
	for i, v := range x {
		if i < len(w) {
			z += w[i] * v
		}
	}
	return 1 / (1 + math.Exp(-z))
}

func b2f(b bool) float64 {
	if b {
		return 1
	}
	return 0
}

// commonFeatures fills the features about the arguments' tokens.
func (t *tree) commonFeatures(x []float64, subj, arg2 []int) {
	subj, arg2 = t.withPunct(subj), t.withPunct(arg2)
	x[fBias] = 1
	n1, n2, ns := len(subj), len(arg2), len(t.toks)
	x[fArg2Len1] = b2f(n2 == 1)
	x[fArg2Len7] = b2f(n2 >= 7 && n2 < 13)
	x[fArg2Len13] = b2f(n2 >= 13)
	x[fSubjLen5] = b2f(n1 >= 5 && n1 < 9)
	x[fSubjLen9] = b2f(n1 >= 9)
	x[fSent30] = b2f(ns >= 30 && ns < 45)
	x[fSent45] = b2f(ns >= 45)
	x[fSubjLen] = logLen(len(subj))
	x[fArg2Len] = logLen(len(arg2))
	x[fSentLen] = logLen(len(t.toks))
	if len(subj) > 0 {
		h := t.headOf(subj)
		x[fSubjPronoun] = b2f(t.toks[h].UPOS == "PRON" && !t.isRelPronoun(h) && !demonstratives[t.lower(h)])
		x[fSubjRelative] = b2f(len(subj) == 1 && t.isRelPronoun(h) && t.lower(h) != "that")
		x[fSubjDemonstr] = b2f(len(subj) == 1 && demonstratives[t.lower(h)])
		x[fSubjADP] = b2f(t.toks[subj[0]].UPOS == "ADP" || t.toks[subj[0]].UPOS == "CCONJ" || t.toks[subj[0]].UPOS == "SCONJ")
		x[fSubjGap] = b2f(subj[len(subj)-1]-subj[0]+1 > len(subj))
		x[fSubjProper] = b2f(t.toks[h].UPOS == "PROPN")
		x[fSubjComma] = b2f(t.hasComma(subj))
		switch t.toks[h].UPOS {
		case "NOUN":
			x[fSubjHeadNoun] = 1
		case "NUM":
			x[fSubjHeadNum] = 1
		case "PROPN", "PRON":
		default:
			x[fSubjHeadOther] = 1
		}
	}
	x[fUnbalanced] = b2f(t.unbalanced(subj) || t.unbalanced(arg2))
	for _, k := range subj {
		if t.toks[k].UPOS == "VERB" {
			x[fSubjHasVerb] = 1
			break
		}
	}
	if len(arg2) > 0 {
		h := t.headOf(arg2)
		x[fArg2Pronoun] = b2f(t.toks[h].UPOS == "PRON")
		x[fArg2ADP] = b2f(t.toks[arg2[0]].UPOS == "ADP")
		x[fArg2Gap] = b2f(arg2[len(arg2)-1]-arg2[0]+1 > len(arg2))
		x[fArg2Proper] = b2f(t.toks[h].UPOS == "PROPN")
		x[fArg2Comma] = b2f(t.hasComma(arg2))
		switch t.toks[h].UPOS {
		case "ADJ":
			x[fArg2HeadAdj] = 1
		case "NUM":
			x[fArg2HeadNum] = 1
		case "NOUN", "PROPN", "PRON", "VERB":
		default:
			x[fArg2HeadOther] = 1
		}
		for _, k := range arg2 {
			if t.toks[k].UPOS == "VERB" {
				x[fArg2HasVerb] = 1
				break
			}
		}
	}
}

var demonstratives = map[string]bool{"this": true, "that": true, "these": true, "those": true, "it": true, "there": true}

// headOf is the token of idx whose head lies outside idx.
func (t *tree) headOf(idx []int) int {
	for _, i := range idx {
		if h := t.head[i]; h < 0 || !inSorted(idx, h) {
			return i
		}
	}
	return idx[0]
}

func (t *tree) hasComma(idx []int) bool {
	for _, k := range idx {
		if t.toks[k].Text == "," {
			return true
		}
	}
	return false
}

// nominalFeatures are the features of a tuple read from a noun phrase.
func (t *tree) nominalFeatures(kind int, a1, a2 []int) []float64 {
	x := make([]float64, nFeatures)
	t.commonFeatures(x, a1, a2)
	x[kind] = 1
	x[fRelLen] = logLen(1)
	x[fNomArg1Proper] = x[fSubjProper]
	x[fNomArg2Proper] = x[fArg2Proper]
	x[fNomArg2Len1] = x[fArg2Len1]
	x[fNomArg1Len1] = b2f(len(a1) == 1)
	return x
}

// clauseFeatures are the features of a tuple read from clause c.
func (t *tree) clauseFeatures(c *clause, subj, arg2 []int, rest int, nargs int, rel string, arg2Kind string, nclauses int) []float64 {
	x := make([]float64, nFeatures)
	t.commonFeatures(x, subj, arg2)
	verbs := append(append([]int(nil), c.chain...), c.verb)
	outer := verbs[0]
	switch {
	case c.copula >= 0:
		x[fKindCopula] = 1
	case arg2Kind == "ccomp":
		x[fKindClauseArg2] = 1
	case arg2Kind != "obj":
		x[fKindPrepArg2] = 1
	}
	switch r := t.rel[outer]; {
	case t.head[outer] < 0:
		x[fVerbRoot] = 1
	case base(r) == "conj":
		x[fVerbConj] = 1
	case base(r) == "advcl":
		x[fVerbAdvcl] = 1
	case r == "acl:relcl":
		x[fVerbRelcl] = 1
	case base(r) == "acl":
		x[fVerbAcl] = 1
	case base(r) == "ccomp":
		x[fVerbCcomp] = 1
	case base(r) == "xcomp":
		x[fVerbXcomp] = 1
	case base(r) == "parataxis":
		x[fVerbParataxis] = 1
	}
	x[fVerbGerund] = b2f(t.toks[c.verb].XPOS == "VBG" && t.child(c.verb, "aux") < 0)
	x[fVerbBareVBN] = b2f(t.toks[c.verb].XPOS == "VBN" && t.child(c.verb, "aux") < 0 && t.child(c.verb, "aux:pass") < 0)
	x[fImplicitSubj] = b2f(c.implicit)
	x[fModifiedSubj] = b2f(len(c.subj) > 0 && t.dominates(c.subj[0], outer) || c.patient >= 0 && len(c.subj) == 0)
	x[fPassive] = b2f(c.passive)
	agent := false
	for _, a := range c.args {
		if a.kind == "agent" {
			agent = true
		}
	}
	x[fAgentless] = b2f(c.passive && !agent)
	x[fNegated] = b2f(c.neg)
	x[fModal] = b2f(c.modal != "")
	x[fQuestionOrCond] = b2f(c.question || c.cond)
	x[fSpeech] = b2f(speechLemmas[t.lemma(c.verb)])
	x[fChain] = b2f(len(c.chain) > 0)
	x[fArgs3] = b2f(nargs == 3)
	x[fArgs4] = b2f(nargs >= 4)
	x[fRestLen] = logLen(rest)
	relationFeatures(x, rel)
	switch t.toks[c.verb].XPOS {
	case "VBD":
		x[fVerbPast] = 1
	case "VBZ", "VBP":
		x[fVerbPresent] = 1
	case "VB":
		x[fVerbBase] = 1
	}
	x[fSplitSubj] = b2f(len(c.subj) > 1)
	if len(arg2) > 0 {
		h := t.headOf(arg2)
		x[fSplitObj] = b2f(base(t.rel[h]) == "conj" || t.child(h, "conj") >= 0)
	}
	if len(arg2) > 0 {
		x[fArg2BeforeVerb] = b2f(arg2[0] < c.verb)
	}
	x[fSentClauses] = logLen(nclauses)
	depth := 0
	for j := t.head[outer]; j >= 0 && depth < len(t.toks); j = t.head[j] {
		if t.isPredicate(j) {
			depth++
		}
	}
	x[fDepth] = logLen(depth)
	return x
}

// sentenceFeatures fills the features that compare each tuple of a
// sentence with the others.
func sentenceFeatures(ts []Tuple, nwords int) {
	words := make([][]string, len(ts))
	args := make([][][]string, len(ts))
	for i := range ts {
		words[i] = strings.Fields(ts[i].Relation)
		for _, a := range ts[i].Args {
			f := strings.Fields(a)
			words[i] = append(words[i], f...)
			args[i] = append(args[i], f)
		}
	}
	for i := range ts {
		x := ts[i].Features
		x[fSentTuples] = logLen(len(ts))
		if nwords > 0 {
			x[fCoverage] = math.Min(1, float64(len(words[i]))/float64(nwords))
		}
		nominal := x[fKindAppos]+x[fKindTitle]+x[fKindPossessive]+x[fKindAdjective]+x[fKindNounPrep] > 0
		for j := range ts {
			if j == i {
				continue
			}
			if ts[j].Relation == ts[i].Relation && len(ts[j].Args) > 0 && len(ts[i].Args) > 0 && ts[j].Args[0] == ts[i].Args[0] {
				x[fSameRelSubj] = 1
			}
			y := ts[j].Features
			if !nominal || y[fKindAppos]+y[fKindTitle]+y[fKindPossessive]+y[fKindAdjective]+y[fKindNounPrep] > 0 {
				continue
			}
			for _, a := range args[j] {
				if containsAll(a, args[i]) {
					x[fNested] = 1
				}
			}
		}
	}
}

// containsAll reports whether every word of the phrases is in words.
func containsAll(words []string, phrases [][]string) bool {
	for _, p := range phrases {
		for _, w := range p {
			found := false
			for _, v := range words {
				if v == w {
					found = true
					break
				}
			}
			if !found {
				return false
			}
		}
	}
	return true
}

// relationFeatures fills the features of the relation phrase: its length,
// a bare form of be, the preposition ending it.
func relationFeatures(x []float64, rel string) {
	words := strings.Fields(rel)
	x[fRelLen] = logLen(len(words))
	if len(words) == 0 {
		return
	}
	last := words[len(words)-1]
	x[fRelIsBe] = b2f(len(words) == 1 && formsOfBe[last])
	x[fRelHasPrep] = b2f(preps[last] != 0)
	switch preps[last] {
	case 1:
		x[fPrepOf] = 1
	case 2:
		x[fPrepIn] = 1
	case 3:
		x[fPrepTo] = 1
	case 4:
		x[fPrepOther] = 1
	}
}

var formsOfBe = map[string]bool{"is": true, "are": true, "was": true, "were": true, "be": true, "been": true, "being": true, "am": true, "'s": true, "'re": true}

// preps classes the prepositions ending a relation: 1 of, 2 in/at/on,
// 3 to/into/for, 4 others.
var preps = map[string]int{
	"of": 1, "in": 2, "at": 2, "on": 2, "to": 3, "into": 3, "for": 3,
	"with": 4, "by": 4, "from": 4, "as": 4, "about": 4, "over": 4, "under": 4, "after": 4, "before": 4,
	"during": 4, "since": 4, "until": 4, "through": 4, "against": 4, "between": 4, "among": 4, "across": 4,
	"within": 4, "without": 4, "towards": 4, "toward": 4, "near": 4, "behind": 4, "beyond": 4, "upon": 4, "onto": 4,
}

// unbalanced reports whether the tokens open a quotation or bracket they
// do not close, or close one they did not open.
func (t *tree) unbalanced(idx []int) bool {
	quotes, parens := 0, 0
	for _, k := range idx {
		switch t.toks[k].Text {
		case "``", "“":
			quotes++
		case "''", "”":
			quotes--
		case "(", "[", "-LRB-":
			parens++
		case ")", "]", "-RRB-":
			parens--
		}
		if parens < 0 {
			return true
		}
	}
	return quotes != 0 || parens != 0
}
