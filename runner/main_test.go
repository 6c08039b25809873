package runner_test

import (
	"flag"
	"os"
	"testing"

	"github.com/ormcheck/ormcheck/sandbox/sandboxtest"
)

func TestMain(m *testing.M) {
	flag.Parse()
	os.Exit(sandboxtest.CheckNoLeftovers(m.Run()))
}
