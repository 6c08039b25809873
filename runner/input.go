package runner

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"unicode/utf8"
)

// MaxSolutionSize is the largest solution file accepted.
const MaxSolutionSize = 256 << 10

// RejectError means a solution was refused before anything ran.
type RejectError struct{ Reason string }

func (e *RejectError) Error() string { return e.Reason }

// ReadSolution reads and checks a solution file: it must exist, be a regular
// file, be non-empty UTF-8 text without NUL bytes and at most
// MaxSolutionSize bytes. Refusals are *RejectError.
func ReadSolution(path string) ([]byte, error) {
	st, err := os.Stat(path)
	switch {
	case errors.Is(err, os.ErrNotExist):
		return nil, &RejectError{fmt.Sprintf("%s: no such file", path)}
	case err != nil:
		return nil, &RejectError{fmt.Sprintf("%s: %v", path, err)}
	case st.IsDir():
		return nil, &RejectError{fmt.Sprintf("%s is a directory: give the path of your solution.py", path)}
	case !st.Mode().IsRegular():
		return nil, &RejectError{fmt.Sprintf("%s is not a regular file", path)}
	case st.Size() > MaxSolutionSize:
		return nil, &RejectError{fmt.Sprintf("%s is %d KiB: the limit is %d KiB", path, st.Size()>>10, MaxSolutionSize>>10)}
	}
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, &RejectError{fmt.Sprintf("%s: %v", path, err)}
	}
	if err := CheckSource(data); err != nil {
		return nil, &RejectError{fmt.Sprintf("%s: %s", path, err.(*RejectError).Reason)}
	}
	return data, nil
}

// CheckSource applies ReadSolution's content rules to bytes.
func CheckSource(data []byte) error {
	switch {
	case len(bytes.TrimSpace(data)) == 0:
		return &RejectError{"the file is empty"}
	case len(data) > MaxSolutionSize:
		return &RejectError{fmt.Sprintf("the file is %d KiB: the limit is %d KiB", len(data)>>10, MaxSolutionSize>>10)}
	case bytes.IndexByte(data, 0) >= 0:
		return &RejectError{"the file is binary (it contains NUL bytes), not Python source"}
	case !utf8.Valid(data):
		return &RejectError{"the file is not UTF-8 text"}
	}
	return nil
}
