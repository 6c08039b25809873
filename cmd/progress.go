package cmd

import (
	"fmt"
	"io"
	"strings"
	"sync"
	"time"

	"github.com/ormcheck/ormcheck/runner"
)

// progressBar reports a batch while it runs: a live bar redrawn in place on
// a terminal, plain periodic lines elsewhere (CI logs).
type progressBar struct {
	mu       sync.Mutex
	w        io.Writer
	live     bool
	every    time.Duration
	now      func() time.Time
	start    time.Time
	last     time.Time
	total    int
	done     int
	cached   int
	verdicts map[runner.Verdict]int
}

func newProgress(w io.Writer, live bool) *progressBar {
	return &progressBar{w: w, live: live, every: 5 * time.Second, now: time.Now, verdicts: map[runner.Verdict]int{}}
}

func (p *progressBar) Planned(total int) {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.total = total
	p.start = p.now()
	p.last = p.start
	if !p.live {
		fmt.Fprintf(p.w, "grading %d jobs\n", total)
	}
}

func (p *progressBar) Finished(_ runner.Job, o runner.Outcome) {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.done++
	if o.Cached {
		p.cached++
	}
	p.verdicts[o.Verdict]++
	now := p.now()
	switch {
	case p.live:
		fmt.Fprintf(p.w, "\r\x1b[K%s", p.line(now))
	case now.Sub(p.last) >= p.every || p.done == p.total:
		fmt.Fprintln(p.w, p.line(now))
		p.last = now
	}
}

// Close ends the live line.
func (p *progressBar) Close() {
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.live && p.total > 0 {
		fmt.Fprintln(p.w)
	}
}

func (p *progressBar) line(now time.Time) string {
	elapsed := now.Sub(p.start).Seconds()
	rate := 0.0
	if elapsed > 0 {
		rate = float64(p.done) / elapsed
	}
	eta := "—"
	if rate > 0 && p.done < p.total {
		eta = (time.Duration(float64(p.total-p.done)/rate) * time.Second).Round(time.Second).String()
	} else if p.done == p.total {
		eta = "0s"
	}
	var counts []string
	for _, v := range runner.Verdicts {
		if n := p.verdicts[v]; n > 0 {
			counts = append(counts, fmt.Sprintf("%s %d", v, n))
		}
	}
	bar := ""
	if p.live {
		const width = 24
		filled := 0
		if p.total > 0 {
			filled = width * p.done / p.total
		}
		bar = "[" + strings.Repeat("#", filled) + strings.Repeat("-", width-filled) + "] "
	}
	cached := ""
	if p.cached > 0 {
		cached = fmt.Sprintf(" (%d cached)", p.cached)
	}
	return fmt.Sprintf("%s%d/%d%s  %.1f/s  ETA %s  %s", bar, p.done, p.total, cached, rate, eta, strings.Join(counts, " · "))
}
