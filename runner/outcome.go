package runner

// TestResult is one test of one job.
type TestResult struct {
	ID         string  `json:"id"`
	Name       string  `json:"name"`
	Hidden     bool    `json:"hidden"`
	Outcome    string  `json:"outcome"`
	Points     int     `json:"points"`
	MaxPoints  int     `json:"max_points"`
	Message    string  `json:"message"`
	DurationMS float64 `json:"duration_ms"`
}

// Outcome is the graded result of one solution against one challenge: what
// every report renders.
type Outcome struct {
	Candidate        string       `json:"candidate,omitempty"`
	Challenge        string       `json:"challenge"`
	ChallengeVersion string       `json:"challenge_version,omitempty"`
	File             string       `json:"file,omitempty"`
	SolutionSHA256   string       `json:"solution_sha256,omitempty"`
	Verdict          Verdict      `json:"verdict"`
	Score            int          `json:"score"`
	MaxScore         int          `json:"max_score"`
	DurationMS       int64        `json:"duration_ms"`
	Message          string       `json:"message"`
	Tests            []TestResult `json:"tests"`
	// Flags name what looked like tampering or hostility in the run.
	Flags []string `json:"flags,omitempty"`
	// Output is the tail of what the solution printed, capped and scrubbed.
	Output string `json:"output,omitempty"`
	Cached bool   `json:"cached,omitempty"`
}

// Passed counts the tests that passed.
func (o *Outcome) Passed() int {
	n := 0
	for _, t := range o.Tests {
		if t.Outcome == Passed {
			n++
		}
	}
	return n
}
