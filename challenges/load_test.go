package challenges

import (
	"errors"
	"flag"
	"os"
	"path/filepath"
	"reflect"
	"regexp"
	"strings"
	"testing"
	"time"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/broken")

var versionPattern = regexp.MustCompile(`^sha256:[0-9a-f]{16}$`)

func readTestdata(t *testing.T, path string) []byte {
	t.Helper()
	data, err := os.ReadFile(filepath.Join("testdata", filepath.FromSlash(path)))
	if err != nil {
		t.Fatal(err)
	}
	return data
}

func TestLoadGood(t *testing.T) {
	cat, err := LoadDir("testdata/good")
	if err != nil {
		t.Fatalf("LoadDir: %v", err)
	}
	var ids []string
	for _, ch := range cat.List() {
		ids = append(ids, ch.ID)
	}
	if want := []string{"min-query", "todo-crud"}; !reflect.DeepEqual(ids, want) {
		t.Fatalf("ids = %v, want %v", ids, want)
	}
	src := func(p string) []byte { return readTestdata(t, "good/todo-crud/"+p) }
	want := &Challenge{
		ID:         "todo-crud",
		Title:      "CRUD on a todo table",
		Topic:      "crud",
		Difficulty: Medium,
		Points:     7,
		Seeds:      []string{"Fixture Q1", "Fixture Q2"},
		Image:      "ormcheck/runtime:test",
		Limits:     Limits{Wall: 90 * time.Second, PerTest: 15 * time.Second, Memory: 512 << 20},
		Statement:  src("statement.md"),
		Starter:    src("starter.py"),
		Solution:   src("solution.py"),
		Tests: []Test{
			{ID: "public/test_todo_public.py::test_add_returns_id", Name: "add_todo returns the new id", File: "public/test_todo_public.py", Points: 1, Line: 5},
			{ID: "public/test_todo_public.py::test_get_missing", Name: "get_todo returns None for an unknown id", File: "public/test_todo_public.py", Points: 1, Line: 11},
			{ID: "hidden/test_todo.py::test_update", Name: "update_todo changes the title", File: "hidden/test_todo.py", Hidden: true, Points: 1, Line: 5},
			{ID: "hidden/test_todo.py::test_update_missing", Name: `update_todo raises LookupError for \d ids`, File: "hidden/test_todo.py", Hidden: true, Points: 3, Line: 15},
			{ID: "hidden/test_todo.py::test_delete", Name: "delete_todo removes the row", File: "hidden/test_todo.py", Hidden: true, Points: 0, Line: 20},
			{ID: "hidden/test_todo_more.py::test_many_rows", Name: "Many rows: 1000 todos", File: "hidden/test_todo_more.py", Hidden: true, Points: 1, Line: 5},
		},
		PublicFiles: []File{
			{Path: "public/helpers.py", Content: src("tests/public/helpers.py")},
			{Path: "public/test_todo_public.py", Content: src("tests/public/test_todo_public.py")},
		},
		HiddenFiles: []File{
			{Path: "hidden/test_todo.py", Content: src("tests/hidden/test_todo.py")},
			{Path: "hidden/test_todo_more.py", Content: src("tests/hidden/test_todo_more.py")},
		},
		Wrong: []Wrong{
			{File: "no_commit.py", Verdict: "wrong-answer", Why: "adds the row but never commits", Seed: "Fixture Q1", Source: src("wrong/no_commit.py")},
			{File: "syntax_error.py", Verdict: "compile-error", Why: "does not parse", Source: src("wrong/syntax_error.py")},
		},
		Variants: []Variant{
			{File: "legacy_query.py", Why: "session.query instead of select", Source: src("variants/legacy_query.py")},
		},
		Source: filepath.Join("testdata/good", "todo-crud"),
	}
	got, ok := cat.Get("todo-crud")
	if !ok {
		t.Fatal(`Get("todo-crud") found nothing`)
	}
	if !versionPattern.MatchString(got.Version) {
		t.Errorf("Version = %q, want sha256: and 16 hex digits", got.Version)
	}
	want.Version = got.Version
	compareChallenges(t, got, want)

	if n := len(got.PublicTests()); n != 2 {
		t.Errorf("PublicTests: %d tests, want 2", n)
	}
	if n := len(got.HiddenTests()); n != 4 {
		t.Errorf("HiddenTests: %d tests, want 4", n)
	}

	min, _ := cat.Get("min-query")
	wantMin := &Challenge{
		ID: "min-query", Title: "Smallest valid challenge", Topic: "query", Difficulty: Easy, Points: 1,
		Statement: readTestdata(t, "good/min-query/statement.md"),
		Starter:   readTestdata(t, "good/min-query/starter.py"),
		Solution:  readTestdata(t, "good/min-query/solution.py"),
		Tests: []Test{
			{ID: "hidden/test_query.py::test_run", Name: "run returns 1", File: "hidden/test_query.py", Hidden: true, Points: 1, Line: 1},
		},
		HiddenFiles: []File{{Path: "hidden/test_query.py", Content: readTestdata(t, "good/min-query/tests/hidden/test_query.py")}},
		Version:     min.Version,
		Source:      filepath.Join("testdata/good", "min-query"),
	}
	compareChallenges(t, min, wantMin)
	if min.PublicTests() != nil {
		t.Errorf("PublicTests = %v, want none", min.PublicTests())
	}
}

// compareChallenges reports every field of got that differs from want.
func compareChallenges(t *testing.T, got, want *Challenge) {
	t.Helper()
	g, w := reflect.ValueOf(got).Elem(), reflect.ValueOf(want).Elem()
	for i := 0; i < g.NumField(); i++ {
		if !reflect.DeepEqual(g.Field(i).Interface(), w.Field(i).Interface()) {
			t.Errorf("%s: %s\n got: %+v\nwant: %+v", want.ID, g.Type().Field(i).Name, g.Field(i).Interface(), w.Field(i).Interface())
		}
	}
}

// Each folder of testdata/broken is a root of challenge folders; its
// <case>.golden holds the ValidationError text. Run go test -update to
// rewrite the goldens.
func TestLoadBroken(t *testing.T) {
	// Challenges of a broken root that still load.
	stillLoaded := map[string][]string{
		"no-toml": {"real"},
	}
	entries, err := os.ReadDir("testdata/broken")
	if err != nil {
		t.Fatal(err)
	}
	cases := map[string]bool{}
	for _, e := range entries {
		if !e.IsDir() {
			continue
		}
		name := e.Name()
		cases[name] = true
		t.Run(name, func(t *testing.T) {
			dir := filepath.Join("testdata", "broken", name)
			cat, err := LoadDir(dir)
			var verr *ValidationError
			if !errors.As(err, &verr) {
				t.Fatalf("LoadDir(%s) error = %v, want a *ValidationError", dir, err)
			}
			var ids []string
			for _, ch := range cat.List() {
				ids = append(ids, ch.ID)
			}
			if !reflect.DeepEqual(ids, stillLoaded[name]) {
				t.Errorf("loaded %v, want %v", ids, stillLoaded[name])
			}
			got := verr.Error() + "\n"
			golden := dir + ".golden"
			if *update {
				if err := os.WriteFile(golden, []byte(got), 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			want, err := os.ReadFile(golden)
			if err != nil {
				t.Fatalf("%v (run go test -update to create it)", err)
			}
			if got != string(want) {
				t.Errorf("problems differ from %s (run go test -update to accept)\n--- got\n%s--- want\n%s", golden, got, want)
			}
		})
	}
	goldens, _ := filepath.Glob("testdata/broken/*.golden")
	for _, g := range goldens {
		if name := strings.TrimSuffix(filepath.Base(g), ".golden"); !cases[name] {
			t.Errorf("%s has no folder testdata/broken/%s", g, name)
		}
	}
}

func TestLoadDirErrors(t *testing.T) {
	_, err := LoadDir("testdata/no-such-dir")
	if err == nil || !strings.Contains(err.Error(), "does not exist") {
		t.Errorf("missing dir: error = %v, want \"does not exist\"", err)
	}
	_, err = LoadDir("testdata/good/min-query/statement.md")
	if err == nil || !strings.Contains(err.Error(), "not a directory") {
		t.Errorf("file: error = %v, want \"not a directory\"", err)
	}
	var verr *ValidationError
	if errors.As(err, &verr) {
		t.Errorf("file: got a ValidationError, want a plain error")
	}
}

func TestLoadDirSingleChallenge(t *testing.T) {
	dir := filepath.Join("testdata", "good", "min-query")
	cat, err := LoadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	list := cat.List()
	if len(list) != 1 || list[0].ID != "min-query" || list[0].Source != dir {
		t.Fatalf("got %d challenges, first %+v; want min-query from %s", len(list), list, dir)
	}
	// A challenge folder whose name is not its id is still checked.
	_, err = LoadDir(filepath.Join("testdata", "broken", "id-mismatch", "folder-name"))
	if err == nil || !strings.Contains(err.Error(), `folder-name/challenge.toml:1: id "other-name" does not match the folder name "folder-name"`) {
		t.Errorf("error = %v, want an id mismatch", err)
	}
}

func TestValidationErrorFormat(t *testing.T) {
	e := &ValidationError{Problems: []Problem{
		{File: "b/challenge.toml", Line: 10, Msg: "second"},
		{File: "b/challenge.toml", Line: 2, Msg: "first"},
		{File: "a", Msg: "no challenge.toml"},
	}}
	want := "a: no challenge.toml\nb/challenge.toml:2: first\nb/challenge.toml:10: second"
	if got := e.Error(); got != want {
		t.Errorf("Error() = %q, want %q", got, want)
	}
	if e.Problems[0].Msg != "second" {
		t.Error("Error() reordered Problems")
	}
}
