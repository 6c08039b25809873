package cmd_test

import (
	"context"
	"encoding/json"
	"encoding/xml"
	"flag"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/ormcheck/ormcheck/cmd"
	"github.com/ormcheck/ormcheck/runner"
	"github.com/ormcheck/ormcheck/sandbox"
	"github.com/ormcheck/ormcheck/sandbox/sandboxtest"
)

var update = flag.Bool("update", false, "rewrite golden files")

func TestMain(m *testing.M) {
	flag.Parse()
	os.Exit(sandboxtest.CheckNoLeftovers(m.Run()))
}

// testChallenges holds the small tiny-add challenge used for fast end-to-end runs.
const testChallenges = "../runner/testdata/challenges"

type cli struct {
	code           int
	stdout, stderr string
}

// run executes the command line in-process with buffered streams.
func run(t *testing.T, ctx context.Context, args ...string) cli {
	t.Helper()
	env, out, errOut := cmd.TestEnv()
	if ctx != nil {
		env.Context = func() (context.Context, context.CancelFunc) { return context.WithCancel(ctx) }
	}
	if img := os.Getenv("ORMCHECK_IMAGE"); img != "" {
		env.Image = img
	}
	code := cmd.Main(args, env)
	return cli{code: code, stdout: out.String(), stderr: errOut.String()}
}

// needsEngine skips under -short and fails without the engine or image.
func needsEngine(t *testing.T) {
	t.Helper()
	eng := sandboxtest.Engine(t)
	sandboxtest.Image(t, eng)
}

var (
	durationText = regexp.MustCompile(`in \d+\.\d s`)
	durationJSON = regexp.MustCompile(`"duration_ms": \d+(\.\d+)?`)
)

func normalize(s string) string {
	s = durationText.ReplaceAllString(s, "in N s")
	return durationJSON.ReplaceAllString(s, `"duration_ms": 0`)
}

func golden(t *testing.T, name, got string) {
	t.Helper()
	path := filepath.Join("testdata", "golden", name)
	if *update {
		if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run with -update to create it)", err)
	}
	if string(want) != got {
		t.Errorf("%s differs from golden file (run with -update after review):\n--- got\n%s\n--- want\n%s", name, got, want)
	}
}

func TestCheckVerdictsAndExitCodes(t *testing.T) {
	needsEngine(t)
	cases := []struct {
		file    string
		code    int
		verdict runner.Verdict
		golden  string
	}{
		{"accepted.py", 0, runner.Accepted, "check-accepted"},
		{"wrong.py", 1, runner.WrongAnswer, "check-wrong"},
		{"syntax.py", 1, runner.CompileError, "check-syntax"},
	}
	for _, c := range cases {
		path := filepath.Join("testdata", "solutions", c.file)
		human := run(t, nil, "check", "--challenges", testChallenges, "tiny-add", path)
		if human.code != c.code {
			t.Errorf("%s: exit %d, want %d\n%s%s", c.file, human.code, c.code, human.stdout, human.stderr)
		}
		golden(t, c.golden+".txt", normalize(human.stdout))
		js := run(t, nil, "check", "--challenges", testChallenges, "tiny-add", path, "--json")
		var obj map[string]any
		if err := json.Unmarshal([]byte(js.stdout), &obj); err != nil {
			t.Fatalf("%s: --json did not print one JSON object: %v\n%s", c.file, err, js.stdout)
		}
		for _, k := range []string{"challenge", "verdict", "score", "max_score", "duration_ms", "tests"} {
			if _, ok := obj[k]; !ok {
				t.Errorf("%s: --json lacks %q", c.file, k)
			}
		}
		if obj["verdict"] != string(c.verdict) || js.code != c.code {
			t.Errorf("%s: --json verdict %v exit %d, want %s %d", c.file, obj["verdict"], js.code, c.verdict, c.code)
		}
		golden(t, c.golden+".json", normalize(js.stdout))
	}
}

func TestCheckRefusedInput(t *testing.T) {
	dir := t.TempDir()
	big := filepath.Join(dir, "big.py")
	if err := os.WriteFile(big, []byte(strings.Repeat("x = 1\n", 50000)), 0o644); err != nil {
		t.Fatal(err)
	}
	latin1 := filepath.Join(dir, "latin1.py")
	if err := os.WriteFile(latin1, []byte("name = 'Jos\xe9'\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	cases := map[string][]string{
		"missing file":      {"check", "--challenges", testChallenges, "tiny-add", "testdata/solutions/nope.py"},
		"a directory":       {"check", "--challenges", testChallenges, "tiny-add", "testdata/solutions"},
		"binary":            {"check", "--challenges", testChallenges, "tiny-add", "testdata/solutions/binary.bin"},
		"empty":             {"check", "--challenges", testChallenges, "tiny-add", "testdata/solutions/empty.py"},
		"too big":           {"check", "--challenges", testChallenges, "tiny-add", big},
		"not utf-8":         {"check", "--challenges", testChallenges, "tiny-add", latin1},
		"unknown challenge": {"check", "crud-user", "testdata/solutions/accepted.py"},
	}
	for name, args := range cases {
		for _, asJSON := range []bool{false, true} {
			a := args
			if asJSON {
				a = append(append([]string(nil), args...), "--json")
			}
			res := run(t, nil, a...)
			if res.code != 2 {
				t.Errorf("%s (json=%v): exit %d, want 2\n%s%s", name, asJSON, res.code, res.stdout, res.stderr)
			}
			if asJSON {
				var obj struct{ Verdict, Message string }
				if err := json.Unmarshal([]byte(res.stdout), &obj); err != nil || obj.Verdict != "rejected" {
					t.Errorf("%s: want a rejected JSON object, got %q (%v)", name, res.stdout, err)
				}
			} else if !strings.HasPrefix(res.stdout, "Rejected: ") {
				t.Errorf("%s: first line should say Rejected, got %q", name, res.stdout)
			}
		}
	}
	res := run(t, nil, "show", "--challenges", "../challenges/testdata/broken/malformed-toml", "crud-users")
	if !strings.Contains(res.stderr, "challenge.toml:") {
		t.Errorf("a broken --challenges folder should name the file and line: %q", res.stderr)
	}
	res = run(t, nil, "check", "crud-user", "testdata/solutions/accepted.py")
	if !strings.Contains(res.stdout, "did you mean crud-users") {
		t.Errorf("unknown id should suggest the closest: %q", res.stdout)
	}
}

func TestCheckDoesNotLeakHiddenSource(t *testing.T) {
	needsEngine(t)
	for _, extra := range [][]string{nil, {"--json"}} {
		args := append([]string{"check", "--challenges", testChallenges, "tiny-add", "testdata/solutions/prints_hidden_source.py"}, extra...)
		res := run(t, nil, args...)
		if res.code != 1 {
			t.Fatalf("exit %d\n%s%s", res.code, res.stdout, res.stderr)
		}
		if strings.Contains(res.stdout+res.stderr, `SECRET_MARKER_LINE = "hidden-source-marker-4f2a9c"`) {
			t.Fatalf("a hidden test's source line reached the candidate:\n%s", res.stdout)
		}
		if !strings.Contains(res.stdout, "[hidden test source]") {
			t.Fatalf("expected the redaction mark in the output:\n%s", res.stdout)
		}
	}
}

func TestCheckWithoutEngineOrImage(t *testing.T) {
	t.Setenv("DOCKER_HOST", "tcp://127.0.0.1:1")
	res := run(t, nil, "check", "--challenges", testChallenges, "tiny-add", "testdata/solutions/accepted.py")
	if res.code != 3 || !strings.Contains(res.stdout, "DOCKER_HOST") || !strings.HasPrefix(res.stdout, "Internal error") {
		t.Fatalf("no engine: exit %d, output %q", res.code, res.stdout)
	}
	res = run(t, nil, "doctor")
	if res.code != 3 || !strings.Contains(res.stdout, "start the Docker daemon") {
		t.Fatalf("doctor without engine: exit %d, output %q", res.code, res.stdout)
	}
}

func TestCheckMissingImage(t *testing.T) {
	needsEngine(t)
	env, out, _ := cmd.TestEnv()
	env.Image = "ormcheck-runtime:not-built"
	code := cmd.Main([]string{"check", "--challenges", testChallenges, "tiny-add", "testdata/solutions/accepted.py"}, env)
	if code != 3 || !strings.Contains(out.String(), "ormcheck image build") {
		t.Fatalf("missing image: exit %d, output %q", code, out.String())
	}
}

func TestUsageErrors(t *testing.T) {
	for _, args := range [][]string{
		{"bogus"},
		{"image", "bogus"},
		{"check", "crud-users"},
		{"check", "--bogus", "crud-users", "x.py"},
		{"show"},
		{"grade"},
		{"grade", "testdata/takehomes", "--format", "xml"},
		{"grade", "testdata/takehomes", "--jobs", "0"},
		{"grade", "testdata/no-such-folder"},
		{"show", "--challenges", "testdata/no-such-folder", "crud-users"},
		{"show", "--challenges", "../challenges/testdata/broken/malformed-toml", "crud-users"},
	} {
		res := run(t, nil, args...)
		if res.code != 2 || res.stderr == "" {
			t.Errorf("%v: exit %d stderr %q, want 2 with a message", args, res.code, res.stderr)
		}
		if strings.Contains(res.stderr, "goroutine ") || strings.Contains(res.stderr, "panic") {
			t.Errorf("%v: stack trace shown: %s", args, res.stderr)
		}
	}
}

func TestChallengesShowInit(t *testing.T) {
	res := run(t, nil, "challenges", "--json")
	var list []struct {
		ID     string `json:"id"`
		Points int    `json:"points"`
	}
	if err := json.Unmarshal([]byte(res.stdout), &list); err != nil || res.code != 0 {
		t.Fatalf("challenges --json: %v %q", err, res.stdout)
	}
	want := []string{"association-keywords", "async-orders", "crud-users", "eager-loading", "hybrid-person", "mutable-settings", "one-to-many-addresses"}
	for _, id := range want {
		found := false
		for _, c := range list {
			found = found || (c.ID == id && c.Points > 0)
		}
		if !found {
			t.Errorf("contract challenge %s missing from the catalog", id)
		}
	}
	table := run(t, nil, "challenges")
	if !strings.Contains(table.stdout, "ID") || !strings.Contains(table.stdout, "crud-users") {
		t.Errorf("table: %q", table.stdout)
	}

	show := run(t, nil, "show", "--challenges", testChallenges, "tiny-add")
	golden(t, "show-tiny-add.txt", show.stdout)
	if strings.Contains(show.stdout, "hidden-source-marker") {
		t.Fatal("show printed hidden test source")
	}
	if res := run(t, nil, "show", "hybrid-persn"); res.code != 2 || !strings.Contains(res.stderr, "did you mean hybrid-person") {
		t.Errorf("show unknown: %d %q", res.code, res.stderr)
	}

	dir := filepath.Join(t.TempDir(), "work")
	if res := run(t, nil, "init", "--challenges", testChallenges, "tiny-add", dir); res.code != 0 {
		t.Fatalf("init: %d %s", res.code, res.stderr)
	}
	for _, f := range []string{"solution.py", "ormtest.py", "test_add_public.py"} {
		if _, err := os.Stat(filepath.Join(dir, f)); err != nil {
			t.Errorf("init did not write %s", f)
		}
	}
	if _, err := os.Stat(filepath.Join(dir, "test_add.py")); err == nil {
		t.Error("init wrote a hidden test")
	}
	if err := os.WriteFile(filepath.Join(dir, "solution.py"), []byte("my work\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if res := run(t, nil, "init", "--challenges", testChallenges, "tiny-add", dir); res.code != 2 || !strings.Contains(res.stderr, "--force") {
		t.Errorf("init over existing files: exit %d %q", res.code, res.stderr)
	}
	if got, _ := os.ReadFile(filepath.Join(dir, "solution.py")); string(got) != "my work\n" {
		t.Error("init overwrote the candidate's work without --force")
	}
	if res := run(t, nil, "init", "--force", "--challenges", testChallenges, "tiny-add", dir); res.code != 0 {
		t.Errorf("init --force: %d %s", res.code, res.stderr)
	}
}

func TestGradeFolder(t *testing.T) {
	needsEngine(t)
	cache := t.TempDir()
	out := filepath.Join(t.TempDir(), "report.json")
	res := run(t, nil, "grade", "testdata/takehomes", "--challenges", testChallenges, "--format", "json", "-o", out, "--cache-dir", cache, "--jobs", "2")
	if res.code != 1 {
		t.Fatalf("grade: exit %d, want 1 (not all accepted)\n%s", res.code, res.stderr)
	}
	data, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	var rep runner.Report
	if err := json.Unmarshal(data, &rep); err != nil {
		t.Fatal(err)
	}
	want := map[string]runner.Verdict{
		"alice/crud-users": runner.Accepted, "alice/tiny-add": runner.Accepted,
		"bob/crud-users": runner.WrongAnswer, "bob/tiny-add": runner.WrongAnswer,
		"carol/tiny-add": runner.WrongAnswer, "dave/tiny-add": runner.TimeLimit,
		"dave/crud-users": runner.Rejected, // binary junk: reported, not fatal
		"frank/tiny-add":  runner.CompileError,
	}
	got := map[string]runner.Verdict{}
	for _, c := range rep.Candidates {
		for _, o := range c.Results {
			got[c.Name+"/"+o.Challenge] = o.Verdict
			if o.Cached {
				t.Errorf("%s/%s cached on a cold cache", c.Name, o.Challenge)
			}
		}
	}
	for k, v := range want {
		if got[k] != v {
			t.Errorf("%s: %s, want %s", k, got[k], v)
		}
	}
	if len(got) != len(want) {
		t.Errorf("graded %v, want exactly %v", got, want)
	}
	problems := ""
	for _, p := range rep.Problems {
		problems += p.Candidate + "/" + p.File + ": " + p.Message + "\n"
	}
	for _, w := range []string{"README.txt", "erin/: no solutions", "frank/notes.txt", "frank/tiny-ad.py: names no known challenge \"tiny-ad\" — did you mean tiny-add?"} {
		if !strings.Contains(problems, w) {
			t.Errorf("problems lack %q:\n%s", w, problems)
		}
	}
	if rep.Runtime.Digest == "" || rep.Runtime.Versions["sqlalchemy"] == "" {
		t.Errorf("report lacks the image digest or versions: %+v", rep.Runtime)
	}
	flagged := false
	for _, c := range rep.Candidates {
		if c.Name == "carol" && len(c.Results[0].Flags) > 0 {
			flagged = true
		}
	}
	if !flagged {
		t.Error("carol's early exit is not flagged")
	}

	// Golden files per format, from the real run with timings and the image
	// identity normalized.
	normalizeReport(&rep)
	for _, format := range runner.Formats {
		var b strings.Builder
		if err := runner.Render(&b, &rep, format, runner.RenderOptions{}); err != nil {
			t.Fatal(err)
		}
		golden(t, "grade."+format, b.String())
		if format == "junit" {
			var suites struct {
				XMLName xml.Name `xml:"testsuites"`
				Suites  []struct {
					Name string `xml:"name,attr"`
				} `xml:"testsuite"`
			}
			if err := xml.Unmarshal([]byte(b.String()), &suites); err != nil || len(suites.Suites) < len(want) {
				t.Errorf("junit output does not parse into %d suites: %v", len(want), err)
			}
		}
	}

	// A second run regrades nothing; a changed file is regraded alone.
	table := run(t, nil, "grade", "testdata/takehomes", "--challenges", testChallenges, "--cache-dir", cache, "--format", "json")
	var again runner.Report
	if err := json.Unmarshal([]byte(table.stdout), &again); err != nil {
		t.Fatal(err)
	}
	for _, c := range again.Candidates {
		for _, o := range c.Results {
			if !o.Cached && o.Verdict != runner.Rejected {
				t.Errorf("%s/%s was regraded although nothing changed", c.Name, o.Challenge)
			}
		}
	}
}

func normalizeReport(r *runner.Report) {
	r.Started = time.Date(2026, 1, 2, 3, 4, 5, 0, time.UTC)
	r.DurationMS = 42000
	r.Runtime = runner.Runtime{Image: "ormcheck-runtime:test", Digest: "sha256:0123456789abcdef", Versions: map[string]string{"python": "3.13.5", "sqlalchemy": "2.0.40"}}
	for i := range r.Candidates {
		for j := range r.Candidates[i].Results {
			o := &r.Candidates[i].Results[j]
			o.DurationMS = 1000
			o.Cached = false
			o.File = filepath.ToSlash(o.File)
			for k := range o.Tests {
				o.Tests[k].DurationMS = 1
			}
		}
	}
}

func TestGradeInterruptWritesPartialReport(t *testing.T) {
	needsEngine(t)
	dir := t.TempDir()
	for i := 0; i < 6; i++ {
		sub := filepath.Join(dir, "cand"+string(rune('a'+i)))
		if err := os.MkdirAll(sub, 0o755); err != nil {
			t.Fatal(err)
		}
		src := "import time\n\n\ndef add(a, b):\n    time.sleep(2)\n    return a + b\n"
		if i == 0 {
			src = "def add(a, b):\n    return a + b\n"
		}
		if err := os.WriteFile(filepath.Join(sub, "tiny-add.py"), []byte(src), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	out := filepath.Join(t.TempDir(), "partial.json")
	ctx, cancel := context.WithCancel(context.Background())
	time.AfterFunc(6*time.Second, cancel)
	start := time.Now()
	res := run(t, ctx, "grade", dir, "--challenges", testChallenges, "--no-cache", "--jobs", "1", "--format", "json", "-o", out)
	if res.code != 3 || !strings.Contains(res.stderr, "interrupted") {
		t.Fatalf("exit %d, stderr %q", res.code, res.stderr)
	}
	if time.Since(start) > 30*time.Second {
		t.Fatal("Ctrl-C did not stop the batch promptly")
	}
	data, err := os.ReadFile(out)
	if err != nil {
		t.Fatalf("no partial report written: %v", err)
	}
	var rep runner.Report
	if err := json.Unmarshal(data, &rep); err != nil {
		t.Fatal(err)
	}
	graded := 0
	for _, c := range rep.Candidates {
		graded += len(c.Results)
	}
	if !rep.Interrupted || graded == 0 || graded >= 6 {
		t.Fatalf("interrupted=%v graded=%d, want a partial report", rep.Interrupted, graded)
	}
	// No container of the interrupted run is left (TestMain checks the rest).
	eng := sandboxtest.Engine(t)
	if n, err := eng.Leftovers(context.Background(), sandbox.Scope{ThisProcess: true}); err != nil || n != 0 {
		t.Fatalf("%d containers left after interrupt (%v)", n, err)
	}
}

func TestVerifyAndDoctor(t *testing.T) {
	needsEngine(t)
	res := run(t, nil, "verify", "--challenges", testChallenges, "tiny-add")
	if res.code != 0 || !strings.Contains(res.stdout, "all") {
		t.Fatalf("verify tiny-add: exit %d\n%s%s", res.code, res.stdout, res.stderr)
	}
	doc := run(t, nil, "doctor")
	if doc.code != 0 || !strings.Contains(doc.stdout, "ready to grade") {
		t.Fatalf("doctor: exit %d\n%s", doc.code, doc.stdout)
	}
}
