package challenges

import (
	"strconv"
	"strings"
)

// foundTest is a test function found in a test module.
type foundTest struct {
	fn   string // function name
	name string // first line of the docstring
	line int
}

// lineMsg is a problem at a line of the file being scanned.
type lineMsg struct {
	line int
	msg  string
}

// discoverTests finds the top-level test functions in the tokens of a test
// module, in file order, and reports the ones pytest would run differently
// from what ormcheck counts.
func discoverTests(toks []token) ([]foundTest, []lineMsg) {
	var tests []foundTest
	var probs []lineMsg
	seen := map[string]int{} // function name -> line
	for i, t := range toks {
		if !t.first || t.col != 0 || t.kind != tokName {
			continue
		}
		next := func(k int) token {
			if i+k < len(toks) {
				return toks[i+k]
			}
			return token{}
		}
		switch {
		case t.text == "def" && next(1).kind == tokName && strings.HasPrefix(next(1).text, "test"):
			fn := next(1).text
			if !strings.HasPrefix(fn, "test_") {
				probs = append(probs, lineMsg{t.line, "pytest collects " + fn + " as a test: name tests test_<name>, or give the helper another name"})
				continue
			}
			ft, msgs := parseTestDef(toks, i)
			probs = append(probs, msgs...)
			if first, dup := seen[fn]; dup {
				probs = append(probs, lineMsg{t.line, fn + " is defined again (first at line " + strconv.Itoa(first) + "); pytest would only run this one"})
				continue
			}
			seen[fn] = t.line
			tests = append(tests, ft)
		case t.text == "async" && next(1).text == "def" && next(2).kind == tokName && strings.HasPrefix(next(2).text, "test"):
			probs = append(probs, lineMsg{t.line, "async def " + next(2).text + ": async tests are not supported; call ormtest.run_async from a plain def test_"})
		case t.text == "class" && next(1).kind == tokName && strings.HasPrefix(next(1).text, "Test"):
			probs = append(probs, lineMsg{t.line, "class " + next(1).text + ": test classes are not supported; write top-level def test_<name>() functions"})
		}
	}
	return tests, probs
}

// parseTestDef reads the test function whose "def" is toks[i]: its
// parameters and its docstring.
func parseTestDef(toks []token, i int) (foundTest, []lineMsg) {
	def := toks[i]
	ft := foundTest{fn: toks[i+1].text, line: def.line}
	var probs []lineMsg
	k := i + 2
	if k >= len(toks) || toks[k].text != "(" || toks[k].kind != tokOp {
		return ft, []lineMsg{{def.line, ft.fn + ": expected ( after the function name"}}
	}
	// Parameters: anything between the parentheses.
	depth, params := 0, false
	for ; k < len(toks); k++ {
		tk := toks[k]
		if tk.kind == tokOp && (tk.text == "(" || tk.text == "[" || tk.text == "{") {
			depth++
		} else if tk.kind == tokOp && (tk.text == ")" || tk.text == "]" || tk.text == "}") {
			depth--
			if depth == 0 {
				break
			}
		} else if depth > 0 {
			params = true
		}
	}
	if params {
		probs = append(probs, lineMsg{def.line, ft.fn + " takes parameters: tests take no parameters (pytest fixtures are not supported)"})
	}
	// The colon ending the signature, after an optional "-> type".
	for k++; k < len(toks) && toks[k].kind != tokNewline && !(toks[k].kind == tokOp && toks[k].text == ":"); k++ {
	}
	if k >= len(toks) || toks[k].kind != tokOp {
		return ft, append(probs, lineMsg{def.line, ft.fn + ": expected : at the end of the def line"})
	}
	// The first statement of the body: on the def line or the next one.
	k++
	if k < len(toks) && toks[k].kind == tokNewline {
		k++
		if k < len(toks) && toks[k].col == 0 {
			k = len(toks) // not indented: no body
		}
	}
	if k >= len(toks) || toks[k].kind != tokString || !isDocstringPrefix(toks[k].text) {
		return ft, append(probs, lineMsg{def.line, ft.fn + " has no docstring: its first line names the test in reports"})
	}
	ft.name = docFirstLine(toks[k].body, strings.ContainsAny(toks[k].text, "rR"))
	if ft.name == "" {
		probs = append(probs, lineMsg{def.line, ft.fn + " has an empty docstring: its first line names the test in reports"})
	}
	return ft, probs
}

func isDocstringPrefix(p string) bool {
	switch p {
	case "", "r", "R", "u", "U":
		return true
	}
	return false
}

var docUnescape = strings.NewReplacer(`\\`, `\`, "\\\n", "", `\n`, "\n", `\t`, " ", `\"`, `"`, `\'`, `'`)

// docFirstLine returns the first non-blank line of a docstring body, trimmed.
func docFirstLine(body string, raw bool) string {
	if !raw {
		body = docUnescape.Replace(body)
	}
	for _, l := range strings.Split(body, "\n") {
		if l = strings.TrimSpace(l); l != "" {
			return l
		}
	}
	return ""
}
