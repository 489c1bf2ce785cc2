package coref

import "math"

// Mention is a span of tokens [Start, End] (inclusive token indices) in one
// document.
type Mention struct{ Start, End int }

// Clusters are a document's coreference chains.
type Clusters [][]Mention

// PRF is a score: recall and precision numerators and denominators, so
// that documents add up (micro-average, as the CoNLL scorer does).
type PRF struct {
	RNum, RDen, PNum, PDen float64
}

// Add accumulates another document's counts.
func (s *PRF) Add(o PRF) {
	s.RNum += o.RNum
	s.RDen += o.RDen
	s.PNum += o.PNum
	s.PDen += o.PDen
}

// Recall is RNum/RDen (0 when empty).
func (s PRF) Recall() float64 { return div(s.RNum, s.RDen) }

// Precision is PNum/PDen (0 when empty).
func (s PRF) Precision() float64 { return div(s.PNum, s.PDen) }

// F1 is the harmonic mean of recall and precision.
func (s PRF) F1() float64 {
	r, p := s.Recall(), s.Precision()
	if r+p == 0 {
		return 0
	}
	return 2 * r * p / (r + p)
}

func div(a, b float64) float64 {
	if b == 0 {
		return 0
	}
	return a / b
}

// index maps each mention to its cluster number.
func index(cs Clusters) map[Mention]int {
	m := map[Mention]int{}
	for i, c := range cs {
		for _, x := range c {
			m[x] = i
		}
	}
	return m
}

// mucSide counts, for the clusters of one side, Σ(|K| − |p(K)|) and
// Σ(|K| − 1), p(K) being K's partition by the other side's clusters
// (mentions the other side lacks are parts of their own).
func mucSide(key Clusters, other map[Mention]int) (num, den float64) {
	for _, k := range key {
		parts := map[int]bool{}
		lone := 0
		for _, m := range k {
			if c, ok := other[m]; ok {
				parts[c] = true
			} else {
				lone++
			}
		}
		num += float64(len(k) - len(parts) - lone)
		den += float64(len(k) - 1)
	}
	return num, den
}

// MUC is the link-based measure of Vilain et al. (1995).
func MUC(key, response Clusters) PRF {
	var s PRF
	s.RNum, s.RDen = mucSide(key, index(response))
	s.PNum, s.PDen = mucSide(response, index(key))
	return s
}

// b3Side is Σ_K Σ_R |K∩R|²/|K| and Σ|K| (Bagga and Baldwin 1998, in the
// CoNLL scorer's cluster form).
func b3Side(key Clusters, other map[Mention]int) (num, den float64) {
	for _, k := range key {
		counts := map[int]int{}
		for _, m := range k {
			if c, ok := other[m]; ok {
				counts[c]++
			}
		}
		for _, n := range counts {
			num += float64(n*n) / float64(len(k))
		}
		den += float64(len(k))
	}
	return num, den
}

// B3 is the mention-based B-cubed measure.
func B3(key, response Clusters) PRF {
	var s PRF
	s.RNum, s.RDen = b3Side(key, index(response))
	s.PNum, s.PDen = b3Side(response, index(key))
	return s
}

// CEAFe is the entity-based CEAF of Luo (2005) with φ4(K, R) = 2|K∩R| /
// (|K|+|R|): the best one-to-one alignment of key and response clusters,
// its total similarity divided by the number of key (recall) and
// response (precision) clusters.
func CEAFe(key, response Clusters) PRF {
	n := max(len(key), len(response))
	sim := make([][]float64, n)
	rix := index(response)
	for i := range sim {
		sim[i] = make([]float64, n)
		if i >= len(key) {
			continue
		}
		counts := map[int]int{}
		for _, m := range key[i] {
			if c, ok := rix[m]; ok {
				counts[c]++
			}
		}
		for j, c := range counts {
			sim[i][j] = 2 * float64(c) / float64(len(key[i])+len(response[j]))
		}
	}
	total := 0.0
	for i, j := range maxAssignment(sim) {
		total += sim[i][j]
	}
	return PRF{RNum: total, RDen: float64(len(key)), PNum: total, PDen: float64(len(response))}
}

// maxAssignment solves the assignment problem on a square matrix of
// weights (Hungarian algorithm, O(n³)), maximising the total: it returns
// for each row its column.
func maxAssignment(w [][]float64) []int {
	n := len(w)
	if n == 0 {
		return nil
	}
	// Minimise cost = -w with the potentials formulation (1-based).
	u := make([]float64, n+1)
	v := make([]float64, n+1)
	p := make([]int, n+1)
	way := make([]int, n+1)
	for i := 1; i <= n; i++ {
		p[0] = i
		j0 := 0
		minv := make([]float64, n+1)
		used := make([]bool, n+1)
		for j := range minv {
			minv[j] = math.Inf(1)
		}
		for {
			used[j0] = true
			i0, delta, j1 := p[j0], math.Inf(1), 0
			for j := 1; j <= n; j++ {
				if used[j] {
					continue
				}
				cur := -w[i0-1][j-1] - u[i0] - v[j]
				if cur < minv[j] {
					minv[j], way[j] = cur, j0
				}
				if minv[j] < delta {
					delta, j1 = minv[j], j
				}
			}
			for j := 0; j <= n; j++ {
				if used[j] {
					u[p[j]] += delta
					v[j] -= delta
				} else {
					minv[j] -= delta
				}
			}
			j0 = j1
			if p[j0] == 0 {
				break
			}
		}
		for j0 != 0 {
			j1 := way[j0]
			p[j0] = p[j1]
			j0 = j1
		}
	}
	out := make([]int, n)
	for j := 1; j <= n; j++ {
		out[p[j]-1] = j - 1
	}
	return out
}

// Scores are the three measures and their mean, the CoNLL score.
type Scores struct {
	MUC, B3, CEAFe PRF
	Docs           int
}

// Add scores one more document.
func (s *Scores) Add(key, response Clusters) {
	s.MUC.Add(MUC(key, response))
	s.B3.Add(B3(key, response))
	s.CEAFe.Add(CEAFe(key, response))
	s.Docs++
}

// CoNLL is the mean F1 of MUC, B³ and CEAF-e.
func (s Scores) CoNLL() float64 { return (s.MUC.F1() + s.B3.F1() + s.CEAFe.F1()) / 3 }
