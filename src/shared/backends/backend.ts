/**
 * @file The backend interface: buffers plus kernels on flat buffers with shapes and strides.
 * [Note: backend contract] Semantics (broadcasting, type promotion, views, error messages) stay in the tensor
 * core; a backend receives operands already broadcast (stride 0 where expanded), of one dtype, with valid
 * shapes, and only runs the loop. Every kernel writes into an `out` view the core allocated, so a GPU backend can
 * enqueue work without returning a value; results come back through `read`. The kernel table of each backend is
 * typed `{ [K in KernelName]: ... }`, so adding a kernel name here is a compile error until every backend has it.
 */

export type Dtype = 'float32' | 'float64';
export type TypedArrayOf<D extends Dtype> = D extends 'float32' ? Float32Array : Float64Array;
export type FloatArray = Float32Array | Float64Array;

export const BINARY_OPS = ['add', 'sub', 'mul', 'div', 'maximum', 'minimum'] as const;
// no sin/cos: WGSL allows them an absolute error of 2^-11, and SwiftShader's sin(-2) was 5e-5 off, which shows
// in a printed tensor's fourth decimal
export const UNARY_OPS = ['neg', 'abs', 'sqrt', 'exp', 'log', 'tanh', 'sigmoid', 'relu'] as const;
export type BinaryOp = (typeof BINARY_OPS)[number];
export type UnaryOp = (typeof UNARY_OPS)[number];

/** A strided window on a buffer: element `idx` lives at `offset + sum(idx[d] * strides[d])` (elements, not bytes). */
export interface View<B> { buf: B; offset: number; strides: readonly number[] }

export interface KernelArgs<B> {
  /** out = a op b, elementwise over `shape` (operands pre-broadcast). */
  binary: { op: BinaryOp; a: View<B>; b: View<B>; out: View<B>; shape: readonly number[] };
  /** out = a op s (or s op a when `scalarFirst`). */
  binaryScalar: { op: BinaryOp; a: View<B>; scalar: number; scalarFirst: boolean; out: View<B>; shape: readonly number[] };
  unary: { op: UnaryOp; a: View<B>; out: View<B>; shape: readonly number[] };
  /** out[...] = sum of `a` over axis `dim` (out's shape is `shape` without `dim`), or over everything into out[0]. */
  sum: { a: View<B>; out: View<B>; shape: readonly number[]; dim: number | null };
  /** out = running sum of a along `dim`. */
  cumsum: { a: View<B>; out: View<B>; shape: readonly number[]; dim: number };
  /** out[m x n] = a[m x k] @ b[k x n]; each view has two strides (row, column). */
  matmul: { a: View<B>; b: View<B>; out: View<B>; m: number; n: number; k: number };
}
export type KernelName = keyof KernelArgs<unknown>;
export const KERNEL_NAMES: readonly KernelName[] = ['binary', 'binaryScalar', 'unary', 'sum', 'cumsum', 'matmul'];

/** One backend's kernels: a missing or misspelled kernel does not compile. */
export type KernelTable<B> = { [K in KernelName]: (args: KernelArgs<B>[K]) => void };

export interface Backend<B = unknown> {
  readonly name: string;
  alloc(dtype: Dtype, length: number): B;
  free(buf: B): void;
  write(buf: B, data: FloatArray, offset?: number): void;
  /** A copy of the buffer's contents (a GPU backend resolves after read-back). */
  read(buf: B): Promise<FloatArray>;
  readonly kernels: KernelTable<B>;
  /** Finishes queued work (GPU) and releases threads or devices. */
  dispose(): void;
}

/** Row-major strides of a contiguous shape. */
export function contiguousStrides(shape: readonly number[]): number[] {
  const s = new Array<number>(shape.length);
  let acc = 1;
  for (let d = shape.length - 1; d >= 0; d--) { s[d] = acc; acc *= shape[d]!; }
  return s;
}

export const sizeOf = (shape: readonly number[]): number => shape.reduce((a, b) => a * b, 1);

/** True when the view walks `shape` in row-major order without gaps (size-1 axes may have any stride). */
export function isContiguous(shape: readonly number[], strides: readonly number[]): boolean {
  let acc = 1;
  for (let d = shape.length - 1; d >= 0; d--) {
    if (shape[d] !== 1 && strides[d] !== acc) return false;
    acc *= shape[d]!;
  }
  return true;
}
