package challenges

import (
	"bytes"
	"strconv"
	"strings"
	"unicode/utf8"
)

// This file is a small Python tokenizer: enough to check that a file is
// plausible Python (encoding, brackets, strings) and to find test functions,
// without a Python interpreter. It stops at the first error, as Python does.

type tokKind uint8

const (
	tokName tokKind = iota + 1
	tokNumber
	tokString
	tokOp      // one punctuation character
	tokNewline // end of a logical line
)

type token struct {
	kind  tokKind
	text  string // name, number or operator; for strings, the prefix
	body  string // strings: the text between the quotes, escapes kept
	line  int    // 1-based
	col   int    // byte offset in the line
	first bool   // first token of a logical line
}

// syntaxError is the first problem found in a Python file.
type syntaxError struct {
	line int
	msg  string
}

type bracket struct {
	ch   byte
	line int
}

type pyScanner struct {
	src       []byte
	pos       int
	line      int
	lineStart int
	first     bool
	stack     []bracket
	toks      []token
	err       *syntaxError
}

// tokenize splits src into tokens. On error it returns the tokens read so far
// and the error.
func tokenize(src []byte) ([]token, *syntaxError) {
	if i := bytes.IndexByte(src, 0); i >= 0 {
		return nil, &syntaxError{lineAt(src, i), "contains a NUL byte"}
	}
	if !utf8.Valid(src) {
		i := 0
		for i < len(src) {
			r, n := utf8.DecodeRune(src[i:])
			if r == utf8.RuneError && n <= 1 {
				break
			}
			i += n
		}
		return nil, &syntaxError{lineAt(src, i), "is not valid UTF-8"}
	}
	s := &pyScanner{src: src, line: 1, first: true}
	if bytes.HasPrefix(src, []byte("\xef\xbb\xbf")) {
		s.pos, s.lineStart = 3, 3
	}
	s.run()
	return s.toks, s.err
}

// lineAt returns the 1-based line of byte offset i.
func lineAt(src []byte, i int) int {
	return 1 + bytes.Count(src[:i], []byte("\n"))
}

func (s *pyScanner) fail(line int, msg string) {
	if s.err == nil {
		s.err = &syntaxError{line, msg}
	}
}

func (s *pyScanner) at(i int) byte {
	if i < len(s.src) {
		return s.src[i]
	}
	return 0
}

func (s *pyScanner) emit(kind tokKind, text, body string, line, col int) {
	s.toks = append(s.toks, token{kind: kind, text: text, body: body, line: line, col: col, first: s.first})
	s.first = false
}

func (s *pyScanner) newline() {
	s.pos++
	s.line++
	s.lineStart = s.pos
}

func (s *pyScanner) run() {
	for s.err == nil && s.pos < len(s.src) {
		c := s.src[s.pos]
		start, col := s.pos, s.pos-s.lineStart
		switch {
		case c == '\n':
			if len(s.stack) == 0 && !s.first {
				s.emit(tokNewline, "", "", s.line, col)
				s.first = true
			}
			s.newline()
		case c == ' ' || c == '\t' || c == '\f' || c == '\r':
			s.pos++
		case c == '#':
			for s.pos < len(s.src) && s.src[s.pos] != '\n' {
				s.pos++
			}
		case c == '\\':
			switch {
			case s.at(s.pos+1) == '\n':
				s.pos++
				s.newline()
			case s.at(s.pos+1) == '\r' && s.at(s.pos+2) == '\n':
				s.pos += 2
				s.newline()
			case s.pos+1 >= len(s.src):
				s.fail(s.line, "unexpected end of file after a line continuation character")
			default:
				s.fail(s.line, "unexpected character after line continuation character")
			}
		case c == '\'' || c == '"':
			s.stringToken(start, "")
		case isIdentStart(c):
			for s.pos < len(s.src) && isIdentChar(s.src[s.pos]) {
				s.pos++
			}
			word := string(s.src[start:s.pos])
			if q := s.at(s.pos); (q == '\'' || q == '"') && isStringPrefix(word) {
				s.stringToken(start, word)
				break
			}
			s.emit(tokName, word, "", s.line, col)
		case isDigit(c) || (c == '.' && isDigit(s.at(s.pos+1))):
			for s.pos < len(s.src) && (isIdentChar(s.src[s.pos]) || s.src[s.pos] == '.') {
				s.pos++
			}
			s.emit(tokNumber, string(s.src[start:s.pos]), "", s.line, col)
		case c == '(' || c == '[' || c == '{':
			s.stack = append(s.stack, bracket{c, s.line})
			s.pos++
			s.emit(tokOp, string(c), "", s.line, col)
		case c == ')' || c == ']' || c == '}':
			if len(s.stack) == 0 {
				s.fail(s.line, "unmatched '"+string(c)+"'")
				break
			}
			open := s.stack[len(s.stack)-1]
			if closerOf(open.ch) != c {
				s.fail(s.line, "closing '"+string(c)+"' does not match opening '"+string(open.ch)+"' on line "+strconv.Itoa(open.line))
				break
			}
			s.stack = s.stack[:len(s.stack)-1]
			s.pos++
			s.emit(tokOp, string(c), "", s.line, col)
		default:
			s.pos++
			s.emit(tokOp, string(c), "", s.line, col)
		}
	}
	if s.err != nil {
		return
	}
	if n := len(s.stack); n > 0 {
		open := s.stack[n-1]
		s.fail(open.line, "'"+string(open.ch)+"' was never closed")
		return
	}
	if !s.first {
		s.emit(tokNewline, "", "", s.line, s.pos-s.lineStart)
	}
}

// stringToken scans a string literal whose prefix starts at start and whose
// opening quote is at s.pos, and emits it.
func (s *pyScanner) stringToken(start int, prefix string) {
	line, col := s.line, start-s.lineStart
	from, to, ok := s.scanString(prefix)
	if ok {
		s.emit(tokString, prefix, string(s.src[from:to]), line, col)
	}
}

// scanString scans a string literal whose opening quote is at s.pos. It
// returns the bounds of its body and leaves s.pos after the closing quote.
func (s *pyScanner) scanString(prefix string) (from, to int, ok bool) {
	startLine := s.line
	q := s.src[s.pos]
	triple := s.at(s.pos+1) == q && s.at(s.pos+2) == q
	if triple {
		s.pos += 3
	} else {
		s.pos++
	}
	from = s.pos
	lower := strings.ToLower(prefix)
	raw := strings.Contains(lower, "r")
	fstr := strings.ContainsAny(lower, "ft")
	unterminated := "unterminated string literal"
	if triple {
		unterminated = "unterminated triple-quoted string literal"
	}
	for {
		if s.pos >= len(s.src) {
			s.fail(startLine, unterminated)
			return 0, 0, false
		}
		c := s.src[s.pos]
		switch {
		case c == '\\':
			next := s.at(s.pos + 1)
			if fstr && !raw && next == 'N' && s.at(s.pos+2) == '{' {
				end := bytes.IndexByte(s.src[s.pos:], '}')
				if end < 0 {
					s.pos = len(s.src)
					continue
				}
				s.pos += end + 1
				continue
			}
			if next == '\n' {
				s.pos++
				s.newline()
				continue
			}
			if fstr && (next == '{' || next == '}') {
				s.pos++ // the brace still opens or closes a field
				continue
			}
			s.pos += 2
		case c == '\n':
			if !triple {
				s.fail(startLine, unterminated)
				return 0, 0, false
			}
			s.newline()
		case c == q:
			if !triple {
				to = s.pos
				s.pos++
				return from, to, true
			}
			if s.at(s.pos+1) == q && s.at(s.pos+2) == q {
				to = s.pos
				s.pos += 3
				return from, to, true
			}
			s.pos++
		case fstr && c == '{':
			if s.at(s.pos+1) == '{' {
				s.pos += 2
				continue
			}
			s.pos++
			if !s.scanField(startLine) {
				return 0, 0, false
			}
		case fstr && c == '}':
			if s.at(s.pos+1) == '}' {
				s.pos += 2
				continue
			}
			s.fail(s.line, "f-string: single '}' is not allowed")
			return 0, 0, false
		default:
			s.pos++
		}
	}
}

// scanField scans an f-string replacement field after its '{', up to and
// including the matching '}'. Strings inside it may use any quotes.
func (s *pyScanner) scanField(strLine int) bool {
	depth := 0
	for {
		if s.pos >= len(s.src) {
			s.fail(strLine, "f-string: expecting '}'")
			return false
		}
		c := s.src[s.pos]
		switch {
		case c == '\n':
			s.newline()
		case c == '\'' || c == '"':
			if _, _, ok := s.scanString(""); !ok {
				return false
			}
		case isIdentStart(c):
			start := s.pos
			for s.pos < len(s.src) && isIdentChar(s.src[s.pos]) {
				s.pos++
			}
			if q := s.at(s.pos); (q == '\'' || q == '"') && isStringPrefix(string(s.src[start:s.pos])) {
				if _, _, ok := s.scanString(string(s.src[start:s.pos])); !ok {
					return false
				}
			}
		case c == '(' || c == '[' || c == '{':
			depth++
			s.pos++
		case c == ')' || c == ']':
			depth--
			s.pos++
		case c == '}':
			s.pos++
			if depth == 0 {
				return true
			}
			depth--
		case c == ':' && depth == 0:
			s.pos++
			return s.scanFormatSpec(strLine)
		default:
			s.pos++
		}
	}
}

// scanFormatSpec scans the format spec of a replacement field after its ':',
// up to and including the field's closing '}'. Quotes are plain text here.
func (s *pyScanner) scanFormatSpec(strLine int) bool {
	for {
		if s.pos >= len(s.src) {
			s.fail(strLine, "f-string: expecting '}'")
			return false
		}
		switch s.src[s.pos] {
		case '{':
			s.pos++
			if !s.scanField(strLine) {
				return false
			}
		case '}':
			s.pos++
			return true
		case '\n':
			s.newline()
		default:
			s.pos++
		}
	}
}

func closerOf(open byte) byte {
	switch open {
	case '(':
		return ')'
	case '[':
		return ']'
	}
	return '}'
}

func isDigit(c byte) bool { return c >= '0' && c <= '9' }

// isIdentStart reports whether c may start a name. Every non-ASCII byte
// counts as a letter: the file is valid UTF-8, so it belongs to a rune.
func isIdentStart(c byte) bool {
	return c == '_' || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c >= 0x80
}

func isIdentChar(c byte) bool { return isIdentStart(c) || isDigit(c) }

func isStringPrefix(w string) bool {
	switch strings.ToLower(w) {
	case "r", "u", "b", "f", "t", "br", "rb", "fr", "rf", "tr", "rt":
		return true
	}
	return false
}
