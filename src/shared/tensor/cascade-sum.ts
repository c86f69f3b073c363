/**
 * @file Floating-point sum in PyTorch 1.13's exact order of additions, so float32 sums print the same last digit.
 *
 * [Note: cascade sum] PyTorch's CPU sum (aten/src/ATen/native/cpu/SumKernel.cpp) adds in the input's own precision
 * (float for float32) in a fixed pattern: TensorIterator orders dims (reduced dims innermost, then by stride) and
 * merges contiguous ones; each 2-D block is summed by one of four loops (vectorised or scalar, along or across the
 * reduced dim) built from `multi_row_sum`, a 4-level cascade, and `row_sum`, which first splits a row into 4
 * interleaved partial sums. Vector loops use 8 float / 4 double lanes (AVX2, what PyTorch picks on common x86).
 * Reproduced here for tensors below PyTorch's parallel grain (32768 elements); above it the result depends on the
 * thread count, and we keep this single-thread order.
 */
import type { Tensor } from './tensor';

type Add = (a: number, b: number) => number;

const ceilLog2 = (x: number): number => (x <= 2 ? 1 : Math.floor(Math.log2(x - 1)) + 1);

/** multi_row_sum: `nrows` sums over i < size of load(i, k), accumulated in a 4-level cascade. */
function multiRowSum(load: (i: number, k: number) => number, nrows: number, size: number, add: Add): number[] {
  const levels = 4;
  const power = Math.max(4, Math.floor(ceilLog2(size) / levels));
  const step = 2 ** power;
  const mask = step - 1;
  const acc = Array.from({ length: levels }, () => new Array<number>(nrows).fill(0));
  let i = 0;
  while (i + step <= size) {
    for (let j = 0; j < step; j++, i++) for (let k = 0; k < nrows; k++) acc[0][k] = add(acc[0][k], load(i, k));
    for (let j = 1; j < levels; j++) {
      for (let k = 0; k < nrows; k++) { acc[j][k] = add(acc[j][k], acc[j - 1][k]); acc[j - 1][k] = 0; }
      if ((i & (mask * 2 ** (j * power))) !== 0) break;
    }
  }
  for (; i < size; i++) for (let k = 0; k < nrows; k++) acc[0][k] = add(acc[0][k], load(i, k));
  for (let j = 1; j < levels; j++) for (let k = 0; k < nrows; k++) acc[0][k] = add(acc[0][k], acc[j][k]);
  return acc[0];
}

/** row_sum: the row as 4 interleaved partial sums (instruction-level parallelism), then the leftovers. */
function rowSum(load: (i: number) => number, size: number, add: Add): number {
  const ilp = 4;
  const n = Math.floor(size / ilp);
  const p = multiRowSum((i, k) => load(i * ilp + k), ilp, n, add);
  for (let i = n * ilp; i < size; i++) p[0] = add(p[0], load(i));
  for (let k = 1; k < ilp; k++) p[0] = add(p[0], p[k]);
  return p[0];
}

interface Block { x: ArrayLike<number>; xo: number; s0: number; s1: number; out: number[]; oo: number; o0: number; o1: number; n0: number; n1: number }

/** One loop2d call of cascade_sum: adds the block's sums into `out` (which accumulates across blocks). */
function sumBlock(b: Block, lanes: number, add: Add): void {
  let { s0, s1, o0, o1, n0, n1 } = b;
  const { x, xo, out, oo } = b;
  if (o0 !== 0 && o1 === 0) { [s0, s1] = [s1, s0]; [o0, o1] = [o1, o0]; [n0, n1] = [n1, n0]; }
  const at = (i: number, j: number): number => x[xo + i * s0 + j * s1];
  const store = (j: number, v: number): void => { out[oo + j * o1] = add(out[oo + j * o1], v); };
  if (o0 !== 0 && o1 !== 0) { // not a reduction inside this block: elementwise accumulate
    for (let j = 0; j < n1; j++) for (let i = 0; i < n0; i++) out[oo + i * o0 + j * o1] = add(out[oo + i * o0 + j * o1], at(i, j));
    return;
  }
  if (s0 === 1 && n0 >= lanes) { // vectorized_inner_sum
    const nv = Math.floor(n0 / lanes);
    for (let j = 0; j < n1; j++) {
      const laneSums = Array.from({ length: lanes }, (_, l) => rowSum((v) => at(v * lanes + l, j), nv, add));
      let acc = 0;
      for (let i = nv * lanes; i < n0; i++) acc = add(acc, at(i, j));
      for (const s of laneSums) acc = add(acc, s);
      store(j, acc);
    }
  } else if (s1 === 1 && n1 >= lanes) { // vectorized_outer_sum
    let j = 0;
    for (; j + 4 * lanes <= n1; j += 4 * lanes) {
      for (let c = 0; c < 4 * lanes; c++) store(j + c, multiRowSum((i) => at(i, j + c), 1, n0, add)[0]);
    }
    for (; j < n1; j++) store(j, rowSum((i) => at(i, j), n0, add));
  } else if (s0 < s1) { // scalar_inner_sum
    for (let j = 0; j < n1; j++) store(j, rowSum((i) => at(i, j), n0, add));
  } else { // scalar_outer_sum
    let j = 0;
    for (; j + 3 < n1; j += 4) {
      const sums = multiRowSum((i, k) => at(i, j + k), 4, n0, add);
      for (let k = 0; k < 4; k++) store(j + k, sums[k]);
    }
    for (; j < n1; j++) store(j, rowSum((i) => at(i, j), n0, add));
  }
}

/**
 * Sums `t` (float32 or float64) over `dims` into `outLen` values laid out row-major over the kept dims, in
 * PyTorch's order of additions. Returns the sums as doubles holding values of t's precision.
 */
export function cascadeSum(t: Tensor, dims: readonly number[], outLen: number): number[] {
  const f32 = t.dtype === 'float32';
  const add: Add = f32 ? (a, b) => Math.fround(a + b) : (a, b) => a + b;
  const lanes = f32 ? 8 : 4;
  // Output strides (elements) of each input dim: 0 where reduced, row-major over the kept dims otherwise.
  const outStr = new Array<number>(t.ndim).fill(0);
  let acc = 1;
  for (let d = t.ndim - 1; d >= 0; d--) if (!dims.includes(d)) { outStr[d] = acc; acc *= t.shape[d]; }
  // TensorIterator: drop size-1 dims, order innermost-first (reduced dims first, then by strides), coalesce.
  let ds = t.shape.map((_, d) => d).filter((d) => t.shape[d] !== 1).reverse();
  const swap = (a: number, b: number): number => {
    const r0 = outStr[a] === 0, r1 = outStr[b] === 0;
    if (r0 !== r1) return r1 ? 1 : -1;
    for (const s of [outStr, t.strides]) {
      const x = s[a], y = s[b];
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
  const dim = ds.map((d) => ({ n: t.shape[d], s: t.strides[d], o: outStr[d] }));
  const merged: typeof dim = [];
  for (const d of dim) {
    const last = merged[merged.length - 1];
    if (last && last.s * last.n === d.s && last.o * last.n === d.o) last.n *= d.n;
    else merged.push({ ...d });
  }
  ds = [];
  const out = new Array<number>(outLen).fill(0);
  const inner = merged.slice(0, 2);
  while (inner.length < 2) inner.push({ n: 1, s: 0, o: 0 });
  const outer = merged.slice(2);
  const idx = outer.map(() => 0);
  for (;;) {
    let xo = t.offset, oo = 0;
    outer.forEach((d, k) => { xo += idx[k] * d.s; oo += idx[k] * d.o; });
    sumBlock({ x: t.storage.data, xo, s0: inner[0].s, s1: inner[1].s, out, oo, o0: inner[0].o, o1: inner[1].o, n0: inner[0].n, n1: inner[1].n }, lanes, add);
    let k = 0;
    for (; k < outer.length; k++) { if (++idx[k] < outer[k].n) break; idx[k] = 0; }
    if (k === outer.length) return out;
  }
}
