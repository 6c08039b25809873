package cmd

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"github.com/spf13/cobra"

	"github.com/ormcheck/ormcheck/challenges"
)

// InitOptions are the options of `ormcheck init`.
type InitOptions struct {
	Env     *Env
	ID      string
	Dir     string
	Force   bool
	Catalog catalogFlag
}

// NewCmdInit builds `ormcheck init ID [DIR]`.
func NewCmdInit(env *Env, runF func(*InitOptions) error) *cobra.Command {
	opts := &InitOptions{Env: env}
	c := &cobra.Command{
		Use:   "init ID [DIR]",
		Short: "Write the starter solution.py and the visible tests into DIR (default ./ID)",
		Args:  cobra.RangeArgs(1, 2),
		RunE: func(c *cobra.Command, args []string) error {
			opts.ID = args[0]
			opts.Dir = args[0]
			if len(args) == 2 {
				opts.Dir = args[1]
			}
			if runF != nil {
				return runF(opts)
			}
			return runInit(opts)
		},
	}
	c.Flags().BoolVar(&opts.Force, "force", false, "overwrite files that already exist")
	opts.Catalog.register(c)
	return c
}

func runInit(opts *InitOptions) error {
	ch, err := opts.Catalog.find(opts.Env, opts.ID)
	if err != nil {
		return err
	}
	files := initFiles(ch)
	// Check everything before writing anything: nothing is half-done.
	var existing []string
	for _, f := range files {
		p := filepath.Join(opts.Dir, filepath.FromSlash(f.Path))
		if _, err := os.Lstat(p); err == nil {
			existing = append(existing, p)
		} else if !errors.Is(err, os.ErrNotExist) {
			return usageError("%v", err)
		}
	}
	if len(existing) > 0 && !opts.Force {
		return usageError("not overwriting %v — use --force to replace them, or choose another folder", existing)
	}
	out := opts.Env.IO.Out
	for _, f := range files {
		p := filepath.Join(opts.Dir, filepath.FromSlash(f.Path))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			return usageError("make %s: %v", filepath.Dir(p), err)
		}
		if err := os.WriteFile(p, f.Content, 0o644); err != nil {
			return usageError("write %s: %v", p, err)
		}
		fmt.Fprintf(out, "wrote %s\n", p)
	}
	fmt.Fprintf(out, "\nNext: edit %s, run the visible tests with `python3 -m pytest %s`,\nthen grade it with `ormcheck check %s %s`.\n",
		filepath.Join(opts.Dir, "solution.py"), opts.Dir, ch.ID, filepath.Join(opts.Dir, "solution.py"))
	return nil
}

// initFiles is what a candidate gets: the starter, the support module and the
// public tests (flattened beside solution.py so plain pytest finds them).
func initFiles(ch *challenges.Challenge) []challenges.File {
	files := []challenges.File{{Path: "solution.py", Content: ch.Starter}}
	files = append(files, challenges.Support()...)
	for _, f := range ch.PublicFiles {
		files = append(files, challenges.File{Path: strings.TrimPrefix(f.Path, "public/"), Content: f.Content})
	}
	return files
}
