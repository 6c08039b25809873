package challenges

import (
	"fmt"
	"io/fs"
	"sort"
	"strings"
)

// mcheck checks the values of a decoded challenge.toml.
type mcheck struct {
	lines  keyLines
	report func(line int, format string, args ...any)
}

// str reads a string value; name is how messages call it, key where it is.
func (c *mcheck) str(v any, required bool, name string, key ...string) string {
	switch x := v.(type) {
	case nil:
		if required {
			c.report(c.lines.line(key[:len(key)-1]...), "%s is required", name)
		}
		return ""
	case string:
		if required && strings.TrimSpace(x) == "" {
			c.report(c.lines.line(key...), "%s must not be empty", name)
		}
		return x
	default:
		c.report(c.lines.line(key...), "%s must be a string, not %s", name, tomlType(v))
		return ""
	}
}

func (c *mcheck) strings(v any, name string) []string {
	if v == nil {
		return nil
	}
	arr, ok := v.([]any)
	var out []string
	for _, e := range arr {
		s, isStr := e.(string)
		ok = ok && isStr
		out = append(out, s)
	}
	if !ok {
		c.report(c.lines.line(name), "%s must be an array of strings", name)
		return nil
	}
	return out
}

func (c *mcheck) points(v any) int {
	line := c.lines.line("points")
	switch x := v.(type) {
	case nil:
		c.report(0, "points is required: the total of the test points")
	case int64:
		if x <= 0 {
			c.report(line, "points must be > 0")
			return 0
		}
		if x > 1_000_000 {
			c.report(line, "points = %d is too large", x)
			return 0
		}
		return int(x)
	case map[string]any:
		c.report(line, "points must be an integer, the total of the test points; per-test points go under [test_points]")
	default:
		c.report(line, "points must be an integer, not %s", tomlType(v))
	}
	return 0
}

func (c *mcheck) testPoints(raw map[string]any) map[string]int {
	out := map[string]int{}
	keys := make([]string, 0, len(raw))
	for k := range raw {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		line := c.lines.line("test_points", k)
		n, ok := raw[k].(int64)
		switch {
		case !ok:
			c.report(line, "[test_points] %q must be an integer, not %s", k, tomlType(raw[k]))
		case n < 0:
			c.report(line, "[test_points] %q must be >= 0", k)
		case n > 1_000_000:
			c.report(line, "[test_points] %q = %d is too large", k, n)
		default:
			out[k] = int(n)
		}
	}
	return out
}

// file checks the file of a [[wrong]] or [[variant]] entry: a .py path
// relative to dir.
func (c *mcheck) file(v any, table string, i int) string {
	idx := fmt.Sprint(i)
	f := c.str(v, true, "[["+table+"]] file", table, idx, "file")
	if f == "" {
		return ""
	}
	line := c.lines.line(table, idx, "file")
	if !fs.ValidPath(f) || f == "." || strings.Contains(f, `\`) {
		c.report(line, "[[%s]] file %q must be a path inside %s/, such as \"x.py\"", table, f, dirOf(table))
		return ""
	}
	if !strings.HasSuffix(f, ".py") {
		c.report(line, "[[%s]] file %q must be a .py file", table, f)
		return ""
	}
	return f
}

func dirOf(table string) string {
	if table == "variant" {
		return "variants"
	}
	return table
}

func (c *mcheck) wrongs(raw []rawWrong) []Wrong {
	var out []Wrong
	seen := map[string]int{}
	for i, r := range raw {
		idx := fmt.Sprint(i)
		w := Wrong{
			File: c.file(r.File, "wrong", i),
			Why:  c.str(r.Why, true, "[[wrong]] why", "wrong", idx, "why"),
			Seed: c.str(r.Seed, false, "[[wrong]] seed", "wrong", idx, "seed"),
		}
		if v := c.str(r.Verdict, true, "[[wrong]] verdict", "wrong", idx, "verdict"); v != "" {
			if isWrongVerdict(v) {
				w.Verdict = v
			} else {
				c.report(c.lines.line("wrong", idx, "verdict"), "[[wrong]] verdict %q must be one of: %s", v, strings.Join(wrongVerdicts, ", "))
			}
		}
		if w.File != "" {
			line := c.lines.line("wrong", idx, "file")
			if first, dup := seen[w.File]; dup {
				c.report(line, "[[wrong]] file %q is listed twice (first at line %d)", w.File, first)
			}
			seen[w.File] = line
		}
		out = append(out, w)
	}
	return out
}

func isWrongVerdict(v string) bool {
	for _, ok := range wrongVerdicts {
		if v == ok {
			return true
		}
	}
	return false
}

func (c *mcheck) variants(raw []rawVariant) []Variant {
	var out []Variant
	seen := map[string]int{}
	for i, r := range raw {
		idx := fmt.Sprint(i)
		v := Variant{
			File: c.file(r.File, "variant", i),
			Why:  c.str(r.Why, true, "[[variant]] why", "variant", idx, "why"),
		}
		if v.File != "" {
			line := c.lines.line("variant", idx, "file")
			if first, dup := seen[v.File]; dup {
				c.report(line, "[[variant]] file %q is listed twice (first at line %d)", v.File, first)
			}
			seen[v.File] = line
		}
		out = append(out, v)
	}
	return out
}
