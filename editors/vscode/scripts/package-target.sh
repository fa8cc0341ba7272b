#!/usr/bin/env bash
# Packages the extension for one VS Code platform with a given server inside:
#   bash editors/vscode/scripts/package-target.sh TARGET SERVER VERSION OUT
# e.g. linux-x64 dist/factbox_0.2.0_linux_amd64/factbox 0.2.0 dist/factbox-linux-x64-0.2.0.vsix.
# The extension is staged in a temporary folder with SERVER as bin/factbox
# (bin/factbox.exe for win32 targets) and VERSION in package.json, so the
# working tree is left alone. dist/extension.js must be built (npm run build)
# and node_modules installed (for vsce).
set -euo pipefail
target="${1:?usage: package-target.sh TARGET SERVER VERSION OUT}"
server="${2:?server binary}"
version="${3:?version}"
out="${4:?output .vsix}"
ext="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
[ -f "$ext/dist/extension.js" ] || { echo "package-target.sh: run npm run build first" >&2; exit 1; }
exe=factbox
case "$target" in win32-*) exe=factbox.exe ;; esac

stage="$(mktemp -d)"
trap 'rm -rf "$stage"' EXIT
mkdir -p "$stage/bin" "$stage/dist"
cp "$ext/package.json" "$ext/README.md" "$ext/CHANGELOG.md" "$ext/LICENSE" "$ext/.vscodeignore" "$stage/"
cp "$ext/dist/extension.js" "$stage/dist/"
cp "$server" "$stage/bin/$exe"
chmod +x "$stage/bin/$exe"
out="$(cd "$(dirname "$out")" && pwd)/$(basename "$out")"
# dist/extension.js is built already: no prepublish step in the staged copy.
(cd "$stage" && npm pkg set "version=$version" && npm pkg delete 'scripts.vscode:prepublish' &&
  "$ext/node_modules/.bin/vsce" package --no-dependencies --target "$target" --out "$out" >/dev/null)
