/**
 * @file Strided iteration: the loops every reference kernel runs on (no hidden copies).
 *
 * Operands are (data, strides, offset) triples over a common iteration shape; broadcast operands carry 0
 * strides. Before looping, dimensions that are contiguous with their neighbour in every operand are merged
 * (coalesced), so a contiguous tensor of any rank runs as one flat loop.
 */
import type { StorageArray } from './dtype';
import type { Shape, Tensor } from './tensor';

export interface View { data: StorageArray; strides: readonly number[]; offset: number }

export const viewOf = (t: Tensor, strides: readonly number[] = t.strides): View =>
  ({ data: t.storage.data, strides, offset: t.offset });

/** Merges dims so that the loops below run over as few, as long, dimensions as possible. */
export function coalesce(shape: Shape, strides: readonly (readonly number[])[]): { shape: number[]; strides: number[][] } {
  const k = strides.length;
  const outShape: number[] = [];
  const outStrides: number[][] = strides.map(() => []);
  for (let d = 0; d < shape.length; d++) {
    if (shape[d] === 1) continue;
    const last = outShape.length - 1;
    let merge = last >= 0;
    for (let j = 0; merge && j < k; j++) {
      if (outStrides[j][last] !== strides[j][d] * shape[d]) merge = false;
    }
    if (merge) {
      outShape[last] *= shape[d];
      for (let j = 0; j < k; j++) outStrides[j][last] = strides[j][d];
    } else {
      outShape.push(shape[d]);
      for (let j = 0; j < k; j++) outStrides[j].push(strides[j][d]);
    }
  }
  if (outShape.length === 0) {
    outShape.push(1);
    for (let j = 0; j < k; j++) outStrides[j].push(0);
  }
  return { shape: outShape, strides: outStrides };
}

/**
 * Calls `inner(offsets, n, innerStrides)` once per run of the innermost dimension, where `offsets[j]` is
 * operand j's first element of the run. Kernels loop over the run themselves, which keeps the hot loop free of
 * odometer bookkeeping.
 */
export function forEachRun(
  shape: Shape,
  strides: readonly (readonly number[])[],
  offsets: readonly number[],
  inner: (offs: number[], n: number, steps: number[]) => void,
): void {
  for (let i = 0; i < shape.length; i++) if (shape[i] === 0) return;
  const c = coalesce(shape, strides);
  const r = c.shape.length;
  const k = strides.length;
  const n = c.shape[r - 1];
  const steps = c.strides.map((s) => s[r - 1]);
  const offs = offsets.slice();
  if (r === 1) {
    inner(offs, n, steps);
    return;
  }
  const idx = new Array<number>(r - 1).fill(0);
  const base = offsets.slice();
  for (;;) {
    for (let j = 0; j < k; j++) offs[j] = base[j];
    inner(offs, n, steps);
    let d = r - 2;
    for (; d >= 0; d--) {
      idx[d]++;
      for (let j = 0; j < k; j++) base[j] += c.strides[j][d];
      if (idx[d] < c.shape[d]) break;
      for (let j = 0; j < k; j++) base[j] -= c.strides[j][d] * c.shape[d];
      idx[d] = 0;
    }
    if (d < 0) return;
  }
}

/** out[i] = f(a[i]) over `shape`. */
export function map1(shape: Shape, out: View, a: View, f: (x: number) => number): void {
  const od = out.data, ad = a.data;
  forEachRun(shape, [out.strides, a.strides], [out.offset, a.offset], (o, n, s) => {
    let io = o[0], ia = o[1];
    const so = s[0], sa = s[1];
    for (let i = 0; i < n; i++, io += so, ia += sa) od[io] = f(ad[ia]);
  });
}

/** out[i] = f(a[i], b[i]) over `shape`. */
export function map2(shape: Shape, out: View, a: View, b: View, f: (x: number, y: number) => number): void {
  const od = out.data, ad = a.data, bd = b.data;
  forEachRun(shape, [out.strides, a.strides, b.strides], [out.offset, a.offset, b.offset], (o, n, s) => {
    let io = o[0], ia = o[1], ib = o[2];
    const so = s[0], sa = s[1], sb = s[2];
    for (let i = 0; i < n; i++, io += so, ia += sa, ib += sb) od[io] = f(ad[ia], bd[ib]);
  });
}

/** out[i] = f(a[i], b[i], c[i]) over `shape` (where, clamp with tensor bounds). */
export function map3(
  shape: Shape, out: View, a: View, b: View, c: View, f: (x: number, y: number, z: number) => number,
): void {
  const od = out.data, ad = a.data, bd = b.data, cd = c.data;
  forEachRun(shape, [out.strides, a.strides, b.strides, c.strides], [out.offset, a.offset, b.offset, c.offset], (o, n, s) => {
    let io = o[0], ia = o[1], ib = o[2], ic = o[3];
    const so = s[0], sa = s[1], sb = s[2], sc = s[3];
    for (let i = 0; i < n; i++, io += so, ia += sa, ib += sb, ic += sc) od[io] = f(ad[ia], bd[ib], cd[ic]);
  });
}

/** Visits every element of `t` in row-major order. */
export function forEachValue(t: Tensor, f: (x: number) => void): void {
  const d = t.storage.data;
  forEachRun(t.shape, [t.strides], [t.offset], (o, n, s) => {
    let i0 = o[0];
    const s0 = s[0];
    for (let i = 0; i < n; i++, i0 += s0) f(d[i0]);
  });
}

/** The elements of `t` in row-major order as a plain array of numbers. */
export function toFlatArray(t: Tensor): number[] {
  const out: number[] = [];
  forEachValue(t, (x) => { out.push(x); });
  return out;
}
