import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { test } from 'node:test';

import {
  INSTALL_COMMAND,
  ResolveEnv,
  Resolution,
  bundledServerPath,
  isExecutableFile,
  pathCandidates,
  resolveServerPath,
} from '../../src/serverPath';

function posixEnv(executables: string[], extra: Partial<ResolveEnv> = {}): ResolveEnv {
  const set = new Set(executables);
  return {
    platform: 'linux',
    env: { PATH: '/usr/local/bin::/home/ann/go/bin' },
    homedir: '/home/ann',
    extensionPath: '/home/ann/.vscode/extensions/factbox.factbox-0.1.0',
    isExecutable: (p) => set.has(p),
    ...extra,
  };
}

function winEnv(executables: string[]): ResolveEnv {
  const set = new Set(executables);
  return {
    platform: 'win32',
    env: { Path: 'C:\\Windows;"C:\\Users\\ann\\go\\bin"', PATHEXT: '.COM;.EXE' },
    homedir: 'C:\\Users\\ann',
    extensionPath: 'C:\\Users\\ann\\.vscode\\extensions\\factbox',
    workspaceFolder: 'C:\\src\\book',
    isExecutable: (p) => set.has(p),
  };
}

test('resolveServerPath', async (t) => {
  const bundled = '/home/ann/.vscode/extensions/factbox.factbox-0.1.0/bin/factbox';
  const cases: {
    name: string;
    setting: string | undefined;
    env: ResolveEnv;
    want: Partial<Resolution>;
  }[] = [
    {
      name: 'setting wins over bundled and PATH',
      setting: '/opt/factbox/factbox',
      env: posixEnv(['/opt/factbox/factbox', bundled, '/usr/local/bin/factbox']),
      want: { ok: true, path: '/opt/factbox/factbox', source: 'setting' },
    },
    {
      name: 'setting with ~ expands to the home folder',
      setting: '  ~/bin/factbox ',
      env: posixEnv(['/home/ann/bin/factbox']),
      want: { ok: true, path: '/home/ann/bin/factbox', source: 'setting' },
    },
    {
      name: 'relative setting is taken from the workspace folder',
      setting: 'tools/factbox',
      env: posixEnv(['/src/book/tools/factbox'], { workspaceFolder: '/src/book' }),
      want: { ok: true, path: '/src/book/tools/factbox', source: 'setting' },
    },
    {
      name: 'missing setting target is an error, not a fallback',
      setting: '/nope/factbox',
      env: posixEnv([bundled]),
      want: { ok: false, reason: 'setting-not-found', tried: ['/nope/factbox'] },
    },
    {
      name: 'blank setting means unset: bundled binary',
      setting: '   ',
      env: posixEnv([bundled, '/usr/local/bin/factbox']),
      want: { ok: true, path: bundled, source: 'bundled' },
    },
    {
      name: 'PATH in order, empty entries skipped',
      setting: undefined,
      env: posixEnv(['/home/ann/go/bin/factbox']),
      want: { ok: true, path: '/home/ann/go/bin/factbox', source: 'path' },
    },
    {
      name: 'first PATH entry wins',
      setting: undefined,
      env: posixEnv(['/home/ann/go/bin/factbox', '/usr/local/bin/factbox']),
      want: { ok: true, path: '/usr/local/bin/factbox', source: 'path' },
    },
    {
      name: 'nothing found lists what was tried',
      setting: '',
      env: posixEnv([]),
      want: { ok: false, reason: 'not-found', tried: [bundled, '/usr/local/bin/factbox', '/home/ann/go/bin/factbox'] },
    },
    {
      name: 'windows: bundled .exe',
      setting: undefined,
      env: winEnv(['C:\\Users\\ann\\.vscode\\extensions\\factbox\\bin\\factbox.exe']),
      want: { ok: true, path: 'C:\\Users\\ann\\.vscode\\extensions\\factbox\\bin\\factbox.exe', source: 'bundled' },
    },
    {
      name: 'windows: Path is case-insensitive, quotes stripped, PATHEXT applied',
      setting: undefined,
      env: winEnv(['C:\\Users\\ann\\go\\bin\\factbox.exe']),
      want: { ok: true, path: 'C:\\Users\\ann\\go\\bin\\factbox.exe', source: 'path' },
    },
    {
      name: 'windows: relative setting from the workspace folder',
      setting: 'bin\\factbox.exe',
      env: winEnv(['C:\\src\\book\\bin\\factbox.exe']),
      want: { ok: true, path: 'C:\\src\\book\\bin\\factbox.exe', source: 'setting' },
    },
  ];
  for (const c of cases) {
    await t.test(c.name, () => {
      const got = resolveServerPath(c.setting, c.env);
      for (const [k, v] of Object.entries(c.want)) {
        assert.deepStrictEqual((got as Record<string, unknown>)[k], v, `field ${k} of ${JSON.stringify(got)}`);
      }
    });
  }
});

test('not-found message says exactly what to do', () => {
  const r = resolveServerPath(undefined, posixEnv([]));
  assert.equal(r.ok, false);
  if (!r.ok) {
    assert.ok(r.message.includes(INSTALL_COMMAND), r.message);
    assert.ok(r.message.includes('factbox.server.path'), r.message);
  }
  const s = resolveServerPath('/x/factbox', posixEnv([]));
  assert.ok(!s.ok && s.message.includes('/x/factbox') && s.message.includes('factbox.server.path'));
});

test('INSTALL_COMMAND installs from a clone: the module is not published yet', () => {
  assert.equal(INSTALL_COMMAND, 'git clone https://github.com/factbox/factbox && cd factbox && go install ./cmd/factbox');
  assert.doesNotMatch(INSTALL_COMMAND, /@latest/);
});

test('a missing setting says what clearing it would run', () => {
  const withBundle = resolveServerPath('/x/factbox', posixEnv(['/home/ann/.vscode/extensions/factbox.factbox-0.1.0/bin/factbox']));
  assert.ok(!withBundle.ok);
  if (!withBundle.ok) {
    assert.match(withBundle.message, /clear it to use the server bundled with the extension/);
    assert.doesNotMatch(withBundle.message, /PATH/);
  }
  const without = resolveServerPath('/x/factbox', posixEnv([]));
  assert.ok(!without.ok);
  if (!without.ok) {
    assert.match(without.message, /clear it to use factbox from your PATH/);
    assert.ok(without.message.includes(INSTALL_COMMAND), without.message);
  }
});

test('bundledServerPath', () => {
  assert.equal(bundledServerPath('/ext', 'darwin'), '/ext/bin/factbox');
  assert.equal(bundledServerPath('C:\\ext', 'win32'), 'C:\\ext\\bin\\factbox.exe');
});

test('pathCandidates defaults PATHEXT on windows', () => {
  const e = winEnv([]);
  delete e.env.PATHEXT;
  assert.deepStrictEqual(pathCandidates(e).slice(0, 4), [
    'C:\\Windows\\factbox.com',
    'C:\\Windows\\factbox.exe',
    'C:\\Windows\\factbox.bat',
    'C:\\Windows\\factbox.cmd',
  ]);
});

test('isExecutableFile checks the real file system', { skip: process.platform === 'win32' }, () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'factbox-path-'));
  try {
    const exe = path.join(dir, 'factbox');
    const plain = path.join(dir, 'notes.txt');
    fs.writeFileSync(exe, '#!/bin/sh\n', { mode: 0o755 });
    fs.writeFileSync(plain, 'x', { mode: 0o644 });
    assert.equal(isExecutableFile(exe), true);
    assert.equal(isExecutableFile(dir), false, 'a directory is not an executable');
    assert.equal(isExecutableFile(path.join(dir, 'missing')), false);
    // Even root may not execute a file without any x bit.
    assert.equal(isExecutableFile(plain), false);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
