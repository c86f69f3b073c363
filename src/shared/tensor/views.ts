/**
 * @file View operations: they only compute new shape/strides/offset over the same storage (no data moves),
 * except reshape/contiguous/flatten which copy only when no view can express the result, as PyTorch does.
 */
import { indexError, runtimeError } from '../errors';
import { TYPE_NAME } from './dtype';
import { copyInto } from './copy';
import { gpuCopy, isCuda } from './device';
import { emptyStrided, preservedStrides } from './layout';
import { inferSize, wrapDim } from './shape';
import { contiguousStrides, emptyTensor, makeView, numelOf, type Shape, type Tensor } from './tensor';

/** at::detail::computeStride: strides that view `old` as `shape`, or null when no view can. */
function computeStride(oldShape: Shape, oldStride: readonly number[], shape: Shape): number[] | null {
  if (oldShape.length === 0) return shape.map(() => 1);
  const numel = numelOf(oldShape);
  if (numel === 0 && oldShape.length === shape.length && oldShape.every((v, i) => v === shape[i])) return oldStride.slice();
  const newStride = new Array<number>(shape.length);
  if (numel === 0) {
    for (let d = shape.length - 1; d >= 0; d--) {
      newStride[d] = d === shape.length - 1 ? 1 : Math.max(shape[d + 1], 1) * newStride[d + 1];
    }
    return newStride;
  }
  let viewD = shape.length - 1;
  let chunkBase = oldStride[oldStride.length - 1];
  let tensorNumel = 1;
  let viewNumel = 1;
  for (let td = oldShape.length - 1; td >= 0; td--) {
    tensorNumel *= oldShape[td];
    if (td === 0 || (oldShape[td - 1] !== 1 && oldStride[td - 1] !== tensorNumel * chunkBase)) {
      while (viewD >= 0 && (viewNumel < tensorNumel || shape[viewD] === 1)) {
        newStride[viewD] = viewNumel * chunkBase;
        viewNumel *= shape[viewD];
        viewD--;
      }
      if (viewNumel !== tensorNumel) return null;
      if (td > 0) {
        chunkBase = oldStride[td - 1];
        tensorNumel = 1;
        viewNumel = 1;
      }
    }
  }
  return viewD === -1 ? newStride : null;
}

export function view(t: Tensor, shape: readonly number[]): Tensor {
  const s = inferSize(shape, t.numel);
  const st = computeStride(t.shape, t.strides, s);
  if (st === null) {
    throw runtimeError(
      "view size is not compatible with input tensor's size and stride (at least one dimension spans across two contiguous subspaces). Use .reshape(...) instead.",
    );
  }
  return makeView(t, s, st, t.offset);
}

/** A view when the strides allow it, otherwise a contiguous copy. */
export function reshape(t: Tensor, shape: readonly number[]): Tensor {
  const s = inferSize(shape, t.numel);
  const st = computeStride(t.shape, t.strides, s);
  if (st !== null) return makeView(t, s, st, t.offset);
  return makeView(contiguous(t, true), s, contiguousStrides(s), 0);
}

/** `t` itself when already contiguous (as PyTorch returns self), else a contiguous copy. */
export function contiguous(t: Tensor, forceCopy = false): Tensor {
  if (t.isContiguous && !forceCopy) return t;
  const onDevice = isCuda(t) && gpuCopy(t, contiguousStrides(t.shape));
  if (onDevice) return onDevice;
  const out = emptyTensor(t.shape, t.dtype);
  copyInto(out, t);
  return out;
}

/** A copy with its own storage, keeping a dense input's strides (PyTorch's preserve_format). */
export function clone(t: Tensor): Tensor {
  const onDevice = isCuda(t) && gpuCopy(t, preservedStrides(t));
  if (onDevice) return onDevice;
  const out = emptyStrided(t.shape, preservedStrides(t), t.dtype);
  copyInto(out, t);
  return out;
}

export function transpose(t: Tensor, d0: number, d1: number): Tensor {
  const a = wrapDim(d0, t.ndim), b = wrapDim(d1, t.ndim);
  if (t.ndim === 0) return makeView(t, [], [], t.offset);
  const shape = t.shape.slice(), strides = t.strides.slice();
  [shape[a], shape[b]] = [shape[b], shape[a]];
  [strides[a], strides[b]] = [strides[b], strides[a]];
  return makeView(t, shape, strides, t.offset);
}

/** `t.t()`: only for tensors of at most 2 dims. */
export function t2(t: Tensor): Tensor {
  if (t.ndim > 2) throw runtimeError(`t() expects a tensor with <= 2 dimensions, but self is ${t.ndim}D`);
  return t.ndim < 2 ? makeView(t, t.shape, t.strides, t.offset) : transpose(t, 0, 1);
}

/** `t.T`: reverses all dimensions (the Python facade warns for ndim other than 2, as PyTorch 1.13 does). */
export function reverseDims(t: Tensor): Tensor {
  return permute(t, t.shape.map((_, i) => t.ndim - 1 - i));
}

export function permute(t: Tensor, dims: readonly number[]): Tensor {
  if (dims.length !== t.ndim) {
    throw runtimeError(
      `permute(sparse_coo): number of dimensions in the tensor input does not match the length of the desired ordering of dimensions i.e. input.dim() = ${t.ndim} is not equal to len(dims) = ${dims.length}`,
    );
  }
  const w = dims.map((d) => wrapDim(d, t.ndim));
  if (new Set(w).size !== w.length) throw runtimeError('permute(): duplicate dims are not allowed.');
  return makeView(t, w.map((d) => t.shape[d]), w.map((d) => t.strides[d]), t.offset);
}

export function expand(t: Tensor, sizes: readonly number[]): Tensor {
  if (sizes.length < t.ndim) {
    throw runtimeError(
      `expand(torch.${TYPE_NAME[t.dtype]}Tensor{[${t.shape.join(', ')}]}, size=[${sizes.join(', ')}]): the number of sizes provided (${sizes.length}) must be greater or equal to the number of dimensions in the tensor (${t.ndim})`,
    );
  }
  const k = sizes.length - t.ndim;
  const shape = new Array<number>(sizes.length), strides = new Array<number>(sizes.length);
  for (let i = sizes.length - 1; i >= 0; i--) {
    const j = i - k;
    const want = sizes[i];
    if (j < 0) {
      if (want < 0) throw runtimeError(`The expanded size of the tensor (${want}) isn't allowed in a leading, non-existing dimension ${i}`);
      shape[i] = want; strides[i] = 0;
      continue;
    }
    const have = t.shape[j];
    if (want === -1 || want === have) { shape[i] = have; strides[i] = t.strides[j]; }
    else if (have === 1) { shape[i] = want; strides[i] = 0; }
    else {
      throw runtimeError(
        `The expanded size of the tensor (${want}) must match the existing size (${have}) at non-singleton dimension ${i}.  Target sizes: [${sizes.join(', ')}].  Tensor sizes: [${t.shape.join(', ')}]`,
      );
    }
  }
  return makeView(t, shape, strides, t.offset);
}

/** squeeze(): all size-1 dims; squeeze(d): that dim if it has size 1, else an unchanged view. */
export function squeeze(t: Tensor, dim?: number | null): Tensor {
  if (dim === undefined || dim === null) {
    const keep = t.shape.map((s, i) => i).filter((i) => t.shape[i] !== 1);
    return makeView(t, keep.map((i) => t.shape[i]), keep.map((i) => t.strides[i]), t.offset);
  }
  const d = wrapDim(dim, t.ndim);
  if (t.ndim === 0 || t.shape[d] !== 1) return makeView(t, t.shape, t.strides, t.offset);
  return makeView(t, t.shape.filter((_, i) => i !== d), t.strides.filter((_, i) => i !== d), t.offset);
}

export function unsqueeze(t: Tensor, dim: number): Tensor {
  const d = wrapDim(dim, t.ndim + 1);
  const shape = t.shape.slice(), strides = t.strides.slice();
  const st = d < t.ndim ? t.shape[d] * t.strides[d] : 1;
  shape.splice(d, 0, 1);
  strides.splice(d, 0, st);
  return makeView(t, shape, strides, t.offset);
}

export function flatten(t: Tensor, startDim = 0, endDim = -1): Tensor {
  const s = wrapDim(startDim, t.ndim), e = wrapDim(endDim, t.ndim);
  if (s > e) throw runtimeError('flatten() has invalid args: start_dim cannot come after end_dim');
  if (t.ndim === 0) return reshape(t, [1]);
  if (s === e) return t;
  const mid = t.shape.slice(s, e + 1).reduce((x, y) => x * y, 1);
  return reshape(t, [...t.shape.slice(0, s), mid, ...t.shape.slice(e + 1)]);
}

export function narrow(t: Tensor, dim: number, start: number, length: number): Tensor {
  if (t.ndim === 0) throw runtimeError('narrow() cannot be applied to a 0-dim tensor.');
  const d = wrapDim(dim, t.ndim);
  const size = t.shape[d];
  if (start < -size || start > size) {
    throw indexError(`Dimension out of range (expected to be in range of [${-size}, ${size - 1}], but got ${start})`);
  }
  const st = start < 0 ? start + size : start;
  if (length < 0) throw runtimeError('narrow(): length must be non-negative.');
  if (st + length > size) throw runtimeError(`start (${st}) + length (${length}) exceeds dimension size (${size}).`);
  return sliceDim(t, d, st, st + length, 1);
}

/** The view t[..., start:stop:step, ...] on wrapped dim `d` (bounds already clamped, step > 0). */
export function sliceDim(t: Tensor, d: number, start: number, stop: number, step: number): Tensor {
  const len = stop > start ? Math.floor((stop - start + step - 1) / step) : 0;
  const shape = t.shape.slice(), strides = t.strides.slice();
  shape[d] = len;
  strides[d] = t.strides[d] * step;
  return makeView(t, shape, strides, t.offset + (len > 0 ? start * t.strides[d] : 0));
}

/** The view t.select(d, i): drops dim `d` at index `i` (t[i] checks bounds itself, with its own message). */
export function select(t: Tensor, dim: number, index: number): Tensor {
  if (t.ndim === 0) throw indexError('select() cannot be applied to a 0-dim tensor.');
  const d = wrapDim(dim, t.ndim);
  const size = t.shape[d];
  if (index < -size || index >= size) {
    throw indexError(`select(): index ${index} out of range for tensor of size [${t.shape.join(', ')}] at dimension ${d}`);
  }
  const i = index < 0 ? index + size : index;
  const shape = t.shape.slice(), strides = t.strides.slice();
  shape.splice(d, 1);
  strides.splice(d, 1);
  return makeView(t, shape, strides, t.offset + i * t.strides[d]);
}

/** A view with the same shape and strides (`detach`, `view_as(self)`): a new tensor object, same storage. */
export const alias = (t: Tensor): Tensor => makeView(t, t.shape, t.strides, t.offset);
