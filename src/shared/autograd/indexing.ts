/**
 * @file Differentiable indexing: `t[index]` and `t[index] = value`, from the core's encoded index
 * ([Note: index encoding] in src/shared/tensor/indexing.ts).
 *
 * A basic index (ints, slices, None, Ellipsis) is replayed as the chain of views PyTorch records (every int a
 * SelectBackward0, every slice, even `:`, a SliceBackward0, every None an UnsqueezeBackward0). An index with
 * tensors, lists or bools gathers a copy (IndexBackward0) whose gradient is scattered back, adding up repeats.
 */
import { copyInto, fillInto } from '../tensor/copy';
import * as I from '../tensor/indexing';
import { isTensor, type Operand } from '../tensor/scalar';
import { zerosLike } from '../tensor/creation';
import { emptyTensor, type Tensor } from '../tensor/tensor';
import { inplace } from './inplace';
import { gatherAt, indexPositions, scatterAddAt, zeroAt } from './positions';
import { record, recording } from './record';
import { sumTo } from './reduce';
import { reshape, select, sliceDim, trackView, unsqueeze } from './views';

/** Whether an encoded index uses only ints, slices, None and Ellipsis (so that the result is a view). */
function isBasic(spec: readonly unknown[]): boolean {
  for (let p = 0; p < spec.length;) {
    const op = spec[p++];
    if (op === 0) p++;
    else if (op === 1) p += 3;
    else if (op === 4) return false;
  }
  return true;
}

/** Python's slice clamping for a positive step (the core has already refused the other steps). */
function clampSlice(v: unknown, size: number, dflt: number): number {
  if (v === null || v === undefined) return dflt;
  const x = v as number;
  return x < 0 ? Math.max(0, x + size) : Math.min(x, size);
}

/** The basic index replayed as differentiable views (the core already validated it). */
function basicChain(t: Tensor, spec: readonly unknown[]): Tensor {
  let used = 0;
  for (let p = 0; p < spec.length;) {
    const op = spec[p++];
    if (op === 0) { used++; p++; } else if (op === 1) { used++; p += 3; }
  }
  let cur = t, d = 0;
  for (let p = 0; p < spec.length;) {
    const op = spec[p++];
    if (op === 0) {
      cur = select(cur, d, spec[p++] as number);
    } else if (op === 1) {
      const size = cur.shape[d];
      const step = (spec[p + 2] ?? 1) as number;
      cur = sliceDim(cur, d, clampSlice(spec[p], size, 0), clampSlice(spec[p + 1], size, size), step);
      p += 3;
      d++;
    } else if (op === 2) {
      cur = unsqueeze(cur, d);
      d++;
    } else if (op === 3) {
      d += t.ndim - used;
    }
  }
  return cur;
}

export function getIndex(t: Tensor, spec: readonly unknown[], objs: readonly I.IndexObj[] = []): Tensor {
  const out = I.getIndex(t, spec, objs);
  if (!recording([t])) return out;
  if (isBasic(spec)) return basicChain(t, spec);
  // saved like PyTorch's indices, so that a second backward without retain_graph fails the same way
  return record('IndexBackward0', out, [t], (ctx) => {
    const pos = ctx.save(indexPositions(t, spec, objs));
    return (g) => [scatterAddAt(g, pos.get(), t.shape)];
  });
}

/** What `value` looks like once setitem drops its leading size-1 dims and broadcasts it. */
const assigned = (value: Tensor, shape: readonly number[]): Tensor => {
  const out = emptyTensor(shape, value.dtype);
  I.setIndex(out, [], [], value);
  return out;
};

/**
 * The out-of-place twin of writing `value` over all of `self`: the old value gets no gradient, the value gets
 * the gradient summed back to its shape (CopyBackwards in PyTorch).
 */
export function overwrite(self: Tensor, value: Operand): Tensor {
  const out = emptyTensor(self.shape, self.dtype);
  if (isTensor(value)) copyInto(out, assigned(value, self.shape));
  else fillInto(out, value.value);
  const v = isTensor(value) ? value : null;
  return record('torch::autograd::CopyBackwards', out, [self, v], (ctx) => (g) => [
    ctx.needs[0] ? zerosLike(g) : null,
    ctx.needs[1] && v !== null ? valueGrad(g, v) : null,
  ], 'CopyBackwards');
}

/** The gradient of an assigned value: summed over the broadcast, reshaped to the value's own shape. */
function valueGrad(g: Tensor, v: Tensor): Tensor {
  let stripped = v.shape.slice();
  while (stripped.length > 0 && stripped[0] === 1) stripped = stripped.slice(1);
  return reshape(sumTo(g, stripped), v.shape);
}

/** `t[index] = value`: through a view for basic indices (CopySlices), index_put for the others. */
export function setIndex(t: Tensor, spec: readonly unknown[], objs: readonly I.IndexObj[], value: Operand): void {
  const v = isTensor(value) ? value : null;
  if (isBasic(spec)) {
    I.getIndex(t, spec, objs); // the indexing errors (IndexError texts), before replaying it as views
    const target = basicChain(t, spec);
    trackView(target, t);
    inplace(target, [v], () => I.setIndex(t, spec, objs, value), (self) => overwrite(self, value));
    return;
  }
  inplace(t, [v], () => I.setIndex(t, spec, objs, value), (self) => {
    const out = emptyTensor(self.shape, self.dtype);
    copyInto(out, self);
    I.setIndex(out, spec, objs, value);
    const pos = indexPositions(t, spec, objs);
    return record('IndexPutBackward0', out, [self, v], (ctx) => (g) => [
      ctx.needs[0] ? zeroAt(g, pos) : null,
      ctx.needs[1] && v !== null ? valueGrad(gatherAt(g, pos), v) : null,
    ]);
  });
}
