/**
 * @file Worker-thread side of gpu-hub.test.ts: plays a Python worker in Electron's engine. It takes its GPU port
 * from workerData exactly as src/engine/node/python-worker-entry.ts does (`gpuLink`), reports the probe, then runs
 * the commands the test posts, one at a time, on a RemoteGpu; `read` blocks this thread as `.item()` would.
 */
import { parentPort, workerData, type MessagePort } from 'node:worker_threads';
import { gpuLink } from '../../src/engine/electron/gpu-link';
import { RemoteGpu, type RemoteBuffer } from '../../src/shared/backends/webgpu/remote';
import type { KernelName } from '../../src/shared/backends/backend';

export type DriverCommand =
  | { op: 'alloc'; length: number }
  | { op: 'write'; id: number; data: number[] }
  | { op: 'free'; id: number }
  | { op: 'kernel'; name: KernelName; args: Record<string, unknown> }
  | { op: 'read'; id: number };

const { port, interrupt } = workerData as { port?: MessagePort; interrupt: Int32Array };
const out = parentPort!;

void (async () => {
  const link = await gpuLink(port);
  out.postMessage({ probe: link ? link.probe : null });
  if (!link) return;
  const gpu = new RemoteGpu(link.port, { interrupt, timeoutMs: 10_000 });
  const bufs = new Map<number, RemoteBuffer>();
  const buf = (id: number): RemoteBuffer => bufs.get(id) ?? { id, length: 1, dtype: 'float32' };
  // kernel arguments name buffers by id; views become { buf, offset, strides } with the RemoteBuffer
  const views = (args: Record<string, unknown>) => Object.fromEntries(Object.entries(args).map(([k, x]) =>
    [k, x && typeof x === 'object' && 'buf' in x ? { ...x, buf: buf((x as { buf: number }).buf) } : x]));
  out.on('message', (c: DriverCommand) => {
    try {
      switch (c.op) {
        case 'alloc': { const b = gpu.alloc('float32', c.length); bufs.set(b.id, b); return out.postMessage({ value: b.id }); }
        case 'write': gpu.write(buf(c.id), Float32Array.from(c.data)); return out.postMessage({ value: null });
        case 'free': gpu.free(buf(c.id)); return out.postMessage({ value: null });
        case 'kernel': (gpu.kernels[c.name] as (a: unknown) => void)(views(c.args)); return out.postMessage({ value: null });
        case 'read': return out.postMessage({ value: Array.from(gpu.readSync(buf(c.id))) });
      }
    } catch (e) {
      out.postMessage({ threw: `${(e as Error).name}: ${(e as Error).message}` });
    }
  });
})();
