// Package-free module: finds the factbox executable. It must not import
// `vscode`, so that it can be unit-tested under node's test runner.

import * as fs from 'node:fs';
import * as path from 'node:path';

/**
 * INSTALL_COMMAND installs the server with the Go toolchain, from a clone:
 * the module is not published yet, so `go install …@latest` would fail.
 */
export const INSTALL_COMMAND =
  'git clone https://github.com/factbox/factbox && cd factbox && go install ./cmd/factbox';

/** ResolveEnv is everything resolveServerPath reads from the outside world. */
export interface ResolveEnv {
  platform: NodeJS.Platform;
  /** env holds the environment variables; PATH (Path on Windows) and PATHEXT are read. */
  env: Record<string, string | undefined>;
  homedir: string;
  /** extensionPath is the folder the extension is installed in. */
  extensionPath: string;
  /** workspaceFolder anchors a relative `factbox.server.path`; undefined without a folder. */
  workspaceFolder?: string;
  /** isExecutable reports whether p names an executable regular file. */
  isExecutable(p: string): boolean;
}

/** Resolution is the outcome of resolveServerPath. */
export type Resolution =
  | { ok: true; path: string; source: 'setting' | 'bundled' | 'path' }
  | { ok: false; reason: 'setting-not-found' | 'not-found'; message: string; tried: string[] };

function pathApi(platform: NodeJS.Platform): path.PlatformPath {
  return platform === 'win32' ? path.win32 : path.posix;
}

function envVar(env: Record<string, string | undefined>, name: string, platform: NodeJS.Platform): string | undefined {
  if (platform !== 'win32') {
    return env[name];
  }
  // Windows environment variable names are case-insensitive ("Path").
  const key = Object.keys(env).find((k) => k.toUpperCase() === name);
  return key === undefined ? undefined : env[key];
}

/** bundledServerPath is where a binary shipped inside the extension lives. */
export function bundledServerPath(extensionPath: string, platform: NodeJS.Platform): string {
  return pathApi(platform).join(extensionPath, 'bin', platform === 'win32' ? 'factbox.exe' : 'factbox');
}

/**
 * expandSetting turns the `factbox.server.path` value into an absolute path:
 * a leading `~` is the home folder, and a relative path is taken from the
 * workspace folder (or, without one, left relative).
 */
export function expandSetting(value: string, e: ResolveEnv): string {
  const p = pathApi(e.platform);
  let v = value.trim();
  if (v === '~') {
    v = e.homedir;
  } else if (v.startsWith('~/') || (e.platform === 'win32' && v.startsWith('~\\'))) {
    v = p.join(e.homedir, v.slice(2));
  }
  if (!p.isAbsolute(v) && e.workspaceFolder !== undefined) {
    v = p.join(e.workspaceFolder, v);
  }
  return v;
}

/**
 * pathCandidates lists, in search order, the files that would run as
 * `factbox` from PATH. Empty PATH entries are skipped. On Windows each entry
 * is tried with every PATHEXT extension (default .COM;.EXE;.BAT;.CMD).
 */
export function pathCandidates(e: ResolveEnv): string[] {
  const p = pathApi(e.platform);
  const sep = e.platform === 'win32' ? ';' : ':';
  const dirs = (envVar(e.env, 'PATH', e.platform) ?? '').split(sep).filter((d) => d !== '');
  const exts = e.platform === 'win32'
    ? (envVar(e.env, 'PATHEXT', e.platform) ?? '.COM;.EXE;.BAT;.CMD').split(';').filter((x) => x !== '')
    : [''];
  const out: string[] = [];
  for (const d of dirs) {
    for (const x of exts) {
      out.push(p.join(d.replace(/^"(.*)"$/, '$1'), 'factbox' + x.toLowerCase()));
    }
  }
  return out;
}

/**
 * resolveServerPath finds the server: the `factbox.server.path` setting
 * first, then a binary bundled in the extension (bin/factbox, or
 * bin\factbox.exe on Windows), then PATH. A setting that names a missing
 * file is an error of its own: silently running some other factbox would
 * hide the user's mistake.
 */
export function resolveServerPath(setting: string | undefined, e: ResolveEnv): Resolution {
  const bundled = bundledServerPath(e.extensionPath, e.platform);
  if (setting !== undefined && setting.trim() !== '') {
    const p = expandSetting(setting, e);
    if (e.isExecutable(p)) {
      return { ok: true, path: p, source: 'setting' };
    }
    // Say what clearing the setting would really run: the bundled server
    // comes before PATH.
    const instead = e.isExecutable(bundled)
      ? 'clear it to use the server bundled with the extension'
      : `clear it to use factbox from your PATH (install it with: ${INSTALL_COMMAND})`;
    return {
      ok: false,
      reason: 'setting-not-found',
      tried: [p],
      message: `Factbox: the server set in "factbox.server.path" was not found or is not executable: ${p}. ` +
        `Fix the setting, or ${instead}.`,
    };
  }
  const tried: string[] = [];
  tried.push(bundled);
  if (e.isExecutable(bundled)) {
    return { ok: true, path: bundled, source: 'bundled' };
  }
  for (const c of pathCandidates(e)) {
    tried.push(c);
    if (e.isExecutable(c)) {
      return { ok: true, path: c, source: 'path' };
    }
  }
  return {
    ok: false,
    reason: 'not-found',
    tried,
    message: `Factbox: the factbox server was not found on your PATH. Install it with Go 1.26 or newer: "${INSTALL_COMMAND}" ` +
      `(and make sure $(go env GOPATH)/bin is on your PATH), or set "factbox.server.path" to the factbox executable.`,
  };
}

/**
 * isExecutableFile is the real ResolveEnv.isExecutable: a regular file that
 * the current user may execute (on Windows, any regular file).
 */
export function isExecutableFile(p: string): boolean {
  try {
    if (!fs.statSync(p).isFile()) {
      return false;
    }
    if (process.platform !== 'win32') {
      fs.accessSync(p, fs.constants.X_OK);
    }
    return true;
  } catch {
    return false;
  }
}
