import assert from 'node:assert/strict';
import { test } from 'node:test';

import {
  ConfigInspector,
  ConfigReader,
  DEFAULT_SETTINGS,
  ExplicitSettings,
  Inspected,
  didChangeConfigurationParams,
  documentSelector,
  explicitSettings,
  initializationOptions,
  readSettings,
  settingsProblem,
} from '../../src/settings';

function reader(values: Record<string, unknown>): ConfigReader {
  return { get: <T>(key: string) => values[key] as T | undefined };
}

test('readSettings', async (t) => {
  const cases: { name: string; values: Record<string, unknown>; want: unknown }[] = [
    { name: 'empty configuration gives the defaults', values: {}, want: DEFAULT_SETTINGS },
    {
      name: 'user values pass through',
      values: { hardLevel: 8.5, veryHardLevel: 12, minWords: 20, 'diagnostics.enable': false, languages: ['markdown'] },
      want: { ...DEFAULT_SETTINGS, hardLevel: 8.5, veryHardLevel: 12, minWords: 20, diagnostics: { enable: false }, languages: ['markdown'] },
    },
    {
      name: 'ill-typed values fall back to defaults',
      values: { hardLevel: '12', veryHardLevel: NaN, minWords: Infinity, 'diagnostics.enable': 'no', languages: 'markdown' },
      want: DEFAULT_SETTINGS,
    },
    {
      name: 'minWords is truncated and at least 1',
      values: { minWords: 0.5 },
      want: { ...DEFAULT_SETTINGS, minWords: 1 },
    },
    {
      name: 'minWords fraction is truncated',
      values: { minWords: 9.9 },
      want: { ...DEFAULT_SETTINGS, minWords: 9 },
    },
    {
      name: 'languages are de-duplicated and non-strings dropped',
      values: { languages: ['plaintext', '', 3, 'plaintext', 'markdown'] },
      want: { ...DEFAULT_SETTINGS, languages: ['plaintext', 'markdown'] },
    },
    {
      name: 'an empty language list is kept (analyse nothing)',
      values: { languages: [] },
      want: { ...DEFAULT_SETTINGS, languages: [] },
    },
    {
      name: 'hint switches are read, ill-typed ones fall back to on',
      values: { 'hints.adverbs': false, 'hints.passiveVoice': 'no', 'inlayHints.enable': false },
      want: {
        ...DEFAULT_SETTINGS,
        hints: { adverbs: false, passiveVoice: true, simplerAlternatives: true },
        inlayHints: { enable: false },
      },
    },
  ];
  for (const c of cases) {
    await t.test(c.name, () => {
      assert.deepStrictEqual(readSettings(reader(c.values)), c.want);
    });
  }
});

test('readSettings does not share the default language array', () => {
  const s = readSettings(reader({}));
  s.languages.push('latex');
  assert.deepStrictEqual(DEFAULT_SETTINGS.languages, ['markdown', 'plaintext']);
});

test('settingsProblem: a hard level above the very hard one', () => {
  assert.equal(settingsProblem(readSettings(reader({}))), undefined);
  assert.equal(settingsProblem(readSettings(reader({ hardLevel: 14, veryHardLevel: 14 }))), undefined, 'equal is fine');
  const p = settingsProblem(readSettings(reader({ hardLevel: 15, veryHardLevel: 14 })));
  assert.ok(p !== undefined);
  assert.match(p, /"factbox\.hardLevel" \(15\) is above "factbox\.veryHardLevel" \(14\)/);
});

test('settings are wrapped the way the server reads them', () => {
  const s = readSettings(reader({ hardLevel: 11 }));
  assert.deepStrictEqual(initializationOptions(s), { factbox: s, clientShowsDiagnosticsInHover: true });
  assert.deepStrictEqual(didChangeConfigurationParams(s), { settings: { factbox: s } });
  assert.equal(JSON.parse(JSON.stringify(initializationOptions(s))).factbox.diagnostics.enable, true);
});

test('documentSelector covers saved and untitled documents', () => {
  assert.deepStrictEqual(documentSelector(['markdown', 'plaintext']), [
    { scheme: 'file', language: 'markdown' },
    { scheme: 'untitled', language: 'markdown' },
    { scheme: 'file', language: 'plaintext' },
    { scheme: 'untitled', language: 'plaintext' },
  ]);
  assert.deepStrictEqual(documentSelector([]), []);
});

test('package.json declares the same defaults the extension sends', async () => {
  const { readFileSync } = await import('node:fs');
  const { join } = await import('node:path');
  // Compiled to out/test/unit; package.json is three folders up.
  const pkg = JSON.parse(readFileSync(join(__dirname, '..', '..', '..', 'package.json'), 'utf8'));
  const props = pkg.contributes.configuration.properties;
  const fromPackage = readSettings(reader({
    hardLevel: props['factbox.hardLevel'].default,
    veryHardLevel: props['factbox.veryHardLevel'].default,
    minWords: props['factbox.minWords'].default,
    'diagnostics.enable': props['factbox.diagnostics.enable'].default,
    languages: props['factbox.languages'].default,
    'hints.adverbs': props['factbox.hints.adverbs'].default,
    'hints.passiveVoice': props['factbox.hints.passiveVoice'].default,
    'hints.simplerAlternatives': props['factbox.hints.simplerAlternatives'].default,
    'inlayHints.enable': props['factbox.inlayHints.enable'].default,
  }));
  assert.deepStrictEqual(fromPackage, DEFAULT_SETTINGS);
  for (const [key, p] of Object.entries<Record<string, unknown>>(props)) {
    assert.ok(typeof p.markdownDescription === 'string' && p.markdownDescription.length > 20, `${key} has a description`);
    assert.ok('default' in p, `${key} has a default`);
    if (p.type === 'number' || p.type === 'integer') {
      assert.ok(typeof p.minimum === 'number' && typeof p.maximum === 'number', `${key} has minimum and maximum`);
    }
  }
});

/** inspector reads values and says they were set at the level named in set (key → level). */
function inspector(values: Record<string, unknown>, set: Record<string, keyof Inspected>): ConfigInspector {
  return {
    get: <T>(key: string) => values[key] as T | undefined,
    inspect: (key: string) => (set[key] === undefined ? {} : { [set[key]]: values[key] }),
  };
}

// ALWAYS is what explicitSettings sends whatever the writer set: the hint
// switches, which the server leaves off unless asked.
const ALWAYS = { hints: DEFAULT_SETTINGS.hints, inlayHints: DEFAULT_SETTINGS.inlayHints };

test('explicitSettings sends only what the writer set', async (t) => {
  const cases: { name: string; values: Record<string, unknown>; set: Record<string, keyof Inspected>; want: ExplicitSettings }[] = [
    {
      name: 'nothing set: only the languages, so a .factbox.toml applies',
      values: { hardLevel: 10, veryHardLevel: 14, minWords: 14, 'diagnostics.enable': true, languages: ['markdown', 'plaintext'] },
      set: {},
      want: { languages: ['markdown', 'plaintext'], ...ALWAYS },
    },
    {
      name: 'set at each level',
      values: { hardLevel: 9, veryHardLevel: 13, minWords: 8, 'diagnostics.enable': false, configPath: '~/docs.toml' },
      set: { hardLevel: 'globalValue', veryHardLevel: 'workspaceValue', minWords: 'workspaceFolderValue', 'diagnostics.enable': 'workspaceFolderLanguageValue', configPath: 'globalValue' },
      want: { hardLevel: 9, veryHardLevel: 13, minWords: 8, diagnostics: { enable: false }, configPath: '~/docs.toml', languages: DEFAULT_SETTINGS.languages, ...ALWAYS },
    },
    {
      name: 'a value set to its default is still explicit',
      values: { hardLevel: 10 },
      set: { hardLevel: 'workspaceValue' },
      want: { hardLevel: 10, languages: DEFAULT_SETTINGS.languages, ...ALWAYS },
    },
    {
      name: 'ill-typed values and an empty config path are left out',
      values: { hardLevel: '12', minWords: NaN, 'diagnostics.enable': 'no', configPath: '' },
      set: { hardLevel: 'globalValue', minWords: 'globalValue', 'diagnostics.enable': 'globalValue', configPath: 'globalValue' },
      want: { languages: DEFAULT_SETTINGS.languages, ...ALWAYS },
    },
    {
      name: 'minWords is checked as readSettings checks it',
      values: { minWords: 0.5 },
      set: { minWords: 'globalValue' },
      want: { minWords: 1, languages: DEFAULT_SETTINGS.languages, ...ALWAYS },
    },
  ];
  for (const c of cases) {
    await t.test(c.name, () => {
      assert.deepStrictEqual(explicitSettings(inspector(c.values, c.set)), c.want);
    });
  }
  assert.deepStrictEqual(initializationOptions(explicitSettings(inspector({}, {}))), { factbox: { languages: ['markdown', 'plaintext'], ...ALWAYS }, clientShowsDiagnosticsInHover: true });
  const off = explicitSettings(inspector({ 'hints.adverbs': false, 'inlayHints.enable': false }, { 'hints.adverbs': 'globalValue', 'inlayHints.enable': 'globalValue' }));
  assert.deepStrictEqual([off.hints.adverbs, off.hints.passiveVoice, off.inlayHints.enable], [false, true, false], 'hint switches the writer turned off');
});
