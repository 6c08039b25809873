package cmd

import (
	"fmt"

	"github.com/spf13/cobra"

	"github.com/ormcheck/ormcheck/images"
)

// ImageBuildOptions are the options of `ormcheck image build`.
type ImageBuildOptions struct {
	Env   *Env
	Force bool
	Base  string
	Quiet bool
}

// NewCmdImage builds `ormcheck image` and its `build` subcommand.
func NewCmdImage(env *Env) *cobra.Command {
	c := &cobra.Command{
		Use:   "image",
		Short: "Manage the sandbox image",
		Args:  wrapArgs(cobra.NoArgs),
		RunE:  func(c *cobra.Command, args []string) error { return c.Help() },
	}
	opts := &ImageBuildOptions{Env: env}
	build := &cobra.Command{
		Use:   "build",
		Short: "Build the sandbox image offline (debootstrap from Debian's packages)",
		Long: `Build the sandbox image offline. A minimal Debian trixie base is bootstrapped
with debootstrap from Debian's package mirror (needs root and debootstrap), then
the runtime image is built FROM it. Skipped when the image is already present
and up to date (its tag is derived from the content it is built from).`,
		Args: wrapArgs(cobra.NoArgs),
		RunE: func(c *cobra.Command, args []string) error {
			eng, err := env.Engine(c.Context())
			if err != nil {
				return &exitError{code: ExitInternal, err: err}
			}
			defer eng.Close()
			log := env.IO.ErrOut
			if opts.Quiet {
				log = nil
			}
			tag, err := images.Build(c.Context(), eng, images.BuildOptions{Force: opts.Force, Base: opts.Base, Log: log})
			if err != nil {
				return &exitError{code: ExitInternal, err: err}
			}
			fmt.Fprintln(env.IO.Out, tag)
			return nil
		},
	}
	build.Flags().BoolVar(&opts.Force, "force", false, "rebuild even if the image is present (bootstraps the base again)")
	build.Flags().StringVar(&opts.Base, "base", "", "build FROM this `IMAGE` instead of bootstrapping (e.g. debian:trixie-slim where images can be pulled)")
	build.Flags().BoolVarP(&opts.Quiet, "quiet", "q", false, "print only the image tag")
	c.AddCommand(build)
	return c
}
