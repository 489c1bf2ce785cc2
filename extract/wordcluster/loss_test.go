package wordcluster

import (
	"math"
	"math/rand"
	"testing"
)

// mi recomputes the average mutual information of the active clusters.
func mi(b *brown) float64 {
	s := 0.0
	for x := 0; x < b.n; x++ {
		for y := 0; y < b.n; y++ {
			if b.active[x] && b.active[y] {
				s += qterm(b.p2[x*b.n+y], b.p1[x], b.p1[y])
			}
		}
	}
	return s
}

func TestMergeLossMatchesMI(t *testing.T) {
	n := 6
	b := newBrown(n, 1)
	rng := rand.New(rand.NewSource(1))
	tot := 0.0
	for i := 0; i < n; i++ {
		b.active[i] = true
		for j := 0; j < n; j++ {
			v := rng.Float64()
			if rng.Intn(3) == 0 {
				v = 0
			}
			b.p2[i*n+j] = v
			tot += v
		}
	}
	for i := range b.p2 {
		b.p2[i] /= tot
	}
	for i := 0; i < n; i++ {
		b.p1[i] = 0
		for j := 0; j < n; j++ {
			b.p1[i] += (b.p2[i*n+j] + b.p2[j*n+i]) / 2
		}
	}
	b.initAll(t.Context())
	for step := 0; step < 4; step++ {
		base := mi(b)
		for s := 0; s < n; s++ {
			for u := s + 1; u < n; u++ {
				if !b.active[s] || !b.active[u] {
					continue
				}
				c := newBrown(n, 1)
				copy(c.active, b.active)
				copy(c.p1, b.p1)
				copy(c.p2, b.p2)
				c.initAll(t.Context())
				c.merge(s, u)
				want := base - mi(c)
				if math.Abs(want-b.L[s*n+u]) > 1e-9 {
					t.Errorf("step %d L(%d,%d)=%g want %g", step, s, u, b.L[s*n+u], want)
				}
			}
		}
		s, u := b.best()
		b.merge(s, u)
	}
}

func TestAddedLossMatchesMI(t *testing.T) {
	n := 6
	b := newBrown(n, 1)
	rng := rand.New(rand.NewSource(2))
	for i := 0; i < n; i++ {
		for j := 0; j < n; j++ {
			if rng.Intn(3) > 0 {
				b.p2[i*n+j] = rng.Float64() / 20
			}
		}
		b.p1[i] = 0.1 + rng.Float64()/10
	}
	for i := 0; i < n-1; i++ {
		b.active[i] = true
	}
	saved := append([]float64(nil), b.p2...)
	for i := 0; i < n; i++ {
		for j := 0; j < n; j++ {
			if i == n-1 || j == n-1 {
				b.p2[i*n+j] = 0
			}
		}
	}
	b.initAll(t.Context())
	copy(b.p2, saved)
	b.active[n-1] = true
	b.added(n - 1)
	base := mi(b)
	for s := 0; s < n; s++ {
		for u := s + 1; u < n; u++ {
			c := newBrown(n, 1)
			copy(c.active, b.active)
			copy(c.p1, b.p1)
			copy(c.p2, b.p2)
			c.initAll(t.Context())
			c.merge(s, u)
			want := base - mi(c)
			if math.Abs(want-b.L[s*n+u]) > 1e-9 {
				t.Errorf("L(%d,%d)=%g want %g", s, u, b.L[s*n+u], want)
			}
		}
	}
}
