package images

import (
	"archive/tar"
	"bytes"
	"context"
	"crypto/sha256"
	"embed"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"os/exec"
	"sort"
	"strings"

	"github.com/ormcheck/ormcheck/sandbox"
)

//go:embed Dockerfile bootstrap.sh harness/*.py
var files embed.FS

const (
	runtimeRepo = "ormcheck-runtime"
	baseRepo    = "ormcheck-base"
	// VersionsFile is where the image records its package versions.
	VersionsFile = "/opt/ormcheck/versions.json"
)

// Versions are the runtime's package versions, as recorded in the image.
type Versions struct {
	Python          string `json:"python"`
	SQLAlchemy      string `json:"sqlalchemy"`
	Pytest          string `json:"pytest"`
	Aiosqlite       string `json:"aiosqlite"`
	Greenlet        string `json:"greenlet"`
	FlaskSQLAlchemy string `json:"flask_sqlalchemy"`
}

// Info identifies a built runtime image.
type Info struct {
	Tag      string   `json:"tag"`
	Digest   string   `json:"digest"`
	Versions Versions `json:"versions"`
}

func hashOf(names ...string) string {
	h := sha256.New()
	for _, name := range names {
		data, err := files.ReadFile(name)
		if err != nil {
			panic(err) // embedded at build time: cannot be missing
		}
		fmt.Fprintf(h, "%s\x00%d\x00", name, len(data))
		h.Write(data)
	}
	return hex.EncodeToString(h.Sum(nil))[:12]
}

func allFiles() []string {
	var names []string
	_ = fs.WalkDir(files, ".", func(p string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			names = append(names, p)
		}
		return nil
	})
	sort.Strings(names)
	return names
}

// Tag is the runtime image this binary expects, named by the content of
// everything it is built from.
func Tag() string { return runtimeRepo + ":" + hashOf(allFiles()...) }

// BaseTag is the bootstrapped base image the runtime image builds FROM.
func BaseTag() string { return baseRepo + ":trixie-" + hashOf("bootstrap.sh") }

// Harness returns the in-container harness source (for tests and docs).
func Harness() []byte {
	data, _ := files.ReadFile("harness/harness.py")
	return data
}

// BuildOptions tune Build.
type BuildOptions struct {
	Force bool      // rebuild even when the image is present
	Base  string    // build FROM this image instead of bootstrapping one (e.g. debian:trixie-slim)
	Log   io.Writer // progress; nil discards it
}

// ErrPrerequisite means something on the host is missing to build the image;
// its text names the command that fixes it.
var ErrPrerequisite = errors.New("missing prerequisite")

// Build makes sure the runtime image exists, bootstrapping the base image
// from Debian's packages first if needed. It returns the image's tag.
func Build(ctx context.Context, eng *sandbox.Engine, opts BuildOptions) (string, error) {
	log := opts.Log
	if log == nil {
		log = io.Discard
	}
	tag := Tag()
	if !opts.Force {
		if _, err := eng.ImageInspect(ctx, tag); err == nil {
			fmt.Fprintf(log, "image %s is present and up to date\n", tag)
			return tag, nil
		} else if !errors.Is(err, sandbox.ErrImageMissing) {
			return "", err
		}
	}
	base := opts.Base
	if base == "" {
		base = BaseTag()
		_, err := eng.ImageInspect(ctx, base)
		switch {
		case err == nil && !opts.Force:
			fmt.Fprintf(log, "base image %s is present\n", base)
		case err == nil || errors.Is(err, sandbox.ErrImageMissing):
			if err := bootstrap(ctx, eng, base, log); err != nil {
				return "", err
			}
		default:
			return "", err
		}
	}
	fmt.Fprintf(log, "building %s FROM %s\n", tag, base)
	buildCtx, err := contextTar()
	if err != nil {
		return "", err
	}
	labels := map[string]string{"org.ormcheck.image": tag}
	if err := eng.BuildImage(ctx, buildCtx, tag, map[string]string{"BASE": base}, labels, log); err != nil {
		return "", err
	}
	return tag, nil
}

// bootstrap runs bootstrap.sh into a temporary folder and imports the tree.
func bootstrap(ctx context.Context, eng *sandbox.Engine, ref string, log io.Writer) error {
	if os.Geteuid() != 0 {
		return fmt.Errorf("%w: bootstrapping the base image needs root (debootstrap) — run `sudo ormcheck image build`", ErrPrerequisite)
	}
	if _, err := exec.LookPath("debootstrap"); err != nil {
		return fmt.Errorf("%w: debootstrap is not installed — run `apt-get install -y debootstrap`", ErrPrerequisite)
	}
	if _, err := exec.LookPath("tar"); err != nil {
		return fmt.Errorf("%w: tar is not installed — run `apt-get install -y tar`", ErrPrerequisite)
	}
	dir, err := os.MkdirTemp("", "ormcheck-rootfs-")
	if err != nil {
		return fmt.Errorf("make bootstrap folder: %w", err)
	}
	defer os.RemoveAll(dir)
	script, _ := files.ReadFile("bootstrap.sh")
	scriptPath := dir + "/bootstrap.sh"
	if err := os.WriteFile(scriptPath, script, 0o700); err != nil {
		return fmt.Errorf("write bootstrap script: %w", err)
	}
	rootfs := dir + "/rootfs"
	fmt.Fprintf(log, "bootstrapping %s with debootstrap (about a minute)\n", ref)
	cmd := exec.CommandContext(ctx, "bash", scriptPath, rootfs)
	var tail tailBuffer
	cmd.Stdout = io.MultiWriter(log, &tail)
	cmd.Stderr = io.MultiWriter(log, &tail)
	if err := cmd.Run(); err != nil {
		return fmt.Errorf("bootstrap base image: %w\n%s", err, tail.String())
	}
	tarCmd := exec.CommandContext(ctx, "tar", "--numeric-owner", "-C", rootfs, "-c", ".")
	stream, err := tarCmd.StdoutPipe()
	if err != nil {
		return fmt.Errorf("tar root filesystem: %w", err)
	}
	if err := tarCmd.Start(); err != nil {
		return fmt.Errorf("tar root filesystem: %w", err)
	}
	importErr := eng.ImportImage(ctx, stream, ref)
	_, _ = io.Copy(io.Discard, stream)
	if err := errors.Join(importErr, tarCmd.Wait()); err != nil {
		return fmt.Errorf("import base image %s: %w", ref, err)
	}
	return nil
}

// contextTar is the build context: every embedded file.
func contextTar() (io.Reader, error) {
	var buf bytes.Buffer
	tw := tar.NewWriter(&buf)
	for _, name := range allFiles() {
		data, err := files.ReadFile(name)
		if err != nil {
			return nil, err
		}
		mode := int64(0o644)
		if strings.HasSuffix(name, ".sh") {
			mode = 0o755
		}
		if err := tw.WriteHeader(&tar.Header{Name: name, Mode: mode, Size: int64(len(data))}); err != nil {
			return nil, err
		}
		if _, err := tw.Write(data); err != nil {
			return nil, err
		}
	}
	return &buf, tw.Close()
}

// Inspect reports the runtime image tag's digest and package versions.
func Inspect(ctx context.Context, eng *sandbox.Engine, tag string) (Info, error) {
	img, err := eng.ImageInspect(ctx, tag)
	if err != nil {
		return Info{}, err
	}
	info := Info{Tag: tag, Digest: img.ID}
	data, err := eng.ReadImageFile(ctx, tag, VersionsFile)
	if err != nil {
		return info, err
	}
	if err := json.Unmarshal(data, &info.Versions); err != nil {
		return info, fmt.Errorf("read %s from %s: %w", VersionsFile, tag, err)
	}
	return info, nil
}

// tailBuffer keeps the last few KiB written, for error messages.
type tailBuffer struct{ b []byte }

func (t *tailBuffer) Write(p []byte) (int, error) {
	t.b = append(t.b, p...)
	if len(t.b) > 4096 {
		t.b = t.b[len(t.b)-4096:]
	}
	return len(p), nil
}

func (t *tailBuffer) String() string { return string(t.b) }
