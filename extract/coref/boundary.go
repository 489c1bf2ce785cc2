package coref

// Where a mention ends. The parser hangs prepositional phrases, relative
// clauses and whole clauses on nouns that the annotators' noun phrases
// leave out ("no exposure on the neurocognition of L2 grammar" for the
// gold "no exposure"), and the reverse. A perceptron learned from the
// training documents' gold mentions decides, dependent by dependent from
// left to right, whether a noun phrase takes each dependent right of its
// head; the first one it refuses ends the span. Its weights live in the
// model beside the ranking weights (their features start with "B"); a
// model without them takes every dependent, as the rules alone do.

// rightDeps are the dependents right of h that its noun phrase takes
// (skipping the relations in skip) and that may end it, in order: closing
// quotation marks and brackets always belong to it (the edge rules trim
// them when they close nothing).
func rightDeps(di *docInfo, h int, skip map[string]bool) []int {
	var out []int
	for _, c := range di.toks[h].children {
		if t := di.toks[c].text; c > h && takes(di, h, c, skip) && !(isQuote(t) || isClose(t)) {
			out = append(out, c)
		}
	}
	return out
}

// subtreeRange is the first and last token of the subtree of c.
func subtreeRange(di *docInfo, c int) (int, int) {
	lo, hi := c, c
	var walk func(i int)
	walk = func(i int) {
		lo, hi = min(lo, i), max(hi, i)
		for _, k := range di.toks[i].children {
			walk(k)
		}
	}
	walk(c)
	return lo, hi
}

// boundaryFeats describe taking the k-th right dependent c of head h.
func boundaryFeats(di *docInfo, h, c, k int, f *feats) {
	ht, ct := di.toks[h], di.toks[c]
	lo, hi := subtreeRange(di, c)
	marker := "-"
	for _, x := range ct.children {
		if r := di.toks[x].deprel; (r == "case" || r == "mark") && x < c {
			marker = di.toks[x].lower
			break
		}
	}
	comma := "0"
	for i := h + 1; i < lo; i++ {
		if di.toks[i].upos == "PUNCT" {
			comma = di.toks[i].text
			break
		}
	}
	if lo > h+1 && di.toks[lo-1].text == "," {
		comma = ","
	}
	clause := "0"
	for _, x := range ct.children {
		switch baseRel(di.toks[x].deprel) {
		case "nsubj", "aux", "cop", "obj":
			clause = "1"
		}
	}
	rel, size, nth := ct.deprel, bucket(hi-lo+1), bucket(min(k+1, 3))
	after := "</s>"
	if hi+1 < len(di.toks) && di.toks[hi+1].sent == ct.sent {
		after = di.toks[hi+1].upos
	}
	*f = (*f)[:0]
	f.add("B")
	f.add("Br", rel)
	f.add("Bru", rel, ct.upos)
	f.add("Brh", rel, ht.upos)
	f.add("Brm", rel, marker)
	f.add("Brmh", rel, marker, ht.upos)
	f.add("Brc", rel, comma)
	f.add("Brs", rel, size)
	f.add("Brk", rel, nth)
	f.add("Brd", rel, baseRel(ht.deprel))
	f.add("Brcl", rel, clause, ct.upos)
	f.add("Bra", rel, after)
	f.add("Brms", rel, marker, size)
	f.add("Brmc", rel, marker, comma)
	f.add("Brn", rel, b2s(ht.ner != ""), b2s(ct.ner != ""))
	f.add("Brl", rel, ht.lemma)
	f.add("Brml", rel, marker, ht.lemma)
	f.add("Brdist", rel, bucket(c-h))
	// The dependent's first word: a relative pronoun starts a clause the
	// noun phrase keeps, a verb or auxiliary one the parse misplaced.
	first := di.toks[lo]
	f.add("Brf", rel, first.lower)
	f.add("Brfu", rel, first.upos, b2s(lo == h+1))
	f.add("Brfc", first.upos, ct.upos, comma)
}

// rightCut is the first right dependent of h (in rightDeps order) that
// score refuses, as a token index; len(di.toks) when it takes them all or
// score is nil.
func rightCut(di *docInfo, h int, skip map[string]bool, score scorer) int {
	if score == nil {
		return len(di.toks)
	}
	var f feats
	for k, c := range rightDeps(di, h, noConj) {
		boundaryFeats(di, h, c, k, &f)
		if score(f) < 0 {
			return c
		}
	}
	return len(di.toks)
}

// boundaryExamples are the decisions the gold mentions of a training
// document make: for each gold mention whose head heads a candidate with
// no coordination, take (+1) each right dependent inside the span and
// refuse (-1) the first outside it.
func boundaryExamples(di *docInfo, key Clusters, out func(f feats, take bool)) {
	alone := aloneNames(di)
	var f feats
	for _, ch := range key {
		for _, gm := range ch {
			h := spanHead(di, gm)
			if h < 0 || !isMentionHead(di, h, alone) || hasNominalConj(di, h) {
				continue
			}
			for k, c := range rightDeps(di, h, noConj) {
				_, hi := subtreeRange(di, c)
				boundaryFeats(di, h, c, k, &f)
				take := c <= gm.End && hi <= gm.End
				out(f, take)
				if !take {
					break
				}
			}
		}
	}
}

// trainBoundary learns the boundary weights from prepared training
// documents with an averaged perceptron (deterministic: documents in
// order).
func trainBoundary(exs []*example, epochs int) map[uint32]float32 {
	p := &averaged{w: map[uint32]float64{}, u: map[uint32]float64{}, c: 1}
	for ep := 0; ep < epochs; ep++ {
		for _, ex := range exs {
			boundaryExamples(ex.di, ex.key, func(f feats, take bool) {
				s := p.score(f)
				if take && s < 0 {
					p.update(f, 1)
				} else if !take && s >= 0 {
					p.update(f, -1)
				}
				p.c++
			})
		}
	}
	return p.model(nil).w
}
