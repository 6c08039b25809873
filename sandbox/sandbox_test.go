package sandbox_test

import (
	"context"
	"errors"
	"flag"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/ormcheck/ormcheck/sandbox"
	"github.com/ormcheck/ormcheck/sandbox/sandboxtest"
)

func TestMain(m *testing.M) {
	flag.Parse()
	os.Exit(sandboxtest.CheckNoLeftovers(m.Run()))
}

// run executes a Python snippet in the sandbox with small limits.
func run(t *testing.T, code string, lim sandbox.Limits, files ...sandbox.File) *sandbox.Result {
	t.Helper()
	eng := sandboxtest.Engine(t)
	img := sandboxtest.Image(t, eng)
	if lim.Wall == 0 {
		lim.Wall = 20 * time.Second
	}
	res, err := eng.Run(context.Background(), sandbox.Job{
		Image: img, Cmd: []string{"python3", "-c", code}, Files: files, Limits: lim, RunID: "sandbox-test",
	})
	if err != nil {
		t.Fatalf("run: %v", err)
	}
	return res
}

func TestPassingJob(t *testing.T) {
	res := run(t, "import sys; print('hello'); print(open('/work/in.txt').read(), file=sys.stderr)", sandbox.Limits{},
		sandbox.File{Path: "in.txt", Content: []byte("placed")})
	if res.ExitCode != 0 || strings.TrimSpace(string(res.Stdout)) != "hello" || strings.TrimSpace(string(res.Stderr)) != "placed" {
		t.Fatalf("exit %d stdout %q stderr %q", res.ExitCode, res.Stdout, res.Stderr)
	}
	if res.TimedOut || res.OOMKilled || res.StdoutTruncated {
		t.Fatalf("unexpected flags: %+v", res)
	}
}

func TestFailingJob(t *testing.T) {
	res := run(t, "import sys; sys.exit(3)", sandbox.Limits{})
	if res.ExitCode != 3 {
		t.Fatalf("exit %d, want 3", res.ExitCode)
	}
}

func TestStdinIsDelivered(t *testing.T) {
	eng := sandboxtest.Engine(t)
	res, err := eng.Run(context.Background(), sandbox.Job{
		Image: sandboxtest.Image(t, eng), Cmd: []string{"python3", "-c", "import sys; print(sys.stdin.read().upper())"},
		Stdin: []byte("key line\n"),
	})
	if err != nil || strings.TrimSpace(string(res.Stdout)) != "KEY LINE" {
		t.Fatalf("err %v stdout %q", err, res.Stdout)
	}
}

func TestNetworkRefused(t *testing.T) {
	res := run(t, `
import socket, os
print(sorted(os.listdir('/sys/class/net')))
s = socket.socket(); s.settimeout(3)
try:
    s.connect(("1.1.1.1", 53)); print("CONNECTED")
except OSError as e:
    print("refused", e.errno)
`, sandbox.Limits{})
	out := string(res.Stdout)
	if strings.Contains(out, "CONNECTED") || !strings.Contains(out, "refused") || !strings.Contains(out, "['lo']") {
		t.Fatalf("network should be unreachable with only loopback; got %q", out)
	}
}

func TestMemoryHogIsOOMKilled(t *testing.T) {
	res := run(t, "x = []\nwhile True: x.append(bytearray(16 << 20))", sandbox.Limits{Memory: 64 << 20})
	if !res.OOMKilled {
		t.Fatalf("want OOMKilled; exit %d stderr %q", res.ExitCode, res.Stderr)
	}
}

func TestSleepPastWallIsKilled(t *testing.T) {
	start := time.Now()
	res := run(t, "import time; time.sleep(60)", sandbox.Limits{Wall: 2 * time.Second})
	if !res.TimedOut {
		t.Fatalf("want TimedOut: %+v", res)
	}
	if el := time.Since(start); el > 20*time.Second {
		t.Fatalf("took %s to kill a job with a 2s limit", el)
	}
}

func TestCPULoopIsKilled(t *testing.T) {
	res := run(t, "while True: pass", sandbox.Limits{Wall: 2 * time.Second})
	if !res.TimedOut {
		t.Fatalf("want TimedOut: %+v", res)
	}
}

func TestOutputFloodIsTruncated(t *testing.T) {
	for _, stream := range []string{"stdout", "stderr"} {
		start := time.Now()
		res := run(t, "import sys\nwhile True: sys."+stream+".write('x' * 65536)", sandbox.Limits{Output: 256 << 10, Wall: 30 * time.Second})
		kept, truncated := res.Stdout, res.StdoutTruncated
		if stream == "stderr" {
			kept, truncated = res.Stderr, res.StderrTruncated
		}
		if !truncated || res.TimedOut {
			t.Fatalf("%s: want truncated, not timed out: truncated=%v timedout=%v", stream, truncated, res.TimedOut)
		}
		if len(kept) != 256<<10 {
			t.Fatalf("%s: kept %d bytes, want exactly the cap %d", stream, len(kept), 256<<10)
		}
		// Killed at the cap, not at the wall limit.
		if el := time.Since(start); el > 8*time.Second {
			t.Fatalf("%s: the flood was not stopped early (%s)", stream, el)
		}
	}
}

func TestForkBombIsContained(t *testing.T) {
	res := run(t, `
import os, time
n = 0
try:
    while True:
        if os.fork() == 0:
            time.sleep(30); os._exit(0)
        n += 1
except OSError as e:
    print("stopped after", n, "forks:", e.strerror, flush=True)
    os._exit(0)
`, sandbox.Limits{Pids: 32, Wall: 10 * time.Second})
	if !strings.Contains(string(res.Stdout), "stopped after") {
		t.Fatalf("fork bomb was not stopped by the pids limit: exit %d stdout %q", res.ExitCode, res.Stdout)
	}
	// The host (and the engine) are unaffected: the next job runs normally.
	if next := run(t, "print('fine')", sandbox.Limits{}); strings.TrimSpace(string(next.Stdout)) != "fine" {
		t.Fatalf("engine unhealthy after fork bomb: %+v", next)
	}
}

func TestHugeFileWriteIsStopped(t *testing.T) {
	res := run(t, `
import os
written = 0
try:
    with open('/tmp/big', 'wb') as f:
        chunk = b'0' * (1 << 20)
        while written < (1 << 30):
            f.write(chunk); f.flush(); written += len(chunk)
    print("WROTE 1GiB")
except OSError as e:
    print("stopped at", written >> 20, "MiB:", e.strerror)
`, sandbox.Limits{FileSize: 8 << 20})
	out := string(res.Stdout)
	if strings.Contains(out, "WROTE") || !strings.Contains(out, "stopped at") {
		t.Fatalf("a 1 GiB write was not stopped: %q %q", out, res.Stderr)
	}
}

func TestRunsAsNonRootInReadOnlyFS(t *testing.T) {
	res := run(t, `
import os
print("uid", os.getuid(), "gid", os.getgid())
for p in ["/etc/x", "/work/x", "/x", "/opt/ormcheck/x"]:
    try:
        open(p, "w").write("x"); print("WROTE", p)
    except OSError as e:
        print("denied", p)
open("/tmp/ok", "w").write("x"); print("tmp ok")
`, sandbox.Limits{}, sandbox.File{Path: "solution.py", Content: []byte("x = 1\n")})
	out := string(res.Stdout)
	if !strings.Contains(out, "uid 10001 gid 10001") || strings.Contains(out, "WROTE") || !strings.Contains(out, "tmp ok") {
		t.Fatalf("want uid 10001, no writes outside /tmp: %q", out)
	}
}

func TestHostEnvironmentDoesNotLeak(t *testing.T) {
	t.Setenv("ORMCHECK_HOST_SECRET", "s3cr3t")
	res := run(t, "import os; print(sorted(os.environ))", sandbox.Limits{})
	out := string(res.Stdout)
	if strings.Contains(out, "ORMCHECK_HOST_SECRET") || strings.Contains(out, "DOCKER") {
		t.Fatalf("host environment leaked: %s", out)
	}
	for _, want := range []string{"'HOME'", "'PATH'", "'TMPDIR'"} {
		if !strings.Contains(out, want) {
			t.Fatalf("missing %s in %s", want, out)
		}
	}
}

func TestCancelRemovesContainer(t *testing.T) {
	eng := sandboxtest.Engine(t)
	img := sandboxtest.Image(t, eng)
	ctx, cancel := context.WithCancel(context.Background())
	time.AfterFunc(1500*time.Millisecond, cancel)
	_, err := eng.Run(ctx, sandbox.Job{Image: img, Cmd: []string{"python3", "-c", "import time; time.sleep(60)"}, RunID: "cancel-test"})
	if !errors.Is(err, context.Canceled) {
		t.Fatalf("want context.Canceled, got %v", err)
	}
	n, err := eng.Leftovers(context.Background(), sandbox.Scope{RunID: "cancel-test", ThisProcess: true})
	if err != nil || n != 0 {
		t.Fatalf("leftovers after cancel: %d %v", n, err)
	}
}

func TestMissingImage(t *testing.T) {
	eng := sandboxtest.Engine(t)
	_, err := eng.Run(context.Background(), sandbox.Job{Image: "ormcheck-runtime:does-not-exist", Cmd: []string{"true"}})
	if !errors.Is(err, sandbox.ErrImageMissing) || !strings.Contains(err.Error(), "ormcheck image build") {
		t.Fatalf("want ErrImageMissing naming the fix, got %v", err)
	}
}

func TestUnreachableEngine(t *testing.T) {
	if testing.Short() {
		t.Skip("skipped under -short")
	}
	t.Setenv("DOCKER_HOST", "tcp://127.0.0.1:1")
	start := time.Now()
	_, err := sandbox.New(context.Background())
	if !errors.Is(err, sandbox.ErrUnreachable) || !strings.Contains(err.Error(), "DOCKER_HOST") {
		t.Fatalf("want ErrUnreachable mentioning DOCKER_HOST, got %v", err)
	}
	if time.Since(start) > 10*time.Second {
		t.Fatal("unreachable engine took too long to report")
	}
}
