package runner_test

import (
	"context"
	"testing"

	"github.com/ormcheck/ormcheck/challenges"
	"github.com/ormcheck/ormcheck/runner"
)

// TestBuiltinCatalogVerifies grades every built-in challenge's reference,
// starter, known-wrong answers and correct variants through the real sandbox:
// the contract challenges must accept every correct solution and reject every
// solution that breaks a stated point.
func TestBuiltinCatalogVerifies(t *testing.T) {
	r := realRunner(t)
	cat, err := challenges.Builtin()
	if err != nil {
		t.Fatal(err)
	}
	list := cat.List()
	if len(list) < 7 {
		t.Fatalf("the built-in catalog has %d challenges, want at least the 7 contract ones", len(list))
	}
	results, err := r.Verify(context.Background(), list, 2, nil)
	if err != nil {
		t.Fatal(err)
	}
	perChallenge := map[string]int{}
	for _, e := range results {
		if !e.Held {
			want := string(e.Want)
			if e.Label == "starter" {
				want = "anything but accepted"
			}
			t.Errorf("%s %s: want %s, got %s: %s", e.Challenge, e.Label, want, e.Got, e.Message)
		}
		if e.Label != "reference" && e.Label != "starter" && e.Want != runner.Accepted {
			perChallenge[e.Challenge]++
		}
	}
	for _, ch := range list {
		if perChallenge[ch.ID] < 4 {
			t.Errorf("%s has %d known-wrong answers, want at least 4", ch.ID, perChallenge[ch.ID])
		}
	}
}
