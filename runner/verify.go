package runner

import (
	"context"
	"fmt"

	"github.com/ormcheck/ormcheck/challenges"
)

// Expectation is one thing verify checks about a challenge.
type Expectation struct {
	Challenge string  `json:"challenge"`
	Label     string  `json:"label"`   // reference, starter, wrong/<file>, variants/<file>
	Want      Verdict `json:"want"`    // the verdict required ("" for the starter: anything but accepted)
	Got       Verdict `json:"got"`     // the verdict given
	Held      bool    `json:"held"`    // whether the expectation held
	Message   string  `json:"message"` // the outcome's message
	Why       string  `json:"why"`     // why a wrong answer is wrong
	Score     int     `json:"score"`   // the outcome's score
	MaxScore  int     `json:"max_score"`
}

// PlanVerify lists the jobs that prove each challenge sound: its reference
// solution, its starter, every known-wrong answer and every correct variant.
func PlanVerify(list []*challenges.Challenge) []Job {
	var jobs []Job
	for _, ch := range list {
		jobs = append(jobs, Job{Challenge: ch, Source: ch.Solution, Label: "reference"})
		jobs = append(jobs, Job{Challenge: ch, Source: ch.Starter, Label: "starter"})
		for _, w := range ch.Wrong {
			jobs = append(jobs, Job{Challenge: ch, Source: w.Source, Label: "wrong/" + w.File})
		}
		for _, v := range ch.Variants {
			jobs = append(jobs, Job{Challenge: ch, Source: v.Source, Label: "variants/" + v.File})
		}
	}
	return jobs
}

// Expect compares a verify job's outcome with what the challenge promises.
func Expect(job Job, o Outcome) Expectation {
	e := Expectation{Challenge: job.Challenge.ID, Label: job.Label, Got: o.Verdict, Message: o.Message, Score: o.Score, MaxScore: o.MaxScore}
	switch {
	case job.Label == "reference":
		e.Want = Accepted
	case job.Label == "starter":
		e.Held = o.Verdict != Accepted && o.Verdict != InternalError && o.Verdict != Rejected
		return e
	case len(job.Label) > 9 && job.Label[:9] == "variants/":
		e.Want = Accepted
	default:
		for _, w := range job.Challenge.Wrong {
			if "wrong/"+w.File == job.Label {
				e.Want, e.Why = Verdict(w.Verdict), w.Why
			}
		}
	}
	e.Held = o.Verdict == e.Want
	return e
}

// Verify runs every expectation of the given challenges.
func (r *Runner) Verify(ctx context.Context, list []*challenges.Challenge, workers int, progress Progress) ([]Expectation, error) {
	jobs := PlanVerify(list)
	outcomes, done := r.RunAll(ctx, jobs, workers, progress)
	var out []Expectation
	for i, job := range jobs {
		if !done[i] {
			return out, fmt.Errorf("interrupted after %d of %d checks: %w", len(out), len(jobs), ctx.Err())
		}
		out = append(out, Expect(job, outcomes[i]))
	}
	return out, nil
}
