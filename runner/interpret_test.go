package runner_test

import (
	"context"
	"strings"
	"testing"

	"github.com/ormcheck/ormcheck/runner"
	"github.com/ormcheck/ormcheck/sandbox"
)

// TestInterpretSignals feeds the verdict logic hand-made harness streams:
// only a complete, correctly signed stream from a clean exit is accepted.
func TestInterpretSignals(t *testing.T) {
	ch := tinyChallenge(t)
	cases := []struct {
		name  string
		make  func(job sandbox.Job, key string) *sandbox.Result
		want  runner.Verdict
		flag  string
		score int
	}{
		{"complete and signed", func(j sandbox.Job, k string) *sandbox.Result {
			return &sandbox.Result{Stdout: signed(k, passAll(j))}
		}, runner.Accepted, "", 4},
		{"one record with a bad MAC", func(j sandbox.Job, k string) *sandbox.Result {
			out := signed(k, passAll(j))
			out = []byte(strings.Replace(string(out), `"ms":1.0}`, `"ms":1.5}`, 1))
			return &sandbox.Result{Stdout: out}
		}, runner.WrongAnswer, "forged", 0}, // the chain breaks: nothing after it counts
		{"signed with another key", func(j sandbox.Job, k string) *sandbox.Result {
			return &sandbox.Result{Stdout: signed(strings.Repeat("ab", 32), passAll(j))}
		}, runner.InternalError, "forged", 0},
		{"no end marker", func(j sandbox.Job, k string) *sandbox.Result {
			recs := passAll(j)
			return &sandbox.Result{Stdout: signed(k, recs[:len(recs)-1])}
		}, runner.WrongAnswer, "ended before the harness finished", 4},
		{"a record dropped from the chain", func(j sandbox.Job, k string) *sandbox.Result {
			recs := passAll(j)
			lines := strings.Split(string(signed(k, recs)), "\n")
			lines = append(lines[:3], lines[4:]...)
			return &sandbox.Result{Stdout: []byte(strings.Join(lines, "\n"))}
		}, runner.WrongAnswer, "forged", 0},
		{"unsigned data on the channel", func(j sandbox.Job, k string) *sandbox.Result {
			return &sandbox.Result{Stdout: append([]byte("3 passed\n"), signed(k, passAll(j))...)}
		}, runner.WrongAnswer, "unsigned", 0},
		{"non-zero exit after the end", func(j sandbox.Job, k string) *sandbox.Result {
			return &sandbox.Result{Stdout: signed(k, passAll(j)), ExitCode: 1}
		}, runner.WrongAnswer, "exit status 1", 4},
		{"tamper event", func(j sandbox.Job, k string) *sandbox.Result {
			recs := passAll(j)
			recs = append(recs[:2], append([]string{`{"t":"event","what":"tamper","detail":"replaced builtins.isinstance"}`}, recs[2:]...)...)
			return &sandbox.Result{Stdout: signed(k, recs)}
		}, runner.WrongAnswer, "tampering: replaced builtins.isinstance", 0},
		{"tests differ from the challenge", func(j sandbox.Job, k string) *sandbox.Result {
			return &sandbox.Result{Stdout: signed(k, []string{`{"t":"start"}`, `{"t":"load","ok":true,"tests":["hidden/test_add.py::test_other"]}`, `{"t":"end"}`})}
		}, runner.InternalError, "", 0},
		{"oom", func(j sandbox.Job, k string) *sandbox.Result {
			return &sandbox.Result{Stdout: signed(k, passAll(j)[:2]), OOMKilled: true, ExitCode: 137}
		}, runner.MemoryLimit, "", 0},
		{"output cap", func(j sandbox.Job, k string) *sandbox.Result {
			return &sandbox.Result{Stdout: signed(k, passAll(j)[:2]), StderrTruncated: true}
		}, runner.OutputLimit, "output flood", 0},
		{"wall clock", func(j sandbox.Job, k string) *sandbox.Result {
			return &sandbox.Result{Stdout: signed(k, passAll(j)[:3]), TimedOut: true}
		}, runner.TimeLimit, "", 1},
		{"compile error", func(j sandbox.Job, k string) *sandbox.Result {
			return &sandbox.Result{Stdout: signed(k, []string{`{"t":"start"}`, `{"t":"load","ok":false,"kind":"compile-error","message":"SyntaxError: x (solution.py, line 1)"}`, `{"t":"end"}`})}
		}, runner.CompileError, "", 0},
		{"harness never started", func(j sandbox.Job, k string) *sandbox.Result {
			return &sandbox.Result{ExitCode: 2, Stderr: []byte("python3: can't open file")}
		}, runner.InternalError, "", 0},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			fake := &fakeSandbox{behave: func(job sandbox.Job, cfg fakeConfig) (*sandbox.Result, error) {
				return c.make(job, cfg.Key), nil
			}}
			r := &runner.Runner{Sandbox: fake, Image: "fake"}
			o, err := r.Grade(context.Background(), ch, []byte("def add(a, b):\n    return a + b\n"))
			if err != nil {
				t.Fatal(err)
			}
			if o.Verdict != c.want {
				t.Fatalf("verdict %s, want %s: %s %v", o.Verdict, c.want, o.Message, o.Flags)
			}
			if c.flag != "" && !strings.Contains(strings.Join(o.Flags, "|"), c.flag) {
				t.Fatalf("flags %v, want one containing %q", o.Flags, c.flag)
			}
			if o.Score != c.score {
				t.Fatalf("score %d, want %d", o.Score, c.score)
			}
		})
	}
}

func TestRejectedInput(t *testing.T) {
	ch := tinyChallenge(t)
	fake := &fakeSandbox{}
	r := &runner.Runner{Sandbox: fake, Image: "fake"}
	for name, src := range map[string][]byte{
		"empty":     []byte("  \n\t\n"),
		"binary":    {0x7f, 'E', 'L', 'F', 0, 1, 2},
		"not utf-8": []byte("x = '\xff\xfe'\n"),
		"too big":   []byte(strings.Repeat("#", runner.MaxSolutionSize+1)),
	} {
		o, err := r.Grade(context.Background(), ch, src)
		if err != nil || o.Verdict != runner.Rejected {
			t.Errorf("%s: %s %v", name, o.Verdict, err)
		}
	}
	if fake.calls.Load() != 0 {
		t.Fatal("rejected input reached the sandbox")
	}
}
