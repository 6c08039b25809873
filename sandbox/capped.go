package sandbox

import "sync"

// cappedBuffer keeps the first max bytes written to it and counts the rest.
// It never returns an error, so a stream copied into it is always read to
// its end. onOverflow is called once, the first time the cap is passed.
type cappedBuffer struct {
	mu         sync.Mutex
	max        int64
	buf        []byte
	total      int64
	onOverflow func()
	overflowed bool
}

func (c *cappedBuffer) Write(p []byte) (int, error) {
	c.mu.Lock()
	c.total += int64(len(p))
	if room := c.max - int64(len(c.buf)); room > 0 {
		n := int64(len(p))
		if n > room {
			n = room
		}
		c.buf = append(c.buf, p[:n]...)
	}
	fire := c.total > c.max && !c.overflowed
	if fire {
		c.overflowed = true
	}
	c.mu.Unlock()
	if fire && c.onOverflow != nil {
		c.onOverflow()
	}
	return len(p), nil
}

func (c *cappedBuffer) result() ([]byte, bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	return append([]byte(nil), c.buf...), c.overflowed
}
