package cmd

import (
	"context"
	"encoding/json"
	"fmt"
	"runtime"

	"github.com/spf13/cobra"

	"github.com/ormcheck/ormcheck/challenges"
	"github.com/ormcheck/ormcheck/runner"
)

// VerifyOptions are the options of `ormcheck verify`.
type VerifyOptions struct {
	Env     *Env
	IDs     []string
	Jobs    int
	JSON    bool
	Catalog catalogFlag
}

// NewCmdVerify builds `ormcheck verify [ID...]`.
func NewCmdVerify(env *Env, runF func(*VerifyOptions) error) *cobra.Command {
	opts := &VerifyOptions{Env: env}
	c := &cobra.Command{
		Use:   "verify [ID...]",
		Short: "Check every challenge: reference accepted, starter not, each wrong answer its expected verdict",
		Args:  cobra.ArbitraryArgs,
		RunE: func(c *cobra.Command, args []string) error {
			opts.IDs = args
			if runF != nil {
				return runF(opts)
			}
			return runVerify(c.Context(), opts)
		},
	}
	c.Flags().IntVar(&opts.Jobs, "jobs", runtime.NumCPU(), "run at most `N` checks at once")
	c.Flags().BoolVar(&opts.JSON, "json", false, "print every expectation as JSON")
	opts.Catalog.register(c)
	return c
}

func runVerify(ctx context.Context, opts *VerifyOptions) error {
	cat, err := opts.Catalog.load(opts.Env)
	if err != nil {
		return err
	}
	list := cat.List()
	if len(opts.IDs) > 0 {
		list = nil
		for _, id := range opts.IDs {
			ch, err := lookup(cat, id)
			if err != nil {
				return usageError("%v", err)
			}
			list = append(list, ch)
		}
	}
	r, closeFn, err := newRunner(ctx, opts.Env, false)
	if err != nil {
		return &exitError{code: ExitInternal, err: err}
	}
	defer closeFn()
	bar := newProgress(opts.Env.IO.ErrOut, opts.Env.IO.ErrTTY)
	results, err := r.Verify(ctx, list, opts.Jobs, bar)
	bar.Close()
	if err != nil {
		return &exitError{code: ExitInternal, err: err}
	}
	out := opts.Env.IO.Out
	if opts.JSON {
		enc := json.NewEncoder(out)
		enc.SetIndent("", "  ")
		if err := enc.Encode(results); err != nil {
			return err
		}
	} else {
		renderVerify(opts, list, results)
	}
	failed, internal := 0, 0
	for _, e := range results {
		if !e.Held {
			failed++
		}
		if e.Got == runner.InternalError {
			internal++
		}
	}
	switch {
	case internal > 0:
		return &exitError{code: ExitInternal, err: fmt.Errorf("%d checks hit an internal error — run `ormcheck doctor`", internal)}
	case failed > 0:
		return silent(ExitNotAccepted)
	}
	return nil
}

func renderVerify(opts *VerifyOptions, list []*challenges.Challenge, results []runner.Expectation) {
	out := opts.Env.IO.Out
	st := newStyle(opts.Env.IO.OutTTY)
	total, failed := 0, 0
	for _, ch := range list {
		var mine []runner.Expectation
		bad := 0
		for _, e := range results {
			if e.Challenge == ch.ID {
				mine = append(mine, e)
				if !e.Held {
					bad++
				}
			}
		}
		total += len(mine)
		failed += bad
		mark := st.green("ok  ")
		if bad > 0 {
			mark = st.red("FAIL")
		}
		fmt.Fprintf(out, "%s %-24s %d checks: reference, starter, %d wrong answers, %d variants\n", mark, ch.ID, len(mine), len(ch.Wrong), len(ch.Variants))
		for _, e := range mine {
			if e.Held {
				continue
			}
			want := string(e.Want)
			if e.Label == "starter" {
				want = "anything but accepted"
			}
			fmt.Fprintf(out, "     %s: want %s, got %s — %s\n", e.Label, want, e.Got, e.Message)
			if e.Why != "" {
				fmt.Fprintf(out, "       (%s)\n", e.Why)
			}
		}
	}
	if failed == 0 {
		fmt.Fprintf(out, "\nall %d expectations held across %s\n", total, plural(len(list), "challenge"))
	} else {
		fmt.Fprintf(out, "\n%d of %d expectations failed\n", failed, total)
	}
}
