package runner

import (
	"fmt"
	"io"
	"strings"
)

// tableStyle colours table text when on.
type tableStyle struct{ on bool }

func (s tableStyle) wrap(code, text string) string {
	if !s.on || text == "" {
		return text
	}
	return "\x1b[" + code + "m" + text + "\x1b[0m"
}

// verdict colours a cell or count by verdict: green accepted, red wrong
// answer, yellow every other verdict.
func (s tableStyle) verdict(v Verdict, text string) string {
	switch v {
	case Accepted:
		return s.wrap("32", text)
	case WrongAnswer:
		return s.wrap("31", text)
	}
	return s.wrap("33", text)
}

// tableCell is one cell: its plain text (for width) and how it is shown.
type tableCell struct {
	text  string
	shown string
}

// tableMarkWords explain the marks in the key line.
var tableMarkWords = []struct{ mark, words string }{
	{"WA", "wrong answer"},
	{"CE", "compile error"},
	{"TLE", "time limit exceeded"},
	{"MLE", "memory limit exceeded"},
	{"OLE", "output limit exceeded"},
	{"REJ", "rejected"},
	{"ERR", "internal error"},
	{"!", "flagged (see below)"},
	{reportUnanswered, "not submitted"},
}

func renderTable(w io.Writer, r *Report, opts RenderOptions) error {
	st := tableStyle{on: opts.Color}
	cols := reportColumns(r)
	var b strings.Builder

	if r.Interrupted {
		fmt.Fprintln(&b, st.wrap("1;31", reportInterrupted))
		fmt.Fprintln(&b)
	}

	used := map[string]bool{}
	head := []tableCell{{text: "CANDIDATE"}}
	for _, c := range cols {
		head = append(head, tableCell{text: termSafe(c.ID)})
	}
	head = append(head, tableCell{text: "TOTAL"})
	for i := range head {
		head[i].shown = st.wrap("1", head[i].text)
	}
	rows := [][]tableCell{head}
	for ci := range r.Candidates {
		c := &r.Candidates[ci]
		row := []tableCell{{text: termSafe(c.Name), shown: termSafe(c.Name)}}
		for _, col := range cols {
			o := c.Result(col.ID)
			if o == nil {
				used[reportUnanswered] = true
				row = append(row, tableCell{text: reportUnanswered, shown: st.wrap("2", reportUnanswered)})
				continue
			}
			used[reportMark(o.Verdict)] = true
			if len(o.Flags) > 0 {
				used["!"] = true
			}
			text := reportCell(o, col)
			shown := st.verdict(o.Verdict, strings.TrimSuffix(text, " !"))
			if len(o.Flags) > 0 {
				shown += " " + st.wrap("1;31", "!")
			}
			row = append(row, tableCell{text: text, shown: shown})
		}
		max := c.MaxScore
		if max == 0 {
			max = reportMaxScore(r, cols)
		}
		total := fmt.Sprintf("%d/%d", c.Score, max)
		row = append(row, tableCell{text: total, shown: st.wrap("1", total)})
		rows = append(rows, row)
	}
	writeTableRows(&b, rows)
	if len(r.Candidates) == 0 {
		fmt.Fprintln(&b, "(no solutions graded)")
	}

	var key []string
	for _, m := range tableMarkWords {
		if used[m.mark] {
			key = append(key, m.mark+" "+m.words)
		}
	}
	if len(key) > 0 {
		fmt.Fprintln(&b, st.wrap("2", "key: "+strings.Join(key, " · ")))
	}

	var notes []string
	for _, c := range r.Candidates {
		for _, o := range c.Results {
			for _, f := range o.Flags {
				notes = append(notes, st.wrap("31", termSafe(fmt.Sprintf("! %s/%s: %s", c.Name, o.Challenge, f))))
			}
		}
	}
	for _, p := range r.Problems {
		notes = append(notes, st.wrap("33", termSafe("? "+reportProblem(p))))
	}
	if len(notes) > 0 {
		fmt.Fprintln(&b)
		for _, n := range notes {
			fmt.Fprintln(&b, n)
		}
	}

	fmt.Fprintln(&b)
	fmt.Fprintln(&b, tableSummary(r, st))
	rt := []string{"runtime " + termSafe(r.Runtime.Image)}
	if r.Runtime.Image == "" {
		rt[0] = "runtime image unknown"
	}
	rt[0] += " (" + termSafe(reportDigest(r.Runtime.Digest)) + ")"
	for _, v := range reportVersions(r.Runtime, false) {
		rt = append(rt, termSafe(v))
	}
	fmt.Fprintln(&b, st.wrap("2", strings.Join(rt, " · ")))
	_, err := io.WriteString(w, b.String())
	return err
}

// tableSummary is the line of counts, start and duration.
func tableSummary(r *Report, st tableStyle) string {
	s := fmt.Sprintf("%s, %s", reportCountOf(len(r.Candidates), "candidate", "candidates"), reportCountOf(reportOutcomes(r), "solution", "solutions"))
	var counts []string
	for _, vc := range reportVerdictCounts(r) {
		counts = append(counts, st.verdict(vc.Verdict, fmt.Sprintf("%d %s", vc.N, termSafe(string(vc.Verdict)))))
	}
	if len(counts) > 0 {
		s += ": " + strings.Join(counts, ", ")
	}
	if len(r.Problems) > 0 {
		s += "; " + st.wrap("33", reportCountOf(len(r.Problems), "problem", "problems"))
	}
	if started := reportStarted(r); started != "" {
		s += "; started " + started
	}
	s += ", took " + reportDuration(r.DurationMS)
	return s
}

// writeTableRows pads every column but the last to its widest cell.
func writeTableRows(b *strings.Builder, rows [][]tableCell) {
	var widths []int
	for _, row := range rows {
		for i, c := range row {
			if i >= len(widths) {
				widths = append(widths, 0)
			}
			if n := textWidth(c.text); n > widths[i] {
				widths[i] = n
			}
		}
	}
	for _, row := range rows {
		for i, c := range row {
			b.WriteString(c.shown)
			if i < len(row)-1 {
				b.WriteString(strings.Repeat(" ", widths[i]-textWidth(c.text)+2))
			}
		}
		b.WriteByte('\n')
	}
}

func reportCountOf(n int, one, many string) string {
	if n == 1 {
		return fmt.Sprintf("%d %s", n, one)
	}
	return fmt.Sprintf("%d %s", n, many)
}
