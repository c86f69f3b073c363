/// <reference types="@webgpu/types" />
/**
 * @file WebGPU benchmark child for bench/gpu.sh: runs DiveLab's WebGPU kernels in Node through Dawn (npm `webgpu`).
 * `node gpu-bench.mjs info` prints the adapter; `node gpu-bench.mjs matmul <n> <variant> <reps>` and
 * `node gpu-bench.mjs add <n> - <reps>` print one JSON line {ms: [...], ...}: `ms` is per operation with a batch
 * of operations queued before one wait (what a script doing many ops sees, and comparable with the CUDA-event
 * times of gpu-torch.bench.py); `syncMs` is one operation plus its wait (Dawn's completion callback adds ~0.1-1 ms).
 * DAWN_FLAGS (semicolon-separated Dawn options, e.g. `disable-dawn-features=...`) go to webgpu's create() for experiments. gpu.sh bundles this file with esbuild
 * (webgpu stays external) so the GPU machine needs no tsx and no repository node_modules.
 */
import { createWebGpuBackend } from '../src/shared/backends/webgpu/index';
import type { MatmulVariant } from '../src/shared/backends/webgpu/wgsl';
import { contiguousStrides } from '../src/shared/backends/backend';

// a computed specifier: resolved at run time next to the bundle (bench/.gpu-kit/node_modules), not by tsc or esbuild
const WEBGPU = 'webgpu';
const { create, globals } = (await import(WEBGPU)) as { create: (flags: string[]) => GPU; globals: object };
Object.assign(globalThis, globals);
const gpu = create((process.env.DAWN_FLAGS ?? '').split(';').filter(Boolean));
const [op = 'info', sizeArg = '1024', variantArg = '-', repsArg = '10'] = process.argv.slice(2);
const adapter = await gpu.requestAdapter({ powerPreference: 'high-performance' });
if (!adapter) throw new Error('no WebGPU adapter (is the Vulkan loader and driver installed?)');
const be = await createWebGpuBackend({ adapter });
const info = (adapter as unknown as { info?: Record<string, string> }).info ?? {};
const emit = (o: object) => process.stdout.write(JSON.stringify({ adapter: `${info.vendor} ${info.architecture} ${info.description}`, ...o }) + '\n');

if (op === 'info') {
  emit({ chosen: be.variant, limits: { maxBufferSize: adapter.limits.maxBufferSize, maxStorageBufferBindingSize: adapter.limits.maxStorageBufferBindingSize } });
} else {
  const n = Number(sizeArg), reps = Number(repsArg);
  const rand = (len: number) => { const b = be.alloc('float32', len); be.write(b, Float32Array.from({ length: len }, () => Math.random() * 2 - 1)); return b; };
  let run: () => void;
  let check: () => Promise<number>;
  if (op === 'matmul') {
    if (variantArg !== '-') be.variant = variantArg as MatmulVariant;
    const a = rand(n * n), b = rand(n * n), c = be.alloc('float32', n * n);
    const st = contiguousStrides([n, n]);
    run = () => be.kernels.matmul({ a: { buf: a, offset: 0, strides: st }, b: { buf: b, offset: 0, strides: st }, out: { buf: c, offset: 0, strides: st }, m: n, n, k: n });
    // spot check one output element against a CPU dot product
    check = async () => {
      const [A, B, C] = [await be.read(a), await be.read(b), await be.read(c)];
      let worst = 0;
      for (const [i, j] of [[0, 0], [n - 1, n - 1], [n >> 1, 7 % n]]) {
        let s = 0;
        for (let p = 0; p < n; p++) s += A[i! * n + p]! * B[p * n + j!]!;
        worst = Math.max(worst, Math.abs(s - C[i! * n + j!]!));
      }
      return worst;
    };
  } else if (op === 'add') {
    const a = rand(n), b = rand(n), c = be.alloc('float32', n);
    run = () => be.kernels.binary({ op: 'add', a: { buf: a, offset: 0, strides: [1] }, b: { buf: b, offset: 0, strides: [1] }, out: { buf: c, offset: 0, strides: [1] }, shape: [n] });
    check = async () => { const [A, B, C] = [await be.read(a), await be.read(b), await be.read(c)]; return Math.abs(Math.fround(A[n - 1]! + B[n - 1]!) - C[n - 1]!); };
  } else throw new Error(`unknown op ${op}`);
  run(); await be.sync(); // compile + warm up
  const syncMs: number[] = [];
  for (let r = 0; r < 3; r++) {
    const t0 = performance.now();
    run();
    await be.sync();
    syncMs.push(performance.now() - t0);
  }
  // enough operations per batch that the single wait at its end is a small part of ~25 ms
  const batch = Math.min(200, Math.max(1, Math.ceil(25 / Math.min(...syncMs))));
  const ms: number[] = [];
  for (let r = 0; r < reps; r++) {
    const t0 = performance.now();
    for (let i = 0; i < batch; i++) run();
    await be.sync();
    ms.push((performance.now() - t0) / batch);
  }
  emit({ op, n, variant: op === 'matmul' ? be.variant : undefined, ms, batch, syncMs, maxAbsErr: await check() });
}
be.dispose();
// dawn.node can keep the event loop alive after the device is gone
process.exit(0);
