/**
 * @file The renderer's side of the engine protocol: validates what arrives, routes it to the cell that asked,
 * and runs cells one at a time.
 *
 * [Note: execution queue] The client, not the engine, holds the queue of cells waiting to run. It sends the next
 * `execute` only when the previous one is `done`, so that, as in Jupyter, a cell that fails (or is interrupted)
 * aborts the cells queued behind it, and a restart or a crash aborts everything without asking a dead engine.
 * A replaced engine (restart, crash) never sees the old queue: the UI keeps every cell as it was.
 */
import { parseFromEngine, type BackendPreference, type FromEngine, type KernelState } from '../../shared/protocol/engine';
import type { EngineTransport } from './transport';

export type OutputMessage = Extract<FromEngine, { type: 'stream' | 'display' | 'result' | 'error' }>;
export type DoneMessage = Extract<FromEngine, { type: 'done' }>;
export type InputRequest = Extract<FromEngine, { type: 'input_request' }>;
export type RestartReason = Extract<FromEngine, { type: 'restarted' }>['reason'];

/** Where one execution's messages go. */
export interface ExecutionSink {
  /** The execution left the queue and was sent to the engine. */
  onStart?(): void;
  onOutput(msg: OutputMessage): void;
  onDone(msg: DoneMessage): void;
}

export type ReadyInfo = Omit<Extract<FromEngine, { type: 'ready' }>, 'type'>;

export interface ClientEvents {
  onState(state: KernelState): void;
  onReady?(info: ReadyInfo): void;
  /** The kernel was replaced: by the user, after an interrupt that did not take, or after a crash. */
  onRestarted?(reason: RestartReason, detail?: string): void;
  onInputRequest?(req: InputRequest): void;
  /** A message that failed validation: dropped, and reported here for the console. */
  onInvalidMessage?(data: unknown): void;
}

interface Queued {
  id: string;
  code: string;
  silent: boolean;
  stopOnError: boolean;
  sink: ExecutionSink;
}

interface Pending<T> {
  resolve(v: T): void;
  reject(e: Error): void;
}

export class EngineClient {
  private transport: EngineTransport | null = null;
  private detach: Array<() => void> = [];
  private queue: Queued[] = [];
  private running: Queued | null = null;
  private readonly evals = new Map<string, Pending<string>>();
  private readonly writes = new Map<string, Pending<void>>();
  private seq = 0;
  private _state: KernelState = 'starting';
  private _used = false;

  /**
   * `backend`: the compute-backend preference, told to every engine this client attaches to (engines start on
   * 'auto' and replace a worker that has run nothing, see [Note: backend preference] in src/engine/core/router.ts).
   */
  constructor(private readonly events: ClientEvents, private backend: BackendPreference = 'auto') {}

  get state(): KernelState {
    return this._state;
  }

  /** Something was sent to this kernel since it started: it may hold variables that a restart would lose. */
  get used(): boolean {
    return this._used;
  }

  /** Uses a (new) transport; the old one, if any, is closed and whatever it was doing is aborted. */
  attach(transport: EngineTransport): void {
    this.dropTransport();
    this.transport = transport;
    this.detach = [
      transport.onMessage((data) => this.receive(data)),
      transport.onFailure((detail) => this.fail(detail)),
    ];
    this.setState('starting');
    this._used = false;
    transport.send({ type: 'configure', backend: this.backend });
  }

  /** The engine is gone (its channel failed or the host reported its exit): abort everything, report 'dead'. */
  fail(detail: string): void {
    this.abortAll(`the kernel died: ${detail}`);
    this.setState('dead');
  }

  /** Queues code to run; returns the execution id. `stopOnError` cells are aborted when an earlier cell fails. */
  execute(code: string, sink: ExecutionSink, opts: { silent?: boolean; stopOnError?: boolean } = {}): string {
    const id = `exec-${++this.seq}`;
    this.queue.push({ id, code, sink, silent: opts.silent ?? false, stopOnError: opts.stopOnError ?? true });
    this.pump();
    return id;
  }

  /** True while `id` is queued or running. */
  isPending(id: string): boolean {
    return this.running?.id === id || this.queue.some((q) => q.id === id);
  }

  /** Removes queued (not yet running) executions; each gets an 'aborted' done. */
  cancelQueued(): void {
    const dropped = this.queue;
    this.queue = [];
    for (const q of dropped) q.sink.onDone({ type: 'done', id: q.id, executionCount: null, status: 'aborted' });
  }

  /** Evaluates an expression for a panel; resolves with the JSON text the engine returns. */
  eval(code: string): Promise<string> {
    const id = `eval-${++this.seq}`;
    return new Promise((resolve, reject) => {
      if (!this.transport) return reject(new Error('no kernel is connected'));
      this.evals.set(id, { resolve, reject });
      this._used = true;
      this.transport.send({ type: 'eval', id, code });
    });
  }

  /** Puts a file into the engine's working directory (browser-mode uploads). */
  writeFile(path: string, data: Uint8Array): Promise<void> {
    const id = `file-${++this.seq}`;
    return new Promise((resolve, reject) => {
      if (!this.transport) return reject(new Error('no kernel is connected'));
      this.writes.set(id, { resolve, reject });
      this._used = true;
      // A copy owns a plain ArrayBuffer (not a view into shared memory), as the protocol's schema expects.
      this.transport.send({ type: 'write_file', id, path, data: new Uint8Array(data) });
    });
  }

  interrupt(): void {
    this.transport?.send({ type: 'interrupt' });
  }

  /** Sets the backend preference: told to the engine now (it applies it when nothing ran yet) and on every attach. */
  configure(backend: BackendPreference): void {
    this.backend = backend;
    this.transport?.send({ type: 'configure', backend });
  }

  /** Restarts the kernel; with `backend`, the fresh kernel (and every later one) uses that preference. */
  restart(backend?: BackendPreference): void {
    this.abortAll('the kernel is restarting');
    if (backend) this.backend = backend;
    this._used = false;
    this.transport?.send(backend ? { type: 'restart', backend } : { type: 'restart' });
  }

  replyInput(id: string, value: string): void {
    this.transport?.send({ type: 'input_reply', id, value });
  }

  shutdown(): void {
    this.transport?.send({ type: 'shutdown' });
    this.dropTransport();
  }

  private dropTransport(): void {
    for (const d of this.detach) d();
    this.detach = [];
    this.transport?.close();
    this.transport = null;
    this.abortAll('the kernel was replaced');
  }

  private setState(state: KernelState): void {
    if (state === this._state) return;
    this._state = state;
    this.events.onState(state);
  }

  private pump(): void {
    if (this.running || !this.transport) return;
    const next = this.queue.shift();
    if (!next) return;
    this.running = next;
    next.sink.onStart?.();
    this._used = true;
    this.transport.send({ type: 'execute', id: next.id, code: next.code, silent: next.silent });
  }

  private abortAll(reason: string): void {
    const running = this.running;
    this.running = null;
    if (running) running.sink.onDone({ type: 'done', id: running.id, executionCount: null, status: 'aborted' });
    this.cancelQueued();
    for (const p of [...this.evals.values(), ...this.writes.values()]) p.reject(new Error(reason));
    this.evals.clear();
    this.writes.clear();
  }

  private receive(data: unknown): void {
    const msg = parseFromEngine(data);
    if (!msg) {
      this.events.onInvalidMessage?.(data);
      return;
    }
    switch (msg.type) {
      case 'status':
        this.setState(msg.state);
        return;
      case 'ready': {
        const { type: _, ...info } = msg;
        this.events.onReady?.(info);
        return;
      }
      case 'stream':
      case 'display':
      case 'result':
      case 'error':
        if (this.running?.id === msg.id) this.running.sink.onOutput(msg);
        return;
      case 'done': {
        const run = this.running;
        if (run?.id !== msg.id) return;
        this.running = null;
        run.sink.onDone(msg);
        if (msg.status !== 'ok') this.abortStopOnError();
        this.pump();
        return;
      }
      case 'input_request':
        if (this.running?.id === msg.id) this.events.onInputRequest?.(msg);
        return;
      case 'eval_result': {
        const p = this.evals.get(msg.id);
        this.evals.delete(msg.id);
        if (msg.ok) p?.resolve(msg.value ?? '');
        else p?.reject(new Error(msg.error ?? 'evaluation failed'));
        return;
      }
      case 'write_file_done': {
        const p = this.writes.get(msg.id);
        this.writes.delete(msg.id);
        if (msg.ok) p?.resolve();
        else p?.reject(new Error(msg.error ?? 'could not write the file'));
        return;
      }
      case 'restarted':
        this._used = false;
        this.abortAll('the kernel restarted');
        this.events.onRestarted?.(msg.reason, msg.detail);
        return;
      default:
        msg satisfies never;
    }
  }

  /** Jupyter's stop-on-error: a failed cell aborts the queued cells that asked for it. */
  private abortStopOnError(): void {
    const aborted = this.queue.filter((q) => q.stopOnError);
    this.queue = this.queue.filter((q) => !q.stopOnError);
    for (const q of aborted) q.sink.onDone({ type: 'done', id: q.id, executionCount: null, status: 'aborted' });
  }
}
