package challenges

import (
	"testing"
	"testing/fstest"
)

// memChallenge is a valid challenge "mem" in memory.
func memChallenge() fstest.MapFS {
	file := func(s string) *fstest.MapFile { return &fstest.MapFile{Data: []byte(s)} }
	return fstest.MapFS{
		"mem/challenge.toml":           file("id = \"mem\"\ntitle = \"In memory\"\ntopic = \"t\"\ndifficulty = \"hard\"\npoints = 1\n"),
		"mem/statement.md":             file("Do it.\n"),
		"mem/starter.py":               file("x = None\n"),
		"mem/solution.py":              file("x = 1\n"),
		"mem/tests/hidden/test_mem.py": file("def test_x():\n    \"\"\"x is 1\"\"\"\n"),
		"mem/tests/hidden/helpers.py":  file("Y = 2\n"),
		"README.md":                    file("not a challenge\n"),
		"notes/todo.txt":               file("not a challenge either\n"),
		"mem/tests/hidden/__init__.py": file(""),
		"mem/tests/public/.keep":       file(""),
	}
}

func loadMem(t *testing.T, fsys fstest.MapFS, source string) *Challenge {
	t.Helper()
	cat, err := Load(fsys, source)
	if err != nil {
		t.Fatalf("Load: %v", err)
	}
	ch, ok := cat.Get("mem")
	if !ok {
		t.Fatal("mem not loaded")
	}
	return ch
}

func TestLoadFS(t *testing.T) {
	ch := loadMem(t, memChallenge(), "")
	if ch.Source != "mem" || ch.Difficulty != Hard || len(ch.Tests) != 1 || ch.Tests[0].Name != "x is 1" {
		t.Errorf("got %+v", ch)
	}
	// __init__.py is shipped (it starts with "_"), .keep is not (it starts with ".").
	if len(ch.HiddenFiles) != 3 || ch.HiddenFiles[0].Path != "hidden/__init__.py" || len(ch.PublicFiles) != 0 {
		t.Errorf("HiddenFiles = %v, PublicFiles = %v", ch.HiddenFiles, ch.PublicFiles)
	}
	if got := loadMem(t, memChallenge(), "/srv/challenges").Source; got != "/srv/challenges/mem" {
		t.Errorf("Source = %q", got)
	}
}

func TestVersion(t *testing.T) {
	base := loadMem(t, memChallenge(), "").Version
	if !versionPattern.MatchString(base) {
		t.Fatalf("Version = %q", base)
	}
	if again := loadMem(t, memChallenge(), "elsewhere").Version; again != base {
		t.Errorf("same content, different version: %s then %s", base, again)
	}

	junk := memChallenge()
	junk["mem/.DS_Store"] = &fstest.MapFile{Data: []byte("junk")}
	junk["mem/tests/hidden/__pycache__/test_mem.cpython-312.pyc"] = &fstest.MapFile{Data: []byte("junk")}
	if v := loadMem(t, junk, "").Version; v != base {
		t.Errorf("junk files changed the version: %s then %s", base, v)
	}

	changes := map[string]func(fstest.MapFS){
		"one byte of solution.py": func(m fstest.MapFS) { m["mem/solution.py"].Data = []byte("x = 2\n") },
		"one byte of a hidden test": func(m fstest.MapFS) {
			m["mem/tests/hidden/test_mem.py"].Data = []byte("def test_x():\n    \"\"\"x is 2\"\"\"\n")
		},
		"a renamed helper": func(m fstest.MapFS) {
			m["mem/tests/hidden/helper.py"] = m["mem/tests/hidden/helpers.py"]
			delete(m, "mem/tests/hidden/helpers.py")
		},
		"an extra file": func(m fstest.MapFS) { m["mem/NOTES.md"] = &fstest.MapFile{Data: []byte("n")} },
		"bytes moved between files": func(m fstest.MapFS) {
			m["mem/starter.py"].Data = []byte("x = None\nx")
			m["mem/solution.py"].Data = []byte(" = 1\n")
		},
	}
	for name, change := range changes {
		m := memChallenge()
		for k, f := range m {
			c := *f
			m[k] = &c
		}
		change(m)
		if v := loadMem(t, m, "").Version; v == base {
			t.Errorf("%s: version unchanged (%s)", name, v)
		}
	}
}
