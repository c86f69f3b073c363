/**
 * @file The CPU backend behind the generic `Backend` interface: buffers are heap views; each kernel takes the
 * wasm fast path when its operands are contiguous (or a broadcast scalar) and the reference loop otherwise.
 */
import { isContiguous, sizeOf, type Backend, type Dtype, type FloatArray, type KernelTable, type View } from '../backend';
import { referenceKernels } from '../reference/kernels';
import type { CpuBackend } from './index';

export interface CpuBuffer { readonly dtype: Dtype; readonly data: FloatArray }

const plain = (v: View<CpuBuffer>): View<FloatArray> => ({ buf: v.buf.data, offset: v.offset, strides: v.strides });
const contig = (shape: readonly number[], v: View<CpuBuffer>): boolean => isContiguous(shape, v.strides);
const allZero = (s: readonly number[]): boolean => s.every((x) => x === 0);
const dropDim = <T>(xs: readonly T[], d: number): T[] => xs.filter((_, i) => i !== d);

export function makeCpuBackendInterface(cpu: CpuBackend): Backend<CpuBuffer> {
  const kernels: KernelTable<CpuBuffer> = {
    binary(k) {
      const { op, a, b, out, shape } = k;
      const n = sizeOf(shape);
      if (contig(shape, out) && contig(shape, a)) {
        if (contig(shape, b)) return cpu.binary(op, a.buf.data, a.offset, b.buf.data, b.offset, out.buf.data, out.offset, n);
        if (allZero(b.strides)) return cpu.binaryScalar(op, a.buf.data, a.offset, b.buf.data[b.offset]!, false, out.buf.data, out.offset, n);
      }
      if (contig(shape, out) && contig(shape, b) && allZero(a.strides)) {
        return cpu.binaryScalar(op, b.buf.data, b.offset, a.buf.data[a.offset]!, true, out.buf.data, out.offset, n);
      }
      referenceKernels.binary({ op, a: plain(a), b: plain(b), out: plain(out), shape });
    },
    binaryScalar({ op, a, scalar, scalarFirst, out, shape }) {
      if (contig(shape, out) && contig(shape, a)) return cpu.binaryScalar(op, a.buf.data, a.offset, scalar, scalarFirst, out.buf.data, out.offset, sizeOf(shape));
      referenceKernels.binaryScalar({ op, a: plain(a), scalar, scalarFirst, out: plain(out), shape });
    },
    unary({ op, a, out, shape }) {
      if (contig(shape, out) && contig(shape, a)) return cpu.unary(op, a.buf.data, a.offset, out.buf.data, out.offset, sizeOf(shape));
      referenceKernels.unary({ op, a: plain(a), out: plain(out), shape });
    },
    sum({ a, out, shape, dim }) {
      if (dim === null && contig(shape, a)) { out.buf.data[out.offset] = cpu.sum(a.buf.data, a.offset, sizeOf(shape)); return; }
      const last = shape.length - 1;
      if (dim === last && contig(shape, a) && contig(dropDim(shape, dim), { ...out, strides: out.strides }) && shape[dim]! >= 64) {
        const len = shape[dim]!, rows = sizeOf(shape) / len;
        for (let r = 0; r < rows; r++) out.buf.data[out.offset + r] = cpu.sum(a.buf.data, a.offset + r * len, len);
        return;
      }
      referenceKernels.sum({ a: plain(a), out: plain(out), shape, dim });
    },
    cumsum({ a, out, shape, dim }) {
      if (dim === shape.length - 1 && contig(shape, a) && contig(shape, out)) {
        const len = shape[dim]!, rows = sizeOf(shape) / len;
        for (let r = 0; r < rows; r++) cpu.cumsum(a.buf.data, a.offset + r * len, out.buf.data, out.offset + r * len, len);
        return;
      }
      referenceKernels.cumsum({ a: plain(a), out: plain(out), shape, dim });
    },
    matmul({ a, b, out, m, n, k }) {
      const outRowMajor = (m <= 1 || out.strides[0] === n) && (n <= 1 || out.strides[1] === 1);
      const nonNeg = [...a.strides, ...b.strides].every((s) => s >= 0);
      if (outRowMajor && nonNeg) {
        const opt = { outOff: out.offset, aStrides: [a.strides[0]!, a.strides[1]!], bStrides: [b.strides[0]!, b.strides[1]!] } as const;
        if (a.buf.dtype === 'float32') return cpu.matmulF32(a.buf.data as Float32Array, a.offset, b.buf.data as Float32Array, b.offset, out.buf.data as Float32Array, m, n, k, opt);
        return cpu.matmulF64(a.buf.data as Float64Array, a.offset, b.buf.data as Float64Array, b.offset, out.buf.data as Float64Array, m, n, k, opt);
      }
      referenceKernels.matmul({ a: plain(a), b: plain(b), out: plain(out), m, n, k });
    },
  };
  return {
    name: 'cpu',
    alloc: (dtype, length) => ({ dtype, data: cpu.alloc(dtype === 'float32' ? 'f32' : 'f64', length) }),
    free: (buf) => cpu.free(buf.data),
    write: (buf, data, offset = 0) => { buf.data.set(data, offset); },
    read: async (buf) => buf.data.slice(),
    kernels,
    dispose: () => cpu.dispose(),
  };
}
