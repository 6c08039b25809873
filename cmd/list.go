package cmd

import (
	"encoding/json"
	"fmt"
	"text/tabwriter"

	"github.com/spf13/cobra"

	"github.com/ormcheck/ormcheck/challenges"
)

// ChallengesOptions are the options of `ormcheck challenges`.
type ChallengesOptions struct {
	Env     *Env
	JSON    bool
	Catalog catalogFlag
}

// NewCmdChallenges builds `ormcheck challenges [--json]`.
func NewCmdChallenges(env *Env, runF func(*ChallengesOptions) error) *cobra.Command {
	opts := &ChallengesOptions{Env: env}
	c := &cobra.Command{
		Use:   "challenges [--json]",
		Short: "List the catalog: id, title, topic, difficulty, points",
		Args:  cobra.NoArgs,
		RunE: func(c *cobra.Command, args []string) error {
			if runF != nil {
				return runF(opts)
			}
			return runChallenges(opts)
		},
	}
	c.Flags().BoolVar(&opts.JSON, "json", false, "print the catalog as JSON")
	opts.Catalog.register(c)
	return c
}

type challengeJSON struct {
	ID         string   `json:"id"`
	Title      string   `json:"title"`
	Topic      string   `json:"topic"`
	Difficulty string   `json:"difficulty"`
	Points     int      `json:"points"`
	Tests      int      `json:"tests"`
	Public     int      `json:"public_tests"`
	Seeds      []string `json:"seeds,omitempty"`
	Version    string   `json:"version"`
	Source     string   `json:"source"`
}

func runChallenges(opts *ChallengesOptions) error {
	cat, err := opts.Catalog.load(opts.Env)
	if err != nil {
		return err
	}
	out := opts.Env.IO.Out
	if opts.JSON {
		list := []challengeJSON{}
		for _, ch := range cat.List() {
			list = append(list, toChallengeJSON(ch))
		}
		enc := json.NewEncoder(out)
		enc.SetIndent("", "  ")
		return enc.Encode(list)
	}
	tw := tabwriter.NewWriter(out, 0, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "ID\tTITLE\tTOPIC\tDIFFICULTY\tPOINTS")
	for _, ch := range cat.List() {
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%d\n", ch.ID, ch.Title, ch.Topic, ch.Difficulty, ch.Points)
	}
	if err := tw.Flush(); err != nil {
		return err
	}
	fmt.Fprintf(out, "\n%d challenges. Read one with `ormcheck show ID`, start with `ormcheck init ID`.\n", len(cat.List()))
	return nil
}

func toChallengeJSON(ch *challenges.Challenge) challengeJSON {
	return challengeJSON{
		ID: ch.ID, Title: ch.Title, Topic: ch.Topic, Difficulty: string(ch.Difficulty),
		Points: ch.Points, Tests: len(ch.Tests), Public: len(ch.PublicTests()),
		Seeds: ch.Seeds, Version: ch.Version, Source: ch.Source,
	}
}
