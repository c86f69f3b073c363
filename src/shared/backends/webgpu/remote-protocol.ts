/**
 * @file Messages between the engine and the GPU executor (in Electron the executor lives in the renderer, which
 * owns the WebGPU device; the engine's Python worker reaches it through the router). Buffers are named by ids the
 * engine picks, so nothing waits for an allocation. Validated with valibot where they arrive (the renderer).
 */
import * as v from 'valibot';
import { BINARY_OPS, UNARY_OPS, type KernelArgs, type KernelName } from '../backend';
import type { WebGpuProbe } from '../select';

/** Kernel arguments with buffer ids in place of buffers. */
export type RemoteKernel = { [K in KernelName]: { name: K; args: KernelArgs<number>[K] } }[KernelName];

export type GpuRequest =
  | { t: 'alloc'; id: number; length: number }
  | { t: 'free'; id: number }
  | { t: 'write'; id: number; offset: number; data: Float32Array }
  | ({ t: 'kernel' } & RemoteKernel)
  | { t: 'read'; id: number; req: number };

export type GpuReply =
  | { t: 'data'; req: number; data: Float32Array }
  /** A read failed, or an earlier kernel or write did (reported at the next read, as CUDA reports async errors). */
  | { t: 'error'; req: number; message: string };

const id = v.pipe(v.number(), v.integer(), v.minValue(0));
const count = id;
const dims = v.array(count);
const view = v.object({ buf: id, offset: count, strides: dims });
const binaryOp = v.picklist(BINARY_OPS);
const kernel = <N extends KernelName, S extends v.GenericSchema>(name: N, args: S) => v.object({ t: v.literal('kernel'), name: v.literal(name), args });

export const GpuRequestSchema = v.variant('t', [
  v.object({ t: v.literal('alloc'), id, length: count }),
  v.object({ t: v.literal('free'), id }),
  v.object({ t: v.literal('write'), id, offset: count, data: v.instance(Float32Array) }),
  v.object({ t: v.literal('read'), id, req: id }),
  v.variant('name', [
    kernel('binary', v.object({ op: binaryOp, a: view, b: view, out: view, shape: dims })),
    kernel('binaryScalar', v.object({ op: binaryOp, a: view, scalar: v.number(), scalarFirst: v.boolean(), out: view, shape: dims })),
    kernel('unary', v.object({ op: v.picklist(UNARY_OPS), a: view, out: view, shape: dims })),
    kernel('sum', v.object({ a: view, out: view, shape: dims, dim: v.nullable(count) })),
    kernel('cumsum', v.object({ a: view, out: view, shape: dims, dim: count })),
    kernel('matmul', v.object({ a: view, b: view, out: view, m: count, n: count, k: count })),
  ]),
]);

/**
 * [Note: GPU sessions] In Electron one port joins an engine process to its executor in the renderer, but the
 * engine replaces its Python worker (restart, crash, a settings change), and each worker numbers its buffers and
 * reads from 1 again. So every worker opens a session: the engine posts `hello` with a fresh session number, the
 * executor drops the previous session (frees its buffers, posts nothing more for it) and answers `probe` with what
 * its WebGPU adapter is. Messages keep their order on a port, so every reply the engine receives after that
 * `probe` belongs to the new session and everything before it to an old one (dropped). The worker learns the
 * probe from the engine (src/engine/electron/gpu-hub.ts) before it decides whether `cuda` exists.
 */
export type GpuHello = { t: 'hello'; session: number };
export type GpuProbeReply = { t: 'probe'; session: number; probe: WebGpuProbe };

export const GpuHelloSchema = v.object({ t: v.literal('hello'), session: id });
const ProbeSchema = v.variant('ok', [
  v.object({ ok: v.literal(true), adapter: v.string(), software: v.boolean() }),
  v.object({ ok: v.literal(false), reason: v.string() }),
]);
/** What the engine accepts from an executor: a session's probe, or a reply to a read. */
export const GpuExecutorMessageSchema = v.variant('t', [
  v.object({ t: v.literal('probe'), session: id, probe: ProbeSchema }),
  v.object({ t: v.literal('data'), req: id, data: v.instance(Float32Array) }),
  v.object({ t: v.literal('error'), req: id, message: v.string() }),
]);

/** The two ends of a message channel, whatever the transport (web MessagePort, Node MessagePort, Electron). */
export interface Port {
  post(msg: unknown, transfer?: Transferable[]): void;
  listen(cb: (msg: unknown) => void): void;
}
export const webPort = (p: { postMessage(m: unknown, t?: Transferable[]): void; addEventListener(t: 'message', cb: (e: MessageEvent) => void): void; start?(): void }): Port => ({
  post: (m, t) => p.postMessage(m, t ?? []),
  listen: (cb) => { p.addEventListener('message', (e) => cb(e.data)); p.start?.(); },
});
export const nodePort = (p: { postMessage(m: unknown, t?: readonly unknown[]): void; on(e: 'message', cb: (m: unknown) => void): unknown }): Port => ({
  post: (m, t) => p.postMessage(m, t as readonly unknown[] | undefined),
  listen: (cb) => { p.on('message', cb); },
});
