package runner

import (
	"encoding/csv"
	"fmt"
	"io"
	"sort"
	"strconv"
	"strings"
)

// csvUnanswered is the verdict cell of a challenge a candidate did not
// answer (its score cell is empty).
const csvUnanswered = "unanswered"

// renderCSV writes one row per candidate: candidate, then "<id> score" and
// "<id> verdict" per challenge, total, max_score, problems, flags. A
// candidate known only from problems (an empty folder) still gets a row.
func renderCSV(w io.Writer, r *Report) error {
	cols := reportColumns(r)
	head := []string{"candidate"}
	for _, c := range cols {
		head = append(head, c.ID+" score", c.ID+" verdict")
	}
	head = append(head, "total", "max_score", "problems", "flags")

	problems := map[string][]string{}
	for _, p := range r.Problems {
		if p.Candidate == "" {
			continue
		}
		where := strings.TrimPrefix(reportWhere(p), p.Candidate)
		where = strings.TrimPrefix(where, "/")
		if where != "" {
			where += ": "
		}
		problems[p.Candidate] = append(problems[p.Candidate], where+p.Message)
	}

	type csvRow struct {
		name  string
		cells []string
	}
	var rows []csvRow
	for ci := range r.Candidates {
		c := &r.Candidates[ci]
		row := []string{csvText(c.Name)}
		var flags []string
		for _, col := range cols {
			o := c.Result(col.ID)
			if o == nil {
				row = append(row, "", csvUnanswered)
				continue
			}
			row = append(row, strconv.Itoa(o.Score), string(o.Verdict))
			for _, f := range o.Flags {
				flags = append(flags, o.Challenge+": "+f)
			}
		}
		max := c.MaxScore
		if max == 0 {
			max = reportMaxScore(r, cols)
		}
		row = append(row, strconv.Itoa(c.Score), strconv.Itoa(max),
			csvText(strings.Join(problems[c.Name], "; ")), csvText(strings.Join(flags, "; ")))
		rows = append(rows, csvRow{c.Name, row})
	}
	for _, name := range reportProblemOnly(r) {
		row := []string{csvText(name)}
		for range cols {
			row = append(row, "", csvUnanswered)
		}
		row = append(row, "0", strconv.Itoa(reportMaxScore(r, cols)), csvText(strings.Join(problems[name], "; ")), "")
		rows = append(rows, csvRow{name, row})
	}
	sort.SliceStable(rows, func(i, j int) bool { return rows[i].name < rows[j].name })

	cw := csv.NewWriter(w)
	if err := cw.Write(head); err != nil {
		return err
	}
	for _, row := range rows {
		if err := cw.Write(row.cells); err != nil {
			return err
		}
	}
	cw.Flush()
	if err := cw.Error(); err != nil {
		return fmt.Errorf("write csv: %w", err)
	}
	return nil
}

// csvText keeps a spreadsheet from running text that came from submissions
// (a folder named "=HYPERLINK(...)"): text that would start a formula gets a
// leading apostrophe, which spreadsheets show as text.
func csvText(s string) string {
	if s != "" && strings.ContainsRune("=+-@\t\r", rune(s[0])) {
		return "'" + s
	}
	return s
}
