package runner

import (
	"sort"
	"time"
)

// SchemaVersion is the version of the JSON report's shape.
const SchemaVersion = 1

// Runtime identifies the sandbox image a report was graded in.
type Runtime struct {
	Image    string            `json:"image"`
	Digest   string            `json:"digest"`
	Versions map[string]string `json:"versions"`
}

// ChallengeInfo is one column of a batch report.
type ChallengeInfo struct {
	ID      string `json:"id"`
	Title   string `json:"title"`
	Points  int    `json:"points"`
	Version string `json:"version"`
}

// Problem is something in the submissions folder that could not be graded
// as a solution: a file naming no challenge, an empty candidate folder, an
// unreadable file. Problems are reported, never silently skipped.
type Problem struct {
	Candidate string `json:"candidate,omitempty"`
	File      string `json:"file,omitempty"`
	Message   string `json:"message"`
}

// CandidateReport is one row of a batch report.
type CandidateReport struct {
	Name     string    `json:"name"`
	Score    int       `json:"score"`
	MaxScore int       `json:"max_score"` // the points of every challenge column
	Results  []Outcome `json:"results"`   // ordered by challenge id
}

// Result returns the candidate's outcome for a challenge, if any.
func (c *CandidateReport) Result(challenge string) *Outcome {
	for i := range c.Results {
		if c.Results[i].Challenge == challenge {
			return &c.Results[i]
		}
	}
	return nil
}

// Report is one batch: what every output format renders.
type Report struct {
	Schema     int               `json:"schema"`
	Tool       string            `json:"tool"`
	Started    time.Time         `json:"started"`
	DurationMS int64             `json:"duration_ms"`
	Runtime    Runtime           `json:"runtime"`
	Challenges []ChallengeInfo   `json:"challenges"`
	Candidates []CandidateReport `json:"candidates"`
	Problems   []Problem         `json:"problems"`
	// Verdicts counts outcomes by verdict.
	Verdicts map[Verdict]int `json:"verdicts"`
	// Interrupted is true when the run was stopped before every job finished.
	Interrupted bool `json:"interrupted,omitempty"`
}

// NewReport aggregates outcomes into a report: candidates sorted by name,
// each candidate's results by challenge id, scores and verdict counts summed.
// columns are the challenges the batch involved.
func NewReport(columns []ChallengeInfo, outcomes []Outcome, problems []Problem) *Report {
	r := &Report{Schema: SchemaVersion, Tool: "ormcheck", Challenges: columns, Problems: problems, Verdicts: map[Verdict]int{}}
	if r.Problems == nil {
		r.Problems = []Problem{}
	}
	sort.Slice(r.Challenges, func(i, j int) bool { return r.Challenges[i].ID < r.Challenges[j].ID })
	maxScore := 0
	for _, c := range r.Challenges {
		maxScore += c.Points
	}
	byName := map[string]*CandidateReport{}
	var names []string
	for _, o := range outcomes {
		c := byName[o.Candidate]
		if c == nil {
			c = &CandidateReport{Name: o.Candidate, MaxScore: maxScore}
			byName[o.Candidate] = c
			names = append(names, o.Candidate)
		}
		c.Results = append(c.Results, o)
		c.Score += o.Score
		r.Verdicts[o.Verdict]++
	}
	sort.Strings(names)
	for _, n := range names {
		c := byName[n]
		sort.SliceStable(c.Results, func(i, j int) bool { return c.Results[i].Challenge < c.Results[j].Challenge })
		r.Candidates = append(r.Candidates, *c)
	}
	if r.Candidates == nil {
		r.Candidates = []CandidateReport{}
	}
	return r
}

// AllAccepted reports whether every graded outcome was accepted.
func (r *Report) AllAccepted() bool {
	for v, n := range r.Verdicts {
		if v != Accepted && n > 0 {
			return false
		}
	}
	return true
}
