package cmd

import (
	"context"
	"errors"
	"fmt"
	"os"
	"os/exec"

	"github.com/spf13/cobra"

	"github.com/ormcheck/ormcheck/images"
	"github.com/ormcheck/ormcheck/sandbox"
)

// DoctorOptions are the options of `ormcheck doctor`.
type DoctorOptions struct {
	Env   *Env
	Clean bool
}

// NewCmdDoctor builds `ormcheck doctor [--clean]`.
func NewCmdDoctor(env *Env, runF func(*DoctorOptions) error) *cobra.Command {
	opts := &DoctorOptions{Env: env}
	c := &cobra.Command{
		Use:   "doctor [--clean]",
		Short: "Say what is missing to grade and the command that fixes it",
		Args:  cobra.NoArgs,
		RunE: func(c *cobra.Command, args []string) error {
			if runF != nil {
				return runF(opts)
			}
			return runDoctor(c.Context(), opts)
		},
	}
	c.Flags().BoolVar(&opts.Clean, "clean", false, "remove containers left behind by a crashed run")
	return c
}

func runDoctor(ctx context.Context, opts *DoctorOptions) error {
	out := opts.Env.IO.Out
	st := newStyle(opts.Env.IO.OutTTY)
	ok := func(format string, args ...any) {
		fmt.Fprintf(out, "%s %s\n", st.green("ok  "), fmt.Sprintf(format, args...))
	}
	bad := func(fix, format string, args ...any) {
		fmt.Fprintf(out, "%s %s\n", st.red("FIX "), fmt.Sprintf(format, args...))
		fmt.Fprintf(out, "     → %s\n", fix)
	}
	ready := true

	eng, err := opts.Env.Engine(ctx)
	if err != nil {
		bad("start the Docker daemon (e.g. `systemctl start docker`) or set DOCKER_HOST", "Docker engine: %v", err)
		return silent(ExitInternal)
	}
	defer eng.Close()
	info, err := eng.Info(ctx)
	if err != nil {
		bad("start the Docker daemon or set DOCKER_HOST", "Docker engine: %v", err)
		return silent(ExitInternal)
	}
	ok("Docker engine %s at %s (API %s, cgroup v%s)", info.ServerVersion, info.Host, info.APIVersion, info.CgroupVersion)

	tag := imageTag(opts.Env)
	img, err := images.Inspect(ctx, eng, tag)
	switch {
	case errors.Is(err, sandbox.ErrImageMissing):
		ready = false
		bad("ormcheck image build   (or: make image)", "sandbox image %s is missing", tag)
		if _, lerr := exec.LookPath("debootstrap"); lerr != nil {
			bad("apt-get install -y debootstrap", "debootstrap is not installed (needed to build the image offline)")
		} else {
			ok("debootstrap is installed")
		}
		if os.Geteuid() != 0 {
			bad("run the image build as root: sudo ormcheck image build", "not running as root (debootstrap needs root)")
		}
	case err != nil:
		ready = false
		bad("ormcheck image build --force", "sandbox image %s: %v", tag, err)
	default:
		v := img.Versions
		ok("sandbox image %s (%.19s): Python %s, SQLAlchemy %s, pytest %s, aiosqlite %s", tag, img.Digest, v.Python, v.SQLAlchemy, v.Pytest, v.Aiosqlite)
	}

	n, err := eng.Leftovers(ctx, sandbox.Scope{})
	switch {
	case err != nil:
		bad("check the Docker engine", "list containers: %v", err)
		ready = false
	case n > 0 && opts.Clean:
		removed, err := eng.RemoveLeftovers(ctx, sandbox.Scope{})
		if err != nil {
			bad("docker rm -f $(docker ps -aq --filter label=ormcheck)", "removed %d of %d leftover containers: %v", removed, n, err)
			ready = false
		} else {
			ok("removed %d leftover containers", removed)
		}
	case n > 0:
		bad("ormcheck doctor --clean   (unless another ormcheck is running right now)", "%d containers labelled ormcheck exist: left behind by an earlier run, or in use by another ormcheck", n)
	default:
		ok("no leftover containers")
	}
	if !ready {
		return silent(ExitInternal)
	}
	fmt.Fprintln(out, "ready to grade")
	return nil
}
