package runner_test

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"sync"
	"testing"
	"time"

	"github.com/ormcheck/ormcheck/runner"
	"github.com/ormcheck/ormcheck/sandbox"
)

type recordingProgress struct {
	mu       sync.Mutex
	planned  int
	finished []string
}

func (p *recordingProgress) Planned(n int) { p.planned = n }
func (p *recordingProgress) Finished(j runner.Job, o runner.Outcome) {
	p.mu.Lock()
	p.finished = append(p.finished, j.Candidate)
	p.mu.Unlock()
}

func tinyJobs(t *testing.T, n int) []runner.Job {
	ch := tinyChallenge(t)
	jobs := make([]runner.Job, n)
	for i := range jobs {
		jobs[i] = runner.Job{Candidate: fmt.Sprintf("cand%02d", i), Challenge: ch, Source: []byte(fmt.Sprintf("def add(a, b):\n    return a + b  # %d\n", i))}
	}
	return jobs
}

func TestRunAllKeepsOrderAndBound(t *testing.T) {
	fake := &fakeSandbox{delay: 20 * time.Millisecond}
	r := &runner.Runner{Sandbox: fake, Image: "fake"}
	jobs := tinyJobs(t, 24)
	prog := &recordingProgress{}
	outcomes, done := r.RunAll(context.Background(), jobs, 3, prog)
	for i, o := range outcomes {
		if !done[i] || o.Candidate != jobs[i].Candidate || o.Verdict != runner.Accepted {
			t.Fatalf("job %d: done=%v candidate=%q verdict=%s", i, done[i], o.Candidate, o.Verdict)
		}
	}
	if got := fake.maxSeen.Load(); got > 3 || got < 2 {
		t.Fatalf("max concurrent runs %d, want 2..3 with --jobs 3", got)
	}
	if prog.planned != 24 || len(prog.finished) != 24 {
		t.Fatalf("progress planned %d finished %d", prog.planned, len(prog.finished))
	}
}

func TestRunAllIsolatesFailures(t *testing.T) {
	fake := &fakeSandbox{}
	fake.behave = func(job sandbox.Job, cfg fakeConfig) (*sandbox.Result, error) {
		for _, f := range job.Files {
			switch string(f.Content) {
			case "def add(a, b):\n    return a + b  # 3\n":
				return nil, errors.New("engine hiccup")
			case "def add(a, b):\n    return a + b  # 5\n":
				panic("bug in the checker")
			}
		}
		return &sandbox.Result{Stdout: signed(cfg.Key, passAll(job))}, nil
	}
	r := &runner.Runner{Sandbox: fake, Image: "fake"}
	jobs := tinyJobs(t, 8)
	outcomes, _ := r.RunAll(context.Background(), jobs, 2, nil)
	for i, o := range outcomes {
		want := runner.Accepted
		if i == 3 || i == 5 {
			want = runner.InternalError
		}
		if o.Verdict != want {
			t.Errorf("job %d: %s, want %s (%s)", i, o.Verdict, want, o.Message)
		}
	}
}

func TestRunAllStopsOnCancel(t *testing.T) {
	fake := &fakeSandbox{delay: 50 * time.Millisecond}
	r := &runner.Runner{Sandbox: fake, Image: "fake"}
	jobs := tinyJobs(t, 40)
	ctx, cancel := context.WithCancel(context.Background())
	time.AfterFunc(120*time.Millisecond, cancel)
	start := time.Now()
	_, done := r.RunAll(ctx, jobs, 2, nil)
	finished := 0
	for _, d := range done {
		if d {
			finished++
		}
	}
	if finished == 0 || finished >= 40 {
		t.Fatalf("%d of 40 finished; want some but not all", finished)
	}
	if calls := fake.calls.Load(); calls > int64(finished)+2 {
		t.Fatalf("%d runs started after cancel (finished %d)", calls, finished)
	}
	if time.Since(start) > 2*time.Second {
		t.Fatal("cancel did not stop the batch promptly")
	}
}

func TestCacheSkipsUnchangedWork(t *testing.T) {
	fake := &fakeSandbox{}
	r := &runner.Runner{Sandbox: fake, Image: "fake", Cache: &runner.Cache{Dir: t.TempDir()}, Runtime: runner.Runtime{Digest: "sha256:one"}}
	jobs := tinyJobs(t, 4)
	r.RunAll(context.Background(), jobs, 2, nil)
	if fake.calls.Load() != 4 {
		t.Fatalf("first run: %d sandbox runs, want 4", fake.calls.Load())
	}
	jobs[2].Source = []byte("def add(a, b):\n    return b + a\n")
	outcomes, _ := r.RunAll(context.Background(), jobs, 2, nil)
	if fake.calls.Load() != 5 {
		t.Fatalf("second run: %d sandbox runs in all, want 5 (only the changed file regraded)", fake.calls.Load())
	}
	for i, o := range outcomes {
		if o.Cached != (i != 2) || o.Candidate != jobs[i].Candidate || o.Verdict != runner.Accepted {
			t.Errorf("job %d: cached=%v candidate=%q verdict=%s", i, o.Cached, o.Candidate, o.Verdict)
		}
	}
	// A new image digest invalidates everything.
	r.Runtime.Digest = "sha256:two"
	r.RunAll(context.Background(), jobs, 2, nil)
	if fake.calls.Load() != 9 {
		t.Fatalf("after an image change: %d runs in all, want 9", fake.calls.Load())
	}
}

func TestCacheIgnoresCorruptEntriesAndInternalErrors(t *testing.T) {
	dir := t.TempDir()
	c := &runner.Cache{Dir: dir}
	key := "ab" + fmt.Sprintf("%062d", 0)
	if err := os.MkdirAll(filepath.Join(dir, "ab"), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "ab", key+".json"), []byte(`{"verdict":"accep`), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, ok := c.Get(key); ok {
		t.Fatal("a truncated entry must be a miss")
	}
	if err := c.Put(key, runner.Outcome{Challenge: "x", Verdict: runner.Accepted, Candidate: "alice"}); err != nil {
		t.Fatal(err)
	}
	got, ok := c.Get(key)
	if !ok || got.Verdict != runner.Accepted || got.Candidate != "" {
		t.Fatalf("round trip: %+v %v (the candidate is not part of a cached result)", got, ok)
	}
	leftovers, _ := filepath.Glob(filepath.Join(dir, "ab", ".tmp-*"))
	if len(leftovers) > 0 {
		t.Fatalf("temporary files left: %v", leftovers)
	}

	fake := &fakeSandbox{behave: func(sandbox.Job, fakeConfig) (*sandbox.Result, error) { return nil, errors.New("down") }}
	r := &runner.Runner{Sandbox: fake, Image: "fake", Cache: &runner.Cache{Dir: t.TempDir()}}
	jobs := tinyJobs(t, 1)
	r.RunAll(context.Background(), jobs, 1, nil)
	r.RunAll(context.Background(), jobs, 1, nil)
	if fake.calls.Load() != 2 {
		t.Fatalf("an internal error was cached: %d runs, want 2", fake.calls.Load())
	}
}
