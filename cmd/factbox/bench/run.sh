#!/usr/bin/env bash
# Compares `factbox check`, run as a whole process, with JavaScript readability
# pipelines on the same corpus, in the same run. Usage:
#   cmd/factbox/bench/run.sh [CORPUS] [RUNS]
# CORPUS defaults to ../shared/corpus/prose.txt beside the repository.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../../.." && pwd)"
corpus="${1:-$root/../shared/corpus/prose.txt}"
runs="${2:-20}"
bytes=$(stat -c %s "$corpus")

(cd "$root" && go build -o bin/factbox ./cmd/factbox)
times=()
for _ in $(seq "$runs"); do
  start=$(date +%s%N)
  "$root/bin/factbox" check "$corpus" >/dev/null
  times+=($(( $(date +%s%N) - start )))
done
sorted=($(printf '%s\n' "${times[@]}" | sort -n))
best=${sorted[0]}
median=${sorted[$(( runs / 2 ))]}
rss=$( { /usr/bin/time -f %M "$root/bin/factbox" check "$corpus" >/dev/null; } 2>&1 )
awk -v b="$best" -v m="$median" -v n="$bytes" -v r="$runs" -v rss="$rss" 'BEGIN {
  printf "factbox check (%d runs)       best %.3f s %7.2f MB/s   median %.3f s %7.2f MB/s   max RSS %.1f B per input byte\n",
    r, b/1e9, n/1e6/(b/1e9), m/1e9, n/1e6/(m/1e9), rss*1024/n }'

(cd "$here" && npm ci --no-audit --no-fund --silent && node baselines.mjs "$corpus" 3)
