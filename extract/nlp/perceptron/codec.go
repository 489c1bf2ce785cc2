package perceptron

import (
	"bufio"
	"compress/gzip"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"sort"
)

// WriteStrings writes a length-prefixed list of strings.
func WriteStrings(w io.Writer, ss []string) error {
	if err := binary.Write(w, binary.LittleEndian, uint32(len(ss))); err != nil {
		return err
	}
	for _, s := range ss {
		if err := binary.Write(w, binary.LittleEndian, uint32(len(s))); err != nil {
			return err
		}
		if _, err := io.WriteString(w, s); err != nil {
			return err
		}
	}
	return nil
}

// ReadStrings reads a list written by WriteStrings.
func ReadStrings(r io.Reader) ([]string, error) {
	var n uint32
	if err := binary.Read(r, binary.LittleEndian, &n); err != nil {
		return nil, fmt.Errorf("read string count: %w", err)
	}
	if n > 1<<24 {
		return nil, errors.New("string list too long")
	}
	out := make([]string, 0, n)
	var buf []byte
	for i := uint32(0); i < n; i++ {
		var l uint32
		if err := binary.Read(r, binary.LittleEndian, &l); err != nil {
			return nil, fmt.Errorf("read string length: %w", err)
		}
		if l > 1<<20 {
			return nil, errors.New("string too long")
		}
		if cap(buf) < int(l) {
			buf = make([]byte, l)
		}
		buf = buf[:l]
		if _, err := io.ReadFull(r, buf); err != nil {
			return nil, fmt.Errorf("read string: %w", err)
		}
		out = append(out, string(buf))
	}
	return out, nil
}

// Lower returns the hash of s with ASCII letters lower-cased, without
// allocating.
func Lower(s string) uint64 {
	h := uint64(fnvOffset)
	for i := 0; i < len(s); i++ {
		c := s[i]
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		h ^= uint64(c)
		h *= fnvPrime
	}
	return h
}

// Suffix returns the hash of the last n bytes of s lower-cased (all of s
// when it is shorter), tagged with n so that suffixes of different
// lengths never collide.
func Suffix(s string, n int) uint64 {
	if len(s) > n {
		s = s[len(s)-n:]
	}
	return Lower(s) ^ uint64(n)<<56
}

// Prefix is Suffix for the first n bytes.
func Prefix(s string, n int) uint64 {
	if len(s) > n {
		s = s[:n]
	}
	return Lower(s) ^ uint64(n)<<48
}

// Shape returns the hash of the word shape of s: runs of upper-case
// letters, lower-case letters and digits collapse to X, x and d; other
// bytes stay. Non-ASCII bytes count as letters of class 'u'.
func Shape(s string) uint64 {
	h := uint64(fnvOffset)
	var last byte
	for i := 0; i < len(s); i++ {
		c := s[i]
		var k byte
		switch {
		case 'A' <= c && c <= 'Z':
			k = 'X'
		case 'a' <= c && c <= 'z':
			k = 'x'
		case '0' <= c && c <= '9':
			k = 'd'
		case c >= 0x80:
			k = 'u'
		default:
			k = c
		}
		if k == last && (k == 'X' || k == 'x' || k == 'd' || k == 'u') {
			continue
		}
		last = k
		h ^= uint64(k)
		h *= fnvPrime
	}
	return h
}

// WriteFile writes a gzip-compressed model file: the magic string, then
// what body writes. It is the one writer of the tagger, lemmatizer and
// parser files, which OpenModel reads back.
func WriteFile(w io.Writer, magic string, body func(w *bufio.Writer) error) error {
	zw := gzip.NewWriter(w)
	bw := bufio.NewWriter(zw)
	bw.WriteString(magic)
	if err := body(bw); err != nil {
		return err
	}
	if err := bw.Flush(); err != nil {
		return err
	}
	return zw.Close()
}

// WriteIndex writes a map from strings to class or row numbers: its keys
// in sorted order (as WriteStrings), then their values as little-endian
// int32. Decoder.Index reads it back.
func WriteIndex(w io.Writer, m map[string]int32) error {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	ids := make([]int32, len(keys))
	for i, k := range keys {
		ids[i] = m[k]
	}
	if err := WriteStrings(w, keys); err != nil {
		return err
	}
	return binary.Write(w, binary.LittleEndian, ids)
}
