#!/usr/bin/env bash
# fetch.sh puts the pinned inputs of the hint word tables in place, beside this script:
#   wordnet/    Debian's wordnet-base 1:3.0-37 (WordNet 3.0), unpacked, checked by its SHA-256
#   node_modules/  wordy-words, retext-simplify and english-verbs-irregular, by npm ci from package-lock.json
# The package comes through apt-get download, which reads the mirror from the machine's apt
# sources; when apt no longer lists the pinned version, the same file is taken from the pool
# of each mirror named in those sources.
set -euo pipefail
cd "$(dirname "$0")"

version=1:3.0-37
file=wordnet-base_3.0-37_all.deb
sha256=61060d960f9ada8fa120872312eccd3ecebfbab8c4579e4f5a74e1cf67620752

if [ ! -f wordnet/usr/share/wordnet/index.verb ]; then
  tmp=$(mktemp -d)
  trap 'rm -rf "$tmp"' EXIT
  if ! (cd "$tmp" && apt-get download -q "wordnet-base=$version" >/dev/null 2>&1); then
    apt-get update -qq >/dev/null 2>&1 || true
    (cd "$tmp" && apt-get download -q "wordnet-base=$version" >/dev/null 2>&1) || true
  fi
  deb=$(ls "$tmp"/wordnet-base_*_all.deb 2>/dev/null | head -n 1 || true)
  if [ -z "$deb" ]; then
    # The mirrors of the apt sources, in one-line (deb URI suite) and deb822 (URIs:) form.
    mirrors=$(cat /etc/apt/sources.list /etc/apt/sources.list.d/*.list /etc/apt/sources.list.d/*.sources 2>/dev/null |
      sed -nE 's/^deb(\s+\[[^]]*\])?\s+(\S+).*/\2/p; s/^URIs:\s*//p' | tr ' ' '\n' | grep -E '^https?://' | grep -v security | sort -u)
    for m in $mirrors; do
      if curl -fsSL -o "$tmp/$file" "${m%/}/pool/main/w/wordnet/$file"; then deb=$tmp/$file; break; fi
    done
  fi
  if [ -z "$deb" ]; then
    echo "fetch.sh: cannot download wordnet-base $version from the apt sources" >&2
    exit 1
  fi
  echo "$sha256  $deb" | sha256sum -c --quiet -
  rm -rf wordnet
  dpkg-deb -x "$deb" wordnet
fi

if [ ! -d node_modules/retext-simplify ] || [ ! -d node_modules/english-verbs-irregular ] || [ ! -d node_modules/wordy-words ]; then
  npm ci --no-audit --no-fund --silent
fi
