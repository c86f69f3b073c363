/**
 * @file The Python worker's end of the GPU path in Electron: the port the engine transferred to it (workerData) and
 * the probe the engine passes on from the renderer's executor (gpu-hub.ts). Without a port there is no GPU, and
 * the answer is immediate, so the CLI and tests never wait.
 */
import type { MessagePort } from 'node:worker_threads';
import { nodePort, type Port } from '../../shared/backends/webgpu/remote-protocol';
import type { WebGpuProbe } from '../../shared/backends/select';
import type { WorkerProbe } from './gpu-hub';

/** What `WorkerHost.gpu()` resolves to (GpuLink in src/engine/core/python-worker.ts). */
export interface WorkerGpuLink { port: Port; probe: WebGpuProbe }

export function gpuLink(port: MessagePort | undefined): Promise<WorkerGpuLink | null> {
  if (!port) return Promise.resolve(null);
  return new Promise((resolve) => {
    // The hub always answers (with a failed probe when the executor is silent); a closed port means it is gone.
    port.once('close', () => resolve(null));
    port.once('message', (m: WorkerProbe) => {
      resolve(m?.t === 'probe' ? { port: nodePort(port), probe: m.probe } : null);
    });
  });
}
