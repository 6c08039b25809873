package sandbox

import "time"

// Limits bounds one job. Zero fields take the defaults below.
type Limits struct {
	Wall     time.Duration // wall-clock time from start to exit (default 60s)
	Memory   int64         // bytes of memory; swap is set equal, so no swap (default 256 MiB)
	Pids     int64         // processes and threads (default 64)
	NanoCPUs int64         // CPU share in 1e-9 CPUs (default 1 CPU)
	Output   int64         // bytes kept of stdout and of stderr, each (default 1 MiB)
	FileSize int64         // largest file the job may write (default 16 MiB)
	TmpSize  int64         // size of the /tmp tmpfs (default 64 MiB)
	NoFile   int64         // open files (default 256)
}

// Defaults are the limits applied where a Limits field is zero.
var Defaults = Limits{
	Wall:     60 * time.Second,
	Memory:   256 << 20,
	Pids:     64,
	NanoCPUs: 1_000_000_000,
	Output:   1 << 20,
	FileSize: 16 << 20,
	TmpSize:  64 << 20,
	NoFile:   256,
}

// WithDefaults returns l with every zero field replaced by its default.
func (l Limits) WithDefaults() Limits {
	d := Defaults
	d.Wall = or(l.Wall, d.Wall)
	d.Memory = or(l.Memory, d.Memory)
	d.Pids = or(l.Pids, d.Pids)
	d.NanoCPUs = or(l.NanoCPUs, d.NanoCPUs)
	d.Output = or(l.Output, d.Output)
	d.FileSize = or(l.FileSize, d.FileSize)
	d.TmpSize = or(l.TmpSize, d.TmpSize)
	d.NoFile = or(l.NoFile, d.NoFile)
	return d
}

func or[T int64 | time.Duration](v, def T) T {
	if v > 0 {
		return v
	}
	return def
}
