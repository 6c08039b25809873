package runner

import (
	"encoding/xml"
	"fmt"
	"io"
	"strconv"
)

type junitSuites struct {
	XMLName  xml.Name     `xml:"testsuites"`
	Name     string       `xml:"name,attr"`
	Tests    int          `xml:"tests,attr"`
	Failures int          `xml:"failures,attr"`
	Errors   int          `xml:"errors,attr"`
	Skipped  int          `xml:"skipped,attr"`
	Time     string       `xml:"time,attr"`
	Suites   []junitSuite `xml:"testsuite"`
}

type junitSuite struct {
	Name       string           `xml:"name,attr"`
	Tests      int              `xml:"tests,attr"`
	Failures   int              `xml:"failures,attr"`
	Errors     int              `xml:"errors,attr"`
	Skipped    int              `xml:"skipped,attr"`
	Time       string           `xml:"time,attr"`
	Timestamp  string           `xml:"timestamp,attr,omitempty"`
	Properties *junitProperties `xml:"properties,omitempty"`
	Cases      []junitCase      `xml:"testcase"`
	SystemOut  string           `xml:"system-out,omitempty"`
}

type junitProperties struct {
	List []junitProperty `xml:"property"`
}

type junitProperty struct {
	Name  string `xml:"name,attr"`
	Value string `xml:"value,attr"`
}

type junitCase struct {
	Classname string        `xml:"classname,attr"`
	Name      string        `xml:"name,attr"`
	Time      string        `xml:"time,attr"`
	Failure   *junitMessage `xml:"failure,omitempty"`
	Error     *junitMessage `xml:"error,omitempty"`
	Skipped   *junitMessage `xml:"skipped,omitempty"`
}

type junitMessage struct {
	Message string `xml:"message,attr,omitempty"`
	Type    string `xml:"type,attr,omitempty"`
	Text    string `xml:",chardata"`
}

// junitVerdictCase names the testcase that carries an outcome's verdict.
const junitVerdictCase = "verdict"

// junitSeconds writes milliseconds as seconds with 3 decimals.
func junitSeconds(ms float64) string { return strconv.FormatFloat(ms/1000, 'f', 3, 64) }

// junitMsg is a failure/error element: the first line as its message, the
// whole text inside.
func junitMsg(kind, text string) *junitMessage {
	return &junitMessage{Message: reportHeadLine(text, 200), Type: kind, Text: text}
}

// junitNeedsVerdict says whether an outcome needs a "verdict" testcase: it
// has no tests, its verdict is not about tests (compile error, limits,
// rejected, internal error), or it was not accepted though no test says why
// (a wrong answer for tampering with every test passed).
func junitNeedsVerdict(o *Outcome) bool {
	if len(o.Tests) == 0 || (o.Verdict != Accepted && o.Verdict != WrongAnswer) {
		return true
	}
	if o.Verdict == Accepted {
		return false
	}
	for _, t := range o.Tests {
		if t.Outcome == Failed || t.Outcome == Errored || t.Outcome == TimedOut {
			return false
		}
	}
	return true
}

func junitOutcomeSuite(r *Report, candidate string, o *Outcome) junitSuite {
	s := junitSuite{
		Name:      candidate + "/" + o.Challenge,
		Time:      junitSeconds(float64(o.DurationMS)),
		SystemOut: o.Output,
	}
	if !r.Started.IsZero() {
		s.Timestamp = r.Started.UTC().Format("2006-01-02T15:04:05")
	}
	s.Properties = &junitProperties{}
	prop := func(name, value string) {
		s.Properties.List = append(s.Properties.List, junitProperty{name, value})
	}
	prop("verdict", string(o.Verdict))
	prop("score", strconv.Itoa(o.Score))
	prop("max_score", strconv.Itoa(o.MaxScore))
	prop("message", o.Message)
	for _, f := range o.Flags {
		prop("flag", f)
	}
	if o.File != "" {
		prop("file", o.File)
	}
	if o.ChallengeVersion != "" {
		prop("challenge_version", o.ChallengeVersion)
	}
	if o.SolutionSHA256 != "" {
		prop("solution_sha256", o.SolutionSHA256)
	}
	if o.Cached {
		prop("cached", "true")
	}

	class := candidate + "." + o.Challenge
	for _, t := range o.Tests {
		c := junitCase{Classname: class, Name: t.Name, Time: junitSeconds(t.DurationMS)}
		if c.Name == "" {
			c.Name = t.ID
		}
		switch t.Outcome {
		case Passed:
		case Failed:
			c.Failure = junitMsg(t.Outcome, t.Message)
			s.Failures++
		case Skipped:
			c.Skipped = &junitMessage{Message: t.Message}
			s.Skipped++
		default: // error, timeout, anything unknown
			c.Error = junitMsg(t.Outcome, t.Message)
			s.Errors++
		}
		s.Cases = append(s.Cases, c)
	}
	if junitNeedsVerdict(o) {
		c := junitCase{Classname: class, Name: junitVerdictCase, Time: junitSeconds(0)}
		text := fmt.Sprintf("%s: %s", o.Verdict, o.Message)
		switch o.Verdict {
		case Accepted:
		case WrongAnswer:
			c.Failure = junitMsg(string(o.Verdict), text)
			s.Failures++
		default:
			c.Error = junitMsg(string(o.Verdict), text)
			s.Errors++
		}
		s.Cases = append(s.Cases, c)
	}
	s.Tests = len(s.Cases)
	return s
}

// junitProblemSuite turns problems (and an interrupted run) into errors, so
// a CI view shows them too.
func junitProblemSuite(r *Report) (junitSuite, bool) {
	s := junitSuite{Name: "problems", Time: junitSeconds(0)}
	for _, p := range r.Problems {
		name := reportWhere(p)
		if name == "" {
			name = "batch"
		}
		s.Cases = append(s.Cases, junitCase{Classname: "problems", Name: name, Time: junitSeconds(0),
			Error: junitMsg("problem", reportProblem(p))})
	}
	if r.Interrupted {
		s.Cases = append(s.Cases, junitCase{Classname: "problems", Name: "interrupted", Time: junitSeconds(0),
			Error: junitMsg("interrupted", reportInterrupted)})
	}
	s.Tests, s.Errors = len(s.Cases), len(s.Cases)
	return s, len(s.Cases) > 0
}

func renderJUnit(w io.Writer, r *Report) error {
	doc := junitSuites{Name: "ormcheck", Time: junitSeconds(float64(r.DurationMS))}
	for ci := range r.Candidates {
		c := &r.Candidates[ci]
		for oi := range c.Results {
			doc.Suites = append(doc.Suites, junitOutcomeSuite(r, c.Name, &c.Results[oi]))
		}
	}
	if s, ok := junitProblemSuite(r); ok {
		doc.Suites = append(doc.Suites, s)
	}
	for _, s := range doc.Suites {
		doc.Tests += s.Tests
		doc.Failures += s.Failures
		doc.Errors += s.Errors
		doc.Skipped += s.Skipped
	}
	if _, err := io.WriteString(w, xml.Header); err != nil {
		return err
	}
	enc := xml.NewEncoder(w)
	enc.Indent("", "  ")
	if err := enc.Encode(doc); err != nil {
		return fmt.Errorf("write junit: %w", err)
	}
	_, err := io.WriteString(w, "\n")
	return err
}
