/**
 * @file Memory layout of new tensors, as PyTorch picks it: elementwise outputs follow their inputs' dimension
 * order (x.t() + 1 has x.t()'s strides), and clone/to/*_like preserve a dense input's strides.
 *
 * This matters beyond stride(): `(x.t() + 1).view(-1)` fails in PyTorch because the result is not contiguous.
 */
import { runtimeError } from '../errors';
import type { DType } from './dtype';
import { allocate } from './storage';
import { contiguousStrides, isContiguous, Tensor, type Shape } from './tensor';
import { broadcastStrides } from './shape';

/**
 * TensorIterator's reorder_dimensions: an insertion sort of dims (innermost first) by the operands' strides,
 * skipping broadcast (stride 0) dims and breaking equal strides by size. Returns output strides.
 */
export function elementwiseStrides(shape: Shape, operands: readonly Tensor[]): number[] {
  if (operands.every((t) => isContiguous(t.shape, t.strides)) || shape.length < 2) return contiguousStrides(shape);
  const strides = operands.map((t) => broadcastStrides(t.shape, t.strides, shape));
  const n = shape.length;
  const perm = Array.from({ length: n }, (_, i) => n - 1 - i);
  const shouldSwap = (d0: number, d1: number): number => {
    for (const s of strides) {
      const s0 = s[d0], s1 = s[d1];
      if (s0 === 0 || s1 === 0) continue;
      if (s0 < s1) return -1;
      if (s0 > s1) return 1;
      if (shape[d0] > shape[d1]) return 1;
    }
    return 0;
  };
  for (let i = 1; i < n; i++) {
    let d1 = i;
    for (let d0 = i - 1; d0 >= 0; d0--) {
      const c = shouldSwap(perm[d0], perm[d1]);
      if (c > 0) { [perm[d0], perm[d1]] = [perm[d1], perm[d0]]; d1 = d0; } else if (c < 0) break;
    }
  }
  const out = new Array<number>(n);
  let acc = 1;
  for (const d of perm) { out[d] = acc; acc *= Math.max(shape[d], 1); }
  return out;
}

/** Whether t's elements exactly tile a block of storage with no gaps or overlaps (PyTorch's non_overlapping_and_dense). */
export function isDense(t: Tensor): boolean {
  const dims = t.shape.map((_, i) => i).filter((i) => t.shape[i] !== 1).sort((a, b) => t.strides[a] - t.strides[b]);
  let expected = 1;
  for (const d of dims) {
    if (t.strides[d] !== expected) return false;
    expected *= t.shape[d];
  }
  return true;
}

/** Strides for a copy of t under memory_format=torch.preserve_format. */
export function preservedStrides(t: Tensor): number[] {
  if (isContiguous(t.shape, t.strides) || !isDense(t)) return contiguousStrides(t.shape);
  return t.strides.slice();
}

/** A zero-filled tensor of `shape` with the given dense strides. */
export function emptyStrided(shape: Shape, strides: readonly number[], dtype: DType): Tensor {
  let n = 1;
  for (const s of shape) n *= s;
  return new Tensor(allocate(dtype, n), shape.slice(), strides.slice(), 0);
}

/**
 * PyTorch's assert_no_partial_overlap for an in-place write of `input` into `out`: refusing inputs whose memory
 * partly overlaps the destination (X += X.t(), X[1:] = X[:-1]) rather than computing with aliased reads.
 * Exactly the same view (X += X) is fine; layouts that are not dense are too hard to decide and pass, as there.
 */
export function assertNoPartialOverlap(out: Tensor, input: Tensor): void {
  if (out === input || out.storage !== input.storage || out.numel === 0 || input.numel === 0) return;
  if (!isDense(out) || !isDense(input)) return;
  const a0 = out.offset, a1 = a0 + out.numel, b0 = input.offset, b1 = b0 + input.numel;
  const same = a0 === b0 && a1 === b1 && out.strides.every((s, i) => s === input.strides[i]) && out.ndim === input.ndim;
  if (same) return;
  if (a0 < b1 && b0 < a1) {
    throw runtimeError('unsupported operation: some elements of the input tensor and the written-to tensor refer to a single memory location. Please clone() the tensor before performing the operation.');
  }
}

/** PyTorch's assert_no_internal_overlap: an in-place destination may not repeat memory (an expanded view). */
export function assertNoInternalOverlap(out: Tensor): void {
  if (isDense(out)) return;
  if (out.shape.some((s, i) => s > 1 && out.strides[i] === 0)) {
    throw runtimeError('unsupported operation: more than one element of the written-to tensor refers to a single memory location. Please clone() the tensor before performing the operation.');
  }
}
