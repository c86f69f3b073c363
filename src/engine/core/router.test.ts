/** @file The router's queue, interrupt and restart rules, with a scripted fake worker instead of Pyodide. */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { BackendPreference } from '../../shared/backends/select';
import type { FromEngine } from '../../shared/protocol/engine';
import { INTERRUPT, SIGFLUSH, SIGINT, type RouterToWorker } from './control';
import { Router, type WorkerEvents } from './router';

interface FakeWorker {
  events: WorkerEvents;
  received: RouterToWorker[];
  terminated: boolean;
  control(): Int32Array;
}

function setup(opts: { grace?: number; backend?: BackendPreference } = {}) {
  const sent: FromEngine[] = [];
  const workers: FakeWorker[] = [];
  const router = new Router({
    send: (m) => sent.push(m),
    workdir: { kind: 'memory', cwd: '/w' },
    interruptGraceMs: opts.grace ?? 2000,
    ...(opts.backend ? { backend: opts.backend } : {}),
    spawn(events) {
      const w: FakeWorker = {
        events, received: [], terminated: false,
        control() {
          const init = this.received.find((m) => m.type === 'init');
          return new Int32Array(init!.type === 'init' ? init!.control : new SharedArrayBuffer(4), 0, 4);
        },
      };
      workers.push(w);
      return { post: (m) => w.received.push(m), terminate: () => { w.terminated = true; } };
    },
  });
  router.start();
  const worker = () => workers[workers.length - 1]!;
  const boot = () => worker().events.message({ type: 'booted', startupMs: 5, fromSnapshot: true });
  const jobs = () => worker().received.filter((m) => m.type !== 'init');
  const dones = () => sent.filter((m) => m.type === 'done');
  /** The backend preference each worker was started with, in order. */
  const backends = () => workers.map((w) => w.received.find((m) => m.type === 'init')).map((m) => m?.type === 'init' && m.backend);
  return { router, sent, workers, worker, boot, jobs, dones, backends };
}

beforeEach(() => { vi.useFakeTimers(); });
afterEach(() => { vi.useRealTimers(); });

describe('Router', () => {
  it('holds jobs until the worker has booted, then sends them one at a time', () => {
    const t = setup();
    t.router.handle({ type: 'execute', id: 'a', code: '1' });
    t.router.handle({ type: 'execute', id: 'b', code: '2' });
    expect(t.jobs()).toEqual([]);
    t.boot();
    expect(t.sent.find((m) => m.type === 'ready')).toEqual({ type: 'ready', startupMs: 5, fromSnapshot: true });
    expect(t.jobs().map((j) => 'id' in j && j.id)).toEqual(['a']);
    t.worker().events.message({ type: 'done', id: 'a', executionCount: 1, status: 'ok' });
    expect(t.jobs().map((j) => 'id' in j && j.id)).toEqual(['a', 'b']);
  });

  it('aborts queued cells after a failing cell, but not queued panel evaluations', () => {
    const t = setup();
    t.boot();
    t.router.handle({ type: 'execute', id: 'a', code: 'x' });
    t.router.handle({ type: 'execute', id: 'b', code: 'y' });
    t.router.handle({ type: 'eval', id: 'e', code: 'z' });
    t.worker().events.message({ type: 'done', id: 'a', executionCount: 1, status: 'error' });
    expect(t.dones()).toContainEqual({ type: 'done', id: 'b', executionCount: null, status: 'aborted' });
    expect(t.jobs().map((j) => 'id' in j && j.id)).toEqual(['a', 'e']);
  });

  it('interrupts through the shared flag, and clears it when the cell ends', () => {
    const t = setup();
    t.boot();
    t.router.handle({ type: 'execute', id: 'a', code: 'while True: pass' });
    t.router.handle({ type: 'interrupt' });
    expect(t.worker().control()[INTERRUPT]).toBe(SIGINT);
    t.worker().events.message({ type: 'done', id: 'a', executionCount: 1, status: 'error' });
    expect(t.worker().control()[INTERRUPT]).toBe(0);
    vi.advanceTimersByTime(5000);
    expect(t.sent.some((m) => m.type === 'restarted')).toBe(false);
  });

  it('ignores an interrupt when nothing runs', () => {
    const t = setup();
    t.boot();
    t.router.handle({ type: 'interrupt' });
    expect(t.worker().control()[INTERRUPT]).toBe(0);
  });

  it('replaces a worker that ignores the interrupt for the grace period', () => {
    const t = setup({ grace: 2000 });
    t.boot();
    t.router.handle({ type: 'execute', id: 'a', code: 'sum(range(10**12))' });
    t.router.handle({ type: 'interrupt' });
    vi.advanceTimersByTime(1999);
    expect(t.workers).toHaveLength(1);
    vi.advanceTimersByTime(1);
    expect(t.workers[0]!.terminated).toBe(true);
    expect(t.workers).toHaveLength(2);
    expect(t.sent).toContainEqual({ type: 'restarted', reason: 'interrupt-timeout', detail: 'the running code did not respond to the interrupt' });
    expect(t.dones()).toEqual([{ type: 'done', id: 'a', executionCount: null, status: 'aborted' }]);
  });

  it('asks a running worker to flush its output about every 100 ms, never over an interrupt', () => {
    const t = setup();
    t.boot();
    t.router.handle({ type: 'execute', id: 'a', code: 'work()' });
    vi.advanceTimersByTime(100);
    expect(t.worker().control()[INTERRUPT]).toBe(SIGFLUSH);
    t.worker().control()[INTERRUPT] = 0;
    t.router.handle({ type: 'interrupt' });
    vi.advanceTimersByTime(100);
    expect(t.worker().control()[INTERRUPT]).toBe(SIGINT);
  });

  it('writes SIGINT again halfway through the grace period when the worker lost it, and sends no flush pokes meanwhile', () => {
    const t = setup({ grace: 2000 });
    t.boot();
    t.router.handle({ type: 'execute', id: 'a', code: 'while True: pass' });
    t.router.handle({ type: 'interrupt' });
    // Pyodide read a flush poke and cleared the slot after SIGINT was written: the interrupt is gone ([Note: lost interrupt]).
    t.worker().control()[INTERRUPT] = 0;
    vi.advanceTimersByTime(999);
    expect(t.worker().control()[INTERRUPT]).toBe(0);
    vi.advanceTimersByTime(1);
    expect(t.worker().control()[INTERRUPT]).toBe(SIGINT);
    t.worker().events.message({ type: 'done', id: 'a', executionCount: 1, status: 'error' });
    vi.advanceTimersByTime(5000);
    expect(t.sent.some((m) => m.type === 'restarted')).toBe(false);
    expect(t.workers).toHaveLength(1);
  });

  it('restarts after a crash and ignores late messages from the dead worker', () => {
    const t = setup();
    t.boot();
    const old = t.worker();
    t.router.handle({ type: 'execute', id: 'a', code: 'crash()' });
    old.events.died('exit code 7');
    expect(t.sent).toContainEqual({ type: 'restarted', reason: 'crash', detail: 'exit code 7' });
    expect(t.dones()).toEqual([{ type: 'done', id: 'a', executionCount: null, status: 'aborted' }]);
    old.events.message({ type: 'done', id: 'a', executionCount: 1, status: 'ok' });
    expect(t.dones()).toHaveLength(1);
    expect(t.workers).toHaveLength(2);
  });

  it('gives up after three failed starts in a row, aborts new work, and tries again on a restart request', () => {
    const t = setup();
    for (let i = 0; i < 3; i++) t.worker().events.died('boom');
    expect(t.workers).toHaveLength(3);
    expect(t.sent.at(-1)).toEqual({ type: 'status', state: 'dead' });
    t.router.handle({ type: 'execute', id: 'a', code: '1' });
    expect(t.dones()).toEqual([{ type: 'done', id: 'a', executionCount: null, status: 'aborted' }]);
    t.router.handle({ type: 'restart' });
    expect(t.workers).toHaveLength(4);
  });

  it("starts workers with the 'auto' backend unless told otherwise", () => {
    expect(setup().backends()).toEqual(['auto']);
    expect(setup({ backend: 'cpu' }).backends()).toEqual(['cpu']);
  });

  it('forwards the backend label and the fallback notice in ready', () => {
    const t = setup({ backend: 'webgpu' });
    const notice = 'WebGPU is not available: no GPU adapter was found. DiveLab runs on the CPU instead.';
    t.worker().events.message({ type: 'booted', startupMs: 5, fromSnapshot: false, backend: 'CPU · 2 threads', notice });
    expect(t.sent.find((m) => m.type === 'ready')).toEqual({ type: 'ready', startupMs: 5, fromSnapshot: false, backend: 'CPU · 2 threads', notice });
  });

  it('replaces a worker that has run nothing when configure asks for another backend, quietly and keeping queued jobs', () => {
    const t = setup();
    t.router.handle({ type: 'execute', id: 'a', code: '1' });
    t.router.handle({ type: 'configure', backend: 'cpu' });
    expect(t.workers[0]!.terminated).toBe(true);
    expect(t.backends()).toEqual(['auto', 'cpu']);
    expect(t.sent.some((m) => m.type === 'restarted' || m.type === 'done')).toBe(false);
    t.boot();
    expect(t.jobs().map((j) => 'id' in j && j.id)).toEqual(['a']);
  });

  it('keeps the worker when configure repeats its backend', () => {
    const t = setup({ backend: 'webgpu' });
    t.router.handle({ type: 'configure', backend: 'webgpu' });
    expect(t.workers).toHaveLength(1);
  });

  it('never replaces a worker that has run code on configure; the preference waits for the next restart', () => {
    const t = setup();
    t.boot();
    t.router.handle({ type: 'execute', id: 'a', code: 'x = 1' });
    t.worker().events.message({ type: 'done', id: 'a', executionCount: 1, status: 'ok' });
    t.router.handle({ type: 'configure', backend: 'cpu' });
    expect(t.workers).toHaveLength(1);
    t.router.handle({ type: 'restart' });
    expect(t.backends()).toEqual(['auto', 'cpu']);
  });

  it('restarts with the backend a restart names, and keeps it for workers restarted after a crash', () => {
    const t = setup();
    t.boot();
    t.router.handle({ type: 'restart', backend: 'webgpu' });
    expect(t.sent).toContainEqual({ type: 'restarted', reason: 'user' });
    t.boot();
    t.worker().events.died('exit code 7');
    t.boot();
    t.router.handle({ type: 'restart' });
    expect(t.backends()).toEqual(['auto', 'webgpu', 'webgpu', 'webgpu']);
  });

  it('rejects a backend the switch does not know', () => {
    const invalid: unknown[] = [];
    const router = new Router({ send() {}, workdir: { kind: 'memory', cwd: '/' }, onInvalid: (m) => invalid.push(m), spawn: () => ({ post() {}, terminate() {} }) });
    router.start();
    router.handle({ type: 'configure', backend: 'cuda' });
    router.handle({ type: 'restart', backend: 'gpu' });
    expect(invalid).toHaveLength(2);
  });

  it('drops invalid messages', () => {
    const invalid: unknown[] = [];
    const sent: FromEngine[] = [];
    const router = new Router({
      send: (m) => sent.push(m), workdir: { kind: 'memory', cwd: '/' }, onInvalid: (m) => invalid.push(m),
      spawn: () => ({ post() {}, terminate() {} }),
    });
    router.start();
    router.handle({ type: 'execute', id: 'a' });
    router.handle('nonsense');
    expect(invalid).toEqual([{ type: 'execute', id: 'a' }, 'nonsense']);
  });
});
