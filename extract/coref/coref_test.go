package coref

import (
	"bytes"
	"math"
	"strings"
	"testing"
)

// The example of Pradhan et al. (2014), scored by hand:
// key {a,b,c} {d,e,f,g}; response {a,b} {c,d} {f,g,h,i}.
//
//	MUC    R = (1+1)/(2+3) = .4          P = (1+0+1)/(1+1+3) = .4
//	B³     R = (4/3+1/3+1/4+4/4)/7 = .4167 P = (2+1/2+1/2+1)/8 = .5
//	CEAF-e φ4: K1–R1 .8, K2–R3 .5 → 1.3; R = 1.3/2 = .65, P = 1.3/3 = .4333
func TestScoresByHand(t *testing.T) {
	m := func(i int) Mention { return Mention{i, i} }
	a, b, c, d, e, f, g, h, i := m(0), m(1), m(2), m(3), m(4), m(5), m(6), m(7), m(8)
	key := Clusters{{a, b, c}, {d, e, f, g}}
	resp := Clusters{{a, b}, {c, d}, {f, g, h, i}}
	near := func(name string, got, want float64) {
		if math.Abs(got-want) > 1e-4 {
			t.Errorf("%s = %.4f, want %.4f", name, got, want)
		}
	}
	mu := MUC(key, resp)
	near("MUC R", mu.Recall(), 0.4)
	near("MUC P", mu.Precision(), 0.4)
	b3 := B3(key, resp)
	near("B3 R", b3.Recall(), 35.0/84)
	near("B3 P", b3.Precision(), 0.5)
	ce := CEAFe(key, resp)
	near("CEAFe R", ce.Recall(), 0.65)
	near("CEAFe P", ce.Precision(), 1.3/3)
	var s Scores
	s.Add(key, resp)
	near("CoNLL", s.CoNLL(), (0.4+2*(35.0/84)*0.5/(35.0/84+0.5)+2*0.65*(1.3/3)/(0.65+1.3/3))/3)
	// Identical clusterings score 1.
	s = Scores{}
	s.Add(key, key)
	near("perfect CoNLL", s.CoNLL(), 1)
}

func TestReadWriteRoundTrip(t *testing.T) {
	in := "#begin document (x); part 000\n0\tAnna\t(1\n1\tBerg\t1)\n2\tsaid\t_\n3\tshe\t(1)|(2\n4\twon\t2)\n\n0\tIt\t(3(4)\n1\tis\t3)\n#end document\n"
	docs, err := Read(strings.NewReader(in))
	if err != nil || len(docs) != 1 {
		t.Fatal(docs, err)
	}
	d := docs[0]
	if len(d.Tokens) != 7 || len(d.SentenceStarts) != 2 {
		t.Fatalf("tokens %v starts %v", d.Tokens, d.SentenceStarts)
	}
	cs, err := d.Clusters()
	if err != nil {
		t.Fatal(err)
	}
	want := "[[{0 1} {3 3}] [{3 4}] [{5 6}] [{5 5}]]"
	if got := fmtClusters(cs); got != want {
		t.Fatalf("clusters %s, want %s", got, want)
	}
	var buf bytes.Buffer
	if err := d.Write(&buf, cs); err != nil {
		t.Fatal(err)
	}
	written := buf.String()
	back, _ := Read(&buf)
	cs2, err := back[0].Clusters()
	if err != nil || fmtClusters(cs2) != want {
		t.Fatalf("written and read back: %s %v\n%s", fmtClusters(cs2), err, buf.String())
	}
	if !strings.Contains(written, "#end document") || !strings.Contains(written, "\n\n") {
		t.Errorf("comments or sentence breaks lost:\n%s", written)
	}
	if _, err := (&Document{Lines: []Line{{Cols: []string{"0", "x", "1)"}, Token: 0}}, Tokens: []string{"x"}}).Clusters(); err == nil {
		t.Error("unbalanced bracket accepted")
	}
}

func fmtClusters(cs Clusters) string {
	var b strings.Builder
	b.WriteString("[")
	for i, c := range cs {
		if i > 0 {
			b.WriteString(" ")
		}
		b.WriteString("[")
		for j, m := range c {
			if j > 0 {
				b.WriteString(" ")
			}
			b.WriteString("{" + itoa(m.Start) + " " + itoa(m.End) + "}")
		}
		b.WriteString("]")
	}
	b.WriteString("]")
	return b.String()
}

func itoa(i int) string { return string(rune('0' + i)) }
