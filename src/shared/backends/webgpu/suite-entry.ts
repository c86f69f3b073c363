/// <reference types="@webgpu/types" />
/**
 * @file Browser side of the WebGPU suite: bundled by webgpu.test.ts and run in Chromium. Samples the shared
 * backend cases (testing/cases.ts) with a fixed seed, float32 only, and runs every matmul variant.
 */
import fc from 'fast-check';
import { createWebGpuBackend } from './index';
import type { MatmulVariant } from './wgsl';
import { binaryCase, checkLargeContiguous, checkMatmulFixed, cumsumCase, matmulCase, scalarUnaryCase, sumCase, type Case } from '../testing/cases';

async function runSuite(variants: MatmulVariant[], runs: number): Promise<{ adapter: string; chosen: MatmulVariant; failures: string[]; checked: number }> {
  const be = await createWebGpuBackend();
  const failures: string[] = [];
  let provoking = false; // while the suite provokes an error on purpose
  be.device.addEventListener('uncapturederror', (e) => { if (!provoking) failures.push(`GPU error: ${(e as GPUUncapturedErrorEvent).error.message}`); });
  const chosen = be.variant;
  let checked = 0;
  const sample = async <C>(name: string, c: Case<C>, n: number, seed: number) => {
    for (const x of fc.sample(c.arb(['float32']), { numRuns: n, seed })) {
      checked++;
      try {
        const r = await c.check(be, x, { approx: true });
        if (r) failures.push(`${name}: ${r}`);
      } catch (e) { failures.push(`${name} threw ${String(e)}`); }
    }
  };
  await sample('binary', binaryCase, runs, 1);
  await sample('scalar/unary', scalarUnaryCase, runs, 2);
  await sample('sum', sumCase, runs, 3);
  await sample('cumsum', cumsumCase, runs, 4);
  // 100_000 runs the vec4 path, 100_003 the scalar contiguous one
  for (const n of [100_000, 100_003]) {
    const large = await checkLargeContiguous(be, n, 'float32', { approx: true });
    if (large) failures.push(`large ${n}: ${large}`);
  }
  // [Note: WebGPU batched submits]: a write must not overtake a kernel recorded before it, and an in-place
  // kernel (out is an input) runs through a scratch copy inside the same pending encoder
  {
    checked++;
    const x = be.alloc('float32', 8), y = be.alloc('float32', 8);
    const v = (buf: typeof x) => ({ buf, offset: 0, strides: [1] });
    be.write(x, Float32Array.from({ length: 8 }, (_, i) => i + 1));
    be.kernels.binary({ op: 'add', a: v(x), b: v(x), out: v(y), shape: [8] });
    be.write(x, new Float32Array(8).fill(100));
    be.kernels.binary({ op: 'add', a: v(y), b: v(x), out: v(x), shape: [8] });
    const got = [...(await be.read(x))].join(',');
    const want = Array.from({ length: 8 }, (_, i) => 2 * (i + 1) + 100).join(',');
    if (got !== want) failures.push(`ordering: got ${got}, want ${want}`);
    be.free(x); be.free(y);
  }
  // a kernel WebGPU refuses (here: on a destroyed buffer) fails the next read instead of reading as zeros
  {
    checked++;
    const x = be.alloc('float32', 4), y = be.alloc('float32', 4);
    const v = (buf: typeof x) => ({ buf, offset: 0, strides: [1] });
    provoking = true;
    be.free(x);
    be.kernels.binary({ op: 'add', a: v(x), b: v(x), out: v(y), shape: [4] });
    const err = await be.read(y).then(() => null, (e: unknown) => String(e));
    provoking = false;
    if (err === null || !err.includes('a GPU kernel failed')) failures.push(`late error: ${err ?? 'the read succeeded'}`);
    const again = await be.read(y).then(() => 'ok', (e: unknown) => String(e));
    if (again !== 'ok') failures.push(`after a late error the next read failed too: ${again}`);
    be.free(y);
  }
  for (const v of variants) {
    be.variant = v;
    await sample(`matmul/${v}`, matmulCase, runs, 5);
    for (const [m, n, k] of [[1, 1, 1], [65, 130, 33], [128, 64, 96], [129, 257, 40], [36, 260, 20], [200, 132, 24]] as const) {
      checked++;
      const r = (await checkMatmulFixed(be, m, n, k, false)) ?? (await checkMatmulFixed(be, m, n, k, true));
      if (r) failures.push(`matmul/${v}: ${r}`);
    }
  }
  await be.sync();
  be.dispose();
  return { adapter: be.adapterName, chosen, failures, checked };
}

(globalThis as { runSuite?: typeof runSuite }).runSuite = runSuite;
