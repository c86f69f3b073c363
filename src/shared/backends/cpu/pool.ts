/**
 * @file A synchronous thread pool for wasm kernels over shared memory (worker_threads in Node, Web Workers in
 * browsers: see src/engine/node/cpu-backend.ts / spawn-web.ts).
 * [Note: pool protocol] The tensor core is synchronous (Python waits for `a @ b`), so `run` blocks: the caller
 * writes a job (export index, base arguments, per-chunk argument steps) into the control block, bumps SEQ and
 * wakes the workers, then claims chunks itself like any worker (so with 2 cores, 1 worker + the caller).
 * Claims are `Atomics.add(NEXT)` + a CAS on the chunk's state, so each chunk runs once; DONE counts finished ones.
 * - A dead worker: its claimed chunk never finishes. When DONE makes no progress for `stallMs`, the caller runs
 *   every unfinished claimed chunk itself (kernels are idempotent: they only write their own output range), and the
 *   pool replaces the worker when its `exit` event arrives.
 * - Interrupt: the caller polls an interrupt flag (Pyodide's interrupt buffer) between chunks; when set it closes
 *   NEXT, waits for chunks already running, and throws KernelInterruptedError. Latency = one chunk (< ~20 ms).
 * - Concurrent callers (several threads sharing a pool): LOCK admits one job at a time; a caller that finds it
 *   taken runs its job inline on its own thread instead of waiting.
 */
import { ChunkState, CLOSED, CTRL, CTRL_BYTES, F64, F64_OFFSET, MAX_ARGS, MAX_CHUNKS } from './pool-layout';
import { workerSource } from './worker-source';

/** What a host adapter returns for one worker; only what the pool needs. */
export interface PoolWorker {
  postMessage(msg: unknown): void;
  onMessage(cb: (msg: unknown) => void): void;
  /** Called once when the worker ends for any reason (exit, crash, terminate). */
  onExit(cb: () => void): void;
  terminate(): void;
}
export type SpawnWorker = (source: string) => PoolWorker;

/** A kernel call split into chunks: chunk c gets `args[i] + c*steps[i]`, and its element count in `args[countArg]`. */
export interface Job {
  fn: number;
  args: readonly number[];
  steps: readonly number[];
  countArg: number;
  total: number;
  chunkLen: number;
}

export class KernelInterruptedError extends Error {
  constructor() { super('kernel interrupted'); this.name = 'KernelInterruptedError'; }
}

export interface PoolOptions {
  threads: number;
  stallMs?: number;
  /** Nonzero at `interrupt[0]` cancels the running job (Pyodide's interrupt buffer fits). */
  interrupt?: Int32Array | Uint8Array;
  /**
   * When set, only this value at `interrupt[0]` cancels: the engine's slot also carries other signals (a request
   * to flush output every ~100 ms) that must not stop a kernel.
   */
  interruptSignal?: number;
}

export class ThreadPool {
  readonly ctrl = new SharedArrayBuffer(CTRL_BYTES);
  private readonly I = new Int32Array(this.ctrl, 0, CTRL.STATE + MAX_CHUNKS);
  private readonly D = new Float64Array(this.ctrl, F64_OFFSET, 2 * MAX_ARGS + 2);
  private readonly workers = new Set<PoolWorker>();
  private readonly callArgs: number[] = [];
  private closed = false;
  stallMs: number;
  interrupt: Int32Array | Uint8Array | undefined;
  private readonly interruptSignal: number | undefined;

  private constructor(
    private readonly fns: readonly ((...a: number[]) => void)[],
    private readonly init: { memory: WebAssembly.Memory; module: WebAssembly.Module; exports: string[] },
    private readonly spawn: SpawnWorker | undefined,
    opts: PoolOptions,
  ) {
    this.stallMs = opts.stallMs ?? 2000;
    this.interrupt = opts.interrupt;
    this.interruptSignal = opts.interruptSignal;
    Atomics.store(this.I, CTRL.NEXT, CLOSED);
    Atomics.store(this.I, CTRL.DIE_AT, -1);
  }

  /** Starts `threads - 1` workers (the caller is the last thread) and waits until each has its instance. */
  static async create(
    fns: readonly ((...a: number[]) => void)[],
    init: { memory: WebAssembly.Memory; module: WebAssembly.Module; exports: string[] },
    spawn: SpawnWorker | undefined,
    opts: PoolOptions,
  ): Promise<ThreadPool> {
    const pool = new ThreadPool(fns, init, spawn, opts);
    const n = spawn && canBlock() ? Math.max(0, opts.threads - 1) : 0;
    await Promise.all(Array.from({ length: n }, () => pool.addWorker()));
    return pool;
  }

  get size(): number { return this.workers.size + 1; }

  private addWorker(): Promise<void> {
    const w = this.spawn!(workerSource());
    this.workers.add(w);
    return new Promise((resolve) => {
      w.onMessage((m) => { if (m === 'ready') resolve(); });
      w.onExit(() => {
        this.workers.delete(w);
        resolve();
        // replace it, unless the pool is closing; the newcomer joins from the next job on
        if (!this.closed) { this.respawned++; void this.addWorker(); }
      });
      w.postMessage({ ...this.init, ctrl: this.ctrl });
    });
  }

  /** Test hook: the worker that claims chunk `c` (any chunk when 'any') of a later job exits without finishing it. */
  killWorkerAtChunk(c: number | 'any'): void { Atomics.store(this.I, CTRL.DIE_AT, c === 'any' ? -2 : c); }
  /** Workers that ended and were replaced. */
  respawned = 0;
  /** Chunks the caller re-ran because their worker stopped answering (see [Note: pool protocol]). */
  takeovers = 0;
  get workerCount(): number { return this.workers.size; }

  /** Test hook: pretend another thread holds the pool. */
  setLockedForTest(locked: boolean): void { Atomics.store(this.I, CTRL.LOCK, locked ? 1 : 0); }

  private interrupted(): boolean {
    if (this.interrupt === undefined) return false;
    const v = Atomics.load(this.interrupt, 0);
    return this.interruptSignal === undefined ? v !== 0 : v === this.interruptSignal;
  }

  private runChunk(job: Job, c: number): void {
    const a = this.callArgs;
    a.length = job.args.length;
    for (let i = 0; i < a.length; i++) a[i] = job.args[i]! + c * job.steps[i]!;
    if (job.countArg >= 0) a[job.countArg] = Math.min(job.chunkLen, job.total - c * job.chunkLen);
    this.fns[job.fn]!(...a);
  }

  /** Runs every chunk of `job`, in parallel when workers are up; returns when all are written. */
  run(job: Job): void {
    const n = Math.ceil(job.total / job.chunkLen);
    if (n <= 0) return;
    if (n > MAX_CHUNKS) throw new RangeError(`job of ${n} chunks exceeds ${MAX_CHUNKS}`);
    const I = this.I;
    if (n === 1 || this.workers.size === 0 || Atomics.compareExchange(I, CTRL.LOCK, 0, 1) !== 0) {
      for (let c = 0; c < n; c++) { if (this.interrupted()) throw new KernelInterruptedError(); this.runChunk(job, c); }
      return;
    }
    let cancelled = false;
    try {
      for (let i = 0; i < job.args.length; i++) { this.D[F64.ARGS + i] = job.args[i]!; this.D[F64.STEPS + i] = job.steps[i]!; }
      this.D[F64.TOTAL] = job.total;
      this.D[F64.CHUNK_LEN] = job.chunkLen;
      I[CTRL.FN] = job.fn; I[CTRL.NARGS] = job.args.length; I[CTRL.COUNT_ARG] = job.countArg;
      I.fill(ChunkState.Free, CTRL.STATE, CTRL.STATE + n);
      Atomics.store(I, CTRL.DONE, 0);
      Atomics.store(I, CTRL.NCHUNKS, n);
      Atomics.store(I, CTRL.NEXT, 0); // opens the job: everything above is published before this store
      Atomics.add(I, CTRL.SEQ, 1);
      Atomics.notify(I, CTRL.SEQ);
      for (;;) {
        if (this.interrupted()) { cancelled = true; break; }
        const c = Atomics.add(I, CTRL.NEXT, 1);
        if (c >= n) break;
        if (Atomics.compareExchange(I, CTRL.STATE + c, ChunkState.Free, ChunkState.Running) !== ChunkState.Free) continue;
        this.finish(job, c, ChunkState.Running);
      }
      const claimed = Math.min(n, Atomics.exchange(I, CTRL.NEXT, CLOSED));
      this.awaitClaimed(job, claimed);
    } finally {
      Atomics.store(I, CTRL.NCHUNKS, 0);
      Atomics.store(I, CTRL.LOCK, 0);
    }
    // a chunk that threw in a worker is re-run here so its real error reaches the caller
    for (let c = 0; c < n; c++) if (I[CTRL.STATE + c] === ChunkState.Failed) this.runChunk(job, c);
    if (cancelled) throw new KernelInterruptedError();
  }

  private finish(job: Job, c: number, from: ChunkState): void {
    let state = ChunkState.Done;
    try { this.runChunk(job, c); } catch { state = ChunkState.Failed; }
    if (Atomics.compareExchange(this.I, CTRL.STATE + c, from, state) === from) Atomics.add(this.I, CTRL.DONE, 1);
  }

  /** Waits until chunks [0, claimed) are finished, taking over the ones whose worker stopped answering. */
  private awaitClaimed(job: Job, claimed: number): void {
    const I = this.I;
    let seen = Atomics.load(I, CTRL.DONE);
    let progressAt = Date.now();
    while (seen < claimed) {
      Atomics.wait(I, CTRL.DONE, seen, 5);
      const now = Atomics.load(I, CTRL.DONE);
      if (now !== seen) { seen = now; progressAt = Date.now(); continue; }
      if (Date.now() - progressAt < this.stallMs) continue;
      for (let c = 0; c < claimed; c++) {
        const s = Atomics.load(I, CTRL.STATE + c);
        if (s === ChunkState.Free || s === ChunkState.Running) { this.takeovers++; this.finish(job, c, s); }
      }
      seen = Atomics.load(I, CTRL.DONE);
      progressAt = Date.now();
    }
  }

  close(): void {
    this.closed = true;
    Atomics.store(this.I, CTRL.QUIT, 1);
    Atomics.add(this.I, CTRL.SEQ, 1);
    Atomics.notify(this.I, CTRL.SEQ);
    for (const w of this.workers) w.terminate();
    this.workers.clear();
  }
}

/** Atomics.wait throws on a browser's main thread: there the pool runs everything inline. */
function canBlock(): boolean {
  try { Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 1, 0); return true; } catch { return false; }
}
