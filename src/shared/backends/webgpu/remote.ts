/**
 * @file The engine's view of a GPU that lives elsewhere (the renderer's executor).
 * [Note: blocking read-back] Kernels are fire-and-forget messages. A read is the one place the Python worker
 * waits, as PyTorch waits in `.item()`: the worker posts {read, reply: SharedArrayBuffer} to the router (same
 * process), the router forwards the read to the executor and, when the data message comes back, copies it into
 * that SharedArrayBuffer and wakes the worker (Atomics.notify). SharedArrayBuffers cannot cross processes, which
 * is why the router, not the renderer, fills it. While waiting, the worker polls the interrupt flag, so Ctrl+C
 * still works when a GPU never answers. An error from an earlier kernel is reported at the next read.
 *  - Python worker: `new RemoteGpu(portToRouter, { interrupt })`; use `readSync` from synchronous code.
 *  - router: `relayGpu(portFromWorker, portToExecutor)`.
 *  - renderer (or browser-mode engine worker): `serveGpu(port, await createWebGpuBackend())` from executor.ts.
 */
import type { Backend, Dtype, FloatArray, KernelArgs, KernelName, KernelTable, View } from '../backend';
import { KERNEL_NAMES } from '../backend';
import { KernelInterruptedError } from '../cpu/pool';
import type { GpuReply, Port } from './remote-protocol';
import { MAX_RANK } from './wgsl';

export interface RemoteBuffer { readonly id: number; readonly length: number; readonly dtype: 'float32' }

const HEADER = 8; // Int32 state (0 waiting, 1 data, 2 error) + Int32 length (elements, or error bytes)

export class RemoteGpu implements Backend<RemoteBuffer> {
  readonly name = 'webgpu-remote';
  readonly maxRank = MAX_RANK;
  readonly kernels: KernelTable<RemoteBuffer>;
  private nextId = 1;
  private nextReq = 1;

  /**
   * `interrupt`: a flag polled while a read waits; the read ends when it holds `interruptSignal` (any non-zero
   * value if unset) by calling `onInterrupt` (which should throw, e.g. Pyodide's checkInterrupt raising
   * KeyboardInterrupt) or else throwing KernelInterruptedError.
   */
  constructor(private readonly port: Port, private readonly opts: {
    interrupt?: Int32Array | Uint8Array; interruptSignal?: number; onInterrupt?: () => void; timeoutMs?: number;
  } = {}) {
    const strip = (args: Record<string, unknown>) => Object.fromEntries(Object.entries(args).map(([k, x]) =>
      [k, x && typeof x === 'object' && 'buf' in x ? { ...(x as View<RemoteBuffer>), buf: (x as View<RemoteBuffer>).buf.id } : x]));
    this.kernels = Object.fromEntries(KERNEL_NAMES.map((name) =>
      [name, (args: KernelArgs<RemoteBuffer>[KernelName]) => this.port.post({ t: 'kernel', name, args: strip(args as unknown as Record<string, unknown>) })])) as KernelTable<RemoteBuffer>;
  }

  alloc(dtype: Dtype, length: number): RemoteBuffer {
    if (dtype !== 'float32') throw new Error('WebGPU has no float64: keep float64 tensors on the CPU');
    const b = { id: this.nextId++, length, dtype } as const;
    this.port.post({ t: 'alloc', id: b.id, length });
    return b;
  }
  free(buf: RemoteBuffer): void { this.port.post({ t: 'free', id: buf.id }); }
  write(buf: RemoteBuffer, data: FloatArray, offset = 0): void {
    const copy = Float32Array.from(data);
    this.port.post({ t: 'write', id: buf.id, offset, data: copy }, [copy.buffer]);
  }
  async read(buf: RemoteBuffer): Promise<Float32Array> { return this.readSync(buf); }

  /** Blocks this thread until the executor has the buffer's contents back (never call on a browser main thread). */
  readSync(buf: RemoteBuffer): Float32Array {
    const sab = new SharedArrayBuffer(HEADER + Math.max(buf.length * 4, 1024));
    const head = new Int32Array(sab, 0, 2);
    this.port.post({ t: 'read', id: buf.id, req: this.nextReq++, reply: sab });
    const deadline = Date.now() + (this.opts.timeoutMs ?? 60_000);
    while (Atomics.wait(head, 0, 0, 50) === 'timed-out') {
      const flag = this.opts.interrupt ? Atomics.load(this.opts.interrupt, 0) : 0;
      if (flag !== 0 && (this.opts.interruptSignal === undefined || flag === this.opts.interruptSignal)) {
        this.opts.onInterrupt?.();
        throw new KernelInterruptedError();
      }
      if (Date.now() > deadline) throw new Error('the GPU did not answer a read-back');
    }
    if (head[0] === 2) throw new Error(new TextDecoder().decode(new Uint8Array(sab, HEADER, head[1]).slice()));
    return new Float32Array(sab, HEADER, head[1]).slice();
  }
  dispose(): void {}
}

/** Router side: forwards the worker's requests to the executor and fills each read's SharedArrayBuffer. */
export function relayGpu(fromWorker: Port, toExecutor: Port): void {
  const pending = new Map<number, SharedArrayBuffer>();
  const fill = (sab: SharedArrayBuffer, state: 1 | 2, payload: Float32Array | string) => {
    const head = new Int32Array(sab, 0, 2);
    if (typeof payload === 'string') {
      const bytes = new TextEncoder().encode(payload).subarray(0, sab.byteLength - HEADER);
      new Uint8Array(sab, HEADER).set(bytes);
      head[1] = bytes.length;
    } else {
      new Float32Array(sab, HEADER, payload.length).set(payload);
      head[1] = payload.length;
    }
    Atomics.store(head, 0, state);
    Atomics.notify(head, 0);
  };
  fromWorker.listen((m) => {
    const msg = m as { t: string; req?: number; reply?: SharedArrayBuffer; data?: Float32Array };
    if (msg.t === 'read' && msg.reply && msg.req !== undefined) {
      pending.set(msg.req, msg.reply);
      const { reply: _drop, ...rest } = msg;
      toExecutor.post(rest);
      return;
    }
    toExecutor.post(msg, msg.t === 'write' && msg.data ? [msg.data.buffer as ArrayBuffer] : []);
  });
  toExecutor.listen((m) => {
    const r = m as GpuReply;
    const sab = pending.get(r.req);
    if (!sab) return;
    pending.delete(r.req);
    fill(sab, r.t === 'data' ? 1 : 2, r.t === 'data' ? r.data : r.message);
  });
}
