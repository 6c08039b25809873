package challenges

import (
	"bytes"
	"errors"
	"fmt"
	"regexp"
	"strings"

	"github.com/pelletier/go-toml/v2"
)

// rawManifest mirrors challenge.toml. Values are decoded as any so that a
// value of the wrong type is reported by our checks, with its line, instead
// of stopping the decoder at the first one. Unknown keys are reported by the
// decoder (DisallowUnknownFields).
type rawManifest struct {
	ID         any            `toml:"id"`
	Title      any            `toml:"title"`
	Topic      any            `toml:"topic"`
	Difficulty any            `toml:"difficulty"`
	Points     any            `toml:"points"`
	Seeds      any            `toml:"seeds"`
	Image      any            `toml:"image"`
	Limits     *rawLimits     `toml:"limits"`
	TestPoints map[string]any `toml:"test_points"`
	Wrong      []rawWrong     `toml:"wrong"`
	Variant    []rawVariant   `toml:"variant"`
}

type rawLimits struct {
	Wall    any `toml:"wall"`
	PerTest any `toml:"per_test"`
	Memory  any `toml:"memory"`
}

type rawWrong struct {
	File    any `toml:"file"`
	Verdict any `toml:"verdict"`
	Why     any `toml:"why"`
	Seed    any `toml:"seed"`
}

type rawVariant struct {
	File any `toml:"file"`
	Why  any `toml:"why"`
}

// Keys each table accepts, for "did you mean" hints.
var knownKeys = map[string][]string{
	"":        {"id", "title", "topic", "difficulty", "points", "seeds", "image", "limits", "test_points", "wrong", "variant"},
	"limits":  {"wall", "per_test", "memory"},
	"wrong":   {"file", "verdict", "why", "seed"},
	"variant": {"file", "why"},
}

// wrongVerdicts are the verdicts a known-wrong answer may expect.
var wrongVerdicts = []string{"accepted", "wrong-answer", "compile-error", "time-limit", "memory-limit", "output-limit"}

var idPattern = regexp.MustCompile(`^[a-z0-9]+(-[a-z0-9]+)*$`)

// manifest is a checked challenge.toml.
type manifest struct {
	id, title, topic string
	difficulty       Difficulty
	points           int
	seeds            []string
	image            string
	limits           Limits
	testPoints       map[string]int // test id -> points
	wrong            []Wrong        // without Source
	variants         []Variant      // without Source
	lines            keyLines
}

// parseManifest decodes and checks challenge.toml. It returns nil if the
// document could not be decoded at all; otherwise it returns what could be
// read, having reported every problem.
func parseManifest(doc []byte, report func(line int, format string, args ...any)) *manifest {
	var raw rawManifest
	dec := toml.NewDecoder(bytes.NewReader(doc))
	dec.DisallowUnknownFields()
	err := dec.Decode(&raw)
	var strict *toml.StrictMissingError
	var derr *toml.DecodeError
	switch {
	case errors.As(err, &strict):
		for _, e := range strict.Errors {
			line, _ := e.Position()
			report(line, "%s", unknownKeyMsg(e.Key(), e.Error()))
		}
	case errors.As(err, &derr):
		line, _ := derr.Position()
		report(line, "%s", decodeMsg(derr))
		return nil
	case err != nil:
		report(0, "%s", strings.TrimPrefix(err.Error(), "toml: "))
		return nil
	}

	c := &mcheck{lines: indexKeys(doc), report: report}
	m := &manifest{lines: c.lines}
	m.id = c.str(raw.ID, true, "id", "id")
	if m.id != "" && !idPattern.MatchString(m.id) {
		c.report(c.lines.line("id"), "id %q must be lowercase letters and digits in words joined by single dashes, e.g. \"crud-users\"", m.id)
	}
	m.title = c.str(raw.Title, true, "title", "title")
	m.topic = c.str(raw.Topic, true, "topic", "topic")
	if d := c.str(raw.Difficulty, true, "difficulty", "difficulty"); d != "" {
		switch Difficulty(d) {
		case Easy, Medium, Hard:
			m.difficulty = Difficulty(d)
		default:
			c.report(c.lines.line("difficulty"), "difficulty %q must be easy, medium or hard", d)
		}
	}
	m.points = c.points(raw.Points)
	m.seeds = c.strings(raw.Seeds, "seeds")
	m.image = c.str(raw.Image, false, "image", "image")
	if raw.Limits != nil {
		m.limits = c.limits(raw.Limits)
	}
	m.testPoints = c.testPoints(raw.TestPoints)
	m.wrong = c.wrongs(raw.Wrong)
	m.variants = c.variants(raw.Variant)
	return m
}

// unknownKeyMsg describes a key the schema does not have.
func unknownKeyMsg(key toml.Key, msg string) string {
	if len(key) == 0 {
		return strings.TrimPrefix(msg, "toml: ")
	}
	name := key[len(key)-1]
	parent := strings.Join(key[:len(key)-1], ".")
	var out string
	switch {
	case strings.HasSuffix(msg, "missing table"):
		out = fmt.Sprintf("unknown table [%s]", strings.Join(key, "."))
	case parent == "":
		out = fmt.Sprintf("unknown key %q", name)
	case parent == "wrong" || parent == "variant":
		out = fmt.Sprintf("unknown key %q in [[%s]]", name, parent)
	default:
		out = fmt.Sprintf("unknown key %q in [%s]", name, parent)
	}
	if len(key) <= 2 {
		if s := closest(name, knownKeys[parent]); s != "" {
			out += fmt.Sprintf(" (did you mean %q?)", s)
		}
	}
	return out
}

// closest returns the word of words nearest to w, if it is near enough to be
// a likely typo.
func closest(w string, words []string) string {
	best, bestD := "", 3
	for _, c := range words {
		if d := editDistance(w, c); d < bestD {
			best, bestD = c, d
		}
	}
	return best
}

// decodeMsg rewrites a decoder error for people.
func decodeMsg(e *toml.DecodeError) string {
	msg := strings.TrimPrefix(e.Error(), "toml: ")
	key := e.Key()
	if len(key) == 0 {
		return "invalid TOML: " + msg
	}
	if key[0] == "points" && strings.Contains(msg, "should be a table") {
		return "[points] cannot be a table: points = N already defines the key, and TOML forbids defining it twice; put per-test points under [test_points]"
	}
	if strings.HasPrefix(msg, "cannot decode") || strings.HasPrefix(msg, "cannot store") {
		switch key[0] {
		case "limits", "test_points":
			return fmt.Sprintf("%s must be a table, written [%s]", key[0], key[0])
		case "wrong", "variant":
			return fmt.Sprintf("%s must be an array of tables, written [[%s]]", key[0], key[0])
		}
		return fmt.Sprintf("%s has the wrong type", strings.Join(key, "."))
	}
	return "invalid TOML: " + msg
}

// tomlType names the TOML type of a decoded value.
func tomlType(v any) string {
	switch v.(type) {
	case string:
		return "a string"
	case int64:
		return "an integer"
	case float64:
		return "a float"
	case bool:
		return "a boolean"
	case []any:
		return "an array"
	case map[string]any:
		return "a table"
	}
	return "a date or time"
}
