/**
 * @file The differentiable ops, in one namespace: what the Python-facing API and the backward rules call.
 * Each op computes with the pure tensor core and records a graph node when grad mode is on and an input
 * requires grad (record.ts); with grad mode off they cost the core op plus one check.
 */
import { binaryInplace } from '../tensor/binary';
import { onesLike as coreOnesLike } from '../tensor/creation';
import type { Tensor } from '../tensor/tensor';
import * as V from '../tensor/views';
import { record } from './record';

export * from './elementwise';
export * from './reduce';
export * from './views';
export * from './linalg';

/** The implicit root gradient of a scalar output. */
export const onesLike = (t: Tensor): Tensor => coreOnesLike(t);

/** A contiguous copy that carries no history (the first gradient stored into a leaf's `.grad`). */
export const detachedCopy = (g: Tensor): Tensor => V.contiguous(g, true);

/** `leaf.grad += g` without recording, keeping the identity of `leaf.grad`. */
export function addInPlaceNoGrad(acc: Tensor, g: Tensor): void {
  binaryInplace('add', acc, g);
}

/**
 * The first gradient stored into a leaf under create_graph: a copy that stays differentiable, which PyTorch
 * shows as `grad_fn=<CopyBackwards>`.
 */
export function copyBackwards(g: Tensor): Tensor {
  return record('torch::autograd::CopyBackwards', V.contiguous(g, true), [g], () => (gg) => [gg], 'CopyBackwards');
}
export * from './join';
