package sandbox

import (
	"context"
	"errors"
	"fmt"
	"os"
	"strconv"
	"strings"
	"time"

	"github.com/docker/docker/api/types/container"
	"github.com/docker/docker/api/types/filters"
	"github.com/docker/docker/client"
)

// Label is put on every container the sandbox creates.
const Label = "ormcheck"

// RunLabel carries the caller's run id.
const RunLabel = "ormcheck.run"

// OwnerLabel carries the id of the process that created the container, so a
// process can tell its own leftovers from another's running containers.
const OwnerLabel = "ormcheck.owner"

// owner identifies this process on this machine.
var owner = strconv.Itoa(os.Getpid())

var (
	// ErrUnreachable means the Docker engine could not be reached.
	ErrUnreachable = errors.New("docker engine unreachable")
	// ErrImageMissing means the requested image is not on the engine.
	ErrImageMissing = errors.New("image missing")
)

// Engine is a connection to a Docker engine.
type Engine struct {
	cli  *client.Client
	host string
}

// EngineInfo describes the engine a connection talks to.
type EngineInfo struct {
	Host          string
	ServerVersion string
	APIVersion    string // the API version negotiated with the engine
	CgroupVersion string
}

// New connects to the engine named by the environment (DOCKER_HOST and
// friends), negotiating the API version, and checks that it answers within a
// few seconds. An unreachable engine gives an error wrapping ErrUnreachable
// whose text says what to do.
func New(ctx context.Context) (*Engine, error) {
	cli, err := client.NewClientWithOpts(client.FromEnv, client.WithAPIVersionNegotiation())
	if err != nil {
		return nil, fmt.Errorf("%w: %v — check DOCKER_HOST", ErrUnreachable, err)
	}
	e := &Engine{cli: cli, host: cli.DaemonHost()}
	pctx, cancel := context.WithTimeout(ctx, 5*time.Second)
	defer cancel()
	if _, err := cli.Ping(pctx); err != nil {
		cli.Close()
		return nil, e.unreachable(err)
	}
	return e, nil
}

func (e *Engine) unreachable(err error) error {
	fix := "start the Docker daemon or set DOCKER_HOST"
	if strings.Contains(err.Error(), "permission denied") {
		fix = "add your user to the docker group (then log in again) or run as root"
	}
	return fmt.Errorf("%w: Docker is not reachable at %s (%v) — %s", ErrUnreachable, e.host, err, fix)
}

// Close releases the connection.
func (e *Engine) Close() error { return e.cli.Close() }

// Info reports the engine's versions.
func (e *Engine) Info(ctx context.Context) (EngineInfo, error) {
	info := EngineInfo{Host: e.host, APIVersion: e.cli.ClientVersion()}
	v, err := e.cli.ServerVersion(ctx)
	if err != nil {
		return info, e.unreachable(err)
	}
	info.ServerVersion = v.Version
	info.APIVersion = e.cli.ClientVersion()
	if si, err := e.cli.Info(ctx); err == nil {
		info.CgroupVersion = si.CgroupVersion
	}
	return info, nil
}

// RemoveLeftovers force-removes every container labelled ormcheck within
// scope (for instance after a crash) and reports how many it removed.
func (e *Engine) RemoveLeftovers(ctx context.Context, scope Scope) (int, error) {
	list, err := e.cli.ContainerList(ctx, container.ListOptions{All: true, Filters: scope.filters()})
	if err != nil {
		return 0, fmt.Errorf("list containers: %w", err)
	}
	var errs []error
	n := 0
	for _, c := range list {
		if err := e.cli.ContainerRemove(ctx, c.ID, container.RemoveOptions{Force: true, RemoveVolumes: true}); err != nil {
			errs = append(errs, fmt.Errorf("remove container %.12s: %w", c.ID, err))
			continue
		}
		n++
	}
	return n, errors.Join(errs...)
}

// Scope narrows Leftovers.
type Scope struct {
	RunID       string // only containers of this run id
	ThisProcess bool   // only containers this process created
}

func (s Scope) filters() filters.Args {
	args := filters.NewArgs(filters.Arg("label", Label))
	if s.RunID != "" {
		args.Add("label", RunLabel+"="+s.RunID)
	}
	if s.ThisProcess {
		args.Add("label", OwnerLabel+"="+owner)
	}
	return args
}

// Leftovers counts containers labelled ormcheck within scope.
func (e *Engine) Leftovers(ctx context.Context, scope Scope) (int, error) {
	list, err := e.cli.ContainerList(ctx, container.ListOptions{All: true, Filters: scope.filters()})
	if err != nil {
		return 0, fmt.Errorf("list containers: %w", err)
	}
	return len(list), nil
}
