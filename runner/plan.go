package runner

import (
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"github.com/ormcheck/ormcheck/challenges"
)

// PlanGrade reads a submissions folder laid out as DIR/<candidate>/<challenge-id>.py
// and returns one job per solution, sorted by candidate then challenge, and
// every problem found instead of a solution: files naming no challenge,
// empty candidate folders, stray files and folders. Entries whose names start
// with a dot are ignored. Only a missing or unreadable DIR is an error.
func PlanGrade(dir string, cat *challenges.Catalog) ([]Job, []Problem, error) {
	st, err := os.Stat(dir)
	if err != nil {
		return nil, nil, fmt.Errorf("%s: %w", dir, err)
	}
	if !st.IsDir() {
		return nil, nil, fmt.Errorf("%s is not a folder: grade expects DIR/<candidate>/<challenge-id>.py", dir)
	}
	entries, err := os.ReadDir(dir)
	if err != nil {
		return nil, nil, fmt.Errorf("read %s: %w", dir, err)
	}
	var jobs []Job
	var problems []Problem
	for _, e := range entries {
		name := e.Name()
		if strings.HasPrefix(name, ".") {
			continue
		}
		full := filepath.Join(dir, name)
		if !isDir(full, e) {
			problems = append(problems, Problem{File: name, Message: "a file at the top level: expected one folder per candidate (DIR/<candidate>/<challenge-id>.py)"})
			continue
		}
		files, err := os.ReadDir(full)
		if err != nil {
			problems = append(problems, Problem{Candidate: name, Message: "cannot read the folder: " + err.Error()})
			continue
		}
		found := 0
		for _, f := range files {
			fname := f.Name()
			if strings.HasPrefix(fname, ".") {
				continue
			}
			fpath := filepath.Join(full, fname)
			switch {
			case isDir(fpath, f):
				problems = append(problems, Problem{Candidate: name, File: fname, Message: "a folder inside a candidate's folder: solutions go directly in it as <challenge-id>.py"})
			case !strings.HasSuffix(fname, ".py"):
				problems = append(problems, Problem{Candidate: name, File: fname, Message: "not a solution file: expected <challenge-id>.py"})
			default:
				id := strings.TrimSuffix(fname, ".py")
				ch, ok := cat.Get(id)
				if !ok {
					msg := fmt.Sprintf("names no known challenge %q", id)
					if s := cat.Suggest(id); len(s) > 0 {
						msg += " — did you mean " + strings.Join(s, ", ") + "?"
					}
					problems = append(problems, Problem{Candidate: name, File: fname, Message: msg})
					continue
				}
				found++
				jobs = append(jobs, Job{Candidate: name, Challenge: ch, Path: fpath})
			}
		}
		if found == 0 {
			problems = append(problems, Problem{Candidate: name, Message: "no solutions: the folder holds no <challenge-id>.py file"})
		}
	}
	sort.SliceStable(jobs, func(i, j int) bool {
		if jobs[i].Candidate != jobs[j].Candidate {
			return jobs[i].Candidate < jobs[j].Candidate
		}
		return jobs[i].Challenge.ID < jobs[j].Challenge.ID
	})
	return jobs, problems, nil
}

func isDir(path string, e os.DirEntry) bool {
	if e.Type()&os.ModeSymlink != 0 {
		st, err := os.Stat(path)
		return err == nil && st.IsDir()
	}
	return e.IsDir()
}

// Columns lists the challenges a set of jobs involves.
func Columns(jobs []Job) []ChallengeInfo {
	seen := map[string]bool{}
	var cols []ChallengeInfo
	for _, j := range jobs {
		if !seen[j.Challenge.ID] {
			seen[j.Challenge.ID] = true
			cols = append(cols, ChallengeInfo{ID: j.Challenge.ID, Title: j.Challenge.Title, Points: j.Challenge.Points, Version: j.Challenge.Version})
		}
	}
	sort.Slice(cols, func(i, j int) bool { return cols[i].ID < cols[j].ID })
	return cols
}
