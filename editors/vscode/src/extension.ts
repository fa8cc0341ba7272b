// The VS Code side of Factbox: starts `factbox serve --stdio` through
// vscode-languageclient, keeps the status bar in step with the active
// document and offers the Show Fact Box and Restart Server commands.
// Everything that can be decided without VS Code lives in the sibling
// modules and is unit-tested there.

import * as os from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';
import {
  DidChangeConfigurationNotification,
  LanguageClient,
  LanguageClientOptions,
  ServerOptions,
  State,
  TransportKind,
} from 'vscode-languageclient/node';

import { FactboxClient } from './client';
import { Debouncer } from './debounce';
import {
  FACT_BOX_METHOD,
  FactBoxParams,
  FactBoxResult,
  factBoxMarkdown,
  factBoxRows,
  isFactBoxResult,
  quickPickDescription,
  statusText,
  statusTooltip,
  thresholdsOf,
} from './factBox';
import { GuardedOutputChannel } from './output';
import { INSTALL_COMMAND, isExecutableFile, resolveServerPath } from './serverPath';
import {
  CONFIG_FILE_SELECTOR,
  SETTINGS_REQUIRING_RESTART,
  didChangeConfigurationParams,
  documentSelector,
  explicitSettings,
  initializationOptions,
  readSettings,
  settingsProblem,
} from './settings';
import { PREVIEW_SCHEME, StatusRetry, isDocumentNotFound } from './statusRetry';

const STATUS_DEBOUNCE_MS = 250;

let client: LanguageClient | undefined;
let output: vscode.OutputChannel;
let statusRetry: StatusRetry;
let warnedSettings: string | undefined;
const previews = new Map<string, string>();
let status: vscode.StatusBarItem;
let refreshSeq = 0;
let statusDebouncer: Debouncer;

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  output = new GuardedOutputChannel(vscode.window.createOutputChannel('Factbox'));
  status = vscode.window.createStatusBarItem('factbox.level', vscode.StatusBarAlignment.Right, 100);
  status.name = 'Factbox Level';
  status.command = 'factbox.showFactBox';
  statusDebouncer = new Debouncer(STATUS_DEBOUNCE_MS, () => void refreshStatus());
  statusRetry = new StatusRetry(() => void refreshStatus());
  context.subscriptions.push(output, status, { dispose: () => statusDebouncer.cancel() }, { dispose: () => statusRetry.cancel() });

  context.subscriptions.push(
    vscode.commands.registerCommand('factbox.showFactBox', showFactBox),
    vscode.commands.registerCommand('factbox.restartServer', async () => {
      await restart(context);
    }),
    vscode.window.onDidChangeActiveTextEditor(() => {
      statusDebouncer.cancel();
      statusRetry.cancel();
      void refreshStatus();
    }),
    // After a restart or a window reload the status request can reach the
    // server before the client has re-sent didOpen ("document not found"):
    // the first diagnostics published for the document say it is known now.
    vscode.languages.onDidChangeDiagnostics((e) => {
      statusRetry.published(e.uris.map((u) => u.toString()));
    }),
    // Show Fact Box's "Open Preview" reads from here: a virtual document is
    // read-only and never asks to be saved.
    vscode.workspace.registerTextDocumentContentProvider(PREVIEW_SCHEME, {
      provideTextDocumentContent: (uri) => previews.get(uri.toString()) ?? '',
    }),
    vscode.workspace.onDidChangeTextDocument((e) => {
      if (e.document === vscode.window.activeTextEditor?.document && e.contentChanges.length > 0) {
        statusDebouncer.trigger();
      }
    }),
    vscode.workspace.onDidChangeConfiguration(async (e) => {
      if (SETTINGS_REQUIRING_RESTART.some((s) => e.affectsConfiguration(s))) {
        await restart(context);
      } else if (e.affectsConfiguration('factbox') && client?.isRunning()) {
        warnAboutSettings();
        await client.sendNotification(DidChangeConfigurationNotification.type, didChangeConfigurationParams(currentExplicitSettings()));
        statusDebouncer.trigger();
      }
    }),
  );

  await start(context);
}

export async function deactivate(): Promise<void> {
  await stop();
}

function currentSettings() {
  return readSettings(vscode.workspace.getConfiguration('factbox'));
}

/**
 * warnAboutSettings shows a warning for settings that make no sense
 * together, once for each distinct problem (the log alone went unread).
 */
function warnAboutSettings(): void {
  const problem = settingsProblem(currentSettings());
  if (problem === undefined || problem === warnedSettings) {
    warnedSettings = problem;
    return;
  }
  warnedSettings = problem;
  output.appendLine(problem);
  void vscode.window.showWarningMessage(problem, 'Open Settings').then((choice) => {
    if (choice === 'Open Settings') {
      void vscode.commands.executeCommand('workbench.action.openSettings', 'factbox.hardLevel');
    }
  });
}

/**
 * currentExplicitSettings are the settings the writer set for scope (a
 * folder or document; none for the user and workspace levels): what the
 * server ranks above a project's .factbox.toml.
 */
function currentExplicitSettings(scope?: vscode.Uri) {
  return explicitSettings(vscode.workspace.getConfiguration('factbox', scope));
}

function currentSelector() {
  return documentSelector(currentSettings().languages);
}

async function start(context: vscode.ExtensionContext): Promise<void> {
  const setting = vscode.workspace.getConfiguration('factbox').get<string>('server.path');
  const resolution = resolveServerPath(setting, {
    platform: process.platform,
    env: process.env,
    homedir: os.homedir(),
    extensionPath: context.extensionPath,
    workspaceFolder: vscode.workspace.workspaceFolders?.[0]?.uri.fsPath,
    isExecutable: isExecutableFile,
  });
  if (!resolution.ok) {
    output.appendLine(`${resolution.message}\nTried:\n  ${resolution.tried.join('\n  ')}`);
    status.hide();
    void showNotFound(resolution.message);
    return;
  }
  output.appendLine(`Starting ${resolution.path} serve --stdio (found via ${resolution.source})`);
  warnAboutSettings();

  const serverOptions: ServerOptions = {
    command: resolution.path,
    args: ['serve'],
    // TransportKind.stdio makes the client append --stdio.
    transport: TransportKind.stdio,
  };
  const clientOptions: LanguageClientOptions = {
    documentSelector: [...currentSelector(), ...CONFIG_FILE_SELECTOR],
    initializationOptions: initializationOptions(currentExplicitSettings()),
    outputChannel: output,
    markdown: { isTrusted: false, supportHtml: false },
    middleware: {
      workspace: {
        // The server asks for each folder's settings (scopeUri); answer
        // with the ones the writer set there, as for initializationOptions.
        configuration: async (params, token, next) => {
          const result = await next(params, token);
          if (!Array.isArray(result)) {
            return result;
          }
          return params.items.map((item, i) =>
            item.section === 'factbox'
              ? currentExplicitSettings(item.scopeUri ? vscode.Uri.parse(item.scopeUri) : undefined)
              : result[i],
          );
        },
      },
    },
  };
  const c = new FactboxClient('factbox', 'Factbox', serverOptions, clientOptions);
  c.onDidChangeState((e) => {
    // A client that was stopped can still report its state late (its
    // process exits after the new one has started): only the current
    // client's state may touch the status bar.
    if (client !== c) {
      return;
    }
    if (e.newState === State.Running) {
      void refreshStatus();
    } else if (e.newState === State.Stopped) {
      status.text = statusText(undefined);
      status.tooltip = 'Factbox: the server is not running. Click for details.';
    }
  });
  client = c;
  try {
    await c.start();
  } catch (err) {
    const msg = `Factbox: could not start ${resolution.path}: ${errorText(err)}`;
    output.appendLine(msg);
    void vscode.window.showErrorMessage(msg, 'Open Settings', 'Show Log').then((choice) => {
      if (choice === 'Open Settings') {
        void vscode.commands.executeCommand('workbench.action.openSettings', 'factbox.server.path');
      } else if (choice === 'Show Log') {
        output.show();
      }
    });
  }
}

async function stop(): Promise<void> {
  const c = client;
  client = undefined;
  if (c === undefined) {
    return;
  }
  try {
    if (c.isRunning()) {
      await c.stop();
    }
    await c.dispose();
  } catch (err) {
    output.appendLine(`Factbox: stopping the server failed: ${errorText(err)}`);
  }
}

async function restart(context: vscode.ExtensionContext): Promise<void> {
  output.appendLine('Restarting the Factbox server');
  // The level shown came from the server being stopped: say so until the
  // new one answers. (The stopped client's own Stopped event no longer
  // reaches the status bar, see start.) Without this the old level stayed
  // through the restart, and the new client's first "document not found"
  // turned it into `FK –` for a moment after the restart seemed done.
  statusDebouncer.cancel();
  statusRetry.cancel();
  status.text = statusText(undefined);
  status.tooltip = 'Factbox: restarting the server';
  await stop();
  await start(context);
}

async function showNotFound(message: string): Promise<void> {
  const choice = await vscode.window.showErrorMessage(message, 'Open Settings', 'Copy Install Command');
  if (choice === 'Open Settings') {
    await vscode.commands.executeCommand('workbench.action.openSettings', 'factbox.server.path');
  } else if (choice === 'Copy Install Command') {
    await vscode.env.clipboard.writeText(INSTALL_COMMAND);
  }
}

function eligibleEditor(): vscode.TextEditor | undefined {
  const editor = vscode.window.activeTextEditor;
  if (editor === undefined || vscode.languages.match(currentSelector(), editor.document) === 0) {
    return undefined;
  }
  return editor;
}

async function requestFactBox(c: LanguageClient, editor: vscode.TextEditor): Promise<FactBoxResult | undefined> {
  const params: FactBoxParams = {
    textDocument: { uri: c.code2ProtocolConverter.asUri(editor.document.uri) },
    position: c.code2ProtocolConverter.asPosition(editor.selection.active),
  };
  const r = await c.sendRequest(FACT_BOX_METHOD, params);
  if (!isFactBoxResult(r)) {
    output.appendLine(`Factbox: unexpected ${FACT_BOX_METHOD} result: ${JSON.stringify(r)}`);
    return undefined;
  }
  return r;
}

async function refreshStatus(): Promise<void> {
  const editor = eligibleEditor();
  const c = client;
  if (editor === undefined || c === undefined) {
    status.hide();
    return;
  }
  status.show();
  if (!c.isRunning()) {
    status.text = statusText(undefined);
    return;
  }
  const seq = ++refreshSeq;
  const uri = editor.document.uri.toString();
  try {
    const r = await requestFactBox(c, editor);
    if (seq !== refreshSeq || c !== client) {
      return; // A newer refresh started, or the client stopped, while this one waited.
    }
    if (r === undefined) {
      // No fact box (yet): the server may still be opening the document.
      status.text = statusText(undefined);
      status.tooltip = 'Factbox: no fact box for this document yet';
      statusRetry.notFound(uri);
      return;
    }
    statusRetry.succeeded();
    const s = thresholdsOf(r, currentSettings());
    status.text = statusText(r, s);
    status.tooltip = statusTooltip(r, s);
  } catch (err) {
    if (seq !== refreshSeq || c !== client) {
      // A newer refresh, or a client stopped meanwhile (a restart, or the
      // window closing, when the status bar is no longer ours to write).
      return;
    }
    status.text = statusText(undefined);
    if (isDocumentNotFound(err) && statusRetry.notFound(uri)) {
      status.tooltip = 'Factbox: waiting for the server to open this document';
      return;
    }
    status.tooltip = `Factbox: ${errorText(err)}`;
    // Any other failure of a running client is retried with the same back-off.
    if (c.isRunning()) {
      statusRetry.notFound(uri);
    }
  }
}

interface FactBoxItem extends vscode.QuickPickItem {
  action?: 'copy' | 'open';
}

async function showFactBox(): Promise<void> {
  const editor = eligibleEditor();
  if (editor === undefined) {
    void vscode.window.showInformationMessage('Factbox: open a Markdown or plain text document to see its fact box.');
    return;
  }
  const c = client;
  if (c === undefined || !c.isRunning()) {
    const choice = await vscode.window.showWarningMessage('Factbox: the server is not running.', 'Restart Server', 'Show Log');
    if (choice === 'Restart Server') {
      await vscode.commands.executeCommand('factbox.restartServer');
    } else if (choice === 'Show Log') {
      output.show();
    }
    return;
  }
  let r: FactBoxResult | undefined;
  try {
    r = await requestFactBox(c, editor);
  } catch (err) {
    void vscode.window.showErrorMessage(`Factbox: ${FACT_BOX_METHOD} failed: ${errorText(err)}`);
    return;
  }
  if (r === undefined) {
    void vscode.window.showErrorMessage('Factbox: the server sent no fact box; see the Factbox output for details.');
    return;
  }
  const title = `Fact box — ${path.basename(editor.document.uri.path)}`;
  const thresholds = thresholdsOf(r, currentSettings());
  // The actions first, where they are seen without scrolling past the rows.
  const items: FactBoxItem[] = [
    { label: '$(open-preview) Open Preview', description: 'the fact box as a read-only Markdown preview', action: 'open' },
    { label: '$(copy) Copy as Markdown', action: 'copy' },
    { label: '', kind: vscode.QuickPickItemKind.Separator },
    ...factBoxRows(r, thresholds).map((row) => ({
      label: row.label,
      description: quickPickDescription(row),
      detail: row.help,
    })),
  ];
  const picked = await vscode.window.showQuickPick(items, {
    title,
    placeHolder: 'Document, paragraph and sentence under the cursor',
    matchOnDescription: true,
  });
  const md = factBoxMarkdown(r, title, thresholds);
  if (picked?.action === 'copy') {
    await vscode.env.clipboard.writeText(md);
  } else if (picked?.action === 'open') {
    const uri = vscode.Uri.from({ scheme: PREVIEW_SCHEME, path: `/${path.basename(editor.document.uri.path)}.factbox.md` });
    previews.set(uri.toString(), md);
    await vscode.commands.executeCommand('markdown.showPreview', uri);
  }
}

function errorText(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}
