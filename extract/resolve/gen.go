//go:build ignore

// gen.go derives data/nicknames.txt from the nicknames lexicon
// (../shared/data/lexicons/nicknames/names.csv, Apache-2.0): one line per
// given name with its nicknames. Run from this directory:
//
//	go run gen.go ../../../shared/data/lexicons/nicknames/names.csv
package main

import (
	"encoding/csv"
	"fmt"
	"os"
	"sort"
	"strings"
)

func main() {
	if len(os.Args) != 2 {
		fmt.Fprintln(os.Stderr, "usage: go run gen.go names.csv")
		os.Exit(2)
	}
	f, err := os.Open(os.Args[1])
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	defer f.Close()
	rows, err := csv.NewReader(f).ReadAll()
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	groups := map[string]map[string]bool{}
	for _, r := range rows {
		if len(r) != 3 || r[1] != "has_nickname" {
			continue
		}
		if groups[r[0]] == nil {
			groups[r[0]] = map[string]bool{}
		}
		groups[r[0]][r[2]] = true
	}
	names := make([]string, 0, len(groups))
	for n := range groups {
		names = append(names, n)
	}
	sort.Strings(names)
	var b strings.Builder
	for _, n := range names {
		nick := make([]string, 0, len(groups[n]))
		for k := range groups[n] {
			nick = append(nick, k)
		}
		sort.Strings(nick)
		b.WriteString(n + " " + strings.Join(nick, " ") + "\n")
	}
	if err := os.WriteFile("data/nicknames.txt", []byte(b.String()), 0o644); err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
}
