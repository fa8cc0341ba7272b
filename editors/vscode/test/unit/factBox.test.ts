import assert from 'node:assert/strict';
import { test } from 'node:test';

import {
  FactBoxResult,
  FactBoxStats,
  METRICS,
  factBoxMarkdown,
  factBoxRows,
  formatNumber,
  isFactBoxResult,
  levelText,
  thresholdsOf,
  quickPickDescription,
  statusText,
  statusTooltip,
} from '../../src/factBox';

function stats(level: number, over: Partial<FactBoxStats> = {}): FactBoxStats {
  return {
    level, tokens: 120, types: 80, ttr: 80 / 120, sentences: 6, syllables: 190, letters: 560,
    polysyllables: 14, wordsPerSentence: 20, syllablesPerWord: 190 / 120, readingEase: 48.25,
    ari: 12.04, colemanLiau: 11.5, gunningFog: 12.67, smog: 11.2, adverbs: 3, passiveVoice: 1,
    simplerAlternatives: 2, ...over,
  };
}

const full: FactBoxResult = {
  uri: 'file:///book/ch1.md',
  version: 3,
  document: stats(14.06),
  paragraph: stats(9.95, { tokens: 40 }),
  sentence: null,
};

test('formatNumber', async (t) => {
  const cases = [
    { name: 'one decimal', n: 14.06, digits: 1, want: '14.1' },
    { name: 'integer count', n: 120, digits: 0, want: '120' },
    { name: 'ratio', n: 2 / 3, digits: 2, want: '0.67' },
    { name: 'negative level', n: -3.44, digits: 1, want: '-3.4' },
    { name: 'negative zero is shown as zero', n: -0.04, digits: 1, want: '0.0' },
    { name: 'NaN', n: NaN, digits: 1, want: '–' },
    { name: 'infinity', n: Infinity, digits: 1, want: '–' },
  ];
  for (const c of cases) {
    await t.test(c.name, () => assert.equal(formatNumber(c.n, c.digits), c.want));
  }
});

const tiers = { hardLevel: 10, veryHardLevel: 14 };

test('levelText: three decimals that never cross a threshold the level does not', async (t) => {
  const cases = [
    { name: 'three decimals', level: 12.3456, want: '12.346' },
    { name: 'trailing zeros kept', level: 14.06, want: '14.060' },
    { name: 'just below very hard is truncated', level: 13.9996, want: '13.999' },
    { name: 'exactly very hard', level: 14, want: '14.000' },
    { name: 'just above very hard', level: 14.0004, want: '14.000' },
    { name: 'just below hard is truncated', level: 9.9995, want: '9.999' },
    { name: 'just above hard', level: 10.0001, want: '10.000' },
    { name: 'negative zero', level: -0.0001, want: '0.000' },
    { name: 'NaN', level: NaN, want: '–' },
  ];
  for (const c of cases) {
    await t.test(c.name, () => assert.equal(levelText(c.level, tiers), c.want));
  }
  // Without thresholds it rounds: 13.9996 reads 14.000.
  assert.equal(levelText(13.9996), '14.000');
  // Any threshold counts, not just the defaults.
  assert.equal(levelText(11.9999, { hardLevel: 12, veryHardLevel: 16 }), '11.999');
});

test('thresholdsOf: the server\'s thresholds for the document, else the settings', () => {
  const settings = { hardLevel: 10, veryHardLevel: 14 };
  assert.deepStrictEqual(thresholdsOf({ ...full, hardLevel: 12, veryHardLevel: 18 }, settings), { hardLevel: 12, veryHardLevel: 18 });
  assert.deepStrictEqual(thresholdsOf(full, settings), settings, 'an older server sends none');
  assert.deepStrictEqual(thresholdsOf(undefined, settings), settings);
  // A grade just under a project's very hard level of 18 stays under it.
  assert.equal(statusText({ ...full, document: stats(17.9996), hardLevel: 12, veryHardLevel: 18 },
    thresholdsOf({ ...full, hardLevel: 12, veryHardLevel: 18 }, settings)), 'FK 17.999');
});

test('statusText', () => {
  assert.equal(statusText(full), 'FK 14.060');
  assert.equal(statusText(undefined), 'FK –');
  assert.equal(statusText({ ...full, document: stats(0) }), 'FK 0.000');
  assert.equal(statusText({ ...full, document: stats(13.9996) }, tiers), 'FK 13.999');
});

test('statusTooltip names the four headline numbers, Level and TTR at three decimals', () => {
  assert.equal(
    statusTooltip(full),
    'Factbox — document: Level 14.060, Tokens 120, Types 80, TTR 0.667. Click for the full fact box.',
  );
  assert.match(statusTooltip(undefined), /no fact box/);
});

test('isFactBoxResult', async (t) => {
  const cases: { name: string; v: unknown; want: boolean }[] = [
    { name: 'full result', v: full, want: true },
    { name: 'paragraph and sentence absent', v: { uri: 'u', version: 1, document: stats(1) }, want: true },
    { name: 'null', v: null, want: false },
    { name: 'no document', v: { uri: 'u', version: 1, document: null }, want: false },
    { name: 'missing metric', v: { uri: 'u', document: { ...stats(1), smog: undefined } }, want: false },
    { name: 'string metric', v: { uri: 'u', document: { ...stats(1), level: '14' } }, want: false },
    { name: 'bad sentence', v: { uri: 'u', document: stats(1), sentence: { level: 1 } }, want: false },
    { name: 'no uri', v: { document: stats(1) }, want: false },
  ];
  for (const c of cases) {
    await t.test(c.name, () => assert.equal(isFactBoxResult(c.v), c.want));
  }
});

test('factBoxRows formats every metric and dashes a missing sentence', () => {
  const rows = factBoxRows(full);
  assert.equal(rows.length, METRICS.length);
  assert.deepStrictEqual(rows.slice(0, 4).map((r) => r.label), ['Level', 'Tokens', 'Types', 'TTR']);
  assert.deepStrictEqual(rows[0], {
    label: 'Level',
    help: METRICS[0].help,
    document: '14.060',
    paragraph: '9.950',
    sentence: '–',
  });
  assert.equal(rows[1].paragraph, '40');
  assert.equal(rows[3].document, '0.667', 'TTR at three decimals');
  assert.equal(quickPickDescription(rows[0]), 'document 14.060 · paragraph 9.950 · sentence –');
  assert.equal(factBoxRows({ ...full, paragraph: stats(9.9996) }, tiers)[0].paragraph, '9.999');
});

test('every metric key is a field of the server fact box', () => {
  const keys = Object.keys(stats(1)).sort();
  assert.deepStrictEqual(METRICS.map((m) => m.key).sort(), keys);
});

test('factBoxMarkdown is a table with one row per metric', () => {
  const md = factBoxMarkdown(full, 'Fact box — ch1.md');
  const lines = md.trimEnd().split('\n');
  assert.equal(lines[0], '### Fact box — ch1.md');
  assert.equal(lines[2], '| | Document | Paragraph | Sentence |');
  assert.equal(lines[4], '| Level | 14.060 | 9.950 | – |');
  assert.equal(lines.length, 4 + METRICS.length);
});
