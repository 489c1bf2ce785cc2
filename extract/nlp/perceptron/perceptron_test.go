package perceptron

import (
	"bufio"
	"bytes"
	"math"
	"testing"
)

func TestTrainSaveLoad(t *testing.T) {
	// Two classes told apart by one feature each, plus a shared bias.
	tr := NewTrainer(3)
	data := []struct {
		feats []uint64
		class int
	}{
		{[]uint64{F1(1, 0), F1(2, String("red"))}, 0},
		{[]uint64{F1(1, 0), F1(2, String("green"))}, 1},
		{[]uint64{F1(1, 0), F1(2, String("blue"))}, 2},
	}
	scores := make([]int64, 3)
	for epoch := 0; epoch < 5; epoch++ {
		for _, d := range data {
			tr.Scores(d.feats, scores)
			best := 0
			for c, v := range scores {
				if v > scores[best] {
					best = c
				}
			}
			tr.Update(d.feats, d.class, best)
			tr.Tick()
		}
	}
	m := tr.Model(0)
	var buf bytes.Buffer
	if _, err := m.WriteTo(&buf); err != nil {
		t.Fatal(err)
	}
	m2, err := Read(bufio.NewReader(&buf))
	if err != nil {
		t.Fatal(err)
	}
	if m2.Rows() != m.Rows() || m2.Weights() != m.Weights() {
		t.Fatalf("rows %d/%d weights %d/%d", m2.Rows(), m.Rows(), m2.Weights(), m.Weights())
	}
	s1, s2 := make([]float32, 3), make([]float32, 3)
	for _, d := range data {
		m.Scores(d.feats, s1)
		m2.Scores(d.feats, s2)
		best := 0
		for c := range s1 {
			if math.Abs(float64(s1[c]-s2[c])) > 1e-3*math.Max(1, math.Abs(float64(s1[c]))) {
				t.Errorf("quantized score %v vs %v", s2[c], s1[c])
			}
			if s2[c] > s2[best] {
				best = c
			}
		}
		if best != d.class {
			t.Errorf("predicted %d, want %d", best, d.class)
		}
	}
	if _, err := Read(bufio.NewReader(bytes.NewReader([]byte("FGPC2\xff")))); err == nil {
		t.Error("no error for a truncated model")
	}
}

func TestHashes(t *testing.T) {
	if Lower("HeLLo") != Lower("hello") || Lower("hello") != String("hello") {
		t.Error("Lower does not match String of the lower-cased word")
	}
	if Suffix("walking", 3) != Suffix("SING", 3) || Suffix("ing", 3) == Prefix("ing", 3) {
		t.Error("suffix hashes")
	}
	if Shape("Hello") != Shape("Hi") || Shape("Hello") == Shape("hello") || Shape("A1") == Shape("A") {
		t.Error("shape hashes")
	}
}

func TestIndexRoundTrip(t *testing.T) {
	in := map[string]int32{"b": 2, "a": 0, "ć": 1}
	var buf bytes.Buffer
	if err := WriteIndex(&buf, in); err != nil {
		t.Fatal(err)
	}
	d := NewDecoder(buf.Bytes())
	got := d.Index(3)
	if d.Err() != nil || len(got) != len(in) {
		t.Fatalf("Index = %v, %v", got, d.Err())
	}
	for k, v := range in {
		if got[k] != v {
			t.Errorf("%q: got %d, want %d", k, got[k], v)
		}
	}
	d = NewDecoder(buf.Bytes())
	if d.Index(2); d.Err() == nil {
		t.Error("an entry out of range was accepted")
	}
	d = NewDecoder(buf.Bytes()[:buf.Len()-2])
	if d.Index(3); d.Err() == nil {
		t.Error("a truncated index was accepted")
	}
}
