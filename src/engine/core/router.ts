/**
 * @file The engine's router: owns the client's port, queues jobs for the Python worker, and stays responsive
 * while Python runs, so it can interrupt, restart, answer `input()` and replace a worker that died.
 * It never runs user code. Transport-free: adapters give it `send` and a way to spawn a worker.
 *
 * [Note: interrupt and restart] An interrupt sets the shared interrupt flag ([Note: control block]); Python raises
 * KeyboardInterrupt at its next bytecode check, or at once when it is sleeping or waiting for input. A cell stuck in
 * one long native call never checks, so after a grace period the router terminates the worker and starts a fresh
 * one (`restarted`, reason 'interrupt-timeout'). Jupyter's rule for the queue applies: when a cell fails (an
 * interrupt included), the cells queued behind it are aborted, not run.
 *
 * [Note: backend preference] The settings switch (cpu / webgpu / auto, see src/shared/backends/select.ts) is read
 * by a Python worker once, at start-up, so the router keeps it and puts it into every `init`: a worker restarted
 * after a crash or a stuck interrupt keeps the student's choice. A client sends `configure` on each connection
 * and `restart` with `backend` when the student changes it. `configure` replaces a worker only while that worker
 * has run nothing (it was just spawned, the usual case right after connecting), so it never costs a student's
 * variables; a kernel that has run code keeps its backend until it restarts.
 */
import type { BackendPreference } from '../../shared/backends/select';
import { parseToEngine, type FromEngine, type ToEngine } from '../../shared/protocol/engine';
import { clearInterrupt, createControl, raiseInterrupt, reassertInterrupt, requestFlush, writeInputReply, type RouterToWorker, type WorkdirSpec, type WorkerToRouter } from './control';

/** A running Python worker as the router sees it, whatever the thread technology. */
export interface WorkerHandle {
  post(msg: RouterToWorker): void;
  terminate(): void;
}

export interface WorkerEvents {
  message(msg: WorkerToRouter): void;
  /** The worker ended or failed without being asked to. */
  died(detail: string): void;
}

export interface RouterOptions {
  send(msg: FromEngine): void;
  spawn(events: WorkerEvents): WorkerHandle;
  workdir: WorkdirSpec;
  /** Environment variables for Python's os.environ. */
  env?: Record<string, string>;
  /** How long an interrupt may take before the worker is terminated (ms). */
  interruptGraceMs?: number;
  /** The backend preference until a client says otherwise ([Note: backend preference]); default 'auto'. */
  backend?: BackendPreference;
  /** Reports messages that failed validation (they are dropped). */
  onInvalid?(msg: unknown): void;
}

/** How often a running worker is asked to send output it has buffered ([Note: control block]). */
const FLUSH_POKE_MS = 100;

type Job = Extract<ToEngine, { type: 'execute' | 'eval' | 'run_script' | 'write_file' }>;

interface Generation {
  worker: WorkerHandle;
  control: SharedArrayBuffer;
  ready: boolean;
  dead: boolean;
  /** The preference this worker was started with. */
  backend: BackendPreference;
  /** A job was sent to it: it may hold state (globals, files) that replacing it would lose. */
  used: boolean;
}

/** A worker that dies this many times in a row before it is ready is not restarted again (a broken build). */
const MAX_FAILED_STARTS = 3;

export class Router {
  private gen: Generation | null = null;
  private readonly queue: Job[] = [];
  private running: Job | null = null;
  private interruptTimer: ReturnType<typeof setTimeout> | null = null;
  private flushTimer: ReturnType<typeof setInterval> | null = null;
  private closed = false;
  private failedStarts = 0;
  private backend: BackendPreference;

  constructor(private readonly opts: RouterOptions) {
    this.backend = opts.backend ?? 'auto';
  }

  start(): void {
    this.spawn();
  }

  /** Entry point for every message from the client; validates it first. */
  handle(raw: unknown): void {
    const msg = parseToEngine(raw);
    if (msg === null) {
      this.opts.onInvalid?.(raw);
      return;
    }
    switch (msg.type) {
      case 'execute':
      case 'eval':
      case 'run_script':
      case 'write_file':
        if (this.gen === null) return this.abort(msg); // dead after repeated failed starts: nothing will run it
        this.queue.push(msg);
        this.pump();
        return;
      case 'interrupt':
        this.interrupt();
        return;
      case 'restart':
        if (msg.backend) this.backend = msg.backend;
        this.replaceWorker('user');
        return;
      case 'configure':
        this.configure(msg.backend);
        return;
      case 'input_reply':
        if (this.gen) writeInputReply(this.gen.control, msg.eof ? null : msg.value);
        return;
      case 'shutdown':
        this.shutdown();
        return;
      default:
        msg satisfies never;
    }
  }

  shutdown(): void {
    if (this.closed) return;
    this.closed = true;
    this.clearInterruptTimer();
    this.stopFlushTimer();
    this.abortAll();
    this.killWorker();
    this.opts.send({ type: 'status', state: 'dead' });
  }

  /** See [Note: backend preference]. */
  private configure(backend: BackendPreference): void {
    this.backend = backend;
    const gen = this.gen;
    if (this.closed || !gen || gen.used || gen.backend === backend) return;
    // Nothing ran on this worker, so nothing is lost and nothing is reported: the queued jobs wait for the new one.
    this.killWorker();
    this.spawn();
  }

  private spawn(): void {
    const control = createControl();
    const gen: Generation = { worker: null as unknown as WorkerHandle, control, ready: false, dead: false, backend: this.backend, used: false };
    gen.worker = this.opts.spawn({
      message: (msg) => { if (this.gen === gen) this.onWorkerMessage(msg); },
      died: (detail) => { if (this.gen === gen && !gen.dead) this.replaceWorker('crash', detail); },
    });
    this.gen = gen;
    this.opts.send({ type: 'status', state: 'starting' });
    gen.worker.post({ type: 'init', control, workdir: this.opts.workdir, env: this.opts.env ?? {}, backend: gen.backend });
  }

  private onWorkerMessage(msg: WorkerToRouter): void {
    const gen = this.gen!;
    switch (msg.type) {
      case 'booted':
        gen.ready = true;
        this.failedStarts = 0;
        this.opts.send({
          type: 'ready', startupMs: msg.startupMs, fromSnapshot: msg.fromSnapshot,
          ...(msg.backend ? { backend: msg.backend } : {}), ...(msg.notice ? { notice: msg.notice } : {}),
        });
        this.pump();
        return;
      case 'fatal':
        this.replaceWorker('crash', msg.detail);
        return;
      case 'done':
      case 'eval_result':
      case 'write_file_done':
        this.opts.send(msg);
        this.finishJob(msg.type === 'done' && msg.status === 'error');
        return;
      default:
        this.opts.send(msg);
    }
  }

  private finishJob(failed: boolean): void {
    const job = this.running;
    this.running = null;
    this.clearInterruptTimer();
    if (this.gen) clearInterrupt(this.gen.control);
    if (failed && job?.type === 'execute' && !job.silent) this.abortQueued((j) => j.type === 'execute');
    this.pump();
  }

  private pump(): void {
    const gen = this.gen;
    if (this.closed || !gen?.ready || this.running) return;
    const job = this.queue.shift();
    if (!job) {
      this.stopFlushTimer();
      this.opts.send({ type: 'status', state: 'idle' });
      return;
    }
    this.running = job;
    gen.used = true;
    this.opts.send({ type: 'status', state: 'busy' });
    // No flush pokes while an interrupt is pending: see [Note: lost interrupt].
    this.flushTimer ??= setInterval(() => { if (this.running && this.gen && !this.interruptTimer) requestFlush(this.gen.control); }, FLUSH_POKE_MS);
    switch (job.type) {
      case 'execute':
        gen.worker.post({ type: 'execute', id: job.id, code: job.code, silent: job.silent ?? false });
        return;
      default:
        gen.worker.post(job);
    }
  }

  /**
   * [Note: lost interrupt] Pyodide reads the interrupt slot and then clears it in two steps. If SIGINT is written
   * between the two while Python is taking a flush poke (SIGFLUSH), the clear erases it and the cell runs on until
   * the grace period ends in a restart (seen under load in CI). So no pokes are sent while an interrupt is pending,
   * and halfway through the grace period SIGINT is written again if the slot is empty and the job still runs.
   */
  private interrupt(): void {
    const gen = this.gen;
    if (!gen || !this.running || this.interruptTimer) return;
    raiseInterrupt(gen.control);
    const job = this.running;
    const grace = this.opts.interruptGraceMs ?? 2000;
    setTimeout(() => {
      if (this.gen === gen && this.running === job && this.interruptTimer) reassertInterrupt(gen.control);
    }, grace / 2);
    this.interruptTimer = setTimeout(() => {
      this.interruptTimer = null;
      if (this.gen === gen && this.running) {
        this.replaceWorker('interrupt-timeout', 'the running code did not respond to the interrupt');
      }
    }, grace);
  }

  private stopFlushTimer(): void {
    if (this.flushTimer) clearInterval(this.flushTimer);
    this.flushTimer = null;
  }

  private clearInterruptTimer(): void {
    if (this.interruptTimer) clearTimeout(this.interruptTimer);
    this.interruptTimer = null;
  }

  /** Terminates the current worker (if any), aborts its jobs, reports why, and starts a fresh one. */
  private replaceWorker(reason: 'user' | 'interrupt-timeout' | 'crash', detail?: string): void {
    if (this.closed) return;
    const duringStart = !this.gen?.ready;
    this.clearInterruptTimer();
    this.opts.send({ type: 'status', state: 'restarting' });
    this.killWorker();
    this.abortAll();
    this.opts.send(detail === undefined ? { type: 'restarted', reason } : { type: 'restarted', reason, detail });
    if (reason === 'crash' && duringStart && ++this.failedStarts >= MAX_FAILED_STARTS) {
      // Starting again would fail the same way; a restart request from the user tries once more.
      this.failedStarts = 0;
      this.stopFlushTimer();
      this.opts.send({ type: 'status', state: 'dead' });
      return;
    }
    this.spawn();
  }

  private killWorker(): void {
    const gen = this.gen;
    if (!gen) return;
    gen.dead = true;
    this.gen = null;
    gen.worker.terminate();
  }

  private abortAll(): void {
    const job = this.running;
    this.running = null;
    if (job) this.abort(job);
    this.abortQueued();
  }

  private abortQueued(which: (job: Job) => boolean = () => true): void {
    const keep = this.queue.filter((j) => !which(j));
    for (const job of this.queue.filter(which)) this.abort(job);
    this.queue.splice(0, this.queue.length, ...keep);
  }

  private abort(job: Job): void {
    switch (job.type) {
      case 'execute':
      case 'run_script':
        this.opts.send({ type: 'done', id: job.id, executionCount: null, status: 'aborted' });
        return;
      case 'eval':
        this.opts.send({ type: 'eval_result', id: job.id, ok: false, error: 'the kernel restarted' });
        return;
      case 'write_file':
        this.opts.send({ type: 'write_file_done', id: job.id, ok: false, error: 'the kernel restarted' });
        return;
      default:
        job satisfies never;
    }
  }
}
