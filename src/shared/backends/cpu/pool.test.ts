/** @file The worker pool under stress: concurrent callers, a worker that dies mid-job, interrupt during a long kernel. */
import { afterEach, describe, expect, it } from 'vitest';
import { Worker } from 'node:worker_threads';
import { createNodeCpuBackend } from '../../../engine/node/cpu-backend';
import { KernelInterruptedError, type CpuBackend } from './index';

let cpu: CpuBackend | undefined;
afterEach(() => { cpu?.dispose(); cpu = undefined; });

function filled(c: CpuBackend, n: number, f: (i: number) => number): Float32Array {
  const v = c.allocF32(n);
  for (let i = 0; i < n; i++) v[i] = f(i);
  return v;
}
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('CPU worker pool', () => {
  it('starts one worker per extra core and runs large kernels on them', async () => {
    cpu = await createNodeCpuBackend({ threads: 2 });
    expect(cpu.threads).toBe(2);
    expect(cpu.rt.pool.workerCount).toBe(1);
  });

  it('interleaved callers each get their own results', async () => {
    cpu = await createNodeCpuBackend({ threads: 2 });
    const c = cpu;
    const n = 600_000;
    const caller = async (k: number) => {
      const a = filled(c, n, (i) => (i % 13) + k), b = filled(c, n, (i) => (i % 7) * k), o = c.allocF32(n);
      for (let round = 0; round < 5; round++) {
        c.binary('add', a, 0, b, 0, o, 0, n);
        for (let i = 0; i < n; i += 997) expect(o[i]).toBe((i % 13) + k + (i % 7) * k);
        expect(c.sum(a, 0, n)).toBe(Array.from({ length: n }, (_, i) => (i % 13) + k).reduce((x, y) => x + y, 0));
        await sleep(0);
      }
      c.free(a); c.free(b); c.free(o);
    };
    await Promise.all([caller(1), caller(2), caller(3)]);
  });

  it('a caller that finds the pool held by another thread runs its job inline', async () => {
    cpu = await createNodeCpuBackend({ threads: 2 });
    const n = 1 << 20;
    const a = filled(cpu, n, (i) => i % 5), o = cpu.allocF32(n);
    cpu.rt.pool.setLockedForTest(true);
    cpu.binaryScalar('mul', a, 0, 2, false, o, 0, n);
    cpu.rt.pool.setLockedForTest(false);
    for (let i = 0; i < n; i += 101) expect(o[i]).toBe((i % 5) * 2);
  });

  it('a worker that dies mid-job: the caller takes over its chunk, and the pool replaces the worker', async () => {
    cpu = await createNodeCpuBackend({ threads: 2, stallMs: 1000 });
    const n = 10_000_000;
    const a = filled(cpu, n, (i) => i % 11), b = filled(cpu, n, () => 1), o = cpu.allocF32(n);
    cpu.rt.pool.killWorkerAtChunk('any');
    cpu.binary('sub', a, 0, b, 0, o, 0, n);
    for (let i = 0; i < n; i += 1009) expect(o[i]).toBe((i % 11) - 1);
    const taken = cpu.rt.pool.takeovers;
    expect(taken).toBeGreaterThanOrEqual(1); // the dead worker's chunk (1 s without progress: no live worker stalls that long)
    for (let t = 0; t < 100 && cpu.rt.pool.respawned === 0; t++) await sleep(20);
    expect(cpu.rt.pool.respawned).toBe(1);
    for (let t = 0; t < 100 && cpu.rt.pool.workerCount === 0; t++) await sleep(20);
    await sleep(50); // let the newcomer reach its wait loop
    const t0 = performance.now();
    cpu.binary('add', a, 0, b, 0, o, 0, n);
    expect(performance.now() - t0).toBeLessThan(250); // no stall (300 ms): every chunk finished
    for (let i = 0; i < n; i += 1009) expect(o[i]).toBe((i % 11) + 1);
  });

  it('a kernel that traps on a worker surfaces as the same error in the caller, and the pool carries on', async () => {
    cpu = await createNodeCpuBackend({ threads: 2 });
    const n = 4 << 20;
    const a = filled(cpu, n, () => 1), o = cpu.allocF32(n);
    const past = cpu.rt.memory.buffer.byteLength; // every chunk's input lies beyond the memory: each one traps
    expect(() => cpu!.rt.parallel('vv_add_f32', [past, past, o.byteOffset, n], [1 << 20, 1 << 20, 1 << 20, 0], 3, n, 1 << 18))
      .toThrow(WebAssembly.RuntimeError);
    cpu.binary('add', a, 0, a, 0, o, 0, n);
    expect(o[n - 1]).toBe(2);
  });

  it('an interrupt during a long matmul stops it within a chunk and leaves the pool usable', async () => {
    const interrupt = new Int32Array(new SharedArrayBuffer(4));
    cpu = await createNodeCpuBackend({ threads: 2, interrupt });
    const N = 1536;
    const a = filled(cpu, N * N, (i) => (i % 3) - 1), b = filled(cpu, N * N, (i) => (i % 5) - 2), o = cpu.allocF32(N * N);
    let full = Infinity;
    for (let r = 0; r < 2; r++) {
      const t0 = performance.now();
      cpu.matmulF32(a, 0, b, 0, o, N, N, N);
      full = Math.min(full, performance.now() - t0);
    }
    o.fill(0);
    // another thread raises the flag, as the engine's router does with Pyodide's interrupt buffer
    const raiser = new Worker(
      `const { workerData } = require('node:worker_threads');
       setTimeout(() => { Atomics.store(new Int32Array(workerData), 0, 2); }, ${Math.max(5, full / 10)});`,
      { eval: true, workerData: interrupt.buffer });
    await new Promise((r) => raiser.once('online', r));
    expect(() => cpu!.matmulF32(a, 0, b, 0, o, N, N, N)).toThrow(KernelInterruptedError);
    // it stopped early: the last row block was never written
    expect(o.subarray((N - 1) * N).every((x) => x === 0)).toBe(true);
    await raiser.terminate();
    Atomics.store(interrupt, 0, 0);
    const small = filled(cpu, 64 * 64, () => 1), out = cpu.allocF32(64 * 64);
    cpu.matmulF32(small, 0, small, 0, out, 64, 64, 64);
    expect(out[0]).toBe(64);
  });

  it('with interruptSignal, other values in the slot (the engine\'s flush requests) do not cancel', async () => {
    const interrupt = new Int32Array(new SharedArrayBuffer(4));
    cpu = await createNodeCpuBackend({ threads: 2, interrupt, interruptSignal: 2 });
    const N = 256;
    const a = filled(cpu, N * N, () => 1), o = cpu.allocF32(N * N);
    Atomics.store(interrupt, 0, 10);
    cpu.matmulF32(a, 0, a, 0, o, N, N, N);
    expect(o[N * N - 1]).toBe(N);
    Atomics.store(interrupt, 0, 2);
    expect(() => cpu!.matmulF32(a, 0, a, 0, o, N, N, N)).toThrow(KernelInterruptedError);
    // elementwise work checks between its parallel chunks (below PAR_MIN_ELEMENTWISE it is one short call)
    const big = filled(cpu, 1 << 19, () => 1);
    expect(() => cpu!.binary('add', big, 0, big, 0, big, 0, 1 << 19)).toThrow(KernelInterruptedError);
  });
});
