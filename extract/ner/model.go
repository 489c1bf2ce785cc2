package ner

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"encoding/binary"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"math"
	"sort"
)

// Labels: 0 is O; type t has B, I, L, U at 1+4t … 4+4t (BILOU encoding,
// which learns span ends better than BIO).
const (
	bilB = iota
	bilI
	bilL
	bilU
)

func label(t, part int) int { return 1 + 4*t + part }

func labelType(l int) int { return (l - 1) / 4 }

func labelPart(l int) int { return (l - 1) % 4 }

// allowed reports whether label l may follow label p (p < 0 at the start)
// and whether it may end the sentence when last is set.
func allowed(p, l int, last bool) bool {
	inside := p > 0 && (labelPart(p) == bilB || labelPart(p) == bilI)
	if inside {
		if l == 0 || labelType(l) != labelType(p) {
			return false
		}
		part := labelPart(l)
		if part == bilL {
			return true
		}
		return part == bilI && !last
	}
	if l == 0 {
		return true
	}
	part := labelPart(l)
	if part == bilU {
		return true
	}
	return part == bilB && !last
}

// table maps feature hashes to weight rows (open addressing, linear
// probing; key and row side by side so a lookup touches one cache line).
type table struct {
	slots []slot
	mask  uint64
}

type slot struct {
	key uint64
	row int32
}

func newTable(n int) *table {
	size := 1
	for size < n*2 {
		size <<= 1
	}
	return &table{slots: make([]slot, size), mask: uint64(size - 1)}
}

func (t *table) put(k uint64, row int32) {
	if k == 0 {
		k = 1
	}
	i := (k * 0x9E3779B97F4A7C15) >> 20 & t.mask
	for t.slots[i].key != 0 {
		i = (i + 1) & t.mask
	}
	t.slots[i] = slot{k, row}
}

func (t *table) get(k uint64) int32 {
	if k == 0 {
		k = 1
	}
	i := (k * 0x9E3779B97F4A7C15) >> 20 & t.mask
	for {
		s := &t.slots[i]
		switch s.key {
		case k:
			return s.row
		case 0:
			return -1
		}
		i = (i + 1) & t.mask
	}
}

// stage is one trained tagger: hashed features → weights for every label.
type stage struct {
	nl  int
	tab *table
	w   []float32 // row*nl + label
	// copies maps the domain copies of features to their domain's salt
	// while training (not written: written models are folded).
	copies map[uint64]uint64
	// bias is added to the scores of every label (the last stage of a
	// model with a type bias): a decision threshold tuned on dev data.
	bias []float32
}

// score adds the weights of the features to scores.
func (s *stage) score(feats []uint64, scores []float32) {
	nl := s.nl
	for _, f := range feats {
		r := s.tab.get(f)
		if r < 0 {
			continue
		}
		row := s.w[int(r)*nl : int(r)*nl+nl]
		for l, v := range row {
			scores[l] += v
		}
	}
}

// modelHeader is the JSON header of a model file.
type modelHeader struct {
	Version int      `json:"version"`
	Types   []string `json:"types"`
	Stages  int      `json:"stages"`
	// Domain, when set, is the domain whose feature copies the model adds
	// (feature augmentation).
	Domain string `json:"domain,omitempty"`
	// Info records how the model was trained.
	Info map[string]string `json:"info,omitempty"`
	// Features lists the optional feature sets the model was trained with
	// ("case": how words are written in unlabelled text).
	Features []string `json:"features,omitempty"`
	// Bias is added to the last stage's scores of every label of a type
	// (a threshold tuned on dev data: recall against precision).
	Bias map[string]float32 `json:"bias,omitempty"`
}

const modelVersion = 1

// Model is the statistical part of the recognizer: one or two stages (the
// second reads document-level history built from the first).
type Model struct {
	types  []string
	stages []*stage
	info   map[string]string
	domain string
	// features are the optional feature sets (see modelHeader).
	features []string
	// typeBias is the score added to the labels of a type (see
	// modelHeader.Bias).
	typeBias map[string]float32
}

// SetBias sets the score added, in the last stage, to the labels of each
// type (a decision threshold: positive values trade precision for recall).
func (m *Model) SetBias(bias map[string]float32) error {
	for t := range bias {
		found := false
		for _, mt := range m.types {
			found = found || mt == t
		}
		if !found {
			return fmt.Errorf("ner: bias for %q: the model's types are %v", t, m.types)
		}
	}
	m.typeBias = bias
	if len(bias) == 0 {
		m.typeBias = nil
	}
	m.applyBias()
	return nil
}

// applyBias sets the last stage's label biases from typeBias.
func (m *Model) applyBias() {
	if len(m.stages) == 0 {
		return
	}
	last := m.stages[len(m.stages)-1]
	last.bias = nil
	if len(m.typeBias) == 0 {
		return
	}
	last.bias = make([]float32, last.nl)
	for t, ty := range m.types {
		for part := bilB; part <= bilU; part++ {
			last.bias[label(t, part)] = m.typeBias[ty]
		}
	}
}

// hasFeature reports whether the model uses an optional feature set.
func (m *Model) hasFeature(name string) bool {
	for _, f := range m.features {
		if f == name {
			return true
		}
	}
	return false
}

func (m *Model) salt() uint64 { return domainSalt(m.domain) }

// writeModel writes m gzipped: a length-prefixed JSON header, then for every
// stage the number of features, their hashes (sorted, delta-varint) and for
// each feature a float32 scale and one int8 weight per label.
func writeModel(w io.Writer, m *Model) error {
	zw, err := gzip.NewWriterLevel(w, gzip.BestCompression)
	if err != nil {
		return err
	}
	bw := bufio.NewWriter(zw)
	hdr, _ := json.Marshal(modelHeader{Version: modelVersion, Types: m.types, Stages: len(m.stages), Info: m.info, Domain: m.domain, Features: m.features, Bias: m.typeBias})
	var buf [binary.MaxVarintLen64]byte
	putU := func(v uint64) {
		n := binary.PutUvarint(buf[:], v)
		bw.Write(buf[:n])
	}
	putU(uint64(len(hdr)))
	bw.Write(hdr)
	for _, s := range m.stages {
		type row struct {
			key uint64
			r   int32
		}
		var rows []row
		for _, sl := range s.tab.slots {
			if sl.key != 0 {
				rows = append(rows, row{sl.key, sl.row})
			}
		}
		sort.Slice(rows, func(a, b int) bool { return rows[a].key < rows[b].key })
		putU(uint64(len(rows)))
		var prev uint64
		for _, r := range rows {
			putU(r.key - prev)
			prev = r.key
		}
		q := make([]byte, s.nl)
		for _, r := range rows {
			ws := s.w[int(r.r)*s.nl : int(r.r)*s.nl+s.nl]
			var mx float32
			for _, v := range ws {
				mx = max(mx, float32(math.Abs(float64(v))))
			}
			scale := mx / 127
			binary.Write(bw, binary.LittleEndian, scale)
			for l, v := range ws {
				if scale == 0 {
					q[l] = 0
					continue
				}
				q[l] = byte(int8(math.Round(float64(v / scale))))
			}
			bw.Write(q)
		}
	}
	if err := bw.Flush(); err != nil {
		return fmt.Errorf("ner: write model: %w", err)
	}
	if err := zw.Close(); err != nil {
		return fmt.Errorf("ner: write model: %w", err)
	}
	return nil
}

// readModel reads a model written by writeModel.
func readModel(data []byte) (*Model, error) {
	zr, err := gzip.NewReader(bytes.NewReader(data))
	if err != nil {
		return nil, fmt.Errorf("ner: read model: %w", err)
	}
	br := bufio.NewReader(zr)
	n, err := binary.ReadUvarint(br)
	if err != nil || n > 1<<20 {
		return nil, fmt.Errorf("ner: read model header: %w", errors.Join(err, errors.New("bad header")))
	}
	hb := make([]byte, n)
	if _, err := io.ReadFull(br, hb); err != nil {
		return nil, fmt.Errorf("ner: read model header: %w", err)
	}
	var h modelHeader
	if err := json.Unmarshal(hb, &h); err != nil {
		return nil, fmt.Errorf("ner: read model header: %w", err)
	}
	if h.Version != modelVersion {
		return nil, fmt.Errorf("ner: model version %d, want %d", h.Version, modelVersion)
	}
	m := &Model{types: h.Types, info: h.Info, domain: h.Domain, features: h.Features}
	nl := 1 + 4*len(h.Types)
	for si := 0; si < h.Stages; si++ {
		cnt, err := binary.ReadUvarint(br)
		if err != nil || cnt > 1<<28 {
			return nil, fmt.Errorf("ner: read stage %d: %w", si, errors.Join(err, errors.New("bad size")))
		}
		keys := make([]uint64, cnt)
		var prev uint64
		for i := range keys {
			d, err := binary.ReadUvarint(br)
			if err != nil {
				return nil, fmt.Errorf("ner: read stage %d: %w", si, err)
			}
			prev += d
			keys[i] = prev
		}
		s := &stage{nl: nl, tab: newTable(int(cnt)), w: make([]float32, int(cnt)*nl)}
		q := make([]byte, nl)
		for i, k := range keys {
			var scale float32
			if err := binary.Read(br, binary.LittleEndian, &scale); err != nil {
				return nil, fmt.Errorf("ner: read stage %d: %w", si, err)
			}
			if _, err := io.ReadFull(br, q); err != nil {
				return nil, fmt.Errorf("ner: read stage %d: %w", si, err)
			}
			for l, b := range q {
				s.w[i*nl+l] = float32(int8(b)) * scale
			}
			s.tab.put(k, int32(i))
		}
		m.stages = append(m.stages, s)
	}
	if err := m.SetBias(h.Bias); err != nil {
		return nil, err
	}
	return m, nil
}
