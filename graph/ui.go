package graph

import (
	"errors"
	"fmt"
	"html/template"
	"os"
	"os/exec"
	"path/filepath"
	"runtime/debug"
	"strings"
)

const cayleyModule = "github.com/cayleygraph/cayley"

// FindCayleyUI returns the directory holding Cayley's web UI (its
// "templates" and "static" folders). Cayley 0.7.7 does not compile them into
// the binary; they ship in the Cayley module, which a build from source has
// in the Go module cache. The search order is: dir when set, the module
// directory of the Cayley version this binary was built with (from the
// build info, honouring replace directives) under GOMODCACHE, GOPATH or
// `go env GOMODCACHE`.
func FindCayleyUI(dir string) (string, error) {
	if dir != "" {
		if err := checkUIDir(dir); err != nil {
			return "", err
		}
		return dir, nil
	}
	rel, err := cayleyModuleRelPath()
	if err != nil {
		return "", err
	}
	if filepath.IsAbs(rel) {
		if checkUIDir(rel) == nil {
			return rel, nil
		}
		return "", fmt.Errorf("cayley module replaced by %s, which has no UI files", rel)
	}
	var tried []string
	for _, cache := range moduleCaches() {
		d := filepath.Join(cache, rel)
		if checkUIDir(d) == nil {
			return d, nil
		}
		tried = append(tried, d)
	}
	return "", fmt.Errorf("cayley's UI files were not found (looked in %s); run `go mod download %s` or pass --ui-dir",
		strings.Join(tried, ", "), cayleyModule)
}

func checkUIDir(dir string) error {
	for _, sub := range []string{"templates/query.html", "templates/visualize.html", "static/js/cayley_main.js"} {
		if _, err := os.Stat(filepath.Join(dir, sub)); err != nil {
			return fmt.Errorf("%s is not a Cayley UI directory: %w", dir, err)
		}
	}
	return nil
}

// cayleyModuleRelPath is the module cache path of the linked Cayley module
// ("github.com/cayleygraph/cayley@v0.7.7"), or an absolute directory when a
// replace directive points elsewhere.
func cayleyModuleRelPath() (string, error) {
	info, ok := debug.ReadBuildInfo()
	if !ok {
		return "", errors.New("this binary has no build information; pass --ui-dir")
	}
	for _, m := range info.Deps {
		if m.Path != cayleyModule {
			continue
		}
		if r := m.Replace; r != nil {
			if r.Version == "" {
				return filepath.Abs(r.Path)
			}
			m = r
		}
		return escapeModulePath(m.Path) + "@" + m.Version, nil
	}
	// Test binaries and `go run` of a main package still list deps; fall
	// back to the version this module requires.
	return cayleyModule + "@v0.7.7", nil
}

// escapeModulePath applies the module cache's case encoding ("!x" for "X").
func escapeModulePath(p string) string {
	var b strings.Builder
	for _, r := range p {
		if r >= 'A' && r <= 'Z' {
			b.WriteByte('!')
			b.WriteRune(r + ('a' - 'A'))
		} else {
			b.WriteRune(r)
		}
	}
	return b.String()
}

func moduleCaches() []string {
	var out []string
	if c := os.Getenv("GOMODCACHE"); c != "" {
		out = append(out, c)
	}
	if gp := os.Getenv("GOPATH"); gp != "" {
		for _, p := range filepath.SplitList(gp) {
			out = append(out, filepath.Join(p, "pkg", "mod"))
		}
	}
	if home, err := os.UserHomeDir(); err == nil {
		out = append(out, filepath.Join(home, "go", "pkg", "mod"))
	}
	if goBin, err := exec.LookPath("go"); err == nil {
		if b, err := exec.Command(goBin, "env", "GOMODCACHE").Output(); err == nil {
			if c := strings.TrimSpace(string(b)); c != "" {
				out = append(out, c)
			}
		}
	}
	return out
}

// loadTemplates parses Cayley's UI templates.
func loadTemplates(dir string) (*template.Template, error) {
	files, err := filepath.Glob(filepath.Join(dir, "templates", "*"))
	if err != nil {
		return nil, err
	}
	var t *template.Template
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			return nil, fmt.Errorf("read UI template: %w", err)
		}
		name := filepath.Base(f)
		if t == nil {
			t = template.New(name)
		} else {
			t = t.New(name)
		}
		if _, err := t.Parse(string(data)); err != nil {
			return nil, fmt.Errorf("parse UI template %s: %w", name, err)
		}
	}
	if t == nil {
		return nil, fmt.Errorf("no UI templates in %s", dir)
	}
	return t, nil
}
