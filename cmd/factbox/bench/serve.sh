#!/usr/bin/env bash
# Compares `factbox serve` built from this tree with a build of another
# revision (default main), in the same run, from outside with Microsoft's LSP
# client library (serve.mjs). Usage:
#   cmd/factbox/bench/serve.sh [REVISION] [CORPUS] [serve.mjs flags...]
# CORPUS defaults to ../shared/corpus/prose.txt beside the repository.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../../.." && pwd)"
rev="${1:-main}"
corpus="${2:-$root/../shared/corpus/prose.txt}"
shift $(( $# < 2 ? $# : 2 ))

tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
(cd "$root" && go build -o "$tmp/factbox-this" ./cmd/factbox)
mkdir "$tmp/src"
(cd "$root" && git archive "$rev") | tar -x -C "$tmp/src"
(cd "$tmp/src" && go build -o "$tmp/factbox-rev" ./cmd/factbox)

cd "$here"
npm ci --no-audit --no-fund --silent
node serve.mjs "$@" "$corpus" "$rev=$tmp/factbox-rev" "this=$tmp/factbox-this"
