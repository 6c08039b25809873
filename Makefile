# ormcheck: the README's commands.
GO      ?= go
BIN     := bin/ormcheck
export GOFLAGS ?= -mod=mod

.PHONY: build image run demo test test-short bench vet fmt clean

build:
	$(GO) build -o $(BIN) ./cmd/ormcheck

# Build the sandbox image offline (skipped when present and up to date).
image: build
	$(BIN) image build

# The main job on the built-in catalog: every challenge's reference solution,
# starter, known-wrong answers and variants graded in the sandbox.
run: image
	$(BIN) verify

# Grade a sample folder of take-homes into one report.
demo: image
	$(BIN) grade cmd/testdata/takehomes --challenges runner/testdata/challenges --no-cache || true

# Every test, against the real Docker engine.
test: image
	$(GO) vet ./...
	$(GO) test -race -count=1 -timeout 25m ./...

# Unit tests only (no Docker).
test-short:
	$(GO) test -short -race ./...

bench: image
	$(GO) test -run '^$$' -bench . -benchtime 3x ./...

vet:
	$(GO) vet ./...

fmt:
	gofmt -l -w .

clean:
	rm -rf bin
