// The Factbox output channel as the language client sees it. It must not
// import `vscode` at run time (types only), so that it can be unit-tested
// under node's test runner.
import type * as vscode from 'vscode';

/**
 * CLEAN_EXIT matches the line vscode-languageclient writes, as an error,
 * whenever the server process ends, even after a clean shutdown and exit:
 * "[Error - 10:42:01 AM] Server process exited with code 0.".
 */
const CLEAN_EXIT = /^\[Error( - [^\]]*)?\] (Server process exited with code 0\.)$/;

/**
 * clientLogLine rewrites a line the language client logs: a clean exit (code
 * 0, which the server returns only after shutdown then exit) is information,
 * not an error. Other lines are returned as they are.
 */
export function clientLogLine(line: string): string {
  const m = CLEAN_EXIT.exec(line);
  return m ? `[Info${m[1] ?? ''}] ${m[2]} (a clean stop)` : line;
}

/**
 * GuardedOutputChannel is the output channel handed to the language client:
 * it rewrites clean exits (clientLogLine), and once disposed it drops writes,
 * where VS Code's own channel would throw "Channel has been closed" (the
 * client still logs while the window reloads and the extension is disposed).
 */
export class GuardedOutputChannel implements vscode.OutputChannel {
  private closed = false;

  constructor(private readonly inner: vscode.OutputChannel) {}

  get name(): string {
    return this.inner.name;
  }

  append(value: string): void {
    if (!this.closed) {
      this.inner.append(value);
    }
  }

  appendLine(value: string): void {
    if (!this.closed) {
      this.inner.appendLine(clientLogLine(value));
    }
  }

  replace(value: string): void {
    if (!this.closed) {
      this.inner.replace(value);
    }
  }

  clear(): void {
    if (!this.closed) {
      this.inner.clear();
    }
  }

  show(columnOrPreserveFocus?: vscode.ViewColumn | boolean, preserveFocus?: boolean): void {
    if (!this.closed) {
      this.inner.show(columnOrPreserveFocus as vscode.ViewColumn, preserveFocus);
    }
  }

  hide(): void {
    if (!this.closed) {
      this.inner.hide();
    }
  }

  dispose(): void {
    if (!this.closed) {
      this.closed = true;
      this.inner.dispose();
    }
  }
}
