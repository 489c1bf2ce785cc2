package coref

import "github.com/factgraph/factgraph/extract/gazetteer"

// nameGender is the gender of a person's name from its first word that is
// a given name of one gender ("Mary Chaworth", "Miss Mary Chaworth"), 0
// when none. The genders are the gazetteer's (NLTK names corpus by Mark
// Kantrowitz).
func nameGender(di *docInfo, lo, hi int) byte {
	g, err := gazetteer.Default()
	if err != nil {
		return 0
	}
	for k := lo; k <= hi && k < lo+3; k++ {
		t := di.toks[k]
		if t.upos != "PROPN" {
			continue
		}
		if v := g.Value(gazetteer.FirstName, t.lower); v != "" {
			return v[0]
		}
	}
	return 0
}
