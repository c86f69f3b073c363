/** @file The blocked GEMM against a naive triple loop on odd sizes (block and 4-row edges), and matmul batching. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fromFlat } from './creation';
import { gemm, matmul } from './linalg';
import { permute } from './views';

const naive = (A: Float64Array, B: Float64Array, m: number, k: number, n: number): Float64Array => {
  const C = new Float64Array(m * n);
  for (let i = 0; i < m; i++) for (let j = 0; j < n; j++) { let s = 0; for (let p = 0; p < k; p++) s += A[i * k + p] * B[p * n + j]; C[i * n + j] = s; }
  return C;
};

describe('gemm', () => {
  it('equals the naive product for sizes around the block and micro-kernel edges', () => {
    fc.assert(fc.property(fc.integer({ min: 1, max: 70 }), fc.integer({ min: 1, max: 140 }), fc.integer({ min: 1, max: 70 }), (m, k, n) => {
      const A = Float64Array.from({ length: m * k }, (_, i) => ((i * 7) % 11) - 5);
      const B = Float64Array.from({ length: k * n }, (_, i) => ((i * 5) % 13) - 6);
      const C = new Float64Array(m * n);
      gemm(A, B, C, m, k, n);
      expect(Array.from(C)).toEqual(Array.from(naive(A, B, m, k, n)));
    }), { numRuns: 40 });
  });

  it('batched matmul of a transposed (strided) operand equals per-batch products', () => {
    const a = fromFlat(Array.from({ length: 2 * 3 * 4 }, (_, i) => i - 10), [2, 4, 3], 'float64');
    const at = permute(a, [0, 2, 1]); // [2, 3, 4], non-contiguous
    const b = fromFlat(Array.from({ length: 4 * 5 }, (_, i) => (i % 3) - 1), [4, 5], 'float64');
    const out = matmul(at, b);
    expect(out.shape).toEqual([2, 3, 5]);
    for (let z = 0; z < 2; z++) for (let i = 0; i < 3; i++) for (let j = 0; j < 5; j++) {
      let s = 0;
      for (let p = 0; p < 4; p++) s += a.storage.data[z * 12 + p * 3 + i] * b.storage.data[p * 5 + j];
      expect(out.storage.data[z * 15 + i * 5 + j]).toBe(s);
    }
  });
});
