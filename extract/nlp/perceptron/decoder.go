package perceptron

import (
	"compress/gzip"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"math"
)

// Decoder reads the values written by WriteStrings, binary.Write
// (little-endian) and Model.WriteTo from a byte slice, which is much
// faster than reading them through an io.Reader. The first error sticks
// and is returned by Err; reads after it return zero values.
type Decoder struct {
	b   []byte
	err error
}

var errShort = errors.New("perceptron: data too short")

// NewDecoder returns a decoder over b.
func NewDecoder(b []byte) *Decoder { return &Decoder{b: b} }

// OpenModel reads a gzipped model file written with the given magic
// prefix and returns a decoder positioned after it. what names the model
// in the error when the magic does not match ("a tagger model").
func OpenModel(r io.Reader, magic, what string) (*Decoder, error) {
	zr, err := gzip.NewReader(r)
	if err != nil {
		return nil, err
	}
	data, err := io.ReadAll(zr)
	if err != nil {
		return nil, err
	}
	d := NewDecoder(data)
	if string(d.Bytes(len(magic))) != magic {
		return nil, fmt.Errorf("not %s", what)
	}
	return d, nil
}

// Len returns the number of bytes not read yet: an upper bound on what a
// count read from the data may claim.
func (d *Decoder) Len() int { return len(d.b) }

// Err returns the first error met.
func (d *Decoder) Err() error { return d.err }

func (d *Decoder) fail(err error) {
	if d.err == nil {
		d.err = err
	}
	d.b = nil
}

// Bytes returns the next n bytes.
func (d *Decoder) Bytes(n int) []byte {
	if d.err != nil || n < 0 || n > len(d.b) {
		d.fail(errShort)
		return nil
	}
	v := d.b[:n:n]
	d.b = d.b[n:]
	return v
}

// Byte returns the next byte.
func (d *Decoder) Byte() byte {
	if b := d.Bytes(1); b != nil {
		return b[0]
	}
	return 0
}

// Uint32 reads a little-endian uint32.
func (d *Decoder) Uint32() uint32 {
	if b := d.Bytes(4); b != nil {
		return binary.LittleEndian.Uint32(b)
	}
	return 0
}

// Uint64 reads a little-endian uint64.
func (d *Decoder) Uint64() uint64 {
	if b := d.Bytes(8); b != nil {
		return binary.LittleEndian.Uint64(b)
	}
	return 0
}

// Uvarint reads a varint.
func (d *Decoder) Uvarint() uint64 {
	if d.err != nil {
		return 0
	}
	v, n := binary.Uvarint(d.b)
	if n <= 0 {
		d.fail(errShort)
		return 0
	}
	d.b = d.b[n:]
	return v
}

// Strings reads a list written by WriteStrings.
func (d *Decoder) Strings() []string {
	n := d.Uint32()
	if int(n) > len(d.b)/4 {
		d.fail(errors.New("perceptron: string list too long"))
		return nil
	}
	out := make([]string, 0, n)
	for i := uint32(0); i < n && d.err == nil; i++ {
		l := d.Uint32()
		out = append(out, string(d.Bytes(int(l))))
	}
	return out
}

// Index reads a map written by WriteIndex whose values must lie in
// [0, limit).
func (d *Decoder) Index(limit int) map[string]int32 {
	keys := d.Strings()
	m := make(map[string]int32, len(keys))
	for _, k := range keys {
		id := int32(d.Uint32())
		if d.err != nil {
			return nil
		}
		if id < 0 || int(id) >= limit {
			d.fail(fmt.Errorf("perceptron: index entry %d out of range [0, %d)", id, limit))
			return nil
		}
		m[k] = id
	}
	return m
}

// Model reads a model written by Model.WriteTo.
func (d *Decoder) Model() *Model {
	if string(d.Bytes(len(magic))) != magic {
		d.fail(errors.New("perceptron: not a model"))
		return nil
	}
	nc, nr := int(d.Uvarint()), int(d.Uvarint())
	scale := math.Float32frombits(uint32(d.Uvarint()))
	if d.err != nil {
		return nil
	}
	if nc <= 0 || nc > 1<<15 || nr < 0 || nr > len(d.b) {
		d.fail(errors.New("perceptron: bad header"))
		return nil
	}
	m := &Model{NClass: nc, scale: scale, keys: make([]uint32, nr), start: make([]int32, nr+1)}
	prev := uint32(0)
	for i := range m.keys {
		prev += uint32(d.Uvarint())
		m.keys[i] = prev
	}
	for i := 0; i < nr; i++ {
		c := d.Uvarint()
		if c == 0 || c > uint64(nc) {
			d.fail(errors.New("perceptron: bad row"))
			return nil
		}
		m.start[i+1] = m.start[i] + int32(c)
	}
	total := int(m.start[nr])
	if d.err != nil || total > len(d.b) {
		d.fail(errShort)
		return nil
	}
	m.ent = make([]entry, total)
	for r := 0; r < nr; r++ {
		last := -1
		for i := m.start[r]; i < m.start[r+1]; i++ {
			c := last + 1 + int(d.Uvarint())
			if c >= nc {
				d.fail(errors.New("perceptron: bad class"))
				return nil
			}
			m.ent[i].cls = uint16(c)
			last = c
		}
	}
	for i := range m.ent {
		u := d.Uvarint()
		q := int64(u>>1) ^ -int64(u&1)
		if q > math.MaxInt16 || q < math.MinInt16 {
			d.fail(errors.New("perceptron: bad weight"))
			return nil
		}
		m.ent[i].q = int16(q)
	}
	if d.err != nil {
		return nil
	}
	for i := 1; i < nr; i++ {
		if m.keys[i] <= m.keys[i-1] {
			d.fail(errors.New("perceptron: keys out of order"))
			return nil
		}
	}
	if nr > 0 && m.keys[0] == 0 {
		d.fail(errors.New("perceptron: zero key"))
		return nil
	}
	m.index()
	return m
}
