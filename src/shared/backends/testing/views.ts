/**
 * @file Test helpers shared by every backend's suite: random strided layouts (fast-check arbitraries) and
 * tolerances. A layout places a logical shape in a bigger buffer with permuted axes, gaps and an offset, or
 * broadcasts axes with stride 0, so kernels see the views the tensor core will hand them.
 */
import fc from 'fast-check';
import { contiguousStrides } from '../backend';

export interface Layout { offset: number; strides: number[]; length: number }

export function layoutFor(shape: readonly number[], perm: readonly number[], steps: readonly number[], offset: number, bcast: readonly boolean[]): Layout {
  const r = shape.length;
  const phys = perm.map((d) => shape[d]! * steps[d]!);
  const physStrides = contiguousStrides(phys);
  const strides = new Array<number>(r);
  perm.forEach((d, i) => { strides[d] = physStrides[i]! * steps[d]!; });
  for (let d = 0; d < r; d++) if (bcast[d]) strides[d] = 0;
  const length = offset + phys.reduce((a, b) => a * b, 1);
  return { offset, strides, length: Math.max(length, offset + 1) };
}

export const contiguousLayout = (shape: readonly number[]): Layout => layoutFor(shape, shape.map((_, i) => i), shape.map(() => 1), 0, shape.map(() => false));

/** A layout for `shape`: contiguous half of the time, else permuted/gapped/offset, optionally broadcast. */
export function arbLayout(shape: readonly number[], allowBroadcast = false): fc.Arbitrary<Layout> {
  const r = shape.length;
  const strided = fc.record({
    perm: fc.shuffledSubarray([...Array(r).keys()], { minLength: r, maxLength: r }),
    steps: fc.array(fc.integer({ min: 1, max: 2 }), { minLength: r, maxLength: r }),
    offset: fc.integer({ min: 0, max: 5 }),
    bcast: fc.array(allowBroadcast ? fc.boolean() : fc.constant(false), { minLength: r, maxLength: r }),
  }).map(({ perm, steps, offset, bcast }) => layoutFor(shape, perm, steps, offset, bcast));
  return fc.oneof(fc.constant(contiguousLayout(shape)), strided);
}

export const arbShape = (maxRank = 3, maxDim = 6): fc.Arbitrary<number[]> =>
  fc.array(fc.integer({ min: 0, max: maxDim }), { minLength: 0, maxLength: maxRank });

/** Values with exact small-integer sums half of the time (so sums compare exactly), else uniform floats. */
export function fill(n: number, seed: number, kind: 'int' | 'float' = 'float'): Float64Array {
  const out = new Float64Array(n);
  let s = seed >>> 0 || 1;
  for (let i = 0; i < n; i++) {
    s ^= s << 13; s ^= s >>> 17; s ^= s << 5; s >>>= 0;
    out[i] = kind === 'int' ? (s % 17) - 8 : (s / 2 ** 32) * 4 - 2;
  }
  return out;
}
