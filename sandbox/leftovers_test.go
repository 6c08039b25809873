package sandbox

import (
	"context"
	"testing"
	"time"

	"github.com/docker/docker/api/types/container"
	"github.com/docker/docker/api/types/filters"
	"github.com/docker/docker/api/types/image"
)

// TestRemoveLeftovers plays a crashed run: a labelled container nobody
// removed is found and removed.
func TestRemoveLeftovers(t *testing.T) {
	if testing.Short() {
		t.Skip("needs the Docker engine")
	}
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	e, err := New(ctx)
	if err != nil {
		t.Fatal(err)
	}
	defer e.Close()
	images, err := e.cli.ImageList(ctx, imageListOptions())
	if err != nil || len(images) == 0 {
		t.Fatalf("no image to create a container from: %v", err)
	}
	run := "crashed-" + time.Now().Format("150405.000")
	cfg, host := containerConfig(Job{Image: images[0].ID, Cmd: []string{"true"}, RunID: run}, Defaults)
	created, err := e.cli.ContainerCreate(ctx, cfg, host, nil, nil, "")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		_ = e.cli.ContainerRemove(context.Background(), created.ID, container.RemoveOptions{Force: true, RemoveVolumes: true})
	})
	scope := Scope{RunID: run}
	if n, err := e.Leftovers(ctx, scope); err != nil || n != 1 {
		t.Fatalf("leftovers before: %d %v", n, err)
	}
	if n, err := e.RemoveLeftovers(ctx, scope); err != nil || n != 1 {
		t.Fatalf("removed %d %v", n, err)
	}
	if n, err := e.Leftovers(ctx, scope); err != nil || n != 0 {
		t.Fatalf("leftovers after: %d %v", n, err)
	}
}

func imageListOptions() image.ListOptions {
	return image.ListOptions{Filters: filters.NewArgs(filters.Arg("reference", "ormcheck-runtime"))}
}
