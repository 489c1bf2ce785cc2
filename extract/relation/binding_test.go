package relation

import (
	"strings"
	"testing"
)

// TestPronounBinding: a pronoun never stands for the person the other
// argument of its clause names. In "he thanked him" the nearest person
// is everybody's first choice; the object takes the next one. A subject
// pronoun whose only candidate is the object's person stays a pronoun.
func TestPronounBinding(t *testing.T) {
	text := "Tom Keller met Jan Novak, and he thanked him."
	rows := `Tom PROPN NNP Tom 3 nsubj
Keller PROPN NNP Keller 1 flat
met VERB VBD meet 0 root
Jan PROPN NNP Jan 3 obj
Novak PROPN NNP Novak 4 flat
, PUNCT , , 9 punct
and CCONJ CC and 9 cc
he PRON PRP he 9 nsubj
thanked VERB VBD thank 3 conj
him PRON PRP he 9 obj
. PUNCT . . 3 punct`
	got := factSet(t, false, rows, text, mention{"Tom Keller", "PERSON", ""}, mention{"Jan Novak", "PERSON", ""})
	found := false
	for _, g := range got {
		if strings.Contains(g, "thank") {
			found = true
			if !strings.HasPrefix(g, "Tom Keller –thank") || !strings.Contains(g, "→ Jan Novak") {
				t.Errorf("he thanked him: %q, want Tom Keller thanking Jan Novak", g)
			}
		}
	}
	if !found {
		t.Errorf("no thank fact in %v", got)
	}

	text = "Jan Novak said that he thanked Jan Novak."
	rows = `Jan PROPN NNP Jan 3 nsubj
Novak PROPN NNP Novak 1 flat
said VERB VBD say 0 root
that SCONJ IN that 6 mark
he PRON PRP he 6 nsubj
thanked VERB VBD thank 3 ccomp
Jan PROPN NNP Jan 6 obj
Novak PROPN NNP Novak 7 flat
. PUNCT . . 3 punct`
	a := parsed(t, text, rows, mention{"Jan Novak", "PERSON", ""})
	second := strings.LastIndex(text, "Jan Novak")
	a.Mentions = append(a.Mentions, a.Mentions[0])
	a.Mentions[1].Start, a.Mentions[1].End = second, second+len("Jan Novak")
	got = extractAll(t, a)
	for _, g := range got {
		if strings.Contains(g, "thank") && strings.HasPrefix(g, "Jan Novak –thank") {
			t.Errorf("he is the person he thanked: %q", g)
		}
	}
}
