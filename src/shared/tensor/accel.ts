/**
 * @file The tensor core's hook for an accelerated CPU backend (src/shared/backends/cpu): the engine installs one
 * with `setCpuKernels`; without it (unit tests, pyrun) every op runs the TypeScript loops, which stay the oracle.
 * [Note: accelerated paths] Only large, contiguous, cast-free float32/float64 work goes to the backend: matmul
 * (mm/mv/matmul/@/bmm), add/sub/mul/div, neg/abs/sqrt, sums over everything, trailing dims or leading dims (sum, mean),
 * and cumsum along a dim whose rows are contiguous. Below the thresholds an op never looks further than one null
 * check, so tiny tensors keep their per-op cost. Every path here gives the TypeScript loops' result bit for bit:
 * elementwise ops are single IEEE operations; sums use the backend's `orderedSum`, which adds in cascade-sum.ts's
 * (PyTorch's) order, not its faster threaded `sum`; cumsum uses the exact sequential f64 scan.
 */
import type { CpuBackend } from '../backends/cpu/index';
import type { DType, StorageArray } from './dtype';
import type { View } from './iterate';
import type { Tensor } from './tensor';

/** What the core calls; a CpuBackend fits, and the engine wraps one to turn an interrupt into KeyboardInterrupt. */
export type CpuKernels = Pick<CpuBackend, 'binary' | 'binaryScalar' | 'unary' | 'orderedSum' | 'orderedRowSums' | 'orderedColumnSums' | 'cumsum' | 'matmulF32' | 'matmulF64' | 'isShared'>;

/** Elementwise ops at or above this many elements run on the backend (its wasm beats the JS loop from ~4k). */
export const ELEMENTWISE_MIN = 1 << 14;
/**
 * Sums of rows at least this long run on the backend. Measured per float32 row: wasm 0.12 µs at 64 elements and
 * 0.18 at 256, against 0.41 and 1.13 for the TS cascade; in practice a row reaches the backend only when its
 * storage is on the heap (from 4 KiB, storage.ts), and tiny tensors stop at the first comparison.
 */
export const SUM_MIN = 256;
/** cumsum rows at least this long run on the backend (its exact scan: ~0.7 ns per element, 7.3 ms for 10^7; TS ~14). */
export const CUMSUM_MIN = 256;
/** Matmuls with at least this many multiply-adds run on the backend. */
export const MATMUL_MIN = 48 * 48 * 48;

let kernels: CpuKernels | null = null;

export function setCpuKernels(k: CpuKernels | null): void { kernels = k; }
export const cpuKernels = (): CpuKernels | null => kernels;

export const isAccelDtype = (d: DType): d is 'float32' | 'float64' => d === 'float32' || d === 'float64';

/** Storage memory for floats on the backend heap; null leaves the dtype to the default allocator. */
export type ArrayAllocator = (dtype: DType, n: number) => StorageArray | null;

const ACCEL_BINARY = new Set<string>(['add', 'sub', 'mul', 'div']);

/** True when `strides` walk `shape` densely in row-major order (size-1 axes may have any stride). */
function dense(shape: readonly number[], strides: readonly number[]): boolean {
  let acc = 1;
  for (let d = shape.length - 1; d >= 0; d--) {
    if (shape[d] !== 1 && strides[d] !== acc) return false;
    acc *= shape[d]!;
  }
  return true;
}
/** A Python scalar operand: binary.ts gives it a one-element view with all strides 0. */
const isScalarView = (v: View, shape: readonly number[]): boolean => v.data.length === 1 && v.strides.every((s) => s === 0) && shape.some((s) => s !== 1);

/**
 * out = a op b on the backend when it pays ([Note: accelerated paths]); false leaves the op to the caller's
 * loops. All views must already be in `dtype` (no casts) and broadcast to `shape`.
 */
export function accelBinary(op: string, dtype: DType, shape: readonly number[], n: number, out: View, a: View, b: View): boolean {
  const k = kernels;
  if (k === null || n < ELEMENTWISE_MIN || !isAccelDtype(dtype) || !ACCEL_BINARY.has(op) || !dense(shape, out.strides)) return false;
  const o = out.data as Float32Array | Float64Array;
  const x = a.data as Float32Array | Float64Array, y = b.data as Float32Array | Float64Array;
  const bop = op as 'add' | 'sub' | 'mul' | 'div';
  // storages off the heap (past its budget) would be copied in and out, which costs more than the JS loop saves
  if (!k.isShared(o)) return false;
  if (dense(shape, a.strides) && dense(shape, b.strides) && k.isShared(x) && k.isShared(y)) {
    // binary.ts hands float64 views over float32 storage only with a cast, which never reaches here
    k.binary(bop, x, a.offset, y, b.offset, o, out.offset, n);
    return true;
  }
  if (dense(shape, a.strides) && isScalarView(b, shape) && k.isShared(x)) { k.binaryScalar(bop, x, a.offset, y[0]!, false, o, out.offset, n); return true; }
  if (dense(shape, b.strides) && isScalarView(a, shape) && k.isShared(y)) { k.binaryScalar(bop, y, b.offset, x[0]!, true, o, out.offset, n); return true; }
  return false;
}

const ACCEL_UNARY = new Set<string>(['neg', 'abs', 'sqrt']);

/**
 * out = op(t) on the backend for neg/abs/sqrt of large contiguous float tensors (out may be t itself): exact
 * IEEE operations, so the result is the TypeScript loop's (sqrt of a float32 computed in double and rounded once
 * is the correctly rounded float32 sqrt). False leaves the op to the caller.
 */
export function accelUnary(op: string, t: Tensor, out: Tensor): boolean {
  const k = kernels;
  if (k === null || t.numel < ELEMENTWISE_MIN || !ACCEL_UNARY.has(op) || !isAccelDtype(t.dtype) || out.dtype !== t.dtype) return false;
  if (!t.isContiguous || !out.isContiguous) return false;
  const x = t.storage.data as Float32Array | Float64Array, o = out.storage.data as Float32Array | Float64Array;
  if (!k.isShared(x) || !k.isShared(o)) return false;
  k.unary(op as 'neg' | 'abs' | 'sqrt', x, t.offset, o, out.offset, t.numel);
  return true;
}

/** The sum of a contiguous float row in PyTorch's order on the backend, or null to leave it to contiguousRowSum. */
export function accelRowSum(data: StorageArray, offset: number, n: number): number | null {
  const k = kernels;
  if (k === null || n < SUM_MIN || !(data instanceof Float32Array || data instanceof Float64Array) || !k.isShared(data)) return null;
  return k.orderedSum(data, offset, n);
}

/**
 * Sums of a contiguous tensor over dims that cover its tail (every dim from the first reduced one on is reduced
 * or has size 1): each output element is then one contiguous row, which the cascade sums as contiguousRowSum
 * does and adds to the output's zero. Writes od[j] = sum / divisor and returns true, or false when this layout
 * does not apply, the tensor is small or rows are shorter than one 128-byte block.
 */
export function accelInnerSums(t: Tensor, dims: readonly number[], od: StorageArray, divisor: number): boolean {
  const k = kernels;
  if (k === null || dims.length === 0 || t.numel < SUM_MIN || !t.isContiguous || !isAccelDtype(t.dtype)) return false;
  const first = Math.min(...dims);
  let inner = 1;
  for (let d = first; d < t.ndim; d++) {
    if (dims.includes(d)) inner *= t.shape[d]!;
    else if (t.shape[d] !== 1) return false;
  }
  const data = t.storage.data as Float32Array | Float64Array;
  // rows down to one 128-byte block pay, all rows going to the backend in one call
  if (inner < 32 || !k.isShared(data)) return false;
  const f32 = t.dtype === 'float32';
  const rows = t.numel / inner;
  const sums = rows === 1 ? [k.orderedSum(data, t.offset, inner)] : k.orderedRowSums(data, t.offset, rows, inner);
  for (let j = 0; j < rows; j++) {
    const v = f32 ? Math.fround(0 + sums[j]!) : 0 + sums[j]!; // cascadeSum's store: out (0) + the row's sum; turns -0 into 0
    od[j] = divisor === 1 ? v : v / divisor;
  }
  return true;
}

/**
 * Sums of a contiguous tensor over leading dims (every reduced dim of size > 1 comes before every kept one of
 * size > 1), e.g. `x.sum(0)` / `x.mean(0)` of a matrix: the tensor is then an m x n matrix summed down its
 * columns, which the cascade does with vectorized_outer_sum when n >= 4·L. Writes od[j] = sum / divisor and
 * returns true, or false when this layout does not apply or the work is small.
 */
export function accelOuterSums(t: Tensor, dims: readonly number[], od: StorageArray, divisor: number): boolean {
  const k = kernels;
  if (k === null || dims.length === 0 || t.numel < SUM_MIN || !t.isContiguous || !isAccelDtype(t.dtype)) return false;
  let lastReduced = -1, firstKept = t.ndim, m = 1;
  for (let d = 0; d < t.ndim; d++) {
    if (t.shape[d] === 1) continue;
    if (dims.includes(d)) { lastReduced = d; m *= t.shape[d]!; } else firstKept = Math.min(firstKept, d);
  }
  const n = t.numel / m, f32 = t.dtype === 'float32';
  const data = t.storage.data as Float32Array | Float64Array;
  if (lastReduced > firstKept || n < (f32 ? 32 : 16) || !k.isShared(data)) return false;
  const sums = k.orderedColumnSums(data, t.offset, m, n);
  for (let j = 0; j < n; j++) {
    const v = f32 ? Math.fround(0 + sums[j]!) : 0 + sums[j]!; // cascadeSum's store into the zeroed output
    od[j] = divisor === 1 ? v : v / divisor;
  }
  return true;
}

/**
 * cumsum of a float tensor along `dim` into a fresh contiguous `out` of the same dtype, on the backend's exact
 * sequential scan (f64 accumulator, one rounding per output: the TypeScript loop's arithmetic). Applies when t is
 * contiguous and every dim after `dim` has size 1, so each scanned line is a contiguous row.
 */
export function accelCumsum(t: Tensor, dim: number, out: Tensor): boolean {
  const k = kernels;
  if (k === null || t.numel < CUMSUM_MIN || !isAccelDtype(t.dtype) || out.dtype !== t.dtype || !t.isContiguous) return false;
  for (let d = dim + 1; d < t.ndim; d++) if (t.shape[d] !== 1) return false;
  const len = t.shape[dim]!;
  const x = t.storage.data as Float32Array | Float64Array, o = out.storage.data as Float32Array | Float64Array;
  if (len < CUMSUM_MIN || !k.isShared(x) || !k.isShared(o)) return false;
  for (let j = 0; j < t.numel / len; j++) k.cumsum(x, t.offset + j * len, o, out.offset + j * len, len, true);
  return true;
}
