/**
 * @file Test helpers for the engine: `runDivelab` runs the real CLI in a child process (golden tests use it), and
 * `startEngine` gives a protocol client on an engine in this process (router here, Python in a worker thread).
 * Both use the build in out/engine/, which tests/setup/build-engine.ts refreshes before the engine tests.
 */
import { spawn } from 'node:child_process';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseFromEngine, type FromEngine, type ToEngine } from '../../src/shared/protocol/engine';
// @ts-expect-error plain JS module shared with bin/divelab.mjs
import { ensureEngineBuilt } from '../../bin/engine-build.mjs';

export const ROOT = resolve(import.meta.dirname, '../..');
const BIN = join(ROOT, 'bin/divelab.mjs');

export interface RunResult {
  stdout: string;
  stderr: string;
  code: number | null;
}

let built = false;

/**
 * Runs `divelab ...args` (e.g. `['run', 'script.py']`) and collects its output; `input` is piped to its stdin.
 * The engine is built (when stale) once per test process; the CLI then uses that build as it is
 * (DIVELAB_SKIP_BUILD), so edits made by others during a test run neither rebuild it nor print a notice.
 */
export function runDivelab(args: string[], opts: { cwd?: string; input?: string; timeoutMs?: number } = {}): Promise<RunResult> {
  if (!built) {
    ensureEngineBuilt((line: string) => process.stderr.write(line + '\n'));
    built = true;
  }
  return new Promise((resolvePromise, reject) => {
    const child = spawn(process.execPath, [BIN, ...args], {
      cwd: opts.cwd ?? process.cwd(),
      stdio: ['pipe', 'pipe', 'pipe'],
      env: { ...process.env, PYTHONHASHSEED: '0', COLUMNS: '80', DIVELAB_SKIP_BUILD: '1' },
    });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on('data', (b: Buffer) => out.push(b));
    child.stderr.on('data', (b: Buffer) => err.push(b));
    const timer = setTimeout(() => child.kill('SIGKILL'), opts.timeoutMs ?? 120_000);
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolvePromise({ stdout: Buffer.concat(out).toString('utf8'), stderr: Buffer.concat(err).toString('utf8'), code });
    });
    child.stdin.end(opts.input ?? '');
  });
}

/** What one cell produced, in arrival order, plus its final `done`. */
export interface CellRun {
  messages: FromEngine[];
  stdout: string;
  stderr: string;
  result?: Extract<FromEngine, { type: 'result' }>;
  error?: Extract<FromEngine, { type: 'error' }>;
  done: Extract<FromEngine, { type: 'done' }>;
}

export interface EngineHandle {
  /** Every message received so far, validated with parseFromEngine (an invalid one fails the test). */
  readonly messages: FromEngine[];
  send(msg: ToEngine): void;
  /**
   * Resolves with the first message matching `pred` that arrived after the last `send`/`start`/`run` (the engine
   * may answer synchronously, before the caller gets to wait), or after index `since` of `messages` when given.
   */
  waitFor<T extends FromEngine>(pred: (m: FromEngine) => m is T, timeoutMs?: number, since?: number): Promise<T>;
  waitFor(pred: (m: FromEngine) => boolean, timeoutMs?: number, since?: number): Promise<FromEngine>;
  /** Runs a cell and resolves when its `done` arrives. */
  run(code: string, opts?: { id?: string; silent?: boolean }): Promise<CellRun>;
  /** Starts a cell without waiting; returns its id. */
  start(code: string, id?: string): string;
  collect(id: string): Promise<CellRun>;
  close(): void;
}

let counter = 0;

/** Starts an engine with `cwd` as Python's working directory and waits until it is ready. */
export async function startEngine(opts: { cwd?: string; interruptGraceMs?: number; snapshotDir?: string } = {}): Promise<EngineHandle> {
  const mod = (await import(pathToFileURL(join(ROOT, 'out/engine/engine.js')).href)) as typeof import('../../src/engine/node/engine');
  const messages: FromEngine[] = [];
  const listeners = new Set<(m: FromEngine) => void>();
  const engine = mod.createNodeEngine({
    cwd: opts.cwd ?? process.cwd(),
    interruptGraceMs: opts.interruptGraceMs,
    snapshotDir: opts.snapshotDir,
    onMessage(raw) {
      const msg = parseFromEngine(raw);
      if (msg === null) throw new Error(`invalid message from the engine: ${JSON.stringify(raw)}`);
      messages.push(msg);
      for (const l of [...listeners]) l(msg);
    },
  });
  let lastSend = 0;
  const waitFor = (pred: (m: FromEngine) => boolean, timeoutMs = 30_000, since = lastSend): Promise<FromEngine> =>
    new Promise((res, rej) => {
      const seen = messages.slice(since).find(pred);
      if (seen) return res(seen);
      const timer = setTimeout(() => { listeners.delete(l); rej(new Error(`timed out waiting; last messages: ${JSON.stringify(messages.slice(-5))}`)); }, timeoutMs);
      const l = (m: FromEngine): void => {
        if (pred(m)) { clearTimeout(timer); listeners.delete(l); res(m); }
      };
      listeners.add(l);
    });
  const collect = async (id: string): Promise<CellRun> => {
    const already = messages.find((m) => m.type === 'done' && m.id === id);
    const done = (already ?? (await waitFor((m) => m.type === 'done' && m.id === id, 60_000, 0))) as CellRun['done'];
    const mine = messages.filter((m) => 'id' in m && m.id === id);
    const text = (name: string): string => mine.map((m) => (m.type === 'stream' && m.name === name ? m.text : '')).join('');
    return {
      messages: mine,
      stdout: text('stdout'),
      stderr: text('stderr'),
      result: mine.find((m) => m.type === 'result') as CellRun['result'],
      error: mine.find((m) => m.type === 'error') as CellRun['error'],
      done,
    };
  };
  const post = (msg: ToEngine): void => {
    lastSend = messages.length;
    engine.post(msg);
  };
  const start = (code: string, id = `c${++counter}`): string => {
    post({ type: 'execute', id, code });
    return id;
  };
  const handle: EngineHandle = {
    messages,
    send: post,
    waitFor: waitFor as EngineHandle['waitFor'],
    start,
    collect,
    run(code, o = {}) {
      const id = o.id ?? `c${++counter}`;
      post({ type: 'execute', id, code, silent: o.silent });
      return collect(id);
    },
    close: () => engine.close(),
  };
  await waitFor((m) => m.type === 'ready', 60_000, 0);
  return handle;
}
