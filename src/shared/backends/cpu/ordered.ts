/**
 * @file PyTorch-ordered sums on the CPU backend: the wasm kernel computes the 4·L lane partials ([Note: ordered
 * sum kernel] in wasm/cascade.ts), and this file finishes them exactly as contiguousRowSum in
 * src/shared/tensor/cascade-sum.ts does, so the result is that function's, bit for bit, at memory speed.
 *
 * Single-threaded on purpose: splitting the row across threads would change the order of additions, and float32
 * results would then differ from PyTorch's single-thread order in the last digit.
 */
import type { FloatArray } from '../backend';
import { cascadeStep } from '../../tensor/cascade-sum';
import type { Fn } from './runtime';

/**
 * The sum of a[off .. off + n) in PyTorch's order, for n >= 32 (smaller rows have no whole 128-byte block to give
 * the kernel). `a` must be on the heap; `kernel` is the osum export of a's dtype and `scratch` a heap view of at
 * least ORDERED_SCRATCH_BYTES, of a's dtype.
 */
export function orderedRowSum(kernel: Fn, scratch: FloatArray, a: FloatArray, off: number, n: number): number {
  const f32 = a instanceof Float32Array;
  const lanes = f32 ? 8 : 4;
  const nv = Math.floor(n / lanes); // rows of each lane's row_sum
  const blocks = Math.floor(nv / 4); // multi_row_sum's rows: 4·lanes elements = 128 bytes each
  const { power, step } = cascadeStep(blocks);
  const mask = step - 1;
  kernel(a.byteOffset + off * a.BYTES_PER_ELEMENT, blocks, step, mask << power, mask << (2 * power), scratch.byteOffset);
  // partial (k, l) sits at scratch[k * lanes + l]; row_sum of lane l: partial 0, its leftover rows, partials 1..3.
  // Two copies of one loop, float32 rounding each add and float64 not, keep the per-call cost free of closures.
  let acc = 0;
  if (f32) {
    for (let i = nv * lanes; i < n; i++) acc = Math.fround(acc + a[off + i]!); // vectorized_inner_sum's scalar tail first
    for (let l = 0; l < lanes; l++) {
      let r = scratch[l]!;
      for (let i = blocks * 4; i < nv; i++) r = Math.fround(r + a[off + l + i * lanes]!);
      for (let k = 1; k < 4; k++) r = Math.fround(r + scratch[k * lanes + l]!);
      acc = Math.fround(acc + r);
    }
  } else {
    for (let i = nv * lanes; i < n; i++) acc += a[off + i]!;
    for (let l = 0; l < lanes; l++) {
      let r = scratch[l]!;
      for (let i = blocks * 4; i < nv; i++) r += a[off + l + i * lanes]!;
      for (let k = 1; k < 4; k++) r += scratch[k * lanes + l]!;
      acc += r;
    }
  }
  return acc;
}
