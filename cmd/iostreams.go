package cmd

import (
	"bytes"
	"context"
	"io"
	"os"
	"os/signal"
	"syscall"

	"github.com/ormcheck/ormcheck/challenges"
	"github.com/ormcheck/ormcheck/sandbox"
)

// IO is where a command reads and writes.
type IO struct {
	In     io.Reader
	Out    io.Writer
	ErrOut io.Writer
	// OutTTY and ErrTTY say whether Out and ErrOut are terminals.
	OutTTY, ErrTTY bool
}

// Env is what commands depend on; tests replace parts of it.
type Env struct {
	IO *IO
	// Engine connects to the Docker engine.
	Engine func(ctx context.Context) (*sandbox.Engine, error)
	// Builtin returns the embedded catalog.
	Builtin func() (*challenges.Catalog, error)
	// Context is the root context (cancelled by Ctrl-C in the real program).
	Context func() (context.Context, context.CancelFunc)
	// Image overrides the runtime image tag (tests; empty = images.Tag()).
	Image string
}

// System is the real environment: the process's streams, the engine named
// by DOCKER_HOST, the embedded catalog, and a context cancelled by SIGINT or
// SIGTERM.
func System() *Env {
	return &Env{
		IO: &IO{
			In: os.Stdin, Out: os.Stdout, ErrOut: os.Stderr,
			OutTTY: isTerminal(os.Stdout), ErrTTY: isTerminal(os.Stderr),
		},
		Engine:  sandbox.New,
		Builtin: challenges.Builtin,
		Context: func() (context.Context, context.CancelFunc) {
			ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
			// After the first Ctrl-C the run winds down (containers are
			// removed, the report is written); a second one quits at once.
			go func() {
				<-ctx.Done()
				stop()
			}()
			return ctx, stop
		},
	}
}

// TestEnv returns an environment writing to buffers, for tests.
func TestEnv() (*Env, *bytes.Buffer, *bytes.Buffer) {
	var out, errOut bytes.Buffer
	env := System()
	env.IO = &IO{In: bytes.NewReader(nil), Out: &out, ErrOut: &errOut}
	return env, &out, &errOut
}

func isTerminal(f *os.File) bool {
	st, err := f.Stat()
	return err == nil && st.Mode()&os.ModeCharDevice != 0
}
