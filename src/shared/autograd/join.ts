/**
 * @file Differentiable cat and stack: each input's gradient is its own slab of the output gradient.
 */
import * as J from '../tensor/join';
import { wrapDim } from '../tensor/shape';
import type { Tensor } from '../tensor/tensor';
import { record } from './record';
import { narrow, select } from './views';

export function cat(tensors: readonly Tensor[], dim = 0): Tensor {
  const out = J.cat(tensors, dim);
  return record('CatBackward0', out, tensors, (ctx) => {
    const d = wrapDim(dim, out.ndim);
    const starts: number[] = [];
    let at = 0;
    for (const t of tensors) {
      starts.push(at);
      if (!(t.ndim === 1 && t.shape[0] === 0)) at += t.shape[d];
    }
    return (g) =>
      tensors.map((t, i) => {
        if (!ctx.needs[i]) return null;
        const len = t.ndim === 1 && t.shape[0] === 0 ? 0 : t.shape[d];
        return narrow(g, d, starts[i], len);
      });
  });
}

export function stack(tensors: readonly Tensor[], dim = 0): Tensor {
  const out = J.stack(tensors, dim);
  return record('StackBackward0', out, tensors, (ctx) => {
    const d = wrapDim(dim, out.ndim);
    return (g) => tensors.map((_, i) => (ctx.needs[i] ? select(g, d, i) : null));
  });
}
