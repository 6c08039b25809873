// Command ormcheck checks executable answers to SQLAlchemy interview
// questions in a hardened Docker sandbox. See package cmd for the commands.
package main

import (
	"os"

	"github.com/ormcheck/ormcheck/cmd"
)

func main() {
	os.Exit(cmd.Main(os.Args[1:], cmd.System()))
}
