#!/usr/bin/env bash
# Installs code-server (pinned in package.json/package-lock.json) for the
# test in this folder, without its postinstall.sh, which refuses to run as
# root under npm and downloads ripgrep. Its steps, by hand:
#   1. npm ci --ignore-scripts here (code-server and puppeteer-core), then
#      npm rebuild argon2, code-server's own native module;
#   2. lib/vscode: npm install of VS Code's own modules, scripts off, then
#      Debian's rg put where @vscode/ripgrep looks (its install script would
#      download one), then npm rebuild, which builds the native modules
#      (kerberos needs Debian's libkrb5-dev; headers from nodedir);
#   3. the node_modules.asar link and the two bin scripts postinstall.sh links;
#   4. lib/vscode/extensions: npm install of the built-in extensions' modules.
# Needs Debian's ripgrep, libkrb5-dev, g++, make and python3 (.ci/run installs
# them). Re-running it is cheap: each step is skipped when done.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
cd "$here"
npmq=(--no-audit --no-fund --loglevel=error)
# node-gyp builds against the headers of the Node.js that runs it (Debian's
# nodejs ships them under /usr/include/node) instead of downloading them,
# which fails offline; a nodedir the user configured still wins.
if [ -z "${npm_config_nodedir:-}" ] && [ "$(npm config get nodedir 2>/dev/null)" = "undefined" ]; then
  node_prefix="$(dirname "$(dirname "$(command -v node)")")"
  [ -d "$node_prefix/include/node" ] && export npm_config_nodedir="$node_prefix"
fi

if [ ! -e node_modules/.factbox-setup-done ]; then
  npm ci --ignore-scripts "${npmq[@]}"
  # code-server's one native module (its prebuilt download fails offline;
  # it then builds from source).
  npm rebuild argon2 --foreground-scripts "${npmq[@]}"
  touch node_modules/.factbox-setup-done
fi
vs="$here/node_modules/code-server/lib/vscode"
if [ ! -e "$vs/.factbox-setup-done" ]; then
  (
    cd "$vs"
    npm install --omit=dev --ignore-scripts "${npmq[@]}"
    rg="$(command -v rg)" || { echo "setup.sh: no rg (apt-get install ripgrep)" >&2; exit 1; }
    mkdir -p node_modules/@vscode/ripgrep/bin
    cp "$rg" node_modules/@vscode/ripgrep/bin/rg
    # node-pty's install script runs node-gyp through npx, which asks first.
    npm_config_yes=true npm rebuild --omit=dev --foreground-scripts "${npmq[@]}"
    rm -rf node_modules.asar && ln -s node_modules node_modules.asar
    (cd bin/remote-cli && rm -f code-server && ln -s code-linux.sh code-server)
    (cd bin/helpers && rm -f browser.sh && ln -s browser-linux.sh browser.sh)
    (cd extensions && npm install --omit=dev --ignore-scripts "${npmq[@]}")
    touch .factbox-setup-done
  )
fi
