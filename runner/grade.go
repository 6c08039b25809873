package runner

import (
	"context"
	"crypto/rand"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"path"
	"strings"
	"time"

	"github.com/ormcheck/ormcheck/challenges"
	"github.com/ormcheck/ormcheck/sandbox"
)

// Sandbox is what the runner needs from package sandbox.
type Sandbox interface {
	Run(ctx context.Context, job sandbox.Job) (*sandbox.Result, error)
}

// Defaults for limits a challenge does not set (wall and memory default in
// package sandbox).
const (
	DefaultPerTest = 10 * time.Second
	maxMessage     = 500
	outputTail     = 2000
)

// Runner grades solutions in a sandbox.
type Runner struct {
	Sandbox Sandbox
	Image   string  // runtime image tag used when a challenge names none
	RunID   string  // labels this process's containers
	Runtime Runtime // the image's identity, part of every cache key
	Cache   *Cache  // nil: no caching
}

// Grade runs source against ch and decides its verdict. Engine trouble gives
// an InternalError outcome whose message says how to fix it; the error is
// non-nil only when ctx was cancelled.
func (r *Runner) Grade(ctx context.Context, ch *challenges.Challenge, source []byte) (Outcome, error) {
	o := newOutcome(ch, source)
	if err := CheckSource(source); err != nil {
		o.Verdict = Rejected
		o.Message = "Rejected: " + err.Error() + "."
		return o, nil
	}
	key := make([]byte, 32)
	if _, err := rand.Read(key); err != nil {
		return internal(o, fmt.Errorf("make run key: %w", err)), nil
	}
	job, err := r.job(ch, source, key)
	if err != nil {
		return internal(o, err), nil
	}
	began := time.Now()
	res, err := r.Sandbox.Run(ctx, job)
	o.DurationMS = time.Since(began).Milliseconds()
	if ctx.Err() != nil {
		return o, ctx.Err()
	}
	if err != nil {
		return internal(o, err), nil
	}
	interpret(&o, ch, res, key, job.Limits)
	return o, nil
}

// Refused is the outcome of a solution refused before it ran (unreadable,
// not UTF-8, an unknown challenge: ch may be nil).
func Refused(ch *challenges.Challenge, challengeID string, reason string) Outcome {
	return NotRun(ch, challengeID, Rejected, "Rejected: "+reason+".")
}

// NotRun is an outcome decided without running anything: a refusal, or an
// internal error such as an unreachable engine.
func NotRun(ch *challenges.Challenge, challengeID string, v Verdict, message string) Outcome {
	o := Outcome{Challenge: challengeID}
	if ch != nil {
		o = newOutcome(ch, nil)
	}
	o.Verdict, o.Message = v, message
	return o
}

func newOutcome(ch *challenges.Challenge, source []byte) Outcome {
	o := Outcome{Challenge: ch.ID, ChallengeVersion: ch.Version, MaxScore: ch.Points}
	if source != nil {
		sum := sha256.Sum256(source)
		o.SolutionSHA256 = hex.EncodeToString(sum[:])
	}
	for _, t := range ch.Tests {
		o.Tests = append(o.Tests, TestResult{ID: t.ID, Name: t.Name, Hidden: t.Hidden, Outcome: Skipped, MaxPoints: t.Points})
	}
	return o
}

func internal(o Outcome, err error) Outcome {
	o.Verdict = InternalError
	o.Message = "Internal error: " + err.Error()
	if errors.Is(err, sandbox.ErrImageMissing) || errors.Is(err, sandbox.ErrUnreachable) {
		o.Message += " (run `ormcheck doctor` for what to fix)"
	}
	return o
}

// harnessConfig is the line the harness reads on stdin. The tests travel
// here, not as files, so nothing in the container holds their source.
type harnessConfig struct {
	Key            string            `json:"key"`
	Solution       string            `json:"solution"`
	TestsDir       string            `json:"tests_dir"`
	Sources        map[string]string `json:"sources"`
	Files          []string          `json:"files"`
	PerTestTimeout float64           `json:"per_test_timeout"`
	MaxMessage     int               `json:"max_message"`
}

func (r *Runner) job(ch *challenges.Challenge, source, key []byte) (sandbox.Job, error) {
	lim := sandbox.Limits{Wall: ch.Limits.Wall, Memory: ch.Limits.Memory}.WithDefaults()
	sources := map[string]string{}
	for _, f := range challenges.Support() {
		sources[f.Path] = string(f.Content)
	}
	for _, group := range [][]challenges.File{ch.PublicFiles, ch.HiddenFiles} {
		for _, f := range group {
			sources[f.Path] = string(f.Content)
		}
	}
	var testFiles []string
	seen := map[string]bool{}
	for _, t := range ch.Tests {
		if !seen[t.File] {
			seen[t.File] = true
			testFiles = append(testFiles, t.File)
		}
	}
	cfg, err := json.Marshal(harnessConfig{
		Key:            hex.EncodeToString(key),
		Solution:       path.Join(sandbox.WorkDir, "solution.py"),
		TestsDir:       path.Join(sandbox.WorkDir, "tests"),
		Sources:        sources,
		Files:          testFiles,
		PerTestTimeout: perTestLimit(ch).Seconds(),
		MaxMessage:     maxMessage,
	})
	if err != nil {
		return sandbox.Job{}, err
	}
	image := ch.Image
	if image == "" {
		image = r.Image
	}
	return sandbox.Job{
		Image:  image,
		Cmd:    []string{"python3", "-I", "-B", "/opt/ormcheck/harness.py"},
		Files:  []sandbox.File{{Path: "solution.py", Content: source}},
		Stdin:  append(cfg, '\n'),
		Limits: lim,
		RunID:  r.RunID,
	}, nil
}

// perTestLimit mirrors the limit the harness was given, for messages.
func perTestLimit(ch *challenges.Challenge) time.Duration {
	if ch.Limits.PerTest > 0 {
		return ch.Limits.PerTest
	}
	return DefaultPerTest
}

func plural(n int, one, many string) string {
	if n == 1 {
		return fmt.Sprintf("%d %s", n, one)
	}
	return fmt.Sprintf("%d %s", n, many)
}

func mib(n int64) string {
	if n%(1<<20) == 0 {
		return fmt.Sprintf("%d MiB", n>>20)
	}
	return fmt.Sprintf("%d bytes", n)
}

func trimOutput(b []byte) string {
	s := strings.ToValidUTF8(string(b), "\uFFFD")
	if len(s) > outputTail {
		s = "…" + strings.ToValidUTF8(s[len(s)-outputTail:], "")
	}
	return s
}
