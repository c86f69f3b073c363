/**
 * @file The tensor core's hook for an accelerated CPU backend (src/shared/backends/cpu): the engine installs one
 * with `setCpuKernels`; without it (unit tests, pyrun) every op runs the TypeScript loops, which stay the oracle.
 * [Note: accelerated paths] Only large, contiguous, cast-free float32/float64 work goes to the backend: matmul
 * (mm/mv/matmul/@/bmm) and add/sub/mul/div. Below the thresholds an op never looks further than one null check,
 * so tiny tensors keep their per-op cost. Sums stay in TypeScript on purpose: cascade-sum.ts reproduces
 * PyTorch's order of additions bit for bit, and the backend's float32 sum does not (see its summation note).
 */
import type { CpuBackend } from '../backends/cpu/index';
import type { DType, StorageArray } from './dtype';
import type { View } from './iterate';

/** What the core calls; a CpuBackend fits, and the engine wraps one to turn an interrupt into KeyboardInterrupt. */
export type CpuKernels = Pick<CpuBackend, 'binary' | 'binaryScalar' | 'matmulF32' | 'matmulF64' | 'isShared'>;

/** Elementwise ops at or above this many elements run on the backend (its wasm beats the JS loop from ~4k). */
export const ELEMENTWISE_MIN = 1 << 14;
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
