/**
 * @file The renderer's GPU executors: which window messages start one, one per notebook, a new port replacing the
 * old executor (its device destroyed), a backend that cannot start, and sessions of one port.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ENGINE_PORT_MESSAGE } from '../shared/protocol/host';
import { referenceBackend } from '../shared/backends/reference';
import type { Backend } from '../shared/backends/backend';
import { copyingPort, serveGpuSessions, startGpuExecutors, type ExecutorDeps } from './gpu-executor';

const ORIGIN = 'app://divelab';
const GPU = { ok: true, adapter: 'Test GPU', software: false } as const;
let fakeWindow: EventTarget;
const open: MessagePort[] = [];

beforeEach(() => {
  fakeWindow = new EventTarget();
  vi.stubGlobal('window', fakeWindow);
  vi.stubGlobal('location', { origin: ORIGIN });
});
afterEach(() => {
  vi.unstubAllGlobals();
  for (const p of open.splice(0)) p.close();
});

function deps(create: () => Promise<Backend<unknown>> = async () => referenceBackend as Backend<unknown>) {
  const disposed = vi.fn();
  const d: ExecutorDeps & { probe: ReturnType<typeof vi.fn>; createBackend: ReturnType<typeof vi.fn> } = {
    probe: vi.fn(async () => GPU),
    createBackend: vi.fn(async () => ({ ...(await create()), dispose: disposed })),
  };
  return { d, disposed };
}

/** What the preload does with the main process's engine-port message: the engine's port, then the GPU's. */
function post(data: unknown, opts: { source?: unknown; origin?: string; ports?: MessagePort[] } = {}): void {
  const e = Object.assign(new Event('message'), { data, source: opts.source ?? fakeWindow, origin: opts.origin ?? ORIGIN, ports: opts.ports ?? [] });
  fakeWindow.dispatchEvent(e);
}
const enginePort = (notebookPath: string | null) => ({ type: ENGINE_PORT_MESSAGE, notebookPath, reason: 'start' });

/** The engine's end of a fresh GPU channel, the renderer's end posted as ports[1]. */
function gpuChannel(notebookPath: string | null, opts: { source?: unknown; origin?: string } = {}): MessagePort {
  const engine = new MessageChannel(), gpu = new MessageChannel();
  open.push(engine.port1, engine.port2, gpu.port1, gpu.port2);
  post(enginePort(notebookPath), { ...opts, ports: [engine.port1, gpu.port1] });
  gpu.port2.start();
  return gpu.port2;
}
const next = (p: MessagePort) => new Promise<unknown>((r) => p.addEventListener('message', (e) => r(e.data), { once: true }));
async function hello(p: MessagePort, session: number): Promise<unknown> {
  const reply = next(p);
  p.postMessage({ t: 'hello', session });
  return reply;
}

describe('GPU executors in the renderer', () => {
  it("answers an engine's hello on the port that came with the engine's, probing WebGPU but not starting it", async () => {
    const { d } = deps();
    const stop = startGpuExecutors(d);
    const p = gpuChannel('/nb/a.ipynb');
    expect(await hello(p, 1)).toEqual({ t: 'probe', session: 1, probe: GPU });
    expect(d.probe).toHaveBeenCalledTimes(1);
    expect(d.createBackend).not.toHaveBeenCalled();
    p.postMessage({ t: 'alloc', id: 1, length: 2 });
    p.postMessage({ t: 'write', id: 1, offset: 0, data: Float32Array.from([7, 8]) });
    const reply = next(p);
    p.postMessage({ t: 'read', id: 1, req: 1 });
    expect(await reply).toEqual({ t: 'data', req: 1, data: Float32Array.from([7, 8]) });
    expect(d.createBackend).toHaveBeenCalledTimes(1);
    stop();
  });

  it('sends read-back data as a copy, never transferred (Electron drops messages that transfer an ArrayBuffer)', async () => {
    const { d } = deps();
    const { port1, port2 } = new MessageChannel();
    open.push(port1, port2);
    port2.start();
    const sent = vi.spyOn(port1, 'postMessage');
    const exec = serveGpuSessions(copyingPort(port1), d);
    await hello(port2, 1);
    const reply = next(port2);
    port2.postMessage({ t: 'alloc', id: 1, length: 1 });
    port2.postMessage({ t: 'read', id: 1, req: 1 });
    expect(await reply).toEqual({ t: 'data', req: 1, data: Float32Array.from([0]) });
    // the probe and the data, each with nothing to transfer
    expect(sent.mock.calls.map((c) => (c[1] as unknown[] | undefined)?.length ?? 0)).toEqual([0, 0]);
    exec.dispose();
  });

  it('ignores messages from another window or origin, other message types, and engine ports without a GPU port', async () => {
    const { d } = deps();
    const stop = startGpuExecutors(d);
    gpuChannel(null, { source: {} });
    gpuChannel(null, { origin: 'https://evil.example' });
    const engine = new MessageChannel();
    open.push(engine.port1, engine.port2);
    post(enginePort(null), { ports: [engine.port1] });
    post({ type: 'divelab:engine-exit', notebookPath: null, detail: 'x', restartInMs: 0 }, { ports: [engine.port1, engine.port2] });
    expect(d.probe).not.toHaveBeenCalled();
    stop();
  });

  it("replaces a notebook's executor when its engine restarts, destroying the old device, and leaves other notebooks' alone", async () => {
    const { d, disposed } = deps();
    const stop = startGpuExecutors(d);
    const old = gpuChannel('/nb/a.ipynb');
    const other = gpuChannel('/nb/b.ipynb');
    for (const p of [old, other]) {
      await hello(p, 1);
      const reply = next(p);
      p.postMessage({ t: 'alloc', id: 1, length: 1 });
      p.postMessage({ t: 'read', id: 1, req: 1 });
      await reply;
    }
    expect(disposed).not.toHaveBeenCalled();
    const fresh = gpuChannel('/nb/a.ipynb');
    await vi.waitFor(() => expect(disposed).toHaveBeenCalledTimes(1));
    expect(await hello(fresh, 1)).toEqual({ t: 'probe', session: 1, probe: GPU });
    expect(await hello(other, 2)).toEqual({ t: 'probe', session: 2, probe: GPU });
    stop();
    await vi.waitFor(() => expect(disposed).toHaveBeenCalledTimes(2)); // fresh never started a device
  });

  it('answers reads with the reason when WebGPU cannot start, and tries again for the next worker', async () => {
    let fail = true;
    const { d } = deps(async () => { if (fail) throw new Error('device lost'); return referenceBackend as Backend<unknown>; });
    const { port1, port2 } = new MessageChannel();
    open.push(port1, port2);
    port2.start();
    const exec = serveGpuSessions({ post: (m, t) => port1.postMessage(m, t ?? []), listen: (cb) => { port1.addEventListener('message', (e) => cb(e.data)); port1.start(); } }, d);
    await hello(port2, 1);
    let reply = next(port2);
    port2.postMessage({ t: 'alloc', id: 1, length: 1 });
    port2.postMessage({ t: 'read', id: 1, req: 1 });
    expect(await reply).toEqual({ t: 'error', req: 1, message: 'WebGPU could not start: device lost' });
    fail = false;
    await hello(port2, 2);
    reply = next(port2);
    port2.postMessage({ t: 'alloc', id: 1, length: 1 });
    port2.postMessage({ t: 'read', id: 1, req: 1 });
    expect(await reply).toEqual({ t: 'data', req: 1, data: Float32Array.from([0]) });
    exec.dispose();
  });

  it('drops requests that come before any hello: a later read finds nothing they made', async () => {
    const { d } = deps();
    const stop = startGpuExecutors(d);
    const p = gpuChannel(null);
    p.postMessage({ t: 'alloc', id: 1, length: 1 });
    await hello(p, 1);
    expect(d.createBackend).not.toHaveBeenCalled();
    const reply = next(p);
    p.postMessage({ t: 'read', id: 1, req: 4 });
    expect(await reply).toEqual({ t: 'error', req: 4, message: 'GPU buffer 1 does not exist' });
    stop();
  });
});
