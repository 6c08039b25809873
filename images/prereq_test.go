package images_test

import (
	"context"
	"errors"
	"os"
	"strings"
	"testing"

	"github.com/ormcheck/ormcheck/images"
	"github.com/ormcheck/ormcheck/sandbox/sandboxtest"
)

// Without debootstrap a forced build stops before touching anything, with a
// one-line message naming the command to run.
func TestBuildWithoutDebootstrapSaysWhatToRun(t *testing.T) {
	eng := sandboxtest.Engine(t)
	if os.Geteuid() != 0 {
		t.Skip("runs as root (the root check comes first otherwise)")
	}
	t.Setenv("PATH", t.TempDir())
	_, err := images.Build(context.Background(), eng, images.BuildOptions{Force: true})
	if !errors.Is(err, images.ErrPrerequisite) || !strings.Contains(err.Error(), "apt-get install -y debootstrap") {
		t.Fatalf("want ErrPrerequisite naming the install command, got %v", err)
	}
	if strings.Contains(err.Error(), "\n") {
		t.Fatalf("the message should be one line: %q", err)
	}
}
