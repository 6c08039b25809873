package challenges

import (
	"embed"
	"io/fs"
)

//go:embed all:catalog all:support
var embedded embed.FS

// Builtin loads the catalog embedded in the binary, from challenges/catalog.
// Every challenge's Source is "builtin". It returns an error only if the
// embedded catalog has problems (a *ValidationError), which the package's
// tests rule out.
func Builtin() (*Catalog, error) {
	sub, err := fs.Sub(embedded, "catalog")
	if err != nil {
		return nil, err
	}
	return load(sub, "", func(string) string { return "builtin" })
}

// Support returns the shared test-support modules that every test imports,
// embedded from challenges/support (currently ormtest.py), sorted by path.
// Ship them next to the tests, at the root of the tests directory.
func Support() []File {
	sub, err := fs.Sub(embedded, "support")
	if err != nil {
		return nil
	}
	files := readFolder(sub, ".", func(string, error) {})
	out := make([]File, 0, len(files))
	for _, p := range sortedPaths(files) {
		out = append(out, File{Path: p, Content: files[p]})
	}
	return out
}
