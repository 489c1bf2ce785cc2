package schema

import (
	"sort"
	"strings"
)

// Relation is one class of the controlled relation vocabulary that
// news analysts use, loosely following the root classes of CAMEO. Every
// fact's relation IRI is one of these; the raw predicate is kept beside it.
type Relation struct {
	Name        string // IRI local name: "criticism"
	CAMEO       string // closest CAMEO root code, "" when none fits
	Description string
}

// Relations is the controlled vocabulary, in a stable order.
var Relations = []Relation{
	{"statement", "01", "makes a public statement or says something"},
	{"appeal", "02", "appeals to, invites or asks someone"},
	{"cooperation-intent", "03", "expresses the intent to cooperate or work with"},
	{"consultation", "04", "meets, calls, talks or consults with"},
	{"diplomatic-cooperation", "05", "engages in diplomatic cooperation, praises, supports or endorses"},
	{"material-cooperation", "06", "cooperates materially"},
	{"aid", "07", "provides aid"},
	{"yield", "08", "yields, concedes or apologises"},
	{"investigation", "09", "investigates"},
	{"demand", "10", "demands"},
	{"criticism", "11", "disapproves of, criticises or condemns"},
	{"accusation", "11", "accuses or alleges"},
	{"rejection", "12", "rejects, refuses or denies"},
	{"denial", "12", "denies an allegation"},
	{"threat", "13", "threatens"},
	{"protest", "14", "protests"},
	{"diplomatic-recall", "16", "recalls, withdraws or expels a diplomat, reduces relations"},
	{"sanction", "16", "imposes sanctions or restrictions"},
	{"coercion", "17", "coerces"},
	{"assault", "18", "attacks or assaults"},
	{"interference", "", "interferes in or influences another's affairs"},
	{"naming", "", "calls, describes or classifies someone as something"},
	{"publication", "", "publishes, reports or releases"},
	{"role", "", "holds a role or title at an organisation or country"},
	{"action", "", "any other action or relation"},
}

// lemmaClass maps predicate lemmas (with particle) to relation classes.
// It is the first, hand-written layer of the normaliser; unknown
// predicates fall back to "action".
var lemmaClass = map[string]string{
	"say": "statement", "tell": "statement", "state": "statement", "add": "statement",
	"remark": "statement", "declare": "statement", "announce": "statement", "stress": "statement",
	"emphasize": "statement", "emphasise": "statement", "note": "statement", "write": "statement",
	"explain": "statement", "affirm": "statement", "confirm": "statement", "continue": "statement",
	"comment": "statement", "report": "publication", "quote": "statement", "reply": "statement",
	"respond": "statement", "answer": "statement", "mention": "statement", "reveal": "statement",
	"wish": "statement", "complain": "criticism", "reiterate": "statement", "insist": "statement",
	"believe": "statement", "think": "statement", "consider": "statement", "claim": "statement",
	"ask": "appeal", "invite": "appeal", "urge": "appeal", "call on": "appeal", "offer": "appeal",
	"propose": "appeal", "appeal": "appeal", "request": "appeal", "summon": "appeal",
	"cooperate": "cooperation-intent", "work with": "cooperation-intent", "work": "cooperation-intent",
	"meet": "consultation", "talk": "consultation", "speak": "consultation", "call": "consultation",
	"discuss": "consultation", "consult": "consultation", "visit": "consultation",
	"support": "diplomatic-cooperation", "praise": "diplomatic-cooperation", "endorse": "diplomatic-cooperation",
	"favor": "diplomatic-cooperation", "favour": "diplomatic-cooperation", "stand up for": "diplomatic-cooperation",
	"help": "aid", "aid": "aid",
	"apologize": "yield", "apologise": "yield", "concede": "yield",
	"investigate": "investigation", "probe": "investigation",
	"demand": "demand", "require": "demand",
	"criticize": "criticism", "criticise": "criticism", "condemn": "criticism", "slam": "criticism",
	"attack": "criticism", "insult": "criticism", "blame": "criticism", "denounce": "criticism",
	"accuse": "accusation", "allege": "accusation", "charge": "accusation",
	"reject": "rejection", "refuse": "rejection", "dismiss": "rejection", "rebuff": "rejection",
	"deny":     "denial",
	"threaten": "threat", "warn": "threat",
	"protest": "protest",
	"recall":  "diplomatic-recall", "withdraw": "diplomatic-recall", "expel": "diplomatic-recall",
	"order back": "diplomatic-recall", "pull": "diplomatic-recall",
	"sanction": "sanction", "ban": "sanction", "impose": "sanction", "restrict": "sanction",
	"interfere": "interference", "meddle": "interference", "influence": "interference",
	"describe": "naming", "classify": "naming", "label": "naming", "brand": "naming",
	"publish": "publication", "release": "publication",
	"kill": "assault", "poison": "assault", "strike": "assault",

	// Second layer: more verbs and phrasal verbs of news reporting.
	"tell of": "statement", "point out": "statement", "speak out": "statement", "predict": "statement",
	"assert": "statement", "acknowledge": "statement", "argue": "statement", "suggest": "statement",
	"tweet": "statement", "post": "statement", "conclude": "statement", "find": "statement",
	"congratulate": "diplomatic-cooperation", "thank": "diplomatic-cooperation",
	"welcome": "diplomatic-cooperation", "back": "diplomatic-cooperation",
	"ask for": "appeal", "call for": "appeal", "plead": "appeal", "challenge": "appeal", "suggest to": "appeal",
	"agree": "cooperation-intent", "promise": "cooperation-intent", "pledge": "cooperation-intent",
	"negotiate": "consultation", "phone": "consultation", "telephone": "consultation", "debate": "consultation",
	"meet with": "consultation", "speak with": "consultation", "talk to": "consultation", "host": "consultation",
	"recall from": "diplomatic-recall", "call back": "diplomatic-recall", "summon back": "diplomatic-recall",
	"break off": "diplomatic-recall", "suspend": "sanction", "freeze": "sanction", "blacklist": "sanction",
	"embargo": "sanction", "penalize": "sanction", "penalise": "sanction",
	"accuse of": "accusation", "blame for": "accusation", "suspect": "accusation",
	"disagree": "criticism", "mock": "criticism", "ridicule": "criticism", "warn of": "threat",
	"decline": "rejection", "veto": "rejection", "turn down": "rejection", "repudiate": "rejection",
	"refute": "denial", "dispute": "denial", "deny that": "denial",
	"demand from": "demand", "insist on": "demand", "order": "demand",
	"retaliate": "coercion", "arrest": "coercion", "detain": "coercion", "expel from": "diplomatic-recall",
	"invade": "assault", "bomb": "assault", "shoot": "assault", "hack": "assault",
	"meddle in": "interference", "interfere in": "interference", "hack into": "interference",
	"apologise for": "yield", "apologize for": "yield", "retreat": "yield", "resign": "yield",
	"examine": "investigation", "look into": "investigation", "inquire": "investigation",
	"protest against": "protest", "demonstrate": "protest", "boycott": "protest",
	"name": "naming", "dub": "naming", "term": "naming", "regard": "naming",
	"issue": "publication", "print": "publication",
}

// ClassifyPredicate returns the relation class for a normalised predicate
// (lemma, optionally followed by a particle or preposition: "order back").
func ClassifyPredicate(predicate string) string {
	p := strings.ToLower(strings.TrimSpace(predicate))
	if c, ok := lemmaClass[p]; ok {
		return c
	}
	if i := strings.IndexByte(p, ' '); i > 0 {
		if c, ok := lemmaClass[p[:i]]; ok {
			return c
		}
	}
	return "action"
}

// IsRelation reports whether name is a class of the vocabulary.
func IsRelation(name string) bool {
	i := sort.Search(len(sortedRelations), func(i int) bool { return sortedRelations[i] >= name })
	return i < len(sortedRelations) && sortedRelations[i] == name
}

var sortedRelations = func() []string {
	names := make([]string, len(Relations))
	for i, r := range Relations {
		names[i] = r.Name
	}
	sort.Strings(names)
	return names
}()
