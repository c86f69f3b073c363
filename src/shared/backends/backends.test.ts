/**
 * @file One suite, run for every backend available in Node: each kernel against the reference kernels on random
 * shapes, strides (permuted, gapped, offset, broadcast) and dtypes, plus large contiguous cases that take the wasm
 * and thread-pool paths. Whole output buffers are compared, so a kernel that writes into a gap fails too.
 * The WebGPU backend runs the same cases in Chromium (tests/e2e/webgpu-backend.test.ts).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { BINARY_OPS, UNARY_OPS, sizeOf, type Backend, type Dtype, type FloatArray, type View } from './backend';
import { referenceBackend, referenceKernels } from './reference';
import { createNodeCpuBackend } from './cpu/node';
import { arbLayout, arbShape, contiguousLayout, fill, type Layout } from './testing/views';

interface Subject { name: string; make: () => Promise<Backend<unknown>> }
const subjects: Subject[] = [
  { name: 'reference', make: async () => referenceBackend as Backend<unknown> },
  { name: 'cpu (2 threads, fma when available)', make: async () => (await createNodeCpuBackend({ threads: 2 })).backend as Backend<unknown> },
  { name: 'cpu (1 thread, no fma)', make: async () => (await createNodeCpuBackend({ threads: 1, fma: false })).backend as Backend<unknown> },
];

const typed = (dtype: Dtype, raw: ArrayLike<number>): FloatArray => (dtype === 'float32' ? Float32Array.from(raw) : Float64Array.from(raw));
const SENTINEL = 7.25;

/** Operand raw buffers: the backend's copy and the reference copy hold the same values. */
function operand<B>(be: Backend<B>, dtype: Dtype, layout: Layout, seed: number, kind: 'int' | 'float' = 'float') {
  const raw = typed(dtype, fill(layout.length, seed, kind));
  const buf = be.alloc(dtype, layout.length);
  be.write(buf, raw);
  return { view: { buf, offset: layout.offset, strides: layout.strides } as View<B>, ref: { buf: raw, offset: layout.offset, strides: layout.strides } as View<FloatArray> };
}
function output<B>(be: Backend<B>, dtype: Dtype, layout: Layout) {
  const raw = typed(dtype, new Array<number>(layout.length).fill(SENTINEL));
  const buf = be.alloc(dtype, layout.length);
  be.write(buf, raw);
  return { buf, view: { buf, offset: layout.offset, strides: layout.strides } as View<B>, ref: { buf: raw, offset: layout.offset, strides: layout.strides } as View<FloatArray> };
}
async function expectClose<B>(be: Backend<B>, buf: B, want: FloatArray, tol: (i: number) => number): Promise<void> {
  const got = await be.read(buf);
  expect(got.length).toBe(want.length);
  for (let i = 0; i < want.length; i++) {
    const g = got[i]!, w = want[i]!;
    if (Number.isNaN(w) && Number.isNaN(g)) continue;
    if (!(g === w || Math.abs(g - w) <= tol(i))) expect.fail(`element ${i}: got ${g}, want ${w}`);
  }
}
const exact = () => 0;
const arbDtype = fc.constantFrom<Dtype>('float32', 'float64');

describe.each(subjects)('backend $name', ({ make }) => {
  let be: Backend<unknown>;
  beforeAll(async () => { be = await make(); });
  afterAll(() => be.dispose());

  const shapeAnd = <T>(f: (s: number[]) => fc.Arbitrary<T>) => arbShape().chain((s) => f(s).map((x) => [s, x] as const));

  it('binary ops match the reference on random strided and broadcast views', async () => {
    await fc.assert(fc.asyncProperty(
      shapeAnd((s) => fc.tuple(arbLayout(s, true), arbLayout(s, true), arbLayout(s))), fc.constantFrom(...BINARY_OPS), arbDtype, fc.nat(),
      async ([shape, [la, lb, lo]], op, dtype, seed) => {
        const a = operand(be, dtype, la, seed), b = operand(be, dtype, lb, seed + 1), o = output(be, dtype, lo);
        be.kernels.binary({ op, a: a.view, b: b.view, out: o.view, shape });
        referenceKernels.binary({ op, a: a.ref, b: b.ref, out: o.ref, shape });
        await expectClose(be, o.buf, o.ref.buf, exact);
      }), { numRuns: 80 });
  });

  it('scalar and unary ops match the reference', async () => {
    await fc.assert(fc.asyncProperty(
      shapeAnd((s) => fc.tuple(arbLayout(s), arbLayout(s))), fc.constantFrom(...BINARY_OPS), fc.constantFrom(...UNARY_OPS), fc.boolean(), fc.double({ min: -3, max: 3, noNaN: true }), arbDtype, fc.nat(),
      async ([shape, [la, lo]], op, uop, first, s, dtype, seed) => {
        const a = operand(be, dtype, la, seed), o = output(be, dtype, lo), o2 = output(be, dtype, lo);
        be.kernels.binaryScalar({ op, a: a.view, scalar: s, scalarFirst: first, out: o.view, shape });
        referenceKernels.binaryScalar({ op, a: a.ref, scalar: s, scalarFirst: first, out: o.ref, shape });
        await expectClose(be, o.buf, o.ref.buf, exact);
        be.kernels.unary({ op: uop, a: a.view, out: o2.view, shape });
        referenceKernels.unary({ op: uop, a: a.ref, out: o2.ref, shape });
        await expectClose(be, o2.buf, o2.ref.buf, exact);
      }), { numRuns: 60 });
  });

  it('sum over everything or one axis matches the reference', async () => {
    await fc.assert(fc.asyncProperty(
      arbShape().chain((s) => fc.tuple(fc.constant(s), arbLayout(s), s.length ? fc.option(fc.integer({ min: 0, max: s.length - 1 })) : fc.constant(null))),
      arbDtype, fc.nat(), fc.constantFrom<'int' | 'float'>('int', 'float'),
      async ([shape, la, dim], dtype, seed, kind) => {
        const outShape = dim === null ? [] : shape.filter((_, d) => d !== dim);
        const a = operand(be, dtype, la, seed, kind), o = output(be, dtype, contiguousLayout(outShape));
        be.kernels.sum({ a: a.view, out: o.view, shape, dim });
        referenceKernels.sum({ a: a.ref, out: o.ref, shape, dim });
        const len = dim === null ? sizeOf(shape) : shape[dim]!;
        await expectClose(be, o.buf, o.ref.buf, () => (kind === 'int' ? 0 : (dtype === 'float32' ? 1e-6 : 1e-13) * 2 * len));
      }), { numRuns: 80 });
  });

  it('cumsum along any axis matches the reference', async () => {
    await fc.assert(fc.asyncProperty(
      arbShape().filter((s) => s.length > 0).chain((s) => fc.tuple(fc.constant(s), arbLayout(s), arbLayout(s), fc.integer({ min: 0, max: s.length - 1 }))),
      arbDtype, fc.nat(),
      async ([shape, la, lo, dim], dtype, seed) => {
        const a = operand(be, dtype, la, seed), o = output(be, dtype, lo);
        be.kernels.cumsum({ a: a.view, out: o.view, shape, dim });
        referenceKernels.cumsum({ a: a.ref, out: o.ref, shape, dim });
        await expectClose(be, o.buf, o.ref.buf, exact);
      }), { numRuns: 60 });
  });

  it('matmul matches the reference on random sizes and transposed operands', async () => {
    await fc.assert(fc.asyncProperty(
      fc.tuple(fc.integer({ min: 0, max: 70 }), fc.integer({ min: 0, max: 40 }), fc.integer({ min: 0, max: 90 }))
        .chain(([m, n, k]) => fc.tuple(fc.constant([m, n, k] as const), arbLayout([m, k]), arbLayout([k, n]), arbLayout([m, n]))),
      arbDtype, fc.nat(),
      async ([[m, n, k], la, lb, lo], dtype, seed) => {
        const a = operand(be, dtype, la, seed), b = operand(be, dtype, lb, seed + 1), o = output(be, dtype, lo);
        be.kernels.matmul({ a: a.view, b: b.view, out: o.view, m, n, k });
        referenceKernels.matmul({ a: a.ref, b: b.ref, out: o.ref, m, n, k });
        await expectClose(be, o.buf, o.ref.buf, () => (dtype === 'float32' ? 4e-6 : 1e-13) * 4 * k);
      }), { numRuns: 50 });
  });

  it.each([[1, 1, 1], [1, 300, 200], [300, 1, 200], [129, 257, 65], [200, 300, 600], [256, 256, 256]])(
    'matmul %i x %i x %i (wasm GEMM, edge tiles, several KC slices) matches the reference', async (m, n, k) => {
      for (const tr of [false, true]) {
        const la = tr ? { offset: 0, strides: [1, m], length: m * k } : contiguousLayout([m, k]);
        const a = operand(be, 'float32', la, m), b = operand(be, 'float32', contiguousLayout([k, n]), n), o = output(be, 'float32', contiguousLayout([m, n]));
        be.kernels.matmul({ a: a.view, b: b.view, out: o.view, m, n, k });
        referenceKernels.matmul({ a: a.ref, b: b.ref, out: o.ref, m, n, k });
        await expectClose(be, o.buf, o.ref.buf, () => 1e-5 * k);
      }
    });

  it.each([1 << 17, 1_000_003])('large contiguous kernels of %i elements (parallel chunks) match the reference', async (n) => {
    for (const dtype of ['float32', 'float64'] as const) {
      const L = contiguousLayout([n]);
      const a = operand(be, dtype, L, 1), b = operand(be, dtype, L, 2), o = output(be, dtype, L);
      be.kernels.binary({ op: 'mul', a: a.view, b: b.view, out: o.view, shape: [n] });
      referenceKernels.binary({ op: 'mul', a: a.ref, b: b.ref, out: o.ref, shape: [n] });
      await expectClose(be, o.buf, o.ref.buf, exact);
      be.kernels.binaryScalar({ op: 'div', a: a.view, scalar: 3, scalarFirst: true, out: o.view, shape: [n] });
      referenceKernels.binaryScalar({ op: 'div', a: a.ref, scalar: 3, scalarFirst: true, out: o.ref, shape: [n] });
      await expectClose(be, o.buf, o.ref.buf, exact);
      be.kernels.cumsum({ a: a.view, out: o.view, shape: [n], dim: 0 });
      referenceKernels.cumsum({ a: a.ref, out: o.ref, shape: [n], dim: 0 });
      // chunked scans add an f64 prefix computed in another order: at most one rounding step apart
      await expectClose(be, o.buf, o.ref.buf, (i) => Math.abs(o.ref.buf[i]!) * (dtype === 'float32' ? 2 ** -23 : 1e-12) + 1e-9);
      const s = output(be, dtype, contiguousLayout([]));
      const sr = output(be, dtype, contiguousLayout([]));
      be.kernels.sum({ a: a.view, out: s.view, shape: [n], dim: null });
      referenceKernels.sum({ a: a.ref, out: sr.ref, shape: [n], dim: null });
      await expectClose(be, s.buf, sr.ref.buf, () => (dtype === 'float32' ? 1e-6 : 1e-12) * n);
    }
  });
});
