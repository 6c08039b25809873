package runner

import (
	"encoding/json"
	"io"
)

// renderJSON writes the report itself, indented, with HTML characters left
// as they are (failure messages are full of <User id=1>).
func renderJSON(w io.Writer, r *Report) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(jsonReport(r))
}

// jsonReport is a copy of r whose lists are [] rather than null and whose
// schema is set, so consumers need no special cases.
func jsonReport(r *Report) *Report {
	c := *r
	if c.Schema == 0 {
		c.Schema = SchemaVersion
	}
	if c.Tool == "" {
		c.Tool = "ormcheck"
	}
	if c.Runtime.Versions == nil {
		c.Runtime.Versions = map[string]string{}
	}
	if c.Challenges == nil {
		c.Challenges = []ChallengeInfo{}
	}
	if c.Problems == nil {
		c.Problems = []Problem{}
	}
	if c.Verdicts == nil {
		c.Verdicts = map[Verdict]int{}
	}
	c.Candidates = make([]CandidateReport, len(r.Candidates))
	for i, cand := range r.Candidates {
		results := make([]Outcome, len(cand.Results))
		for j, o := range cand.Results {
			if o.Tests == nil {
				o.Tests = []TestResult{}
			}
			results[j] = o
		}
		cand.Results = results
		c.Candidates[i] = cand
	}
	return &c
}
