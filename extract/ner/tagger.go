package ner

// scratch holds per-call buffers so tagging allocates little.
type scratch struct {
	feats  []uint64
	scores []float32
	dyn    []float32
}

// prepareDoc builds the token information of a document's sentences.
func (res *resources) prepareDoc(doc [][]string) [][]tokInfo {
	infos := make([][]tokInfo, len(doc))
	for i, words := range doc {
		infos[i] = make([]tokInfo, len(words))
		res.sentInfo(words, infos[i])
	}
	docInfo(infos)
	return infos
}

// tagSentence tags one sentence greedily, left to right, with the stage's
// weights, keeping only label sequences that form valid BILOU spans.
// forbid, when set, excludes types (for training on corpora lacking them).
// salt, when not 0, adds a domain-specific copy of every feature (the
// feature augmentation of Daumé III, 2007).
func (s *stage) tagSentence(infos []tokInfo, out []int, sc *scratch, forbid []bool, salt uint64) {
	nl := s.nl
	if cap(sc.scores) < nl {
		sc.scores = make([]float32, nl)
	}
	scores := sc.scores[:nl]
	caps := capsSentence(infos)
	p1, p2 := -1, -1
	for i := range infos {
		for l := range scores {
			scores[l] = 0
		}
		sc.feats = static(sc.feats[:0], infos, i, caps)
		sc.feats = dynamic(sc.feats, infos, i, p1+1, p2+1)
		sc.feats = augment(sc.feats, salt)
		s.score(sc.feats, scores)
		for l, b := range s.bias {
			scores[l] += b
		}
		best := bestAllowed(scores, p1, i == len(infos)-1, forbid)
		out[i] = best
		p2, p1 = p1, best
	}
}

func bestAllowed(scores []float32, p int, last bool, forbid []bool) int {
	best := -1
	var bs float32
	for l, v := range scores {
		if !allowed(p, l, last) {
			continue
		}
		if l > 0 && forbid != nil && forbid[labelType(l)] {
			continue
		}
		if best < 0 || v > bs {
			best, bs = l, v
		}
	}
	return best
}

// tagDoc tags every sentence of a document and returns the label ids.
func (m *Model) tagDoc(res *resources, infos [][]tokInfo, sc *scratch) [][]int {
	out := make([][]int, len(infos))
	for i, s := range infos {
		out[i] = make([]int, len(s))
		m.stages[0].tagSentence(s, out[i], sc, nil, m.salt())
	}
	if len(m.stages) > 1 {
		setHistory(infos, out, m.types)
		for i, s := range infos {
			m.stages[1].tagSentence(s, out[i], sc, nil, m.salt())
		}
	}
	retypeSurnames(res, infos, out, m.types)
	if m.hasFeature("vote") {
		voteDoc(infos, out, m.types)
	}
	return out
}

// setHistory fills the second-stage features from first-stage labels: the
// token's own first-stage label and, for capitalised words, the types the
// first stage gave the same word elsewhere in the document, and the type of
// longer first-stage entities containing the word ("Clinton" after "Bill
// Clinton"). This is the document-level consistency of Ratinov and Roth's
// extended prediction history.
func setHistory(infos [][]tokInfo, labels [][]int, types []string) {
	type count struct{ n [8]int }
	seen := map[string]*count{}
	inEnt := map[string]int{} // word -> type+1 of an entity of ≥2 tokens containing it
	for si, s := range infos {
		for i := range s {
			t := &s[i]
			if !t.hasLetter || !t.capital {
				continue
			}
			c := seen[t.lw]
			if c == nil {
				c = &count{}
				seen[t.lw] = c
			}
			l := labels[si][i]
			ty := 0
			if l > 0 {
				ty = labelType(l) + 1
			}
			if ty < len(c.n) {
				c.n[ty]++
			}
			if l > 0 && labelPart(l) != bilU {
				inEnt[t.lw] = ty
			}
		}
	}
	for si, s := range infos {
		for i := range s {
			t := &s[i]
			l := labels[si][i]
			t.hist = t.hist[:0]
			if l == 0 {
				t.hist = append(t.hist, "self:O")
			} else {
				t.hist = append(t.hist, "self:"+types[labelType(l)]+string("BILU"[labelPart(l)]))
			}
			if !t.hasLetter || !t.capital {
				continue
			}
			c := seen[t.lw]
			if c == nil {
				continue
			}
			ty := 0
			if l > 0 {
				ty = labelType(l) + 1
			}
			n := c.n
			if ty < len(n) {
				n[ty]-- // not this token
			}
			bestT, bestN, total := -1, 0, 0
			for k, v := range n[:1+len(types)] {
				total += v
				if v > bestN {
					bestT, bestN = k, v
				}
			}
			if total == 0 {
				continue
			}
			name := func(k int) string {
				if k == 0 {
					return "O"
				}
				return types[k-1]
			}
			t.hist = append(t.hist, "maj:"+name(bestT))
			if bestN == total {
				t.hist = append(t.hist, "all:"+name(bestT))
			}
			for k, v := range n[1 : 1+len(types)] {
				if v > 0 {
					t.hist = append(t.hist, "has:"+types[k])
				}
			}
			if e := inEnt[t.lw]; e > 0 {
				t.hist = append(t.hist, "inent:"+types[e-1])
			}
		}
	}
}

// toBIO converts label ids to IOB2 tags with the model's types.
func toBIO(labels []int, types []string) []string {
	out := make([]string, len(labels))
	for i, l := range labels {
		if l == 0 {
			out[i] = "O"
			continue
		}
		p := "I-"
		if part := labelPart(l); part == bilB || part == bilU {
			p = "B-"
		}
		out[i] = p + types[labelType(l)]
	}
	return out
}

// fromBIO converts IOB2 tags to BILOU label ids; unknown types become O.
func fromBIO(tags []string, types []string) []int {
	idx := map[string]int{}
	for i, t := range types {
		idx[t] = i
	}
	out := make([]int, len(tags))
	for _, sp := range Spans(tags) {
		t, ok := idx[sp.Type]
		if !ok {
			continue
		}
		if sp.End-sp.Start == 1 {
			out[sp.Start] = label(t, bilU)
			continue
		}
		out[sp.Start] = label(t, bilB)
		for k := sp.Start + 1; k < sp.End-1; k++ {
			out[k] = label(t, bilI)
		}
		out[sp.End-1] = label(t, bilL)
	}
	return out
}

// augment appends a copy of every feature salted with the domain.
func augment(feats []uint64, salt uint64) []uint64 {
	if salt == 0 {
		return feats
	}
	n := len(feats)
	for i := 0; i < n; i++ {
		feats = append(feats, (feats[i]^salt)*fnvPrime)
	}
	return feats
}

// domainSalt returns the salt of a domain name (0 for none).
func domainSalt(domain string) uint64 {
	if domain == "" {
		return 0
	}
	return hstr(tmpl(1000), domain)
}
