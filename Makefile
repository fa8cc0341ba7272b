# The targets a developer and CI use. `make test` is the one command that runs every test.
GO ?= go
BIN := $(CURDIR)/bin/factbox
export GOFLAGS ?= -trimpath

.PHONY: all build sample test test-go sarif-schema lint cross test-editors test-release release bench fuzz clean

all: build

build:
	$(GO) build -o $(BIN) ./cmd/factbox

# sample builds factbox and checks the sample document shipped in the repository.
sample: build
	$(BIN) check cmd/factbox/testdata/sample.md

# test-release cross-builds every platform of the release, so it stands in
# for cross here.
test: lint test-release test-go test-editors

lint:
	@unformatted="$$(gofmt -l $$(git ls-files '*.go' 2>/dev/null || find . -name '*.go' -not -path './editors/*'))"; \
	if [ -n "$$unformatted" ]; then echo "gofmt needed on: $$unformatted"; exit 1; fi
	$(GO) vet ./...

# cross builds the binary for the other systems the editor integrations run on.
cross:
	GOOS=windows GOARCH=amd64 $(GO) build -o /dev/null ./cmd/factbox
	GOOS=darwin GOARCH=arm64 $(GO) build -o /dev/null ./cmd/factbox

test-go: sarif-schema
	$(GO) test -race -count=1 ./...

# sarif-schema installs the SARIF 2.1.0 schema that cmd/factbox's tests
# validate --format sarif against, from the npm package pinned there.
sarif-schema:
	cd cmd/factbox/testdata/sarif-schema && npm ci --ignore-scripts --no-audit --no-fund --silent

test-editors: build
	FACTBOX_BIN=$(BIN) bash editors/test.sh

# bench runs the benchmarks that back the numbers in README.md.
bench:
	$(GO) test -run '^$$' -bench . -benchmem -count 6 ./analysis ./analysis/config ./server | tee bench.txt
	$(GO) test -run TestLoadEditStorm -v -count 1 ./server -args -load-edits=3000 | tee -a bench.txt

# fuzz runs each fuzz target for FUZZTIME (default 30s). Without a short
# -fuzzminimizetime a run spends most of its time shrinking new inputs.
FUZZTIME ?= 30s
fuzz:
	@for pkg in ./analysis ./analysis/config ./analysis/hints ./server ./cmd/factbox; do \
	  for f in $$($(GO) test -list '^Fuzz' $$pkg | grep '^Fuzz'); do \
	    echo "== $$pkg $$f"; $(GO) test -run '^$$' -fuzz "^$$f$$" -fuzztime $(FUZZTIME) -fuzzminimizetime 3s $$pkg || exit 1; \
	  done; \
	done

# release builds the release set for VERSION into dist/ (see .ci/release.sh):
# the binaries, an archive per platform, a .vsix per platform, SHA256SUMS.
release:
	@test -n "$(VERSION)" || { echo "usage: make release VERSION=v0.2.0"; exit 2; }
	bash .ci/release.sh $(VERSION) dist

# test-release builds a release into a temporary folder and checks the set.
test-release:
	@d="$$(mktemp -d)"; trap 'rm -rf "$$d"' EXIT; \
	bash .ci/release.sh v0.0.0-test "$$d" >/dev/null && \
	FACTBOX_DIST="$$d" FACTBOX_DIST_VERSION=v0.0.0-test $(GO) test -count=1 -run '^TestReleaseSet$$' ./cmd/factbox

clean:
	rm -rf bin dist bench.txt
