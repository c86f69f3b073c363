/**
 * @file Differentiable views: reshape/view, transpose/permute, expand, squeeze/unsqueeze, select, slice, narrow,
 * plus clone/contiguous. A view's gradient is the view undone: reshape back, transpose back, or the gradient
 * written into zeros of the input's shape at the viewed positions (select, slice).
 *
 * Every view output remembers its base (the tensor that owns the memory), which in-place ops need: writing
 * into a view of a leaf that requires grad is an error, writing into a view of anything else rewrites the
 * base's history (see inplace.ts).
 */
import { zeros } from '../tensor/creation';
import { copyInto } from '../tensor/copy';
import { wrapDim } from '../tensor/shape';
import type { Tensor } from '../tensor/tensor';
import * as V from '../tensor/views';
import { isGradEnabled } from './grad-mode';
import { record, recording } from './record';
import { sumTo } from './reduce';

const bases = new WeakMap<Tensor, Tensor>();

/** The tensor whose memory `t` views, or null when `t` is not a view made by a differentiable view op. */
export const viewBase = (t: Tensor): Tensor | null => bases.get(t) ?? null;

/**
 * Remembers the base of a view that autograd may have to rewrite later: only while recording on an input that
 * requires grad (a WeakMap entry per view is not free). Writing through a view of a tensor that did not require
 * grad when the view was made therefore gives the view its own history and leaves the base's alone.
 */
function markView(out: Tensor, input: Tensor): Tensor {
  if (input.requiresGrad && isGradEnabled() && out.storage === input.storage && out !== input) bases.set(out, bases.get(input) ?? input);
  return out;
}

/** Makes `view` count as a view of `input`'s base for in-place rewrites, whatever the grad state (setitem). */
export function trackView(view: Tensor, input: Tensor): void {
  if (view.storage === input.storage && view !== input) bases.set(view, bases.get(input) ?? input);
}

/** Records a view op whose backward is another (differentiable) op on the gradient. */
function viewOp(name: string, input: Tensor, out: Tensor, back: (g: Tensor) => Tensor): Tensor {
  markView(out, input);
  if (!recording([input])) return out;
  return record(name, out, [input], () => (g) => [back(g)]);
}

export const view = (x: Tensor, shape: readonly number[]): Tensor =>
  viewOp('ViewBackward0', x, V.view(x, shape), (g) => reshape(g, x.shape));

/**
 * reshape is a view when strides allow (ReshapeAliasBackward0), otherwise PyTorch clones and then views the copy
 * (UnsafeViewBackward0 over CloneBackward0); the graph shows the same two steps.
 */
export function reshape(x: Tensor, shape: readonly number[]): Tensor {
  const out = V.reshape(x, shape);
  if (out.storage === x.storage) return viewOp('ReshapeAliasBackward0', x, out, (g) => reshape(g, x.shape));
  const copy = contiguousCopy(x);
  const flat = V.view(copy, out.shape);
  if (!recording([copy])) return flat;
  return record('UnsafeViewBackward0', flat, [copy], () => (g) => [reshape(g, copy.shape)]);
}

export function flatten(x: Tensor, startDim = 0, endDim = -1): Tensor {
  if (x.ndim === 0) return reshape(x, [1]);
  const s = wrapDim(startDim, x.ndim), e = wrapDim(endDim, x.ndim);
  if (s >= e) return V.flatten(x, startDim, endDim); // x itself, or PyTorch's error for s > e
  const mid = x.shape.slice(s, e + 1).reduce((p, q) => p * q, 1);
  return reshape(x, [...x.shape.slice(0, s), mid, ...x.shape.slice(e + 1)]);
}

export const transpose = (x: Tensor, d0: number, d1: number): Tensor =>
  viewOp('TransposeBackward0', x, V.transpose(x, d0, d1), (g) => transpose(g, d0, d1));

/** `t.t()`: TBackward0. */
export const t2 = (x: Tensor): Tensor => viewOp('TBackward0', x, V.t2(x), (g) => t2(g));

export function permute(x: Tensor, dims: readonly number[]): Tensor {
  const out = V.permute(x, dims);
  const inverse = new Array<number>(dims.length);
  dims.forEach((d, i) => (inverse[wrapDim(d, x.ndim)] = i));
  return viewOp('PermuteBackward0', x, out, (g) => permute(g, inverse));
}

/** `t.T` is a permute in PyTorch (PermuteBackward0). */
export const reverseDims = (x: Tensor): Tensor => permute(x, x.shape.map((_, i) => x.ndim - 1 - i));

export const expand = (x: Tensor, sizes: readonly number[]): Tensor =>
  viewOp('ExpandBackward0', x, V.expand(x, sizes), (g) => sumTo(g, x.shape));

export function squeeze(x: Tensor, dim?: number | null): Tensor {
  const out = V.squeeze(x, dim);
  if (dim === undefined || dim === null) return viewOp('SqueezeBackward0', x, out, (g) => reshape(g, x.shape));
  const d = x.ndim === 0 ? 0 : wrapDim(dim, x.ndim);
  return viewOp('SqueezeBackward1', x, out, (g) => (x.ndim > 0 && x.shape[d] === 1 ? unsqueeze(g, d) : g));
}

export const unsqueeze = (x: Tensor, dim: number): Tensor => {
  const d = wrapDim(dim, x.ndim + 1);
  return viewOp('UnsqueezeBackward0', x, V.unsqueeze(x, d), (g) => squeeze(g, d));
};

/**
 * The gradient of a strided view: `g` written into zeros of the input's shape through the same view. Itself
 * recorded (named like PyTorch's double-backward nodes) so that create_graph can go through it.
 */
function embed(name: string, g: Tensor, shape: readonly number[], viewOf: (t: Tensor) => Tensor): Tensor {
  const out = zeros(shape, g.dtype);
  copyInto(viewOf(out), g);
  if (!recording([g])) return out;
  return record(name, out, [g], () => (gg) => [viewOf(gg)]);
}

export function select(x: Tensor, dim: number, index: number): Tensor {
  const d = wrapDim(dim, Math.max(x.ndim, 1));
  return viewOp('SelectBackward0', x, V.select(x, dim, index), (g) =>
    embed('SelectBackwardBackward0', g, x.shape, (t) => select(t, d, index)));
}

/** x[..., start:stop:step, ...] on dim `d` (bounds already clamped by the indexing code). */
export function sliceDim(x: Tensor, d: number, start: number, stop: number, step: number): Tensor {
  return viewOp('SliceBackward0', x, V.sliceDim(x, d, start, stop, step), (g) =>
    embed('SliceBackwardBackward0', g, x.shape, (t) => sliceDim(t, d, start, stop, step)));
}

export function narrow(x: Tensor, dim: number, start: number, length: number): Tensor {
  const out = V.narrow(x, dim, start, length);
  const d = wrapDim(dim, x.ndim);
  const st = start < 0 ? start + x.shape[d] : start;
  return viewOp('SliceBackward0', x, out, (g) =>
    embed('SliceBackwardBackward0', g, x.shape, (t) => sliceDim(t, d, st, st + length, 1)));
}

/** `view_as(self)`-like alias, used by detach and by `positive`. */
export const alias = (x: Tensor): Tensor => viewOp('AliasBackward0', x, V.alias(x), (g) => g);

export function clone(x: Tensor): Tensor {
  const out = V.clone(x);
  if (!recording([x])) return out;
  return record('CloneBackward0', out, [x], () => (g) => [g]);
}

/** clone(memory_format=contiguous): also CloneBackward0 in PyTorch. */
function contiguousCopy(x: Tensor): Tensor {
  const out = V.contiguous(x, true);
  if (!recording([x])) return out;
  return record('CloneBackward0', out, [x], () => (g) => [g]);
}

/** `x` itself when contiguous (no node, as PyTorch returns self), else a recorded contiguous clone. */
export const contiguous = (x: Tensor): Tensor => (x.isContiguous ? x : contiguousCopy(x));
