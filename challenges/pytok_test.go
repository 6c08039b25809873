package challenges

import (
	"bytes"
	"testing"
)

func TestQuickCheck(t *testing.T) {
	tests := []struct {
		name, src string
		line      int // 0: no error
		msg       string
	}{
		{"empty", "", 0, ""},
		{"plain", "def f(a, b):\n    return [a, {b: (1, 2)}]\n", 0, ""},
		{"brackets in strings and comments", "x = '(' + \"]\"  # ) } ]\ny = '''\n((\n'''\n", 0, ""},
		{"line continuation", "x = 1 + \\\n    2\n", 0, ""},
		{"crlf", "x = (1,\r\n     2)\r\n", 0, ""},
		{"bom", "\xef\xbb\xbfx = 1\n", 0, ""},
		{"escaped quotes", `x = 'it\'s' + "a \"b\"" + '\\'` + "\n", 0, ""},
		{"raw strings", `x = r'\' ' + R"\d+\"" + rb'\x' + Br"\\"` + "\n", 0, ""},
		{"backslash newline in a string", "x = 'a\\\nb'\n", 0, ""},
		{"triple quotes holding quotes", "x = \"\"\"a \"quoted\" ''' word\"\"\"\n", 0, ""},
		{"four quotes", "x = \"\"\"a\"\"\"\"\"\n", 0, ""},
		{"unicode names", "café = {'ü': 1}\n", 0, ""},
		{"f-string with nested quotes (3.12)", `x = f"{d["a"]} {f'{y}'}"` + "\n", 0, ""},
		{"f-string format spec", `x = f"{v:>{w}} {v!r:#x} {v:'^10} {{}}"` + "\n", 0, ""},
		{"f-string dict and slice", `x = f"{ {'a': 1}['a'] } {s[1:2]}"` + "\n", 0, ""},
		{"f-string named escape", `x = f"\N{BULLET} {y}"` + "\n", 0, ""},
		{"raw f-string", `x = rf"\{y}\d"` + "\n", 0, ""},
		{"backslash before a field", `x = f"\{y}"` + "\n", 0, ""},
		{"multi-line f-string field", "x = f\"{\n  y\n}\"\n", 0, ""},
		{"t-string", `x = t"{y}"` + "\n", 0, ""},
		{"prefix-like names", "rb = 1\nf = rb + 2\n", 0, ""},

		{"unclosed paren", "x = (1,\n2\n", 1, "'(' was never closed"},
		{"innermost unclosed", "x = (1, [2,\n", 1, "'[' was never closed"},
		{"unmatched close", "x = 1)\n", 1, "unmatched ')'"},
		{"mismatched", "x = (\n 1]\n", 2, "closing ']' does not match opening '(' on line 1"},
		{"unterminated single", "x = 'abc\ny = 1\n", 1, "unterminated string literal"},
		{"unterminated at eof", "x = \"abc", 1, "unterminated string literal"},
		{"unterminated triple", "x = 1\ny = '''abc\n\n", 2, "unterminated triple-quoted string literal"},
		{"raw string ending in backslash", `x = r'\'` + "\n", 1, "unterminated string literal"},
		{"single brace in f-string", "x = f'a}'\n", 1, "f-string: single '}' is not allowed"},
		{"unclosed f-string field", "x = f'''{a'''\n", 1, "unterminated triple-quoted string literal"},
		{"nul", "x = 1\ny = '\x00'\n", 2, "contains a NUL byte"},
		{"bad utf-8", "x = 1\n\ny = '\xff'\n", 3, "is not valid UTF-8"},
		{"character after continuation", "x = 1 \\ y\n", 1, "unexpected character after line continuation character"},
		{"continuation at eof", "x = 1 \\", 1, "unexpected end of file after a line continuation character"},
	}
	for _, tt := range tests {
		_, err := tokenize([]byte(tt.src))
		switch {
		case tt.line == 0 && err != nil:
			t.Errorf("%s: unexpected error at line %d: %s", tt.name, err.line, err.msg)
		case tt.line != 0 && err == nil:
			t.Errorf("%s: no error, want line %d: %s", tt.name, tt.line, tt.msg)
		case tt.line != 0 && (err.line != tt.line || err.msg != tt.msg):
			t.Errorf("%s: got line %d: %s; want line %d: %s", tt.name, err.line, err.msg, tt.line, tt.msg)
		}
	}
}

func TestDiscoverTests(t *testing.T) {
	src := `import ormtest

x = """
def test_in_string():
    """


@decorator
def test_decorated() -> None:
    '''Decorated'''


def test_one_line(): "One line"


def test_escaped():
    "Says \"hi\"\n second line"


if True:
    def test_nested():
        """not top level"""


def test_no_body():
pass
`
	toks, err := tokenize([]byte(src))
	if err != nil {
		t.Fatalf("tokenize: line %d: %s", err.line, err.msg)
	}
	found, probs := discoverTests(toks)
	want := []foundTest{
		{"test_decorated", "Decorated", 9},
		{"test_one_line", "One line", 13},
		{"test_escaped", `Says "hi"`, 16},
		{"test_no_body", "", 25},
	}
	if len(found) != len(want) {
		t.Fatalf("found %+v, want %+v", found, want)
	}
	for i := range want {
		if found[i] != want[i] {
			t.Errorf("test %d = %+v, want %+v", i, found[i], want[i])
		}
	}
	if len(probs) != 1 || probs[0].line != 25 {
		t.Errorf("problems = %+v, want one at line 25 (no docstring)", probs)
	}
}

// The loader must never panic, whatever the files hold.
func FuzzTokenize(f *testing.F) {
	for _, s := range []string{"def test_x():\n    \"\"\"doc\"\"\"\n", "f'{a:{b}}'", "x = (", "'''", `rb"\"`, "f\"{'}'}\"", "\\"} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, src []byte) {
		toks, _ := tokenize(src)
		discoverTests(toks)
	})
}

func FuzzManifest(f *testing.F) {
	for _, s := range []string{
		"id = \"x\"\npoints = 3\n[limits]\nwall = \"1s\"\n[[wrong]]\nfile = \"a.py\"\n",
		"[test_points]\n\"a\" = 1\n[[variant]]\nfile = 1\n",
		"wrong = [{file = \"x.py\", why = 2}]\nlimits = {memory = \"1GiB\"}\n",
		"points = 1\n[points]\n",
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, doc []byte) {
		var out bytes.Buffer
		parseManifest(doc, func(line int, format string, args ...any) { out.WriteString(format) })
	})
}
