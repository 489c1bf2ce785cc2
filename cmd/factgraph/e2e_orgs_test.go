package main

import (
	"path/filepath"
	"strings"
	"testing"
)

// A government body named with and without its country, in an article
// written for this test, is one node; another country's body is another.
func TestOrgWithAndWithoutCountryOneNode(t *testing.T) {
	dir := writeArticles(t, map[string]string{
		"orgs.txt": `Moscow summons US envoy

The Russian Foreign Ministry on Monday summoned the US ambassador, John Sullivan, over new sanctions imposed by Washington.

The Ministry of Foreign Affairs said the sanctions violated international law. A spokeswoman for the foreign ministry, Maria Zakharova, said Russia would respond.

The US State Department said the ambassador would stay in Moscow. Russia's Foreign Ministry later said it expected an explanation from the State Department.

Russian President Vladimir Putin did not comment. The Foreign Ministry said talks in Russia would continue.
`,
	})
	db := filepath.Join(t.TempDir(), "db")
	mustRun(t, "build", "-q", "--db", db, dir)
	ents := entities(t, db)
	ru, ok := ents["org/russian-foreign-ministry"]
	if !ok || !contains(ru.Aliases, "Ministry of Foreign Affairs") || !contains(ru.Aliases, "Foreign Ministry") {
		t.Fatalf("Russian Foreign Ministry: %+v", ents)
	}
	if us, ok := ents["org/us-state-department"]; !ok || contains(us.Aliases, "Foreign Ministry") {
		t.Errorf("US State Department: %+v", us)
	}
	for k := range ents {
		if strings.HasPrefix(k, "org/") && k != "org/russian-foreign-ministry" && k != "org/us-state-department" {
			t.Errorf("another organisation: %s %+v", k, ents[k])
		}
	}
}

// "Russian Ambassador to Washington Anatoly Antonov": the place is no
// part of the person's name.
func TestSeedPlaceSplitOffAmbassador(t *testing.T) {
	seeds := seedsDir(t)
	db := filepath.Join(t.TempDir(), "db")
	mustRun(t, "build", "-q", "--db", db, seeds)
	ents := entities(t, db)
	for k := range ents {
		if strings.Contains(k, "washington-anatoly") {
			t.Errorf("duplicate person %s %+v", k, ents[k])
		}
	}
	if a := ents["person/anatoly-antonov"]; len(a.Docs) != 5 {
		t.Errorf("Anatoly Antonov in %d documents, want 5: %+v", len(a.Docs), a)
	}
	if w := ents["gpe/washington"]; w.Type != "GPE" || contains(w.Aliases, "Washington Anatoly Antonov") {
		t.Errorf("Washington: %+v", w)
	}
	if ru := ents["org/russian-foreign-ministry"]; len(ru.Docs) < 3 {
		t.Errorf("seed Russian Foreign Ministry: %+v", ru)
	}
	for _, k := range []string{"org/foreign-ministry", "org/ministry-of-foreign-affairs"} {
		if _, ok := ents[k]; ok {
			t.Errorf("a ministry without its country: %s", k)
		}
	}
}
