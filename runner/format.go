package runner

import (
	"fmt"
	"io"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Formats lists the --format values in help order.
var Formats = []string{"table", "json", "csv", "junit", "html", "gradescope"}

// RenderOptions tune how a report is rendered.
type RenderOptions struct {
	// Color turns on ANSI colours in the table (for a terminal).
	Color bool
}

// Render writes r in format to w. For "gradescope" it writes one JSON object
// mapping "<candidate>/<challenge>" to that submission's results.json, so
// that -o FILE works; RenderGradescope writes the per-submission files.
func Render(w io.Writer, r *Report, format string, opts RenderOptions) error {
	if r == nil {
		return fmt.Errorf("render %s: no report", format)
	}
	switch format {
	case "table":
		return renderTable(w, r, opts)
	case "json":
		return renderJSON(w, r)
	case "csv":
		return renderCSV(w, r)
	case "junit":
		return renderJUnit(w, r)
	case "html":
		return renderHTML(w, r)
	case "gradescope":
		return renderGradescopeAll(w, r)
	}
	return fmt.Errorf("unknown format %q: use one of %s", format, strings.Join(Formats, ", "))
}

// reportColumns are the challenge columns of r: r.Challenges, then any
// challenge an outcome names that is not among them (so nothing graded is
// ever left out of a report).
func reportColumns(r *Report) []ChallengeInfo {
	cols := append([]ChallengeInfo(nil), r.Challenges...)
	seen := map[string]bool{}
	for _, c := range cols {
		seen[c.ID] = true
	}
	var extra []ChallengeInfo
	for _, c := range r.Candidates {
		for _, o := range c.Results {
			if !seen[o.Challenge] {
				seen[o.Challenge] = true
				extra = append(extra, ChallengeInfo{ID: o.Challenge, Points: o.MaxScore, Version: o.ChallengeVersion})
			}
		}
	}
	sort.Slice(extra, func(i, j int) bool { return extra[i].ID < extra[j].ID })
	return append(cols, extra...)
}

// reportPoints is what an outcome was out of: its own maximum, or the
// column's points when the outcome carries none (refused before loading).
func reportPoints(o *Outcome, col ChallengeInfo) int {
	if o.MaxScore > 0 {
		return o.MaxScore
	}
	return col.Points
}

// reportMark is the short mark of a verdict in tables; "" for accepted.
func reportMark(v Verdict) string {
	switch v {
	case Accepted:
		return ""
	case WrongAnswer:
		return "WA"
	case CompileError:
		return "CE"
	case TimeLimit:
		return "TLE"
	case MemoryLimit:
		return "MLE"
	case OutputLimit:
		return "OLE"
	case Rejected:
		return "REJ"
	case InternalError:
		return "ERR"
	}
	return strings.ToUpper(string(v))
}

// reportCell is a candidate × challenge cell: "7/10 WA", "10/10", with " !"
// when the run carries flags.
func reportCell(o *Outcome, col ChallengeInfo) string {
	s := fmt.Sprintf("%d/%d", o.Score, reportPoints(o, col))
	if m := reportMark(o.Verdict); m != "" {
		s += " " + m
	}
	if len(o.Flags) > 0 {
		s += " !"
	}
	return s
}

// reportUnanswered fills the cell of a challenge a candidate did not answer.
const reportUnanswered = "—"

type reportCount struct {
	Verdict Verdict
	N       int
}

// reportVerdictCounts are the non-zero verdict counts in report order, then
// any verdict outside the contract by name. Without r.Verdicts they are
// counted from the outcomes.
func reportVerdictCounts(r *Report) []reportCount {
	counts := r.Verdicts
	if len(counts) == 0 {
		counts = map[Verdict]int{}
		for _, c := range r.Candidates {
			for _, o := range c.Results {
				counts[o.Verdict]++
			}
		}
	}
	var out []reportCount
	for _, v := range Verdicts {
		if counts[v] > 0 {
			out = append(out, reportCount{v, counts[v]})
		}
	}
	var other []reportCount
	for v, n := range counts {
		if !v.Valid() && n > 0 {
			other = append(other, reportCount{v, n})
		}
	}
	sort.Slice(other, func(i, j int) bool { return other[i].Verdict < other[j].Verdict })
	return append(out, other...)
}

// reportOutcomes counts the outcomes of r.
func reportOutcomes(r *Report) int {
	n := 0
	for _, c := range r.Candidates {
		n += len(c.Results)
	}
	return n
}

// reportDuration writes milliseconds for people: "0.4s", "12.3s", "4m07s",
// "1h02m03s".
func reportDuration(ms int64) string {
	if ms < 0 {
		ms = 0
	}
	if ms < 60_000 {
		return fmt.Sprintf("%.1fs", float64(ms)/1000)
	}
	s := (ms + 500) / 1000
	if s < 3600 {
		return fmt.Sprintf("%dm%02ds", s/60, s%60)
	}
	return fmt.Sprintf("%dh%02dm%02ds", s/3600, s/60%60, s%60)
}

// reportStarted is when the batch began, in the report's own time zone.
func reportStarted(r *Report) string {
	if r.Started.IsZero() {
		return ""
	}
	return r.Started.Format("2006-01-02 15:04:05 MST")
}

// reportDigest shortens "sha256:<64 hex>" to "sha256:<12 hex>".
func reportDigest(d string) string {
	if d == "" {
		return "digest unknown"
	}
	algo, hex, ok := strings.Cut(d, ":")
	if !ok {
		algo, hex = "", d
	}
	if len(hex) > 12 {
		hex = hex[:12]
	}
	if algo == "" {
		return hex
	}
	return algo + ":" + hex
}

// reportVersionNames spell the runtime's packages, in display order.
var reportVersionNames = []struct{ key, name string }{
	{"python", "Python"},
	{"sqlalchemy", "SQLAlchemy"},
	{"pytest", "pytest"},
	{"aiosqlite", "aiosqlite"},
	{"greenlet", "greenlet"},
	{"flask_sqlalchemy", "Flask-SQLAlchemy"},
}

// reportVersions lists "Python 3.12.8", "SQLAlchemy 2.0.36"... Python and
// SQLAlchemy only unless all; with all, packages it does not know follow by
// name.
func reportVersions(rt Runtime, all bool) []string {
	var out []string
	known := map[string]bool{}
	for i, p := range reportVersionNames {
		known[p.key] = true
		if !all && i >= 2 {
			continue
		}
		if v := rt.Versions[p.key]; v != "" {
			out = append(out, p.name+" "+v)
		}
	}
	if !all {
		return out
	}
	var rest []string
	for k, v := range rt.Versions {
		if !known[k] && v != "" {
			rest = append(rest, k+" "+v)
		}
	}
	sort.Strings(rest)
	return append(out, rest...)
}

// reportWhere names where a problem is: "bob/notes.txt", "bob", "notes.txt";
// "" for a problem of the whole batch.
func reportWhere(p Problem) string {
	switch {
	case p.Candidate != "" && p.File != "":
		if strings.HasPrefix(p.File, p.Candidate+"/") {
			return p.File
		}
		return p.Candidate + "/" + p.File
	case p.Candidate != "":
		return p.Candidate
	case p.File != "":
		return p.File
	}
	return ""
}

// reportProblem is a problem on one line: "bob/notes.txt: names no challenge".
func reportProblem(p Problem) string {
	if w := reportWhere(p); w != "" {
		return w + ": " + p.Message
	}
	return p.Message
}

// reportProblemOnly are the candidates that appear only in problems (an
// empty folder, nothing but unusable files), by name.
func reportProblemOnly(r *Report) []string {
	seen := map[string]bool{}
	for _, c := range r.Candidates {
		seen[c.Name] = true
	}
	var out []string
	for _, p := range r.Problems {
		if p.Candidate != "" && !seen[p.Candidate] {
			seen[p.Candidate] = true
			out = append(out, p.Candidate)
		}
	}
	sort.Strings(out)
	return out
}

// reportMaxScore is what a candidate row is out of.
func reportMaxScore(r *Report, cols []ChallengeInfo) int {
	n := 0
	for _, c := range cols {
		n += c.Points
	}
	return n
}

// reportHeadLine is the first non-empty line of s, cut to max runes.
func reportHeadLine(s string, max int) string {
	s = strings.TrimSpace(s)
	if i := strings.IndexByte(s, '\n'); i >= 0 {
		s = strings.TrimSpace(s[:i]) + " …"
	}
	if utf8.RuneCountInString(s) > max {
		s = string([]rune(s)[:max-1]) + "…"
	}
	return s
}

// reportInterrupted is said wherever a report of an interrupted run is read.
const reportInterrupted = "INTERRUPTED: the run was stopped before every job finished; solutions not graded are missing from this report."

// termSafe makes text from submissions harmless on a terminal: control
// characters (escape sequences, carriage returns) and bidirectional
// overrides are shown escaped instead of acting on the terminal.
func termSafe(s string) string {
	ok := true
	for _, r := range s {
		if termUnsafe(r) {
			ok = false
			break
		}
	}
	if ok {
		return s
	}
	var b strings.Builder
	for _, r := range s {
		switch {
		case r == '\n':
			b.WriteString(`\n`)
		case r == '\t':
			b.WriteByte(' ')
		case termUnsafe(r):
			if r < 0x100 {
				fmt.Fprintf(&b, `\x%02x`, r)
			} else {
				fmt.Fprintf(&b, `\u%04x`, r)
			}
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}

func termUnsafe(r rune) bool {
	return r < 0x20 || (r >= 0x7f && r < 0xa0) || r == utf8.RuneError ||
		(r >= 0x202a && r <= 0x202e) || (r >= 0x2066 && r <= 0x2069) || r == 0x200e || r == 0x200f
}

// textWidth is how many terminal columns s takes: combining marks and
// zero-width characters none, East Asian wide characters and emoji two.
func textWidth(s string) int {
	n := 0
	for _, r := range s {
		switch {
		case r == 0x200b || r == 0x200c || r == 0x200d || r == 0xfeff || (r >= 0xfe00 && r <= 0xfe0f):
		case unicode.Is(unicode.Mn, r) || unicode.Is(unicode.Me, r):
		case wideRune(r):
			n += 2
		default:
			n++
		}
	}
	return n
}

func wideRune(r rune) bool {
	return (r >= 0x1100 && r <= 0x115f) ||
		(r >= 0x2e80 && r <= 0xa4cf && r != 0x303f) ||
		(r >= 0xac00 && r <= 0xd7a3) ||
		(r >= 0xf900 && r <= 0xfaff) ||
		(r >= 0xfe30 && r <= 0xfe4f) ||
		(r >= 0xff00 && r <= 0xff60) ||
		(r >= 0xffe0 && r <= 0xffe6) ||
		(r >= 0x1f300 && r <= 0x1f64f) ||
		(r >= 0x1f900 && r <= 0x1f9ff) ||
		(r >= 0x20000 && r <= 0x3fffd)
}
