package ner

import (
	"context"
	"strings"
	"testing"
)

// TestMiscTyping checks what becomes of the model's MISC spans: peoples and
// nationalities are NORP, competitions EVENT, leagues ORG, and what the graph
// has no class for (products, currencies, "New York-based") is dropped.
func TestMiscTyping(t *testing.T) {
	r, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		sentence, span, typ, value string
	}{
		{"Two Russian officials arrived .", "Russian", "NORP", "Russia"},
		{"A Zairean rebel said so .", "Zairean", "NORP", ""},
		{"The Briton won in straight sets .", "Briton", "NORP", "United Kingdom"},
		{"Iraqi Kurds fled north .", "Iraqi Kurds", "NORP", "Iraq"},
		{"He played at Wimbledon last year .", "Wimbledon", "EVENT", ""},
		{"Tickets for Euro 96 sold out .", "Euro 96", "EVENT", ""},
		{"The Labor Day weekend was quiet .", "Labor Day", "EVENT", ""},
		{"He leads the American League in hits .", "American League", "ORG", ""},
		{"A New York-based fund bought it .", "New York-based", "", ""},
		{"They carried Kalashnikov rifles .", "Kalashnikov", "", ""},
		{"The Nikkei fell sharply .", "Nikkei", "", ""},
	}
	for _, tt := range tests {
		words := strings.Fields(tt.sentence)
		sw := strings.Fields(tt.span)
		start := -1
		for i := range words {
			if strings.Join(words[i:min(i+len(sw), len(words))], " ") == tt.span {
				start = i
				break
			}
		}
		if start < 0 {
			t.Fatalf("%q not in %q", tt.span, tt.sentence)
		}
		got := r.typeSpans(words, []Span{{start, start + len(sw), "MISC"}})
		if len(got) != 1 {
			t.Errorf("%q: %d spans, want 1 (kept for the CoNLL tag set)", tt.span, len(got))
			continue
		}
		if got[0].Type != tt.typ || tt.value != "" && got[0].value != tt.value {
			t.Errorf("%q: got %q (%q), want %q (%q)", tt.span, got[0].Type, got[0].value, tt.typ, tt.value)
		}
		if got[0].conll != "MISC" {
			t.Errorf("%q: CoNLL type %q, want MISC", tt.span, got[0].conll)
		}
	}
}

// TestSeatsPerTagset checks that a seat of government is LOC in the CoNLL
// tag set (as CoNLL-2003 annotates it) and ORG in the UNER one (as UNER's
// guidelines and data have it).
func TestSeatsPerTagset(t *testing.T) {
	r, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	c, err := ReadCorpus(strings.NewReader("1\tThe\tO\n2\tWhite\tO\n3\tHouse\tO\n4\tsaid\tO\n5\tno\tO\n6\t.\tO\n"), FormatIOB2)
	if err != nil {
		t.Fatal(err)
	}
	for ts, want := range map[Tagset]string{TagsetCoNLL: "O B-LOC I-LOC O O O", TagsetUNER: "O B-ORG I-ORG O O O", TagsetFull: "O B-ORG I-ORG O O O"} {
		tags, err := r.TagCorpus(context.Background(), c, ts)
		if err != nil {
			t.Fatal(err)
		}
		if got := strings.Join(tags[0], " "); got != want {
			t.Errorf("%s: %s, want %s", ts, got, want)
		}
	}
}
