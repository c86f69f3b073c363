/**
 * @file The Electron GPU path end to end, in Node: Python workers (worker threads driving a RemoteGpu, as
 * tests/helpers/gpu-worker-driver.ts) → the engine's hub and relay (this thread) → a port standing in for
 * Electron's → the renderer's executor (src/renderer/gpu-executor.ts) with the reference backend standing in for
 * WebGPU. Real MessagePorts and blocking read-back throughout.
 */
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { MessageChannel, Worker, type MessagePort } from 'node:worker_threads';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { createGpuHub, type GpuHub } from './gpu-hub';
import { gpuLink } from './gpu-link';
import { nodePort } from '../../shared/backends/webgpu/remote-protocol';
import { referenceBackend } from '../../shared/backends/reference';
import type { Backend, FloatArray } from '../../shared/backends/backend';
import type { WebGpuProbe } from '../../shared/backends/select';
import { serveGpuSessions, type GpuExecutor } from '../../renderer/gpu-executor';
import type { DriverCommand } from '../../../tests/helpers/gpu-worker-driver';

const GPU: WebGpuProbe = { ok: true, adapter: 'Test GPU', software: false };
let code = '';
beforeAll(async () => {
  code = (await build({
    entryPoints: [fileURLToPath(new URL('../../../tests/helpers/gpu-worker-driver.ts', import.meta.url))],
    bundle: true, write: false, format: 'cjs', platform: 'node', target: 'node20',
  })).outputFiles[0]!.text;
});

const cleanup: Array<() => unknown> = [];
afterEach(async () => { for (const f of cleanup.splice(0).reverse()) await f(); });

/** The reference backend, slowed down or stalled on reads as a test needs, counting what happens to it. */
function spyBackend(read: (b: FloatArray) => Promise<FloatArray> = referenceBackend.read) {
  const stats = { created: 0, allocs: 0, frees: 0, disposed: 0 };
  const backend: Backend<FloatArray> = {
    ...referenceBackend,
    alloc: (d, n) => { stats.allocs++; return referenceBackend.alloc(d, n); },
    free: () => { stats.frees++; },
    read,
    dispose: () => { stats.disposed++; },
  };
  const createBackend = async () => { stats.created++; return backend as Backend<unknown>; };
  return { stats, createBackend };
}

/** An engine process (hub) joined to a renderer executor by one channel, as the main process joins them. */
function engineWithExecutor(createBackend: () => Promise<Backend<unknown>>, probe: WebGpuProbe = GPU) {
  const wire = new MessageChannel();
  const hub = createGpuHub(nodePort(wire.port1));
  const executor = serveGpuSessions(nodePort(wire.port2), { probe: async () => probe, createBackend });
  cleanup.push(() => { hub.close(); executor.dispose(); wire.port1.close(); wire.port2.close(); });
  return { hub, executor: executor as GpuExecutor };
}

interface Driven { probe: Promise<WebGpuProbe | null>; interrupt: Int32Array; call(c: DriverCommand): Promise<unknown>; worker: Worker }

/** Starts a worker the way the engine does for each Python worker: a fresh hub session, its port in workerData. */
function startWorker(port: MessagePort | undefined): Driven {
  const interrupt = new Int32Array(new SharedArrayBuffer(4));
  const worker = new Worker(code, { eval: true, workerData: { port, interrupt }, transferList: port ? [port] : [] });
  cleanup.push(() => worker.terminate());
  const replies: Array<(m: { value?: unknown; threw?: string }) => void> = [];
  let probed!: (p: WebGpuProbe | null) => void;
  const probe = new Promise<WebGpuProbe | null>((r) => { probed = r; });
  worker.on('message', (m: { probe?: WebGpuProbe | null; value?: unknown; threw?: string }) => {
    if ('probe' in m) probed(m.probe ?? null); else replies.shift()!(m);
  });
  worker.on('error', (e) => { throw e; });
  const call = (c: DriverCommand) => new Promise<unknown>((resolve) => {
    replies.push((m) => resolve('threw' in m ? { threw: m.threw } : m.value));
    worker.postMessage(c);
  });
  return { probe, interrupt, call, worker };
}
const attach = (hub: GpuHub) => startWorker(hub.attach());

const v = (buf: number, strides: number[]) => ({ buf, offset: 0, strides });

describe('GPU path in Electron (Python worker → engine relay → renderer executor)', () => {
  it("tells the worker the executor's probe, runs its kernels there, and blocks its read until the data is back", async () => {
    const { createBackend } = spyBackend();
    const { hub } = engineWithExecutor(createBackend);
    const w = attach(hub);
    expect(await w.probe).toEqual(GPU);
    const a = await w.call({ op: 'alloc', length: 6 }) as number;
    const b = await w.call({ op: 'alloc', length: 3 }) as number;
    const o = await w.call({ op: 'alloc', length: 6 }) as number;
    await w.call({ op: 'write', id: a, data: [1, 2, 3, 4, 5, 6] });
    await w.call({ op: 'write', id: b, data: [10, 20, 30] });
    await w.call({ op: 'kernel', name: 'binary', args: { op: 'add', a: v(a, [3, 1]), b: v(b, [0, 1]), out: v(o, [3, 1]), shape: [2, 3] } });
    expect(await w.call({ op: 'read', id: o })).toEqual([11, 22, 33, 14, 25, 36]);
  });

  it('reports a failed kernel at the next read, and reads work again after that', async () => {
    const { hub } = engineWithExecutor(spyBackend().createBackend);
    const w = attach(hub);
    await w.probe;
    const a = await w.call({ op: 'alloc', length: 2 }) as number;
    await w.call({ op: 'write', id: a, data: [3, 4] });
    await w.call({ op: 'kernel', name: 'unary', args: { op: 'neg', a: v(99, [1]), out: v(a, [1]), shape: [2] } });
    expect(await w.call({ op: 'read', id: a })).toEqual({ threw: 'Error: GPU buffer 99 does not exist' });
    expect(await w.call({ op: 'read', id: a })).toEqual([3, 4]);
  });

  it("ends a read that never answers when the worker's interrupt flag is set", async () => {
    const { createBackend } = spyBackend(() => new Promise(() => {}));
    const { hub } = engineWithExecutor(createBackend);
    const w = attach(hub);
    await w.probe;
    const a = await w.call({ op: 'alloc', length: 2 }) as number;
    const t0 = Date.now();
    setTimeout(() => Atomics.store(w.interrupt, 0, 2), 200);
    expect(await w.call({ op: 'read', id: a })).toEqual({ threw: 'KernelInterruptedError: kernel interrupted' });
    expect(Date.now() - t0).toBeLessThan(2000);
  });

  it('creates the backend at the first request, not when the port or a worker arrives, and once per port', async () => {
    const { stats, createBackend } = spyBackend();
    const { hub } = engineWithExecutor(createBackend);
    const first = attach(hub);
    await first.probe;
    expect(stats.created).toBe(0);
    const a = await first.call({ op: 'alloc', length: 1 }) as number;
    expect(await first.call({ op: 'read', id: a })).toEqual([0]);
    expect(stats.created).toBe(1);
    const second = attach(hub);
    await second.probe;
    const b = await second.call({ op: 'alloc', length: 1 }) as number;
    expect(await second.call({ op: 'read', id: b })).toEqual([0]);
    expect(stats.created).toBe(1);
  });

  it("gives a restarted worker a fresh session: the old one's buffers are freed and its late replies go nowhere", async () => {
    // every read answers after 300 ms, so the first worker's read is still out when the second worker reads
    const { stats, createBackend } = spyBackend((b) => new Promise((r) => setTimeout(() => r(b.slice()), 300)));
    const { hub } = engineWithExecutor(createBackend);
    const first = attach(hub);
    await first.probe;
    const a = await first.call({ op: 'alloc', length: 2 }) as number;
    await first.call({ op: 'alloc', length: 8 });
    await first.call({ op: 'write', id: a, data: [1, 2] });
    void first.call({ op: 'read', id: a }); // request 1 of the first worker, answered in 300 ms
    await new Promise((r) => setTimeout(r, 50));
    await first.worker.terminate(); // the router replaces a worker that was stuck

    const second = attach(hub);
    expect(await second.probe).toEqual(GPU);
    expect(stats.frees).toBe(2);
    const b = await second.call({ op: 'alloc', length: 2 }) as number;
    expect(b).toBe(a); // the same buffer id and, below, the same request number as the first worker's read
    await second.call({ op: 'write', id: b, data: [5, 6] });
    expect(await second.call({ op: 'read', id: b })).toEqual([5, 6]);
  });

  it('lets a worker boot without a GPU when the executor stays silent, and at once when there is no GPU port', async () => {
    const silent = new MessageChannel();
    const hub = createGpuHub(nodePort(silent.port1), { probeTimeoutMs: 100 });
    cleanup.push(() => { hub.close(); silent.port1.close(); silent.port2.close(); });
    const t0 = Date.now();
    expect(await attach(hub).probe).toEqual({ ok: false, reason: 'the GPU executor did not answer' });
    expect(Date.now() - t0).toBeLessThan(2000);
    expect(await gpuLink(undefined)).toBeNull();
  });

  it('passes on a probe that found no GPU', async () => {
    const { hub } = engineWithExecutor(spyBackend().createBackend, { ok: false, reason: 'no GPU adapter was found' });
    expect(await attach(hub).probe).toEqual({ ok: false, reason: 'no GPU adapter was found' });
  });

  it('drops what the executor sends that is not a valid probe or reply', async () => {
    const wire = new MessageChannel();
    const onInvalid = vi.fn();
    const hub = createGpuHub(nodePort(wire.port1), { onInvalid, probeTimeoutMs: 2000 });
    cleanup.push(() => { hub.close(); wire.port1.close(); wire.port2.close(); });
    const w = attach(hub);
    const hello = await new Promise<{ t: string; session: number }>((r) => wire.port2.once('message', r));
    expect(hello).toEqual({ t: 'hello', session: 1 });
    wire.port2.postMessage({ t: 'probe', session: 1, probe: { ok: 'yes' } });
    wire.port2.postMessage({ t: 'data', req: 1, data: [1, 2] });
    wire.port2.postMessage({ t: 'probe', session: 1, probe: GPU });
    expect(await w.probe).toEqual(GPU);
    expect(onInvalid).toHaveBeenCalledTimes(2);
  });
});
