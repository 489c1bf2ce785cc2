package depparse

import (
	"github.com/factgraph/factgraph/extract/nlp/perceptron"
	"github.com/factgraph/factgraph/extract/postag"
)

// tok holds the hashed attributes of one token.
type tok struct {
	w, t, u, s3 uint64 // lower-cased word, XPOS, UPOS, last three letters
	c           postag.ClusterHash
}

var (
	noneTok = tok{w: 0x4e4f4e45, t: 0x4e4f4e45, u: 0x4e4f4e45, s3: 0x4e4f4e45, c: postag.ClusterHash{1, 2, 3, 4}}
	rootTok = tok{w: 0x524f4f54, t: 0x524f4f54, u: 0x524f4f54, s3: 0x524f4f54, c: postag.ClusterHash{5, 6, 7, 8}}
)

const noLabel = 0x4e4c

// featurizer extracts the features of a configuration.
type featurizer struct {
	toks     []tok // n+1 entries, the last is the root
	feats    []uint64
	clusters bool
}

func (f *featurizer) prepare(words, upos, xpos []string, cl *postag.Clusters) {
	n := len(words)
	f.toks = f.toks[:0]
	f.clusters = cl != nil
	for i := 0; i < n; i++ {
		f.toks = append(f.toks, tok{w: perceptron.Lower(words[i]), t: perceptron.String(xpos[i]),
			u: perceptron.String(upos[i]), s3: perceptron.Suffix(words[i], 3), c: cl.Lookup(words[i])})
	}
	f.toks = append(f.toks, rootTok)
}

func (f *featurizer) at(i int) tok {
	if i < 0 {
		return noneTok
	}
	return f.toks[i]
}

func lab(s *state, i int) uint64 {
	if i < 0 || s.label[i] < 0 {
		return noLabel
	}
	return uint64(s.label[i]) + 1
}

func dist(a, b int) uint64 {
	if a < 0 || b < 0 {
		return 0
	}
	d := b - a
	if d < 0 {
		d = -d
	}
	switch {
	case d > 10:
		return 11
	case d > 5:
		return 6
	}
	return uint64(d)
}

func val(n int) uint64 {
	if n > 4 {
		return 4
	}
	return uint64(n)
}

// transition appends the features used to choose the next transition.
func (f *featurizer) transition(s *state) []uint64 {
	F1, F2, F3 := perceptron.F1, perceptron.F2, perceptron.F3
	si := func(k int) int {
		if k < len(s.stack) {
			return s.stack[len(s.stack)-1-k]
		}
		return -1
	}
	bi := func(k int) int {
		if s.b+k <= s.n {
			return s.b + k
		}
		return -1
	}
	i0, i1, i2 := si(0), si(1), si(2)
	j0, j1, j2, j3 := bi(0), bi(1), bi(2), bi(3)
	S0, S1, S2 := f.at(i0), f.at(i1), f.at(i2)
	B0, B1, B2, B3 := f.at(j0), f.at(j1), f.at(j2), f.at(j3)
	get := func(x []int, i int) int {
		if i < 0 {
			return -1
		}
		return x[i]
	}
	s0l, s0l2, s0r, s0r2 := get(s.lc1, i0), get(s.lc2, i0), get(s.rc1, i0), get(s.rc2, i0)
	s1r, s1l := get(s.rc1, i1), get(s.lc1, i1)
	b0l, b0l2 := get(s.lc1, j0), get(s.lc2, j0)
	S0L, S0L2, S0R, S0R2 := f.at(s0l), f.at(s0l2), f.at(s0r), f.at(s0r2)
	S1R, S1L := f.at(s1r), f.at(s1l)
	B0L, B0L2 := f.at(b0l), f.at(b0l2)
	ls0l, ls0l2, ls0r, ls0r2 := lab(s, s0l), lab(s, s0l2), lab(s, s0r), lab(s, s0r2)
	ls1r, lb0l, lb0l2 := lab(s, s1r), lab(s, b0l), lab(s, b0l2)
	d01 := dist(i0, j0)
	d10 := dist(i1, i0)
	var vs0l, vs0r, vb0l, vs1r uint64
	var s0ls, s0rs, b0ls uint64
	if i0 >= 0 {
		vs0l, vs0r, s0ls, s0rs = val(s.nl[i0]), val(s.nr[i0]), s.lset[i0], s.rset[i0]
	}
	if j0 >= 0 {
		vb0l, b0ls = val(s.nl[j0]), s.lset[j0]
	}
	if i1 >= 0 {
		vs1r = val(s.nr[i1])
	}
	fs := append(f.feats[:0],
		F1(1, 0),
		// single words
		F1(2, S0.w), F1(3, S0.t), F2(4, S0.w, S0.t),
		F1(5, S1.w), F1(6, S1.t), F2(7, S1.w, S1.t),
		F1(8, B0.w), F1(9, B0.t), F2(10, B0.w, B0.t),
		F1(11, B1.w), F1(12, B1.t), F2(13, B1.w, B1.t),
		F1(14, B2.w), F1(15, B2.t), F1(16, S2.t), F1(17, S2.w),
		// pairs s0-b0
		F3(18, S0.w, S0.t, F2(0, B0.w, B0.t)), F3(19, S0.w, S0.t, B0.w), F3(20, S0.w, B0.w, B0.t),
		F3(21, S0.w, S0.t, B0.t), F3(22, S0.t, B0.w, B0.t), F2(23, S0.w, B0.w), F2(24, S0.t, B0.t),
		F2(25, B0.t, B1.t),
		// pairs s1-s0
		F3(26, S1.w, S1.t, F2(0, S0.w, S0.t)), F3(27, S1.w, S1.t, S0.w), F3(28, S1.w, S0.w, S0.t),
		F3(29, S1.w, S1.t, S0.t), F3(30, S1.t, S0.w, S0.t), F2(31, S1.w, S0.w), F2(32, S1.t, S0.t),
		// triples of tags
		F3(33, B0.t, B1.t, B2.t), F3(34, S0.t, B0.t, B1.t), F3(35, S1.t, S0.t, B0.t),
		F3(36, S0.t, S0L.t, B0.t), F3(37, S0.t, S0R.t, B0.t), F3(38, S0.t, B0.t, B0L.t),
		F3(39, S1.t, S0.t, S0L.t), F3(40, S1.t, S0.t, S0R.t), F3(41, S1.t, S1R.t, S0.t),
		F3(42, S2.t, S1.t, S0.t), F3(43, S1.t, S1L.t, S0.t),
		F3(44, S0.u, B0.u, B1.u), F3(45, S1.u, S0.u, B0.u), F2(46, S0.u, B0.u), F2(47, S1.u, S0.u),
		// distance
		F2(48, S0.w, d01), F2(49, S0.t, d01), F2(50, B0.w, d01), F2(51, B0.t, d01), F3(52, S0.t, B0.t, d01),
		F2(53, S1.w, d10), F2(54, S0.w, d10), F3(55, S1.t, S0.t, d10), F3(56, S1.w, S0.t, d10), F3(57, S1.t, S0.w, d10),
		// valency
		F2(58, S0.w, vs0l), F2(59, S0.t, vs0l), F2(60, S0.w, vs0r), F2(61, S0.t, vs0r),
		F2(62, B0.w, vb0l), F2(63, B0.t, vb0l), F2(64, S1.t, vs1r), F2(65, S1.w, vs1r),
		// children
		F1(66, S0L.w), F1(67, S0L.t), F1(68, ls0l),
		F1(69, S0R.w), F1(70, S0R.t), F1(71, ls0r),
		F1(72, B0L.w), F1(73, B0L.t), F1(74, lb0l),
		F1(75, S1R.w), F1(76, S1R.t), F1(77, ls1r),
		F1(78, S0L2.t), F1(79, ls0l2), F1(80, S0R2.t), F1(81, ls0r2), F1(82, B0L2.t), F1(83, lb0l2),
		F3(84, S0.t, ls0l, ls0l2), F3(85, S0.t, ls0r, ls0r2), F3(86, B0.t, lb0l, lb0l2),
		F3(87, S0.t, S0L.t, S0L2.t), F3(88, S0.t, S0R.t, S0R2.t), F3(89, B0.t, B0L.t, B0L2.t),
		// label sets
		F2(90, S0.w, s0ls), F2(91, S0.t, s0ls), F2(92, S0.w, s0rs), F2(93, S0.t, s0rs),
		F2(94, B0.w, b0ls), F2(95, B0.t, b0ls),
		F3(96, S1.t, ls1r, S0.t), F3(97, S0.t, ls0l, B0.t), F3(98, S0.t, ls0r, B0.t),
		F3(99, S1.w, S0.w, B0.t), F3(100, S1.t, S0.w, B0.w), F3(101, S0.w, B0.w, B1.t),
		// lookahead and lexical back-off
		F1(102, B3.t), F3(103, B1.t, B2.t, B3.t), F2(104, B0.w, B1.w), F3(105, S0.w, B0.w, B1.w),
		F3(106, S0.t, B0.t, F2(0, B1.t, B2.t)), F3(107, S1.t, S0.t, F2(0, B0.t, B1.t)),
		F2(108, S1.w, B0.w), F3(109, S1.t, B0.t, dist(i1, j0)),
		F2(110, S0.s3, B0.t), F2(111, S0.t, B0.s3), F2(112, S0.s3, B0.s3), F2(113, S1.s3, S0.t), F2(114, S1.t, S0.s3),
		F3(115, S0.t, S0L.t, S0R.t), F3(116, S0.w, B0.t, B1.t), F3(117, S0.t, ls0r, B0.w),
		F2(118, S0L.w, S0.w), F2(119, S0R.w, S0.w), F2(120, B0L.w, B0.w), F3(121, S0.u, B0.u, d01),
	)
	if f.clusters {
		fs = append(fs,
			F1(130, S0.c[1]), F1(131, B0.c[1]), F1(132, S1.c[1]), F1(133, B1.c[1]),
			F2(134, S0.c[1], B0.c[1]), F2(135, S1.c[1], S0.c[1]), F2(136, S0.c[0], B0.t), F2(137, S0.t, B0.c[0]),
			F3(138, S0.c[0], B0.c[0], B1.c[0]), F2(139, S0.c[3], B0.t), F2(140, S0.t, B0.c[3]),
			F3(141, S1.c[0], S0.c[0], B0.c[0]), F2(142, S1.c[3], S0.t), F2(143, S1.t, S0.c[3]),
		)
	}
	f.feats = fs
	return fs
}

// labelFeatures appends the features used to label the arc h → d made by
// transition t.
func (f *featurizer) labelFeatures(s *state, h, d, t int) []uint64 {
	F1, F2, F3 := perceptron.F1, perceptron.F2, perceptron.F3
	H, D := f.at(h), f.at(d)
	dir := uint64(t)
	dd := dist(d, h)
	if h == s.n {
		dd = 99
	}
	dl, dr := s.lc1[d], s.rc1[d]
	DL, DR := f.at(dl), f.at(dr)
	hl, hr := s.lc1[h], s.rc1[h]
	HL, HR := f.at(hl), f.at(hr)
	fs := append(f.feats[:0],
		F1(1, dir),
		F2(2, dir, H.w), F2(3, dir, H.t), F2(4, dir, D.w), F2(5, dir, D.t),
		F3(6, dir, H.w, D.w), F3(7, dir, H.t, D.t), F3(8, dir, H.t, D.w), F3(9, dir, H.w, D.t),
		F3(10, dir, H.u, D.u), F3(11, dir, dd, F2(0, H.t, D.t)), F3(12, dir, dd, D.t),
		F3(13, dir, D.t, lab(s, dl)), F3(14, dir, D.t, lab(s, dr)),
		F3(15, dir, D.t, s.lset[d]), F3(16, dir, D.t, s.rset[d]),
		F3(17, dir, DL.w, D.t), F3(18, dir, DL.t, D.t), F3(19, dir, DR.t, D.t), F3(20, dir, DR.w, D.t),
		F3(21, dir, H.t, s.lset[h]), F3(22, dir, H.t, s.rset[h]),
		F3(23, dir, HL.w, H.t), F3(24, dir, HR.w, H.t), F3(25, dir, lab(s, hl), H.t), F3(26, dir, lab(s, hr), H.t),
		F3(27, dir, DL.w, H.t), F3(28, dir, D.t, F2(0, DL.w, H.w)),
		F3(29, dir, D.w, F2(0, D.t, H.t)), F3(30, dir, H.w, F2(0, H.t, D.t)),
		F3(31, dir, f.at(d-1).t, D.t), F3(32, dir, f.at(d+1).t, D.t),
		F3(33, dir, D.u, s.lset[h]), F3(34, dir, D.t, F2(0, s.lset[h], s.lset[d])),
		F3(35, dir, D.s3, D.t), F3(36, dir, H.s3, D.t), F3(37, dir, D.s3, H.t),
		F3(38, dir, F2(0, DL.w, DL.t), F2(0, D.t, H.t)), F3(39, dir, H.u, F2(0, D.u, dd)),
	)
	if f.clusters {
		fs = append(fs, F3(40, dir, D.c[1], H.c[1]), F3(41, dir, D.c[3], H.t), F3(42, dir, D.t, H.c[3]))
	}
	f.feats = fs
	return fs
}
