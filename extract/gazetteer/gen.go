//go:build ignore

// gen writes data/lexicon.tsv.gz from ../shared/data/lexicons:
// countries (common, official and alternative names), capitals and
// demonyms from mledoze/countries (ODbL 1.0) and first names with their
// gender from the NLTK names corpus (Mark Kantrowitz). Run from this
// directory:
//
//	go run gen.go [-lexicons ../../../shared/data/lexicons]
package main

import (
	"bufio"
	"compress/gzip"
	"encoding/json"
	"flag"
	"fmt"
	"log"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"unicode"
)

func main() {
	dir := flag.String("lexicons", "../../../shared/data/lexicons", "lexicons directory")
	flag.Parse()
	rows := map[string]bool{}
	add := func(kind, phrase, value string) {
		phrase = strings.TrimSpace(phrase)
		if phrase == "" || len(phrase) < 2 || !ascii(phrase) {
			return
		}
		rows[kind+"\t"+phrase+"\t"+value] = true
	}
	// UN members win ambiguous demonyms ("American": United States, not
	// the Northern Mariana Islands).
	var countries []struct {
		CCA2     string `json:"cca2"`
		UNMember bool   `json:"unMember"`
	}
	raw, err := os.ReadFile(filepath.Join(*dir, "countries-demonyms", "countries.json"))
	if err != nil {
		log.Fatal(err)
	}
	if err := json.Unmarshal(raw, &countries); err != nil {
		log.Fatal(err)
	}
	un := map[string]bool{}
	for _, c := range countries {
		un[c.CCA2] = c.UNMember
	}
	type cand struct {
		country string
		un      bool
	}
	demonyms := map[string][]cand{}
	f, err := os.Open(filepath.Join(*dir, "countries-demonyms", "demonyms_en.tsv"))
	if err != nil {
		log.Fatal(err)
	}
	sc := bufio.NewScanner(f)
	first := true
	for sc.Scan() {
		if first {
			first = false
			continue
		}
		c := strings.Split(sc.Text(), "\t")
		if len(c) < 8 {
			continue
		}
		common := c[2]
		add("country", common, common)
		add("country", c[3], common)
		for _, alt := range strings.Split(c[7], ";") {
			if len(alt) == 2 && alt != "UK" && alt != "US" {
				continue // two-letter codes are too ambiguous ("IT", "TO")
			}
			if strings.Contains(alt, ",") || notCountryNames[alt] {
				continue
			}
			add("country", alt, common)
		}
		for _, d := range []string{c[4], c[5]} {
			demonyms[d] = append(demonyms[d], cand{common, un[c[0]]})
		}
		for _, cap := range strings.Split(c[6], ";") {
			add("capital", cap, common)
			add("capital", strings.TrimSuffix(cap, " D.C."), common)
		}
	}
	f.Close()
	for d, cs := range demonyms {
		best := cs[0]
		for _, c := range cs[1:] {
			if c.un && !best.un {
				best = c
			}
		}
		add("demonym", d, best.country)
	}
	// First names with their gender as the value ("m", "f"; none for the
	// names on both lists, in any case: "JoAnn" and "Joann").
	phrases := map[string]bool{}
	gender := map[string]string{}
	for _, g := range []string{"male", "female"} {
		f, err := os.Open(filepath.Join(*dir, "nltk-names", "names", g+".txt"))
		if err != nil {
			log.Fatal(err)
		}
		sc := bufio.NewScanner(f)
		for sc.Scan() {
			p := strings.TrimSpace(sc.Text())
			if p == "" || strings.HasPrefix(p, "#") {
				continue
			}
			phrases[p] = true
			k := strings.ToLower(p)
			if old, ok := gender[k]; ok && old != g[:1] {
				gender[k] = ""
			} else if !ok {
				gender[k] = g[:1]
			}
		}
		f.Close()
	}
	for p := range phrases {
		add("first", p, gender[strings.ToLower(p)])
	}
	keys := make([]string, 0, len(rows))
	for k := range rows {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	out, err := os.Create("data/lexicon.tsv.gz")
	if err != nil {
		log.Fatal(err)
	}
	gz, _ := gzip.NewWriterLevel(out, gzip.BestCompression)
	for _, k := range keys {
		fmt.Fprintln(gz, k)
	}
	if err := gz.Close(); err != nil {
		log.Fatal(err)
	}
	if err := out.Close(); err != nil {
		log.Fatal(err)
	}
	log.Printf("wrote %d entries", len(keys))
}

// notCountryNames are alternative spellings of the countries file that are
// English words, names of people or demonyms in English text ("Hong Kong
// Island" is not Iceland, Thomas Mann not the Isle of Man).
var notCountryNames = map[string]bool{"Island": true, "Mann": true, "Dominique": true, "Thai": true, "Togolese": true}

func ascii(s string) bool {
	for _, r := range s {
		if r > unicode.MaxASCII {
			return false
		}
	}
	return true
}
