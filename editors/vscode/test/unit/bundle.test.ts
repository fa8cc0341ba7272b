// Loads the bundled extension (dist/extension.js, built by `npm run build`)
// with a stand-in for the `vscode` module and activates it with a server
// path that does not exist: the user must get an error that says what to do,
// with a button that opens the setting.
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import Module from 'node:module';
import * as path from 'node:path';
import { test } from 'node:test';

const BUNDLE = path.join(__dirname, '..', '..', '..', 'dist', 'extension.js');

interface Disposable { dispose(): void }

function fakeVscode(settings: Record<string, unknown>) {
  const errors: { message: string; items: string[] }[] = [];
  // The status bar item, with each text it was given (and the tooltip then).
  const status = { text: '', tooltip: '', command: '', name: '', shown: [] as string[], show() {}, hide() { this.shown.push('(hidden)'); }, dispose() {} };
  const statusItem = new Proxy(status, {
    set(t, p, v) {
      (t as Record<string | symbol, unknown>)[p] = v;
      if (p === 'tooltip') t.shown.push(`${t.text} (${String(v)})`);
      return true;
    },
  });
  const commands = new Map<string, (...a: unknown[]) => unknown>();
  const executed: unknown[][] = [];
  const event = () => (): Disposable => ({ dispose() {} });
  const api = {
    StatusBarAlignment: { Left: 1, Right: 2 },
    QuickPickItemKind: { Separator: -1, Default: 0 },
    window: {
      createOutputChannel: () => ({ appendLine() {}, show() {}, dispose() {} }),
      createStatusBarItem: () => statusItem,
      showErrorMessage: (message: string, ...items: string[]) => {
        errors.push({ message, items });
        return Promise.resolve('Open Settings');
      },
      showInformationMessage: () => Promise.resolve(undefined),
      showWarningMessage: () => Promise.resolve(undefined),
      onDidChangeActiveTextEditor: event(),
      activeTextEditor: undefined,
    },
    workspace: {
      getConfiguration: () => ({ get: (key: string) => settings[key] }),
      onDidChangeTextDocument: event(),
      onDidChangeConfiguration: event(),
      registerTextDocumentContentProvider: () => ({ dispose() {} }),
      workspaceFolders: undefined,
    },
    commands: {
      registerCommand: (name: string, fn: (...a: unknown[]) => unknown) => {
        commands.set(name, fn);
        return { dispose() {} };
      },
      executeCommand: (...args: unknown[]) => {
        executed.push(args);
        return Promise.resolve();
      },
    },
    env: { clipboard: { writeText: () => Promise.resolve() } },
    languages: { match: () => 0, onDidChangeDiagnostics: event() },
  };
  // vscode-languageclient subclasses a few vscode classes when it loads;
  // any other capitalised name is a plain class here.
  const withClasses = new Proxy(api as Record<string, unknown>, {
    get(target, p) {
      if (typeof p === 'string' && !(p in target) && /^[A-Z]/.test(p)) {
        return class {};
      }
      return target[p as string];
    },
  });
  return { api: withClasses, errors, commands, executed, status: statusItem };
}

test('the bundle activates and reports a missing server with what to do', async () => {
  assert.ok(fs.existsSync(BUNDLE), `${BUNDLE} exists (npm run build)`);
  const fake = fakeVscode({ 'server.path': '/nonexistent/factbox' });
  const load = (Module as unknown as { _load: (...a: unknown[]) => unknown })._load;
  (Module as unknown as { _load: (...a: unknown[]) => unknown })._load = function (this: unknown, req: unknown, ...rest: unknown[]) {
    return req === 'vscode' ? fake.api : load.call(this, req, ...rest);
  };
  try {
    delete require.cache[BUNDLE];
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const ext = require(BUNDLE) as { activate(ctx: unknown): Promise<void>; deactivate(): Promise<void> };
    const subscriptions: Disposable[] = [];
    await ext.activate({ subscriptions, extensionPath: '/nonexistent-extension' });
    assert.deepStrictEqual([...fake.commands.keys()].sort(), ['factbox.restartServer', 'factbox.showFactBox']);
    await new Promise((r) => setImmediate(r));
    assert.equal(fake.errors.length, 1, JSON.stringify(fake.errors));
    const { message, items } = fake.errors[0];
    assert.match(message, /factbox\.server\.path/);
    assert.match(message, /\/nonexistent\/factbox/);
    assert.ok(message.includes('go install ./cmd/factbox'), message);
    assert.deepStrictEqual(items, ['Open Settings', 'Copy Install Command']);
    assert.deepStrictEqual(fake.executed, [['workbench.action.openSettings', 'factbox.server.path']],
      'the button opens the setting');

    // Restart Server: the level shown came from the server being stopped,
    // so the status bar says the server restarts before it stops it.
    fake.status.shown.length = 0;
    await fake.commands.get('factbox.restartServer')?.();
    assert.deepStrictEqual(fake.status.shown, ['FK – (Factbox: restarting the server)', '(hidden)'],
      'restarting, then hidden as the server is still missing');
    await ext.deactivate();
    for (const s of subscriptions) s.dispose();
  } finally {
    (Module as unknown as { _load: unknown })._load = load;
  }
});
