package coref

import (
	"bufio"
	"bytes"
	"compress/gzip"
	_ "embed"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"math"
	"sort"
	"sync"
)

// ModelFile is the shipped model's file name in this package's folder.
const ModelFile = "model.gz"

//go:embed model.gz
var embeddedModel []byte

const (
	modelMagic   = "FGCOREF2" // weights, then the class lexicon
	modelMagicV1 = "FGCOREF1" // weights only
)

// Model is a trained mention-ranking model: weights of hashed features
// scoring each candidate antecedent of a mention and the option of
// starting a new entity. It is read-only and safe for concurrent use.
type Model struct {
	w map[uint32]float32
	// cls gives head lemmas of nominals their semantic class (an index of
	// classNames), learned from GUM's entity types.
	cls map[string]uint8
}

var defaultModel = sync.OnceValues(func() (*Model, error) { return ReadModel(bytes.NewReader(embeddedModel)) })

// DefaultModel returns the embedded model, read once.
func DefaultModel() (*Model, error) { return defaultModel() }

func (m *Model) score(f feats) float64 {
	s := 0.0
	for _, k := range f {
		s += float64(m.w[k])
	}
	return s
}

// Len is the number of non-zero weights.
func (m *Model) Len() int { return len(m.w) }

// WriteTo writes the model gzipped: a magic string, the number of
// weights, then (key, weight) pairs sorted by key.
func (m *Model) WriteTo(w io.Writer) (int64, error) {
	keys := make([]uint32, 0, len(m.w))
	for k := range m.w {
		keys = append(keys, k)
	}
	sort.Slice(keys, func(a, b int) bool { return keys[a] < keys[b] })
	zw, err := gzip.NewWriterLevel(w, gzip.BestCompression)
	if err != nil {
		return 0, err
	}
	bw := bufio.NewWriter(zw)
	bw.WriteString(modelMagic)
	var buf [8]byte
	binary.LittleEndian.PutUint32(buf[:4], uint32(len(keys)))
	bw.Write(buf[:4])
	for _, k := range keys {
		binary.LittleEndian.PutUint32(buf[:4], k)
		binary.LittleEndian.PutUint32(buf[4:], math.Float32bits(m.w[k]))
		bw.Write(buf[:])
	}
	lemmas := make([]string, 0, len(m.cls))
	for l := range m.cls {
		if len(l) < 256 {
			lemmas = append(lemmas, l)
		}
	}
	sort.Strings(lemmas)
	binary.LittleEndian.PutUint32(buf[:4], uint32(len(lemmas)))
	bw.Write(buf[:4])
	for _, l := range lemmas {
		bw.WriteByte(byte(len(l)))
		bw.WriteString(l)
		bw.WriteByte(m.cls[l])
	}
	if err := bw.Flush(); err != nil {
		return 0, fmt.Errorf("write coref model: %w", err)
	}
	if err := zw.Close(); err != nil {
		return 0, fmt.Errorf("write coref model: %w", err)
	}
	return int64(len(keys)) * 8, nil
}

// ReadModel reads a model written by WriteTo.
func ReadModel(r io.Reader) (*Model, error) {
	zr, err := gzip.NewReader(r)
	if err != nil {
		return nil, fmt.Errorf("coref model: %w", err)
	}
	defer zr.Close()
	br := bufio.NewReader(zr)
	magic := make([]byte, len(modelMagic))
	if _, err := io.ReadFull(br, magic); err != nil || string(magic) != modelMagic && string(magic) != modelMagicV1 {
		return nil, errors.New("coref model: not a coreference model file")
	}
	var buf [8]byte
	if _, err := io.ReadFull(br, buf[:4]); err != nil {
		return nil, fmt.Errorf("coref model: %w", err)
	}
	n := binary.LittleEndian.Uint32(buf[:4])
	m := &Model{w: make(map[uint32]float32, n)}
	for i := uint32(0); i < n; i++ {
		if _, err := io.ReadFull(br, buf[:]); err != nil {
			return nil, fmt.Errorf("coref model: weight %d of %d: %w", i, n, err)
		}
		m.w[binary.LittleEndian.Uint32(buf[:4])] = math.Float32frombits(binary.LittleEndian.Uint32(buf[4:]))
	}
	m.cls = map[string]uint8{}
	if string(magic) == modelMagicV1 {
		return m, nil
	}
	if _, err := io.ReadFull(br, buf[:4]); err != nil {
		return nil, fmt.Errorf("coref model: classes: %w", err)
	}
	nc := binary.LittleEndian.Uint32(buf[:4])
	for i := uint32(0); i < nc; i++ {
		n, err := br.ReadByte()
		if err != nil {
			return nil, fmt.Errorf("coref model: class %d of %d: %w", i, nc, err)
		}
		b := make([]byte, int(n)+1)
		if _, err := io.ReadFull(br, b); err != nil {
			return nil, fmt.Errorf("coref model: class %d of %d: %w", i, nc, err)
		}
		if int(b[n]) >= len(classNames) {
			return nil, fmt.Errorf("coref model: class %d of %d out of range", i, nc)
		}
		m.cls[string(b[:n])] = b[n]
	}
	return m, nil
}
