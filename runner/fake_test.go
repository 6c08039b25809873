package runner_test

import (
	"context"
	"crypto/hmac"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/ormcheck/ormcheck/sandbox"
)

// fakeSandbox stands in for Docker in unit tests of scheduling and
// aggregation: it answers like a harness whose every test passes (or as
// behave says), signing records with the job's key.
type fakeSandbox struct {
	delay   time.Duration
	behave  func(job sandbox.Job, cfg fakeConfig) (*sandbox.Result, error)
	calls   atomic.Int64
	running atomic.Int64
	maxSeen atomic.Int64
	mu      sync.Mutex
	seen    []string // solution sources, in call order
}

type fakeConfig struct {
	Key   string   `json:"key"`
	Files []string `json:"files"`
}

func (f *fakeSandbox) Run(ctx context.Context, job sandbox.Job) (*sandbox.Result, error) {
	f.calls.Add(1)
	n := f.running.Add(1)
	defer f.running.Add(-1)
	for {
		m := f.maxSeen.Load()
		if n <= m || f.maxSeen.CompareAndSwap(m, n) {
			break
		}
	}
	var cfg fakeConfig
	if err := json.Unmarshal(job.Stdin, &cfg); err != nil {
		return nil, err
	}
	for _, file := range job.Files {
		if file.Path == "solution.py" {
			f.mu.Lock()
			f.seen = append(f.seen, string(file.Content))
			f.mu.Unlock()
		}
	}
	select {
	case <-time.After(f.delay):
	case <-ctx.Done():
		return nil, ctx.Err()
	}
	if f.behave != nil {
		return f.behave(job, cfg)
	}
	return &sandbox.Result{Stdout: signed(cfg.Key, passAll(job))}, nil
}

// passAll is the record stream of a run in which every test of the tiny
// challenge passed.
func passAll(job sandbox.Job) []string {
	ids := []string{"public/test_add_public.py::test_adds_zero", "hidden/test_add.py::test_adds_small", "hidden/test_add.py::test_adds_negative"}
	quoted, _ := json.Marshal(ids)
	recs := []string{`{"t":"start"}`, `{"t":"load","ok":true,"tests":` + string(quoted) + `}`}
	for _, id := range ids {
		recs = append(recs, `{"t":"test","id":"`+id+`","outcome":"passed","message":"","ms":1.0}`)
	}
	return append(recs, `{"t":"end","tests":3}`)
}

// signed renders records as the harness does, chained under key.
func signed(keyHex string, records []string) []byte {
	key, _ := hex.DecodeString(keyHex)
	var b strings.Builder
	prev := ""
	for i, r := range records {
		mac := hmac.New(sha256.New, key)
		fmt.Fprintf(mac, "%d|%s|%s", i, prev, r)
		sum := hex.EncodeToString(mac.Sum(nil))
		fmt.Fprintf(&b, "ORMCHECK1 %d %s %s\n", i, sum, r)
		prev = sum
	}
	return []byte(b.String())
}
