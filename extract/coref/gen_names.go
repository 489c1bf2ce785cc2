//go:build ignore

// gen_names writes names.txt.gz, the given names of one gender ("m name" or
// "f name" lines, names of both genders left out) from the NLTK names corpus
// (Mark Kantrowitz; see ../shared/data/lexicons/NOTES.md). Run from this
// directory: go run gen_names.go [-dir ../../../shared/data/lexicons]
package main

import (
	"bufio"
	"compress/gzip"
	"flag"
	"fmt"
	"log"
	"os"
	"path/filepath"
	"sort"
	"strings"
)

func main() {
	dir := flag.String("dir", "../../../shared/data/lexicons", "lexicons folder")
	flag.Parse()
	g := map[string]byte{}
	for _, s := range []struct {
		file string
		g    byte
	}{{"male.txt", 'm'}, {"female.txt", 'f'}} {
		f, err := os.Open(filepath.Join(*dir, "nltk-names", "names", s.file))
		if err != nil {
			log.Fatal(err)
		}
		sc := bufio.NewScanner(f)
		for sc.Scan() {
			n := strings.ToLower(strings.TrimSpace(sc.Text()))
			if n == "" || strings.HasPrefix(n, "#") {
				continue
			}
			if old, ok := g[n]; ok && old != s.g {
				g[n] = '?'
			} else {
				g[n] = s.g
			}
		}
		f.Close()
	}
	var lines []string
	for n, x := range g {
		if x != '?' {
			lines = append(lines, fmt.Sprintf("%c %s", x, n))
		}
	}
	sort.Strings(lines)
	out, err := os.Create("names.txt.gz")
	if err != nil {
		log.Fatal(err)
	}
	zw, _ := gzip.NewWriterLevel(out, gzip.BestCompression)
	fmt.Fprintln(zw, "# given names by gender, from the NLTK names corpus (Mark Kantrowitz); names of both genders left out")
	for _, l := range lines {
		fmt.Fprintln(zw, l)
	}
	if err := zw.Close(); err != nil {
		log.Fatal(err)
	}
	if err := out.Close(); err != nil {
		log.Fatal(err)
	}
}
