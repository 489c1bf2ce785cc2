package depparse

// Transitions of the arc-hybrid system (Kuhlmann et al. 2011) with the
// root token at the end of the buffer (Ballesteros & Nivre 2013):
//
//	SHIFT  moves the front of the buffer b0 onto the stack;
//	LEFT   makes b0 the head of the stack top s0 and pops s0;
//	RIGHT  makes s1 the head of s0 and pops s0.
//
// LEFT onto the root is allowed only when s0 is alone on the stack, so
// every parse has exactly one root word. Every sequence of valid
// transitions ends in a complete projective tree.
const (
	shift = iota
	left
	right
	nTrans
)

// state is a parser configuration over n words; token n is the root.
type state struct {
	n     int
	stack []int
	b     int // front of the buffer; b == n is the root
	heads []int
	label []int
	// per token (n+1 entries): two leftmost and two rightmost children,
	// valencies and label sets.
	lc1, lc2, rc1, rc2 []int
	nl, nr             []int
	lset, rset         []uint64
}

func (s *state) reset(n int) {
	s.n = n
	s.stack = s.stack[:0]
	s.b = 0
	grow := func(x []int) []int {
		if cap(x) < n+1 {
			x = make([]int, n+1)
		}
		x = x[:n+1]
		return x
	}
	s.heads, s.label = grow(s.heads), grow(s.label)
	s.lc1, s.lc2, s.rc1, s.rc2 = grow(s.lc1), grow(s.lc2), grow(s.rc1), grow(s.rc2)
	s.nl, s.nr = grow(s.nl), grow(s.nr)
	if cap(s.lset) < n+1 {
		s.lset = make([]uint64, n+1)
		s.rset = make([]uint64, n+1)
	}
	s.lset, s.rset = s.lset[:n+1], s.rset[:n+1]
	for i := 0; i <= n; i++ {
		s.heads[i], s.label[i] = -1, -1
		s.lc1[i], s.lc2[i], s.rc1[i], s.rc2[i] = -1, -1, -1, -1
		s.nl[i], s.nr[i] = 0, 0
		s.lset[i], s.rset[i] = 0, 0
	}
}

func (s *state) terminal() bool { return len(s.stack) == 0 && s.b == s.n }

func (s *state) valid(t int) bool {
	switch t {
	case shift:
		return s.b < s.n
	case left:
		return len(s.stack) > 0 && (s.b < s.n || len(s.stack) == 1)
	case right:
		return len(s.stack) > 1
	}
	return false
}

// arc returns the head and dependent of a LEFT or RIGHT transition.
func (s *state) arc(t int) (h, d int) {
	d = s.stack[len(s.stack)-1]
	if t == left {
		return s.b, d
	}
	return s.stack[len(s.stack)-2], d
}

func (s *state) apply(t, lab int) {
	if t == shift {
		s.stack = append(s.stack, s.b)
		s.b++
		return
	}
	h, d := s.arc(t)
	s.stack = s.stack[:len(s.stack)-1]
	s.heads[d] = h
	s.label[d] = lab
	bit := uint64(1) << uint(min(lab, 63))
	if d < h {
		s.nl[h]++
		s.lset[h] |= bit
		if s.lc1[h] < 0 || d < s.lc1[h] {
			s.lc2[h] = s.lc1[h]
			s.lc1[h] = d
		} else if s.lc2[h] < 0 || d < s.lc2[h] {
			s.lc2[h] = d
		}
	} else {
		s.nr[h]++
		s.rset[h] |= bit
		if s.rc1[h] < 0 || d > s.rc1[h] {
			s.rc2[h] = s.rc1[h]
			s.rc1[h] = d
		} else if s.rc2[h] < 0 || d > s.rc2[h] {
			s.rc2[h] = d
		}
	}
}

// cost returns the number of gold arcs that transition t makes
// unreachable (the dynamic oracle of Goldberg & Nivre 2013 for the
// arc-hybrid system). gold holds the gold head of every word (n for
// the root).
func (s *state) cost(t int, gold []int) int {
	n := s.n
	st := s.stack
	inBuf := func(x, from int) bool { return x >= from && x <= n }
	c := 0
	switch t {
	case shift:
		b := s.b
		for i, x := range st {
			if gold[x] == b {
				c++ // a child on the stack can no longer get b as its head
			}
			if gold[b] == x && i != len(st)-1 {
				c++ // b can no longer get a head from deeper in the stack
			}
		}
	case left, right:
		s0 := st[len(st)-1]
		for x := s.b; x < n; x++ {
			if gold[x] == s0 {
				c++ // s0's children still in the buffer
			}
		}
		g := gold[s0]
		if t == left {
			if g != s.b && ((len(st) > 1 && g == st[len(st)-2]) || inBuf(g, s.b+1)) {
				c++
			}
		} else if inBuf(g, s.b) {
			c++
		}
	}
	return c
}
