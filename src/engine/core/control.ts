/**
 * @file The shared control block between the router and its Python worker, and the messages they exchange.
 *
 * [Note: control block] One SharedArrayBuffer lets the router reach a worker that is busy running Python and so
 * cannot read messages:
 *   i32[0]  Pyodide's interrupt buffer: a signal number that Python handles at its next bytecode check.
 *           SIGINT (2) raises KeyboardInterrupt; the router sets it and `Atomics.notify`s slots 0 and 1, so a worker
 *           waiting in `time.sleep` (waits on slot 0) or `input()` (slot 1) wakes. SIGUSR1 (10) asks Python to send
 *           the output it has buffered ([Note: stream batching] in _divelab_kernel.py): the router pokes it every
 *           ~100 ms while a job runs, only when the slot is 0, so it never hides an interrupt.
 *   i32[1]  input state — 0 waiting, 1 a reply is in the byte area, 2 end of input (EOFError).
 *   i32[2]  byte length of the reply.
 *   bytes from INPUT_OFFSET: the reply as UTF-8.
 * Everything else travels as ordinary messages, which keep their order.
 */
import type { FromEngine } from '../../shared/protocol/engine';
import type { BackendPreference } from '../../shared/backends/select';

export const INTERRUPT = 0;
export const INPUT_STATE = 1;
export const INPUT_LENGTH = 2;
export const INPUT_OFFSET = 16;
export const INPUT_CAPACITY = 1 << 20;
export const SIGINT = 2;
export const SIGFLUSH = 10;

export const InputState = { waiting: 0, ready: 1, eof: 2 } as const;

export function createControl(): SharedArrayBuffer {
  return new SharedArrayBuffer(INPUT_OFFSET + INPUT_CAPACITY);
}

/** Router side: hands an input reply to a worker blocked in `input()`. Over-long replies are cut (1 MiB). */
export function writeInputReply(control: SharedArrayBuffer, value: string | null): void {
  const i32 = new Int32Array(control, 0, 4);
  if (value === null) {
    Atomics.store(i32, INPUT_STATE, InputState.eof);
  } else {
    const bytes = new TextEncoder().encode(value).subarray(0, INPUT_CAPACITY);
    new Uint8Array(control, INPUT_OFFSET, INPUT_CAPACITY).set(bytes);
    Atomics.store(i32, INPUT_LENGTH, bytes.length);
    Atomics.store(i32, INPUT_STATE, InputState.ready);
  }
  Atomics.notify(i32, INPUT_STATE);
}

/** Router side: requests a KeyboardInterrupt and wakes a worker that sleeps or waits for input. */
export function raiseInterrupt(control: SharedArrayBuffer): void {
  const i32 = new Int32Array(control, 0, 4);
  Atomics.store(i32, INTERRUPT, SIGINT);
  Atomics.notify(i32, INTERRUPT);
  Atomics.notify(i32, INPUT_STATE);
}

/** Router side: writes SIGINT again if the slot is empty, waking a waiting worker ([Note: lost interrupt] in router.ts). */
export function reassertInterrupt(control: SharedArrayBuffer): void {
  const i32 = new Int32Array(control, 0, 4);
  if (Atomics.compareExchange(i32, INTERRUPT, 0, SIGINT) === 0) {
    Atomics.notify(i32, INTERRUPT);
    Atomics.notify(i32, INPUT_STATE);
  }
}

/** Router side: asks a running worker to send its buffered output (no-op when an interrupt is pending). */
export function requestFlush(control: SharedArrayBuffer): void {
  Atomics.compareExchange(new Int32Array(control, 0, 4), INTERRUPT, 0, SIGFLUSH);
}

export function clearInterrupt(control: SharedArrayBuffer): void {
  Atomics.store(new Int32Array(control, 0, 4), INTERRUPT, 0);
}

/** Where the Python worker's working directory comes from. */
export type WorkdirSpec =
  /** Node and Electron: host directories mounted with NODEFS at the same paths (see node/mounts.ts). */
  | { kind: 'host'; cwd: string; mounts: { hostPath: string; path: string }[] }
  /** Browser mode: an in-memory folder that `write_file` fills. */
  | { kind: 'memory'; cwd: string };

export type RouterToWorker =
  /** `env` is added to os.environ (the CLI passes its own environment, as `python` would see it). */
  /** `backend`: the settings switch (cpu / webgpu / auto, default auto), applied as select.ts's resolveBackend decides. */
  | { type: 'init'; control: SharedArrayBuffer; workdir: WorkdirSpec; env: Record<string, string>; backend?: BackendPreference }
  | { type: 'execute'; id: string; code: string; silent: boolean }
  | { type: 'run_script'; id: string; path: string; argv: string[] }
  | { type: 'eval'; id: string; code: string }
  | { type: 'write_file'; id: string; path: string; data: Uint8Array };

export type WorkerToRouter =
  | Exclude<FromEngine, { type: 'status' } | { type: 'ready' } | { type: 'restarted' }>
  | { type: 'booted'; startupMs: number; fromSnapshot: boolean; backend?: string; notice?: string }
  /** The interpreter is unusable (Pyodide fatal error); the router replaces the worker. */
  | { type: 'fatal'; detail: string };
