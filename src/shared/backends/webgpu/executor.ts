/**
 * @file The GPU executor: serves GpuRequests on a port with any Backend (the WebGPU backend in the renderer; the
 * reference backend in tests). Requests run in arrival order; a read replies when its data is back.
 */
import * as v from 'valibot';
import type { Backend, Dtype, FloatArray, KernelArgs, KernelName, View } from '../backend';
import { GpuRequestSchema, type GpuReply, type Port } from './remote-protocol';

export function serveGpu<B>(port: Port, backend: Backend<B>): void {
  const bufs = new Map<number, B>();
  // a failed kernel or write is reported at the next read, in request order (like CUDA's asynchronous errors)
  let lateError: string | undefined;
  const get = (id: number): B => {
    const b = bufs.get(id);
    if (b === undefined) throw new Error(`GPU buffer ${id} does not exist`);
    return b;
  };
  const reply = (r: GpuReply) => port.post(r, r.t === 'data' ? [r.data.buffer as ArrayBuffer] : []);
  // replaces every `buf` id inside a kernel's arguments with the buffer it names
  const resolve = (args: Record<string, unknown>): Record<string, unknown> => Object.fromEntries(Object.entries(args).map(([k, x]) =>
    [k, x && typeof x === 'object' && 'buf' in x ? { ...(x as View<number>), buf: get((x as View<number>).buf) } : x]));

  port.listen((raw) => {
    const parsed = v.safeParse(GpuRequestSchema, raw);
    if (!parsed.success) {
      const req = (raw as { t?: unknown; req?: unknown })?.t === 'read' && typeof (raw as { req?: unknown }).req === 'number' ? (raw as { req: number }).req : null;
      const message = `bad GPU request: ${parsed.issues[0]?.message}`;
      if (req !== null) reply({ t: 'error', req, message }); else lateError ??= message;
      return;
    }
    const m = parsed.output;
    try {
      switch (m.t) {
        case 'alloc': bufs.set(m.id, backend.alloc('float32', m.length)); break;
        case 'free': backend.free(get(m.id)); bufs.delete(m.id); break;
        case 'write': backend.write(get(m.id), m.data, m.offset); break;
        case 'kernel': {
          const run = backend.kernels[m.name] as (a: KernelArgs<B>[KernelName]) => void;
          run(resolve(m.args as Record<string, unknown>) as unknown as KernelArgs<B>[KernelName]);
          break;
        }
        case 'read':
          if (lateError !== undefined) { reply({ t: 'error', req: m.req, message: lateError }); lateError = undefined; break; }
          backend.read(get(m.id)).then(
            (d) => reply({ t: 'data', req: m.req, data: d instanceof Float32Array ? d : Float32Array.from(d) }),
            (e: unknown) => reply({ t: 'error', req: m.req, message: String(e) }));
          break;
        default: m satisfies never;
      }
    } catch (e) {
      const message = e instanceof Error ? e.message : String(e);
      if (m.t === 'read') reply({ t: 'error', req: m.req, message });
      else lateError ??= message;
    }
  });
}

/**
 * Serves one Python worker's requests on `port` with a backend made on first use: `backend()` is asked at the
 * first request (most notebooks never use cuda, so nothing starts a GPU device before that), and requests that
 * arrive meanwhile wait, in order. If it cannot start, every read gets the reason. `isOpen()` turning false (the
 * worker was replaced) stops the service; `end()` frees every buffer this worker allocated, while the backend,
 * shared with other workers, lives on.
 */
export function serveGpuLazily(port: Port, backend: () => Promise<Backend<unknown>>, isOpen: () => boolean): { end(): void } {
  const live = new Set<unknown>();
  let shared: Backend<unknown> | null = null;
  let deliver: ((m: unknown) => void) | null = null;
  let queued: unknown[] | null = null;
  port.listen((msg) => {
    if (!isOpen()) return;
    if (deliver) return deliver(msg);
    if (queued) return void queued.push(msg);
    queued = [msg];
    backend().then((b) => {
      if (!isOpen()) return;
      shared = b;
      serveGpu({ post: port.post, listen: (cb) => { deliver = cb; } }, tracked(b, live));
    }, (e: unknown) => {
      const message = `WebGPU could not start: ${e instanceof Error ? e.message : String(e)}`;
      deliver = (m) => {
        const req = (m as { t?: unknown; req?: unknown })?.t === 'read' ? (m as { req?: unknown }).req : undefined;
        if (typeof req === 'number') port.post({ t: 'error', req, message });
      };
    }).then(() => { if (isOpen()) for (const m of queued!.splice(0)) deliver?.(m); });
  });
  return {
    end() {
      if (shared) for (const buf of live) shared.free(buf);
      live.clear();
    },
  };
}

/** A worker's view of a shared backend that remembers what it allocated (`dispose` leaves the backend alone). */
function tracked(b: Backend<unknown>, live: Set<unknown>): Backend<unknown> {
  return {
    name: b.name,
    kernels: b.kernels,
    alloc(dtype: Dtype, length: number) { const buf = b.alloc(dtype, length); live.add(buf); return buf; },
    free(buf: unknown) { if (live.delete(buf)) b.free(buf); },
    write: (buf: unknown, data: FloatArray, offset?: number) => b.write(buf, data, offset),
    read: (buf: unknown) => b.read(buf),
    dispose() {},
  };
}
