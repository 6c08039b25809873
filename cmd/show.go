package cmd

import (
	"fmt"
	"io"
	"strings"

	"github.com/spf13/cobra"

	"github.com/ormcheck/ormcheck/challenges"
)

// ShowOptions are the options of `ormcheck show`.
type ShowOptions struct {
	Env     *Env
	ID      string
	Catalog catalogFlag
}

// NewCmdShow builds `ormcheck show ID`.
func NewCmdShow(env *Env, runF func(*ShowOptions) error) *cobra.Command {
	opts := &ShowOptions{Env: env}
	c := &cobra.Command{
		Use:   "show ID",
		Short: "Print a challenge's statement, required interface and visible examples",
		Args:  cobra.ExactArgs(1),
		RunE: func(c *cobra.Command, args []string) error {
			opts.ID = args[0]
			if runF != nil {
				return runF(opts)
			}
			return runShow(opts)
		},
	}
	opts.Catalog.register(c)
	return c
}

func runShow(opts *ShowOptions) error {
	ch, err := opts.Catalog.find(opts.Env, opts.ID)
	if err != nil {
		return err
	}
	out := opts.Env.IO.Out
	st := newStyle(opts.Env.IO.OutTTY)
	fmt.Fprintf(out, "%s  %s\n", st.bold(ch.ID), ch.Title)
	fmt.Fprintf(out, "%s · %s · %d points · %d tests (%d visible)\n\n", ch.Topic, ch.Difficulty, ch.Points, len(ch.Tests), len(ch.PublicTests()))
	renderMarkdown(out, string(ch.Statement), st)

	fmt.Fprintf(out, "\n%s\n\n", st.bold("Visible tests"))
	for _, t := range ch.PublicTests() {
		fmt.Fprintf(out, "  - %s (%s)\n", t.Name, plural(t.Points, "point"))
	}
	hidden := ch.HiddenTests()
	fmt.Fprintf(out, "  + %d hidden tests worth %d points\n", len(hidden), sumPoints(hidden))
	for _, f := range ch.PublicFiles {
		fmt.Fprintf(out, "\n%s\n\n", st.dim("── "+f.Path+" ──"))
		for _, line := range strings.Split(strings.TrimRight(string(f.Content), "\n"), "\n") {
			fmt.Fprintln(out, "    "+line)
		}
	}
	fmt.Fprintf(out, "\nStart with `ormcheck init %s`, then `ormcheck check %s solution.py`.\n", ch.ID, ch.ID)
	return nil
}

func sumPoints(tests []challenges.Test) int {
	n := 0
	for _, t := range tests {
		n += t.Points
	}
	return n
}

func plural(n int, word string) string {
	if n == 1 {
		return fmt.Sprintf("%d %s", n, word)
	}
	return fmt.Sprintf("%d %ss", n, word)
}

// renderMarkdown prints Markdown for a terminal: headings emphasised, code
// blocks indented, everything else as written.
func renderMarkdown(w io.Writer, md string, st style) {
	inCode := false
	for _, line := range strings.Split(strings.TrimRight(md, "\n"), "\n") {
		trimmed := strings.TrimSpace(line)
		switch {
		case strings.HasPrefix(trimmed, "```"):
			inCode = !inCode
			continue
		case inCode:
			fmt.Fprintln(w, "    "+line)
		case strings.HasPrefix(line, "#"):
			title := strings.TrimSpace(strings.TrimLeft(line, "#"))
			fmt.Fprintln(w, st.bold(title))
			if strings.HasPrefix(line, "# ") || strings.HasPrefix(line, "## ") {
				fmt.Fprintln(w, st.dim(strings.Repeat("─", len([]rune(title)))))
			}
		default:
			fmt.Fprintln(w, line)
		}
	}
}

// style adds ANSI emphasis on terminals and nothing elsewhere.
type style struct{ on bool }

func newStyle(tty bool) style { return style{on: tty} }

func (s style) wrap(code, text string) string {
	if !s.on {
		return text
	}
	return "\x1b[" + code + "m" + text + "\x1b[0m"
}

func (s style) bold(t string) string  { return s.wrap("1", t) }
func (s style) dim(t string) string   { return s.wrap("2", t) }
func (s style) green(t string) string { return s.wrap("32", t) }
func (s style) red(t string) string   { return s.wrap("31", t) }
func (s style) yellow(t string) string {
	return s.wrap("33", t)
}
