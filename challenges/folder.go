package challenges

import (
	"bytes"
	"fmt"
	"io/fs"
	"path"
	"sort"
	"strings"
	"unicode/utf8"
)

// builder turns the files of one challenge folder into a Challenge,
// reporting every problem.
type builder struct {
	name   string            // folder name at the root of the loaded fs
	files  map[string][]byte // path relative to the folder -> content
	ps     *problems
	failed bool
}

func (b *builder) add(rel string, line int, format string, args ...any) {
	b.failed = true
	file := b.name
	if rel != "" {
		file += "/" + rel
	}
	b.ps.add(file, line, format, args...)
}

// loadChallenge loads folder name of fsys. It returns the challenge, or nil
// if it has problems, and the id it declares with its line, for the
// duplicate id check.
func loadChallenge(fsys fs.FS, name, source string, ps *problems) (ch *Challenge, id string, idLine int) {
	b := &builder{name: name, ps: ps}
	defer func() {
		if r := recover(); r != nil {
			b.add("", 0, "internal error while loading this challenge: %v", r)
			ch = nil
		}
	}()
	b.files = readFolder(fsys, name, func(rel string, err error) {
		b.add(rel, 0, "cannot read: %v", unwrapPath(err))
	})
	ch, m := b.build()
	if m != nil {
		id, idLine = m.id, m.lines.line("id")
	}
	if b.failed {
		return nil, id, idLine
	}
	ch.Source = source
	return ch, id, idLine
}

func (b *builder) build() (*Challenge, *manifest) {
	ch := &Challenge{}
	m := parseManifest(b.files["challenge.toml"], func(line int, format string, args ...any) {
		b.add("challenge.toml", line, format, args...)
	})
	if m != nil {
		ch.ID, ch.Title, ch.Topic, ch.Difficulty = m.id, m.title, m.topic, m.difficulty
		ch.Points, ch.Seeds, ch.Image, ch.Limits = m.points, m.seeds, m.image, m.limits
		if m.id != "" && m.id != b.name {
			b.add("challenge.toml", m.lines.line("id"), "id %q does not match the folder name %q", m.id, b.name)
		}
	}

	ch.Statement = b.required("statement.md", "the task shown to the candidate")
	if ch.Statement != nil {
		if len(bytes.TrimSpace(ch.Statement)) == 0 {
			b.add("statement.md", 0, "is empty")
		} else if !utf8.Valid(ch.Statement) {
			b.add("statement.md", 0, "is not valid UTF-8")
		}
	}
	ch.Starter = b.required("starter.py", "the code the candidate starts from")
	b.checkPython("starter.py", ch.Starter)
	ch.Solution = b.required("solution.py", "the reference answer")
	b.checkPython("solution.py", ch.Solution)

	complete := b.tests(ch)
	if m != nil && complete {
		b.points(ch, m)
	}
	b.answers(ch, m)
	ch.Version = computeVersion(b.files)
	return ch, m
}

// required returns the content of a file every challenge needs.
func (b *builder) required(rel, what string) []byte {
	data, ok := b.files[rel]
	if !ok {
		b.add(rel, 0, "missing: every challenge needs %s", what)
		return nil
	}
	if data == nil {
		data = []byte{}
	}
	return data
}

// checkPython runs the Python quick check on a file, if it exists.
func (b *builder) checkPython(rel string, src []byte) {
	if src == nil {
		return
	}
	if _, err := tokenize(src); err != nil {
		b.add(rel, err.line, "%s", err.msg)
	}
}

// tests discovers the tests and collects the files of tests/public and
// tests/hidden. It returns false if a test module could not be read, so
// that the test count is unknown.
func (b *builder) tests(ch *Challenge) (complete bool) {
	complete = true
	var public, hidden []Test
	moduleOf := map[string]string{} // test module base name -> tests/ path
	names := map[string]Test{}      // human name -> first test with it
	hasHidden := false
	for _, p := range testPaths(b.files) {
		rel := strings.TrimPrefix(p, "tests/")
		group, inGroup, _ := strings.Cut(rel, "/")
		if (group != "public" && group != "hidden") || inGroup == "" {
			b.add(p, 0, "not shipped: files under tests/ must be in tests/public or tests/hidden")
			continue
		}
		isHidden := group == "hidden"
		f := File{Path: rel, Content: b.files[p]}
		if isHidden {
			hasHidden = true
			ch.HiddenFiles = append(ch.HiddenFiles, f)
		} else {
			ch.PublicFiles = append(ch.PublicFiles, f)
		}
		if !strings.HasSuffix(p, ".py") {
			continue
		}
		toks, serr := tokenize(f.Content)
		if serr != nil {
			b.add(p, serr.line, "%s", serr.msg)
		}
		base := path.Base(inGroup)
		if !strings.HasPrefix(base, "test_") {
			continue // a helper
		}
		if strings.Contains(inGroup, "/") {
			b.add(p, 0, "test modules must sit directly in tests/%s: pytest would collect this one but ormcheck does not", group)
			continue
		}
		if other, dup := moduleOf[base]; dup {
			b.add(p, 0, "same file name as %s: pytest cannot import two test modules with the same name", other)
		}
		moduleOf[base] = p
		if serr != nil {
			complete = false
			continue
		}
		found, msgs := discoverTests(toks)
		for _, lm := range msgs {
			b.add(p, lm.line, "%s", lm.msg)
		}
		for _, ft := range found {
			t := Test{ID: rel + "::" + ft.fn, Name: ft.name, File: rel, Hidden: isHidden, Points: 1, Line: ft.line}
			if ft.name != "" {
				if first, dup := names[ft.name]; dup {
					b.add(p, ft.line, "%s has the same name as %s: %q; test names must be unique", ft.fn, first.ID, ft.name)
				} else {
					names[ft.name] = t
				}
			}
			if isHidden {
				hidden = append(hidden, t)
			} else {
				public = append(public, t)
			}
		}
	}
	switch {
	case !hasHidden:
		b.add("tests/hidden", 0, "missing: every challenge needs hidden tests (tests/hidden/test_*.py)")
	case len(hidden) == 0 && complete:
		b.add("tests/hidden", 0, "has no tests: write top-level def test_<name>() functions in tests/hidden/test_*.py")
	}
	ch.Tests = append(public, hidden...)
	return complete
}

// testPaths returns the paths under tests/: tests/public first, then
// tests/hidden, then the rest, each sorted.
func testPaths(files map[string][]byte) []string {
	var public, hidden, other []string
	for _, p := range sortedPaths(files) {
		switch {
		case strings.HasPrefix(p, "tests/public/"):
			public = append(public, p)
		case strings.HasPrefix(p, "tests/hidden/"):
			hidden = append(hidden, p)
		case strings.HasPrefix(p, "tests/"):
			other = append(other, p)
		}
	}
	return append(append(public, hidden...), other...)
}

// points applies [test_points] and checks that the tests add up to points.
func (b *builder) points(ch *Challenge, m *manifest) {
	index := map[string]int{}
	ids := make([]string, len(ch.Tests))
	for i, t := range ch.Tests {
		index[t.ID] = i
		ids[i] = t.ID
	}
	keys := make([]string, 0, len(m.testPoints))
	for k := range m.testPoints {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		i, ok := index[k]
		if !ok {
			msg := fmt.Sprintf("[test_points] %q names no test", k)
			if s := closestID(k, ids); s != "" {
				msg += fmt.Sprintf(" (did you mean %q?)", s)
			}
			b.add("challenge.toml", m.lines.line("test_points", k), "%s", msg)
			continue
		}
		ch.Tests[i].Points = m.testPoints[k]
	}
	sum := 0
	for _, t := range ch.Tests {
		sum += t.Points
	}
	if m.points > 0 && sum != m.points {
		b.add("challenge.toml", m.lines.line("points"), "points = %d but the tests add up to %d", m.points, sum)
	}
}

// closestID returns the test id nearest to id, if it looks like a typo of it.
func closestID(id string, ids []string) string {
	best, bestD := "", max(3, len(id)/5)+1
	for _, c := range ids {
		if d := editDistance(id, c); d < bestD {
			best, bestD = c, d
		}
	}
	return best
}

// answers reads the [[wrong]] and [[variant]] files and checks that every
// .py file in wrong/ and variants/ is listed.
func (b *builder) answers(ch *Challenge, m *manifest) {
	listed := map[string]bool{}
	if m != nil {
		for i, w := range m.wrong {
			if w.File == "" {
				continue
			}
			rel := "wrong/" + w.File
			listed[rel] = true
			src, ok := b.files[rel]
			if !ok {
				b.add("challenge.toml", m.lines.line("wrong", fmt.Sprint(i), "file"), "[[wrong]] file %q: %s does not exist", w.File, rel)
				continue
			}
			if w.Verdict != "compile-error" {
				b.checkPython(rel, src)
			}
			w.Source = src
			ch.Wrong = append(ch.Wrong, w)
		}
		for i, v := range m.variants {
			if v.File == "" {
				continue
			}
			rel := "variants/" + v.File
			listed[rel] = true
			src, ok := b.files[rel]
			if !ok {
				b.add("challenge.toml", m.lines.line("variant", fmt.Sprint(i), "file"), "[[variant]] file %q: %s does not exist", v.File, rel)
				continue
			}
			b.checkPython(rel, src)
			v.Source = src
			ch.Variants = append(ch.Variants, v)
		}
	}
	for _, p := range sortedPaths(b.files) {
		if listed[p] || !strings.HasSuffix(p, ".py") {
			continue
		}
		switch {
		case strings.HasPrefix(p, "wrong/"):
			if m != nil {
				b.add(p, 0, "not listed in a [[wrong]] entry of challenge.toml")
				b.checkPython(p, b.files[p])
			}
		case strings.HasPrefix(p, "variants/"):
			if m != nil {
				b.add(p, 0, "not listed in a [[variant]] entry of challenge.toml")
			}
			b.checkPython(p, b.files[p])
		}
	}
}
