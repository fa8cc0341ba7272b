// FactboxClient against the real vscode-languageclient, loaded with a
// stand-in for the `vscode` module: a request in flight when the client is
// stopped (Restart Server, or a window reload while VS Code asks for code
// actions) must end quietly, as one made after the stop does.
import assert from 'node:assert/strict';
import Module from 'node:module';
import { test } from 'node:test';

import type * as lc from 'vscode-languageclient/node';

interface Disposable { dispose(): void }

/** A stand-in for `vscode` with what LanguageClient's constructor and error path use. */
function fakeVscode() {
  const output: string[] = [];
  const notifications: string[] = [];
  const event = () => (): Disposable => ({ dispose() {} });
  const onEvents = new Proxy({} as Record<string, unknown>, {
    get: (t, p) => (typeof p === 'string' && p.startsWith('on') ? event() : t[p as string]),
  });
  class EventEmitter<T> {
    private listeners: ((e: T) => void)[] = [];
    event = (f: (e: T) => void): Disposable => {
      this.listeners.push(f);
      return { dispose() {} };
    };
    fire(e: T) {
      for (const f of this.listeners) f(e);
    }
    dispose() {}
  }
  const api = {
    version: '1.100.3',
    EventEmitter,
    Disposable: class {
      static from() {
        return { dispose() {} };
      }
      dispose() {}
    },
    window: {
      createOutputChannel: () => ({ appendLine: (l: string) => output.push(l), append() {}, show() {}, dispose() {} }),
      showErrorMessage: (m: string) => {
        notifications.push(m);
        return Promise.resolve(undefined);
      },
    },
    workspace: onEvents,
    languages: onEvents,
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
  return { api: withClasses, output, notifications };
}

type ModuleLoad = (request: unknown, ...rest: unknown[]) => unknown;

/** withFakeVscode loads the client modules with a fake `vscode` and runs fn. */
async function withFakeVscode(fn: (m: { client: typeof import('../../src/client'); lc: typeof lc }, fake: ReturnType<typeof fakeVscode>) => Promise<void>) {
  const fake = fakeVscode();
  const mod = Module as unknown as { _load: ModuleLoad };
  const load = mod._load;
  mod._load = function (this: unknown, req: unknown, ...rest: unknown[]) {
    return req === 'vscode' ? fake.api : load.call(this, req, ...rest);
  };
  try {
    for (const k of Object.keys(require.cache)) {
      if (k.includes('vscode-languageclient') || k.endsWith('client.js')) delete require.cache[k];
    }
    /* eslint-disable @typescript-eslint/no-require-imports */
    const m = {
      client: require('../../src/client') as typeof import('../../src/client'),
      lc: require('vscode-languageclient/node') as typeof lc,
    };
    /* eslint-enable @typescript-eslint/no-require-imports */
    await fn(m, fake);
  } finally {
    mod._load = load;
  }
}

/**
 * running puts c in the state of a client whose server answered
 * initialize, with a connection that answers every request with 'answer'.
 */
function running(c: lc.LanguageClient) {
  const connection = {
    sendRequest: async () => 'answer',
    shutdown: async () => undefined,
    exit: async () => undefined,
    end() {},
    dispose() {},
  };
  Object.assign(c, { _state: 'running', _connection: connection, _onStart: Promise.resolve() });
}

const HOVER = { method: 'textDocument/hover' };

/**
 * raceStop makes a request, stops the client before the request has taken
 * its connection (what VS Code does when it asks for code actions as the
 * window reloads), and returns what the client's hover provider would
 * answer for it: the default (null), or the error it rethrows.
 */
async function raceStop(c: lc.LanguageClient): Promise<{ answer?: unknown; thrown?: unknown }> {
  const request = c.sendRequest('textDocument/hover', {});
  const stopped = c.stop();
  let result: { answer?: unknown; thrown?: unknown };
  try {
    result = { answer: await request };
  } catch (err) {
    // What the client's providers do with a failed request.
    const failed = (c as unknown as { handleFailedRequest: (...a: unknown[]) => unknown }).handleFailedRequest;
    try {
      result = { answer: failed.call(c, HOVER, undefined, err, null) };
    } catch (rethrown) {
      result = { thrown: rethrown };
    }
  }
  await stopped;
  return result;
}

test('FactboxClient: a request in flight when the client stops ends with the default, logging nothing', async () => {
  await withFakeVscode(async ({ client, lc }, fake) => {
    const out = fake.api.window as { createOutputChannel: () => lc.LanguageClientOptions['outputChannel'] };
    const c = new client.FactboxClient('factbox', 'Factbox', { command: 'factbox' }, { outputChannel: out.createOutputChannel() });
    running(c);
    assert.equal(await c.sendRequest('textDocument/hover', {}), 'answer', 'a running client answers');
    const r = await raceStop(c);
    assert.deepStrictEqual(r, { answer: null }, `the provider's default, not ${String(r.thrown)}`);
    assert.deepStrictEqual(fake.output, [], 'nothing logged to the output channel');
    assert.deepStrictEqual(fake.notifications, [], 'no error notification');
    assert.equal(c.state, lc.State.Stopped);
  });
});

test('vscode-languageclient still has the race FactboxClient closes (if this fails, the override can go)', async () => {
  await withFakeVscode(async ({ lc }, fake) => {
    const out = fake.api.window as { createOutputChannel: () => lc.LanguageClientOptions['outputChannel'] };
    const c = new lc.LanguageClient('factbox', 'Factbox', { command: 'factbox' }, { outputChannel: out.createOutputChannel() });
    running(c);
    const r = await raceStop(c);
    assert.ok(r.thrown instanceof Error && r.thrown.message === 'Starting server failed', String(r.thrown));
    assert.ok(fake.output.some((l) => l.includes('Request textDocument/hover failed.')), fake.output.join('\n'));
    assert.deepStrictEqual(fake.notifications, ['Request textDocument/hover failed.']);
  });
});

test('requestError', async (t) => {
  await withFakeVscode(async ({ client, lc }) => {
    const plain = new Error('Starting server failed');
    const response = new lc.ResponseError(lc.ErrorCodes.PendingResponseRejected, 'gone');
    await t.test('a running client keeps its errors', () => {
      assert.equal(client.requestError(plain, lc.State.Running), plain);
    });
    await t.test('a starting client keeps its errors (a failed start is reported where it fails)', () => {
      assert.equal(client.requestError(plain, lc.State.Starting), plain);
    });
    await t.test('a stopped client turns a plain error into ConnectionInactive', () => {
      const e = client.requestError(plain, lc.State.Stopped);
      assert.ok(e instanceof lc.ResponseError && e.code === lc.ErrorCodes.ConnectionInactive, String(e));
    });
    await t.test("a stopped client keeps the server's responses", () => {
      assert.equal(client.requestError(response, lc.State.Stopped), response);
    });
  });
});
