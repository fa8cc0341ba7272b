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
# a message and exit code 77, which editors/test.sh reports in its closing
# summary; with CI=true it fails instead (exit 1), so that CI never passes
# without having run these Neovims. A test that fails exits non-zero.
# The Debian mirror is the one this machine's apt sources name.
set -euo pipefail
suite="${1:?usage: debian-nvim.sh SUITE}"
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

skip() {
  if [ "${CI:-}" = true ]; then
    echo "debian-nvim $suite: FAILED: $* (CI=true: not skipped)" >&2
    exit 1
  fi
  echo "debian-nvim $suite: SKIPPED: $*"
  exit 77
}

# mirror prints the Debian archive URI of this machine's apt sources (deb822
# .sources files or sources.list), not the security one.
mirror() {
  {
    sed -n 's/^URIs:[[:space:]]*//p' /etc/apt/sources.list.d/*.sources 2>/dev/null | tr ' ' '\n' || true
    awk '$1 == "deb" { for (i = 2; i <= NF; i++) if ($i !~ /^\[/ && $i !~ /\]$/) { print $i; break } }' \
      /etc/apt/sources.list /etc/apt/sources.list.d/*.list 2>/dev/null || true
  } | grep -E '^(https?|file)://' | grep -v -- '-security' | grep '/debian/\?$' | head -n 1 || true
}

mkdir -p "$work/lists/partial" "$work/cache/archives/partial" "$work/debs" "$work/root"
touch "$work/status"
uri="$(mirror)"
[ -n "$uri" ] || skip "no Debian mirror in this machine's apt sources"
echo "deb $uri $suite main" >"$work/sources.list"
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
