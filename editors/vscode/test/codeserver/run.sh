#!/usr/bin/env bash
# Runs the packaged .vsix in a real VS Code: code-server (from npm, see
# setup.sh) in headless Chromium (Debian's), driven by puppeteer-core.
# test.mjs opens a Markdown file, waits for squiggles, hovers one, reads the
# status bar, restarts the server and reloads the window and waits for the
# status bar each time. Prints "codeserver-e2e: N passed, M failed".
# FACTBOX_BIN names the server; without it one is built with go build.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ext="$(cd "$here/../.." && pwd)"
repo="$(cd "$ext/../.." && pwd)"
chromium="${CHROMIUM:-$(command -v chromium || true)}"
[ -n "$chromium" ] || { echo "codeserver-e2e: no chromium (apt-get install chromium)" >&2; exit 1; }

bash "$here/setup.sh"
work="$(mktemp -d)"
cs_pid=""
cleanup() {
  if [ -n "$cs_pid" ]; then kill "$cs_pid" 2>/dev/null || true; wait "$cs_pid" 2>/dev/null || true; fi
  rm -rf "$work"
}
trap cleanup EXIT

if [ -z "${FACTBOX_BIN:-}" ]; then
  (cd "$repo" && CGO_ENABLED=0 go build -o "$work/factbox" ./cmd/factbox)
  FACTBOX_BIN="$work/factbox"
fi
(cd "$ext" && { [ -d node_modules ] || npm ci --no-audit --no-fund --loglevel=error; } && npm run --silent build >/dev/null)
vsix="$work/factbox-linux-x64.vsix"
bash "$ext/scripts/package-target.sh" linux-x64 "$FACTBOX_BIN" 0.0.0-test "$vsix"

# code-server writes its config and state under XDG folders: keep them here.
export XDG_CONFIG_HOME="$work/config" XDG_DATA_HOME="$work/share"
cs=(node "$here/node_modules/code-server/out/node/entry.js" --config "$work/config.yaml"
  --user-data-dir "$work/data" --extensions-dir "$work/extensions")
echo "code-server $("${cs[@]}" --version 2>/dev/null | tail -n 1)"
"${cs[@]}" --install-extension "$vsix" >"$work/install.log" 2>&1 ||
  { cat "$work/install.log"; exit 1; }

mkdir -p "$work/data/User" "$work/workspace"
cat >"$work/data/User/settings.json" <<'JSON'
{
  "workbench.startupEditor": "none",
  "workbench.tips.enabled": false,
  "workbench.enableExperiments": false,
  "security.workspace.trust.enabled": false,
  "telemetry.telemetryLevel": "off",
  "extensions.autoUpdate": false,
  "extensions.autoCheckUpdates": false,
  "update.mode": "none",
  "editor.hover.delay": 200,
  "window.restoreWindows": "all"
}
JSON
cp "$repo/cmd/factbox/testdata/sample.md" "$work/workspace/sample.md"

port="$(node -e 'const s=require("net").createServer().listen(0,"127.0.0.1",()=>{console.log(s.address().port);s.close()})')"
"${cs[@]}" --auth none --bind-addr "127.0.0.1:$port" --disable-telemetry --disable-update-check \
  --disable-workspace-trust --disable-getting-started-override --ignore-last-opened \
  "$work/workspace" >"$work/code-server.log" 2>&1 &
cs_pid=$!
# Wait until it listens (60 s at most), or fail with its log.
for _ in $(seq 600); do
  grep -q "HTTP server listening" "$work/code-server.log" && break
  kill -0 "$cs_pid" 2>/dev/null || { echo "codeserver-e2e: code-server exited"; cat "$work/code-server.log"; exit 1; }
  sleep 0.1
done
grep -q "HTTP server listening" "$work/code-server.log" ||
  { echo "codeserver-e2e: code-server did not listen within 60 s"; cat "$work/code-server.log"; exit 1; }

rc=0
CODESERVER_URL="http://127.0.0.1:$port/?folder=$work/workspace" CHROMIUM="$chromium" \
  FACTBOX_BIN="$FACTBOX_BIN" WORK="$work" SAMPLE="$work/workspace/sample.md" \
  timeout 300 node "$here/test.mjs" || rc=$?
if [ "$rc" -ne 0 ]; then
  echo "--- code-server log (tail)"
  tail -n 40 "$work/code-server.log" || true
fi
exit "$rc"
