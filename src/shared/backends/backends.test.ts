/**
 * @file One suite, run for every backend available in Node: each kernel against the reference kernels on random
 * shapes, strides (permuted, gapped, offset, broadcast) and dtypes, plus large contiguous cases that take the wasm
 * and thread-pool paths (cases in testing/cases.ts). The WebGPU backend runs the same cases in Chromium
 * (webgpu/webgpu.test.ts).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { Backend, Dtype } from './backend';
import { referenceBackend } from './reference';
import { createNodeCpuBackend } from '../../engine/node/cpu-backend';
import { binaryCase, checkLargeContiguous, checkMatmulFixed, cumsumCase, matmulCase, scalarUnaryCase, sumCase, type Case } from './testing/cases';

interface Subject { name: string; make: () => Promise<Backend<unknown>> }
const subjects: Subject[] = [
  { name: 'reference', make: async () => referenceBackend as Backend<unknown> },
  { name: 'cpu (2 threads, fma when available)', make: async () => (await createNodeCpuBackend({ threads: 2 })).backend as Backend<unknown> },
  { name: 'cpu (1 thread, no fma)', make: async () => (await createNodeCpuBackend({ threads: 1, fma: false })).backend as Backend<unknown> },
];
const DTYPES: Dtype[] = ['float32', 'float64'];
const exact = { approx: false };

describe.each(subjects)('backend $name', ({ make }) => {
  let be: Backend<unknown>;
  beforeAll(async () => { be = await make(); });
  afterAll(() => be.dispose());

  const property = <C>(c: Case<C>, numRuns: number) => async () => {
    await fc.assert(fc.asyncProperty(c.arb(DTYPES), async (x) => { expect(await c.check(be, x, exact)).toBeNull(); }), { numRuns });
  };

  it('binary ops match the reference on random strided and broadcast views', property(binaryCase, 80));
  it('scalar and unary ops match the reference', property(scalarUnaryCase, 60));
  it('sum over everything or one axis matches the reference', property(sumCase, 80));
  it('cumsum along any axis matches the reference', property(cumsumCase, 60));
  it('matmul matches the reference on random sizes and transposed operands', property(matmulCase, 50));

  it.each([[1, 1, 1], [1, 300, 200], [300, 1, 200], [129, 257, 65], [200, 300, 600], [256, 256, 256]])(
    'matmul %i x %i x %i (wasm GEMM, edge tiles, several KC slices) matches the reference', async (m, n, k) => {
      for (const dtype of DTYPES) {
        expect(await checkMatmulFixed(be, m, n, k, false, dtype)).toBeNull();
        expect(await checkMatmulFixed(be, m, n, k, true, dtype)).toBeNull();
      }
    });

  it.each([1 << 17, 1_000_003])('large contiguous kernels of %i elements (parallel chunks) match the reference', async (n) => {
    for (const dtype of DTYPES) expect(await checkLargeContiguous(be, n, dtype, exact)).toBeNull();
  });
});
