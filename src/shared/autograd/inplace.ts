/**
 * @file In-place ops under autograd: PyTorch's refusals, and how a write rewrites the history of the tensor.
 *
 * [Note: in-place history] An in-place op first runs on the tensor's memory exactly as the pure core does it
 * (same values, same checks, version counter bumped), and then the graph is rebuilt as if the op had been
 * out of place: the same differentiable op runs on a snapshot of the old value (a copy carrying the old
 * grad_fn), and the tensor takes over the result's grad_fn. Saved tensors that still refer to the old value
 * see the bumped version and refuse to be used, as in PyTorch.
 * Writing through a view also rewrites the base: the base's new grad_fn is CopySlices, which sends the part of
 * the gradient outside the view to the base's old history and the part inside it to the op; the view's own
 * grad_fn becomes AsStridedBackward0, reading its part back out of the base.
 */
import { runtimeError } from '../errors';
import type { Tensor } from '../tensor/tensor';
import * as V from '../tensor/views';
import { gradientEdge } from './leaf';
import { isGradEnabled } from './grad-mode';
import { FunctionNode, NO_EDGE, type Node } from './node';
import { gatherAt, scatterAddAt, viewPositions, zeroAt } from './positions';
import { KEEP_OUTPUT_NUMEL } from './record';
import { viewBase, reshape } from './views';
import { add } from './elementwise';

const isLeafRequiringGrad = (t: Tensor): boolean => t.requiresGrad && t.gradFn === null;

/** PyTorch's refusals for writing into a tensor autograd may need (checked only with grad mode on). */
export function checkInplace(t: Tensor): void {
  if (!isGradEnabled()) return;
  const base = viewBase(t);
  if (base !== null && isLeafRequiringGrad(base)) {
    throw runtimeError('a view of a leaf Variable that requires grad is being used in an in-place operation.');
  }
  if (isLeafRequiringGrad(t)) throw runtimeError('a leaf Variable that requires grad is being used in an in-place operation.');
}

/** A copy of `t`'s current value that keeps `t`'s place in the graph (see [Note: in-place history]). */
function snapshot(t: Tensor): Tensor {
  const s = V.clone(t);
  s.requiresGrad = t.requiresGrad;
  s.gradFn = t.gradFn;
  s.isLeaf = t.gradFn === null;
  return s;
}

/**
 * Runs an in-place op: `pure` writes the new value into `t` (the core's in-place op); `diff` computes the same
 * value out of place from a snapshot of the old one, to build the graph. `others` are the op's other tensors.
 */
export function inplace(t: Tensor, others: readonly (Tensor | null)[], pure: () => void, diff: (self: Tensor) => Tensor): Tensor {
  checkInplace(t);
  if (!isGradEnabled() || (!t.requiresGrad && !others.some((o) => o !== null && o.requiresGrad))) {
    pure();
    return t;
  }
  const snap = snapshot(t);
  pure();
  const r = diff(snap);
  if (r.gradFn !== null) rebase(t, r);
  return t;
}

/** Gives `t` the history of `r`, its out-of-place twin (see [Note: in-place history]). */
function rebase(t: Tensor, r: Tensor): void {
  const node = r.gradFn as Node;
  const base = viewBase(t);
  if (base === null) {
    t.gradFn = node;
    t.requiresGrad = true;
    t.isLeaf = false;
    node.output = t.numel <= KEEP_OUTPUT_NUMEL ? t : null;
    return;
  }
  const pos = viewPositions(base, t);
  const baseEdge = base.requiresGrad ? gradientEdge(base) : NO_EDGE;
  // As PyTorch's CopySlices, this node takes over the op's own node: its edges are the base's old history and
  // the op's other inputs; the op's gradient for the old view values goes back into the base, in the region.
  const copySlices = new FunctionNode('torch::autograd::CopySlices', [baseEdge, ...node.next.slice(1)], base.shape, base.dtype, 'CopySlices');
  copySlices.backwardFn = (g) => {
    const res = node.apply(reshape(gatherAt(g, pos), t.shape));
    const outside = zeroAt(g, pos);
    const toBase = res[0] ? add(outside, scatterAddAt(res[0], pos, base.shape)) : outside;
    return [baseEdge.node !== null ? toBase : null, ...res.slice(1)];
  };
  copySlices.releaseAlso(node);
  copySlices.output = base.numel <= KEEP_OUTPUT_NUMEL ? base : null;
  base.gradFn = copySlices;
  base.requiresGrad = true;
  base.isLeaf = false;
  const asStrided = new FunctionNode('AsStridedBackward0', [{ node: copySlices, inputNr: 0 }], t.shape, t.dtype);
  asStrided.backwardFn = (g) => [scatterAddAt(g, pos, base.shape)];
  asStrided.output = t.numel <= KEEP_OUTPUT_NUMEL ? t : null;
  t.gradFn = asStrided;
  t.requiresGrad = true;
  t.isLeaf = false;
}
