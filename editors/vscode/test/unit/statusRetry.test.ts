import assert from 'node:assert/strict';
import { mock, test } from 'node:test';

import { RETRY_DELAYS_MS, StatusRetry, isDocumentNotFound } from '../../src/statusRetry';

test('isDocumentNotFound', async (t) => {
  const cases: { name: string; err: unknown; want: boolean }[] = [
    { name: 'the server error', err: new Error('file:///a.md: document not found'), want: true },
    { name: 'a response error object', err: { code: -32602, message: 'document not found: file:///a.md' }, want: true },
    { name: 'other error', err: new Error('line 9 is out of range'), want: false },
    { name: 'a string', err: 'Document not found', want: true },
    { name: 'undefined', err: undefined, want: false },
  ];
  for (const c of cases) {
    await t.test(c.name, () => assert.equal(isDocumentNotFound(c.err), c.want));
  }
});

test('StatusRetry: a publication for the document retries at once', () => {
  mock.timers.enable({ apis: ['setTimeout'] });
  try {
    let runs = 0;
    const r = new StatusRetry(() => runs++);
    assert.equal(r.notFound('file:///a.md'), true);
    r.published(['file:///b.md']);
    assert.equal(runs, 0, 'another document does not count');
    r.published(['file:///b.md', 'file:///a.md']);
    assert.equal(runs, 1);
    assert.equal(r.pending, false);
    mock.timers.tick(10_000);
    assert.equal(runs, 1, 'the timer was cancelled');
    r.published(['file:///a.md']);
    assert.equal(runs, 1, 'no retry without a failure first');
  } finally {
    mock.timers.reset();
  }
});

test('StatusRetry: without a publication it backs off, then gives up', () => {
  mock.timers.enable({ apis: ['setTimeout'] });
  try {
    let runs = 0;
    const r = new StatusRetry(() => runs++, [100, 300]);
    assert.equal(r.notFound('file:///a.md'), true);
    mock.timers.tick(99);
    assert.equal(runs, 0);
    mock.timers.tick(1);
    assert.equal(runs, 1);
    assert.equal(r.notFound('file:///a.md'), true);
    mock.timers.tick(300);
    assert.equal(runs, 2);
    assert.equal(r.notFound('file:///a.md'), false, 'out of retries');
    mock.timers.tick(10_000);
    assert.equal(runs, 2);
    r.succeeded();
    assert.equal(r.notFound('file:///a.md'), true, 'success starts over');
    assert.equal(r.notFound('file:///b.md'), true, 'another document starts over');
  } finally {
    mock.timers.reset();
  }
});

test('StatusRetry: after the retries run out, a publication still retries once', () => {
  mock.timers.enable({ apis: ['setTimeout'] });
  try {
    let runs = 0;
    const r = new StatusRetry(() => runs++, [100]);
    assert.equal(r.notFound('file:///a.md'), true);
    mock.timers.tick(100);
    assert.equal(runs, 1);
    assert.equal(r.notFound('file:///a.md'), false, 'out of retries');
    r.published(['file:///b.md']);
    assert.equal(runs, 1, 'another document does not count');
    r.published(['file:///a.md']);
    assert.equal(runs, 2, 'the late publication brings the status back');
    r.succeeded();
    r.published(['file:///a.md']);
    assert.equal(runs, 2, 'nothing to retry after a success');
  } finally {
    mock.timers.reset();
  }
});

test('RETRY_DELAYS_MS gives the server several seconds in all', () => {
  assert.ok(RETRY_DELAYS_MS.reduce((a, b) => a + b, 0) >= 5000);
});
