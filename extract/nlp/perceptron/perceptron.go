// Package perceptron is the linear classifier shared by the tagger,
// lemmatizer and parser: a multiclass averaged perceptron over sparse
// binary features that are 64-bit hashes.
//
// Training uses integer weights, so that it is exact and reproducible; the
// averaged weights are pruned and quantized to int16 when a Model is saved,
// and held as float32 rows in an open-addressing hash table for prediction.
package perceptron

import (
	"bufio"
	"encoding/binary"
	"fmt"
	"io"
	"math"
	"math/bits"
	"sort"
)

// Hash helpers: features are built by mixing a template number with the
// hashes of the values it combines. All hashing is unseeded and stable
// across runs and machines.

const (
	fnvOffset = 14695981039346656037
	fnvPrime  = 1099511628211
)

// String returns the 64-bit FNV-1a hash of s.
func String(s string) uint64 {
	h := uint64(fnvOffset)
	for i := 0; i < len(s); i++ {
		h ^= uint64(s[i])
		h *= fnvPrime
	}
	return h
}

func mix(h uint64) uint64 {
	h ^= h >> 33
	h *= 0xff51afd7ed558ccd
	h ^= h >> 33
	h *= 0xc4ceb9fe1a85ec53
	h ^= h >> 33
	return h
}

// The values combined into a feature are hashes already, so a feature
// needs only one final mixing round: the values are spread by distinct
// odd multipliers and rotations first, so that (a, b) and (b, a) differ.

// F1 is the feature of template t with one value.
func F1(t, a uint64) uint64 { return mix(a ^ t*0x9E3779B97F4A7C15) }

// F2 is the feature of template t with two values.
func F2(t, a, b uint64) uint64 {
	return mix(a ^ t*0x9E3779B97F4A7C15 ^ bits.RotateLeft64(b*0xC2B2AE3D27D4EB4F, 23))
}

// F3 is the feature of template t with three values.
func F3(t, a, b, c uint64) uint64 {
	return mix(a ^ t*0x9E3779B97F4A7C15 ^ bits.RotateLeft64(b*0xC2B2AE3D27D4EB4F, 23) ^
		bits.RotateLeft64(c*0x165667B19E3779F9, 43))
}

// Trainer accumulates an averaged perceptron. Rows (one weight per class)
// are created the first time a feature is updated.
type Trainer struct {
	NClass int
	index  map[uint64]int32
	keys   []uint64 // keys in row order
	w      []int32
	u      []int64 // sum of step*delta, for averaging
	step   int64
}

// NewTrainer returns a trainer for n classes.
func NewTrainer(n int) *Trainer {
	return &Trainer{NClass: n, index: make(map[uint64]int32), step: 1}
}

// Scores adds the current (not averaged) weights of the features to
// scores, which must have NClass entries and is zeroed first.
func (t *Trainer) Scores(feats []uint64, scores []int64) {
	clear(scores)
	n := t.NClass
	for _, f := range feats {
		r, ok := t.index[f]
		if !ok {
			continue
		}
		row := t.w[int(r)*n : int(r)*n+n]
		for c, v := range row {
			scores[c] += int64(v)
		}
	}
}

func (t *Trainer) row(f uint64) int {
	if r, ok := t.index[f]; ok {
		return int(r)
	}
	r := len(t.keys)
	t.index[f] = int32(r)
	t.keys = append(t.keys, f)
	t.w = append(t.w, make([]int32, t.NClass)...)
	t.u = append(t.u, make([]int64, t.NClass)...)
	return r
}

// Update adds 1 to the weights of class good and subtracts 1 from those
// of class bad for every feature. It does nothing when good == bad.
func (t *Trainer) Update(feats []uint64, good, bad int) {
	if good == bad {
		return
	}
	n := t.NClass
	for _, f := range feats {
		r := t.row(f) * n
		t.w[r+good]++
		t.u[r+good] += t.step
		t.w[r+bad]--
		t.u[r+bad] -= t.step
	}
}

// Tick advances the averaging clock by one training instance.
func (t *Trainer) Tick() { t.step++ }

// Features returns the number of feature rows.
func (t *Trainer) Features() int { return len(t.keys) }

// Model returns the averaged weights as a prediction model. Weights
// whose absolute averaged value is below minWeight are dropped, and so are
// features left without weights.
func (t *Trainer) Model(minWeight float32) *Model {
	n := t.NClass
	c := float64(t.step)
	var rows []fRow
	var maxAbs float64
	for r, k := range t.keys {
		var row fRow
		row.key = Key(k)
		for j := 0; j < n; j++ {
			v := float64(t.w[r*n+j]) - float64(t.u[r*n+j])/c
			if v != 0 && math.Abs(v) >= float64(minWeight) {
				row.cls = append(row.cls, uint16(j))
				row.val = append(row.val, v)
				maxAbs = math.Max(maxAbs, math.Abs(v))
			}
		}
		if len(row.cls) > 0 {
			rows = append(rows, row)
		}
	}
	scale := float32(maxAbs / 32767)
	if scale == 0 {
		scale = 1
	}
	m := &Model{NClass: n, scale: scale, start: []int32{0}}
	seen := make(map[uint32]bool, len(rows))
	for _, row := range rows {
		if seen[row.key] {
			continue // a 32-bit key collision: the first row wins
		}
		seen[row.key] = true
		m.keys = append(m.keys, row.key)
		for i, c := range row.cls {
			q := int16(math.Round(row.val[i] / float64(scale)))
			if q != 0 {
				m.ent = append(m.ent, entry{cls: c, q: q})
			}
		}
		m.start = append(m.start, int32(len(m.ent)))
	}
	m.index()
	return m
}

type fRow struct {
	key uint32
	cls []uint16
	val []float64
}

// Key reduces a 64-bit feature hash to the 32-bit key models store.
func Key(f uint64) uint32 {
	k := uint32(f >> 32)
	if k == 0 {
		k = 1 // 0 marks an empty slot
	}
	return k
}

// entry is one weight: a class and its quantized value.
type entry struct {
	cls uint16
	q   int16
}

// slot is one cell of the open-addressing table: the row's key and where
// its entries are.
type slot struct {
	key   uint32
	off   uint32 // entries after the first
	n     uint32 // number of entries after the first
	first entry  // kept in the slot: one-weight rows need one cache line
}

// Model is a trained classifier, read-only and safe for concurrent use.
// Rows are sparse: each feature lists the classes it has weights for, as
// int16 values times one scale for the model.
type Model struct {
	NClass int
	scale  float32
	keys   []uint32 // per row
	start  []int32  // row r's entries are ent[start[r]:start[r+1]]
	ent    []entry
	mask   uint32
	// shift maps a key to its home slot: its top bits. Keys are hashes,
	// so the top bits are uniform, and a file's sorted keys fill the table
	// front to back, which makes loading cache-friendly.
	shift uint32
	slots []slot
	// dense replaces slots for models of at most 4 classes: the weights
	// sit in the table itself, so a lookup touches one cache line.
	dense []dslot
}

type dslot struct {
	key uint32
	w   [4]int16
}

func (m *Model) index() {
	size := 1
	for size < 2*len(m.keys)+2 {
		size <<= 1
	}
	m.mask = uint32(size - 1)
	m.shift = uint32(32 - bits.TrailingZeros(uint(size)))
	if m.NClass <= 4 {
		m.slots = nil
		m.dense = make([]dslot, size)
		for r, k := range m.keys {
			i := k >> m.shift
			for m.dense[i].key != 0 {
				i = (i + 1) & m.mask
			}
			m.dense[i].key = k
			for _, e := range m.ent[m.start[r]:m.start[r+1]] {
				m.dense[i].w[e.cls] = e.q
			}
		}
		return
	}
	m.slots = make([]slot, size)
	for r, k := range m.keys {
		if m.start[r] == m.start[r+1] {
			continue // rows always have weights; be safe all the same
		}
		i := k >> m.shift
		for m.slots[i].key != 0 {
			i = (i + 1) & m.mask
		}
		m.slots[i] = slot{key: k, off: uint32(m.start[r] + 1), n: uint32(m.start[r+1] - m.start[r] - 1), first: m.ent[m.start[r]]}
	}
}

// denseScores is Scores for models of at most four classes.
func (m *Model) denseScores(feats []uint64, scores []float32) {
	var acc [4]int32
	slots, mask, shift := m.dense, m.mask, m.shift
	for _, f := range feats {
		k := Key(f)
		i := k >> shift
		for {
			s := &slots[i]
			if s.key == k {
				acc[0] += int32(s.w[0])
				acc[1] += int32(s.w[1])
				acc[2] += int32(s.w[2])
				acc[3] += int32(s.w[3])
				break
			}
			if s.key == 0 {
				break
			}
			i = (i + 1) & mask
		}
	}
	for i := range scores {
		scores[i] = float32(acc[i]) * m.scale
	}
}

// Rows returns the number of feature rows.
func (m *Model) Rows() int { return len(m.keys) }

// Weights returns the number of stored weights.
func (m *Model) Weights() int { return len(m.ent) }

// Prune returns a copy of the model without the weights whose absolute
// value is below minWeight.
func (m *Model) Prune(minWeight float32) *Model {
	p := &Model{NClass: m.NClass, scale: m.scale, start: []int32{0}}
	minQ := int(math.Ceil(float64(minWeight / m.scale)))
	for r, k := range m.keys {
		n0 := len(p.ent)
		for _, e := range m.ent[m.start[r]:m.start[r+1]] {
			if q := int(e.q); q >= minQ || -q >= minQ {
				p.ent = append(p.ent, e)
			}
		}
		if len(p.ent) > n0 {
			p.keys = append(p.keys, k)
			p.start = append(p.start, int32(len(p.ent)))
		}
	}
	p.index()
	return p
}

// Scores sets scores (NClass entries) to the sum of the feature weights.
func (m *Model) Scores(feats []uint64, scores []float32) {
	clear(scores)
	if len(m.keys) == 0 {
		return
	}
	if m.dense != nil {
		m.denseScores(feats, scores)
		return
	}
	slots, mask, shift, ent := m.slots, m.mask, m.shift, m.ent
	for _, f := range feats {
		k := Key(f)
		i := k >> shift
		for {
			s := &slots[i]
			if s.key == k {
				scores[s.first.cls] += float32(s.first.q)
				if s.n > 0 {
					for _, e := range ent[s.off : s.off+s.n] {
						scores[e.cls] += float32(e.q)
					}
				}
				break
			}
			if s.key == 0 {
				break
			}
			i = (i + 1) & mask
		}
	}
	for i := range scores {
		scores[i] *= m.scale
	}
}

const magic = "FGPC2"

// WriteTo writes the model: rows sorted by key, keys delta-coded, the
// int16 weights zigzag-coded, everything varint.
func (m *Model) WriteTo(w io.Writer) (int64, error) {
	bw := bufio.NewWriter(w)
	order := make([]int, len(m.keys))
	for i := range order {
		order[i] = i
	}
	sort.Slice(order, func(i, j int) bool { return m.keys[order[i]] < m.keys[order[j]] })
	var buf [binary.MaxVarintLen64]byte
	put := func(v uint64) { bw.Write(buf[:binary.PutUvarint(buf[:], v)]) }
	bw.WriteString(magic)
	put(uint64(m.NClass))
	put(uint64(len(m.keys)))
	put(uint64(math.Float32bits(m.scale)))
	prev := uint32(0)
	for _, r := range order {
		put(uint64(m.keys[r] - prev))
		prev = m.keys[r]
	}
	for _, r := range order {
		put(uint64(m.start[r+1] - m.start[r]))
	}
	for _, r := range order {
		last := -1
		for _, e := range m.ent[m.start[r]:m.start[r+1]] {
			put(uint64(int(e.cls) - last - 1))
			last = int(e.cls)
		}
	}
	for _, r := range order {
		for _, e := range m.ent[m.start[r]:m.start[r+1]] {
			q := int64(e.q)
			put(uint64((q << 1) ^ (q >> 63)))
		}
	}
	return 0, bw.Flush()
}

// Read reads a model written by WriteTo (all of r).
func Read(r io.Reader) (*Model, error) {
	b, err := io.ReadAll(r)
	if err != nil {
		return nil, fmt.Errorf("perceptron: %w", err)
	}
	d := NewDecoder(b)
	m := d.Model()
	if d.Err() != nil {
		return nil, d.Err()
	}
	return m, nil
}
