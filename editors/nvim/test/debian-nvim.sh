#!/usr/bin/env bash
# Runs the Neovim end-to-end test with the Neovim of another Debian suite, so
# that the plugin's newer code paths run too: trixie has 0.10 (vim.lsp.start),
# sid 0.11 or later (vim.lsp.config and vim.lsp.enable). The packages are
# downloaded from Debian into a temporary folder, not installed; Neovim runs
# with that suite's own C library through its dynamic loader.
#
#   bash editors/nvim/test/debian-nvim.sh trixie
#
# A download that fails (no network, a package that moved) skips the run with
# a message and exit code 0; a test that fails exits non-zero.
set -euo pipefail
suite="${1:?usage: debian-nvim.sh SUITE}"
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

skip() {
  echo "debian-nvim $suite: skipped: $*"
  exit 0
}

mkdir -p "$work/lists/partial" "$work/cache/archives/partial" "$work/debs" "$work/root"
touch "$work/status"
echo "deb http://deb.debian.org/debian $suite main" >"$work/sources.list"
apt=(-o "Dir::Etc::SourceList=$work/sources.list" -o Dir::Etc::SourceParts=/dev/null
  -o "Dir::State::Lists=$work/lists" -o "Dir::Cache=$work/cache" -o "Dir::State::status=$work/status"
  -o APT::Sandbox::User=root)
apt-get "${apt[@]}" -qq update >/dev/null 2>&1 || skip "apt-get update of $suite failed"
# neovim and everything it needs at run time, down to the C library.
mapfile -t pkgs < <(apt-cache "${apt[@]}" depends --recurse --no-recommends --no-suggests \
  --no-conflicts --no-breaks --no-replaces --no-enhances --no-pre-depends neovim 2>/dev/null |
  grep -v '^ ' | grep -v '^<' | sort -u)
[ "${#pkgs[@]}" -gt 0 ] || skip "no neovim in $suite"
(cd "$work/debs" && apt-get "${apt[@]}" -qq download "${pkgs[@]}" >/dev/null 2>&1) ||
  skip "downloading neovim from $suite failed"
for deb in "$work"/debs/*.deb; do dpkg-deb -x "$deb" "$work/root"; done

root="$work/root"
loader="$root/usr/lib/x86_64-linux-gnu/ld-linux-x86-64.so.2"
[ -x "$loader" ] || loader="$root/lib/x86_64-linux-gnu/ld-linux-x86-64.so.2"
[ -x "$loader" ] || skip "no dynamic loader in $suite's libc6 (not x86_64?)"
mkdir -p "$work/bin"
cat >"$work/bin/nvim" <<WRAP
#!/bin/sh
export VIMRUNTIME="$root/usr/share/nvim/runtime"
exec "$loader" --library-path "$root/usr/lib/x86_64-linux-gnu:$root/lib/x86_64-linux-gnu" \\
  "$root/usr/bin/nvim" --cmd "set rtp+=$root/usr/lib/nvim" "\$@"
WRAP
chmod +x "$work/bin/nvim"
"$work/bin/nvim" --version >/dev/null 2>&1 || skip "$suite's nvim does not start here"
PATH="$work/bin:$PATH" bash "$here/run.sh"
