package resolve

import (
	"bufio"
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/factgraph/factgraph/schema"
)

// Overrides are the user's corrections to resolution, read from an
// entities file. Each line is one directive; '#' starts a comment:
//
//	merge  FROM-KEY INTO-KEY        # FROM is the same entity as INTO
//	split  KEY DOC-ID [NEW-KEY]     # in document DOC-ID, KEY is another entity
//	name   KEY Preferred Name       # the canonical name of KEY
//	wikidata KEY Q-ID               # KEY's Wikidata item
//
// Keys are entity keys as `factgraph entities` prints them
// ("person/dmitry-peskov"). Overrides apply when a document is built;
// removing a line and building again undoes it.
type Overrides struct {
	merge    map[string]string
	split    map[string]map[string]string // key → doc → new key
	name     map[string]string
	wikidata map[string]string
}

// ParseOverrides reads an entities file.
func ParseOverrides(r io.Reader) (*Overrides, error) {
	o := &Overrides{merge: map[string]string{}, split: map[string]map[string]string{}, name: map[string]string{}, wikidata: map[string]string{}}
	sc := bufio.NewScanner(r)
	n := 0
	for sc.Scan() {
		n++
		line := sc.Text()
		if i := strings.Index(line, "#"); i >= 0 {
			line = line[:i]
		}
		f := strings.Fields(line)
		if len(f) == 0 {
			continue
		}
		bad := func(why string) error { return fmt.Errorf("line %d: %s: %q", n, why, strings.TrimSpace(line)) }
		if len(f) < 3 {
			return nil, bad("want DIRECTIVE KEY VALUE")
		}
		if !validKey(f[1]) {
			return nil, bad("not an entity key (type/name, e.g. person/dmitry-peskov)")
		}
		switch f[0] {
		case "merge":
			if len(f) != 3 || !validKey(f[2]) {
				return nil, bad("want merge FROM-KEY INTO-KEY")
			}
			if f[1] == f[2] {
				return nil, bad("merges a key into itself")
			}
			o.merge[f[1]] = f[2]
		case "split":
			if len(f) > 4 {
				return nil, bad("want split KEY DOC-ID [NEW-KEY]")
			}
			nk := f[1] + "-" + schema.Slug(f[2])
			if len(f) == 4 {
				if !validKey(f[3]) {
					return nil, bad("NEW-KEY is not an entity key")
				}
				nk = f[3]
			}
			if o.split[f[1]] == nil {
				o.split[f[1]] = map[string]string{}
			}
			o.split[f[1]][f[2]] = nk
		case "name":
			o.name[f[1]] = strings.Join(f[2:], " ")
		case "wikidata":
			if len(f) != 3 || !strings.HasPrefix(f[2], "Q") {
				return nil, bad("want wikidata KEY Q-ID")
			}
			o.wikidata[f[1]] = f[2]
		default:
			return nil, bad("unknown directive (merge, split, name, wikidata)")
		}
	}
	if err := sc.Err(); err != nil {
		return nil, err
	}
	// Refuse merge cycles.
	for k := range o.merge {
		seen := map[string]bool{k: true}
		for x := o.merge[k]; x != ""; x = o.merge[x] {
			if seen[x] {
				return nil, fmt.Errorf("merge cycle through %s", k)
			}
			seen[x] = true
		}
	}
	return o, nil
}

// LoadOverrides reads the entities file at path.
func LoadOverrides(path string) (*Overrides, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("entities file: %w", err)
	}
	defer f.Close()
	o, err := ParseOverrides(f)
	if err != nil {
		return nil, fmt.Errorf("entities file %s: %w", path, err)
	}
	return o, nil
}

func validKey(k string) bool {
	i := strings.Index(k, "/")
	return i > 0 && i < len(k)-1 && schema.EntityKey(k[:i], k[i+1:]) != ""
}

// apply returns the key and name an entity resolved as key in document
// docID gets after the overrides.
func (o *Overrides) apply(docID, key, name string, _ map[string]int) (string, string) {
	if nk, ok := o.split[key][docID]; ok {
		key = nk
	}
	for i := 0; i < 64; i++ {
		into, ok := o.merge[key]
		if !ok {
			break
		}
		key = into
	}
	if n, ok := o.name[key]; ok {
		name = n
	}
	return key, name
}
