// End-to-end: the real `factbox serve --stdio`, driven by Microsoft's
// vscode-languageserver-protocol client with the InitializeParams VS Code
// sends (test/e2e/initializeParams.json, see scripts/capture-initialize-params.cjs).
//
// Environment:
//   FACTBOX_BIN      the factbox binary; built with `go build` when unset.
//   FACTBOX_FIXTURE  the document to open; defaults to the reference document,
//                    ../../../shared/fixtures/000_0004cf68decdbf28.txt from editors/vscode,
//                    or, where that is absent (a fresh clone), to
//                    cmd/factbox/testdata/sample.md, which the repository ships.

import assert from 'node:assert/strict';
import { ChildProcessWithoutNullStreams, execFileSync, spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, before, test } from 'node:test';
import { pathToFileURL } from 'node:url';

import { StreamMessageReader, StreamMessageWriter } from 'vscode-jsonrpc/node';
import {
  CodeAction,
  CodeActionRequest,
  Diagnostic,
  DiagnosticSeverity,
  DidChangeWatchedFilesNotification,
  FileChangeType,
  TextEdit,
  DidChangeConfigurationNotification,
  DidChangeTextDocumentNotification,
  DidCloseTextDocumentNotification,
  DidOpenTextDocumentNotification,
  ExitNotification,
  HoverRequest,
  InlayHint,
  InitializeParams,
  InitializeRequest,
  InitializedNotification,
  MarkupContent,
  ProtocolConnection,
  PublishDiagnosticsNotification,
  PublishDiagnosticsParams,
  ShutdownRequest,
  createProtocolConnection,
} from 'vscode-languageserver-protocol';

import { FACT_BOX_METHOD, FactBoxResult, isFactBoxResult } from '../../src/factBox';
import { DEFAULT_SETTINGS, didChangeConfigurationParams, explicitSettings, initializationOptions } from '../../src/settings';

/** NOTHING_SET is what the extension sends when the writer set no factbox setting. */
const NOTHING_SET = explicitSettings({ get: () => undefined, inspect: () => undefined });

/** applyEdits applies LSP text edits (UTF-16 positions, as JavaScript strings count) to text. */
function applyEdits(text: string, edits: TextEdit[]): string {
  const lineStarts = [0];
  for (let i = 0; i < text.length; i++) {
    if (text[i] === '\n') lineStarts.push(i + 1);
  }
  const offset = (p: { line: number; character: number }) => lineStarts[p.line] + p.character;
  const sorted = [...edits].sort((a, b) => offset(b.range.start) - offset(a.range.start));
  for (const e of sorted) {
    text = text.slice(0, offset(e.range.start)) + e.newText + text.slice(offset(e.range.end));
  }
  return text;
}

const EXT_ROOT = path.resolve(__dirname, '..', '..', '..');
const REPO_ROOT = path.resolve(EXT_ROOT, '..', '..');
const TIMEOUT_MS = 20_000;

// VERY_HARD is one long sentence of long words: far above level 14 and 14 words.
const VERY_HARD =
  'Notwithstanding considerable institutional heterogeneity, comprehensive internationalization ' +
  'methodologies fundamentally necessitate extraordinarily sophisticated organizational accountability ' +
  'infrastructures, particularly considering unprecedented environmental unpredictability across ' +
  'interdependent governmental administrations.';

let tmp: string;
let bin: string;
let child: ChildProcessWithoutNullStreams;
let conn: ProtocolConnection;
let stderr = '';
let exitCode: Promise<number | null>;
const published: PublishDiagnosticsParams[] = [];
const waiters: (() => void)[] = [];
const serverRequests: string[] = [];

function findBinary(): string {
  if (process.env.FACTBOX_BIN) {
    return path.resolve(process.env.FACTBOX_BIN);
  }
  const out = path.join(tmp, process.platform === 'win32' ? 'factbox.exe' : 'factbox');
  execFileSync('go', ['build', '-o', out, './cmd/factbox'], { cwd: REPO_ROOT, stdio: ['ignore', 'inherit', 'inherit'] });
  return out;
}

function fixturePath(): string {
  if (process.env.FACTBOX_FIXTURE) {
    return path.resolve(process.env.FACTBOX_FIXTURE);
  }
  const reference = path.resolve(REPO_ROOT, '..', 'shared', 'fixtures', '000_0004cf68decdbf28.txt');
  return fs.existsSync(reference) ? reference : path.join(REPO_ROOT, 'cmd', 'factbox', 'testdata', 'sample.md');
}

/** CheckReport is the part of `factbox check --format json` the test compares with. */
interface CheckReport {
  files: {
    factBox: { level: number; tokens: number; types: number; sentences: number; adverbs: number; passiveVoice: number; simplerAlternatives: number };
    hard: number;
    veryHard: number;
  }[];
}

/** SENTENCE_CODES are the codes of the hard-sentence diagnostics; the others are hints. */
const SENTENCE_CODES = ['hard-sentence', 'very-hard-sentence'];

function sentenceDiagnostics(ds: Diagnostic[]): Diagnostic[] {
  return ds.filter((d) => SENTENCE_CODES.includes(String(d.code)));
}

/** checkReport runs `factbox check` on file as plain text, as the server reads a plaintext document. */
function checkReport(file: string): CheckReport['files'][0] {
  const out = execFileSync(bin, ['check', '--format', 'json', '--markup', 'plain', file], { encoding: 'utf8' });
  return (JSON.parse(out) as CheckReport).files[0];
}

/** waitFor resolves with the first published diagnostics for which ok holds. */
function waitFor(what: string, ok: (p: PublishDiagnosticsParams) => boolean): Promise<PublishDiagnosticsParams> {
  return new Promise((resolve, reject) => {
    const check = () => {
      const hit = published.find(ok);
      if (hit !== undefined) {
        clearTimeout(timer);
        waiters.splice(waiters.indexOf(check), 1);
        resolve(hit);
      }
    };
    const timer = setTimeout(() => {
      waiters.splice(waiters.indexOf(check), 1);
      reject(new Error(`timed out waiting for ${what}; got ${JSON.stringify(published.map((p) => [p.version, p.diagnostics.length]))}\nserver stderr:\n${stderr.slice(-4000)}`));
    }, TIMEOUT_MS);
    waiters.push(check);
    check();
  });
}

function endPosition(text: string): { line: number; character: number } {
  const lines = text.split(/\r\n|\r|\n/);
  // UTF-16 code units, which is what JavaScript string lengths count.
  return { line: lines.length - 1, character: lines[lines.length - 1].length };
}

function codes(ds: Diagnostic[]): string[] {
  return ds.map((d) => `${d.code}@${d.range.start.line}:${d.range.start.character}`);
}

before(async () => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'factbox-vscode-e2e-'));
  bin = findBinary();
  child = spawn(bin, ['serve', '--stdio'], { cwd: tmp, stdio: ['pipe', 'pipe', 'pipe'] });
  child.stderr.setEncoding('utf8');
  child.stderr.on('data', (s: string) => {
    stderr += s;
  });
  exitCode = new Promise((resolve) => child.on('exit', (code) => resolve(code)));
  conn = createProtocolConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin));
  conn.onNotification(PublishDiagnosticsNotification.type, (p) => {
    published.push(p);
    for (const w of [...waiters]) w();
  });
  // Answer what VS Code would answer to the requests a server may send.
  conn.onRequest('workspace/configuration', (params: { items: { section?: string }[] }) => {
    serverRequests.push('workspace/configuration');
    // The extension's middleware answers with the settings the writer set.
    return params.items.map((i) => (i.section === 'factbox' ? NOTHING_SET : null));
  });
  for (const method of ['client/registerCapability', 'client/unregisterCapability', 'window/workDoneProgress/create', 'workspace/inlayHint/refresh']) {
    conn.onRequest(method, () => {
      serverRequests.push(method);
      return null;
    });
  }
  conn.listen();
});

after(async () => {
  if (child.exitCode === null) {
    child.kill();
  }
  conn?.dispose();
  fs.rmSync(tmp, { recursive: true, force: true });
});

test('factbox serve with the InitializeParams VS Code sends', async (t) => {
  const fixture = fs.readFileSync(path.join(EXT_ROOT, 'test', 'e2e', 'initializeParams.json'), 'utf8');
  const params = JSON.parse(fixture) as InitializeParams;
  assert.equal(params.clientInfo?.name, 'Visual Studio Code');
  assert.deepStrictEqual(params.initializationOptions, initializationOptions(NOTHING_SET),
    'the fixture sends what the extension sends by default');
  const root = pathToFileURL(tmp).href;
  params.processId = process.pid;
  params.rootPath = tmp;
  params.rootUri = root;
  params.workspaceFolders = [{ uri: root, name: path.basename(tmp) }];

  const docPath = fixturePath();
  t.diagnostic(`document: ${docPath}`);
  const text = fs.readFileSync(docPath, 'utf8');
  const report = checkReport(docPath);
  const uri = pathToFileURL(docPath).href;
  let version = 1;
  let v1: PublishDiagnosticsParams | undefined;

  await t.test('initialize', async () => {
    const result = await conn.sendRequest(InitializeRequest.type, params);
    assert.ok(result.capabilities.hoverProvider, 'hover is advertised');
    assert.ok(result.capabilities.textDocumentSync !== undefined, 'text document sync is advertised');
    const enc = result.capabilities.positionEncoding;
    assert.ok(enc === undefined || enc === 'utf-16', `VS Code offers only utf-16, server chose ${enc}`);
    await conn.sendNotification(InitializedNotification.type, {});
  });

  await t.test('open the document and receive diagnostics', async () => {
    await conn.sendNotification(DidOpenTextDocumentNotification.type, {
      textDocument: { uri, languageId: 'plaintext', version, text },
    });
    v1 = await waitFor('diagnostics of version 1', (p) => p.uri === uri && p.version === 1);
    const sentences = sentenceDiagnostics(v1.diagnostics);
    assert.ok(sentences.length > 0, 'the document has hard sentences');
    assert.equal(sentences.length, report.hard + report.veryHard, 'as many as factbox check reports');
    assert.equal(v1.diagnostics.filter((d) => d.code === 'very-hard-sentence').length, report.veryHard);
    const hintCount = (code: string) => v1!.diagnostics.filter((d) => d.code === code).length;
    assert.equal(hintCount('adverb'), report.factBox.adverbs, 'adverbs as factbox check counts them');
    assert.equal(hintCount('passive-voice'), report.factBox.passiveVoice, 'passive voice as factbox check counts it');
    assert.equal(hintCount('simpler-alternative'), report.factBox.simplerAlternatives, 'simpler alternatives as factbox check counts them');
    assert.ok(hintCount('adverb') + hintCount('passive-voice') + hintCount('simpler-alternative') > 0, 'the document has hints');
    const lines = text.split('\n');
    for (const d of v1.diagnostics) {
      assert.equal(d.source, 'factbox');
      const severity = { 'hard-sentence': DiagnosticSeverity.Information, 'very-hard-sentence': DiagnosticSeverity.Warning,
        adverb: DiagnosticSeverity.Hint, 'passive-voice': DiagnosticSeverity.Hint, 'simpler-alternative': DiagnosticSeverity.Hint }[String(d.code)];
      assert.ok(severity !== undefined, `code ${d.code}`);
      assert.equal(d.severity, severity);
      assert.ok(d.message.length > 0);
      const { start, end } = d.range;
      assert.ok(start.line < end.line || (start.line === end.line && start.character < end.character), 'non-empty range');
      assert.ok(end.line < lines.length && end.character <= lines[end.line].length, 'range inside the document');
    }
  });

  const first = () => sentenceDiagnostics(v1!.diagnostics)[0];

  await t.test('inlay hints give the grade of each paragraph in the requested range', async () => {
    const lines = text.split(/\r\n|\r|\n/);
    const whole = { start: { line: 0, character: 0 }, end: endPosition(text) };
    const all = await conn.sendRequest('textDocument/inlayHint', { textDocument: { uri }, range: whole }) as InlayHint[];
    assert.ok(all.length > 1, `hints for the paragraphs: ${JSON.stringify(all)}`);
    for (const h of all) {
      assert.match(String(h.label), /^grade -?\d+\.\d · \d+ words?$/);
      assert.equal(h.position.character, lines[h.position.line].length, 'at the end of the line');
      assert.ok(typeof h.tooltip === 'object' && h.tooltip.value.includes('Tokens'), 'the fact box as tooltip');
    }
    const second = all[1].position;
    const part = await conn.sendRequest('textDocument/inlayHint', { textDocument: { uri }, range: { start: second, end: second } }) as InlayHint[];
    assert.deepStrictEqual(part, [all[1]], 'only the hints of the requested range');
  });

  await t.test('turning inlay hints off asks VS Code to refresh them', async () => {
    const seen = serverRequests.length;
    const refreshed = () => serverRequests.slice(seen).includes('workspace/inlayHint/refresh');
    await conn.sendNotification(DidChangeConfigurationNotification.type,
      didChangeConfigurationParams({ ...DEFAULT_SETTINGS, inlayHints: { enable: false } }));
    const whole = { start: { line: 0, character: 0 }, end: endPosition(text) };
    assert.equal(await conn.sendRequest('textDocument/inlayHint', { textDocument: { uri }, range: whole }), null);
    for (let i = 0; i < 100 && !refreshed(); i++) {
      await new Promise((r) => setTimeout(r, 20));
    }
    assert.ok(refreshed(), `requests: ${serverRequests.join(' ')}`);
    await conn.sendNotification(DidChangeConfigurationNotification.type, didChangeConfigurationParams(DEFAULT_SETTINGS));
  });

  await t.test('a simpler alternative has one quick fix per suggestion', async () => {
    const hint = v1!.diagnostics.find((d) => d.code === 'simpler-alternative');
    assert.ok(hint !== undefined, `a simpler-alternative hint in ${codes(v1!.diagnostics).join(' ')}`);
    const actions = (await conn.sendRequest(CodeActionRequest.type, {
      textDocument: { uri },
      range: hint.range,
      context: { diagnostics: [hint], triggerKind: 2 },
    })) as CodeAction[];
    assert.ok(actions.length > 0, 'quick fixes for the hint');
    const written = hint.message.replace(/^.* for “(.*)”$/, '$1');
    for (const [i, a] of actions.entries()) {
      assert.equal(a.kind, 'quickfix');
      assert.match(a.title, new RegExp(`^Use “.+” for “${written.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}”$`));
      assert.equal(a.isPreferred ?? false, i === 0, 'the first suggestion is preferred');
      const edits = a.edit!.changes![uri];
      assert.equal(edits.length, 1);
      assert.deepStrictEqual(edits[0].range, hint.range, 'the fix replaces the phrase');
      assert.ok(hint.message.includes(`“${edits[0].newText}”`), `${edits[0].newText} is a suggestion of ${hint.message}`);
    }
  });

  await t.test('hover shows the fact box as Markdown', async () => {
    const hover = await conn.sendRequest(HoverRequest.type, { textDocument: { uri }, position: first().range.start });
    assert.ok(hover !== null, 'a hover inside a sentence');
    const contents = hover.contents as MarkupContent;
    assert.equal(contents.kind, 'markdown', 'VS Code asked for markdown first');
    for (const word of ['Level', 'Tokens', 'Types', 'TTR', 'Document', 'Paragraph', 'Sentence']) {
      assert.ok(contents.value.includes(word), `hover mentions ${word}:\n${contents.value}`);
    }
    // VS Code shows the diagnostic above the hover: the hover must not repeat it.
    assert.ok(!contents.value.includes(first().message), `hover repeats the diagnostic "${first().message}":\n${contents.value}`);
    assert.ok(!/hard to read/i.test(contents.value), `hover says "hard to read":\n${contents.value}`);
  });

  let box: FactBoxResult | undefined;
  await t.test(`${FACT_BOX_METHOD} returns what the status bar reads`, async () => {
    const r: unknown = await conn.sendRequest(FACT_BOX_METHOD, { textDocument: { uri }, position: first().range.start });
    assert.ok(isFactBoxResult(r), `the extension accepts the result: ${JSON.stringify(r)}`);
    box = r;
    assert.equal(box.uri, uri);
    assert.equal(box.version, 1);
    // The server and `factbox check` read the same text the same way.
    const want = report.factBox;
    assert.equal(box.document.tokens, want.tokens, 'tokens as factbox check counts them');
    assert.equal(box.document.types, want.types, 'types as factbox check counts them');
    assert.equal(box.document.sentences, want.sentences, 'sentences as factbox check counts them');
    assert.ok(Math.abs(box.document.level - want.level) <= 0.0005, `level ${box.document.level}, check ${want.level}`);
    assert.ok(box.paragraph !== null && box.sentence !== null, 'the position is inside a sentence');
    assert.ok(box.sentence!.level >= DEFAULT_SETTINGS.hardLevel, 'a diagnosed sentence is hard');
    const noPos: unknown = await conn.sendRequest(FACT_BOX_METHOD, { textDocument: { uri } });
    assert.ok(isFactBoxResult(noPos));
    assert.deepStrictEqual(noPos.document, box.document, 'the document box does not depend on the position');
  });

  const end = endPosition(text);
  const appended = '\n\n' + VERY_HARD + '\n';
  await t.test('appending a very hard sentence adds a warning', async () => {
    version = 2;
    await conn.sendNotification(DidChangeTextDocumentNotification.type, {
      textDocument: { uri, version },
      contentChanges: [{ range: { start: end, end }, rangeLength: 0, text: appended }],
    });
    const v2 = await waitFor('diagnostics of version 2', (p) => p.uri === uri && p.version === 2);
    assert.equal(sentenceDiagnostics(v2.diagnostics).length, sentenceDiagnostics(v1!.diagnostics).length + 1, codes(v2.diagnostics).join(' '));
    const added = sentenceDiagnostics(v2.diagnostics).find((d) => d.range.start.line === end.line + 2);
    assert.ok(added !== undefined, `a diagnostic on line ${end.line + 2}: ${codes(v2.diagnostics).join(' ')}`);
    assert.equal(added.code, 'very-hard-sentence');
    assert.equal(added.severity, DiagnosticSeverity.Warning);
    assert.deepStrictEqual(added.range.end, { line: end.line + 2, character: VERY_HARD.length });
    const r: unknown = await conn.sendRequest(FACT_BOX_METHOD, { textDocument: { uri } });
    assert.ok(isFactBoxResult(r));
    assert.equal(r.version, 2);
    assert.ok(r.document.tokens > box!.document.tokens, 'the fact box follows the edit');
  });

  await t.test('turning diagnostics off and on through didChangeConfiguration', async () => {
    await conn.sendNotification(DidChangeConfigurationNotification.type,
      didChangeConfigurationParams({ ...DEFAULT_SETTINGS, diagnostics: { enable: false } }));
    await waitFor('empty diagnostics after disabling', (p) => p.uri === uri && p.version === 2 && p.diagnostics.length === 0);
    published.length = 0;
    await conn.sendNotification(DidChangeConfigurationNotification.type, didChangeConfigurationParams(DEFAULT_SETTINGS));
    await waitFor('diagnostics back after enabling', (p) => p.uri === uri && sentenceDiagnostics(p.diagnostics).length === sentenceDiagnostics(v1!.diagnostics).length + 1);
  });

  await t.test('deleting the sentence again restores the original diagnostics', async () => {
    version = 3;
    const lines = appended.split('\n');
    const stop = { line: end.line + lines.length - 1, character: 0 };
    await conn.sendNotification(DidChangeTextDocumentNotification.type, {
      textDocument: { uri, version },
      contentChanges: [{ range: { start: end, end: stop }, rangeLength: appended.length, text: '' }],
    });
    const v3 = await waitFor('diagnostics of version 3', (p) => p.uri === uri && p.version === 3);
    assert.deepStrictEqual(v3.diagnostics, v1!.diagnostics);
  });

  await t.test('closing clears the diagnostics', async () => {
    published.length = 0;
    await conn.sendNotification(DidCloseTextDocumentNotification.type, { textDocument: { uri } });
    await waitFor('empty diagnostics after close', (p) => p.uri === uri && p.diagnostics.length === 0);
  });

  await t.test('a quick fix ignores a sentence, and the next publication drops it', async () => {
    const mdPath = path.join(tmp, 'notes.md');
    let md = '# Notes\n\nShort intro. ' + VERY_HARD + '\n';
    fs.writeFileSync(mdPath, md);
    const mdUri = pathToFileURL(mdPath).href;
    await conn.sendNotification(DidOpenTextDocumentNotification.type, {
      textDocument: { uri: mdUri, languageId: 'markdown', version: 1, text: md },
    });
    const p1 = await waitFor('diagnostics of notes.md', (p) => p.uri === mdUri && p.version === 1);
    assert.equal(sentenceDiagnostics(p1.diagnostics).length, 1, codes(p1.diagnostics).join(' '));
    const diag = sentenceDiagnostics(p1.diagnostics)[0];
    assert.equal(diag.codeDescription?.href, 'https://github.com/factbox/factbox#hard-sentences');
    assert.ok(diag.data !== undefined, 'the diagnostic carries data for its fixes');
    const actions = (await conn.sendRequest(CodeActionRequest.type, {
      textDocument: { uri: mdUri },
      range: diag.range,
      context: { diagnostics: [diag], triggerKind: 2 },
    })) as CodeAction[];
    assert.deepStrictEqual(actions.map((a) => a.title), ['Ignore this sentence', 'Ignore this paragraph', 'Disable factbox in this file']);
    const fix = actions[0];
    assert.equal(fix.kind, 'quickfix');
    md = applyEdits(md, fix.edit!.changes![mdUri]);
    assert.ok(md.includes(`Short intro. <!-- factbox-disable -->${VERY_HARD}<!-- factbox-enable -->`), md);
    await conn.sendNotification(DidChangeTextDocumentNotification.type, {
      textDocument: { uri: mdUri, version: 2 },
      contentChanges: [{ text: md }],
    });
    const p2 = await waitFor('diagnostics of notes.md version 2', (p) => p.uri === mdUri && p.version === 2);
    assert.deepStrictEqual(p2.diagnostics, [], 'the ignored sentence is no longer flagged, nor hinted');
    const none = await conn.sendRequest(CodeActionRequest.type, {
      textDocument: { uri: mdUri },
      range: diag.range,
      context: { diagnostics: [] },
    });
    assert.deepStrictEqual(none, [], 'no factbox diagnostic, no actions');
  });

  await t.test('a changed .factbox.toml re-publishes the documents under it', async () => {
    assert.ok(serverRequests.includes('client/registerCapability'), `the server asked to watch config files: ${serverRequests}`);
    const mdPath = path.join(tmp, 'config.md');
    const md = '# Config\n\n' + VERY_HARD + '\n';
    const mdUri = pathToFileURL(mdPath).href;
    await conn.sendNotification(DidOpenTextDocumentNotification.type, {
      textDocument: { uri: mdUri, languageId: 'markdown', version: 1, text: md },
    });
    const p1 = await waitFor('diagnostics of config.md', (p) => p.uri === mdUri && p.version === 1);
    assert.equal(sentenceDiagnostics(p1.diagnostics).length, 1);
    const cfgPath = path.join(tmp, '.factbox.toml');
    fs.writeFileSync(cfgPath, 'minWords = 100\n');
    // What VS Code sends for the watcher the server registered.
    await conn.sendNotification(DidChangeWatchedFilesNotification.type, {
      changes: [{ uri: pathToFileURL(cfgPath).href, type: FileChangeType.Created }],
    });
    await waitFor('no diagnostics under minWords = 100', (p) => p.uri === mdUri && p.version === 1 && sentenceDiagnostics(p.diagnostics).length === 0);
    // The extension syncs .factbox.toml files (CONFIG_FILE_SELECTOR): a
    // mistake is published on the file as it is typed.
    const cfgUri = pathToFileURL(cfgPath).href;
    await conn.sendNotification(DidOpenTextDocumentNotification.type, {
      textDocument: { uri: cfgUri, languageId: 'toml', version: 1, text: "minWords = 'many'\n" },
    });
    const bad = await waitFor('diagnostics of the .factbox.toml', (p) => p.uri === cfgUri && p.version === 1);
    assert.equal(bad.diagnostics.length, 1);
    assert.equal(bad.diagnostics[0].severity, DiagnosticSeverity.Error);
    assert.equal(bad.diagnostics[0].message, 'minWords must be a whole number, not a TOML string');
    assert.deepStrictEqual(bad.diagnostics[0].range.start, { line: 0, character: 11 });
    await conn.sendNotification(DidCloseTextDocumentNotification.type, { textDocument: { uri: cfgUri } });
    fs.rmSync(cfgPath);
    await conn.sendNotification(DidChangeWatchedFilesNotification.type, {
      changes: [{ uri: pathToFileURL(cfgPath).href, type: FileChangeType.Deleted }],
    });
    published.length = 0;
    await waitFor('diagnostics back without the config', (p) => p.uri === mdUri && sentenceDiagnostics(p.diagnostics).length === 1);
  });

  await t.test('shutdown and exit', async () => {
    const r = await conn.sendRequest(ShutdownRequest.type);
    assert.equal(r, null);
    await conn.sendNotification(ExitNotification.type);
    let timer: NodeJS.Timeout | undefined;
    const code = await Promise.race([
      exitCode,
      new Promise<string>((resolve) => {
        timer = setTimeout(() => resolve('timeout'), TIMEOUT_MS);
      }),
    ]);
    // A pending timer would keep node, and the test run, waiting for TIMEOUT_MS.
    clearTimeout(timer);
    assert.equal(code, 0, `exit code after shutdown+exit; stderr:\n${stderr.slice(-2000)}`);
  });
});
