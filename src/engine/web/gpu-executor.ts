/**
 * @file Browser mode's GPU executor: the engine's Web Worker owns the WebGPU device and serves each Python
 * worker over a channel of its own ([Note: blocking read-back] in src/shared/backends/webgpu/remote.ts).
 * The Python worker cannot own the device itself: a WebGPU read-back settles only when its thread returns to
 * the event loop, and Python's thread never does while a cell runs. This worker's event loop stays free, so it
 * runs the kernels, and fills the read's SharedArrayBuffer that the Python worker waits on.
 * The device is created on the first request (most notebooks never use cuda), once per engine worker; the
 * buffers of a Python worker that is replaced (restart, crash) are destroyed with its link.
 */
import type { Backend, Dtype, FloatArray } from '../../shared/backends/backend';
import { probeWebGpu, type WebGpuProbe } from '../../shared/backends/select';
import { serveGpu } from '../../shared/backends/webgpu/executor';
import { relayGpu } from '../../shared/backends/webgpu/remote';
import { webPort, type Port } from '../../shared/backends/webgpu/remote-protocol';

/** What the engine worker sends its Python worker before `init`: the port to speak RemoteGpu on, and the probe. */
export interface GpuLinkMessage { type: 'gpu_link'; port: MessagePort; probe: WebGpuProbe }

export interface WorkerGpu {
  /** Posted to the Python worker, with `message.port` transferred. */
  readonly message: Promise<GpuLinkMessage>;
  /** Frees the Python worker's buffers and closes its channel. */
  dispose(): void;
}

let device: Promise<Backend<unknown>> | null = null;
/** The engine worker's one WebGPU backend, made on first use (a failed start is retried by the next worker). */
function sharedBackend(): Promise<Backend<unknown>> {
  device ??= import('../../shared/backends/webgpu/index')
    .then((m) => m.createWebGpuBackend() as unknown as Promise<Backend<unknown>>)
    .catch((e: unknown) => { device = null; throw e; });
  return device;
}

/** A backend that remembers its live buffers, so that one Python worker's can all be freed at its end. */
function tracked(b: Backend<unknown>, live: Set<unknown>): Backend<unknown> {
  return {
    name: b.name,
    kernels: b.kernels,
    alloc(dtype: Dtype, length: number) { const buf = b.alloc(dtype, length); live.add(buf); return buf; },
    free(buf: unknown) { if (live.delete(buf)) b.free(buf); },
    write: (buf: unknown, data: FloatArray, offset?: number) => b.write(buf, data, offset),
    read: (buf: unknown) => b.read(buf),
    dispose() { for (const buf of live) b.free(buf); live.clear(); },
  };
}

/** Serves requests on `port` once the backend exists; requests that come earlier wait in order. */
function serveLazily(port: Port, live: Set<unknown>, isOpen: () => boolean): void {
  let deliver: ((m: unknown) => void) | null = null;
  let queued: unknown[] | null = null;
  port.listen((msg) => {
    if (deliver) return deliver(msg);
    if (queued) return void queued.push(msg);
    queued = [msg];
    sharedBackend().then((b) => {
      if (!isOpen()) return;
      serveGpu({ post: port.post, listen: (cb) => { deliver = cb; } }, tracked(b, live));
    }, (e: unknown) => {
      const message = `WebGPU could not start: ${e instanceof Error ? e.message : String(e)}`;
      // every read (the one place a worker waits) gets the reason
      deliver = (m) => {
        const req = (m as { t?: unknown; req?: unknown })?.t === 'read' ? (m as { req?: unknown }).req : undefined;
        if (typeof req === 'number') port.post({ t: 'error', req, message });
      };
    }).then(() => { for (const m of queued!.splice(0)) deliver?.(m); });
  });
}

/** A link for one Python worker: a relay (fills read replies) in front of the lazily started executor. */
export function linkWorkerGpu(): WorkerGpu {
  const toWorker = new MessageChannel(), toExecutor = new MessageChannel();
  const live = new Set<unknown>();
  let open = true;
  relayGpu(webPort(toWorker.port2), webPort(toExecutor.port1));
  serveLazily(webPort(toExecutor.port2), live, () => open);
  const message = probeWebGpu().then((probe): GpuLinkMessage => ({ type: 'gpu_link', port: toWorker.port1, probe }));
  return {
    message,
    dispose() {
      open = false;
      toWorker.port2.close();
      toExecutor.port1.close();
      toExecutor.port2.close();
      // buffers are only freed once the backend exists; an executor that never started has none
      if (live.size) void sharedBackend().then((b) => { for (const buf of live) b.free(buf); live.clear(); });
    },
  };
}
