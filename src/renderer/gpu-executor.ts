/**
 * @file The renderer's GPU executor (Electron): the renderer owns the WebGPU device, and each engine process
 * reaches it through a port of its own, which arrives with the engine's port (`ports[1]` of the engine-port window
 * message, see [Note: host bridge]). Per port: WebGPU is probed when the port arrives and the answer goes to every
 * Python worker that says hello; the device is created only when the first request comes, so starting the app
 * costs nothing; requests are served by `serveGpu` (executor.ts), one session per Python worker ([Note: GPU
 * sessions] in remote-protocol.ts). A new port for the same notebook (the engine restarted) ends the old executor
 * and destroys its device, with every buffer on it.
 */
import * as v from 'valibot';
import type { Backend } from '../shared/backends/backend';
import { probeWebGpu, type WebGpuProbe } from '../shared/backends/select';
import { serveGpuLazily } from '../shared/backends/webgpu/executor';
import { GpuHelloSchema, webPort, type GpuProbeReply, type Port } from '../shared/backends/webgpu/remote-protocol';
import { ENGINE_PORT_MESSAGE, parseEngineWindowMessage } from '../shared/protocol/host';

export interface ExecutorDeps {
  probe(): Promise<WebGpuProbe>;
  /** Creates the backend that runs the kernels (WebGPU; the reference backend in tests). */
  createBackend(): Promise<Backend<unknown>>;
}

export interface GpuExecutor {
  /** Stops serving, frees every buffer and releases the backend (its GPU device). */
  dispose(): void;
}

/** The real thing: WebGPU, whose module is loaded with the first request rather than with the app. */
export const webGpuDeps: ExecutorDeps = {
  probe: () => probeWebGpu(),
  // buffers only pass between a backend and its own kernels, so its buffer type can be forgotten here
  createBackend: async () => (await (await import('../shared/backends/webgpu/index')).createWebGpuBackend()) as unknown as Backend<unknown>,
};

interface Session {
  readonly id: number;
  receive(msg: unknown): void;
  end(): void;
}

/** Serves one engine's port: hellos open sessions, everything else goes to the current session's `serveGpu`. */
export function serveGpuSessions(port: Port, deps: ExecutorDeps): GpuExecutor {
  const probe = deps.probe().catch((e: unknown): WebGpuProbe => ({ ok: false, reason: `probing WebGPU failed (${String(e)})` }));
  let backend: Promise<Backend<unknown>> | null = null;
  let current: Session | null = null;
  let disposed = false;

  const startBackend = (): Promise<Backend<unknown>> => (backend ??= deps.createBackend().catch((e: unknown) => { backend = null; throw e; }));
  const openSession = (id: number): Session => {
    let deliver: ((msg: unknown) => void) | null = null;
    // Replies of a session that has ended (a read that resolves late) must not reach the next worker.
    const sessionPort: Port = {
      post: (m, t) => { if (current === s && !disposed) port.post(m, t); },
      listen: (cb) => { deliver = cb; },
    };
    const served = serveGpuLazily(sessionPort, startBackend, () => current === s && !disposed);
    const s: Session = { id, receive: (msg) => deliver?.(msg), end: () => served.end() };
    return s;
  };

  port.listen((raw) => {
    if (disposed) return;
    const hello = v.safeParse(GpuHelloSchema, raw);
    if (!hello.success) return current?.receive(raw); // before any hello nobody asked for anything: dropped
    current?.end();
    const s = (current = openSession(hello.output.session));
    void probe.then((p) => {
      if (current === s && !disposed) port.post({ t: 'probe', session: s.id, probe: p } satisfies GpuProbeReply);
    });
  });

  return {
    dispose() {
      if (disposed) return;
      disposed = true;
      current?.end();
      current = null;
      backend?.then((b) => b.dispose(), () => {});
    },
  };
}

/**
 * Starts an executor for every GPU port the preload forwards (one per engine process, keyed by notebook, as the
 * main process keys engines). Returns a function that stops listening and disposes them all.
 */
export function startGpuExecutors(deps: ExecutorDeps = webGpuDeps): () => void {
  const executors = new Map<string | null, { executor: GpuExecutor; port: MessagePort }>();
  const drop = (key: string | null): void => {
    const old = executors.get(key);
    if (!old) return;
    executors.delete(key);
    old.executor.dispose();
    old.port.close();
  };
  const onMessage = (e: MessageEvent): void => {
    if (e.source !== window || e.origin !== location.origin) return;
    const msg = parseEngineWindowMessage(e.data);
    const port = e.ports[1];
    if (msg?.type !== ENGINE_PORT_MESSAGE || !port) return;
    drop(msg.notebookPath);
    executors.set(msg.notebookPath, { executor: serveGpuSessions(copyingPort(port), deps), port });
  };
  window.addEventListener('message', onMessage);
  return () => {
    window.removeEventListener('message', onMessage);
    for (const key of [...executors.keys()]) drop(key);
  };
}

/**
 * The port to an engine process, sending copies: the other end is Electron's MessagePortMain, which loses the
 * whole message when an ArrayBuffer is transferred to it (electron/electron#34905), as serveGpu does with
 * read-back data. A copy costs nothing extra here: crossing into another process copies the data anyway.
 */
export function copyingPort(port: MessagePort): Port {
  const p = webPort(port);
  return { post: (m) => p.post(m), listen: p.listen };
}
