/**
 * @file Leaves: the tensors the user created with requires_grad, their one AccumulateGrad node each, and how
 * a gradient is added into `.grad`.
 */
import type { Tensor } from '../tensor/tensor';
import { isGradEnabled } from './grad-mode';
import { AccumulateGrad } from './node';
import * as F from './functions';

const accumulators = new WeakMap<Tensor, AccumulateGrad>();

/** The leaf's AccumulateGrad, made on first use and shared by every edge into the leaf. */
export function gradAccumulator(leaf: Tensor): AccumulateGrad {
  let acc = accumulators.get(leaf);
  if (acc === undefined) {
    acc = new AccumulateGrad(leaf, accumulateGrad);
    accumulators.set(leaf, acc);
  }
  return acc;
}

/**
 * Adds `g` into `leaf.grad`, as PyTorch's AccumulateGrad does: the first gradient is stored as a fresh copy
 * (never an alias of a tensor the graph may still use); later ones are added in place, keeping the identity
 * of `leaf.grad`, unless create_graph asked for a differentiable gradient, which is then built out of place.
 */
function accumulateGrad(leaf: Tensor, g: Tensor): void {
  if (leaf.grad === null) {
    leaf.grad = isGradEnabled() && g.requiresGrad ? F.copyBackwards(g) : F.detachedCopy(g);
  } else if (!isGradEnabled()) {
    F.addInPlaceNoGrad(leaf.grad, g);
  } else {
    leaf.grad = F.add(leaf.grad, g);
  }
}
