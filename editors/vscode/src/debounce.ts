// Package-free module: a trailing-edge debouncer for the status bar
// refresh. It must not import `vscode`.

/** Debouncer runs fn once, delayMs after the last call to trigger. */
export class Debouncer {
  private timer: ReturnType<typeof setTimeout> | undefined;

  constructor(private readonly delayMs: number, private readonly fn: () => void) {}

  /** trigger (re)starts the delay; fn runs when it elapses without another trigger. */
  trigger(): void {
    this.cancel();
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.fn();
    }, this.delayMs);
  }

  /** pending reports whether a run is scheduled. */
  get pending(): boolean {
    return this.timer !== undefined;
  }

  /** cancel drops a scheduled run, if any. */
  cancel(): void {
    if (this.timer !== undefined) {
      clearTimeout(this.timer);
      this.timer = undefined;
    }
  }
}
