package cmd

import (
	"bytes"
	"strings"
	"testing"
	"time"

	"github.com/ormcheck/ormcheck/runner"
)

func TestProgressPlainLinesArePeriodic(t *testing.T) {
	var buf bytes.Buffer
	p := newProgress(&buf, false)
	now := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
	p.now = func() time.Time { return now }
	p.Planned(4)
	for i, v := range []runner.Verdict{runner.Accepted, runner.WrongAnswer, runner.Accepted, runner.TimeLimit} {
		now = now.Add(2 * time.Second)
		p.Finished(runner.Job{}, runner.Outcome{Verdict: v, Cached: i == 0})
	}
	p.Close()
	lines := strings.Split(strings.TrimSpace(buf.String()), "\n")
	// "grading 4 jobs", then a line at 6 s (5 s since the last), then the final one.
	want := []string{
		"grading 4 jobs",
		"3/4 (1 cached)  0.5/s  ETA 2s  accepted 2 · wrong-answer 1",
		"4/4 (1 cached)  0.5/s  ETA 0s  accepted 2 · wrong-answer 1 · time-limit 1",
	}
	if strings.Join(lines, "\n") != strings.Join(want, "\n") {
		t.Fatalf("got:\n%s\nwant:\n%s", buf.String(), strings.Join(want, "\n"))
	}
	if strings.Contains(buf.String(), "\r") || strings.Contains(buf.String(), "\x1b") {
		t.Fatal("plain progress must not redraw or colour")
	}
}

func TestProgressLiveBarRedraws(t *testing.T) {
	var buf bytes.Buffer
	p := newProgress(&buf, true)
	now := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
	p.now = func() time.Time { return now }
	p.Planned(2)
	now = now.Add(time.Second)
	p.Finished(runner.Job{}, runner.Outcome{Verdict: runner.Accepted})
	now = now.Add(time.Second)
	p.Finished(runner.Job{}, runner.Outcome{Verdict: runner.CompileError})
	p.Close()
	out := buf.String()
	if strings.Count(out, "\r\x1b[K") != 2 || !strings.Contains(out, "[############------------] 1/2") || !strings.Contains(out, "[########################] 2/2") {
		t.Fatalf("live bar: %q", out)
	}
	if !strings.HasSuffix(out, "compile-error 1\n") {
		t.Fatalf("the bar should end its line: %q", out)
	}
}
