package challenges

import (
	"fmt"
	"sort"
	"strconv"
	"strings"
)

// Problem is one thing wrong with a challenge folder.
type Problem struct {
	File string // relative to the loaded root, e.g. "crud-users/challenge.toml"
	Line int    // 1-based; 0 when the problem is about the whole file
	Msg  string
}

// String formats the problem as "file:line: msg", or "file: msg" when Line is 0.
func (p Problem) String() string {
	if p.Line > 0 {
		return p.File + ":" + strconv.Itoa(p.Line) + ": " + p.Msg
	}
	return p.File + ": " + p.Msg
}

// ValidationError lists every problem found while loading challenges.
type ValidationError struct {
	Problems []Problem
}

// Error lists every problem, one per line, sorted by file, line and message.
func (e *ValidationError) Error() string {
	ps := append([]Problem(nil), e.Problems...)
	sortProblems(ps)
	lines := make([]string, len(ps))
	for i, p := range ps {
		lines[i] = p.String()
	}
	return strings.Join(lines, "\n")
}

func sortProblems(ps []Problem) {
	sort.SliceStable(ps, func(i, j int) bool {
		a, b := ps[i], ps[j]
		if a.File != b.File {
			return a.File < b.File
		}
		if a.Line != b.Line {
			return a.Line < b.Line
		}
		return a.Msg < b.Msg
	})
}

// problems collects problems while loading.
type problems struct {
	list []Problem
}

func (ps *problems) add(file string, line int, format string, args ...any) {
	ps.list = append(ps.list, Problem{File: file, Line: line, Msg: fmt.Sprintf(format, args...)})
}

// err returns nil or a *ValidationError holding the sorted problems.
func (ps *problems) err() error {
	if len(ps.list) == 0 {
		return nil
	}
	list := append([]Problem(nil), ps.list...)
	sortProblems(list)
	return &ValidationError{Problems: list}
}
