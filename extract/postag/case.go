package postag

import (
	"unicode"
	"unicode/utf8"

	"github.com/factgraph/factgraph/extract/nlp/perceptron"
)

// CaseCounter counts, over unlabelled text, how often each word is written
// with a capital letter where capitalization is not forced (not at the
// start of a sentence or after a quote). The ratio tells proper nouns
// (almost always capitalized) from common words, which is the tagger's
// most frequent confusion (PROPN against NOUN).
type CaseCounter struct {
	total, upper map[uint64]int32
}

// NewCaseCounter returns an empty counter.
func NewCaseCounter() *CaseCounter {
	return &CaseCounter{total: map[uint64]int32{}, upper: map[uint64]int32{}}
}

// Add counts the words of one tokenized sentence or paragraph.
func (c *CaseCounter) Add(tokens []string) {
	forced := true
	for _, t := range tokens {
		r, _ := utf8.DecodeRuneInString(t)
		if !unicode.IsLetter(r) {
			switch t {
			case ".", "!", "?", ":", ";", "\"", "``", "''", "“", "”", "(", "-", "--", "—":
				forced = true
			}
			continue
		}
		if forced {
			forced = false
			continue
		}
		h := perceptron.Lower(t)
		c.total[h]++
		if unicode.IsUpper(r) {
			c.upper[h]++
		}
	}
}

// CaseClasses maps a lower-cased word hash to the class of its
// capitalization ratio (1: never capitalized … 5: always), for words
// counted at least three times.
type CaseClasses map[uint64]uint8

// Classes returns the capitalization classes.
func (c *CaseCounter) Classes() CaseClasses {
	out := CaseClasses{}
	for h, n := range c.total {
		if n < 3 {
			continue
		}
		r := float64(c.upper[h]) / float64(n)
		var k uint8
		switch {
		case r == 0:
			k = 1
		case r < 0.1:
			k = 2
		case r < 0.5:
			k = 3
		case r < 0.95:
			k = 4
		default:
			k = 5
		}
		out[h] = k
	}
	return out
}
