package coref

import (
	"context"
	"strconv"
	"strings"
	"testing"
)

// TestMentionSpans checks candidate spans ("first token:words") on written
// sentences: OntoNotes spans keep paired quotation marks and a leading
// "both", and a proper noun inside a longer name is a candidate of its own
// when the document names it alone elsewhere.
func TestMentionSpans(t *testing.T) {
	an, err := defaultAnnotator()
	if err != nil {
		t.Fatal(err)
	}
	cases := []struct {
		text      string
		want, not []string
	}{
		{`The old painter called his " protégé " a fraud .`, []string{`4:his " protégé "`}, []string{`4:his " protégé`}},
		{`Lena thanked both her parents at the dinner .`, []string{"2:both her parents"}, nil},
		{`Marta studied at Harvard University for two years . Harvard was expensive .`, []string{"3:Harvard University", "3:Harvard", "9:Harvard"}, nil},
		{`Marta studied at Harvard University for two years .`, []string{"3:Harvard University"}, []string{"3:Harvard"}},
	}
	for _, c := range cases {
		d := &Document{Name: "t", Tokens: strings.Fields(c.text)}
		di, err := an.prepare(context.Background(), d)
		if err != nil {
			t.Fatal(err)
		}
		got := map[string]bool{}
		for _, m := range detectMentions(di, nil) {
			got[strconv.Itoa(m.Start)+":"+strings.Join(d.Tokens[m.Start:m.End+1], " ")] = true
		}
		for _, w := range c.want {
			if !got[w] {
				t.Errorf("%q: no mention %q (got %v)", c.text, w, got)
			}
		}
		for _, w := range c.not {
			if got[w] {
				t.Errorf("%q: unwanted mention %q", c.text, w)
			}
		}
	}
}
