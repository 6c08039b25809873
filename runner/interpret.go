package runner

import (
	"fmt"
	"strings"

	"github.com/ormcheck/ormcheck/challenges"
	"github.com/ormcheck/ormcheck/sandbox"
)

// Exit statuses of processes killed by the kernel's limits.
const (
	exitSIGKILL = 128 + 9
	exitSIGXCPU = 128 + 24
)

// interpret decides o's verdict from a finished run. It trusts only records
// whose MAC chain verifies under key, and accepts only when every signal
// agrees.
func interpret(o *Outcome, ch *challenges.Challenge, res *sandbox.Result, key []byte, lim sandbox.Limits) {
	lim = lim.WithDefaults()
	rep := parseReport(res.Stdout, key)
	red := newRedactor(ch)
	o.Output = red.scrub(trimOutput(res.Stderr))

	var tamper []string // flags that forbid acceptance
	var notes []string  // flags reported, not blocking
	// forged: the run tried to fake its report or its instruments, so none of
	// its points count (an early exit only loses the tests it cut short).
	forged := rep.forged > 0 || rep.unsigned > 0 || rep.afterEnd > 0
	if rep.forged > 0 {
		tamper = append(tamper, fmt.Sprintf("%s on the report channel failed verification (forged)", plural(rep.forged, "line", "lines")))
	}
	if rep.unsigned > 0 {
		tamper = append(tamper, fmt.Sprintf("%s of unsigned data on the report channel", plural(rep.unsigned, "line", "lines")))
	}
	if rep.afterEnd > 0 {
		tamper = append(tamper, "data on the report channel after the harness finished")
	}
	for _, ev := range rep.events {
		detail := red.scrub(ev.Detail)
		switch ev.What {
		case "tamper":
			tamper = append(tamper, "tampering: "+detail)
			forged = true
		case "network":
			notes = append(notes, "network attempt: "+detail)
		default:
			notes = append(notes, "refused: "+detail)
		}
	}
	defer func() {
		o.Flags = unique(append(tamper, notes...))
		for i := range o.Tests {
			o.Tests[i].Message = red.scrub(o.Tests[i].Message)
		}
		o.Message = red.scrub(o.Message)
	}()

	// Tests the harness reported, matched against the challenge's own list.
	index := map[string]int{}
	for i, t := range o.Tests {
		index[t.ID] = i
	}
	reported := map[string]bool{}
	for _, r := range rep.tests {
		i, ok := index[r.ID]
		if !ok || reported[r.ID] {
			tamper = append(tamper, "unexpected test record "+fmt.Sprintf("%q", r.ID))
			forged = true
			continue
		}
		reported[r.ID] = true
		t := &o.Tests[i]
		switch r.Outcome {
		case Passed, Failed, Errored, TimedOut:
			t.Outcome = r.Outcome
		default:
			t.Outcome = Errored
		}
		t.Message = r.Message
		t.DurationMS = r.MS
		if t.Outcome == Passed {
			t.Points = t.MaxPoints
			o.Score += t.Points
		}
	}

	exit := res.ExitCode
	switch {
	case res.OOMKilled:
		o.Verdict = MemoryLimit
		o.Message = fmt.Sprintf("Memory limit exceeded: the run went past its limit of %s.", mib(lim.Memory))
		markRunning(o, Errored, "the run was stopped here: out of memory")
		return
	case res.StdoutTruncated || res.StderrTruncated:
		o.Verdict = OutputLimit
		o.Message = fmt.Sprintf("Output limit exceeded: the run wrote more than %s of output.", mib(lim.Output))
		notes = append(notes, "output flood")
		markRunning(o, Errored, "the run was stopped here: too much output")
		return
	case res.TimedOut || exit == exitSIGXCPU:
		o.Verdict = TimeLimit
		o.Message = fmt.Sprintf("Time limit exceeded: the whole run went past its limit of %s.", lim.Wall)
		markRunning(o, TimedOut, "the run's time limit was reached during this test")
		return
	case !rep.started:
		o.Verdict = InternalError
		o.Message = fmt.Sprintf("Internal error: the harness did not start (exit status %d). %s", exit, firstLine(o.Output))
		return
	case rep.load == nil:
		if exit == exitSIGKILL {
			o.Verdict = MemoryLimit
			o.Message = "Memory limit exceeded: the run was killed while the solution was being imported."
			return
		}
		o.Verdict = CompileError
		o.Message = fmt.Sprintf("Compile error: the solution ended the process while it was being imported (exit status %d).", exit)
		tamper = append(tamper, fmt.Sprintf("early exit while being imported (exit status %d)", exit))
		return
	case !rep.load.OK && rep.load.Kind == "compile-error":
		o.Verdict = CompileError
		o.Message = "Compile error: the solution could not be loaded: " + rep.load.Message
		return
	case !rep.load.OK:
		o.Verdict = InternalError
		o.Message = "Internal error: the challenge's tests failed to load (a fault in the challenge, not the solution): " + rep.load.Message
		return
	}
	if !sameIDs(rep.load.loadList, o.Tests) {
		o.Verdict = InternalError
		o.Message = fmt.Sprintf("Internal error: the harness found tests %v, the challenge declares %d tests.", rep.load.loadList, len(o.Tests))
		return
	}
	for _, t := range o.Tests {
		if t.Outcome == TimedOut {
			o.Verdict = TimeLimit
			o.Message = fmt.Sprintf("Time limit exceeded: %q did not finish within %s.", t.Name, perTestLimit(ch))
			markRunning(o, Skipped, "not run: an earlier test went past its time limit")
			return
		}
	}
	if rep.end == nil {
		if exit == exitSIGKILL {
			o.Verdict = MemoryLimit
			o.Message = "Memory limit exceeded: the run was killed by the kernel."
			markRunning(o, Errored, "the run was killed during this test")
			return
		}
		tamper = append(tamper, fmt.Sprintf("the process ended before the harness finished (exit status %d)", exit))
		markRunning(o, Errored, fmt.Sprintf("the process ended during this test (exit status %d)", exit))
	} else if exit != 0 {
		tamper = append(tamper, fmt.Sprintf("exit status %d after the harness finished", exit))
	}

	failed := len(o.Tests) - o.Passed()
	tamper = unique(tamper)
	if forged {
		// Nothing a run that faked its report or instruments says can be
		// trusted: no points.
		o.Score = 0
		for i := range o.Tests {
			o.Tests[i].Points = 0
		}
	}
	switch {
	case failed == 0 && len(tamper) == 0:
		o.Verdict = Accepted
		o.Message = fmt.Sprintf("Accepted: all %s passed.", plural(len(o.Tests), "test", "tests"))
	case failed == 0:
		o.Verdict = WrongAnswer
		o.Message = "Wrong answer: every test reported a pass, but the run showed signs of tampering: " + strings.Join(tamper, "; ") + "."
	default:
		o.Verdict = WrongAnswer
		o.Message = fmt.Sprintf("Wrong answer: %d of %d tests failed.", failed, len(o.Tests))
		if first := firstFailure(o); first != nil {
			o.Message += fmt.Sprintf(" First: %q — %s", first.Name, first.Message)
		}
	}
}

// markRunning gives the first test without a result outcome, and every later
// one "skipped".
func markRunning(o *Outcome, outcome, message string) {
	first := true
	for i := range o.Tests {
		t := &o.Tests[i]
		if t.Outcome != Skipped || t.Message != "" {
			continue
		}
		if first {
			t.Outcome, t.Message = outcome, message
			first = false
			continue
		}
		t.Message = "not run"
	}
}

// unique drops repeated flags, keeping the first of each in order.
func unique(flags []string) []string {
	seen := map[string]bool{}
	var out []string
	for _, f := range flags {
		if !seen[f] {
			seen[f] = true
			out = append(out, f)
		}
	}
	return out
}

func firstFailure(o *Outcome) *TestResult {
	for i := range o.Tests {
		if o.Tests[i].Outcome != Passed {
			return &o.Tests[i]
		}
	}
	return nil
}

func sameIDs(got []string, want []TestResult) bool {
	if len(got) != len(want) {
		return false
	}
	seen := map[string]bool{}
	for _, id := range got {
		seen[id] = true
	}
	for _, t := range want {
		if !seen[t.ID] {
			return false
		}
	}
	return true
}

func firstLine(s string) string {
	s = strings.TrimSpace(s)
	if i := strings.LastIndexByte(s, '\n'); i >= 0 {
		s = s[i+1:]
	}
	return s
}

// redactor removes hidden test source from anything a candidate is shown.
type redactor struct{ lines []string }

func newRedactor(ch *challenges.Challenge) redactor {
	var r redactor
	seen := map[string]bool{}
	for _, f := range ch.HiddenFiles {
		for _, line := range strings.Split(string(f.Content), "\n") {
			line = strings.TrimSpace(line)
			if len(line) < 12 || seen[line] || isStringLine(line) {
				continue
			}
			seen[line] = true
			r.lines = append(r.lines, line)
		}
	}
	return r
}

// isStringLine reports a line that is only a string literal: a docstring
// (a hidden test's public name) or an assertion message continued on its own
// line — both are meant to be shown.
func isStringLine(line string) bool {
	body := strings.TrimLeft(line, "rbfuRBFU")
	if len(body) == 0 || (body[0] != '"' && body[0] != '\'') || len(line)-len(body) > 2 {
		return false
	}
	end := strings.TrimRight(line, ",)")
	return strings.HasSuffix(end, `"`) || strings.HasSuffix(end, "'")
}

func (r redactor) scrub(s string) string {
	if s == "" {
		return s
	}
	for _, line := range r.lines {
		if strings.Contains(s, line) {
			s = strings.ReplaceAll(s, line, "[hidden test source]")
		}
	}
	return s
}
