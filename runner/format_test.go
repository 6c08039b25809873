package runner

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"encoding/xml"
	"flag"
	"os"
	"path/filepath"
	"reflect"
	"regexp"
	"strings"
	"testing"
	"time"
)

var update = flag.Bool("update", false, "rewrite golden files")

// formatFixture is the batch every format's golden file renders: alice got
// everything accepted; bob a wrong answer with tamper flags and a compile
// error; chloé a time limit and no answer to eager-loading; two problems.
func formatFixture() *Report {
	crudTests := func(outcomes [4]string, msgs [4]string, ms [4]float64) []TestResult {
		tests := []TestResult{
			{ID: "public/test_crud.py::test_create_user", Name: "test_create_user", MaxPoints: 2},
			{ID: "public/test_crud.py::test_get_user_by_username", Name: "test_get_user_by_username", MaxPoints: 2},
			{ID: "hidden/test_crud.py::test_duplicate_username_raises", Name: "test_duplicate_username_raises", Hidden: true, MaxPoints: 3},
			{ID: "hidden/test_crud.py::test_session_usable_after_duplicate", Name: "test_session_usable_after_duplicate", Hidden: true, MaxPoints: 3},
		}
		for i := range tests {
			tests[i].Outcome, tests[i].Message, tests[i].DurationMS = outcomes[i], msgs[i], ms[i]
			if outcomes[i] == Passed {
				tests[i].Points = tests[i].MaxPoints
			}
		}
		return tests
	}
	eagerTests := func(outcomes [3]string, ms [3]float64) []TestResult {
		tests := []TestResult{
			{ID: "public/test_eager.py::test_orders_loaded_eagerly", Name: "test_orders_loaded_eagerly", MaxPoints: 4},
			{ID: "hidden/test_eager.py::test_one_query_for_all_users", Name: "test_one_query_for_all_users", Hidden: true, MaxPoints: 3},
			{ID: "hidden/test_eager.py::test_no_lazy_load_after_close", Name: "test_no_lazy_load_after_close", Hidden: true, MaxPoints: 3},
		}
		for i := range tests {
			tests[i].Outcome, tests[i].DurationMS = outcomes[i], ms[i]
			if outcomes[i] == Passed {
				tests[i].Points = tests[i].MaxPoints
			}
		}
		return tests
	}
	pass4 := [4]string{Passed, Passed, Passed, Passed}
	none4 := [4]string{}

	return &Report{
		Schema:     SchemaVersion,
		Tool:       "ormcheck",
		Started:    time.Date(2025, 3, 1, 14, 2, 5, 0, time.UTC),
		DurationMS: 83_400,
		Runtime: Runtime{
			Image:  "ormcheck-runtime:5d41c2a9e0b7",
			Digest: "sha256:8c1f0e2a9b3d47c6a5e4f3d2c1b0a9f8e7d6c5b4a3928170f6e5d4c3b2a19087",
			Versions: map[string]string{
				"python": "3.12.8", "sqlalchemy": "2.0.36", "pytest": "8.3.4",
				"aiosqlite": "0.20.0", "greenlet": "3.1.1", "flask_sqlalchemy": "3.1.1",
			},
		},
		Challenges: []ChallengeInfo{
			{ID: "crud-users", Title: "CRUD on a users table", Points: 10, Version: "1.2.0"},
			{ID: "eager-loading", Title: "Eager loading without N+1 queries", Points: 10, Version: "1.0.3"},
		},
		Candidates: []CandidateReport{
			{Name: "alice", Score: 20, MaxScore: 20, Results: []Outcome{
				{
					Candidate: "alice", Challenge: "crud-users", ChallengeVersion: "1.2.0", File: "alice/crud_users.py",
					SolutionSHA256: "3b1f7c0d5e9a2b4c6d8e0f1a3b5c7d9e1f2a4b6c8d0e2f4a6b8c0d2e4f6a8b0c",
					Verdict:        Accepted, Score: 10, MaxScore: 10, DurationMS: 2_140,
					Message: "Accepted: all 4 tests passed.",
					Tests:   crudTests(pass4, none4, [4]float64{41.2, 12.5, 18, 20.3}),
				},
				{
					Candidate: "alice", Challenge: "eager-loading", ChallengeVersion: "1.0.3", File: "alice/eager_loading.py",
					SolutionSHA256: "9d8c7b6a5f4e3d2c1b0a99887766554433221100ffeeddccbbaa998877665544",
					Verdict:        Accepted, Score: 10, MaxScore: 10, DurationMS: 1_870,
					Message: "Accepted: all 3 tests passed.",
					Tests:   eagerTests([3]string{Passed, Passed, Passed}, [3]float64{55.1, 30.4, 9.8}),
				},
			}},
			{Name: "bob", Score: 7, MaxScore: 20, Results: []Outcome{
				{
					Candidate: "bob", Challenge: "crud-users", ChallengeVersion: "1.2.0", File: "bob/crud.py",
					SolutionSHA256: "0f1e2d3c4b5a69788796a5b4c3d2e1f00f1e2d3c4b5a69788796a5b4c3d2e1f0",
					Verdict:        WrongAnswer, Score: 7, MaxScore: 10, DurationMS: 2_630,
					Message: `Wrong answer: 1 test of 4 failed. First: "test_duplicate_username_raises" — AssertionError: expected IntegrityError for a second user named 'ann', got <User id=2 username='ann'>`,
					Tests: crudTests([4]string{Passed, Passed, Failed, Passed},
						[4]string{"", "", "AssertionError: expected IntegrityError for a second user named 'ann', got <User id=2 username='ann'>\nassert None is not None", ""},
						[4]float64{38.9, 11.2, 15.7, 19.9}),
					Flags:  []string{"2 lines of unsigned data on the report channel", "network attempt: connect to 10.0.0.1:5432"},
					Output: "creating user ann\ncreating user ann\n",
				},
				{
					Candidate: "bob", Challenge: "eager-loading", ChallengeVersion: "1.0.3", File: "bob/eager.py",
					SolutionSHA256: "aa55aa55aa55aa55aa55aa55aa55aa55aa55aa55aa55aa55aa55aa55aa55aa55",
					Verdict:        CompileError, Score: 0, MaxScore: 10, DurationMS: 910,
					Message: "Compile error: the solution could not be loaded: SyntaxError: invalid syntax (solution.py, line 14)",
					Tests:   eagerTests([3]string{Skipped, Skipped, Skipped}, [3]float64{}),
				},
			}},
			{Name: "chloé", Score: 4, MaxScore: 20, Results: []Outcome{
				{
					Candidate: "chloé", Challenge: "crud-users", ChallengeVersion: "1.2.0", File: "chloé/crud-users.py",
					SolutionSHA256: "c0ffeec0ffeec0ffeec0ffeec0ffeec0ffeec0ffeec0ffeec0ffeec0ffeec0ff",
					Verdict:        TimeLimit, Score: 4, MaxScore: 10, DurationMS: 12_480,
					Message: `Time limit exceeded: "test_duplicate_username_raises" did not finish within 10s.`,
					Tests: crudTests([4]string{Passed, Passed, TimedOut, Skipped},
						[4]string{"", "", "did not finish within 10s", "not run: an earlier test went past its time limit"},
						[4]float64{40.3, 13.1, 10_000, 0}),
				},
			}},
		},
		Problems: []Problem{
			{Candidate: "bob", File: "notes.txt", Message: "names no challenge"},
			{Candidate: "dave", Message: "empty folder: no solution files"},
		},
		Verdicts: map[Verdict]int{Accepted: 2, WrongAnswer: 1, CompileError: 1, TimeLimit: 1},
	}
}

func renderString(t *testing.T, r *Report, format string, opts RenderOptions) string {
	t.Helper()
	var b bytes.Buffer
	if err := Render(&b, r, format, opts); err != nil {
		t.Fatalf("Render(%s): %v", format, err)
	}
	return b.String()
}

func checkGolden(t *testing.T, name, got string) {
	t.Helper()
	path := filepath.Join("testdata", "format", name+".golden")
	if *update {
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test ./runner/ -run Format -update to create it)", err)
	}
	if got != string(want) {
		t.Errorf("%s differs from %s (run with -update if the change is intended)\n--- got ---\n%s", name, path, got)
	}
}

func TestFormatGolden(t *testing.T) {
	for _, f := range Formats {
		t.Run(f, func(t *testing.T) {
			checkGolden(t, f, renderString(t, formatFixture(), f, RenderOptions{}))
		})
	}
}

func TestFormatUnknown(t *testing.T) {
	err := Render(&bytes.Buffer{}, formatFixture(), "xml", RenderOptions{})
	if err == nil {
		t.Fatal("Render(xml) succeeded")
	}
	for _, f := range Formats {
		if !strings.Contains(err.Error(), f) {
			t.Errorf("error %q does not list %q", err, f)
		}
	}
	if err := Render(&bytes.Buffer{}, nil, "table", RenderOptions{}); err == nil {
		t.Error("Render(nil report) succeeded")
	}
}

func TestFormatRenderDoesNotChangeReport(t *testing.T) {
	r := formatFixture()
	for _, f := range Formats {
		renderString(t, r, f, RenderOptions{Color: true})
	}
	if !reflect.DeepEqual(r, formatFixture()) {
		t.Error("rendering changed the report")
	}
}

var ansiCode = regexp.MustCompile("\x1b\\[[0-9;]*m")

func TestFormatTableColor(t *testing.T) {
	plain := renderString(t, formatFixture(), "table", RenderOptions{})
	color := renderString(t, formatFixture(), "table", RenderOptions{Color: true})
	if strings.Contains(plain, "\x1b") {
		t.Error("table without Color has escape codes")
	}
	if !strings.Contains(color, "\x1b[31m") || !strings.Contains(color, "\x1b[32m") {
		t.Error("table with Color has no red or green")
	}
	if got := ansiCode.ReplaceAllString(color, ""); got != plain {
		t.Errorf("coloured table differs from the plain one beyond colours:\n%s\n---\n%s", got, plain)
	}
}

// TestFormatTableAlignment checks the columns line up in display columns,
// with accented, wide and hostile names.
func TestFormatTableAlignment(t *testing.T) {
	r := formatFixture()
	r.Candidates[0].Name = "張偉"
	r.Candidates[1].Name = "bob\x1b[2J\r"
	r.Candidates[1].Results[0].Flags[0] = "tampering: \x1b]0;owned\x07 title"
	out := renderString(t, r, "table", RenderOptions{})
	if strings.ContainsAny(out, "\x1b\r\x07") {
		t.Errorf("control characters reach the terminal:\n%q", out)
	}
	lines := strings.Split(out, "\n")
	var cols []int
	for _, l := range lines[:4] {
		i := strings.LastIndex(l, "  ")
		if i < 0 {
			t.Fatalf("no column gap in %q", l)
		}
		cols = append(cols, textWidth(l[:i]))
	}
	for _, c := range cols[1:] {
		if c != cols[0] {
			t.Errorf("TOTAL column not aligned: %v\n%s", cols, strings.Join(lines[:4], "\n"))
			break
		}
	}
}

func TestFormatJSONRoundTrip(t *testing.T) {
	out := renderString(t, formatFixture(), "json", RenderOptions{})
	var got Report
	if err := json.Unmarshal([]byte(out), &got); err != nil {
		t.Fatal(err)
	}
	if want := formatFixture(); !reflect.DeepEqual(&got, want) {
		t.Errorf("JSON round trip differs:\n got %+v\nwant %+v", got, *want)
	}
	if !strings.Contains(out, "\n  \"schema\": 1,\n") {
		t.Error("not indented 2 spaces or no schema")
	}
	if !strings.Contains(out, "<User id=2") {
		t.Error("HTML characters escaped in JSON")
	}
}

func TestFormatEmptyReport(t *testing.T) {
	r := NewReport(nil, nil, nil)
	for _, f := range Formats {
		renderString(t, r, f, RenderOptions{})
	}
	out := renderString(t, r, "json", RenderOptions{})
	for _, want := range []string{`"candidates": []`, `"challenges": []`, `"problems": []`} {
		if !strings.Contains(out, want) {
			t.Errorf("empty JSON report has no %s:\n%s", want, out)
		}
	}
	// a hand-built report with nil lists still renders [] and a schema
	out = renderString(t, &Report{}, "json", RenderOptions{})
	if !strings.Contains(out, `"candidates": []`) || !strings.Contains(out, `"schema": 1`) {
		t.Errorf("zero report JSON:\n%s", out)
	}
}

func TestFormatCSVShape(t *testing.T) {
	out := renderString(t, formatFixture(), "csv", RenderOptions{})
	rows, err := csv.NewReader(strings.NewReader(out)).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	// header, alice, bob, chloé, dave (known only from a problem)
	if len(rows) != 5 {
		t.Fatalf("%d rows, want 5:\n%s", len(rows), out)
	}
	wantHead := []string{"candidate", "crud-users score", "crud-users verdict", "eager-loading score", "eager-loading verdict", "total", "max_score", "problems", "flags"}
	if !reflect.DeepEqual(rows[0], wantHead) {
		t.Errorf("header %q, want %q", rows[0], wantHead)
	}
	for i, row := range rows {
		if len(row) != len(wantHead) {
			t.Errorf("row %d has %d columns, want %d", i, len(row), len(wantHead))
		}
	}
	names := []string{rows[1][0], rows[2][0], rows[3][0], rows[4][0]}
	if !reflect.DeepEqual(names, []string{"alice", "bob", "chloé", "dave"}) {
		t.Errorf("candidates %q", names)
	}
	bob := rows[2]
	if bob[1] != "7" || bob[2] != "wrong-answer" || bob[4] != "compile-error" || bob[5] != "7" || bob[6] != "20" {
		t.Errorf("bob's row %q", bob)
	}
	if want := "crud-users: 2 lines of unsigned data on the report channel; crud-users: network attempt: connect to 10.0.0.1:5432"; bob[8] != want {
		t.Errorf("bob's flags %q, want %q", bob[8], want)
	}
	if bob[7] != "notes.txt: names no challenge" {
		t.Errorf("bob's problems %q", bob[7])
	}
	if chloe := rows[3]; chloe[3] != "" || chloe[4] != "unanswered" {
		t.Errorf("chloé's unanswered challenge %q", chloe)
	}
}

func TestFormatCSVFormulaInjection(t *testing.T) {
	r := formatFixture()
	r.Candidates[0].Name = "=HYPERLINK(\"x\")"
	out := renderString(t, r, "csv", RenderOptions{})
	rows, err := csv.NewReader(strings.NewReader(out)).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	for _, row := range rows {
		for _, cell := range row {
			if strings.HasPrefix(cell, "=") {
				t.Errorf("cell %q would run as a formula", cell)
			}
		}
	}
}

// junitDoc parses JUnit independently of the renderer's own types.
type junitDoc struct {
	Tests    int `xml:"tests,attr"`
	Failures int `xml:"failures,attr"`
	Errors   int `xml:"errors,attr"`
	Suites   []struct {
		Name       string `xml:"name,attr"`
		Tests      int    `xml:"tests,attr"`
		Failures   int    `xml:"failures,attr"`
		Errors     int    `xml:"errors,attr"`
		Skipped    int    `xml:"skipped,attr"`
		Properties []struct {
			Name  string `xml:"name,attr"`
			Value string `xml:"value,attr"`
		} `xml:"properties>property"`
		Cases []struct {
			Classname string    `xml:"classname,attr"`
			Name      string    `xml:"name,attr"`
			Time      string    `xml:"time,attr"`
			Failure   *struct{} `xml:"failure"`
			Error     *struct {
				Message string `xml:"message,attr"`
			} `xml:"error"`
			Skipped *struct{} `xml:"skipped"`
		} `xml:"testcase"`
	} `xml:"testsuite"`
}

func TestFormatJUnitCounts(t *testing.T) {
	r := formatFixture()
	out := renderString(t, r, "junit", RenderOptions{})
	var doc junitDoc
	if err := xml.Unmarshal([]byte(out), &doc); err != nil {
		t.Fatal(err)
	}

	// What the report holds: every test, plus a "verdict" case for the
	// compile error and the time limit, plus one per problem.
	wantTests, wantFail, wantErr := 0, 0, 0
	for _, c := range r.Candidates {
		for _, o := range c.Results {
			wantTests += len(o.Tests)
			for _, tr := range o.Tests {
				switch tr.Outcome {
				case Failed:
					wantFail++
				case Errored, TimedOut:
					wantErr++
				}
			}
			if o.Verdict != Accepted && o.Verdict != WrongAnswer {
				wantTests++
				wantErr++
			}
		}
	}
	wantTests += len(r.Problems)
	wantErr += len(r.Problems)
	if wantTests != 22 || wantFail != 1 || wantErr != 5 {
		t.Fatalf("fixture changed: %d tests, %d failures, %d errors", wantTests, wantFail, wantErr)
	}
	if doc.Tests != wantTests || doc.Failures != wantFail || doc.Errors != wantErr {
		t.Errorf("testsuites tests=%d failures=%d errors=%d, want %d %d %d", doc.Tests, doc.Failures, doc.Errors, wantTests, wantFail, wantErr)
	}

	// Every suite's counts agree with its testcases.
	var cases, fails, errs int
	suites := map[string]int{}
	for i, s := range doc.Suites {
		suites[s.Name] = i
		var f, e, sk int
		for _, c := range s.Cases {
			if c.Failure != nil {
				f++
			}
			if c.Error != nil {
				e++
			}
			if c.Skipped != nil {
				sk++
			}
			if !regexp.MustCompile(`^\d+\.\d{3}$`).MatchString(c.Time) {
				t.Errorf("%s/%s time %q not seconds with 3 decimals", s.Name, c.Name, c.Time)
			}
		}
		if s.Tests != len(s.Cases) || s.Failures != f || s.Errors != e || s.Skipped != sk {
			t.Errorf("suite %s says %d/%d/%d/%d, has %d/%d/%d/%d", s.Name, s.Tests, s.Failures, s.Errors, s.Skipped, len(s.Cases), f, e, sk)
		}
		cases, fails, errs = cases+len(s.Cases), fails+f, errs+e
	}
	if cases != doc.Tests || fails != doc.Failures || errs != doc.Errors {
		t.Errorf("testcases %d/%d/%d, totals say %d/%d/%d", cases, fails, errs, doc.Tests, doc.Failures, doc.Errors)
	}

	// One suite per outcome, with verdict, score and flags as properties.
	for _, c := range r.Candidates {
		for _, o := range c.Results {
			i, ok := suites[c.Name+"/"+o.Challenge]
			if !ok {
				t.Errorf("no suite for %s/%s", c.Name, o.Challenge)
				continue
			}
			props := map[string][]string{}
			for _, p := range doc.Suites[i].Properties {
				props[p.Name] = append(props[p.Name], p.Value)
			}
			if props["verdict"][0] != string(o.Verdict) || len(props["score"]) != 1 || !reflect.DeepEqual(props["flag"], o.Flags) {
				t.Errorf("%s/%s properties %v", c.Name, o.Challenge, props)
			}
		}
	}
	ce := doc.Suites[suites["bob/eager-loading"]]
	last := ce.Cases[len(ce.Cases)-1]
	if last.Name != "verdict" || last.Error == nil || !strings.HasPrefix(last.Error.Message, "compile-error: ") {
		t.Errorf("compile error's verdict case: %+v", last)
	}
	if _, ok := suites["problems"]; !ok {
		t.Error("no problems suite")
	}
}

func TestFormatJUnitTamperOnlyWrongAnswer(t *testing.T) {
	r := formatFixture()
	o := &r.Candidates[1].Results[0]
	o.Tests[2].Outcome, o.Tests[2].Message, o.Tests[2].Points = Passed, "", 3
	o.Score = 10
	o.Message = "Wrong answer: every test reported a pass, but the run showed signs of tampering: 2 lines of unsigned data on the report channel."
	var doc junitDoc
	if err := xml.Unmarshal([]byte(renderString(t, r, "junit", RenderOptions{})), &doc); err != nil {
		t.Fatal(err)
	}
	for _, s := range doc.Suites {
		if s.Name == "bob/crud-users" && s.Failures != 1 {
			t.Errorf("a wrong answer with every test passed shows %d failures in JUnit", s.Failures)
		}
	}
}

func TestFormatHTMLSelfContained(t *testing.T) {
	out := renderString(t, formatFixture(), "html", RenderOptions{})
	for _, bad := range []string{"http://", "https://", "<script", "<link", "src=", "@import", "url(", "<iframe", "<img"} {
		if strings.Contains(out, bad) {
			t.Errorf("HTML report contains %q", bad)
		}
	}
	for _, want := range []string{"<svg", "<style>", "<details", "2 lines of unsigned data on the report channel",
		"AssertionError: expected IntegrityError", "names no challenge", "sha256:8c1f0e2a9b3d", "SQLAlchemy 2.0.36", "1m23s"} {
		if !strings.Contains(out, want) {
			t.Errorf("HTML report lacks %q", want)
		}
	}
}

func TestFormatHTMLEscapes(t *testing.T) {
	const evil = "<script>alert(1)</script>"
	r := formatFixture()
	r.Candidates[1].Name = evil
	r.Candidates[1].Results[0].Tests[2].Message = evil
	r.Candidates[1].Results[0].Flags[0] = evil
	r.Candidates[1].Results[0].Output = evil
	r.Problems[0].File = evil
	out := renderString(t, r, "html", RenderOptions{})
	if strings.Contains(out, evil) || strings.Contains(out, "<script") {
		t.Fatal("injected script reaches the HTML report unescaped")
	}
	if n := strings.Count(out, "&lt;script&gt;alert(1)&lt;/script&gt;"); n < 5 {
		t.Errorf("escaped script shown %d times, want it everywhere it was injected", n)
	}
}

func TestFormatGradescopeFiles(t *testing.T) {
	r := formatFixture()
	dir := t.TempDir()
	paths, err := RenderGradescope(dir, r)
	if err != nil {
		t.Fatal(err)
	}
	if len(paths) != 5 {
		t.Fatalf("%d files written, want 5: %v", len(paths), paths)
	}
	var all map[string]json.RawMessage
	if err := json.Unmarshal([]byte(renderString(t, r, "gradescope", RenderOptions{})), &all); err != nil {
		t.Fatal(err)
	}
	type gsTest struct {
		Name, Status, Output, Visibility string
		Score                            float64
		MaxScore                         float64 `json:"max_score"`
	}
	type gsResults struct {
		Score            float64  `json:"score"`
		MaxScore         float64  `json:"max_score"`
		ExecutionTime    *int     `json:"execution_time"`
		Output           string   `json:"output"`
		Tests            []gsTest `json:"tests"`
		StdoutVisibility string   `json:"stdout_visibility"`
	}
	for _, c := range r.Candidates {
		for _, o := range c.Results {
			p := filepath.Join(dir, c.Name, o.Challenge, "results.json")
			data, err := os.ReadFile(p)
			if err != nil {
				t.Error(err)
				continue
			}
			var res gsResults
			if err := json.Unmarshal(data, &res); err != nil {
				t.Fatal(err)
			}
			if res.Score != float64(o.Score) || res.MaxScore != float64(o.MaxScore) || res.Output != o.Message ||
				res.StdoutVisibility != "hidden" || res.ExecutionTime == nil || len(res.Tests) != len(o.Tests) {
				t.Errorf("%s: %+v", p, res)
			}
			sum := 0.0
			for i, gt := range res.Tests {
				sum += gt.Score
				wantStatus, wantVis := "failed", "visible"
				if o.Tests[i].Outcome == Passed {
					wantStatus = "passed"
				}
				if o.Tests[i].Hidden {
					wantVis = "after_published"
				}
				if gt.Status != wantStatus || gt.Visibility != wantVis || gt.Name != o.Tests[i].Name || gt.MaxScore != float64(o.Tests[i].MaxPoints) {
					t.Errorf("%s test %d: %+v", p, i, gt)
				}
			}
			if sum != res.Score {
				t.Errorf("%s: tests add up to %v, score %v", p, sum, res.Score)
			}
			var fromRender, fromFile any
			_ = json.Unmarshal(all[c.Name+"/"+o.Challenge], &fromRender)
			_ = json.Unmarshal(data, &fromFile)
			if !reflect.DeepEqual(fromRender, fromFile) {
				t.Errorf("%s differs from Render's %s/%s entry", p, c.Name, o.Challenge)
			}
		}
	}
	if _, err := os.Stat(filepath.Join(dir, "chloé", "eager-loading")); !os.IsNotExist(err) {
		t.Error("results written for a challenge chloé did not answer")
	}
}

func TestFormatGradescopeStaysInDir(t *testing.T) {
	r := formatFixture()
	r.Candidates[0].Name = "../../escape"
	r.Candidates[1].Name = ".."
	dir := t.TempDir()
	paths, err := RenderGradescope(filepath.Join(dir, "out"), r)
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range paths {
		rel, err := filepath.Rel(filepath.Join(dir, "out"), p)
		if err != nil || rel == ".." || strings.HasPrefix(rel, ".."+string(filepath.Separator)) || strings.Count(rel, string(filepath.Separator)) != 2 {
			t.Errorf("wrote %s outside its place (%s)", p, rel)
		}
	}
}

func TestFormatInterrupted(t *testing.T) {
	r := formatFixture()
	r.Interrupted = true
	r.Problems = append(r.Problems, Problem{Message: "interrupted: 1 of 6 solutions were not graded"})
	for _, f := range []string{"table", "html", "junit"} {
		out := renderString(t, r, f, RenderOptions{})
		if !strings.Contains(out, "INTERRUPTED") && !strings.Contains(out, "interrupted") {
			t.Errorf("%s does not say the run was interrupted", f)
		}
		if !strings.Contains(out, "interrupted: 1 of 6 solutions were not graded") {
			t.Errorf("%s drops a problem of the whole batch", f)
		}
	}
	table := renderString(t, r, "table", RenderOptions{})
	if !strings.HasPrefix(table, "INTERRUPTED: ") || !strings.Contains(table, "\n? interrupted: 1 of 6") {
		t.Errorf("table:\n%s", table)
	}
}
