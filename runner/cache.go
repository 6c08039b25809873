package runner

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
)

// Cache stores outcomes on disk by key, one JSON file each, written
// atomically (temporary file + rename) so a crash never leaves a corrupt
// entry. An unreadable entry is a miss.
type Cache struct{ Dir string }

// DefaultCacheDir is $XDG_CACHE_HOME/ormcheck/results (or the OS equivalent).
func DefaultCacheDir() (string, error) {
	base, err := os.UserCacheDir()
	if err != nil {
		return "", err
	}
	return filepath.Join(base, "ormcheck", "results"), nil
}

func (c *Cache) path(key string) string { return filepath.Join(c.Dir, key[:2], key+".json") }

// Get returns the outcome stored under key.
func (c *Cache) Get(key string) (Outcome, bool) {
	data, err := os.ReadFile(c.path(key))
	if err != nil {
		return Outcome{}, false
	}
	var o Outcome
	if err := json.Unmarshal(data, &o); err != nil || !o.Verdict.Valid() {
		return Outcome{}, false
	}
	return o, true
}

// Put stores o under key.
func (c *Cache) Put(key string, o Outcome) error {
	o.Candidate, o.File, o.Cached = "", "", false
	data, err := json.Marshal(o)
	if err != nil {
		return err
	}
	p := c.path(key)
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		return fmt.Errorf("cache: %w", err)
	}
	tmp, err := os.CreateTemp(filepath.Dir(p), ".tmp-*")
	if err != nil {
		return fmt.Errorf("cache: %w", err)
	}
	_, werr := tmp.Write(data)
	serr := tmp.Sync()
	cerr := tmp.Close()
	if werr != nil || serr != nil || cerr != nil {
		os.Remove(tmp.Name())
		return fmt.Errorf("cache: write %s: %v %v %v", p, werr, serr, cerr)
	}
	if err := os.Rename(tmp.Name(), p); err != nil {
		os.Remove(tmp.Name())
		return fmt.Errorf("cache: %w", err)
	}
	return nil
}
