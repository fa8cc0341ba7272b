// Measures `factbox serve` from outside, with Microsoft's LSP client library
// (vscode-languageserver-protocol, as VS Code's language client uses it): every
// message is read and parsed by the library before it counts. Usage:
//   node serve.mjs [--edits N] [--rate N] CORPUS LABEL=BINARY...
// For each binary, in the same run:
//   latency   one-character didChange → its publishDiagnostics, parsed, at 100 KB and 1 MB;
//             and the client's floor: the time the library takes to read and parse the
//             last of those publications alone, fed from memory with no server, so that
//             latency − floor is what the server and the pipe add
//   storm     N edits (default 3000) at RATE a second (default 1000) to a 1 MB document,
//             with a hover and a factbox/factBox every 10 ms: their round trips, the
//             intervals between publications, the time from the last edit to the last
//             version's publication, and the server's resident memory after it
import {spawn} from 'node:child_process';
import fs from 'node:fs';
import {PassThrough} from 'node:stream';
import {
  createProtocolConnection, StreamMessageReader, StreamMessageWriter,
  InitializeRequest, InitializedNotification, DidOpenTextDocumentNotification,
  DidChangeTextDocumentNotification, PublishDiagnosticsNotification, HoverRequest,
  ShutdownRequest, ExitNotification, RequestType,
} from 'vscode-languageserver-protocol/node.js';

const FactBoxRequest = new RequestType('factbox/factBox');

const args = process.argv.slice(2);
let edits = 3000;
let rate = 1000;
while (args[0]?.startsWith('--')) {
  const flag = args.shift();
  const value = Number(args.shift());
  if (flag === '--edits') edits = value;
  else if (flag === '--rate') rate = value;
  else throw new Error(`unknown flag ${flag}`);
}
const [corpusPath, ...binaries] = args;
if (!corpusPath || binaries.length === 0) {
  console.error('usage: node serve.mjs [--edits N] [--rate N] CORPUS LABEL=BINARY...');
  process.exit(2);
}
const corpus = fs.readFileSync(corpusPath, 'utf8');

// text returns about size bytes of the corpus, cut at a paragraph break.
function text(size) {
  const cut = corpus.lastIndexOf('\n\n', size);
  return corpus.slice(0, cut > size / 2 ? cut + 1 : size);
}

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
const now = () => Number(process.hrtime.bigint()) / 1e6; // milliseconds

function percentile(values, p) {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((sorted.length * p) / 100))];
}

// start runs a server and returns its connection, initialized.
async function start(binary) {
  const proc = spawn(binary, ['serve', '--log-level', 'none'], {stdio: ['pipe', 'pipe', 'inherit']});
  const conn = createProtocolConnection(new StreamMessageReader(proc.stdout), new StreamMessageWriter(proc.stdin));
  const waiters = new Map(); // version → resolve
  const publications = []; // {version, at}
  let last = null; // the params of the last publication
  conn.onNotification(PublishDiagnosticsNotification.type, (p) => {
    last = p;
    publications.push({version: p.version, at: now(), count: p.diagnostics.length});
    const resolve = waiters.get(p.version);
    if (resolve) {
      waiters.delete(p.version);
      resolve();
    }
  });
  conn.listen();
  await conn.sendRequest(InitializeRequest.type, {processId: process.pid, rootUri: null, capabilities: {}});
  conn.sendNotification(InitializedNotification.type, {});
  const published = (version) => new Promise((resolve) => {
    if (publications.some((p) => p.version === version)) resolve();
    else waiters.set(version, resolve);
  });
  const stop = async () => {
    await conn.sendRequest(ShutdownRequest.type);
    conn.sendNotification(ExitNotification.type);
    await new Promise((resolve) => proc.on('exit', resolve));
    conn.dispose();
  };
  return {proc, conn, publications, published, stop, last: () => last};
}

const uri = 'file:///bench.txt';

function open(s, content) {
  s.conn.sendNotification(DidOpenTextDocumentNotification.type, {textDocument: {uri, languageId: 'plaintext', version: 1, text: content}});
  return s.published(1);
}

// edit returns the didChange params of edit number version: even versions
// insert an x at the start of a line spread through the document, odd ones
// delete it again.
function editor(lines) {
  let line = 0;
  return (version) => {
    if (version % 2 === 0) {
      line = (version * 7919) % lines;
      return {textDocument: {uri, version}, contentChanges: [{range: {start: {line, character: 0}, end: {line, character: 0}}, text: 'x'}]};
    }
    return {textDocument: {uri, version}, contentChanges: [{range: {start: {line, character: 0}, end: {line, character: 1}}, text: ''}]};
  };
}

async function latency(binary, size, rounds) {
  const content = text(size);
  const s = await start(binary);
  await open(s, content);
  const edit = editor(content.split('\n').length - 1);
  const times = [];
  for (let version = 2; version < rounds + 2; version++) {
    const t = now();
    s.conn.sendNotification(DidChangeTextDocumentNotification.type, edit(version));
    await s.published(version);
    times.push(now() - t);
  }
  const params = s.last();
  await s.stop();
  return {p50: percentile(times, 50), p90: percentile(times, 90), ...await floor(params)};
}

// floor returns the time the client library takes to read and parse a
// publishDiagnostics with params, framed as the server frames it, from a
// stream in memory in 64 KB chunks (as a pipe delivers it): p50 of 30 runs,
// and the size of the message.
async function floor(params) {
  const body = Buffer.from(JSON.stringify({jsonrpc: '2.0', method: PublishDiagnosticsNotification.type.method, params}));
  const frame = Buffer.concat([Buffer.from(`Content-Length: ${body.length}\r\n\r\n`), body]);
  const input = new PassThrough();
  const conn = createProtocolConnection(new StreamMessageReader(input), new StreamMessageWriter(new PassThrough()));
  let resolve;
  conn.onNotification(PublishDiagnosticsNotification.type, () => resolve());
  conn.listen();
  const times = [];
  for (let i = 0; i < 30; i++) {
    const parsed = new Promise((r) => { resolve = r; });
    const t = now();
    for (let at = 0; at < frame.length; at += 65536) input.write(frame.subarray(at, at + 65536));
    await parsed;
    times.push(now() - t);
  }
  conn.dispose();
  return {floor: percentile(times, 50), bytes: body.length};
}

async function storm(binary) {
  const content = text(1 << 20);
  const lines = content.split('\n').length - 1;
  const s = await start(binary);
  await open(s, content);
  const edit = editor(lines);
  const queries = {hover: [], factBox: []};
  let stop = false;
  const ask = async () => {
    while (!stop) {
      const position = {line: Math.floor(Math.random() * lines), character: 2};
      let t = now();
      await s.conn.sendRequest(HoverRequest.type, {textDocument: {uri}, position});
      queries.hover.push(now() - t);
      t = now();
      await s.conn.sendRequest(FactBoxRequest, {textDocument: {uri}, position});
      queries.factBox.push(now() - t);
      await sleep(10);
    }
  };
  const asking = ask();
  const begin = now();
  const first = s.publications.length;
  let version = 1;
  while (version < edits + 1) {
    const due = Math.min(edits + 1, 1 + Math.floor(((now() - begin) * rate) / 1000));
    while (version < due) s.conn.sendNotification(DidChangeTextDocumentNotification.type, edit(++version));
    await sleep(1);
  }
  const end = now();
  await s.published(version);
  const settled = now() - end;
  stop = true;
  await asking;
  const during = s.publications.slice(first).filter((p) => p.at <= end);
  const at = [begin, ...during.map((p) => p.at), end];
  const intervals = at.slice(1).map((t, i) => t - at[i]);
  const status = fs.readFileSync(`/proc/${s.proc.pid}/status`, 'utf8');
  const kb = (field) => Number(status.match(new RegExp(`${field}:\\s+(\\d+)`))[1]);
  const result = {
    seconds: (end - begin) / 1000, published: during.length, intervalP50: percentile(intervals, 50),
    intervalMax: Math.max(...intervals), settled, rss: kb('VmRSS') / 1024, hwm: kb('VmHWM') / 1024,
    hoverP50: percentile(queries.hover, 50), hoverP95: percentile(queries.hover, 95),
    factBoxP95: percentile(queries.factBox, 95), queries: queries.hover.length,
  };
  await s.stop();
  return result;
}

const f = (v, digits = 2) => (Number.isFinite(v) ? v.toFixed(digits) : '-');
for (const spec of binaries) {
  const [label, binary] = spec.includes('=') ? spec.split('=', 2) : [spec, spec];
  const small = await latency(binary, 100 << 10, 300);
  const big = await latency(binary, 1 << 20, 100);
  console.log(`${label.padEnd(8)} edit → parsed publication: 100 KB p50 ${f(small.p50)} ms (p90 ${f(small.p90)}), 1 MB p50 ${f(big.p50)} ms (p90 ${f(big.p90)})`);
  console.log(`${label.padEnd(8)} client floor (parsing the publication alone): 100 KB ${f(small.floor)} ms for ${f(small.bytes / 1024, 0)} KB, 1 MB ${f(big.floor)} ms for ${f(big.bytes / 1024, 0)} KB`);
  const r = await storm(binary);
  console.log(`${label.padEnd(8)} storm: ${edits} edits in ${f(r.seconds)} s on 1 MB; ${r.published} publications, interval p50 ${f(r.intervalP50, 1)} ms, max ${f(r.intervalMax, 1)} ms; last version ${f(r.settled, 1)} ms after the last edit`);
  console.log(`${label.padEnd(8)} storm: ${r.queries} hovers, round trip p50 ${f(r.hoverP50)} ms, p95 ${f(r.hoverP95)} ms; factBox p95 ${f(r.factBoxP95)} ms; RSS after ${f(r.rss, 1)} MB (peak ${f(r.hwm, 1)} MB)`);
}
