/**
 * @file Worker-thread side of remote.test.ts: plays the engine's Python worker, driving a RemoteGpu synchronously
 * (readSync blocks this thread while the main thread runs the router and the executor).
 */
import { parentPort, workerData } from 'node:worker_threads';
import { RemoteGpu } from '../../src/shared/backends/webgpu/remote';
import { nodePort } from '../../src/shared/backends/webgpu/remote-protocol';

const { port, interrupt, scenario } = workerData as { port: import('node:worker_threads').MessagePort; interrupt: Int32Array; scenario: string };
const gpu = new RemoteGpu(nodePort(port), { interrupt, timeoutMs: 10_000 });
const report = (step: string, value: unknown) => parentPort!.postMessage({ step, value });
const attempt = (f: () => unknown): unknown => { try { return f(); } catch (e) { return { threw: (e as Error).name + ': ' + (e as Error).message }; } };

if (scenario === 'compute') {
  const a = gpu.alloc('float32', 6), b = gpu.alloc('float32', 6), o = gpu.alloc('float32', 6), s = gpu.alloc('float32', 1);
  gpu.write(a, Float32Array.from([1, 2, 3, 4, 5, 6]));
  gpu.write(b, Float32Array.from([10, 20, 30, 40, 50, 60]));
  gpu.kernels.binary({ op: 'add', a: { buf: a, offset: 0, strides: [3, 1] }, b: { buf: b, offset: 0, strides: [0, 1] }, out: { buf: o, offset: 0, strides: [3, 1] }, shape: [2, 3] });
  report('add', Array.from(gpu.readSync(o)));
  // [2x3] @ [3x2] with B as a transposed view of b
  gpu.kernels.matmul({ a: { buf: a, offset: 0, strides: [3, 1] }, b: { buf: b, offset: 0, strides: [1, 3] }, out: { buf: o, offset: 0, strides: [2, 1] }, m: 2, n: 2, k: 3 });
  gpu.kernels.sum({ a: { buf: o, offset: 0, strides: [1] }, out: { buf: s, offset: 0, strides: [] }, shape: [4], dim: null });
  report('matmul', Array.from(gpu.readSync(o)).slice(0, 4));
  report('sum', Array.from(gpu.readSync(s)));
  gpu.free(o);
  report('freed read', attempt(() => gpu.readSync(o)));
  gpu.kernels.unary({ op: 'neg', a: { buf: o, offset: 0, strides: [1] }, out: { buf: a, offset: 0, strides: [1] }, shape: [1] });
  report('late error', attempt(() => gpu.readSync(a)));
  report('after error', Array.from(gpu.readSync(a)));
} else if (scenario === 'interrupt') {
  const a = gpu.alloc('float32', 4);
  const t0 = Date.now();
  report('interrupted', attempt(() => gpu.readSync(a)));
  report('waited ms', Date.now() - t0);
}
report('done', null);
