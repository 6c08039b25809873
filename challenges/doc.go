// Package challenges loads, checks and serves ormcheck's challenges: the
// SQLAlchemy tasks a candidate solves and the tests that grade them.
//
// # Where challenges come from
//
// Builtin returns the catalog compiled into the binary from
// challenges/catalog. LoadDir loads a directory of challenge folders (or a
// single challenge folder), and Load does the same for any fs.FS. Merge
// combines catalogs: a challenge of the second replaces the one of the first
// with the same id, so a user's directory can add to or override the
// built-in catalog:
//
//	base, err := challenges.Builtin()
//	...
//	mine, err := challenges.LoadDir("./my-challenges")
//	...
//	cat := challenges.Merge(base, mine)
//	ch, ok := cat.Get(id)
//	if !ok {
//		// cat.Suggest(id) holds up to three ids close to id.
//	}
//
// A Catalog, and the Challenges it holds, must be treated as read-only.
//
// # A challenge folder
//
// A challenge is a folder whose name is its id:
//
//	crud-users/
//	    challenge.toml          metadata, below
//	    statement.md            the task shown to the candidate (not empty)
//	    starter.py              the code the candidate starts from
//	    solution.py             the reference answer
//	    tests/public/test_*.py  tests the candidate can see and run
//	    tests/hidden/test_*.py  tests used only for grading (at least one)
//	    wrong/*.py              known-wrong answers, listed in [[wrong]]
//	    variants/*.py           more correct answers, listed in [[variant]]
//
// Other files under tests/public and tests/hidden (helpers, data,
// __init__.py, conftest.py) are shipped with the tests too; files directly
// under tests/ or in other folders of tests/ are not, and are an error.
// Hidden files (".DS_Store", ".pytest_cache"), __pycache__ folders, *.pyc
// files and editor backups ending in "~" are ignored everywhere.
//
// # challenge.toml
//
// Unknown keys and tables are errors.
//
//	id = "crud-users"                  # required: lowercase words joined by "-"; the folder name
//	title = "CRUD on a users table"    # required
//	topic = "crud"                     # required
//	difficulty = "easy"                # required: easy, medium or hard
//	points = 10                        # required, > 0: the sum of the test points
//	seeds = ["Flask-SQLAlchemy Q1"]    # optional: where the task comes from
//	image = ""                         # optional: runtime image; empty means the default
//
//	[limits]                           # optional; a missing key means the default
//	wall = "60s"                       # Go duration, > 0 and at most 10m
//	per_test = "10s"                   # Go duration, > 0 and at most wall
//	memory = "256MiB"                  # bytes, or a KiB, MiB or GiB suffix; 32MiB to 4GiB
//
//	[test_points]                      # optional: test id = points (>= 0); other tests are worth 1
//	"hidden/test_crud.py::test_duplicate_username" = 2
//
//	[[wrong]]                          # a known-wrong answer, in wrong/
//	file = "no_rollback.py"            # required, must exist
//	verdict = "wrong-answer"           # required: accepted, wrong-answer, compile-error,
//	                                   # time-limit, memory-limit or output-limit
//	why = "never rolls back"           # required
//	seed = "Flask-SQLAlchemy Q6"       # optional
//
//	[[variant]]                        # another correct answer, in variants/
//	file = "legacy_query.py"           # required, must exist
//	why = "session.query(...)"         # required
//
// Per-test points live in [test_points], not [points]: TOML does not allow
// "points = 10" and a [points] table in the same document.
//
// # Tests
//
// ormcheck finds tests without running Python. A test is a top-level
// function "def test_<name>():" starting at column 0 of a test_*.py file
// directly in tests/public or tests/hidden. Its id is
// "public/<file>::<function>" or "hidden/<file>::<function>", and its name,
// used in reports, is the first non-blank line of its docstring. It is an
// error when a test:
//
//   - has no docstring, or an empty one;
//   - takes parameters (pytest fixtures are not supported);
//   - is "async def" (call ormtest.run_async from a plain test instead);
//   - has the same name as another test of the challenge;
//   - is defined twice in a file (pytest would run only the last one);
//   - sits in a "class Test...", or is a top-level function named
//     "test..." without the underscore, which pytest would collect;
//   - lives in a test module in a subfolder, or in a module with the same
//     file name as one in the other tests folder.
//
// Challenge.Tests lists the public tests, then the hidden ones; each group
// in file-name order and each file's tests in file order.
//
// # Python quick check
//
// Every .py file of a challenge (starter, solution, tests and helpers,
// wrong answers and variants) must be valid UTF-8 without NUL bytes, close
// every string, and balance its brackets outside strings and comments
// (string prefixes, triple quotes, escapes and f-string replacement fields
// are understood, with Python 3.12 quoting). The first problem of each file
// is reported with its line, as Python would. Wrong answers whose verdict is
// compile-error are not checked: they are meant to be broken.
//
// # Problems
//
// Load and LoadDir check everything and report every problem at once in a
// *ValidationError, one Problem per line, "file:line: message", with files
// relative to the loaded directory:
//
//	crud-users/challenge.toml:5: points = 10 but the tests add up to 9
//	crud-users/tests/hidden/test_crud.py:14: test_x has no docstring: its first line names the test in reports
//
// The catalog returned alongside a *ValidationError holds the challenges
// that had no problems. A folder at the root without challenge.toml is
// ignored, unless it holds .py files: then it is reported, as it looks like
// a challenge missing its metadata.
//
// # Versions
//
// Challenge.Version is "sha256:" and the first 16 hex digits of a SHA-256
// over the path and content of every file in the challenge folder (ignored
// files aside), in path order. It changes whenever any of those bytes do,
// and does not depend on where the folder was loaded from.
//
// # Support files
//
// Support returns the modules every test may import (ormtest.py), embedded
// from challenges/support. Ship them at the root of the tests directory,
// beside public/ and hidden/.
package challenges
