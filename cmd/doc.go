// Package cmd is ormcheck's command-line surface: one file per command, each
// with an options struct, a NewCmdX constructor and a run function that
// writes only to the injected IO streams, so tests assert exact output.
//
// Main builds the root command, runs it and maps the error to the contract's
// exit codes in one place: 0 every graded solution accepted (verify: every
// expectation held), 1 at least one not accepted, 2 usage error or refused
// input, 3 the checker itself could not work.
package cmd
