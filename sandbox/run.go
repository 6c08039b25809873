package sandbox

import (
	"context"
	"errors"
	"fmt"
	"io"
	"strconv"
	"sync"
	"time"

	"github.com/docker/docker/api/types/container"
	"github.com/docker/docker/client"
	"github.com/docker/docker/errdefs"
	"github.com/docker/docker/pkg/stdcopy"
	"github.com/docker/go-units"
)

// WorkDir is where a job's files are placed inside the container.
const WorkDir = "/work"

// User is the unprivileged uid:gid jobs run as.
const User = "10001:10001"

// File is one file to place under WorkDir.
type File struct {
	Path    string // relative to WorkDir, slash-separated
	Content []byte
	Mode    int64 // default 0444: jobs cannot change their own inputs
}

// Job is one untrusted run.
type Job struct {
	Image  string
	Cmd    []string // empty: the image's default command
	Files  []File
	Stdin  []byte
	Env    []string // added to the minimal environment
	Limits Limits
	RunID  string // recorded in the ormcheck.run label
}

// Result is what a job did.
type Result struct {
	ExitCode        int
	Stdout, Stderr  []byte
	StdoutTruncated bool // stdout passed Limits.Output (the job was killed then)
	StderrTruncated bool
	TimedOut        bool          // killed at the wall-clock limit
	OOMKilled       bool          // the kernel killed it for memory
	Duration        time.Duration // start to exit
	Overhead        time.Duration // create, copy and remove around it
	ContainerID     string
}

// baseEnv is the whole environment a job sees (plus Job.Env): nothing of the
// host's leaks in.
var baseEnv = []string{
	"PATH=/usr/local/bin:/usr/bin:/bin",
	"HOME=/tmp",
	"TMPDIR=/tmp",
	"LANG=C.UTF-8",
	"PYTHONDONTWRITEBYTECODE=1",
	"PYTHONHASHSEED=0",
}

// Run executes job in a fresh container and removes it afterwards. See the
// package documentation for the controls applied.
func (e *Engine) Run(ctx context.Context, job Job) (res *Result, err error) {
	lim := job.Limits.WithDefaults()
	began := time.Now()
	cfg, host := containerConfig(job, lim)

	created, err := e.cli.ContainerCreate(ctx, cfg, host, nil, nil, "")
	if created.ID != "" {
		// Registered before the error is checked: nothing is left behind.
		defer func() {
			rmStart := time.Now()
			if rerr := e.remove(created.ID); rerr != nil {
				err = errors.Join(err, rerr)
			}
			if res != nil {
				res.Overhead += time.Since(rmStart)
			}
		}()
	}
	if err != nil {
		return nil, e.classify("create container", job.Image, err)
	}
	res = &Result{ContainerID: created.ID}

	if len(job.Files) > 0 {
		archive, err := tarFiles(job.Files)
		if err != nil {
			return nil, err
		}
		if err := e.cli.CopyToContainer(ctx, created.ID, WorkDir, archive, container.CopyToContainerOptions{}); err != nil {
			return nil, e.classify("copy files into container", job.Image, err)
		}
	}

	attach, err := e.cli.ContainerAttach(ctx, created.ID, container.AttachOptions{Stream: true, Stdin: true, Stdout: true, Stderr: true})
	if err != nil {
		return nil, e.classify("attach to container", job.Image, err)
	}
	defer attach.Close()

	waitCh, waitErrCh := e.cli.ContainerWait(context.WithoutCancel(ctx), created.ID, container.WaitConditionNextExit)

	// Output is read to its end in the background; passing a cap kills the
	// job. The kill runs on its own goroutine so reading never pauses: an
	// engine whose attach stream is not drained is slow to end it.
	var killOnce sync.Once
	kill := func() {
		killOnce.Do(func() {
			kctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), 10*time.Second)
			defer cancel()
			_ = e.cli.ContainerKill(kctx, created.ID, "KILL")
		})
	}
	stdout := &cappedBuffer{max: lim.Output, onOverflow: func() { go kill() }}
	stderr := &cappedBuffer{max: lim.Output, onOverflow: func() { go kill() }}
	readDone := make(chan error, 1)
	go func() {
		_, err := stdcopy.StdCopy(stdout, stderr, attach.Reader)
		readDone <- err
	}()

	res.Overhead = time.Since(began)
	start := time.Now()
	if err := e.cli.ContainerStart(ctx, created.ID, container.StartOptions{}); err != nil {
		return nil, e.classify("start container", job.Image, err)
	}
	go func() {
		if len(job.Stdin) > 0 {
			_, _ = attach.Conn.Write(job.Stdin)
		}
		_ = attach.CloseWrite()
	}()

	wall := time.NewTimer(lim.Wall)
	defer wall.Stop()
	var status container.WaitResponse
	select {
	case status = <-waitCh:
	case err := <-waitErrCh:
		return nil, fmt.Errorf("wait for container: %w", err)
	case <-wall.C:
		res.TimedOut = true
		kill()
		status = <-waitCh
	case <-ctx.Done():
		kill()
		<-waitCh
		return nil, ctx.Err()
	}
	res.Duration = time.Since(start)

	// The exit code is trusted only once both streams have ended.
	select {
	case <-readDone:
	case <-time.After(10 * time.Second):
		attach.Close()
		<-readDone
	}
	res.Stdout, res.StdoutTruncated = stdout.result()
	res.Stderr, res.StderrTruncated = stderr.result()
	res.ExitCode = int(status.StatusCode)

	ictx, cancel := context.WithTimeout(context.WithoutCancel(ctx), 10*time.Second)
	defer cancel()
	if info, err := e.cli.ContainerInspect(ictx, created.ID); err == nil && info.State != nil {
		res.OOMKilled = info.State.OOMKilled
		res.ExitCode = info.State.ExitCode
	}
	return res, nil
}

func containerConfig(job Job, lim Limits) (*container.Config, *container.HostConfig) {
	labels := map[string]string{Label: "1", OwnerLabel: owner}
	if job.RunID != "" {
		labels[RunLabel] = job.RunID
	}
	env := append(append([]string(nil), baseEnv...), job.Env...)
	cpuSeconds := int64(lim.Wall/time.Second) + 1
	cfg := &container.Config{
		Image:           job.Image,
		Cmd:             job.Cmd,
		User:            User,
		Env:             env,
		WorkingDir:      WorkDir,
		Labels:          labels,
		AttachStdin:     true,
		AttachStdout:    true,
		AttachStderr:    true,
		OpenStdin:       true,
		StdinOnce:       true,
		NetworkDisabled: true,
		Volumes:         map[string]struct{}{WorkDir: {}},
	}
	useInit := true
	pids := lim.Pids
	host := &container.HostConfig{
		NetworkMode:    "none",
		ReadonlyRootfs: true,
		Tmpfs:          map[string]string{"/tmp": "rw,nosuid,nodev,noexec,mode=1777,size=" + strconv.FormatInt(lim.TmpSize, 10)},
		CapDrop:        []string{"ALL"},
		SecurityOpt:    []string{"no-new-privileges"},
		Init:           &useInit,
		LogConfig:      container.LogConfig{Type: "none"},
		IpcMode:        "private",
		Resources: container.Resources{
			Memory:     lim.Memory,
			MemorySwap: lim.Memory,
			PidsLimit:  &pids,
			NanoCPUs:   lim.NanoCPUs,
			Ulimits: []*units.Ulimit{
				{Name: "nofile", Soft: lim.NoFile, Hard: lim.NoFile},
				{Name: "fsize", Soft: lim.FileSize, Hard: lim.FileSize},
				{Name: "cpu", Soft: cpuSeconds, Hard: cpuSeconds},
				{Name: "core", Soft: 0, Hard: 0},
			},
		},
	}
	return cfg, host
}

// remove force-removes a container and its anonymous volume on a fresh
// context, so it runs even when the caller's context is cancelled.
func (e *Engine) remove(id string) error {
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	err := e.cli.ContainerRemove(ctx, id, container.RemoveOptions{Force: true, RemoveVolumes: true})
	if err != nil && !errdefs.IsNotFound(err) {
		return fmt.Errorf("remove container %.12s: %w", id, err)
	}
	return nil
}

// classify wraps an engine error, recognising a missing image and an
// unreachable engine.
func (e *Engine) classify(verb, ref string, err error) error {
	switch {
	case errdefs.IsNotFound(err) && verb == "create container":
		return fmt.Errorf("%w: %s — build it with `ormcheck image build`", ErrImageMissing, ref)
	case isConnErr(err):
		return e.unreachable(err)
	}
	return fmt.Errorf("%s: %w", verb, err)
}

func isConnErr(err error) bool {
	if err == nil {
		return false
	}
	var ne interface{ Timeout() bool }
	return errors.As(err, &ne) || errors.Is(err, io.ErrUnexpectedEOF) || client.IsErrConnectionFailed(err)
}
