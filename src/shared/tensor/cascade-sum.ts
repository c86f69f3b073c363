/**
 * @file Floating-point sum in PyTorch 1.13's exact order of additions, so float32 sums print the same last digit.
 *
 * [Note: cascade sum] PyTorch's CPU sum (aten/src/ATen/native/cpu/SumKernel.cpp) adds in the input's own precision
 * (float for float32) in a fixed pattern: TensorIterator orders dims (reduced dims innermost, then by stride) and
 * merges contiguous ones; each 2-D block is summed by one of four loops (vectorised or scalar, along or across the
 * reduced dim) built from `multi_row_sum`, a 4-level cascade, and `row_sum`, which first splits a row into 4
 * interleaved partial sums. Vector loops use 8 float / 4 double lanes (AVX2, what PyTorch picks on common x86).
 * Reproduced here for tensors below PyTorch's parallel grain (32768 elements); above it the result depends on the
 * thread count, and we keep this single-thread order. With the engine's CPU backend installed, long contiguous
 * rows take the same additions in wasm SIMD ([Note: ordered sum kernel] in src/shared/backends/cpu/wasm/cascade.ts);
 * this file stays the oracle its tests compare against.
 */
import type { Tensor } from './tensor';

type Data = ArrayLike<number>;

const ceilLog2 = (x: number): number => (x <= 2 ? 1 : Math.floor(Math.log2(x - 1)) + 1);

/** multi_row_sum's schedule for `size` rows: level 0 takes `step` = 2^power rows before carrying into level 1. */
export function cascadeStep(size: number): { power: number; step: number } {
  const power = Math.max(4, Math.floor(ceilLog2(size) / 4));
  return { power, step: 2 ** power };
}

/**
 * multi_row_sum: `nrows` sums (returned in the first `nrows` slots of a shared buffer), sum k over i < size of x[base + i*si + k*sk], in a 4-level cascade. Adds round to
 * float32 when `f32` (PyTorch accumulates float32 in float).
 */
function multiRowSum(x: Data, base: number, si: number, sk: number, nrows: number, size: number, f32: boolean): Float64Array {
  const levels = 4;
  const { power, step } = cascadeStep(size);
  const mask = step - 1;
  const acc = scratch; // acc[j * nrows + k]; callers read the result before the next call
  acc.fill(0, 0, levels * nrows);
  let i = 0;
  while (i + step <= size) {
    for (let j = 0; j < step; j++, i++) {
      for (let k = 0; k < nrows; k++) {
        const v = acc[k] + x[base + i * si + k * sk];
        acc[k] = f32 ? Math.fround(v) : v;
      }
    }
    for (let j = 1; j < levels; j++) {
      for (let k = 0; k < nrows; k++) {
        const v = acc[j * nrows + k] + acc[(j - 1) * nrows + k];
        acc[j * nrows + k] = f32 ? Math.fround(v) : v;
        acc[(j - 1) * nrows + k] = 0;
      }
      if ((i & (mask * 2 ** (j * power))) !== 0) break;
    }
  }
  for (; i < size; i++) {
    for (let k = 0; k < nrows; k++) {
      const v = acc[k] + x[base + i * si + k * sk];
      acc[k] = f32 ? Math.fround(v) : v;
    }
  }
  for (let j = 1; j < levels; j++) {
    for (let k = 0; k < nrows; k++) {
      const v = acc[k] + acc[j * nrows + k];
      acc[k] = f32 ? Math.fround(v) : v;
    }
  }
  return acc;
}

/** multiRowSum's accumulators (4 levels × at most 4 rows), reused: tiny sums must not allocate. */
const scratch = new Float64Array(16);

/** row_sum of x[base + i*stride], i < size: 4 interleaved partial sums (instruction-level parallelism), then the rest. */
export function rowSum(x: Data, base: number, stride: number, size: number, f32: boolean): number {
  const ilp = 4;
  const n = Math.floor(size / ilp);
  const p = multiRowSum(x, base, stride * ilp, stride, ilp, n, f32);
  let acc = p[0];
  for (let i = n * ilp; i < size; i++) acc = f32 ? Math.fround(acc + x[base + i * stride]) : acc + x[base + i * stride];
  for (let k = 1; k < ilp; k++) acc = f32 ? Math.fround(acc + p[k]) : acc + p[k];
  return acc;
}

type Add = (a: number, b: number) => number;

/** The sum of one contiguous row of n elements, as PyTorch's inner-sum loops compute it (no allocation). */
export function contiguousRowSum(x: Data, base: number, n: number, f32: boolean): number {
  const lanes = f32 ? 8 : 4;
  if (n < lanes) return rowSum(x, base, 1, n, f32); // scalar_inner_sum
  const nv = Math.floor(n / lanes); // vectorized_inner_sum: lane l sums elements l, l + lanes, ...
  let acc = 0;
  for (let i = nv * lanes; i < n; i++) acc = f32 ? Math.fround(acc + x[base + i]) : acc + x[base + i];
  for (let l = 0; l < lanes; l++) {
    const v = acc + rowSum(x, base + l, lanes, nv, f32);
    acc = f32 ? Math.fround(v) : v;
  }
  return acc;
}

interface Block { x: ArrayLike<number>; xo: number; s0: number; s1: number; out: number[]; oo: number; o0: number; o1: number; n0: number; n1: number }

/** One loop2d call of cascade_sum: adds the block's sums into `out` (which accumulates across blocks). */
function sumBlock(b: Block, lanes: number, f32: boolean, add: Add): void {
  let { s0, s1, o0, o1, n0, n1 } = b;
  const { x, xo, out, oo } = b;
  if (o0 !== 0 && o1 === 0) { [s0, s1] = [s1, s0]; [o0, o1] = [o1, o0]; [n0, n1] = [n1, n0]; }
  const store = (j: number, v: number): void => { out[oo + j * o1] = add(out[oo + j * o1], v); };
  if (o0 !== 0 && o1 !== 0) { // not a reduction inside this block: elementwise accumulate
    for (let j = 0; j < n1; j++) {
      for (let i = 0; i < n0; i++) out[oo + i * o0 + j * o1] = add(out[oo + i * o0 + j * o1], x[xo + i * s0 + j * s1]);
    }
    return;
  }
  if (s0 === 1 && n0 >= lanes) { // vectorized_inner_sum: lane l sums elements l, l + lanes, ...
    const nv = Math.floor(n0 / lanes);
    for (let j = 0; j < n1; j++) {
      const row = xo + j * s1;
      let acc = 0;
      for (let i = nv * lanes; i < n0; i++) acc = add(acc, x[row + i]);
      for (let l = 0; l < lanes; l++) acc = add(acc, rowSum(x, row + l, lanes, nv, f32));
      store(j, acc);
    }
  } else if (s1 === 1 && n1 >= lanes) { // vectorized_outer_sum
    let j = 0;
    for (; j + 4 * lanes <= n1; j += 4 * lanes) {
      for (let c = 0; c < 4 * lanes; c++) store(j + c, multiRowSum(x, xo + (j + c) * s1, s0, 0, 1, n0, f32)[0]);
    }
    for (; j < n1; j++) store(j, rowSum(x, xo + j * s1, s0, n0, f32));
  } else if (s0 < s1) { // scalar_inner_sum
    for (let j = 0; j < n1; j++) store(j, rowSum(x, xo + j * s1, s0, n0, f32));
  } else { // scalar_outer_sum
    let j = 0;
    for (; j + 3 < n1; j += 4) {
      const sums = multiRowSum(x, xo + j * s1, s0, s1, 4, n0, f32);
      for (let k = 0; k < 4; k++) store(j + k, sums[k]);
    }
    for (; j < n1; j++) store(j, rowSum(x, xo + j * s1, s0, n0, f32));
  }
}

/** One iteration dim of a reduction: size, input stride, output stride (0 where reduced), all in elements. */
export interface IterDim { n: number; s: number; o: number }

/**
 * TensorIterator's view of reducing `t` over `dims` into a row-major output: size-1 dims dropped, dims ordered
 * innermost first (reduced dims first, then by output and input strides), contiguous neighbours merged.
 */
export function reductionDims(t: Tensor, dims: readonly number[]): IterDim[] {
  const outStr = new Array<number>(t.ndim).fill(0);
  let acc = 1;
  for (let d = t.ndim - 1; d >= 0; d--) if (!dims.includes(d)) { outStr[d] = acc; acc *= t.shape[d]; }
  const ds = t.shape.map((_, d) => d).filter((d) => t.shape[d] !== 1).reverse();
  const swap = (a: number, b: number): number => {
    const r0 = outStr[a] === 0, r1 = outStr[b] === 0;
    if (r0 !== r1) return r1 ? 1 : -1;
    for (const st of [outStr, t.strides]) {
      const x = st[a], y = st[b];
      if (x === 0 || y === 0) continue;
      if (x < y) return -1;
      if (x > y) return 1;
      if (t.shape[a] > t.shape[b]) return 1;
    }
    return 0;
  };
  for (let i = 1; i < ds.length; i++) {
    let d1 = i;
    for (let d0 = i - 1; d0 >= 0; d0--) {
      const c = swap(ds[d0], ds[d1]);
      if (c > 0) { [ds[d0], ds[d1]] = [ds[d1], ds[d0]]; d1 = d0; } else if (c < 0) break;
    }
  }
  const merged: IterDim[] = [];
  for (const d of ds) {
    const last = merged[merged.length - 1];
    const cur = { n: t.shape[d], s: t.strides[d], o: outStr[d] };
    if (last && last.s * last.n === cur.s && last.o * last.n === cur.o) last.n *= cur.n;
    else merged.push(cur);
  }
  return merged;
}

/**
 * Sums `t` (float32 or float64) over `dims` into `outLen` values laid out row-major over the kept dims, in
 * PyTorch's order of additions. Returns the sums as doubles holding values of t's precision.
 */
export function cascadeSum(t: Tensor, dims: readonly number[], outLen: number): number[] {
  const f32 = t.dtype === 'float32';
  const add: Add = f32 ? (a, b) => Math.fround(a + b) : (a, b) => a + b;
  const lanes = f32 ? 8 : 4;
  // The common x.sum() of a contiguous tensor is one inner block; skip the dim bookkeeping for tiny tensors.
  const n = t.numel;
  const merged = dims.length === t.ndim && t.isContiguous ? (n === 1 ? [] : [{ n, s: 1, o: 0 }]) : reductionDims(t, dims);
  const out = new Array<number>(outLen).fill(0);
  const inner = merged.slice(0, 2);
  while (inner.length < 2) inner.push({ n: 1, s: 0, o: 0 });
  const outer = merged.slice(2);
  const idx = outer.map(() => 0);
  for (;;) {
    let xo = t.offset, oo = 0;
    outer.forEach((d, k) => { xo += idx[k] * d.s; oo += idx[k] * d.o; });
    sumBlock({ x: t.storage.data, xo, s0: inner[0].s, s1: inner[1].s, out, oo, o0: inner[0].o, o1: inner[1].o, n0: inner[0].n, n1: inner[1].n }, lanes, f32, add);
    let k = 0;
    for (; k < outer.length; k++) { if (++idx[k] < outer[k].n) break; idx[k] = 0; }
    if (k === outer.length) return out;
  }
}
