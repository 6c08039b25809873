package cmd

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strings"
	"time"

	"github.com/spf13/cobra"

	"github.com/ormcheck/ormcheck/images"
	"github.com/ormcheck/ormcheck/runner"
	"github.com/ormcheck/ormcheck/sandbox"
)

// CheckOptions are the options of `ormcheck check`.
type CheckOptions struct {
	Env     *Env
	ID      string
	File    string
	JSON    bool
	Catalog catalogFlag
}

// NewCmdCheck builds `ormcheck check ID FILE [--json]`.
func NewCmdCheck(env *Env, runF func(*CheckOptions) error) *cobra.Command {
	opts := &CheckOptions{Env: env}
	c := &cobra.Command{
		Use:   "check ID FILE [--json]",
		Short: "Grade one solution file against the visible and hidden tests",
		Args:  cobra.ExactArgs(2),
		RunE: func(c *cobra.Command, args []string) error {
			opts.ID, opts.File = args[0], args[1]
			if runF != nil {
				return runF(opts)
			}
			return runCheck(c.Context(), opts)
		},
	}
	c.Flags().BoolVar(&opts.JSON, "json", false, "print one JSON object instead of the report")
	opts.Catalog.register(c)
	return c
}

func runCheck(ctx context.Context, opts *CheckOptions) error {
	cat, err := opts.Catalog.load(opts.Env)
	if err != nil {
		return err
	}
	ch, err := lookup(cat, opts.ID)
	if err != nil {
		return finishCheck(opts, runner.Refused(nil, opts.ID, err.Error()))
	}
	source, err := runner.ReadSolution(opts.File)
	if err != nil {
		return finishCheck(opts, runner.Refused(ch, ch.ID, err.Error()))
	}
	run, closeFn, err := newRunner(ctx, opts.Env, false)
	if err != nil {
		return finishCheck(opts, runner.NotRun(ch, ch.ID, runner.InternalError, "Internal error: "+err.Error()))
	}
	defer closeFn()
	o, err := run.Grade(ctx, ch, source)
	if err != nil {
		return &exitError{code: ExitInternal, err: fmt.Errorf("interrupted: %w", err)}
	}
	o.File = opts.File
	return finishCheck(opts, o)
}

// newRunner connects to the engine and checks the runtime image is there.
// withRuntime also reads the image's package versions (for reports).
func newRunner(ctx context.Context, env *Env, withRuntime bool) (*runner.Runner, func(), error) {
	eng, err := env.Engine(ctx)
	if err != nil {
		return nil, nil, err
	}
	tag := imageTag(env)
	img, err := eng.ImageInspect(ctx, tag)
	if err != nil {
		eng.Close()
		if errors.Is(err, sandbox.ErrImageMissing) {
			return nil, nil, fmt.Errorf("%w: the sandbox image %s is missing — build it with `ormcheck image build` (or `make image`)", sandbox.ErrImageMissing, tag)
		}
		return nil, nil, err
	}
	r := &runner.Runner{
		Sandbox: eng, Image: tag, RunID: fmt.Sprintf("%d", time.Now().UnixNano()),
		Runtime: runner.Runtime{Image: tag, Digest: img.ID, Versions: map[string]string{}},
	}
	if withRuntime {
		info, err := images.Inspect(ctx, eng, tag)
		if err == nil {
			v := info.Versions
			r.Runtime.Versions = map[string]string{"python": v.Python, "sqlalchemy": v.SQLAlchemy, "pytest": v.Pytest,
				"aiosqlite": v.Aiosqlite, "greenlet": v.Greenlet, "flask_sqlalchemy": v.FlaskSQLAlchemy}
		}
	}
	return r, func() { eng.Close() }, nil
}

func finishCheck(opts *CheckOptions, o runner.Outcome) error {
	out := opts.Env.IO.Out
	if opts.JSON {
		enc := json.NewEncoder(out)
		enc.SetIndent("", "  ")
		if err := enc.Encode(checkJSON(o)); err != nil {
			return err
		}
	} else {
		renderOutcome(out, o, newStyle(opts.Env.IO.OutTTY))
	}
	return silent(outcomeExit(o.Verdict))
}

func outcomeExit(v runner.Verdict) int {
	switch v {
	case runner.Accepted:
		return ExitOK
	case runner.Rejected:
		return ExitUsage
	case runner.InternalError:
		return ExitInternal
	}
	return ExitNotAccepted
}

// checkTestJSON is one test as a candidate sees it.
type checkTestJSON struct {
	Name      string  `json:"name"`
	Outcome   string  `json:"outcome"`
	Points    int     `json:"points"`
	MaxPoints int     `json:"max_points"`
	Hidden    bool    `json:"hidden"`
	Message   string  `json:"message"`
	Duration  float64 `json:"duration_ms"`
}

// checkResultJSON is the object `check --json` prints (cli.md, plus extras).
type checkResultJSON struct {
	Challenge  string          `json:"challenge"`
	Verdict    runner.Verdict  `json:"verdict"`
	Score      int             `json:"score"`
	MaxScore   int             `json:"max_score"`
	DurationMS int64           `json:"duration_ms"`
	Tests      []checkTestJSON `json:"tests"`
	Message    string          `json:"message"`
	Flags      []string        `json:"flags,omitempty"`
	Version    string          `json:"challenge_version,omitempty"`
}

func checkJSON(o runner.Outcome) checkResultJSON {
	r := checkResultJSON{
		Challenge: o.Challenge, Verdict: o.Verdict, Score: o.Score, MaxScore: o.MaxScore,
		DurationMS: o.DurationMS, Tests: []checkTestJSON{}, Message: o.Message, Flags: o.Flags,
		Version: o.ChallengeVersion,
	}
	for _, t := range o.Tests {
		r.Tests = append(r.Tests, checkTestJSON{Name: t.Name, Outcome: t.Outcome, Points: t.Points,
			MaxPoints: t.MaxPoints, Hidden: t.Hidden, Message: t.Message, Duration: t.DurationMS})
	}
	return r
}

// renderOutcome prints one graded solution for a person.
func renderOutcome(w io.Writer, o runner.Outcome, st style) {
	head := o.Message
	switch o.Verdict {
	case runner.Accepted:
		head = st.green(head)
	case runner.WrongAnswer:
		head = st.red(head)
	default:
		head = st.yellow(head)
	}
	fmt.Fprintln(w, head)
	if len(o.Tests) == 0 {
		return
	}
	fmt.Fprintf(w, "%s: score %d/%d in %.1f s\n\n", o.Challenge, o.Score, o.MaxScore, float64(o.DurationMS)/1000)
	width := 0
	for _, t := range o.Tests {
		if n := len([]rune(t.Name)); n > width {
			width = n
		}
	}
	for _, t := range o.Tests {
		mark := map[string]string{runner.Passed: st.green("PASS"), runner.Failed: st.red("FAIL"),
			runner.Errored: st.red("ERR "), runner.TimedOut: st.yellow("TIME"), runner.Skipped: st.dim("SKIP")}[t.Outcome]
		vis := "  "
		if t.Hidden {
			vis = st.dim("h ")
		}
		fmt.Fprintf(w, "  %s %s%-*s  %d/%d\n", mark, vis, width, t.Name, t.Points, t.MaxPoints)
		if t.Message != "" && t.Outcome != runner.Passed {
			fmt.Fprintf(w, "         %s\n", t.Message)
		}
	}
	fmt.Fprintln(w, st.dim("\n  h = hidden test: its name and a short message only"))
	if len(o.Flags) > 0 {
		fmt.Fprintln(w, "\nNoticed in this run:")
		for _, f := range o.Flags {
			fmt.Fprintf(w, "  ! %s\n", f)
		}
	}
	if o.Verdict != runner.Accepted && strings.TrimSpace(o.Output) != "" {
		fmt.Fprintln(w, "\nYour solution printed (last lines):")
		lines := strings.Split(strings.TrimRight(o.Output, "\n"), "\n")
		if len(lines) > 15 {
			lines = lines[len(lines)-15:]
		}
		for _, l := range lines {
			fmt.Fprintln(w, "  | "+l)
		}
	}
}
