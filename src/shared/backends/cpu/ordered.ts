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
import type { CpuRuntime } from './runtime';
import { orderedSumName } from './wasm/cascade';

/**
 * The sum of a[off .. off + n) in PyTorch's order, for n >= 32 (smaller rows have no whole 128-byte block to give
 * the kernel). `a` must be on the heap; `scratch` is a heap view of at least ORDERED_SCRATCH_BYTES, of a's dtype.
 */
export function orderedRowSum(rt: CpuRuntime, scratch: FloatArray, a: FloatArray, off: number, n: number): number {
  const f32 = a instanceof Float32Array;
  const lanes = f32 ? 8 : 4;
  const add = f32 ? (x: number, y: number) => Math.fround(x + y) : (x: number, y: number) => x + y;
  const nv = Math.floor(n / lanes); // rows of each lane's row_sum
  const blocks = Math.floor(nv / 4); // multi_row_sum's rows: 4·lanes elements = 128 bytes each
  const { power, step } = cascadeStep(blocks);
  const mask = step - 1;
  rt.call(orderedSumName(f32 ? 'f32' : 'f64'), a.byteOffset + off * a.BYTES_PER_ELEMENT, blocks, step,
    mask << power, mask << (2 * power), scratch.byteOffset);
  // partial (k, l) sits at scratch[k * lanes + l]; row_sum of lane l: partial 0, its leftover rows, partials 1..3
  let acc = 0;
  for (let i = nv * lanes; i < n; i++) acc = add(acc, a[off + i]!); // vectorized_inner_sum's scalar tail first
  for (let l = 0; l < lanes; l++) {
    let r = scratch[l]!;
    for (let i = blocks * 4; i < nv; i++) r = add(r, a[off + l + i * lanes]!);
    for (let k = 1; k < 4; k++) r = add(r, scratch[k * lanes + l]!);
    acc = add(acc, r);
  }
  return acc;
}
