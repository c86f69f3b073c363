/**
 * @file PyTorch-ordered sums on the CPU backend: wasm kernels compute the 4·L lane partials ([Note: ordered sum
 * kernel] in wasm/cascade.ts), and this file finishes them exactly as contiguousRowSum in
 * src/shared/tensor/cascade-sum.ts does, so the result is that function's, bit for bit, at memory speed.
 * Rows of at least MIN_CHUNKS cascade chunks (step³ blocks of 128 bytes, 512 KiB for rows up to 16M float32) have their
 * whole chunks summed by the thread pool; the fold of the chunk values into level 3 happens here, in chunk order,
 * so the threads change the speed and not one bit of the result.
 */
import type { FloatArray } from '../backend';
import { cascadeStep, rowSum } from '../../tensor/cascade-sum';
import type { Fn } from './runtime';

/** What orderedRowSum needs for one dtype (CpuBackend builds it once). */
export interface OrderedSum {
  /** The osum export of the dtype. */
  osum: Fn;
  /** The osumr export of the dtype (many rows in one call). */
  osumr: Fn;
  /** A heap view of ORDERED_SCRATCH_BYTES, of the dtype: osum's levels; level 3 at elements [12·L, 16·L). */
  scratch: FloatArray;
  /** The osumf export of the dtype (folds chunk values into level 3). */
  fold: Fn;
  /**
   * Runs osumc over `chunks` whole chunks starting at byte address `ptr` on the pool and returns the byte address
   * of the chunk slots (512 bytes per chunk, the chunk's 4·L values first); null: single thread.
   */
  chunked: ((ptr: number, chunks: number, step: number, mask1: number, mask2: number) => number) | null;
}

/**
 * Rows need this many whole chunks (1M float32, 4 MiB) before the pool is used: waking a worker costs tens of µs,
 * and below this the whole sum takes ~60 µs on one thread.
 */
export const MIN_CHUNKS = 8;

/**
 * The sum of a[off .. off + n) in PyTorch's order, for n >= 32 (smaller rows have no whole 128-byte block to give
 * the kernel). `a` must be on the heap.
 */
export function orderedRowSum(o: OrderedSum, a: FloatArray, off: number, n: number): number {
  const f32 = a instanceof Float32Array;
  const lanes = f32 ? 8 : 4, width = 4 * lanes; // width: elements per 128-byte block, one per partial (k, l)
  const scratch = o.scratch;
  const nv = Math.floor(n / lanes); // rows of each lane's row_sum
  const blocks = Math.floor(nv / 4); // multi_row_sum's rows: one block each
  const { power, step } = cascadeStep(blocks);
  const mask = step - 1, mask1 = mask << power, mask2 = mask << (2 * power);
  const chunkBlocks = step ** 3;
  const chunks = o.chunked ? Math.floor(blocks / chunkBlocks) : 0;
  let ptr = a.byteOffset + off * a.BYTES_PER_ELEMENT, rest = blocks;
  const l3 = 3 * width;
  if (chunks >= MIN_CHUNKS) {
    // level 3 = ((0 + chunk 0) + chunk 1) + ..., each add rounded to the dtype, as the sequential cascade adds them
    o.fold(o.chunked!(ptr, chunks, step, mask1, mask2), chunks, scratch.byteOffset + l3 * a.BYTES_PER_ELEMENT);
    ptr += chunks * chunkBlocks * 128;
    rest -= chunks * chunkBlocks;
  } else {
    scratch.fill(0, l3, l3 + width);
  }
  o.osum(ptr, rest, step, mask1, mask2, scratch.byteOffset, 128);
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

/**
 * Column sums of the row-major m x n matrix at a[off ..], as PyTorch's vectorized_outer_sum adds them (`x.sum(0)`
 * of a contiguous matrix): columns in groups of 4·L, each column one multi_row_sum over the m rows, which the
 * kernel runs for a whole group at once with the matrix row as its block stride; the last n mod 4·L columns are
 * row_sums in TypeScript. `a` must be on the heap. Returns the n sums, in a's precision.
 */
export function orderedColumnSums(o: OrderedSum, a: FloatArray, off: number, m: number, n: number): Float64Array {
  const f32 = a instanceof Float32Array;
  const width = f32 ? 32 : 16, es = a.BYTES_PER_ELEMENT;
  const scratch = o.scratch, out = new Float64Array(n);
  const { power, step } = cascadeStep(m);
  const mask = step - 1;
  let j = 0;
  for (; j + width <= n; j += width) {
    scratch.fill(0, 3 * width, 4 * width);
    o.osum(a.byteOffset + (off + j) * es, m, step, mask << power, mask << (2 * power), scratch.byteOffset, n * es);
    for (let c = 0; c < width; c++) out[j + c] = scratch[c]!;
  }
  for (; j < n; j++) out[j] = rowSum(a, off + j, n, m, f32);
  return out;
}

/**
 * contiguousRowSum of `count` consecutive rows of n >= L elements each at a[off ..], into `out` (a heap view of
 * a's dtype with room for count values), in one kernel call: for many short rows, where a call and a TypeScript
 * finish per row would cost more than the row. `a` must be on the heap.
 */
export function orderedRowSums(o: OrderedSum, a: FloatArray, off: number, count: number, n: number, out: FloatArray): void {
  const lanes = a instanceof Float32Array ? 8 : 4, es = a.BYTES_PER_ELEMENT;
  const nv = Math.floor(n / lanes), blocks = Math.floor(nv / 4);
  const { power, step } = cascadeStep(blocks);
  const mask = step - 1;
  o.osumr(a.byteOffset + off * es, count, n * es, blocks, nv * lanes * es, step, mask << power, mask << (2 * power), o.scratch.byteOffset, out.byteOffset);
}
