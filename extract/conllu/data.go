package conllu

import (
	"os"
	"path/filepath"
)

// SharedDataDir returns the shared corpus folder, "../shared/data" beside the
// repository root (found by walking up from the working directory to
// go.mod), or "" when it does not exist.
func SharedDataDir() string {
	dir, err := os.Getwd()
	if err != nil {
		return ""
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			d := filepath.Join(dir, "..", "shared", "data")
			if st, err := os.Stat(d); err == nil && st.IsDir() {
				return d
			}
			return ""
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return ""
		}
		dir = parent
	}
}
