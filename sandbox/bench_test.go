package sandbox_test

import (
	"context"
	"testing"

	"github.com/ormcheck/ormcheck/sandbox"
	"github.com/ormcheck/ormcheck/sandbox/sandboxtest"
)

// Wall time of one sandboxed job, create to remove: the floor every
// graded solution pays.
func benchmarkJob(b *testing.B, cmd ...string) {
	eng := sandboxtest.Engine(b)
	img := sandboxtest.Image(b, eng)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		res, err := eng.Run(context.Background(), sandbox.Job{Image: img, Cmd: cmd})
		if err != nil || res.ExitCode != 0 {
			b.Fatalf("%v %+v", err, res)
		}
	}
}

func BenchmarkTrivialRun(b *testing.B) { benchmarkJob(b, "true") }

func BenchmarkImportSQLAlchemyORM(b *testing.B) {
	benchmarkJob(b, "python3", "-c", "import sqlalchemy.orm")
}
