/**
 * @file The Tensor: a strided view (shape, strides, offset) of a Storage, plus the fields autograd needs.
 *
 * Ops never mutate shape/strides/offset of an existing tensor except through the explicit in-place view
 * operations (none yet); views share `storage`. Autograd (src/shared/autograd) owns the meaning of
 * requiresGrad/grad/gradFn/retainsGrad; the tensor layer only carries them.
 */
import { ITEM_SIZE, type DType } from './dtype';
import { allocate, type Storage } from './storage';

export type Shape = readonly number[];

export class Tensor {
  requiresGrad = false;
  grad: Tensor | null = null;
  gradFn: unknown | null = null;
  retainsGrad = false;
  /** Whether this tensor is a leaf created by the user (autograd sets it false on op outputs). */
  isLeaf = true;
  /** Autograd's hook point for the tensor's own name in graph views (e.g. a Python variable name). */
  name: string | null = null;

  constructor(
    readonly storage: Storage,
    readonly shape: Shape,
    readonly strides: readonly number[],
    readonly offset: number,
  ) {}

  get dtype(): DType {
    return this.storage.dtype;
  }
  get ndim(): number {
    return this.shape.length;
  }
  get numel(): number {
    return numelOf(this.shape);
  }
  /** The storage version as PyTorch's `t._version` shows it (shared by all views of the storage). */
  get _version(): number {
    return this.storage.version;
  }
  /** A fake but stable address: equal for views starting at the same element of the same storage. */
  get dataPtr(): number {
    return storageBase(this.storage) + this.offset * ITEM_SIZE[this.dtype];
  }
  get isContiguous(): boolean {
    return isContiguous(this.shape, this.strides);
  }
}

/** A fake base address per storage, spaced 2^32 apart so offsets never reach the next storage's range. */
export const storageBase = (s: Storage): number => 0x5000_0000_0000 + s.id * 2 ** 32;

export function numelOf(shape: Shape): number {
  let n = 1;
  for (let i = 0; i < shape.length; i++) n *= shape[i];
  return n;
}

export function contiguousStrides(shape: Shape): number[] {
  const st = new Array<number>(shape.length);
  let s = 1;
  for (let i = shape.length - 1; i >= 0; i--) {
    st[i] = s;
    s *= Math.max(shape[i], 1);
  }
  return st;
}

/** PyTorch's rule: size-1 dimensions may have any stride; empty tensors are contiguous. */
export function isContiguous(shape: Shape, strides: readonly number[]): boolean {
  let expected = 1;
  for (let i = shape.length - 1; i >= 0; i--) {
    if (shape[i] === 0) return true;
    if (shape[i] !== 1) {
      if (strides[i] !== expected) return false;
      expected *= shape[i];
    }
  }
  return true;
}

/** A fresh contiguous zero-filled tensor. */
export function emptyTensor(shape: Shape, dtype: DType): Tensor {
  const n = numelOf(shape);
  return new Tensor(allocate(dtype, n), shape.slice(), contiguousStrides(shape), 0);
}

/** A new view of `t`'s storage (no autograd fields copied: views are new tensors). */
export function makeView(t: Tensor, shape: Shape, strides: readonly number[], offset: number): Tensor {
  return new Tensor(t.storage, shape, strides, offset);
}

/** Marks the storage written in place (bumps the version counter autograd checks). */
export function bumpVersion(t: Tensor): void {
  t.storage.version++;
}
