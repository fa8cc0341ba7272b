// Package-free module: the `factbox/factBox` response and how it is shown
// (status bar text, tooltip, the fact box rows). It must not import
// `vscode`, so that it can be unit-tested under node's test runner.

/** FACT_BOX_METHOD is the server's custom request. */
export const FACT_BOX_METHOD = 'factbox/factBox';

/** FactBoxStats is one fact box (document, paragraph or sentence) as the server sends it. */
export interface FactBoxStats {
  level: number;
  tokens: number;
  types: number;
  ttr: number;
  sentences: number;
  syllables: number;
  letters: number;
  polysyllables: number;
  wordsPerSentence: number;
  syllablesPerWord: number;
  readingEase: number;
  ari: number;
  colemanLiau: number;
  gunningFog: number;
  smog: number;
  adverbs: number;
  passiveVoice: number;
  simplerAlternatives: number;
}

/** FactBoxResult is the result of `factbox/factBox`. */
export interface FactBoxResult {
  uri: string;
  version: number | null;
  document: FactBoxStats;
  paragraph: FactBoxStats | null;
  sentence: FactBoxStats | null;
  /** hardLevel and veryHardLevel are the document's thresholds (settings and its .factbox.toml); older servers leave them out. */
  hardLevel?: number;
  veryHardLevel?: number;
}

/** FactBoxParams are the params of `factbox/factBox`. */
export interface FactBoxParams {
  textDocument: { uri: string };
  position?: { line: number; character: number };
}

/** Metric describes one row of the fact box. */
export interface Metric {
  key: keyof FactBoxStats;
  label: string;
  /** digits is the number of decimals shown; 0 for counts. */
  digits: number;
  help: string;
}

/**
 * METRICS lists the fact box rows in display order. The first four are the
 * fact box proper (what the hover shows); the rest are the inputs of the
 * formulas and the other readability indices the server computes.
 */
export const METRICS: readonly Metric[] = [
  { key: 'level', label: 'Level', digits: 3, help: 'Flesch–Kincaid grade level: the school year that can read the text' },
  { key: 'tokens', label: 'Tokens', digits: 0, help: 'Words' },
  { key: 'types', label: 'Types', digits: 0, help: 'Distinct words' },
  { key: 'ttr', label: 'TTR', digits: 3, help: 'Type–token ratio: types ÷ tokens' },
  { key: 'sentences', label: 'Sentences', digits: 0, help: 'Sentences' },
  { key: 'syllables', label: 'Syllables', digits: 0, help: 'Syllables' },
  { key: 'letters', label: 'Letters', digits: 0, help: 'Letters and digits' },
  { key: 'polysyllables', label: 'Polysyllables', digits: 0, help: 'Words of three or more syllables' },
  { key: 'wordsPerSentence', label: 'Words/sentence', digits: 1, help: 'Average sentence length' },
  { key: 'syllablesPerWord', label: 'Syllables/word', digits: 2, help: 'Average word length in syllables' },
  { key: 'readingEase', label: 'Reading ease', digits: 1, help: 'Flesch reading ease: higher is easier' },
  { key: 'ari', label: 'ARI', digits: 1, help: 'Automated Readability Index' },
  { key: 'colemanLiau', label: 'Coleman–Liau', digits: 1, help: 'Coleman–Liau index' },
  { key: 'gunningFog', label: 'Gunning fog', digits: 1, help: 'Gunning fog index' },
  { key: 'smog', label: 'SMOG', digits: 1, help: 'SMOG grade' },
  { key: 'adverbs', label: 'Adverbs', digits: 0, help: 'Adverbs ending in -ly (quickly, really)' },
  { key: 'passiveVoice', label: 'Passive voice', digits: 0, help: 'Passive constructions (was written, is being repaired)' },
  { key: 'simplerAlternatives', label: 'Simpler words', digits: 0, help: 'Words and phrases with a simpler alternative (utilize → use)' },
];

function isStats(v: unknown): v is FactBoxStats {
  if (typeof v !== 'object' || v === null) {
    return false;
  }
  const o = v as Record<string, unknown>;
  return METRICS.every((m) => typeof o[m.key] === 'number');
}

/**
 * isFactBoxResult reports whether v has the shape of a `factbox/factBox`
 * result: a uri, a document fact box with every metric a number, and a
 * paragraph and sentence that are fact boxes or null (or absent).
 */
export function isFactBoxResult(v: unknown): v is FactBoxResult {
  if (typeof v !== 'object' || v === null) {
    return false;
  }
  const o = v as Record<string, unknown>;
  const optional = (x: unknown) => x === undefined || x === null || isStats(x);
  return typeof o.uri === 'string' && isStats(o.document) && optional(o.paragraph) && optional(o.sentence);
}

/**
 * formatNumber shows n with the given decimals. Values that are not finite
 * (a level of an empty text can be NaN if a server sends it) show as "–".
 */
export function formatNumber(n: number, digits: number): string {
  if (!Number.isFinite(n)) {
    return '–';
  }
  const s = n.toFixed(digits);
  // Avoid "-0.0" for tiny negative values.
  return /^-0(\.0+)?$/.test(s) ? s.slice(1) : s;
}

/** Thresholds are the levels from which a sentence is hard and very hard. */
export interface Thresholds {
  hardLevel: number;
  veryHardLevel: number;
}

/**
 * levelText shows a grade level with three decimals, as the hover and
 * README do, but never as reaching a threshold it does not reach, nor the
 * reverse: rounding that would cross hardLevel or veryHardLevel is replaced
 * by truncation toward the level's own side (13.9996 with very hard from 14
 * shows 13.999, not 14.000).
 */
export function levelText(level: number, t?: Thresholds): string {
  const s = formatNumber(level, 3);
  const shown = Number(s);
  if (!Number.isFinite(level) || t === undefined) {
    return s;
  }
  for (const limit of [t.hardLevel, t.veryHardLevel]) {
    if (Number.isFinite(limit) && (level >= limit) !== (shown >= limit)) {
      return formatNumber(level >= limit ? Math.ceil(level * 1000) / 1000 : Math.floor(level * 1000) / 1000, 3);
    }
  }
  return s;
}

/**
 * thresholdsOf returns the thresholds the server applies to r's document,
 * or fallback (the editor's settings) when the server did not send them.
 */
export function thresholdsOf(r: FactBoxResult | undefined, fallback: Thresholds): Thresholds {
  if (r !== undefined && typeof r.hardLevel === 'number' && typeof r.veryHardLevel === 'number') {
    return { hardLevel: r.hardLevel, veryHardLevel: r.veryHardLevel };
  }
  return fallback;
}

/** STATUS_PREFIX is what the status bar shows before the level. */
export const STATUS_PREFIX = 'FK';

/** statusText is the status bar text: "FK 14.060", or "FK –" without a result. */
export function statusText(r: FactBoxResult | undefined, t?: Thresholds): string {
  return `${STATUS_PREFIX} ${r === undefined ? '–' : levelText(r.document.level, t)}`;
}

/** statusTooltip is the status bar tooltip: the document's four headline numbers. */
export function statusTooltip(r: FactBoxResult | undefined, t?: Thresholds): string {
  if (r === undefined) {
    return 'Factbox: no fact box for this document yet';
  }
  const d = r.document;
  return `Factbox — document: Level ${levelText(d.level, t)}, Tokens ${formatNumber(d.tokens, 0)}, ` +
    `Types ${formatNumber(d.types, 0)}, TTR ${formatNumber(d.ttr, 3)}. Click for the full fact box.`;
}

/** FactBoxRow is one metric across document, paragraph and sentence, already formatted. */
export interface FactBoxRow {
  label: string;
  help: string;
  document: string;
  paragraph: string;
  sentence: string;
}

/**
 * factBoxRows formats every metric of r. A missing paragraph or sentence
 * (the cursor outside any, or no position sent) shows as "–".
 */
export function factBoxRows(r: FactBoxResult, t?: Thresholds): FactBoxRow[] {
  const cell = (s: FactBoxStats | null | undefined, m: Metric) =>
    !s ? '–' : m.key === 'level' ? levelText(s.level, t) : formatNumber(s[m.key], m.digits);
  return METRICS.map((m) => ({
    label: m.label,
    help: m.help,
    document: cell(r.document, m),
    paragraph: cell(r.paragraph, m),
    sentence: cell(r.sentence, m),
  }));
}

/**
 * quickPickDescription is one row as a single readable line, used as the
 * description of a quick pick item.
 */
export function quickPickDescription(row: FactBoxRow): string {
  return `document ${row.document} · paragraph ${row.paragraph} · sentence ${row.sentence}`;
}

/** factBoxMarkdown renders r as a Markdown table, titled with title. */
export function factBoxMarkdown(r: FactBoxResult, title: string, t?: Thresholds): string {
  const lines = [
    `### ${title}`,
    '',
    '| | Document | Paragraph | Sentence |',
    '|---|---:|---:|---:|',
  ];
  for (const row of factBoxRows(r, t)) {
    lines.push(`| ${row.label} | ${row.document} | ${row.paragraph} | ${row.sentence} |`);
  }
  return lines.join('\n') + '\n';
}
