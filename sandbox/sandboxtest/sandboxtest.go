// Package sandboxtest gives tests a real Docker engine and the runtime image.
//
// Tests that touch the sandbox run against the real engine. Under `go test
// -short` they are skipped with a message; otherwise a missing engine or image
// fails the test with the command that fixes it (`make image`).
package sandboxtest

import (
	"context"
	"errors"
	"fmt"
	"os"
	"testing"
	"time"

	"github.com/ormcheck/ormcheck/images"
	"github.com/ormcheck/ormcheck/sandbox"
)

// Engine returns a connection to the real engine, closed when t ends.
func Engine(t testing.TB) *sandbox.Engine {
	t.Helper()
	if testing.Short() {
		t.Skip("needs the Docker engine: skipped under -short")
	}
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	eng, err := sandbox.New(ctx)
	if err != nil {
		t.Fatalf("these tests need a running Docker engine: %v", err)
	}
	t.Cleanup(func() { eng.Close() })
	return eng
}

// Image returns the runtime image tag, failing t if it is not built.
func Image(t testing.TB, eng *sandbox.Engine) string {
	t.Helper()
	tag := images.Tag()
	if env := os.Getenv("ORMCHECK_IMAGE"); env != "" {
		tag = env
	}
	if _, err := eng.ImageInspect(context.Background(), tag); err != nil {
		if errors.Is(err, sandbox.ErrImageMissing) {
			t.Fatalf("the sandbox image %s is not built: run `make image` first", tag)
		}
		t.Fatal(err)
	}
	return tag
}

// CheckNoLeftovers is for TestMain: after the package's tests, no container
// this test process created may remain. It returns a non-zero code if one
// does. (Other packages' tests may be running containers at the same time.)
func CheckNoLeftovers(code int) int {
	if code != 0 || testing.Short() {
		return code
	}
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	eng, err := sandbox.New(ctx)
	if err != nil {
		return code
	}
	defer eng.Close()
	n, err := eng.Leftovers(ctx, sandbox.Scope{ThisProcess: true})
	if err != nil {
		fmt.Fprintln(os.Stderr, "leftover check:", err)
		return 1
	}
	if n > 0 {
		fmt.Fprintf(os.Stderr, "FAIL: %d containers labelled ormcheck were left behind\n", n)
		return 1
	}
	return code
}
