#!/usr/bin/env bash
# Builds the release set into DIST (default dist/), offline once the Go modules
# and editors/vscode's npm packages are installed:
#   factbox_X.Y.Z_OS_ARCH/            factbox (or factbox.exe), README.md, LICENSE
#   factbox_X.Y.Z_OS_ARCH.tar.gz      the same folder (.zip for Windows)
#   factbox-PLATFORM-X.Y.Z.vsix       the VS Code extension with that platform's server inside
#   SHA256SUMS                        sha256sum of every archive and .vsix
# for linux/amd64, linux/arm64, darwin/amd64, darwin/arm64 and windows/amd64.
# Usage: bash .ci/release.sh v0.2.0 [DIST]   (make release VERSION=v0.2.0)
set -euo pipefail
cd "$(dirname "$0")/.."
repo="$PWD"

version="${1:?usage: release.sh VERSION [DIST], e.g. v0.2.0}"
if ! [[ "$version" =~ ^v[0-9]+\.[0-9]+\.[0-9]+(-[0-9A-Za-z.-]+)?$ ]]; then
  echo "release.sh: VERSION must look like v1.2.3 or v1.2.3-rc.1, not $version" >&2
  exit 2
fi
num="${version#v}"
dist="${2:-dist}"
mkdir -p "$dist"
dist="$(cd "$dist" && pwd)"
rm -rf "${dist:?}"/factbox[_-]* "$dist/SHA256SUMS"

# OS/ARCH and the VS Code target of each platform.
platforms=(
  "linux amd64 linux-x64"
  "linux arm64 linux-arm64"
  "darwin amd64 darwin-x64"
  "darwin arm64 darwin-arm64"
  "windows amd64 win32-x64"
)

# Reproducible archives: fixed times and owners, sorted names.
stamp="$(git log -1 --format=%ct 2>/dev/null || echo 0)"
export SOURCE_DATE_EPOCH="$stamp" TZ=UTC

ext="$repo/editors/vscode"
(cd "$ext" && { [ -d node_modules ] || npm ci --no-audit --no-fund; } && npm run --silent build)

for p in "${platforms[@]}"; do
  read -r goos goarch target <<<"$p"
  exe=factbox
  [ "$goos" = windows ] && exe=factbox.exe
  name="factbox_${num}_${goos}_${goarch}"
  echo "== $name"
  mkdir -p "$dist/$name"
  CGO_ENABLED=0 GOOS="$goos" GOARCH="$goarch" go build -trimpath \
    -ldflags "-s -w -X main.buildVersion=$version" -o "$dist/$name/$exe" ./cmd/factbox
  cp README.md LICENSE "$dist/$name/"
  touch -d "@$stamp" "$dist/$name" "$dist/$name"/*
  if [ "$goos" = windows ]; then
    (cd "$dist" && rm -f "$name.zip" && zip -qrX "$name.zip" "$name")
  else
    tar -C "$dist" --sort=name --owner=0 --group=0 --numeric-owner --mtime="@$stamp" \
      -cf - "$name" | gzip -n9 >"$dist/$name.tar.gz"
  fi

  # The extension with this platform's server inside and the release's version.
  bash "$ext/scripts/package-target.sh" "$target" "$dist/$name/$exe" "$num" "$dist/factbox-$target-$num.vsix"
done

(cd "$dist" && sha256sum -- *.tar.gz *.zip *.vsix >SHA256SUMS)
echo "== $dist"
ls -l "$dist"
