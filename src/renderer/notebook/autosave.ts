/**
 * @file When to write the autosave copy: soon after the typing stops, and never later than a few seconds after
 * the first unsaved edit, so that a crash loses at most `maxWaitMs` of work.
 */

export interface AutosaveTimers {
  setTimeout(fn: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

export class AutosaveScheduler {
  private timer: unknown = null;
  private firstChangeAt: number | null = null;
  private writing: Promise<void> = Promise.resolve();

  constructor(
    private readonly write: () => Promise<void>,
    private readonly opts: { quietMs: number; maxWaitMs: number } = { quietMs: 800, maxWaitMs: 3000 },
    private readonly timers: AutosaveTimers = globalThis,
    private readonly now: () => number = Date.now,
  ) {}

  /** Something changed: write after a quiet moment, but no later than maxWaitMs after the first change. */
  changed(): void {
    const now = this.now();
    this.firstChangeAt ??= now;
    const deadline = this.firstChangeAt + this.opts.maxWaitMs;
    const delay = Math.max(0, Math.min(this.opts.quietMs, deadline - now));
    if (this.timer !== null) this.timers.clearTimeout(this.timer);
    this.timer = this.timers.setTimeout(() => void this.flush(), delay);
  }

  /** Writes now if anything is unsaved; writes never overlap. */
  flush(): Promise<void> {
    if (this.timer !== null) this.timers.clearTimeout(this.timer);
    this.timer = null;
    if (this.firstChangeAt === null) return this.writing;
    this.firstChangeAt = null;
    this.writing = this.writing.then(this.write, this.write);
    return this.writing;
  }

  get pending(): boolean {
    return this.firstChangeAt !== null;
  }
}
