package postag

import (
	"bytes"
	"context"
	"strings"
	"testing"

	"github.com/factgraph/factgraph/extract/nlp/perceptron"
)

const toy = `
The/DET/DT cat/NOUN/NN sleeps/VERB/VBZ ./PUNCT/.
A/DET/DT dog/NOUN/NN chased/VERB/VBD the/DET/DT cat/NOUN/NN ./PUNCT/.
They/PRON/PRP can/AUX/MD fish/VERB/VB in/ADP/IN the/DET/DT lake/NOUN/NN ./PUNCT/.
The/DET/DT fish/NOUN/NNS swim/VERB/VBP quickly/ADV/RB ./PUNCT/.
Mary/PROPN/NNP saw/VERB/VBD a/DET/DT saw/NOUN/NN ./PUNCT/.
`

func toyExamples() []Example {
	var out []Example
	for _, line := range strings.Split(strings.TrimSpace(toy), "\n") {
		var ex Example
		for _, tok := range strings.Fields(line) {
			f := strings.Split(tok, "/")
			ex.Words = append(ex.Words, f[0])
			ex.UPOS = append(ex.UPOS, f[1])
			ex.XPOS = append(ex.XPOS, f[2])
		}
		out = append(out, ex)
	}
	return out
}

func TestTrainConverges(t *testing.T) {
	for _, folds := range []int{0, 2} {
		testConverges(t, folds)
	}
}

func testConverges(t *testing.T, folds int) {
	data := toyExamples()
	tg, err := Train(context.Background(), data, Options{Epochs: 20, Seed: 1, StackFolds: folds})
	if err != nil {
		t.Fatal(err)
	}
	if (tg.stack != nil) != (folds > 1) {
		t.Errorf("folds %d: second pass %v", folds, tg.stack != nil)
	}
	var buf bytes.Buffer
	if err := tg.Save(&buf); err != nil {
		t.Fatal(err)
	}
	if tg, err = Load(&buf); err != nil {
		t.Fatal(err)
	}
	wrong, total := 0, 0
	for _, ex := range data {
		tags := make([]int, len(ex.Words))
		tg.Tag(ex.Words, tags, nil)
		for i, id := range tags {
			u, x := tg.TagName(id)
			total++
			if u != ex.UPOS[i] || x != ex.XPOS[i] {
				wrong++
				if folds <= 1 {
					t.Errorf("%v: %q tagged %s/%s, want %s/%s", ex.Words, ex.Words[i], u, x, ex.UPOS[i], ex.XPOS[i])
				}
			}
		}
	}
	// With stacking the second pass learns from jackknifed first-pass tags,
	// which on five sentences are poor: ask for most words right only.
	if wrong*10 > total {
		t.Errorf("folds %d: %d of %d words wrong", folds, wrong, total)
	}
}

func TestDeterministic(t *testing.T) {
	var a, b bytes.Buffer
	for _, buf := range []*bytes.Buffer{&a, &b} {
		tg, err := Train(context.Background(), toyExamples(), Options{Epochs: 3, Seed: 9})
		if err != nil {
			t.Fatal(err)
		}
		if err := tg.Save(buf); err != nil {
			t.Fatal(err)
		}
	}
	if !bytes.Equal(a.Bytes(), b.Bytes()) {
		t.Error("two trainings with the same seed differ")
	}
}

func TestLoadGarbage(t *testing.T) {
	if _, err := Load(strings.NewReader("not a model")); err == nil {
		t.Error("no error for garbage")
	}
}

func TestCancel(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, err := Train(ctx, toyExamples(), Options{Epochs: 3}); err == nil {
		t.Error("no error for a cancelled context")
	}
}

func TestClusters(t *testing.T) {
	cl := NewClusters(map[string]string{"cat": "001010", "dog": "001011", "lake": "0111", "0.00": "110"})
	if cl.Lookup("Cat") != cl.Lookup("cat") || cl.Lookup("cat") == cl.Lookup("dog") {
		t.Error("lookup by lower case")
	}
	if cl.Lookup("3.14") != cl.Lookup("0.00") || cl.Lookup("zebra") != unknownCluster {
		t.Error("digit normalisation or unknown words")
	}
	if cl.Lookup("cat")[0] != cl.Lookup("dog")[0] || cl.Lookup("cat")[3] == cl.Lookup("dog")[3] {
		t.Error("prefix hashes")
	}
	data := toyExamples()
	tg, err := Train(context.Background(), data, Options{Epochs: 20, Seed: 1, Clusters: cl})
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	if err := tg.Save(&buf); err != nil {
		t.Fatal(err)
	}
	if tg, err = Load(&buf); err != nil {
		t.Fatal(err)
	}
	if tg.clusters.Len() != 4 {
		t.Fatalf("clusters not saved: %d", tg.clusters.Len())
	}
	for _, ex := range data {
		tags := make([]int, len(ex.Words))
		tg.Tag(ex.Words, tags, nil)
		for i, id := range tags {
			if u, _ := tg.TagName(id); u != ex.UPOS[i] {
				t.Errorf("%q tagged %s, want %s", ex.Words[i], u, ex.UPOS[i])
			}
		}
	}
	var out bytes.Buffer
	if _, err := cl.WriteTo(&out); err != nil {
		t.Fatal(err)
	}
	back, err := ReadClusters(&out)
	if err != nil || back.Len() != 4 || back.Lookup("lake") != cl.Lookup("lake") {
		t.Errorf("cluster file round trip: %v", err)
	}
}

func TestCaseClasses(t *testing.T) {
	c := NewCaseCounter()
	for i := 0; i < 4; i++ {
		c.Add(strings.Fields("Yesterday Anna met the mayor in Paris . Then Anna left"))
	}
	cl := c.Classes()
	lower := func(w string) uint8 { return cl[perceptron.Lower(w)] }
	if lower("anna") != 5 || lower("paris") != 5 || lower("mayor") != 1 || lower("the") != 1 {
		t.Errorf("classes: anna %d paris %d mayor %d the %d", lower("anna"), lower("paris"), lower("mayor"), lower("the"))
	}
	// sentence-initial words are not counted
	if _, ok := cl[perceptron.Lower("yesterday")]; ok {
		t.Error("sentence-initial word counted")
	}
	if _, ok := cl[perceptron.Lower("then")]; ok {
		t.Error("word after a full stop counted")
	}
}
