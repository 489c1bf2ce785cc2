package ner

import (
	"fmt"
	"io"
	"sort"
	"strings"
)

// Score is the conlleval score of predicted against gold tags: chunks
// (entities) count as correct when both their span and their type match.
type Score struct {
	Tokens        int
	CorrectTags   int
	Gold, Guessed int // chunks found in the gold and the predicted tags
	Correct       int // chunks predicted exactly
	// PerType holds the same counts for each entity type.
	PerType map[string]*TypeScore
}

// TypeScore holds the chunk counts of one type.
type TypeScore struct {
	Gold, Guessed, Correct int
}

// Precision returns the percentage of predicted chunks that are correct.
func (t TypeScore) Precision() float64 { return pct(t.Correct, t.Guessed) }

// Recall returns the percentage of gold chunks that were predicted.
func (t TypeScore) Recall() float64 { return pct(t.Correct, t.Gold) }

// F1 returns the harmonic mean of precision and recall (0 when both are 0).
func (t TypeScore) F1() float64 { return f1(t.Precision(), t.Recall()) }

// Overall returns the counts over all types.
func (s *Score) Overall() TypeScore {
	return TypeScore{Gold: s.Gold, Guessed: s.Guessed, Correct: s.Correct}
}

// Accuracy returns the percentage of tokens whose tag is right.
func (s *Score) Accuracy() float64 { return pct(s.CorrectTags, s.Tokens) }

func pct(a, b int) float64 {
	if b == 0 {
		return 0
	}
	return 100 * float64(a) / float64(b)
}

func f1(p, r float64) float64 {
	if p+r == 0 {
		return 0
	}
	return 2 * p * r / (p + r)
}

// conllTag splits a tag as conlleval does: "B-PER" → "B", "PER"; "O" → "O", "".
func conllTag(t string) (string, string) {
	if t == "" || t == "O" {
		return "O", ""
	}
	if i := strings.IndexByte(t, '-'); i >= 0 {
		return t[:i], t[i+1:]
	}
	return t, ""
}

// endOfChunk and startOfChunk follow conlleval.pl (IOB1, IOB2, IOE and
// IOBES tags).
func endOfChunk(prevTag, tag, prevType, typ string) bool {
	end := false
	switch {
	case prevTag == "E", prevTag == "S":
		end = true
	case prevTag == "B" && (tag == "B" || tag == "S" || tag == "O"):
		end = true
	case prevTag == "I" && (tag == "B" || tag == "S" || tag == "O"):
		end = true
	}
	if prevTag != "O" && prevTag != "." && prevType != typ {
		end = true
	}
	if prevTag == "]" || tag == "[" {
		end = true
	}
	return end
}

func startOfChunk(prevTag, tag, prevType, typ string) bool {
	start := false
	switch {
	case tag == "B", tag == "S":
		start = true
	case prevTag == "E" && (tag == "E" || tag == "I"):
		start = true
	case prevTag == "S" && (tag == "E" || tag == "I"):
		start = true
	case prevTag == "O" && (tag == "E" || tag == "I"):
		start = true
	}
	if tag != "O" && tag != "." && prevType != typ {
		start = true
	}
	if tag == "[" || tag == "]" {
		start = true
	}
	return start
}

// Evaluate scores one sequence of sentences. Each sentence's gold and
// guessed tags must have the same length; sentence ends close open chunks.
func Evaluate(gold, guessed [][]string) (*Score, error) {
	s := &Score{PerType: map[string]*TypeScore{}}
	for i := range gold {
		if len(gold[i]) != len(guessed[i]) {
			return nil, fmt.Errorf("ner: sentence %d: %d gold tags, %d guessed", i, len(gold[i]), len(guessed[i]))
		}
		s.add(gold[i], guessed[i])
	}
	return s, nil
}

func (s *Score) typ(t string) *TypeScore {
	ts := s.PerType[t]
	if ts == nil {
		ts = &TypeScore{}
		s.PerType[t] = ts
	}
	return ts
}

// add scores one sentence, as conlleval does between two boundaries.
func (s *Score) add(gold, guessed []string) {
	inCorrect := false
	lastC, lastG, lastCT, lastGT := "O", "O", "", ""
	step := func(c, g, ct, gt string, real bool) {
		if inCorrect {
			ec := endOfChunk(lastC, c, lastCT, ct)
			eg := endOfChunk(lastG, g, lastGT, gt)
			if ec && eg && lastGT == lastCT {
				inCorrect = false
				s.Correct++
				s.typ(lastCT).Correct++
			} else if ec != eg || gt != ct {
				inCorrect = false
			}
		}
		sc := startOfChunk(lastC, c, lastCT, ct)
		sg := startOfChunk(lastG, g, lastGT, gt)
		if sc && sg && gt == ct {
			inCorrect = true
		}
		if sc {
			s.Gold++
			s.typ(ct).Gold++
		}
		if sg {
			s.Guessed++
			s.typ(gt).Guessed++
		}
		if real {
			if c == g && ct == gt {
				s.CorrectTags++
			}
			s.Tokens++
		}
		lastC, lastG, lastCT, lastGT = c, g, ct, gt
	}
	for i := range gold {
		c, ct := conllTag(gold[i])
		g, gt := conllTag(guessed[i])
		step(c, g, ct, gt, true)
	}
	step("O", "O", "", "", false) // the boundary
}

// Write prints the score in conlleval's layout.
func (s *Score) Write(w io.Writer) error {
	o := s.Overall()
	_, err := fmt.Fprintf(w, "processed %d tokens with %d phrases; found: %d phrases; correct: %d.\n",
		s.Tokens, s.Gold, s.Guessed, s.Correct)
	if err != nil {
		return err
	}
	fmt.Fprintf(w, "accuracy: %6.2f%%; precision: %6.2f%%; recall: %6.2f%%; FB1: %6.2f\n",
		s.Accuracy(), o.Precision(), o.Recall(), o.F1())
	types := make([]string, 0, len(s.PerType))
	for t := range s.PerType {
		if t != "" {
			types = append(types, t)
		}
	}
	sort.Strings(types)
	for _, t := range types {
		ts := s.PerType[t]
		_, err = fmt.Fprintf(w, "%17s: precision: %6.2f%%; recall: %6.2f%%; FB1: %6.2f  %d\n",
			t, ts.Precision(), ts.Recall(), ts.F1(), ts.Guessed)
	}
	return err
}
