package challenges

import (
	"fmt"
	"math"
	"strconv"
	"strings"
	"time"
)

// Bounds of the [limits] a challenge may set.
const (
	maxWall   = 10 * time.Minute
	minMemory = 32 << 20
	maxMemory = 4 << 30
)

// parseSize parses a size such as "256MiB", "1GiB", "512KiB" or "1048576".
func parseSize(s string) (int64, error) {
	num, mult := strings.TrimSpace(s), int64(1)
	for _, u := range []struct {
		suffix string
		mult   int64
	}{{"KiB", 1 << 10}, {"MiB", 1 << 20}, {"GiB", 1 << 30}, {"B", 1}} {
		if strings.HasSuffix(num, u.suffix) {
			num, mult = strings.TrimSpace(strings.TrimSuffix(num, u.suffix)), u.mult
			break
		}
	}
	n, err := strconv.ParseInt(num, 10, 64)
	if err != nil || n < 0 {
		return 0, fmt.Errorf("%q is not a size: write bytes or use a KiB, MiB or GiB suffix, e.g. \"256MiB\"", s)
	}
	if n > math.MaxInt64/mult {
		return 0, fmt.Errorf("%q is too large", s)
	}
	return n * mult, nil
}

// limits checks the [limits] table.
func (c *mcheck) limits(raw *rawLimits) Limits {
	var l Limits
	duration := func(v any, name string) time.Duration {
		s := c.str(v, false, "limits."+name, "limits", name)
		if s == "" {
			return 0
		}
		line := c.lines.line("limits", name)
		d, err := time.ParseDuration(s)
		switch {
		case err != nil:
			c.report(line, "limits.%s = %q is not a duration such as \"10s\" or \"2m\"", name, s)
		case d <= 0:
			c.report(line, "limits.%s = %q must be > 0", name, s)
		case d > maxWall:
			c.report(line, "limits.%s = %q must be at most %s", name, s, "10m")
		default:
			return d
		}
		return 0
	}
	l.Wall = duration(raw.Wall, "wall")
	l.PerTest = duration(raw.PerTest, "per_test")
	if l.Wall > 0 && l.PerTest > l.Wall {
		c.report(c.lines.line("limits", "per_test"), "limits.per_test (%s) must not exceed limits.wall (%s)", l.PerTest, l.Wall)
		l.PerTest = 0
	}
	if s := c.str(raw.Memory, false, "limits.memory", "limits", "memory"); s != "" {
		line := c.lines.line("limits", "memory")
		n, err := parseSize(s)
		switch {
		case err != nil:
			c.report(line, "limits.memory = %v", err)
		case n < minMemory || n > maxMemory:
			c.report(line, "limits.memory = %q must be between %s and %s", s, formatSize(minMemory), formatSize(maxMemory))
		default:
			l.Memory = n
		}
	}
	return l
}

// formatSize writes n bytes the way parseSize reads them.
func formatSize(n int64) string {
	switch {
	case n != 0 && n%(1<<30) == 0:
		return strconv.FormatInt(n>>30, 10) + "GiB"
	case n != 0 && n%(1<<20) == 0:
		return strconv.FormatInt(n>>20, 10) + "MiB"
	case n != 0 && n%(1<<10) == 0:
		return strconv.FormatInt(n>>10, 10) + "KiB"
	}
	return strconv.FormatInt(n, 10)
}
