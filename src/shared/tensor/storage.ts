/**
 * @file Storage: the flat typed array that tensors view, with a version counter bumped by in-place writes.
 *
 * Every allocation goes through `allocate`, so a backend that runs kernels on worker threads can swap in an
 * allocator that returns SharedArrayBuffer memory (setAllocator) without touching any op.
 */
import { arrayFor, BYTES_PER_SLOT, type DType, type StorageArray } from './dtype';

export type Allocator = (bytes: number) => ArrayBufferLike;

let allocator: Allocator = (bytes) => new ArrayBuffer(bytes);

/** Replaces the buffer source for all later storages (e.g. `(n) => new SharedArrayBuffer(n)`). */
export function setAllocator(a: Allocator): void {
  allocator = a;
}

let nextId = 1;

export class Storage {
  /** Identity for `data_ptr()`/`untyped_storage()` comparisons; never reused in a session. */
  readonly id: number;
  /** Bumped by every in-place write; autograd compares saved versions with it. */
  version = 0;
  constructor(readonly dtype: DType, readonly data: StorageArray) {
    this.id = nextId++;
  }
  get length(): number {
    return this.data.length;
  }
}

/** The one place that creates storage memory (zero-filled). */
export function allocate(dtype: DType, n: number): Storage {
  // Round up to 8 bytes so a shared allocator can hand out aligned blocks of any dtype.
  const bytes = Math.max(8, Math.ceil((n * BYTES_PER_SLOT[dtype]) / 8) * 8);
  return new Storage(dtype, arrayFor(dtype, allocator(bytes), n));
}
