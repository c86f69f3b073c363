/**
 * @file Storage: the flat typed array that tensors view, with a version counter bumped by in-place writes.
 *
 * Every allocation goes through `allocate`, so a backend that runs kernels on worker threads can swap in an
 * allocator that returns SharedArrayBuffer memory (setAllocator) without touching any op.
 */
import { arrayFor, BYTES_PER_SLOT, type DType, type StorageArray } from './dtype';
import type { ArrayAllocator } from './accel';

export type Allocator = (bytes: number) => ArrayBufferLike;

let allocator: Allocator = (bytes) => new ArrayBuffer(bytes);

/** Replaces the buffer source for all later storages (e.g. `(n) => new SharedArrayBuffer(n)`). */
export function setAllocator(a: Allocator): void {
  allocator = a;
  slabUsed = SLAB_BYTES; // the next small storage starts a slab from the new allocator
}

/**
 * Storages of at least HEAP_MIN_BYTES may come from `arrayAllocator` instead (the CPU backend's heap, whose
 * memory is one WebAssembly.Memory that cannot be handed out as separate ArrayBuffers): kernels then read them in
 * place. Smaller ones stay on slabs, so tiny tensors cost what they did.
 */
const HEAP_MIN_BYTES = 4096;
let arrayAllocator: ArrayAllocator | null = null;

/** Installs (or removes, with null) the allocator for large storages; it must return zero-filled arrays. */
export function setArrayAllocator(a: ArrayAllocator | null): void {
  arrayAllocator = a;
}

let nextId = 1;

/**
 * What a storage on an accelerator (torch's `cuda` device) does when the host reads it: bring the host copy up
 * to date, blocking on a read-back if the device holds newer values. Implemented in device.ts.
 */
export interface Residency {
  pull(s: Storage): StorageArray;
}

export class Storage {
  /** Identity for `data_ptr()`/`untyped_storage()` comparisons; never reused in a session. */
  readonly id: number;
  /** Bumped by every in-place write; autograd compares saved versions with it. */
  version = 0;
  /**
   * Set while the storage is on the `cuda` device ([Note: cuda residency] in device.ts): the host array is then
   * a cache of the GPU buffer, absent until first read. Null for CPU storages, whose `data` is a plain field read.
   */
  dev: Residency | null = null;
  constructor(readonly dtype: DType, private host: StorageArray | null, readonly length: number = host!.length) {
    this.id = nextId++;
  }
  /** The values on the host; for a cuda storage this may wait for the GPU, as `.item()` does in PyTorch. */
  get data(): StorageArray {
    return this.dev === null ? this.host! : this.dev.pull(this);
  }
  /** For device.ts: the host array as it stands (stale or null on a device), and replacing it. */
  hostArray(): StorageArray | null {
    return this.host;
  }
  setHostArray(a: StorageArray): void {
    this.host = a;
  }
}

/** A storage whose values live only on a device for now (device.ts fills in `dev`). */
export const deviceStorage = (dtype: DType, length: number): Storage => new Storage(dtype, null, length);

/**
 * Small storages are carved out of shared 64 KiB slabs: creating an ArrayBuffer costs far more than the few bytes
 * of a tiny tensor, and per-op overhead on tiny tensors is what Python users feel. A slab lives as long as any
 * storage in it; storages never share bytes. Hence `data.byteOffset` may be nonzero: use `data`, not `data.buffer`.
 */
const SLAB_BYTES = 1 << 16;
const SMALL_BYTES = 512;
let slab: ArrayBufferLike | null = null;
let slabUsed = SLAB_BYTES;

/** The one place that creates storage memory (zero-filled, 8-byte aligned). */
export function allocate(dtype: DType, n: number): Storage {
  const bytes = Math.max(8, Math.ceil((n * BYTES_PER_SLOT[dtype]) / 8) * 8);
  if (bytes >= HEAP_MIN_BYTES && arrayAllocator) {
    const data = arrayAllocator(dtype, n);
    if (data) return new Storage(dtype, data);
  }
  if (bytes > SMALL_BYTES) return new Storage(dtype, arrayFor(dtype, allocator(bytes), 0, n));
  if (slabUsed + bytes > SLAB_BYTES) {
    slab = allocator(SLAB_BYTES);
    slabUsed = 0;
  }
  const data = arrayFor(dtype, slab as ArrayBufferLike, slabUsed, n);
  slabUsed += bytes;
  return new Storage(dtype, data);
}
