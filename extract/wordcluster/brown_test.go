package wordcluster

import (
	"bytes"
	"context"
	"strings"
	"testing"
)

// TestBrownGroupsDistributionalClasses clusters a written corpus in which
// city names and verbs occur in different contexts: cities must share
// longer bit-string prefixes with each other than with the verbs.
func TestBrownGroupsDistributionalClasses(t *testing.T) {
	c := NewCounter()
	cities := []string{"Paris", "Berlin", "Moscow", "Madrid"}
	verbs := []string{"said", "added", "noted", "argued"}
	for i := 0; i < 200; i++ {
		city := cities[i%len(cities)]
		verb := verbs[(i/3)%len(verbs)]
		c.Add(strings.Fields("officials in " + city + " " + verb + " that talks will go on ."))
		c.Add(strings.Fields("the minister " + verb + " in " + city + " on Monday ."))
	}
	bits, err := c.Brown(context.Background(), Options{Clusters: 20, MinCount: 1, Workers: 2})
	if err != nil {
		t.Fatal(err)
	}
	common := func(a, b string) int {
		x, y := bits[a], bits[b]
		n := 0
		for n < len(x) && n < len(y) && x[n] == y[n] {
			n++
		}
		return n
	}
	for _, a := range cities {
		for _, b := range cities {
			for _, v := range verbs {
				if a != b && common(a, b) <= common(a, v) {
					t.Errorf("%s~%s share %d bits but %s~%s share %d (%v)", a, b, common(a, b), a, v, common(a, v), bits)
				}
			}
		}
	}
	// Round trip through the text format.
	var buf bytes.Buffer
	if err := New(bits).Write(&buf); err != nil {
		t.Fatal(err)
	}
	cl, err := Read(&buf)
	if err != nil {
		t.Fatal(err)
	}
	if cl.Lookup("Paris") != bits["Paris"] || cl.Lookup("PARIS") != bits["Paris"] || cl.Lookup("paris") != bits["Paris"] {
		t.Errorf("lookup by case variants failed: %q", cl.Lookup("PARIS"))
	}
	if cl.Lookup("Unseen") != "" {
		t.Error("unknown word has a cluster")
	}
}

func TestBrownRejectsBadOptions(t *testing.T) {
	c := NewCounter()
	if _, err := c.Brown(context.Background(), Options{Clusters: 1}); err == nil {
		t.Error("1 cluster: no error")
	}
	if _, err := c.Brown(context.Background(), Options{Clusters: 10, MinCount: 1}); err == nil {
		t.Error("empty corpus: no error")
	}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	for i := 0; i < 50; i++ {
		c.Add([]string{"w" + string(rune('a'+i%26)), "x"})
	}
	if _, err := c.Brown(ctx, Options{Clusters: 3, MinCount: 1}); err == nil {
		t.Error("cancelled context: no error")
	}
}

func TestSplitWords(t *testing.T) {
	got := strings.Join(SplitWords(`The U.S. company's "shares" fell 5%, it didn't say.`), " ")
	want := `The U.S. company 's " shares " fell 5 % , it did n't say .`
	if got != want {
		t.Errorf("got  %s\nwant %s", got, want)
	}
	if Normalize("1996-08-22") != "0000-00-00" {
		t.Errorf("Normalize: %s", Normalize("1996-08-22"))
	}
}
