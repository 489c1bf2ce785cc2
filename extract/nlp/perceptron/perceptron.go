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
	"errors"
	"fmt"
	"io"
	"math"
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

// F1 is the feature of template t with one value.
func F1(t, a uint64) uint64 { return mix(t*0x9E3779B97F4A7C15 ^ a) }

// F2 is the feature of template t with two values.
func F2(t, a, b uint64) uint64 { return mix(F1(t, a) ^ b*0xC2B2AE3D27D4EB4F) }

// F3 is the feature of template t with three values.
func F3(t, a, b, c uint64) uint64 { return mix(F2(t, a, b) ^ c*0x165667B19E3779F9) }

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

// Model returns the averaged weights as a prediction model. Rows whose
// largest absolute averaged weight is below minWeight are dropped.
func (t *Trainer) Model(minWeight float32) *Model {
	n := t.NClass
	m := &Model{NClass: n}
	var keys []uint64
	var w []float32
	c := float64(t.step)
	row := make([]float32, n)
	for r, k := range t.keys {
		var maxAbs float32
		for j := 0; j < n; j++ {
			v := float32(float64(t.w[r*n+j]) - float64(t.u[r*n+j])/c)
			row[j] = v
			if a := float32(math.Abs(float64(v))); a > maxAbs {
				maxAbs = a
			}
		}
		if maxAbs < minWeight || maxAbs == 0 {
			continue
		}
		keys = append(keys, k)
		w = append(w, row...)
	}
	m.build(keys, w)
	return m
}

// Model is a trained classifier, read-only and safe for concurrent use.
type Model struct {
	NClass int
	mask   uint64
	slots  []uint64 // open addressing; 0 marks an empty slot
	rows   []int32
	w      []float32
	nrows  int
}

func (m *Model) build(keys []uint64, w []float32) {
	size := 1
	for size < 2*len(keys)+2 {
		size <<= 1
	}
	m.mask = uint64(size - 1)
	m.slots = make([]uint64, size)
	m.rows = make([]int32, size)
	m.w = w
	m.nrows = len(keys)
	for r, k := range keys {
		if k == 0 {
			k = 1 // 0 marks empty slots; a collision with 1 is harmless
		}
		i := k & m.mask
		for m.slots[i] != 0 && m.slots[i] != k {
			i = (i + 1) & m.mask
		}
		m.slots[i] = k
		m.rows[i] = int32(r)
	}
}

// Rows returns the number of feature rows.
func (m *Model) Rows() int { return m.nrows }

// Row returns the weights of feature f, or nil when f is unknown.
func (m *Model) Row(f uint64) []float32 {
	if m.nrows == 0 {
		return nil
	}
	if f == 0 {
		f = 1
	}
	i := f & m.mask
	for {
		k := m.slots[i]
		if k == f {
			r := int(m.rows[i]) * m.NClass
			return m.w[r : r+m.NClass]
		}
		if k == 0 {
			return nil
		}
		i = (i + 1) & m.mask
	}
}

// Scores sets scores (NClass entries) to the sum of the feature weights.
func (m *Model) Scores(feats []uint64, scores []float32) {
	clear(scores)
	for _, f := range feats {
		row := m.Row(f)
		if row == nil {
			continue
		}
		row = row[:len(scores)]
		for c, v := range row {
			scores[c] += v
		}
	}
}

const magic = "FGPC1"

// WriteTo writes the model quantized to int16 (one scale for the model).
func (m *Model) WriteTo(w io.Writer) (int64, error) {
	bw := bufio.NewWriter(w)
	var maxAbs float32
	for _, v := range m.w {
		if a := float32(math.Abs(float64(v))); a > maxAbs {
			maxAbs = a
		}
	}
	scale := maxAbs / 32767
	if scale == 0 {
		scale = 1
	}
	bw.WriteString(magic)
	hdr := []uint64{uint64(m.NClass), uint64(m.nrows), uint64(math.Float32bits(scale))}
	for _, v := range hdr {
		binary.Write(bw, binary.LittleEndian, v)
	}
	// keys in row order, delta-free: rows are listed by slot order for
	// determinism of the file given the same model.
	keys := make([]uint64, m.nrows)
	for i, k := range m.slots {
		if k != 0 {
			keys[m.rows[i]] = k
		}
	}
	if err := binary.Write(bw, binary.LittleEndian, keys); err != nil {
		return 0, err
	}
	q := make([]int16, len(m.w))
	for i, v := range m.w {
		q[i] = int16(math.Round(float64(v / scale)))
	}
	// Write weights column-major (class by class): zeros cluster and
	// compress better.
	col := make([]int16, m.nrows)
	for c := 0; c < m.NClass; c++ {
		for r := 0; r < m.nrows; r++ {
			col[r] = q[r*m.NClass+c]
		}
		if err := binary.Write(bw, binary.LittleEndian, col); err != nil {
			return 0, err
		}
	}
	return 0, bw.Flush()
}

// Read reads a model written by WriteTo.
func Read(r io.Reader) (*Model, error) {
	br := bufio.NewReader(r)
	head := make([]byte, len(magic))
	if _, err := io.ReadFull(br, head); err != nil {
		return nil, fmt.Errorf("perceptron: read header: %w", err)
	}
	if string(head) != magic {
		return nil, errors.New("perceptron: not a model file")
	}
	var hdr [3]uint64
	if err := binary.Read(br, binary.LittleEndian, &hdr); err != nil {
		return nil, fmt.Errorf("perceptron: read header: %w", err)
	}
	nc, nr := int(hdr[0]), int(hdr[1])
	if nc <= 0 || nc > 1<<16 || nr < 0 || nr > 1<<26 {
		return nil, errors.New("perceptron: bad header")
	}
	scale := math.Float32frombits(uint32(hdr[2]))
	keys := make([]uint64, nr)
	if err := binary.Read(br, binary.LittleEndian, keys); err != nil {
		return nil, fmt.Errorf("perceptron: read keys: %w", err)
	}
	w := make([]float32, nr*nc)
	col := make([]int16, nr)
	for c := 0; c < nc; c++ {
		if err := binary.Read(br, binary.LittleEndian, col); err != nil {
			return nil, fmt.Errorf("perceptron: read weights: %w", err)
		}
		for r, v := range col {
			w[r*nc+c] = float32(v) * scale
		}
	}
	m := &Model{NClass: nc}
	m.build(keys, w)
	return m, nil
}
