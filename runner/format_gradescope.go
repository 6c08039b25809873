package runner

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
)

// gradescopeResults is one submission's results.json in Gradescope's
// autograder format.
type gradescopeResults struct {
	Score            float64          `json:"score"`
	MaxScore         float64          `json:"max_score"`
	ExecutionTime    int64            `json:"execution_time"`
	Output           string           `json:"output"`
	Tests            []gradescopeTest `json:"tests"`
	StdoutVisibility string           `json:"stdout_visibility"`
	// ExtraData is stored by Gradescope, not shown to students: the
	// verdict and the flags are for staff.
	ExtraData gradescopeExtra `json:"extra_data"`
}

type gradescopeTest struct {
	Name       string  `json:"name"`
	Score      float64 `json:"score"`
	MaxScore   float64 `json:"max_score"`
	Status     string  `json:"status"`
	Output     string  `json:"output,omitempty"`
	Visibility string  `json:"visibility"`
}

type gradescopeExtra struct {
	Candidate        string   `json:"candidate"`
	Challenge        string   `json:"challenge"`
	ChallengeVersion string   `json:"challenge_version,omitempty"`
	Verdict          Verdict  `json:"verdict"`
	Flags            []string `json:"flags,omitempty"`
	SolutionSHA256   string   `json:"solution_sha256,omitempty"`
}

func gradescopeOf(candidate string, o *Outcome) gradescopeResults {
	res := gradescopeResults{
		Score:            float64(o.Score),
		MaxScore:         float64(o.MaxScore),
		ExecutionTime:    (o.DurationMS + 500) / 1000,
		Output:           o.Message,
		Tests:            []gradescopeTest{},
		StdoutVisibility: "hidden",
		ExtraData: gradescopeExtra{
			Candidate: candidate, Challenge: o.Challenge, ChallengeVersion: o.ChallengeVersion,
			Verdict: o.Verdict, Flags: o.Flags, SolutionSHA256: o.SolutionSHA256,
		},
	}
	for _, t := range o.Tests {
		gt := gradescopeTest{
			Name: t.Name, Score: float64(t.Points), MaxScore: float64(t.MaxPoints),
			Status: "failed", Output: t.Message, Visibility: "visible",
		}
		if gt.Name == "" {
			gt.Name = t.ID
		}
		if t.Hidden {
			gt.Visibility = "after_published"
		}
		switch t.Outcome {
		case Passed:
			gt.Status = "passed"
		case Failed:
		case Skipped:
			gt.Output = "not run"
			if t.Message != "" {
				gt.Output = t.Message
			}
		default: // the status cannot say error or timeout: the output does
			gt.Output = t.Outcome
			if t.Message != "" {
				gt.Output += ": " + t.Message
			}
		}
		res.Tests = append(res.Tests, gt)
	}
	return res
}

// renderGradescopeAll writes every submission's results in one object keyed
// "<candidate>/<challenge>".
func renderGradescopeAll(w io.Writer, r *Report) error {
	all := map[string]gradescopeResults{}
	for ci := range r.Candidates {
		c := &r.Candidates[ci]
		for oi := range c.Results {
			o := &c.Results[oi]
			all[c.Name+"/"+o.Challenge] = gradescopeOf(c.Name, o)
		}
	}
	return writeIndentedJSON(w, all)
}

// RenderGradescope writes one results.json per submission into dir:
// dir/<candidate>/<challenge>/results.json. It returns the paths written.
func RenderGradescope(dir string, r *Report) ([]string, error) {
	if r == nil {
		return nil, fmt.Errorf("render gradescope: no report")
	}
	var paths []string
	written := map[string]string{}
	for ci := range r.Candidates {
		c := &r.Candidates[ci]
		for oi := range c.Results {
			o := &c.Results[oi]
			p := filepath.Join(dir, gradescopeDirName(c.Name), gradescopeDirName(o.Challenge), "results.json")
			key := c.Name + "/" + o.Challenge
			if prev, ok := written[p]; ok {
				return paths, fmt.Errorf("render gradescope: %s and %s would both be written to %s", prev, key, p)
			}
			written[p] = key
			var buf bytes.Buffer
			if err := writeIndentedJSON(&buf, gradescopeOf(c.Name, o)); err != nil {
				return paths, err
			}
			if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
				return paths, err
			}
			if err := os.WriteFile(p, buf.Bytes(), 0o644); err != nil {
				return paths, err
			}
			paths = append(paths, p)
		}
	}
	return paths, nil
}

// gradescopeDirName makes a name safe as one path element: no separators,
// no "." or "..", no control characters.
func gradescopeDirName(s string) string {
	s = strings.Map(func(r rune) rune {
		if r == '/' || r == '\\' || r == 0 || termUnsafe(r) {
			return '_'
		}
		return r
	}, s)
	if s == "" || s == "." || s == ".." {
		s = "_" + s
	}
	return s
}

func writeIndentedJSON(w io.Writer, v any) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(v)
}
