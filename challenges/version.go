package challenges

import (
	"crypto/sha256"
	"encoding/binary"
	"encoding/hex"
)

// computeVersion hashes the path and content of every file of a challenge
// folder, in path order. Lengths are hashed too, so that no two different
// folders hash the same bytes.
func computeVersion(files map[string][]byte) string {
	h := sha256.New()
	var n [8]byte
	for _, p := range sortedPaths(files) {
		binary.BigEndian.PutUint64(n[:], uint64(len(p)))
		h.Write(n[:])
		h.Write([]byte(p))
		binary.BigEndian.PutUint64(n[:], uint64(len(files[p])))
		h.Write(n[:])
		h.Write(files[p])
	}
	return "sha256:" + hex.EncodeToString(h.Sum(nil))[:16]
}
