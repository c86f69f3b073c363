/** @file Shape arithmetic shared by every op: dimension wrapping, broadcasting, size inference. */
import { indexError, runtimeError } from '../errors';
import type { Shape } from './tensor';

/** Wraps a possibly negative dim into [0, ndim), with PyTorch's IndexError (0-d tensors accept -1 and 0). */
export function wrapDim(dim: number, ndim: number): number {
  const n = Math.max(ndim, 1);
  if (dim < -n || dim >= n) {
    throw indexError(`Dimension out of range (expected to be in range of [${-n}, ${n - 1}], but got ${dim})`);
  }
  return dim < 0 ? dim + n : dim;
}

/** Wraps a list of dims and rejects repeats as PyTorch's reductions do. */
export function wrapDims(dims: readonly number[], ndim: number): number[] {
  const out: number[] = [];
  for (const d of dims) {
    const w = wrapDim(d, ndim);
    if (out.includes(w)) throw runtimeError(`dim ${w} appears multiple times in the list of dims`);
    out.push(w);
  }
  return out;
}

/** The broadcast shape of two shapes, with PyTorch's exact message on mismatch. */
export function broadcastShapes(a: Shape, b: Shape): number[] {
  if (a.length === b.length) {
    let same = true;
    for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) { same = false; break; }
    if (same) return a.slice();
  }
  const n = Math.max(a.length, b.length);
  const out = new Array<number>(n);
  // From the last dim back, as PyTorch reports the rightmost mismatch.
  for (let i = n - 1; i >= 0; i--) {
    const da = i < n - a.length ? 1 : a[i - (n - a.length)];
    const db = i < n - b.length ? 1 : b[i - (n - b.length)];
    if (da === db || db === 1) out[i] = da;
    else if (da === 1) out[i] = db;
    else {
      throw runtimeError(
        `The size of tensor a (${da}) must match the size of tensor b (${db}) at non-singleton dimension ${i}`,
      );
    }
  }
  return out;
}

/** Strides that read a tensor of `shape`/`strides` as if it had `target` shape (0 strides where broadcast). */
export function broadcastStrides(shape: Shape, strides: readonly number[], target: Shape): number[] {
  const n = target.length;
  const k = n - shape.length;
  const out = new Array<number>(n);
  for (let i = 0; i < n; i++) {
    if (i < k) out[i] = 0;
    else out[i] = shape[i - k] === 1 && target[i] !== 1 ? 0 : strides[i - k];
  }
  return out;
}

/** Resolves one -1 in a requested shape against `numel`, with PyTorch's errors. */
export function inferSize(req: readonly number[], numel: number): number[] {
  let infer = -1;
  let known = 1;
  for (let i = 0; i < req.length; i++) {
    if (req[i] === -1) {
      if (infer >= 0) throw runtimeError('only one dimension can be inferred');
      infer = i;
    } else if (req[i] < 0) {
      throw runtimeError(`invalid shape dimension ${req[i]}`);
    } else known *= req[i];
  }
  const out = req.slice();
  if (infer >= 0) {
    if (known === 0) {
      throw runtimeError(
        `cannot reshape tensor of 0 elements into shape [${req.join(', ')}] because the unspecified dimension size -1 can be any value and is ambiguous`,
      );
    }
    if (numel % known === 0) {
      out[infer] = numel / known;
      return out;
    }
  } else if (known === numel) return out;
  throw runtimeError(`shape '[${req.join(', ')}]' is invalid for input of size ${numel}`);
}

export const shapeEq = (a: Shape, b: Shape): boolean => a.length === b.length && a.every((v, i) => v === b[i]);

/** `torch.Size([2, 3])` as PyTorch prints it. */
export const sizeRepr = (s: Shape): string => `torch.Size([${s.join(', ')}])`;
