package queries

import (
	"regexp"
	"strings"
	"testing"
)

func TestParamsDeclared(t *testing.T) {
	uses := regexp.MustCompile(`params\.([A-Za-z_]+)`)
	for _, q := range List() {
		declared := map[string]bool{}
		for _, p := range q.Params {
			if p.Name == "" || p.Doc == "" {
				t.Errorf("%s: parameter %+v lacks a name or a description", q.Name, p)
			}
			declared[p.Name] = true
		}
		for _, m := range uses.FindAllStringSubmatch(q.Body, -1) {
			if !declared[m[1]] {
				t.Errorf("%s uses params.%s without declaring it in a \"// params:\" line", q.Name, m[1])
			}
		}
	}
}

func TestRenderChecksParams(t *testing.T) {
	about, err := Get("about")
	if err != nil {
		t.Fatal(err)
	}
	if len(about.Params) != 1 || about.Params[0].Name != "entity" || about.Params[0].Optional {
		t.Fatalf("about params = %+v", about.Params)
	}
	if _, err := about.Render(nil); err == nil || !strings.Contains(err.Error(), "--param entity=") {
		t.Errorf("missing entity: err = %v", err)
	}
	if _, err := about.Render(map[string]string{"entity": "Peskov", "speaker": "x"}); err == nil ||
		!strings.Contains(err.Error(), `no parameter "speaker"`) || !strings.Contains(err.Error(), "takes entity") {
		t.Errorf("unknown parameter: err = %v", err)
	}
	text, err := about.Render(map[string]string{"entity": "Peskov"})
	if err != nil || !strings.Contains(text, `var params = {"entity":"Peskov"};`) {
		t.Errorf("Render = %q, %v", text, err)
	}

	top, _ := Get("top-facts")
	if len(top.Params) != 1 || !top.Params[0].Optional {
		t.Fatalf("top-facts params = %+v", top.Params)
	}
	if _, err := top.Render(nil); err != nil {
		t.Errorf("an optional parameter left out: %v", err)
	}
}

func TestGetUnknown(t *testing.T) {
	for _, name := range []string{"prelude", "nope", "../queries"} {
		if _, err := Get(name); err == nil {
			t.Errorf("Get(%q) succeeded", name)
		}
	}
}
