/**
 * @file The GPU executor: serves GpuRequests on a port with any Backend (the WebGPU backend in the renderer; the
 * reference backend in tests). Requests run in arrival order; a read replies when its data is back.
 */
import * as v from 'valibot';
import type { Backend, KernelArgs, KernelName, View } from '../backend';
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
