/**
 * @file Layout independence: every binary, unary and reduction op gives the same values and dtype on a strided
 * view as on a contiguous copy of it, for every dtype (kernels must never assume contiguity).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { BINARY_OPS, binary } from './binary';
import { DTYPES, type DType } from './dtype';
import { fromFlat } from './creation';
import { toFlatArray } from './iterate';
import { allAny, amax, cumulative, prod, sum } from './reduce';
import type { Tensor } from './tensor';
import { UNARY_OPS, unary } from './unary';
import { contiguous, permute, sliceDim } from './views';

/** A random non-contiguous view of dtype `d` (permuted, sliced with steps), values in a small signed range. */
const view = fc.record({
  shape: fc.array(fc.integer({ min: 1, max: 4 }), { minLength: 1, maxLength: 3 }),
  dtype: fc.constantFrom(...DTYPES),
  seed: fc.integer({ min: 1, max: 500 }),
  step: fc.integer({ min: 1, max: 2 }),
}).map(({ shape, dtype, seed, step }) => {
  const big = shape.map((s) => s * step);
  const n = big.reduce((a, b) => a * b, 1);
  const vals = Array.from({ length: n }, (_, i) => {
    const v = ((i * seed) % 23) - 11;
    return dtype === 'bool' ? +(v > 0) : dtype === 'uint8' ? Math.abs(v) : dtype.startsWith('float') ? v / 4 : v;
  });
  let t = fromFlat(vals, big, dtype as DType);
  t = permute(t, t.shape.map((_, i) => t.ndim - 1 - i));
  for (let d = 0; d < t.ndim; d++) t = sliceDim(t, d, 0, t.shape[d], step);
  return t;
});

/** The op's outcome as comparable data: values and dtype, or the error text. */
function outcome(f: () => Tensor): unknown {
  try {
    const r = f();
    return { dtype: r.dtype, shape: r.shape, values: toFlatArray(r) };
  } catch (e) {
    return { error: (e as Error).message };
  }
}

describe('kernels are layout independent', () => {
  it('binary ops', () => {
    fc.assert(fc.property(view, view, fc.constantFrom(...BINARY_OPS), (a, b0, op) => {
      // Use b0 as the right operand when it broadcasts against a, else a itself.
      const fits = b0.ndim <= a.ndim && b0.shape.every((s, i) => s === 1 || s === a.shape[a.ndim - b0.ndim + i]);
      const b = fits ? b0 : a;
      expect(outcome(() => binary(op, a, b))).toEqual(outcome(() => binary(op, contiguous(a), contiguous(b))));
    }), { numRuns: 300 });
  });

  it('unary ops', () => {
    fc.assert(fc.property(view, fc.constantFrom(...UNARY_OPS), (a, op) => {
      expect(outcome(() => unary(op, a))).toEqual(outcome(() => unary(op, contiguous(a))));
    }), { numRuns: 300 });
  });

  it('reductions and scans', () => {
    fc.assert(fc.property(view, fc.nat(), (a, k) => {
      const d = k % a.ndim;
      for (const f of [(t: Tensor) => sum(t, d), (t: Tensor) => prod(t, null), (t: Tensor) => amax(t, [d], true),
        (t: Tensor) => allAny(t, d, false, true), (t: Tensor) => cumulative(t, d, true)]) {
        expect(outcome(() => f(a))).toEqual(outcome(() => f(contiguous(a))));
      }
    }), { numRuns: 200 });
  });
});
