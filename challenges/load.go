package challenges

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
)

// Load loads every challenge folder at the root of fsys: every folder that
// has a challenge.toml. Other folders are ignored, except that a folder
// holding .py files but no challenge.toml is reported as a problem. source
// names where fsys comes from: each challenge's Source is source joined with
// its folder name.
//
// Load checks everything and reports every problem it finds at once, as a
// *ValidationError; the returned catalog then holds the challenges that had
// no problems. Other errors (the root of fsys cannot be read) return a nil
// catalog.
func Load(fsys fs.FS, source string) (*Catalog, error) {
	return load(fsys, "", func(name string) string {
		if source == "" {
			return name
		}
		return filepath.Join(source, name)
	})
}

// LoadDir loads the challenges in directory dir, as Load does. If dir itself
// has a challenge.toml, it is loaded as a single challenge.
func LoadDir(dir string) (*Catalog, error) {
	info, err := os.Stat(dir)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return nil, fmt.Errorf("challenges directory %s does not exist", dir)
	case err != nil:
		return nil, fmt.Errorf("challenges directory: %w", err)
	case !info.IsDir():
		return nil, fmt.Errorf("challenges directory %s is not a directory", dir)
	}
	if _, err := os.Stat(filepath.Join(dir, "challenge.toml")); err == nil {
		abs, err := filepath.Abs(dir)
		if err != nil {
			return nil, fmt.Errorf("challenges directory: %w", err)
		}
		source := filepath.Clean(dir)
		return load(os.DirFS(filepath.Dir(abs)), filepath.Base(abs), func(string) string { return source })
	}
	return Load(os.DirFS(dir), dir)
}

// load loads the challenge folders at the root of fsys, or only the folder
// named only if it is not empty.
func load(fsys fs.FS, only string, sourceOf func(name string) string) (*Catalog, error) {
	entries, err := fs.ReadDir(fsys, ".")
	if err != nil {
		return nil, fmt.Errorf("read challenges: %w", err)
	}
	ps := &problems{}
	type use struct {
		folder string
		line   int
	}
	uses := map[string][]use{} // declared id -> folders
	var loaded []*Challenge
	for _, e := range entries {
		name := e.Name()
		if (only != "" && name != only) || isJunk(name) || !isDir(fsys, e) {
			continue
		}
		if _, err := fs.Stat(fsys, name+"/challenge.toml"); err != nil {
			if !errors.Is(err, fs.ErrNotExist) {
				ps.add(name+"/challenge.toml", 0, "cannot read: %v", unwrapPath(err))
			} else if hasPython(fsys, name) {
				ps.add(name, 0, "no challenge.toml: the folder holds .py files, so it looks like a challenge")
			}
			continue
		}
		ch, id, idLine := loadChallenge(fsys, name, sourceOf(name), ps)
		if id != "" {
			uses[id] = append(uses[id], use{name, idLine})
		}
		if ch != nil {
			loaded = append(loaded, ch)
		}
	}
	dup := map[string]bool{}
	for id, us := range uses {
		if len(us) < 2 {
			continue
		}
		dup[id] = true
		for _, u := range us {
			var others []string
			for _, o := range us {
				if o != u {
					others = append(others, o.folder+"/challenge.toml")
				}
			}
			sort.Strings(others)
			ps.add(u.folder+"/challenge.toml", u.line, "id %q is also declared in %s", id, strings.Join(others, ", "))
		}
	}
	var ok []*Challenge
	for _, ch := range loaded {
		if !dup[ch.ID] {
			ok = append(ok, ch)
		}
	}
	return newCatalog(ok), ps.err()
}

// isJunk reports whether a file or folder is left out of a challenge: hidden
// files (".DS_Store", ".pytest_cache"), Python caches and editor backups.
func isJunk(name string) bool {
	return strings.HasPrefix(name, ".") || name == "__pycache__" ||
		strings.HasSuffix(name, ".pyc") || strings.HasSuffix(name, ".pyo") || strings.HasSuffix(name, "~")
}

func isDir(fsys fs.FS, e fs.DirEntry) bool {
	if e.IsDir() {
		return true
	}
	if e.Type()&fs.ModeSymlink == 0 {
		return false
	}
	info, err := fs.Stat(fsys, e.Name())
	return err == nil && info.IsDir()
}

// hasPython reports whether folder holds a .py file, looking three levels
// deep (deep enough for tests/public/test_x.py).
func hasPython(fsys fs.FS, folder string) bool {
	found := false
	_ = fs.WalkDir(fsys, folder, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return nil
		}
		if d.IsDir() {
			if p != folder && (isJunk(d.Name()) || strings.Count(p, "/") >= 3) {
				return fs.SkipDir
			}
			return nil
		}
		if strings.HasSuffix(p, ".py") {
			found = true
			return fs.SkipAll
		}
		return nil
	})
	return found
}

// readFolder reads every file under dir, skipping junk, keyed by
// slash-separated path relative to dir.
func readFolder(fsys fs.FS, dir string, report func(rel string, err error)) map[string][]byte {
	files := map[string][]byte{}
	rel := func(p string) string {
		if dir == "." {
			return p
		}
		return strings.TrimPrefix(strings.TrimPrefix(p, dir), "/")
	}
	_ = fs.WalkDir(fsys, dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			report(rel(p), err)
			if d != nil && d.IsDir() && p != dir {
				return fs.SkipDir
			}
			return nil
		}
		if p != dir && isJunk(d.Name()) {
			if d.IsDir() {
				return fs.SkipDir
			}
			return nil
		}
		if d.IsDir() {
			return nil
		}
		data, err := fs.ReadFile(fsys, p)
		if err != nil {
			report(rel(p), err)
			return nil
		}
		files[rel(p)] = data
		return nil
	})
	return files
}

// unwrapPath drops the path from an *fs.PathError: messages name the file.
func unwrapPath(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}

// sortedPaths returns the keys of files, sorted.
func sortedPaths(files map[string][]byte) []string {
	out := make([]string, 0, len(files))
	for p := range files {
		out = append(out, p)
	}
	sort.Strings(out)
	return out
}
