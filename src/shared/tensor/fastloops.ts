/**
 * @file Dedicated inner loops for the hottest binary ops (+ - * / and comparisons) when no casts are needed.
 * A loop that calls a per-op closure goes megamorphic across ops and costs ~10 ns per element; a loop per op
 * stays monomorphic. Semantics are identical to the generic path in binary.ts, which handles everything else.
 */
import { forEachRun, type View } from './iterate';
import type { Shape } from './tensor';

export type FastOp = 'add' | 'sub' | 'mul' | 'div' | 'eq' | 'ne' | 'lt' | 'le' | 'gt' | 'ge';
const FAST = new Set<string>(['add', 'sub', 'mul', 'div', 'eq', 'ne', 'lt', 'le', 'gt', 'ge']);
export const isFastOp = (op: string): op is FastOp => FAST.has(op);

/** out = a op b over `shape` with already-broadcast strides; returns false if `op` has no dedicated loop. */
export function fastBinary(op: FastOp, shape: Shape, out: View, a: View, b: View): void {
  const o = out.data, x = a.data, y = b.data;
  forEachRun(shape, [out.strides, a.strides, b.strides], [out.offset, a.offset, b.offset], (offs, n, st) => {
    let io = offs[0], ia = offs[1], ib = offs[2];
    const so = st[0], sa = st[1], sb = st[2];
    switch (op) {
      case 'add': for (let i = 0; i < n; i++, io += so, ia += sa, ib += sb) o[io] = x[ia] + y[ib]; break;
      case 'sub': for (let i = 0; i < n; i++, io += so, ia += sa, ib += sb) o[io] = x[ia] - y[ib]; break;
      case 'mul': for (let i = 0; i < n; i++, io += so, ia += sa, ib += sb) o[io] = x[ia] * y[ib]; break;
      case 'div': for (let i = 0; i < n; i++, io += so, ia += sa, ib += sb) o[io] = x[ia] / y[ib]; break;
      case 'eq': for (let i = 0; i < n; i++, io += so, ia += sa, ib += sb) o[io] = x[ia] === y[ib] ? 1 : 0; break;
      case 'ne': for (let i = 0; i < n; i++, io += so, ia += sa, ib += sb) o[io] = x[ia] !== y[ib] ? 1 : 0; break;
      case 'lt': for (let i = 0; i < n; i++, io += so, ia += sa, ib += sb) o[io] = x[ia] < y[ib] ? 1 : 0; break;
      case 'le': for (let i = 0; i < n; i++, io += so, ia += sa, ib += sb) o[io] = x[ia] <= y[ib] ? 1 : 0; break;
      case 'gt': for (let i = 0; i < n; i++, io += so, ia += sa, ib += sb) o[io] = x[ia] > y[ib] ? 1 : 0; break;
      case 'ge': for (let i = 0; i < n; i++, io += so, ia += sa, ib += sb) o[io] = x[ia] >= y[ib] ? 1 : 0; break;
      default: op satisfies never;
    }
  });
}
