package schema

import "testing"

func TestClassifyPredicate(t *testing.T) {
	for pred, want := range map[string]string{
		"say": "statement", "order back": "diplomatic-recall", "break off": "diplomatic-recall",
		"recall": "diplomatic-recall", "deny": "denial", "interfere in": "interference",
		"work with": "cooperation-intent", "call on": "appeal", "Criticize ": "criticism",
		"accuse of": "accusation", "walk": "action", "impose": "sanction", "look into": "investigation",
	} {
		if got := ClassifyPredicate(pred); got != want {
			t.Errorf("ClassifyPredicate(%q) = %q, want %q", pred, got, want)
		}
	}
	for _, class := range lemmaClass {
		if !IsRelation(class) {
			t.Errorf("class %q is not in the vocabulary", class)
		}
	}
}
