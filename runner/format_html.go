package runner

import (
	"fmt"
	"html/template"
	"io"
	"strings"
)

// The HTML report is one self-contained file: inline CSS and SVG, no
// script, no external asset or link, everything escaped by html/template.

type htmlView struct {
	Title       string
	Started     string
	Duration    string
	Interrupted string
	Schema      int
	Candidates  int
	Outcomes    int
	Counts      []htmlCount
	Runtime     htmlRuntime
	Chart       htmlChart
	Columns     []ChallengeInfo
	Rows        []htmlRow
	Flags       []htmlFlag
	Problems    []htmlProblem
	Details     []htmlCandidate
}

type htmlCount struct {
	Verdict Verdict
	Class   string
	N       int
}

type htmlRuntime struct {
	Image, Digest, Short string
	Versions             []string
}

type htmlChart struct {
	Width, Height int
	Label         string
	Bars          []htmlBar
	// LegendY is where the legend row sits.
	LegendY int
}

type htmlBar struct {
	ID, Label, Title string
	Y, TextY         int
	AccY, AvgY       int
	AccW, AvgW       string
	AccText, AvgText string
	AccTextY         int
	AvgTextY         int
}

type htmlRow struct {
	Name   string
	Anchor string
	Cells  []htmlCell
	Total  string
	Flag   bool
}

type htmlCell struct {
	Text   string
	Class  string
	Title  string
	Anchor string
	Flag   bool
}

type htmlFlag struct {
	Where  string
	Anchor string
	Text   string
}

type htmlProblem struct {
	Where, Message string
}

type htmlCandidate struct {
	Name     string
	Anchor   string
	Open     bool // flagged or not all accepted: there is something to read
	Total    string
	Summary  []htmlCell
	Outcomes []htmlOutcome
	Missing  []string
}

type htmlOutcome struct {
	Challenge string
	Anchor    string
	Class     string
	Title     string
	Score     string
	Meta      []string
	Message   string
	Flags     []string
	Tests     []htmlTest
	Output    string
}

type htmlTest struct {
	Name     string
	Hidden   bool
	Outcome  string
	Class    string
	Points   string
	Duration string
	Message  string
}

// htmlClass is the CSS class of a verdict.
func htmlClass(v Verdict) string {
	if v.Valid() {
		return "v-" + string(v)
	}
	return "v-other"
}

// htmlVerdictTitle is how a verdict reads in the page.
func htmlVerdictTitle(v Verdict) string {
	if v == "" {
		return "No verdict"
	}
	return v.Title()
}

func htmlTestClass(outcome string) string {
	switch outcome {
	case Passed, Failed, Skipped:
		return "t-" + outcome
	}
	return "t-error"
}

func htmlMS(ms float64) string {
	if ms < 1000 {
		return fmt.Sprintf("%.0f ms", ms)
	}
	return reportDuration(int64(ms))
}

func newHTMLView(r *Report) *htmlView {
	cols := reportColumns(r)
	v := &htmlView{
		Title:      "ormcheck report",
		Started:    reportStarted(r),
		Duration:   reportDuration(r.DurationMS),
		Schema:     r.Schema,
		Candidates: len(r.Candidates),
		Outcomes:   reportOutcomes(r),
		Columns:    cols,
		Runtime: htmlRuntime{
			Image: r.Runtime.Image, Digest: r.Runtime.Digest, Short: reportDigest(r.Runtime.Digest),
			Versions: reportVersions(r.Runtime, true),
		},
	}
	if v.Started != "" {
		v.Title += " — " + v.Started
	}
	if r.Interrupted {
		v.Interrupted = reportInterrupted
	}
	for _, vc := range reportVerdictCounts(r) {
		v.Counts = append(v.Counts, htmlCount{vc.Verdict, htmlClass(vc.Verdict), vc.N})
	}
	for _, p := range r.Problems {
		v.Problems = append(v.Problems, htmlProblem{reportWhere(p), p.Message})
	}
	v.Chart = newHTMLChart(r, cols)

	for ci := range r.Candidates {
		c := &r.Candidates[ci]
		anchor := fmt.Sprintf("c%d", ci+1)
		max := c.MaxScore
		if max == 0 {
			max = reportMaxScore(r, cols)
		}
		row := htmlRow{Name: c.Name, Anchor: anchor, Total: fmt.Sprintf("%d/%d", c.Score, max)}
		det := htmlCandidate{Name: c.Name, Anchor: anchor, Total: row.Total}
		for coli, col := range cols {
			o := c.Result(col.ID)
			if o == nil {
				row.Cells = append(row.Cells, htmlCell{Text: reportUnanswered, Class: "v-none", Title: "not submitted"})
				det.Missing = append(det.Missing, col.ID)
				continue
			}
			oa := fmt.Sprintf("%s-%d", anchor, coli+1)
			cell := htmlCell{
				Text: strings.TrimSuffix(reportCell(o, col), " !"), Class: htmlClass(o.Verdict),
				Title: htmlVerdictTitle(o.Verdict), Anchor: oa, Flag: len(o.Flags) > 0,
			}
			if cell.Flag {
				cell.Title += " — flagged: " + strings.Join(o.Flags, "; ")
				row.Flag, det.Open = true, true
			}
			if o.Verdict != Accepted {
				det.Open = true
			}
			row.Cells = append(row.Cells, cell)
			for _, f := range o.Flags {
				v.Flags = append(v.Flags, htmlFlag{Where: c.Name + "/" + o.Challenge, Anchor: oa, Text: f})
			}
			det.Outcomes = append(det.Outcomes, newHTMLOutcome(o, col, oa))
		}
		det.Summary = row.Cells
		v.Rows = append(v.Rows, row)
		v.Details = append(v.Details, det)
	}
	return v
}

func newHTMLOutcome(o *Outcome, col ChallengeInfo, anchor string) htmlOutcome {
	h := htmlOutcome{
		Challenge: o.Challenge, Anchor: anchor, Class: htmlClass(o.Verdict), Title: htmlVerdictTitle(o.Verdict),
		Score: fmt.Sprintf("%d/%d", o.Score, reportPoints(o, col)), Message: o.Message, Flags: o.Flags,
		Output: o.Output,
	}
	if o.File != "" {
		h.Meta = append(h.Meta, "file "+o.File)
	}
	h.Meta = append(h.Meta, "ran "+reportDuration(o.DurationMS))
	if o.Cached {
		h.Meta[len(h.Meta)-1] += " (cached)"
	}
	if n := len(o.Tests); n > 0 {
		h.Meta = append(h.Meta, fmt.Sprintf("%d/%d tests passed", o.Passed(), n))
	}
	if o.ChallengeVersion != "" {
		h.Meta = append(h.Meta, "challenge version "+o.ChallengeVersion)
	}
	if o.SolutionSHA256 != "" {
		sum := o.SolutionSHA256
		if len(sum) > 12 {
			sum = sum[:12]
		}
		h.Meta = append(h.Meta, "sha256 "+sum)
	}
	for _, t := range o.Tests {
		name := t.Name
		if name == "" {
			name = t.ID
		}
		h.Tests = append(h.Tests, htmlTest{
			Name: name, Hidden: t.Hidden, Outcome: t.Outcome, Class: htmlTestClass(t.Outcome),
			Points: fmt.Sprintf("%d/%d", t.Points, t.MaxPoints), Duration: htmlMS(t.DurationMS), Message: t.Message,
		})
		if t.Outcome == Skipped && t.DurationMS == 0 {
			h.Tests[len(h.Tests)-1].Duration = "—"
		}
	}
	return h
}

// Chart geometry, in SVG user units.
const (
	htmlChartLabelW = 170 // challenge ids, right-aligned at htmlChartLabelW-10
	htmlChartBarW   = 360
	htmlChartTextW  = 230
	htmlChartRowH   = 44
	htmlChartTop    = 34
)

// newHTMLChart draws, per challenge, the pass rate (the share of submitted
// solutions accepted) and the submitters' average score. In a batch where
// candidates answered different challenges, a missing solution says nothing
// about the challenge, so it is not counted.
func newHTMLChart(r *Report, cols []ChallengeInfo) htmlChart {
	ch := htmlChart{
		Width:   htmlChartLabelW + htmlChartBarW + htmlChartTextW,
		Height:  htmlChartTop + htmlChartRowH*len(cols) + 6,
		LegendY: 14,
		Label:   "Per challenge: share of submitted solutions accepted and their average score",
	}
	for i, col := range cols {
		accepted, score, points, n := 0, 0, 0, 0
		for ci := range r.Candidates {
			o := r.Candidates[ci].Result(col.ID)
			if o == nil {
				continue
			}
			n++
			points += col.Points
			if o.Verdict == Accepted {
				accepted++
			}
			score += o.Score
		}
		acc, avg := 0.0, 0.0
		if n > 0 {
			acc = float64(accepted) / float64(n)
		}
		if points > 0 {
			avg = float64(score) / float64(points)
		}
		y := htmlChartTop + i*htmlChartRowH
		label := col.ID
		if rs := []rune(label); len(rs) > 22 {
			label = string(rs[:21]) + "…"
		}
		title := col.ID
		if col.Title != "" {
			title += " — " + col.Title
		}
		ch.Bars = append(ch.Bars, htmlBar{
			ID: col.ID, Label: label, Title: title,
			Y: y, TextY: y + 22,
			AccY: y + 4, AvgY: y + 21,
			AccTextY: y + 15, AvgTextY: y + 32,
			AccW:    fmt.Sprintf("%.1f", acc*htmlChartBarW),
			AvgW:    fmt.Sprintf("%.1f", avg*htmlChartBarW),
			AccText: fmt.Sprintf("%.0f%% accepted (%d/%d)", acc*100, accepted, n),
			AvgText: fmt.Sprintf("%.0f%% average score", avg*100),
		})
	}
	return ch
}

var htmlTemplate = template.Must(template.New("report").Funcs(template.FuncMap{
	"add": func(a, b int) int { return a + b },
}).Parse(htmlSource))

func renderHTML(w io.Writer, r *Report) error {
	var b strings.Builder
	if err := htmlTemplate.Execute(&b, newHTMLView(r)); err != nil {
		return fmt.Errorf("render html: %w", err)
	}
	_, err := io.WriteString(w, b.String())
	return err
}

const htmlSource = `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="ormcheck">
<title>{{.Title}}</title>
<style>
:root {
  --fg: #1f2328; --muted: #59636e; --bg: #ffffff; --panel: #f6f8fa; --line: #d1d9e0;
  --ok: #1a7f37; --ok-bg: #dafbe1; --bad: #cf222e; --bad-bg: #ffebe9;
  --warn: #9a6700; --warn-bg: #fff8c5; --err: #6e7781; --err-bg: #eaeef2;
  --flag: #cf222e; --flag-bg: #ffebe9; --avg: #0969da;
}
@media (prefers-color-scheme: dark) {
  :root {
    --fg: #e6edf3; --muted: #9198a1; --bg: #0d1117; --panel: #151b23; --line: #3d444d;
    --ok: #3fb950; --ok-bg: #12261e; --bad: #f85149; --bad-bg: #2d1214;
    --warn: #d29922; --warn-bg: #272115; --err: #9198a1; --err-bg: #212830;
    --flag: #ff7b72; --flag-bg: #3c1618; --avg: #4493f8;
  }
}
* { box-sizing: border-box; }
body { margin: 0 auto; max-width: 1100px; padding: 24px; color: var(--fg); background: var(--bg);
  font: 14px/1.5 -apple-system, "Segoe UI", Helvetica, Arial, sans-serif; }
h1 { font-size: 24px; margin: 0 0 12px; }
h2 { font-size: 18px; margin: 32px 0 12px; padding-bottom: 4px; border-bottom: 1px solid var(--line); }
h3 { font-size: 15px; margin: 0 0 6px; }
code, pre, .mono { font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; font-size: 12.5px; }
pre { white-space: pre-wrap; overflow-wrap: anywhere; margin: 0; }
a { color: inherit; }
.banner { padding: 10px 14px; border-radius: 6px; font-weight: 600; color: var(--bad); background: var(--bad-bg); border: 1px solid var(--bad); }
dl.summary { display: grid; grid-template-columns: max-content 1fr; gap: 4px 16px; margin: 0;
  padding: 12px 16px; background: var(--panel); border: 1px solid var(--line); border-radius: 6px; }
dl.summary dt { color: var(--muted); }
dl.summary dd { margin: 0; }
.badge { display: inline-block; padding: 0 8px; border-radius: 10px; font-size: 12px; font-weight: 600; white-space: nowrap; }
.v-accepted { color: var(--ok); background: var(--ok-bg); }
.v-wrong-answer { color: var(--bad); background: var(--bad-bg); }
.v-compile-error, .v-time-limit, .v-memory-limit, .v-output-limit, .v-rejected, .v-other { color: var(--warn); background: var(--warn-bg); }
.v-internal-error { color: var(--err); background: var(--err-bg); }
.v-none { color: var(--muted); }
table { border-collapse: collapse; width: 100%; }
th, td { text-align: left; padding: 6px 10px; border-bottom: 1px solid var(--line); vertical-align: top; }
th { background: var(--panel); font-weight: 600; }
table.grid td.cell { font-weight: 600; white-space: nowrap; }
table.grid td.cell a { text-decoration: none; }
td.total { font-weight: 700; white-space: nowrap; }
.flagmark { color: var(--flag); font-weight: 700; }
ul.flags { list-style: none; padding: 0; margin: 8px 0; }
ul.flags li { padding: 6px 10px; margin: 4px 0; border-left: 4px solid var(--flag); background: var(--flag-bg);
  color: var(--flag); font-weight: 600; border-radius: 0 4px 4px 0; }
ul.problems li { margin: 4px 0; }
details.candidate { border: 1px solid var(--line); border-radius: 6px; margin: 10px 0; }
details.candidate > summary { cursor: pointer; padding: 10px 14px; background: var(--panel); border-radius: 6px; }
details.candidate > summary .name { font-weight: 700; margin-right: 8px; }
details.candidate[open] > summary { border-bottom: 1px solid var(--line); border-radius: 6px 6px 0 0; }
section.outcome { padding: 14px; border-bottom: 1px solid var(--line); }
section.outcome:last-child { border-bottom: 0; }
.meta { color: var(--muted); margin: 0 0 8px; }
pre.message { padding: 8px 10px; background: var(--panel); border-radius: 4px; margin: 8px 0; }
table.tests td.msg { width: 55%; }
.t-passed { color: var(--ok); } .t-failed { color: var(--bad); } .t-error { color: var(--warn); } .t-skipped { color: var(--muted); }
.hidden { color: var(--muted); font-size: 11px; border: 1px solid var(--line); border-radius: 8px; padding: 0 6px; margin-left: 6px; }
details.output { margin-top: 8px; }
details.output pre { padding: 8px 10px; background: var(--panel); border-radius: 4px; max-height: 24em; overflow: auto; }
svg text { fill: var(--fg); font-size: 12px; }
svg .track { fill: var(--panel); stroke: var(--line); }
svg .acc { fill: var(--ok); } svg .avg { fill: var(--avg); }
svg .lbl { font-weight: 600; }
footer { margin-top: 32px; color: var(--muted); font-size: 12px; }
@media print { details.candidate > summary { background: none; } body { max-width: none; } }
</style>
</head>
<body>
<h1>ormcheck report</h1>
{{with .Interrupted}}<p class="banner">{{.}}</p>
{{end -}}
<dl class="summary">
<dt>Candidates</dt><dd>{{.Candidates}} ({{.Outcomes}} solutions graded)</dd>
<dt>Verdicts</dt><dd>{{range $i, $c := .Counts}}{{if $i}} {{end}}<span class="badge {{$c.Class}}">{{$c.N}} {{$c.Verdict}}</span>{{else}}none{{end}}</dd>
<dt>Problems</dt><dd>{{if .Problems}}<a href="#problems">{{len .Problems}}</a>{{else}}none{{end}}</dd>
<dt>Flags</dt><dd>{{if .Flags}}<a href="#flags" class="flagmark">{{len .Flags}}</a>{{else}}none{{end}}</dd>
<dt>Runtime</dt><dd><span class="mono">{{or .Runtime.Image "image unknown"}}</span> <span class="mono" title="{{.Runtime.Digest}}">{{.Runtime.Short}}</span></dd>
<dt>Versions</dt><dd>{{range $i, $v := .Runtime.Versions}}{{if $i}} · {{end}}{{$v}}{{else}}unknown{{end}}</dd>
{{with .Started}}<dt>Started</dt><dd>{{.}}</dd>
{{end -}}
<dt>Duration</dt><dd>{{.Duration}}</dd>
</dl>
{{if .Chart.Bars}}
<h2>Challenges</h2>
<svg width="{{.Chart.Width}}" height="{{.Chart.Height}}" viewBox="0 0 {{.Chart.Width}} {{.Chart.Height}}" role="img" aria-label="{{.Chart.Label}}" style="max-width:100%;height:auto">
<title>{{.Chart.Label}}</title>
<rect class="acc" x="170" y="{{.Chart.LegendY}}" width="10" height="10"/><text x="186" y="{{add .Chart.LegendY 9}}">accepted (share of submissions)</text>
<rect class="avg" x="400" y="{{.Chart.LegendY}}" width="10" height="10"/><text x="416" y="{{add .Chart.LegendY 9}}">average score</text>
{{- range .Chart.Bars}}
<g><title>{{.Title}}</title>
<text class="lbl" x="160" y="{{.TextY}}" text-anchor="end">{{.Label}}</text>
<rect class="track" x="170" y="{{.AccY}}" width="360" height="14"/><rect class="acc" x="170" y="{{.AccY}}" width="{{.AccW}}" height="14"/>
<rect class="track" x="170" y="{{.AvgY}}" width="360" height="14"/><rect class="avg" x="170" y="{{.AvgY}}" width="{{.AvgW}}" height="14"/>
<text x="540" y="{{.AccTextY}}">{{.AccText}}</text>
<text x="540" y="{{.AvgTextY}}">{{.AvgText}}</text>
</g>
{{- end}}
</svg>
{{end}}
<h2>Candidates</h2>
{{if .Rows -}}
<table class="grid">
<thead><tr><th>Candidate</th>{{range .Columns}}<th title="{{.Title}}">{{.ID}}</th>{{end}}<th>Total</th></tr></thead>
<tbody>
{{range .Rows -}}
<tr><td><a href="#{{.Anchor}}">{{.Name}}</a>{{if .Flag}} <span class="flagmark" title="flagged">⚑</span>{{end}}</td>
{{- range .Cells}}<td class="cell"{{with .Title}} title="{{.}}"{{end}}>{{if .Anchor}}<a href="#{{.Anchor}}" class="badge {{.Class}}">{{.Text}}</a>{{if .Flag}} <span class="flagmark">⚑</span>{{end}}{{else}}<span class="{{.Class}}">{{.Text}}</span>{{end}}</td>{{end -}}
<td class="total">{{.Total}}</td></tr>
{{end -}}
</tbody>
</table>
{{- else}}
<p>No solutions graded.</p>
{{- end}}
{{if .Flags}}
<h2 id="flags">Flagged runs</h2>
<ul class="flags">
{{range .Flags}}<li>⚑ <a href="#{{.Anchor}}">{{.Where}}</a>: {{.Text}}</li>
{{end -}}
</ul>
{{end -}}
{{if .Problems}}
<h2 id="problems">Problems</h2>
<ul class="problems">
{{range .Problems}}<li>{{with .Where}}<span class="mono">{{.}}</span>: {{end}}{{.Message}}</li>
{{end -}}
</ul>
{{end -}}
{{if .Details}}
<h2>Details</h2>
{{range .Details -}}
<details class="candidate" id="{{.Anchor}}"{{if .Open}} open{{end}}>
<summary><span class="name">{{.Name}}</span> {{.Total}}{{range .Summary}}{{if .Anchor}} <span class="badge {{.Class}}">{{.Text}}</span>{{if .Flag}}<span class="flagmark">⚑</span>{{end}}{{end}}{{end}}</summary>
{{range .Outcomes -}}
<section class="outcome" id="{{.Anchor}}">
<h3>{{.Challenge}} <span class="badge {{.Class}}">{{.Title}}</span> {{.Score}}</h3>
<p class="meta">{{range $i, $m := .Meta}}{{if $i}} · {{end}}{{$m}}{{end}}</p>
<pre class="message">{{.Message}}</pre>
{{- if .Flags}}
<ul class="flags">
{{range .Flags}}<li>⚑ {{.}}</li>
{{end -}}
</ul>
{{- end}}
{{- if .Tests}}
<table class="tests">
<thead><tr><th>Test</th><th>Outcome</th><th>Points</th><th>Time</th><th>Message</th></tr></thead>
<tbody>
{{range .Tests -}}
<tr><td>{{.Name}}{{if .Hidden}}<span class="hidden">hidden</span>{{end}}</td><td class="{{.Class}}">{{.Outcome}}</td><td>{{.Points}}</td><td>{{.Duration}}</td><td class="msg">{{with .Message}}<pre>{{.}}</pre>{{end}}</td></tr>
{{end -}}
</tbody>
</table>
{{- end}}
{{- if .Output}}
<details class="output"><summary>What the solution printed (last lines)</summary><pre>{{.Output}}</pre></details>
{{- end}}
</section>
{{end -}}
{{with .Missing}}<section class="outcome"><p class="meta">Not submitted: {{range $i, $m := .}}{{if $i}}, {{end}}{{$m}}{{end}}</p></section>
{{end -}}
</details>
{{end -}}
{{end}}
<footer>ormcheck · report schema {{.Schema}} · hidden tests are shown by name and message only</footer>
</body>
</html>
`
