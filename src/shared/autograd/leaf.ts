/**
 * @file Leaves and edges: the tensors the user created with requires_grad, their one AccumulateGrad node each,
 * and the edge through which a tensor's gradient flows.
 */
import type { Tensor } from '../tensor/tensor';
import { AccumulateGrad, NO_EDGE, type Edge, type Node } from './node';

const accumulators = new WeakMap<Tensor, AccumulateGrad>();

/** The leaf's AccumulateGrad, made on first use and shared by every edge into the leaf. */
export function gradAccumulator(leaf: Tensor): AccumulateGrad {
  let acc = accumulators.get(leaf);
  if (acc === undefined) {
    acc = new AccumulateGrad(leaf);
    accumulators.set(leaf, acc);
  }
  return acc;
}

/** The edge a tensor's gradient flows into: its grad_fn, its leaf accumulator, or nothing. */
export function gradientEdge(t: Tensor): Edge {
  if (t.gradFn) return { node: t.gradFn as Node, inputNr: 0 };
  if (t.requiresGrad) return { node: gradAccumulator(t), inputNr: 0 };
  return NO_EDGE;
}
