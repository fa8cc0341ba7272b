import assert from 'node:assert/strict';
import { test } from 'node:test';
import type * as vscode from 'vscode';

import { GuardedOutputChannel, clientLogLine } from '../../src/output';

test('clientLogLine: a clean exit is information, other lines stay', async (t) => {
  const cases = [
    { name: 'clean exit', in: '[Error - 10:42:01 AM] Server process exited with code 0.', want: '[Info - 10:42:01 AM] Server process exited with code 0. (a clean stop)' },
    { name: 'crash', in: '[Error - 10:42:01 AM] Server process exited with code 1.', want: '[Error - 10:42:01 AM] Server process exited with code 1.' },
    { name: 'code 0 elsewhere', in: '[Error - 10:42:01 AM] Server process exited with code 0. Restarting', want: '[Error - 10:42:01 AM] Server process exited with code 0. Restarting' },
    { name: 'signal', in: '[Error - 1:00:00 PM] Server process exited with signal SIGKILL.', want: '[Error - 1:00:00 PM] Server process exited with signal SIGKILL.' },
    { name: 'other', in: 'Starting /usr/bin/factbox serve --stdio', want: 'Starting /usr/bin/factbox serve --stdio' },
  ];
  for (const c of cases) {
    await t.test(c.name, () => assert.equal(clientLogLine(c.in), c.want));
  }
});

test('GuardedOutputChannel drops writes once disposed', () => {
  const lines: string[] = [];
  let disposed = 0;
  const inner = {
    name: 'Factbox',
    append: (v: string) => {
      if (disposed) throw new Error('Channel has been closed');
      lines.push(v);
    },
    appendLine: (v: string) => {
      if (disposed) throw new Error('Channel has been closed');
      lines.push(v + '\n');
    },
    replace() {},
    clear() {},
    show() {},
    hide() {},
    dispose: () => disposed++,
  } as unknown as vscode.OutputChannel;
  const out = new GuardedOutputChannel(inner);
  out.appendLine('[Error - 1:00:00 PM] Server process exited with code 0.');
  out.append('x');
  assert.deepStrictEqual(lines, ['[Info - 1:00:00 PM] Server process exited with code 0. (a clean stop)\n', 'x']);
  assert.equal(out.name, 'Factbox');
  out.dispose();
  out.dispose();
  assert.equal(disposed, 1, 'disposed once');
  assert.doesNotThrow(() => {
    out.appendLine('late');
    out.append('late');
    out.show();
  });
  assert.equal(lines.length, 2);
});
