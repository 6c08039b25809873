package images

import "io"

// ContextTarForTest exposes the build context to tests.
func ContextTarForTest() (io.Reader, error) { return contextTar() }
