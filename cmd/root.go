package cmd

import (
	"errors"
	"fmt"
	"strings"

	"github.com/spf13/cobra"

	"github.com/ormcheck/ormcheck/challenges"
	"github.com/ormcheck/ormcheck/images"
)

// Exit codes (the command-line contract).
const (
	ExitOK          = 0
	ExitNotAccepted = 1
	ExitUsage       = 2
	ExitInternal    = 3
)

// exitError carries an exit code; a nil err means "already reported".
type exitError struct {
	code int
	err  error
}

func (e *exitError) Error() string {
	if e.err == nil {
		return fmt.Sprintf("exit status %d", e.code)
	}
	return e.err.Error()
}

func (e *exitError) Unwrap() error { return e.err }

// usageError is a bad command line or refused input (exit 2).
func usageError(format string, args ...any) error {
	return &exitError{code: ExitUsage, err: fmt.Errorf(format, args...)}
}

// silent exits with code, having printed everything already.
func silent(code int) error { return &exitError{code: code} }

// Main runs the command line args and returns the process exit code.
func Main(args []string, env *Env) int {
	ctx, cancel := env.Context()
	defer cancel()
	root := NewRootCmd(env)
	root.SetArgs(args)
	err := root.ExecuteContext(ctx)
	return exitCode(env, err)
}

func exitCode(env *Env, err error) int {
	if err == nil {
		return ExitOK
	}
	var ee *exitError
	if errors.As(err, &ee) {
		if ee.err != nil {
			fmt.Fprintln(env.IO.ErrOut, "ormcheck: "+ee.err.Error())
		}
		return ee.code
	}
	fmt.Fprintln(env.IO.ErrOut, "ormcheck: "+err.Error())
	// Cobra reports an unknown command with a plain error of its own.
	if strings.HasPrefix(err.Error(), "unknown command ") {
		return ExitUsage
	}
	return ExitInternal
}

// NewRootCmd builds the whole command tree.
func NewRootCmd(env *Env) *cobra.Command {
	root := &cobra.Command{
		Use:   "ormcheck",
		Short: "Check executable answers to SQLAlchemy interview questions",
		Long: `ormcheck grades solution.py files for SQLAlchemy / Flask-SQLAlchemy
challenges by running hidden tests in a locked-down Docker container.

Candidates:    ormcheck challenges · show ID · init ID [DIR] · check ID FILE
Interviewers:  ormcheck grade DIR
CI:            ormcheck verify [ID...]
Setup:         ormcheck image build · ormcheck doctor

Exit codes: 0 every graded solution accepted (verify: every expectation held),
1 at least one not accepted, 2 usage error or refused input, 3 the checker
itself could not work (the message says how to fix it).`,
		SilenceUsage:  true,
		SilenceErrors: true,
	}
	root.SetOut(env.IO.Out)
	root.SetErr(env.IO.ErrOut)
	root.SetFlagErrorFunc(func(c *cobra.Command, err error) error {
		return usageError("%v\nRun '%s --help' for usage.", err, c.CommandPath())
	})
	root.AddCommand(
		NewCmdChallenges(env, nil),
		NewCmdShow(env, nil),
		NewCmdInit(env, nil),
		NewCmdCheck(env, nil),
		NewCmdGrade(env, nil),
		NewCmdVerify(env, nil),
		NewCmdImage(env),
		NewCmdDoctor(env, nil),
	)
	for _, c := range root.Commands() {
		c.Args = wrapArgs(c.Args)
	}
	return root
}

// wrapArgs turns cobra's argument-count errors into usage errors (exit 2).
func wrapArgs(check cobra.PositionalArgs) cobra.PositionalArgs {
	if check == nil {
		return nil
	}
	return func(c *cobra.Command, args []string) error {
		if err := check(c, args); err != nil {
			return usageError("%v\nUsage: %s", err, c.UseLine())
		}
		return nil
	}
}

// catalogFlag is --challenges DIR, shared by every command that reads the catalog.
type catalogFlag struct{ dir string }

func (f *catalogFlag) register(c *cobra.Command) {
	c.Flags().StringVar(&f.dir, "challenges", "", "add or override challenges from `DIR` (same format as the built-in ones)")
}

// load returns the built-in catalog merged with --challenges DIR. A broken
// folder is a usage error listing every problem.
func (f *catalogFlag) load(env *Env) (*challenges.Catalog, error) {
	cat, err := env.Builtin()
	if err != nil {
		return nil, &exitError{code: ExitInternal, err: fmt.Errorf("the built-in catalog is broken: %w", err)}
	}
	if f.dir == "" {
		return cat, nil
	}
	extra, err := challenges.LoadDir(f.dir)
	if err != nil {
		return nil, usageError("--challenges %s:\n%v", f.dir, err)
	}
	return challenges.Merge(cat, extra), nil
}

// find loads the catalog and looks id up in it; an unknown id is a usage
// error naming the closest ids.
func (f *catalogFlag) find(env *Env, id string) (*challenges.Challenge, error) {
	cat, err := f.load(env)
	if err != nil {
		return nil, err
	}
	ch, err := lookup(cat, id)
	if err != nil {
		return nil, usageError("%v", err)
	}
	return ch, nil
}

// lookup finds a challenge or explains which ids exist.
func lookup(cat *challenges.Catalog, id string) (*challenges.Challenge, error) {
	if ch, ok := cat.Get(id); ok {
		return ch, nil
	}
	msg := fmt.Sprintf("unknown challenge %q", id)
	if s := cat.Suggest(id); len(s) > 0 {
		msg += " — did you mean " + strings.Join(s, ", ") + "?"
	} else {
		msg += " — run `ormcheck challenges` to list them"
	}
	return nil, errors.New(msg)
}

func imageTag(env *Env) string {
	if env.Image != "" {
		return env.Image
	}
	return images.Tag()
}
