package tokenize

// Features are 64-bit FNV-1a hashes of a template number and the strings
// that instantiate it. Both classifiers share one weight table; their
// template numbers do not overlap.

const (
	fnvOffset = 14695981039346656037
	fnvPrime  = 1099511628211
)

type hasher uint64

func newHash(template byte) hasher {
	return hasher((fnvOffset ^ uint64(template)) * fnvPrime)
}

func (h hasher) byte(b byte) hasher { return hasher((uint64(h) ^ uint64(b)) * fnvPrime) }

// str hashes s with ASCII letters lower-cased, followed by a separator.
func (h hasher) str(s string) hasher {
	for i := 0; i < len(s); i++ {
		c := s[i]
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		h = hasher((uint64(h) ^ uint64(c)) * fnvPrime)
	}
	return h.byte(0xFF)
}

// raw hashes s as it is (case kept), followed by a separator.
func (h hasher) raw(s string) hasher {
	for i := 0; i < len(s); i++ {
		h = hasher((uint64(h) ^ uint64(s[i])) * fnvPrime)
	}
	return h.byte(0xFF)
}

func (h hasher) bytes(b []byte) hasher {
	for _, c := range b {
		h = hasher((uint64(h) ^ uint64(c)) * fnvPrime)
	}
	return h.byte(0xFF)
}

func (h hasher) rune(r rune) hasher {
	return h.byte(byte(r)).byte(byte(r >> 8)).byte(byte(r >> 16))
}

func (h hasher) int(n int) hasher {
	return h.byte(byte(n)).byte(byte(n >> 8))
}

// sum finalises the hash (a splitmix64 step spreads the bits).
func (h hasher) sum() uint64 {
	z := uint64(h)
	z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9
	z = (z ^ (z >> 27)) * 0x94d049bb133111eb
	return z ^ (z >> 31)
}

// tail returns at most n bytes at the end of s, cut at a byte boundary
// (a split rune only changes a hash, never correctness).
func tail(s string, n int) string {
	if len(s) > n {
		return s[len(s)-n:]
	}
	return s
}

// head returns at most n bytes at the start of s.
func head(s string, n int) string {
	if len(s) > n {
		return s[:n]
	}
	return s
}

// bucket maps a length to a small number of ranges.
func bucket(n int) int {
	switch {
	case n <= 4:
		return n
	case n <= 6:
		return 5
	case n <= 10:
		return 6
	case n <= 20:
		return 7
	case n <= 40:
		return 8
	case n <= 80:
		return 9
	case n <= 120:
		return 10
	}
	return 11
}
