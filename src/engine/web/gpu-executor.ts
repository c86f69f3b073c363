/**
 * @file Browser mode's GPU executor: the engine's Web Worker owns the WebGPU device and serves each Python
 * worker over a channel of its own ([Note: blocking read-back] in src/shared/backends/webgpu/remote.ts).
 * The Python worker cannot own the device itself: a WebGPU read-back settles only when its thread returns to
 * the event loop, and Python's thread never does while a cell runs. This worker's event loop stays free, so it
 * runs the kernels, and fills the read's SharedArrayBuffer that the Python worker waits on.
 * The device is created on the first request (most notebooks never use cuda), once per engine worker; the
 * buffers of a Python worker that is replaced (restart, crash) are destroyed with its link.
 */
import type { Backend } from '../../shared/backends/backend';
import { probeWebGpu, type WebGpuProbe } from '../../shared/backends/select';
import { serveGpuLazily } from '../../shared/backends/webgpu/executor';
import { relayGpu } from '../../shared/backends/webgpu/remote';
import { webPort } from '../../shared/backends/webgpu/remote-protocol';

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

/** A link for one Python worker: a relay (fills read replies) in front of the lazily started executor. */
export function linkWorkerGpu(): WorkerGpu {
  const toWorker = new MessageChannel(), toExecutor = new MessageChannel();
  let open = true;
  relayGpu(webPort(toWorker.port2), webPort(toExecutor.port1));
  const served = serveGpuLazily(webPort(toExecutor.port2), sharedBackend, () => open);
  const message = probeWebGpu().then((probe): GpuLinkMessage => ({ type: 'gpu_link', port: toWorker.port1, probe }));
  return {
    message,
    dispose() {
      open = false;
      toWorker.port2.close();
      toExecutor.port1.close();
      toExecutor.port2.close();
      served.end();
    },
  };
}
