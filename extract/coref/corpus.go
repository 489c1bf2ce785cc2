package coref

import (
	"bufio"
	"fmt"
	"os"
	"path/filepath"
	"strings"
)

// OntoGUMDir is the OntoGUM CoNLL folder under the shared data folder.
const OntoGUMDir = "gum-coref/ontogum/conll"

// SplitDocs returns the names of the documents of a split ("train",
// "dev") listed in gum-coref/doc_splits.tsv under dataDir.
func SplitDocs(dataDir, split string) ([]string, error) {
	path := filepath.Join(dataDir, "gum-coref", "doc_splits.tsv")
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	var out []string
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		cols := strings.Split(sc.Text(), "\t")
		if len(cols) >= 2 && cols[0] == split {
			out = append(out, cols[1])
		}
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	return out, nil
}

// ReadSplit reads the OntoGUM documents of a split; documents listed but
// absent (the Reddit ones, distributed without text) are skipped.
func ReadSplit(dataDir, split string) ([]*Document, error) {
	names, err := SplitDocs(dataDir, split)
	if err != nil {
		return nil, err
	}
	var docs []*Document
	for _, n := range names {
		path := filepath.Join(dataDir, OntoGUMDir, n+".conll")
		f, err := os.Open(path)
		if os.IsNotExist(err) {
			continue
		}
		if err != nil {
			return nil, err
		}
		ds, err := Read(f)
		f.Close()
		if err != nil {
			return nil, fmt.Errorf("%s: %w", path, err)
		}
		for _, d := range ds {
			if len(d.Tokens) == 0 {
				continue
			}
			if d.Name == "" {
				d.Name = n
			}
			docs = append(docs, d)
		}
	}
	if len(docs) == 0 {
		return nil, fmt.Errorf("no %s documents in %s", split, filepath.Join(dataDir, OntoGUMDir))
	}
	return docs, nil
}
