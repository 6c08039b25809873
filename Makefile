# ormcheck: the README's commands.
GO      ?= go
BIN     := bin/ormcheck
export GOFLAGS ?= -mod=mod

.PHONY: build image deps run demo test test-short bench vet fmt clean

build:
	$(GO) build -o $(BIN) ./cmd/ormcheck

# Build the sandbox image offline (skipped when present and up to date).
image: build deps
	$(BIN) image build

# debootstrap bootstraps the image's base from Debian's packages; a fresh
# machine lacks it (installed here when running as root with apt).
deps:
	@command -v debootstrap >/dev/null 2>&1 || { \
	  if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then \
	    echo "installing debootstrap"; \
	    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq debootstrap >/dev/null; \
	  else \
	    echo "debootstrap is missing: run 'sudo apt-get install -y debootstrap' (or 'ormcheck doctor')"; \
	  fi; }

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
