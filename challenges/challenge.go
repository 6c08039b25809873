package challenges

import "time"

// Difficulty is how hard a challenge is: Easy, Medium or Hard.
type Difficulty string

// The difficulties a challenge.toml may declare.
const (
	Easy   Difficulty = "easy"
	Medium Difficulty = "medium"
	Hard   Difficulty = "hard"
)

// Limits are a challenge's resource limits. A zero field means "use the
// tool's default".
type Limits struct {
	Wall    time.Duration // whole run
	PerTest time.Duration // one test
	Memory  int64         // bytes
}

// Test is one test function found in tests/public or tests/hidden.
type Test struct {
	ID     string // "public/test_x.py::test_name"
	Name   string // first line of the docstring, for reports
	File   string // "public/test_x.py", relative to the tests directory
	Hidden bool
	Points int
	Line   int // line of the def
}

// Wrong is a known-wrong answer and the verdict it must get.
type Wrong struct {
	File    string // relative to wrong/
	Verdict string
	Why     string
	Seed    string
	Source  []byte
}

// Variant is an extra correct answer, which must be accepted.
type Variant struct {
	File   string // relative to variants/
	Why    string
	Source []byte
}

// File is a file shipped with the tests, or a support module.
type File struct {
	Path    string // slash-separated, e.g. "public/test_x.py" or "ormtest.py"
	Content []byte
}

// Challenge is one loaded and validated challenge. Treat it as read-only:
// a Catalog shares its challenges.
type Challenge struct {
	ID         string
	Title      string
	Topic      string
	Difficulty Difficulty
	Points     int
	Seeds      []string
	Image      string // runtime image override; empty means the default
	Limits     Limits

	Statement []byte // statement.md
	Starter   []byte // starter.py
	Solution  []byte // solution.py

	// Tests holds the public tests then the hidden ones; within each
	// group files are sorted by name and tests keep their file order.
	Tests []Test
	// PublicFiles and HiddenFiles are every file under tests/public and
	// tests/hidden (test modules and helpers), sorted by path.
	PublicFiles []File
	HiddenFiles []File

	Wrong    []Wrong   // in challenge.toml order
	Variants []Variant // in challenge.toml order

	// Version is "sha256:" and 16 hex digits of a hash over the path
	// and content of every file in the challenge folder.
	Version string
	// Source is "builtin" or the folder the challenge was loaded from.
	Source string
}

// PublicTests returns the tests under tests/public.
func (c *Challenge) PublicTests() []Test { return c.testsWhere(false) }

// HiddenTests returns the tests under tests/hidden.
func (c *Challenge) HiddenTests() []Test { return c.testsWhere(true) }

func (c *Challenge) testsWhere(hidden bool) []Test {
	var out []Test
	for _, t := range c.Tests {
		if t.Hidden == hidden {
			out = append(out, t)
		}
	}
	return out
}
