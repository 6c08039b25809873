// Package sandbox runs one untrusted job in a fresh, locked-down Docker
// container and reports what happened. It knows nothing about challenges,
// tests or scoring.
//
// A Job names an image, a command, the files to place under /work, the bytes
// to feed on stdin and the Limits to enforce. Engine.Run creates a container
// with every control on by default — no network, a read-only root filesystem
// with a small /tmp tmpfs, a non-root user, all capabilities dropped,
// no-new-privileges, an init process, memory with swap equal to it, a pids
// limit, a CPU limit, nofile/fsize/cpu ulimits, no logging driver and a minimal
// environment — copies the files in, starts it, streams stdin, reads stdout and
// stderr to their end through capped buffers, and enforces the wall-clock
// limit from Go (context + kill). The container is removed whatever happens:
// removal is registered right after create and runs on a fresh context, so a
// cancelled run (Ctrl-C) still cleans up.
//
// Every container carries the label "ormcheck" (and "ormcheck.run" with the
// caller's run id), so Engine.RemoveLeftovers can clear what a crashed process
// left behind.
//
// Result reports the exit code, the captured output (and whether it was
// truncated — the container is killed as soon as a stream passes its cap),
// whether the wall limit killed it, whether the kernel OOM-killed it, and
// timings. A Result is returned whenever the container ran; an error means the
// engine itself failed (ErrUnreachable, ErrImageMissing, or a wrapped Docker
// error) or the caller's context was cancelled.
package sandbox
