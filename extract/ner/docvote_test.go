package ner

import (
	"reflect"
	"strings"
	"testing"
	"unicode"
)

func voteInfos(sents ...string) [][]tokInfo {
	var out [][]tokInfo
	for _, s := range sents {
		var inf []tokInfo
		for _, w := range strings.Fields(s) {
			r := []rune(w)[0]
			inf = append(inf, tokInfo{w: w, lw: strings.ToLower(w), capital: unicode.IsUpper(r), hasLetter: unicode.IsLetter(r)})
		}
		out = append(out, inf)
	}
	return out
}

func TestVoteDoc(t *testing.T) {
	types := []string{"PER", "ORG", "LOC"}
	per, org := 0, 1
	infos := voteInfos(
		"Mahmoud Abbas spoke",
		"Abbas said",
		"Google bought it",
		"ask Google now",
		"Rita smiled",
		"Rita left",
		"Rita came",
	)
	labels := [][]int{
		{label(per, bilB), label(per, bilL), 0},
		{0, 0},
		{label(org, bilU), 0, 0},
		{0, 0, 0},
		{label(per, bilU), 0},
		{0, 0},
		{0, 0},
	}
	voteDoc(infos, labels, types)
	want := [][]int{
		{label(per, bilB), label(per, bilL), 0},
		{label(per, bilU), 0}, // a word of a longer PER name
		{label(org, bilU), 0, 0},
		{0, label(org, bilU), 0}, // tagged once, untagged once
		{label(per, bilU), 0},
		{0, 0}, // tagged once, untagged twice: left alone
		{0, 0},
	}
	if !reflect.DeepEqual(labels, want) {
		t.Errorf("labels\n got %v\nwant %v", labels, want)
	}
}
