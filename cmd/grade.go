package cmd

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"time"

	"github.com/spf13/cobra"

	"github.com/ormcheck/ormcheck/runner"
)

// GradeOptions are the options of `ormcheck grade`.
type GradeOptions struct {
	Env      *Env
	Dir      string
	Format   string
	Output   string
	Jobs     int
	NoCache  bool
	CacheDir string
	Catalog  catalogFlag
}

// NewCmdGrade builds `ormcheck grade DIR [--format F] [-o OUT] [--jobs N]`.
func NewCmdGrade(env *Env, runF func(*GradeOptions) error) *cobra.Command {
	opts := &GradeOptions{Env: env}
	c := &cobra.Command{
		Use:   "grade DIR [--format F] [-o OUT] [--jobs N]",
		Short: "Grade every candidate under DIR in parallel and write one report",
		Long: `Grade every candidate under DIR in parallel and write one report.

DIR holds one folder per candidate and one file per answered challenge:
DIR/<candidate>/<challenge-id>.py. Files that name no challenge, empty folders
and unreadable files are listed in the report, never silently skipped.

Results are cached by the solution's content, the challenge's version and the
sandbox image's digest, so re-running regrades only what changed. Ctrl-C stops
the run, removes every container and still writes the report for what finished.`,
		Args: cobra.ExactArgs(1),
		RunE: func(c *cobra.Command, args []string) error {
			opts.Dir = args[0]
			if runF != nil {
				return runF(opts)
			}
			return runGrade(c.Context(), opts)
		},
	}
	c.Flags().StringVar(&opts.Format, "format", "table", "report format: "+strings.Join(runner.Formats, ", "))
	c.Flags().StringVarP(&opts.Output, "output", "o", "", "write the report to `FILE` (gradescope: a folder gets one results.json per submission)")
	c.Flags().IntVar(&opts.Jobs, "jobs", runtime.NumCPU(), "grade at most `N` solutions at once")
	c.Flags().BoolVar(&opts.NoCache, "no-cache", false, "regrade everything, ignoring cached results")
	c.Flags().StringVar(&opts.CacheDir, "cache-dir", "", "where results are cached (default: the user cache folder)")
	opts.Catalog.register(c)
	return c
}

func runGrade(ctx context.Context, opts *GradeOptions) error {
	if !slices.Contains(runner.Formats, opts.Format) {
		return usageError("unknown --format %q: use one of %s", opts.Format, strings.Join(runner.Formats, ", "))
	}
	if opts.Jobs < 1 {
		return usageError("--jobs must be at least 1")
	}
	cat, err := opts.Catalog.load(opts.Env)
	if err != nil {
		return err
	}
	jobs, problems, err := runner.PlanGrade(opts.Dir, cat)
	if err != nil {
		return usageError("%v", err)
	}
	r, closeFn, err := newRunner(ctx, opts.Env, true)
	if err != nil {
		return &exitError{code: ExitInternal, err: err}
	}
	defer closeFn()
	if !opts.NoCache {
		dir := opts.CacheDir
		if dir == "" {
			if dir, err = runner.DefaultCacheDir(); err != nil {
				return &exitError{code: ExitInternal, err: fmt.Errorf("no cache folder (%v): use --cache-dir or --no-cache", err)}
			}
		}
		r.Cache = &runner.Cache{Dir: dir}
	}

	started := time.Now()
	bar := newProgress(opts.Env.IO.ErrOut, opts.Env.IO.ErrTTY)
	outcomes, done := r.RunAll(ctx, jobs, opts.Jobs, bar)
	bar.Close()

	var finished []runner.Outcome
	for i := range jobs {
		if done[i] {
			finished = append(finished, outcomes[i])
		}
	}
	report := runner.NewReport(runner.Columns(jobs), finished, problems)
	report.Started = started.UTC().Truncate(time.Second)
	report.DurationMS = time.Since(started).Milliseconds()
	report.Runtime = r.Runtime
	if len(finished) < len(jobs) {
		report.Interrupted = true
		report.Problems = append(report.Problems, runner.Problem{Message: fmt.Sprintf("interrupted: %d of %d solutions were not graded", len(jobs)-len(finished), len(jobs))})
	}
	if err := writeReport(opts, report); err != nil {
		return &exitError{code: ExitInternal, err: err}
	}

	switch {
	case report.Interrupted:
		return &exitError{code: ExitInternal, err: fmt.Errorf("interrupted: the report covers %d of %d solutions", len(finished), len(jobs))}
	case report.Verdicts[runner.InternalError] > 0:
		return &exitError{code: ExitInternal, err: fmt.Errorf("%d solutions could not be graded because of an internal error — run `ormcheck doctor`", report.Verdicts[runner.InternalError])}
	case len(jobs) == 0:
		return usageError("no solutions found under %s: expected DIR/<candidate>/<challenge-id>.py", opts.Dir)
	case !report.AllAccepted():
		return silent(ExitNotAccepted)
	}
	return nil
}

// writeReport renders the report to -o (atomically) or stdout.
func writeReport(opts *GradeOptions, report *runner.Report) error {
	if opts.Format == "gradescope" && opts.Output != "" {
		if st, err := os.Stat(opts.Output); err == nil && st.IsDir() {
			paths, err := runner.RenderGradescope(opts.Output, report)
			if err != nil {
				return err
			}
			fmt.Fprintf(opts.Env.IO.ErrOut, "wrote %d results.json files under %s\n", len(paths), opts.Output)
			return nil
		}
	}
	var buf bytes.Buffer
	color := opts.Output == "" && opts.Env.IO.OutTTY
	if err := runner.Render(&buf, report, opts.Format, runner.RenderOptions{Color: color}); err != nil {
		return err
	}
	if opts.Output == "" {
		_, err := opts.Env.IO.Out.Write(buf.Bytes())
		return err
	}
	if err := writeFileAtomic(opts.Output, buf.Bytes()); err != nil {
		return err
	}
	fmt.Fprintf(opts.Env.IO.ErrOut, "wrote %s\n", opts.Output)
	return nil
}

func writeFileAtomic(path string, data []byte) error {
	dir := filepath.Dir(path)
	tmp, err := os.CreateTemp(dir, ".ormcheck-*")
	if err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	_, werr := tmp.Write(data)
	cerr := tmp.Close()
	if err := errors.Join(werr, cerr); err != nil {
		os.Remove(tmp.Name())
		return fmt.Errorf("write %s: %w", path, err)
	}
	if err := os.Chmod(tmp.Name(), 0o644); err != nil {
		os.Remove(tmp.Name())
		return err
	}
	if err := os.Rename(tmp.Name(), path); err != nil {
		os.Remove(tmp.Name())
		return fmt.Errorf("write %s: %w", path, err)
	}
	return nil
}
