package runner

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"runtime/debug"
	"sync"

	"github.com/sourcegraph/conc/pool"

	"github.com/ormcheck/ormcheck/challenges"
)

// Job is one planned grading: a solution against a challenge.
type Job struct {
	Candidate string
	Challenge *challenges.Challenge
	Path      string // the solution file; read when the job runs
	Source    []byte // used instead of Path when Path is empty
	Label     string // what the job is, for verify ("reference", "wrong/x.py")
}

// Progress hears about a batch as it runs. Calls come from worker
// goroutines, one at a time.
type Progress interface {
	Planned(total int)
	Finished(job Job, o Outcome)
}

// RunAll grades jobs on a pool of at most workers goroutines. The outcome of
// jobs[i] is outcomes[i]; done[i] is false for a job that had not finished
// when ctx was cancelled (no new job starts after that, and running ones are
// stopped and their containers removed). A failing or panicking job is
// recorded as an internal error for that job alone.
func (r *Runner) RunAll(ctx context.Context, jobs []Job, workers int, progress Progress) (outcomes []Outcome, done []bool) {
	if workers < 1 {
		workers = 1
	}
	outcomes = make([]Outcome, len(jobs))
	done = make([]bool, len(jobs))
	if progress != nil {
		progress.Planned(len(jobs))
	}
	var mu sync.Mutex
	p := pool.New().WithContext(ctx).WithMaxGoroutines(workers)
	for i := range jobs {
		if ctx.Err() != nil {
			break
		}
		p.Go(func(ctx context.Context) error {
			if ctx.Err() != nil {
				return nil
			}
			o, ok := r.runOne(ctx, jobs[i])
			if !ok {
				return nil
			}
			mu.Lock()
			outcomes[i], done[i] = o, true
			if progress != nil {
				progress.Finished(jobs[i], o)
			}
			mu.Unlock()
			return nil
		})
	}
	_ = p.Wait()
	return outcomes, done
}

// runOne grades one job, consulting the cache. ok is false when ctx was
// cancelled before it finished.
func (r *Runner) runOne(ctx context.Context, job Job) (o Outcome, ok bool) {
	defer func() {
		if p := recover(); p != nil {
			o = newOutcome(job.Challenge, nil)
			o.Verdict = InternalError
			o.Message = fmt.Sprintf("Internal error: the checker crashed on this job: %v\n%s", p, debug.Stack())
			o.Candidate, o.File = job.Candidate, job.Path
			ok = true
		}
	}()
	source := job.Source
	if job.Path != "" {
		var err error
		source, err = ReadSolution(job.Path)
		if err != nil {
			o = Refused(job.Challenge, job.Challenge.ID, err.Error())
			o.Candidate, o.File = job.Candidate, job.Path
			return o, true
		}
	}
	key := r.cacheKey(job.Challenge, source)
	if r.Cache != nil {
		if cached, hit := r.Cache.Get(key); hit {
			cached.Candidate, cached.File, cached.Cached = job.Candidate, job.Path, true
			return cached, true
		}
	}
	o, err := r.Grade(ctx, job.Challenge, source)
	if err != nil {
		return o, false
	}
	o.Candidate, o.File = job.Candidate, job.Path
	if r.Cache != nil && cacheable(o.Verdict) {
		_ = r.Cache.Put(key, o) // a cache that cannot be written only costs time
	}
	return o, true
}

// cacheKey names a result by everything that decides it: the solution's
// bytes, the challenge's version and the sandbox image's digest.
func (r *Runner) cacheKey(ch *challenges.Challenge, source []byte) string {
	h := sha256.New()
	sum := sha256.Sum256(source)
	fmt.Fprintf(h, "ormcheck-result-v1\x00%x\x00%s\x00%s\x00%s", sum, ch.ID, ch.Version, r.Runtime.Digest)
	return hex.EncodeToString(h.Sum(nil))
}

// cacheable: an internal error is never the solution's result, and a refusal
// costs nothing to redo.
func cacheable(v Verdict) bool { return v != InternalError && v != Rejected }
