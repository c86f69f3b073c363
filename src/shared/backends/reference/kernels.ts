/**
 * @file Reference kernels in plain TypeScript: the oracle every backend is tested against, and what the CPU
 * backend runs for strided or tiny operands. Written for clarity: one odometer over the shape, no tricks.
 */
import type { BinaryOp, FloatArray, KernelTable, UnaryOp, View } from '../backend';
import { sizeOf } from '../backend';

/** Calls `fn(o0, o1, ...)` with each view's element offset, walking `shape` in row-major order. */
export function forEachOffset(shape: readonly number[], views: readonly { offset: number; strides: readonly number[] }[], fn: (offs: number[]) => void): void {
  const n = sizeOf(shape);
  if (n === 0) return;
  const nd = shape.length;
  const idx = new Array<number>(nd).fill(0);
  const offs = views.map((v) => v.offset);
  for (let i = 0; i < n; i++) {
    fn(offs);
    for (let d = nd - 1; d >= 0; d--) {
      idx[d]!++;
      for (let v = 0; v < views.length; v++) offs[v]! += views[v]!.strides[d]!;
      if (idx[d]! < shape[d]!) break;
      for (let v = 0; v < views.length; v++) offs[v]! -= views[v]!.strides[d]! * shape[d]!;
      idx[d] = 0;
    }
  }
}

export const binaryFn: Record<BinaryOp, (x: number, y: number) => number> = {
  add: (x, y) => x + y,
  sub: (x, y) => x - y,
  mul: (x, y) => x * y,
  div: (x, y) => x / y,
  // NaN-propagating like torch.maximum / minimum (and wasm's f32.max)
  maximum: (x, y) => (x !== x || y !== y ? NaN : x > y || (x === 0 && y === 0 && !Object.is(x, -0)) ? x : y),
  minimum: (x, y) => (x !== x || y !== y ? NaN : x < y || (x === 0 && y === 0 && Object.is(x, -0)) ? x : y),
};
export const unaryFn: Record<UnaryOp, (x: number) => number> = {
  neg: (x) => -x, abs: Math.abs, sqrt: Math.sqrt, exp: Math.exp, log: Math.log, tanh: Math.tanh,
  sigmoid: (x) => 1 / (1 + Math.exp(-x)),
  // only x < 0 becomes 0 (NaN and -0. pass through), as the tensor core's and PyTorch's relu
  relu: (x) => (x < 0 ? 0 : x),
};

/** The reference table over plain typed arrays (a "buffer" is the array itself). */
export const referenceKernels: KernelTable<FloatArray> = {
  binary({ op, a, b, out, shape }) {
    const f = binaryFn[op];
    forEachOffset(shape, [a, b, out], ([ia, ib, io]) => { out.buf[io!] = f(a.buf[ia!]!, b.buf[ib!]!); });
  },
  binaryScalar({ op, a, scalar, scalarFirst, out, shape }) {
    const f = binaryFn[op];
    // the scalar is rounded to the operands' dtype first, as PyTorch does for a Python number
    const s = a.buf instanceof Float32Array ? Math.fround(scalar) : scalar;
    forEachOffset(shape, [a, out], ([ia, io]) => { out.buf[io!] = scalarFirst ? f(s, a.buf[ia!]!) : f(a.buf[ia!]!, s); });
  },
  unary({ op, a, out, shape }) {
    const f = unaryFn[op];
    forEachOffset(shape, [a, out], ([ia, io]) => { out.buf[io!] = f(a.buf[ia!]!); });
  },
  sum({ a, out, shape, dim }) {
    if (dim === null) {
      let s = 0;
      forEachOffset(shape, [a], ([ia]) => { s += a.buf[ia!]!; });
      out.buf[out.offset] = s;
      return;
    }
    const outer = shape.filter((_, d) => d !== dim);
    const aOuter: View<FloatArray> = { buf: a.buf, offset: a.offset, strides: a.strides.filter((_, d) => d !== dim) };
    const len = shape[dim]!, st = a.strides[dim]!;
    forEachOffset(outer, [aOuter, out], ([ia, io]) => {
      let s = 0;
      for (let i = 0; i < len; i++) s += a.buf[ia! + i * st]!;
      out.buf[io!] = s;
    });
  },
  cumsum({ a, out, shape, dim }) {
    const drop = <T>(xs: readonly T[]): T[] => xs.filter((_, d) => d !== dim);
    const len = shape[dim]!, sa = a.strides[dim]!, so = out.strides[dim]!;
    const round = out.buf instanceof Float32Array ? Math.fround : (x: number) => x;
    forEachOffset(drop(shape), [{ offset: a.offset, strides: drop(a.strides) }, { offset: out.offset, strides: drop(out.strides) }], ([ia, io]) => {
      let s = 0; // f64 accumulator, rounded per element (PyTorch 1.13 CPU)
      for (let i = 0; i < len; i++) { s += a.buf[ia! + i * sa]!; out.buf[io! + i * so] = round(s); }
    });
  },
  matmul({ a, b, out, m, n, k }) {
    const [ar, ac] = a.strides as [number, number], [br, bc] = b.strides as [number, number], [or, oc] = out.strides as [number, number];
    const round = out.buf instanceof Float32Array ? Math.fround : (x: number) => x;
    for (let i = 0; i < m; i++) {
      for (let j = 0; j < n; j++) {
        let s = 0;
        for (let p = 0; p < k; p++) s += a.buf[a.offset + i * ar + p * ac]! * b.buf[b.offset + p * br + j * bc]!;
        out.buf[out.offset + i * or + j * oc] = round(s);
      }
    }
  },
};
