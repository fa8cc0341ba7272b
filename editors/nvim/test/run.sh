#!/usr/bin/env bash
# Runs the headless Neovim end-to-end test. Uses $FACTBOX_BIN, or builds the
# server into a temporary folder. Prints "nvim-e2e: N passed, M failed".
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo="$(cd "$here/../../.." && pwd)"
if [ -z "${FACTBOX_BIN:-}" ]; then
  tmp="$(mktemp -d)"
  trap 'rm -rf "$tmp"' EXIT
  (cd "$repo" && go build -o "$tmp/factbox" ./cmd/factbox)
  export FACTBOX_BIN="$tmp/factbox"
fi
nvim --version | head -n 1
# timeout guards against a hang; the test's own waits are 20 s each.
timeout 300 nvim --headless -u "$here/minimal_init.lua" -c "luafile $here/e2e.lua"
