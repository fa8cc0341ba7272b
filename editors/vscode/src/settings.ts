// Package-free module: turns the user's `factbox.*` settings into the
// objects the server reads. It must not import `vscode`, so that it can be
// unit-tested under node's test runner.

/** FactboxSettings is the settings object the server reads under `factbox`. */
export interface FactboxSettings {
  hardLevel: number;
  veryHardLevel: number;
  minWords: number;
  diagnostics: { enable: boolean };
  languages: string[];
  hints: { adverbs: boolean; passiveVoice: boolean; simplerAlternatives: boolean };
  inlayHints: { enable: boolean };
}

/** DEFAULT_SETTINGS mirrors the server's defaults and package.json's. */
export const DEFAULT_SETTINGS: Readonly<FactboxSettings> = Object.freeze({
  hardLevel: 10,
  veryHardLevel: 14,
  minWords: 14,
  diagnostics: Object.freeze({ enable: true }),
  languages: Object.freeze(['markdown', 'plaintext']) as unknown as string[],
  hints: Object.freeze({ adverbs: true, passiveVoice: true, simplerAlternatives: true }),
  inlayHints: Object.freeze({ enable: true }),
});

/**
 * ConfigReader is the part of vscode.WorkspaceConfiguration that
 * readSettings needs: a getter by key relative to the `factbox` section.
 */
export interface ConfigReader {
  get<T>(key: string): T | undefined;
}

/**
 * SETTINGS_REQUIRING_RESTART lists settings the running client cannot pick up
 * without a restart: the executable and the document selector.
 */
export const SETTINGS_REQUIRING_RESTART: readonly string[] = [
  'factbox.server.path',
  'factbox.languages',
];

function bool(v: unknown, fallback: boolean): boolean {
  return typeof v === 'boolean' ? v : fallback;
}

function finiteNumber(v: unknown, fallback: number): number {
  return typeof v === 'number' && Number.isFinite(v) ? v : fallback;
}

/**
 * readSettings reads the server settings from cfg. A missing or ill-typed
 * value (a string where a number belongs, NaN, a non-array language list)
 * falls back to its default rather than being sent to the server.
 * minWords is truncated to an integer of at least 1; languages are
 * de-duplicated and empty strings dropped.
 */
export function readSettings(cfg: ConfigReader): FactboxSettings {
  const minWords = Math.trunc(finiteNumber(cfg.get('minWords'), DEFAULT_SETTINGS.minWords));
  const enable = cfg.get('diagnostics.enable');
  const langs = cfg.get('languages');
  let languages = [...DEFAULT_SETTINGS.languages];
  if (Array.isArray(langs)) {
    languages = [...new Set(langs.filter((l): l is string => typeof l === 'string' && l !== ''))];
  }
  return {
    hardLevel: finiteNumber(cfg.get('hardLevel'), DEFAULT_SETTINGS.hardLevel),
    veryHardLevel: finiteNumber(cfg.get('veryHardLevel'), DEFAULT_SETTINGS.veryHardLevel),
    minWords: minWords >= 1 ? minWords : 1,
    diagnostics: { enable: typeof enable === 'boolean' ? enable : DEFAULT_SETTINGS.diagnostics.enable },
    languages,
    hints: {
      adverbs: bool(cfg.get('hints.adverbs'), DEFAULT_SETTINGS.hints.adverbs),
      passiveVoice: bool(cfg.get('hints.passiveVoice'), DEFAULT_SETTINGS.hints.passiveVoice),
      simplerAlternatives: bool(cfg.get('hints.simplerAlternatives'), DEFAULT_SETTINGS.hints.simplerAlternatives),
    },
    inlayHints: { enable: bool(cfg.get('inlayHints.enable'), DEFAULT_SETTINGS.inlayHints.enable) },
  };
}

/**
 * settingsProblem explains settings that make no sense together, or returns
 * undefined: today, a hard level above the very hard level.
 */
export function settingsProblem(s: FactboxSettings): string | undefined {
  if (s.hardLevel > s.veryHardLevel) {
    return `Factbox: "factbox.hardLevel" (${s.hardLevel}) is above "factbox.veryHardLevel" (${s.veryHardLevel}): ` +
      `no sentence could be hard without being very hard. Lower the hard level or raise the very hard one.`;
  }
  return undefined;
}

/**
 * ExplicitSettings are the settings the writer set, at any level (user,
 * workspace, folder, language). The server ranks them above a project's
 * `.factbox.toml`; a setting left at its default is not sent, so that the
 * file's value applies. `languages` is always sent: it picks the documents;
 * so are `hints` and `inlayHints`, which the server leaves off unless asked
 * and the extension turns on by default.
 */
export interface ExplicitSettings {
  hardLevel?: number;
  veryHardLevel?: number;
  minWords?: number;
  diagnostics?: { enable: boolean };
  configPath?: string;
  languages: string[];
  hints: FactboxSettings['hints'];
  inlayHints: FactboxSettings['inlayHints'];
}

/** Inspected is the part of what vscode.WorkspaceConfiguration.inspect returns that tells where a value was set. */
export interface Inspected {
  globalValue?: unknown;
  workspaceValue?: unknown;
  workspaceFolderValue?: unknown;
  globalLanguageValue?: unknown;
  workspaceLanguageValue?: unknown;
  workspaceFolderLanguageValue?: unknown;
}

/** ConfigInspector reads settings and tells whether the writer set them. */
export interface ConfigInspector extends ConfigReader {
  inspect(key: string): Inspected | undefined;
}

function isSet(i: Inspected | undefined): boolean {
  return (
    i !== undefined &&
    (i.globalValue !== undefined ||
      i.workspaceValue !== undefined ||
      i.workspaceFolderValue !== undefined ||
      i.globalLanguageValue !== undefined ||
      i.workspaceLanguageValue !== undefined ||
      i.workspaceFolderLanguageValue !== undefined)
  );
}

/**
 * explicitSettings returns the settings of cfg that the writer set, each
 * checked as readSettings checks it (an ill-typed value is left out rather
 * than sent as its default).
 */
export function explicitSettings(cfg: ConfigInspector): ExplicitSettings {
  const all = readSettings(cfg);
  const out: ExplicitSettings = { languages: all.languages, hints: all.hints, inlayHints: all.inlayHints };
  const number = (key: string) => {
    const v = cfg.get(key);
    return isSet(cfg.inspect(key)) && typeof v === 'number' && Number.isFinite(v);
  };
  if (number('hardLevel')) out.hardLevel = all.hardLevel;
  if (number('veryHardLevel')) out.veryHardLevel = all.veryHardLevel;
  if (number('minWords')) out.minWords = all.minWords;
  if (isSet(cfg.inspect('diagnostics.enable')) && typeof cfg.get('diagnostics.enable') === 'boolean') {
    out.diagnostics = all.diagnostics;
  }
  const configPath = cfg.get('configPath');
  if (isSet(cfg.inspect('configPath')) && typeof configPath === 'string' && configPath !== '') out.configPath = configPath;
  return out;
}

/**
 * initializationOptions wraps s the way the server expects it in
 * `initialize`, and tells the server that VS Code shows a position's
 * diagnostics in its hover, so the hover need not repeat them.
 */
export function initializationOptions<S extends FactboxSettings | ExplicitSettings>(s: S): { factbox: S; clientShowsDiagnosticsInHover: true } {
  return { factbox: s, clientShowsDiagnosticsInHover: true };
}

/** didChangeConfigurationParams wraps s for `workspace/didChangeConfiguration`. */
export function didChangeConfigurationParams<S extends FactboxSettings | ExplicitSettings>(s: S): { settings: { factbox: S } } {
  return { settings: { factbox: s } };
}

/** DocumentFilter is the subset of vscode.DocumentFilter the client uses. */
export interface DocumentFilter {
  scheme: string;
  language: string;
}

/**
 * documentSelector selects saved and untitled documents of the given
 * language ids. VS Code's ids for the two supported languages, `markdown`
 * and `plaintext`, are the same as the LSP ids the server reads.
 */
export function documentSelector(languages: readonly string[]): DocumentFilter[] {
  const out: DocumentFilter[] = [];
  for (const language of languages) {
    for (const scheme of ['file', 'untitled']) {
      out.push({ scheme, language });
    }
  }
  return out;
}

/**
 * CONFIG_FILE_SELECTOR selects project config files, which the client also
 * syncs to the server: it checks them as they are typed and re-reads them
 * when saved. They get no status bar or fact box.
 */
export const CONFIG_FILE_SELECTOR: readonly { scheme: string; pattern: string }[] = [
  { scheme: 'file', pattern: '**/.factbox.toml' },
];
