package runner_test

import (
	"bufio"
	"context"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/ormcheck/ormcheck/challenges"
	"github.com/ormcheck/ormcheck/runner"
	"github.com/ormcheck/ormcheck/sandbox/sandboxtest"
)

// hiddenMarker is a line of the tiny challenge's hidden test source: it must
// never reach anything a candidate is shown.
const hiddenMarker = "hidden-source-marker-4f2a9c"

func tinyChallenge(t testing.TB) *challenges.Challenge {
	t.Helper()
	cat, err := challenges.LoadDir("testdata/challenges")
	if err != nil {
		t.Fatal(err)
	}
	ch, ok := cat.Get("tiny-add")
	if !ok {
		t.Fatal("tiny-add missing from testdata/challenges")
	}
	return ch
}

func realRunner(t testing.TB) *runner.Runner {
	t.Helper()
	eng := sandboxtest.Engine(t)
	img := sandboxtest.Image(t, eng)
	return &runner.Runner{Sandbox: eng, Image: img, RunID: "runner-test"}
}

// fixture is a solution file with its expectations in header comments:
// "# want: VERDICT", "# message: TEXT" (in the verdict message or a test's
// message), "# flag: TEXT" (in a flag).
type fixture struct {
	name     string
	source   []byte
	want     runner.Verdict
	messages []string
	flags    []string
	score    int // -1: not checked
}

func readFixtures(t *testing.T, dir string) []fixture {
	t.Helper()
	paths, err := filepath.Glob(filepath.Join(dir, "*.py"))
	if err != nil || len(paths) == 0 {
		t.Fatalf("no fixtures in %s: %v", dir, err)
	}
	var out []fixture
	for _, p := range paths {
		src, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		f := fixture{name: filepath.Base(p), source: src, score: -1}
		sc := bufio.NewScanner(strings.NewReader(string(src)))
		for sc.Scan() {
			line := sc.Text()
			if !strings.HasPrefix(line, "# ") {
				break
			}
			k, v, _ := strings.Cut(strings.TrimPrefix(line, "# "), ": ")
			switch k {
			case "want":
				f.want = runner.Verdict(v)
			case "message":
				f.messages = append(f.messages, v)
			case "flag":
				f.flags = append(f.flags, v)
			case "score":
				if _, err := fmt.Sscan(v, &f.score); err != nil {
					t.Fatalf("%s: bad score header %q", p, v)
				}
			}
		}
		if !f.want.Valid() {
			t.Fatalf("%s: no valid '# want:' header", p)
		}
		out = append(out, f)
	}
	return out
}

// TestVerdicts grades every fixture under testdata/verdicts (against the
// tiny-add challenge) and testdata/verdicts-<id> (against built-in challenge
// <id>) through the real sandbox and checks its verdict, messages and flags.
func TestVerdicts(t *testing.T) {
	r := realRunner(t)
	type group struct {
		ch       *challenges.Challenge
		fixtures []fixture
	}
	groups := []group{{tinyChallenge(t), readFixtures(t, "testdata/verdicts")}}
	builtin, err := challenges.Builtin()
	if err != nil {
		t.Fatal(err)
	}
	dirs, _ := filepath.Glob("testdata/verdicts-*")
	for _, dir := range dirs {
		ch, ok := builtin.Get(strings.TrimPrefix(filepath.Base(dir), "verdicts-"))
		if !ok {
			t.Fatalf("%s names no built-in challenge", dir)
		}
		groups = append(groups, group{ch, readFixtures(t, dir)})
	}
	for _, g := range groups {
		testFixtures(t, r, g.ch, g.fixtures)
	}
}

func testFixtures(t *testing.T, r *runner.Runner, ch *challenges.Challenge, fixtures []fixture) {
	for _, f := range fixtures {
		t.Run(ch.ID+"/"+f.name, func(t *testing.T) {
			t.Parallel()
			o, err := r.Grade(context.Background(), ch, f.source)
			if err != nil {
				t.Fatal(err)
			}
			dump, _ := json.MarshalIndent(o, "", "  ")
			if o.Verdict != f.want {
				t.Fatalf("verdict %s, want %s\n%s", o.Verdict, f.want, dump)
			}
			texts := o.Message
			for _, tr := range o.Tests {
				texts += "\n" + tr.Message
			}
			for _, m := range f.messages {
				if !strings.Contains(texts, m) {
					t.Errorf("no message containing %q\n%s", m, dump)
				}
			}
			flags := strings.Join(o.Flags, "\n")
			for _, fl := range f.flags {
				if !strings.Contains(flags, fl) {
					t.Errorf("no flag containing %q\n%s", fl, dump)
				}
			}
			if f.score >= 0 && o.Score != f.score {
				t.Errorf("score %d, want %d\n%s", o.Score, f.score, dump)
			}
			if f.want == runner.Accepted && (o.Score != o.MaxScore || o.Passed() != len(o.Tests)) {
				t.Errorf("accepted with score %d/%d", o.Score, o.MaxScore)
			}
			if f.want != runner.Accepted && o.Score == o.MaxScore && o.MaxScore > 0 && f.want == runner.WrongAnswer && len(f.flags) == 0 {
				t.Errorf("wrong answer with full score")
			}
			if strings.Contains(string(dump), hiddenMarker) {
				t.Errorf("hidden test source leaked into the outcome:\n%s", dump)
			}
		})
	}
}
