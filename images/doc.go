// Package images holds what the ormcheck runtime image is built from and
// builds it offline.
//
// The files beside this one are embedded in the binary: bootstrap.sh
// (debootstrap a minimal Debian trixie root filesystem with the Python stack
// from Debian's packages), Dockerfile (the runtime image FROM that base; the
// same file builds FROM debian:trixie-slim where images can be pulled) and
// harness/ (the in-container test runner).
//
// Image tags are derived from content: the runtime image is
// "ormcheck-runtime:<hash of every embedded file>", the base
// "ormcheck-base:trixie-<hash of bootstrap.sh>". Build skips whatever is
// already present, so a changed harness rebuilds only the thin top layer.
package images
