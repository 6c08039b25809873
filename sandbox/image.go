package sandbox

import (
	"archive/tar"
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"path"
	"sort"
	"strings"

	"github.com/docker/docker/api/types/build"
	"github.com/docker/docker/api/types/container"
	"github.com/docker/docker/api/types/image"
	"github.com/docker/docker/errdefs"
)

// ImageInfo describes an image on the engine.
type ImageInfo struct {
	Ref  string
	ID   string // the image's content digest, "sha256:..."
	Size int64
}

// ImageInspect looks an image up. A missing image gives an error wrapping
// ErrImageMissing.
func (e *Engine) ImageInspect(ctx context.Context, ref string) (ImageInfo, error) {
	resp, err := e.cli.ImageInspect(ctx, ref)
	if err != nil {
		if errdefs.IsNotFound(err) {
			return ImageInfo{}, fmt.Errorf("%w: %s", ErrImageMissing, ref)
		}
		return ImageInfo{}, fmt.Errorf("inspect image %s: %w", ref, err)
	}
	return ImageInfo{Ref: ref, ID: resp.ID, Size: resp.Size}, nil
}

// ReadImageFile returns one file's content from an image, without running
// anything: it creates a container, copies the file out and removes it.
func (e *Engine) ReadImageFile(ctx context.Context, ref, file string) (_ []byte, err error) {
	created, err := e.cli.ContainerCreate(ctx, &container.Config{
		Image: ref, Cmd: []string{"true"}, Labels: map[string]string{Label: "1"},
		NetworkDisabled: true,
	}, &container.HostConfig{NetworkMode: "none"}, nil, nil, "")
	if created.ID != "" {
		defer func() { err = errors.Join(err, e.remove(created.ID)) }()
	}
	if err != nil {
		if errdefs.IsNotFound(err) {
			return nil, fmt.Errorf("%w: %s", ErrImageMissing, ref)
		}
		return nil, fmt.Errorf("create container: %w", err)
	}
	rc, _, err := e.cli.CopyFromContainer(ctx, created.ID, file)
	if err != nil {
		return nil, fmt.Errorf("copy %s from image %s: %w", file, ref, err)
	}
	defer rc.Close()
	tr := tar.NewReader(rc)
	for {
		h, err := tr.Next()
		if err != nil {
			return nil, fmt.Errorf("read %s from image %s: %w", file, ref, err)
		}
		if h.Typeflag == tar.TypeReg && h.Name == path.Base(file) {
			return io.ReadAll(io.LimitReader(tr, 1<<20))
		}
	}
}

// ImportImage creates an image named ref from a root filesystem tar stream
// (like `docker import`).
func (e *Engine) ImportImage(ctx context.Context, rootfs io.Reader, ref string) error {
	rc, err := e.cli.ImageImport(ctx, image.ImportSource{Source: rootfs, SourceName: "-"}, ref, image.ImportOptions{})
	if err != nil {
		return fmt.Errorf("import image %s: %w", ref, err)
	}
	defer rc.Close()
	return readBuildStream(rc, io.Discard)
}

// BuildImage builds a Dockerfile from a tar build context and tags it,
// copying the build's progress to log.
func (e *Engine) BuildImage(ctx context.Context, buildContext io.Reader, tag string, args map[string]string, labels map[string]string, log io.Writer) error {
	buildArgs := map[string]*string{}
	for k, v := range args {
		buildArgs[k] = &v
	}
	resp, err := e.cli.ImageBuild(ctx, buildContext, build.ImageBuildOptions{
		Tags:        []string{tag},
		BuildArgs:   buildArgs,
		Labels:      labels,
		Remove:      true,
		ForceRemove: true,
		PullParent:  false,
	})
	if err != nil {
		return fmt.Errorf("build image %s: %w", tag, err)
	}
	defer resp.Body.Close()
	if err := readBuildStream(resp.Body, log); err != nil {
		return fmt.Errorf("build image %s: %w", tag, err)
	}
	return nil
}

// readBuildStream copies a build's JSON message stream to log as text and
// returns the first error message it carries.
func readBuildStream(r io.Reader, log io.Writer) error {
	dec := json.NewDecoder(r)
	for {
		var msg struct {
			Stream      string `json:"stream"`
			Status      string `json:"status"`
			Error       string `json:"error"`
			ErrorDetail struct {
				Message string `json:"message"`
			} `json:"errorDetail"`
		}
		if err := dec.Decode(&msg); err != nil {
			if errors.Is(err, io.EOF) {
				return nil
			}
			return fmt.Errorf("read build output: %w", err)
		}
		if msg.Error != "" {
			return errors.New(msg.Error)
		}
		if msg.Stream != "" {
			io.WriteString(log, msg.Stream)
		} else if msg.Status != "" {
			io.WriteString(log, msg.Status+"\n")
		}
	}
}

// tarFiles builds an archive of files, all owned by root, read-only.
func tarFiles(files []File) (*bytes.Buffer, error) {
	var buf bytes.Buffer
	tw := tar.NewWriter(&buf)
	dirs := map[string]bool{}
	for _, f := range files {
		clean := path.Clean(f.Path)
		if path.IsAbs(clean) || clean == "." || clean == ".." || strings.HasPrefix(clean, "../") {
			return nil, fmt.Errorf("file path %q must be relative and inside the work folder", f.Path)
		}
		for d := path.Dir(clean); d != "."; d = path.Dir(d) {
			if dirs[d] {
				break
			}
			dirs[d] = true
		}
	}
	var dirList []string
	for d := range dirs {
		dirList = append(dirList, d)
	}
	sort.Slice(dirList, func(i, j int) bool {
		di, dj := strings.Count(dirList[i], "/"), strings.Count(dirList[j], "/")
		return di < dj || di == dj && dirList[i] < dirList[j]
	})
	for _, d := range dirList {
		if err := tw.WriteHeader(&tar.Header{Typeflag: tar.TypeDir, Name: d + "/", Mode: 0o555}); err != nil {
			return nil, err
		}
	}
	for _, f := range files {
		mode := f.Mode
		if mode == 0 {
			mode = 0o444
		}
		if err := tw.WriteHeader(&tar.Header{Typeflag: tar.TypeReg, Name: path.Clean(f.Path), Mode: mode, Size: int64(len(f.Content))}); err != nil {
			return nil, err
		}
		if _, err := tw.Write(f.Content); err != nil {
			return nil, err
		}
	}
	return &buf, tw.Close()
}
