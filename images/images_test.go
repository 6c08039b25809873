package images_test

import (
	"archive/tar"
	"bytes"
	"context"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/ormcheck/ormcheck/images"
	"github.com/ormcheck/ormcheck/sandbox/sandboxtest"
)

func TestTagsAreContentDerived(t *testing.T) {
	if !regexp.MustCompile(`^ormcheck-runtime:[0-9a-f]{12}$`).MatchString(images.Tag()) {
		t.Fatalf("runtime tag %q", images.Tag())
	}
	if !regexp.MustCompile(`^ormcheck-base:trixie-[0-9a-f]{12}$`).MatchString(images.BaseTag()) {
		t.Fatalf("base tag %q", images.BaseTag())
	}
	if images.Tag() != images.Tag() {
		t.Fatal("tag not stable")
	}
	if !bytes.Contains(images.Harness(), []byte("sys.addaudithook")) {
		t.Fatal("the embedded harness lacks its audit hook")
	}
}

// TestBuildSkipsPresentImageAndRecordsVersions needs the image built (make
// image): a second build must be a no-op, and the image must report the
// versions the design promises.
func TestBuildSkipsPresentImageAndRecordsVersions(t *testing.T) {
	eng := sandboxtest.Engine(t)
	tag := sandboxtest.Image(t, eng)
	if tag != images.Tag() {
		t.Skip("ORMCHECK_IMAGE overrides the built image")
	}
	var log bytes.Buffer
	start := time.Now()
	got, err := images.Build(context.Background(), eng, images.BuildOptions{Log: &log})
	if err != nil || got != tag {
		t.Fatalf("build: %v %q", err, got)
	}
	if time.Since(start) > 5*time.Second || !strings.Contains(log.String(), "up to date") {
		t.Fatalf("an up-to-date image was rebuilt (%s): %s", time.Since(start), log.String())
	}
	info, err := images.Inspect(context.Background(), eng, tag)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(info.Digest, "sha256:") || !strings.HasPrefix(info.Versions.Python, "3.") || !strings.HasPrefix(info.Versions.SQLAlchemy, "2.0") || info.Versions.Pytest == "" || info.Versions.Aiosqlite == "" {
		t.Fatalf("image info %+v", info)
	}
}

func TestBuildContextHasEverything(t *testing.T) {
	r, err := images.ContextTarForTest()
	if err != nil {
		t.Fatal(err)
	}
	tr := tar.NewReader(r)
	names := map[string]bool{}
	for {
		h, err := tr.Next()
		if err != nil {
			break
		}
		names[h.Name] = true
	}
	for _, want := range []string{"Dockerfile", "bootstrap.sh", "harness/harness.py", "harness/versions.py"} {
		if !names[want] {
			t.Errorf("build context lacks %s (has %v)", want, names)
		}
	}
}
