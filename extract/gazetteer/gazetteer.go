// Package gazetteer holds the name lists the recognizer uses as features and
// to type its mentions: countries (with official and alternative names),
// capitals, demonyms and the country each points at, given names, US
// states, and hand-written lists of titles, organisation and location
// keywords and political and religious groups.
//
// The country and name lists are derived from ../shared/data/lexicons by
// gen.go (see data/NOTICE for credits and licences) and embedded.
package gazetteer

import (
	"bufio"
	"bytes"
	"compress/gzip"
	_ "embed"
	"fmt"
	"strings"
	"sync"
)

// Kind is one list.
type Kind uint8

// The lists.
const (
	Country Kind = iota
	Capital
	Demonym
	FirstName // given names, with their gender as the value ("m", "f"; none for names of both)
	USState
	Title     // role words: president, spokesman, minister, …
	OrgWord   // words that end organisation names: Inc, Corp, Party, Ministry, …
	LocWord   // words of non-political places: River, Sea, Mountains, …
	Group     // political and religious groups: Democratic, Republican, Muslim, …
	Month     // month names
	Weekday   // day names
	Continent // continents and world regions: Europe, Middle East, …
	EventWord // words that end event names: War, Cup, Olympics, …
	numKinds
)

var kindNames = [...]string{"country", "capital", "demonym", "first", "usstate", "title",
	"orgword", "locword", "group", "month", "weekday", "continent", "eventword"}

// String returns the list's name.
func (k Kind) String() string {
	if int(k) < len(kindNames) {
		return kindNames[k]
	}
	return fmt.Sprintf("kind%d", k)
}

// NumKinds is the number of lists.
const NumKinds = int(numKinds)

//go:embed data/lexicon.tsv.gz
var lexiconGz []byte

// Gazetteer matches phrases of its lists in token sequences. It is
// read-only and safe for concurrent use.
type Gazetteer struct {
	// phrases maps a lower-cased phrase (tokens joined by spaces) to the
	// kinds it belongs to (bit set).
	phrases map[string]uint32
	// exact holds the case-sensitive phrases for lists where case matters
	// (given names, demonyms, capitals, countries).
	exact map[string]uint32
	// value maps kind+"\x00"+phrase to the country a demonym, capital or
	// country name points at.
	value  map[string]string
	maxLen int
	// firstLen maps the lower-cased first token of the phrases to the
	// length of the longest phrase starting with it.
	firstLen map[string]int
}

var defaultGaz = sync.OnceValues(func() (*Gazetteer, error) { return load() })

// Default returns the embedded gazetteer, loaded once.
func Default() (*Gazetteer, error) { return defaultGaz() }

func load() (*Gazetteer, error) {
	zr, err := gzip.NewReader(bytes.NewReader(lexiconGz))
	if err != nil {
		return nil, fmt.Errorf("gazetteer: %w", err)
	}
	g := &Gazetteer{phrases: map[string]uint32{}, exact: map[string]uint32{}, value: map[string]string{}, firstLen: map[string]int{}}
	sc := bufio.NewScanner(zr)
	for sc.Scan() {
		f := strings.Split(sc.Text(), "\t")
		if len(f) != 3 {
			continue
		}
		var k Kind
		switch f[0] {
		case "country":
			k = Country
		case "capital":
			k = Capital
		case "demonym":
			k = Demonym
		case "first":
			k = FirstName
		default:
			continue
		}
		g.add(k, f[1], f[2], true)
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("gazetteer: %w", err)
	}
	for k, list := range handLists {
		for _, p := range strings.Split(list, ",") {
			p = strings.TrimSpace(p)
			if p == "" {
				continue
			}
			v := ""
			if i := strings.IndexByte(p, '='); i >= 0 {
				p, v = p[:i], p[i+1:]
			}
			g.add(k, p, v, k == USState || k == Continent)
		}
	}
	return g, nil
}

func (g *Gazetteer) add(k Kind, phrase, value string, exact bool) {
	toks := strings.Fields(phrase)
	if len(toks) == 0 {
		return
	}
	if len(toks) > g.maxLen {
		g.maxLen = len(toks)
	}
	key := strings.Join(toks, " ")
	lk := strings.ToLower(key)
	if f := strings.ToLower(toks[0]); len(toks) > g.firstLen[f] {
		g.firstLen[f] = len(toks)
	}
	g.phrases[lk] |= 1 << k
	if exact {
		g.exact[key] |= 1 << k
	}
	if value != "" {
		g.value[k.String()+"\x00"+lk] = value
	}
}

// Hit is a phrase of a list found in a token sequence.
type Hit struct {
	Start, End int // token span [Start, End)
	Kinds      uint32
	// Exact is set when the phrase matched with its case.
	Exact bool
}

// Has reports whether k is among the hit's kinds.
func (h Hit) Has(k Kind) bool { return h.Kinds&(1<<k) != 0 }

// Match finds the longest phrases of the lists starting at each token,
// scanning left to right (a phrase is skipped over once matched).
func (g *Gazetteer) Match(words []string) []Hit {
	var hits []Hit
	var sb strings.Builder
	for i := 0; i < len(words); {
		best := Hit{}
		longest := g.firstLen[lowerASCII(words[i])]
		if longest == 0 && !isASCII(words[i]) {
			longest = g.firstLen[strings.ToLower(words[i])]
		}
		for n := min(longest, len(words)-i); n >= 1; n-- {
			sb.Reset()
			for j := i; j < i+n; j++ {
				if j > i {
					sb.WriteByte(' ')
				}
				sb.WriteString(words[j])
			}
			key := sb.String()
			if k, ok := g.exact[key]; ok {
				best = Hit{i, i + n, k | g.phrases[strings.ToLower(key)], true}
				break
			}
			if k, ok := g.phrases[strings.ToLower(key)]; ok {
				best = Hit{i, i + n, k, false}
				break
			}
		}
		if best.End > best.Start {
			hits = append(hits, best)
			i = best.End
		} else {
			i++
		}
	}
	return hits
}

// PoliticalPlaces is the Lookup mask of the lists of countries, capitals
// and US states.
const PoliticalPlaces = 1<<Country | 1<<Capital | 1<<USState

// Lookup returns the kinds of a whole phrase (case-insensitive).
func (g *Gazetteer) Lookup(phrase string) uint32 {
	return g.phrases[strings.ToLower(strings.Join(strings.Fields(phrase), " "))]
}

// Is reports whether phrase (case-insensitive) is in list k.
func (g *Gazetteer) Is(k Kind, phrase string) bool { return g.Lookup(phrase)&(1<<k) != 0 }

// Country returns the country a country name, capital or demonym points at
// ("Russian" → "Russia", "UK" → "United Kingdom", "Moscow" → "Russia").
func (g *Gazetteer) Country(phrase string) (string, bool) {
	lk := strings.ToLower(strings.Join(strings.Fields(phrase), " "))
	for _, k := range []Kind{Country, Demonym, Capital} {
		if v, ok := g.value[k.String()+"\x00"+lk]; ok {
			return v, true
		}
	}
	// Plural demonyms: "Russians", "Americans".
	if strings.HasSuffix(lk, "s") {
		if v, ok := g.value[Demonym.String()+"\x00"+strings.TrimSuffix(lk, "s")]; ok {
			return v, true
		}
	}
	return "", false
}

// Value returns the value stored with phrase in list k (the country of a
// demonym or capital, the canonical name of a group).
func (g *Gazetteer) Value(k Kind, phrase string) string {
	return g.value[k.String()+"\x00"+strings.ToLower(strings.Join(strings.Fields(phrase), " "))]
}

func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= 0x80 {
			return false
		}
	}
	return true
}

// lowerASCII lower-cases ASCII letters, allocating only when needed.
func lowerASCII(s string) string {
	for i := 0; i < len(s); i++ {
		if c := s[i]; c >= 'A' && c <= 'Z' {
			b := []byte(s)
			for j := i; j < len(b); j++ {
				if b[j] >= 'A' && b[j] <= 'Z' {
					b[j] += 'a' - 'A'
				}
			}
			return string(b)
		}
	}
	return s
}
