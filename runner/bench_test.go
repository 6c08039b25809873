package runner_test

import (
	"context"
	"testing"

	"github.com/ormcheck/ormcheck/challenges"
	"github.com/ormcheck/ormcheck/runner"
)

// BenchmarkGradeReference grades crud-users' reference solution: the cost
// of one `ormcheck check` after start-up.
func BenchmarkGradeReference(b *testing.B) {
	r := realRunner(b)
	cat, err := challenges.Builtin()
	if err != nil {
		b.Fatal(err)
	}
	ch, _ := cat.Get("crud-users")
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		o, err := r.Grade(context.Background(), ch, ch.Solution)
		if err != nil || o.Verdict != runner.Accepted {
			b.Fatalf("%v %s", err, o.Message)
		}
	}
}

// BenchmarkBatchOf8 grades eight solutions on two workers.
func BenchmarkBatchOf8(b *testing.B) {
	r := realRunner(b)
	cat, err := challenges.Builtin()
	if err != nil {
		b.Fatal(err)
	}
	ch, _ := cat.Get("crud-users")
	jobs := make([]runner.Job, 8)
	for i := range jobs {
		jobs[i] = runner.Job{Candidate: string(rune('a' + i)), Challenge: ch, Source: ch.Solution}
	}
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		outs, _ := r.RunAll(context.Background(), jobs, 2, nil)
		for _, o := range outs {
			if o.Verdict != runner.Accepted {
				b.Fatal(o.Message)
			}
		}
	}
}
