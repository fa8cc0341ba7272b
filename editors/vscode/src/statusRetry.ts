// Package-free module: when to ask the server again for the status bar's
// fact box. It must not import `vscode`, so that it can be unit-tested under
// node's test runner.

/** PREVIEW_SCHEME is the URI scheme of Show Fact Box's read-only preview. */
export const PREVIEW_SCHEME = 'factbox-preview';

/**
 * isDocumentNotFound reports whether a request failed because the server
 * does not know the document (yet): its error for an unknown URI.
 */
export function isDocumentNotFound(err: unknown): boolean {
  const message = err instanceof Error ? err.message : typeof err === 'object' && err !== null ? String((err as { message?: unknown }).message) : String(err);
  return /document not found/i.test(message);
}

/** RETRY_DELAYS_MS are the waits before each retry when no publication comes. */
export const RETRY_DELAYS_MS: readonly number[] = [200, 500, 1000, 2000, 4000];

/**
 * StatusRetry schedules the status bar's retries for a document the server
 * did not know: at once when diagnostics are published for it (the server
 * has it then), else after each of RETRY_DELAYS_MS; after those it waits
 * for the document's first publication only.
 */
export class StatusRetry {
  private uri: string | undefined;
  private attempts = 0;
  private timer: ReturnType<typeof setTimeout> | undefined;

  constructor(
    private readonly refresh: () => void,
    private readonly delays: readonly number[] = RETRY_DELAYS_MS,
  ) {}

  /**
   * notFound records that the request for uri failed with "document not
   * found" and returns whether a retry is scheduled.
   */
  notFound(uri: string): boolean {
    if (uri !== this.uri) {
      this.cancel();
      this.uri = uri;
    }
    this.clearTimer();
    if (this.attempts >= this.delays.length) {
      return false;
    }
    const delay = this.delays[this.attempts++];
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.refresh();
    }, delay);
    return true;
  }

  /**
   * published is told the URIs whose diagnostics changed. It retries when a
   * retry is scheduled for one of them, or when the retries for it ran out:
   * a server slower to open the document than the back-off still brings the
   * status bar back once it publishes.
   */
  published(uris: readonly string[]): void {
    const waiting = this.timer !== undefined || this.attempts >= this.delays.length;
    if (waiting && this.uri !== undefined && uris.includes(this.uri)) {
      this.clearTimer();
      this.refresh();
    }
  }

  /** succeeded ends the retries: the server answered. */
  succeeded(): void {
    this.cancel();
  }

  /** cancel forgets the document and any scheduled retry. */
  cancel(): void {
    this.clearTimer();
    this.uri = undefined;
    this.attempts = 0;
  }

  /** pending reports whether a retry is scheduled. */
  get pending(): boolean {
    return this.timer !== undefined;
  }

  private clearTimer(): void {
    if (this.timer !== undefined) {
      clearTimeout(this.timer);
      this.timer = undefined;
    }
  }
}
