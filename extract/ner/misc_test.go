package ner

import (
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
