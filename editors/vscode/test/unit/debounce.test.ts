import assert from 'node:assert/strict';
import { mock, test } from 'node:test';

import { Debouncer } from '../../src/debounce';

test('Debouncer runs once after the last trigger', () => {
  mock.timers.enable({ apis: ['setTimeout'] });
  try {
    let runs = 0;
    const d = new Debouncer(100, () => runs++);
    d.trigger();
    mock.timers.tick(60);
    d.trigger();
    mock.timers.tick(60);
    assert.equal(runs, 0, 'second trigger restarted the delay');
    assert.equal(d.pending, true);
    mock.timers.tick(40);
    assert.equal(runs, 1);
    assert.equal(d.pending, false);
    mock.timers.tick(500);
    assert.equal(runs, 1, 'no run without a trigger');
  } finally {
    mock.timers.reset();
  }
});

test('Debouncer.cancel drops the scheduled run', () => {
  mock.timers.enable({ apis: ['setTimeout'] });
  try {
    let runs = 0;
    const d = new Debouncer(50, () => runs++);
    d.trigger();
    d.cancel();
    mock.timers.tick(100);
    assert.equal(runs, 0);
    assert.equal(d.pending, false);
  } finally {
    mock.timers.reset();
  }
});
