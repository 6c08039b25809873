package challenges

import (
	"strings"
	"testing"
)

// TestBuiltin loads the real catalog in challenges/catalog.
func TestBuiltin(t *testing.T) {
	cat, err := Builtin()
	if err != nil {
		t.Fatalf("the embedded catalog has problems:\n%v", err)
	}
	for _, ch := range cat.List() {
		if ch.Source != "builtin" {
			t.Errorf("%s: Source = %q, want builtin", ch.ID, ch.Source)
		}
		if len(ch.HiddenTests()) == 0 {
			t.Errorf("%s: no hidden tests", ch.ID)
		}
	}
	t.Logf("%d builtin challenges", len(cat.List()))
}

func TestSupport(t *testing.T) {
	files := Support()
	found := false
	for _, f := range files {
		if f.Path == "ormtest.py" {
			found = len(f.Content) > 0
		}
		if strings.Contains(f.Path, "__pycache__") || strings.HasPrefix(f.Path, ".") {
			t.Errorf("Support ships %s", f.Path)
		}
		if _, err := tokenize(f.Content); err != nil && strings.HasSuffix(f.Path, ".py") {
			t.Errorf("%s:%d: %s", f.Path, err.line, err.msg)
		}
	}
	if !found {
		t.Errorf("Support() = %d files, want a non-empty ormtest.py", len(files))
	}
}
