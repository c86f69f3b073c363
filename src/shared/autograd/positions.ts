/**
 * @file Position maps: which elements of a tensor an index or a view touches, as flat row-major positions.
 * Indexing, slice assignment and in-place writes through views all differentiate the same way: gather the
 * gradient at those positions, or scatter (add) a gradient back to them. Each direction is recorded as a node
 * whose backward is the other direction, so create_graph works through indexing too.
 */
import { getIndex, type IndexObj } from '../tensor/indexing';
import { emptyTensor, makeView, type Tensor } from '../tensor/tensor';
import * as V from '../tensor/views';
import { record, recording } from './record';

/** For each element of `t[spec]`, its flat row-major position in `t`. */
export function indexPositions(t: Tensor, spec: readonly unknown[], objs: readonly IndexObj[]): Tensor {
  const pos = emptyTensor(t.shape, 'float64');
  const d = pos.storage.data;
  for (let i = 0; i < d.length; i++) d[i] = i;
  return getIndex(pos, spec, objs);
}

/** For each element of `view` (a view of `base`'s memory), its flat row-major position in `base`. */
export function viewPositions(base: Tensor, view: Tensor): Tensor {
  // Lay the positions out in memory exactly as `base` lays out its elements, then read them through `view`.
  const mem = emptyTensor([base.storage.length], 'float64');
  const md = mem.storage.data;
  const n = base.numel;
  const idx = new Array<number>(base.ndim).fill(0);
  for (let k = 0; k < n; k++) {
    let off = base.offset;
    for (let j = 0; j < base.ndim; j++) off += idx[j] * base.strides[j];
    md[off] = k;
    for (let j = base.ndim - 1; j >= 0; j--) {
      if (++idx[j] < base.shape[j]) break;
      idx[j] = 0;
    }
  }
  return V.contiguous(makeView(mem, view.shape, view.strides, view.offset));
}

const flatData = (t: Tensor): { data: ArrayLike<number>; t: Tensor } => {
  const c = V.contiguous(t);
  return { data: c.storage.data.subarray(c.offset, c.offset + c.numel), t: c };
};

/** out[k] = x.flat[pos[k]], shaped like `pos`. Backward: scatter-add into zeros of x's shape. */
export function gatherAt(x: Tensor, pos: Tensor, name = 'IndexBackward0'): Tensor {
  const out = emptyTensor(pos.shape, x.dtype);
  const xd = flatData(x).data, pd = flatData(pos).data, od = out.storage.data;
  for (let k = 0; k < od.length; k++) od[k] = xd[pd[k]];
  if (!recording([x])) return out;
  return record(name, out, [x], () => (g) => [scatterAddAt(g, pos, x.shape)]);
}

/** zeros(shape) with g.flat[k] added at position pos.flat[k] (repeats add up, as index backward needs). */
export function scatterAddAt(g: Tensor, pos: Tensor, shape: readonly number[], name = 'IndexPutBackward0'): Tensor {
  const out = emptyTensor(shape, g.dtype);
  const gd = flatData(g).data, pd = flatData(pos).data, od = out.storage.data;
  for (let k = 0; k < pd.length; k++) od[pd[k]] += gd[k];
  if (!recording([g])) return out;
  return record(name, out, [g], () => (gg) => [gatherAt(gg, pos)]);
}

/** A copy of g with the elements at `pos` set to zero (the part of a gradient that an overwrite cut off). */
export function zeroAt(g: Tensor, pos: Tensor): Tensor {
  const out = V.contiguous(g, true);
  const pd = flatData(pos).data, od = out.storage.data;
  for (let k = 0; k < pd.length; k++) od[pd[k]] = 0;
  if (!recording([g])) return out;
  return record('MaskedFillBackward0', out, [g], () => (gg) => [zeroAt(gg, pos)]);
}
