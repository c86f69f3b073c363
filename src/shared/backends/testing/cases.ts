/**
 * @file The backend test suite as data: for each kernel, a fast-check arbitrary of cases and a check that runs
 * the case on a backend and on the reference kernels and compares whole output buffers (gaps included).
 * The Node suite (backends.test.ts) drives these with fc.assert; the WebGPU suite samples them in Chromium.
 * A check returns null when the backend agrees, else a message.
 */
import fc from 'fast-check';
import { BINARY_OPS, UNARY_OPS, sizeOf, type Backend, type BinaryOp, type Dtype, type FloatArray, type UnaryOp, type View } from '../backend';
import { referenceKernels } from '../reference/kernels';
import { arbLayout, arbShape, contiguousLayout, fill, type Layout } from './views';

export interface CheckOptions {
  /** GPU arithmetic: division, sqrt and float32 accumulation order are not bit-exact there. */
  approx: boolean;
}

const typed = (dtype: Dtype, raw: ArrayLike<number>): FloatArray => (dtype === 'float32' ? Float32Array.from(raw) : Float64Array.from(raw));
const SENTINEL = 7.25;

function operand<B>(be: Backend<B>, dtype: Dtype, layout: Layout, seed: number, kind: 'int' | 'float' = 'float') {
  const raw = typed(dtype, fill(layout.length, seed, kind));
  const buf = be.alloc(dtype, layout.length);
  be.write(buf, raw);
  return { buf, view: { buf, offset: layout.offset, strides: layout.strides } as View<B>, ref: { buf: raw, offset: layout.offset, strides: layout.strides } as View<FloatArray> };
}
function output<B>(be: Backend<B>, dtype: Dtype, layout: Layout) {
  const raw = typed(dtype, new Array<number>(layout.length).fill(SENTINEL));
  const buf = be.alloc(dtype, layout.length);
  be.write(buf, raw);
  return { buf, view: { buf, offset: layout.offset, strides: layout.strides } as View<B>, ref: { buf: raw, offset: layout.offset, strides: layout.strides } as View<FloatArray> };
}
async function compare<B>(be: Backend<B>, buf: B, want: FloatArray, tol: (i: number) => number): Promise<string | null> {
  const got = await be.read(buf);
  if (got.length !== want.length) return `length ${got.length}, want ${want.length}`;
  for (let i = 0; i < want.length; i++) {
    const g = got[i]!, w = want[i]!;
    if (Number.isNaN(w) && Number.isNaN(g)) continue;
    if (!(g === w || Math.abs(g - w) <= tol(i))) return `element ${i}: got ${g}, want ${w}`;
  }
  return null;
}
function release<B>(be: Backend<B>, ...bufs: B[]): void { for (const b of bufs) be.free(b); }

/** Ops a GPU computes exactly in float32 (correctly rounded); its exp/log/sin/... are approximations. */
const EXACT_UNARY = new Set<UnaryOp>(['neg', 'abs', 'sqrt', 'relu']);
/**
 * How far a backend's unary result may be from the reference: exact, or for an approximate backend (GPU)
 * 3e-7 relative on exact ops and 4e-6 relative plus 4e-6 absolute on transcendental ones (inputs lie in [-2, 2),
 * where WGSL's exp/log/sin/cos errors are a few ulps on the adapters we test).
 */
function unaryTolerance(op: UnaryOp, o: CheckOptions, ref: FloatArray): (i: number) => number {
  if (!o.approx) return () => 0;
  return EXACT_UNARY.has(op) ? rel(ref, 3e-7) : (i) => 4e-6 * Math.abs(ref[i]!) + 4e-6;
}

const withShape = <T>(f: (s: number[]) => fc.Arbitrary<T>, maxRank = 3, maxDim = 6) =>
  arbShape(maxRank, maxDim).chain((s) => f(s).map((x) => [s, x] as const));
const rel = (w: FloatArray, scale: number) => (i: number) => Math.abs(w[i]!) * scale;

export interface Case<C> { arb: (dtypes: readonly Dtype[]) => fc.Arbitrary<C>; check: <B>(be: Backend<B>, c: C, o: CheckOptions) => Promise<string | null> }

export const binaryCase: Case<{ shape: readonly number[]; la: Layout; lb: Layout; lo: Layout; op: BinaryOp; dtype: Dtype; seed: number }> = {
  arb: (dtypes) => fc.record({
    sl: withShape((s) => fc.tuple(arbLayout(s, true), arbLayout(s, true), arbLayout(s))),
    op: fc.constantFrom(...BINARY_OPS), dtype: fc.constantFrom(...dtypes), seed: fc.nat(),
  }).map(({ sl: [shape, [la, lb, lo]], ...r }) => ({ shape, la, lb, lo, ...r })),
  async check(be, { shape, la, lb, lo, op, dtype, seed }, o) {
    const a = operand(be, dtype, la, seed), b = operand(be, dtype, lb, seed + 1), out = output(be, dtype, lo);
    be.kernels.binary({ op, a: a.view, b: b.view, out: out.view, shape });
    referenceKernels.binary({ op, a: a.ref, b: b.ref, out: out.ref, shape });
    const r = await compare(be, out.buf, out.ref.buf, o.approx ? rel(out.ref.buf, 3e-7) : () => 0);
    release(be, a.buf, b.buf, out.buf);
    return r && `${op} ${dtype} [${shape}]: ${r}`;
  },
};

export const scalarUnaryCase: Case<{ shape: readonly number[]; la: Layout; lo: Layout; op: BinaryOp; uop: UnaryOp; first: boolean; s: number; dtype: Dtype; seed: number }> = {
  arb: (dtypes) => fc.record({
    sl: withShape((s) => fc.tuple(arbLayout(s), arbLayout(s))),
    op: fc.constantFrom(...BINARY_OPS), uop: fc.constantFrom(...UNARY_OPS), first: fc.boolean(),
    s: fc.double({ min: -3, max: 3, noNaN: true }), dtype: fc.constantFrom(...dtypes), seed: fc.nat(),
  }).map(({ sl: [shape, [la, lo]], ...r }) => ({ shape, la, lo, ...r })),
  async check(be, { shape, la, lo, op, uop, first, s, dtype, seed }, o) {
    const a = operand(be, dtype, la, seed), out = output(be, dtype, lo), out2 = output(be, dtype, lo);
    be.kernels.binaryScalar({ op, a: a.view, scalar: s, scalarFirst: first, out: out.view, shape });
    referenceKernels.binaryScalar({ op, a: a.ref, scalar: s, scalarFirst: first, out: out.ref, shape });
    be.kernels.unary({ op: uop, a: a.view, out: out2.view, shape });
    referenceKernels.unary({ op: uop, a: a.ref, out: out2.ref, shape });
    const r = (await compare(be, out.buf, out.ref.buf, o.approx ? rel(out.ref.buf, 3e-7) : () => 0)) && `${op} scalar ${s}${first ? ' first' : ''}`
      || (await compare(be, out2.buf, out2.ref.buf, unaryTolerance(uop, o, out2.ref.buf))) && uop;
    release(be, a.buf, out.buf, out2.buf);
    return r ? `${r} ${dtype} [${shape}]` : null;
  },
};

export const sumCase: Case<{ shape: readonly number[]; la: Layout; dim: number | null; dtype: Dtype; seed: number; kind: 'int' | 'float' }> = {
  arb: (dtypes) => fc.record({
    sl: withShape((s) => fc.tuple(arbLayout(s), s.length ? fc.option(fc.integer({ min: 0, max: s.length - 1 })) : fc.constant(null))),
    dtype: fc.constantFrom(...dtypes), seed: fc.nat(), kind: fc.constantFrom<'int' | 'float'>('int', 'float'),
  }).map(({ sl: [shape, [la, dim]], ...r }) => ({ shape, la, dim, ...r })),
  async check(be, { shape, la, dim, dtype, seed, kind }) {
    const outShape = dim === null ? [] : shape.filter((_, d) => d !== dim);
    const a = operand(be, dtype, la, seed, kind), out = output(be, dtype, contiguousLayout(outShape));
    be.kernels.sum({ a: a.view, out: out.view, shape, dim });
    referenceKernels.sum({ a: a.ref, out: out.ref, shape, dim });
    const len = dim === null ? sizeOf(shape) : shape[dim]!;
    const r = await compare(be, out.buf, out.ref.buf, () => (kind === 'int' ? 0 : (dtype === 'float32' ? 1e-6 : 1e-13) * 2 * len));
    release(be, a.buf, out.buf);
    return r && `sum dim=${dim} ${dtype} [${shape}]: ${r}`;
  },
};

export const cumsumCase: Case<{ shape: readonly number[]; la: Layout; lo: Layout; dim: number; dtype: Dtype; seed: number }> = {
  arb: (dtypes) => fc.record({
    sl: arbShape().filter((s) => s.length > 0).chain((s) => fc.tuple(fc.constant(s), arbLayout(s), arbLayout(s), fc.integer({ min: 0, max: s.length - 1 }))),
    dtype: fc.constantFrom(...dtypes), seed: fc.nat(),
  }).map(({ sl: [shape, la, lo, dim], ...r }) => ({ shape, la, lo, dim, ...r })),
  async check(be, { shape, la, lo, dim, dtype, seed }, o) {
    const a = operand(be, dtype, la, seed), out = output(be, dtype, lo);
    be.kernels.cumsum({ a: a.view, out: out.view, shape, dim });
    referenceKernels.cumsum({ a: a.ref, out: out.ref, shape, dim });
    // float32 accumulation (GPU) drifts by ~eps per step from the f64-accumulated reference
    const r = await compare(be, out.buf, out.ref.buf, o.approx ? () => 1e-6 * 2 * shape[dim]! : () => 0);
    release(be, a.buf, out.buf);
    return r && `cumsum dim=${dim} ${dtype} [${shape}]: ${r}`;
  },
};

export const matmulCase: Case<{ m: number; n: number; k: number; la: Layout; lb: Layout; lo: Layout; dtype: Dtype; seed: number }> = {
  arb: (dtypes) => fc.record({
    mnk: fc.tuple(fc.integer({ min: 0, max: 70 }), fc.integer({ min: 0, max: 40 }), fc.integer({ min: 0, max: 90 }))
      .chain(([m, n, k]) => fc.tuple(fc.constant([m, n, k] as const), arbLayout([m, k]), arbLayout([k, n]), arbLayout([m, n]))),
    dtype: fc.constantFrom(...dtypes), seed: fc.nat(),
  }).map(({ mnk: [[m, n, k], la, lb, lo], ...r }) => ({ m, n, k, la, lb, lo, ...r })),
  async check(be, { m, n, k, la, lb, lo, dtype, seed }) {
    const a = operand(be, dtype, la, seed), b = operand(be, dtype, lb, seed + 1), out = output(be, dtype, lo);
    be.kernels.matmul({ a: a.view, b: b.view, out: out.view, m, n, k });
    referenceKernels.matmul({ a: a.ref, b: b.ref, out: out.ref, m, n, k });
    const r = await compare(be, out.buf, out.ref.buf, () => (dtype === 'float32' ? 4e-6 : 1e-13) * 4 * k);
    release(be, a.buf, b.buf, out.buf);
    return r && `matmul ${m}x${n}x${k} ${dtype}: ${r}`;
  },
};

/** A fixed, larger matmul (optionally with a transposed A). */
export async function checkMatmulFixed<B>(be: Backend<B>, m: number, n: number, k: number, transposeA: boolean, dtype: Dtype = 'float32'): Promise<string | null> {
  const la = transposeA ? { offset: 0, strides: [1, m], length: Math.max(1, m * k) } : contiguousLayout([m, k]);
  return matmulCase.check(be, { m, n, k, la, lb: contiguousLayout([k, n]), lo: contiguousLayout([m, n]), dtype, seed: m + n + k }, { approx: true });
}

/** Large contiguous runs of every elementwise family plus sum and cumsum (the wasm and thread-pool paths). */
export async function checkLargeContiguous<B>(be: Backend<B>, n: number, dtype: Dtype, o: CheckOptions): Promise<string | null> {
  const L = contiguousLayout([n]);
  const a = operand(be, dtype, L, 1), b = operand(be, dtype, L, 2), out = output(be, dtype, L);
  const tolE = o.approx ? rel(out.ref.buf, 3e-7) : () => 0;
  try {
    be.kernels.binary({ op: 'mul', a: a.view, b: b.view, out: out.view, shape: [n] });
    referenceKernels.binary({ op: 'mul', a: a.ref, b: b.ref, out: out.ref, shape: [n] });
    let r = await compare(be, out.buf, out.ref.buf, tolE);
    if (r) return `mul: ${r}`;
    // every op once on the dense path (a GPU's vec4 programs are generated per op: one failed to compile)
    for (const op of BINARY_OPS) {
      be.kernels.binary({ op, a: a.view, b: b.view, out: out.view, shape: [n] });
      referenceKernels.binary({ op, a: a.ref, b: b.ref, out: out.ref, shape: [n] });
      r = await compare(be, out.buf, out.ref.buf, tolE);
      if (r) return `${op}: ${r}`;
    }
    for (const op of UNARY_OPS) {
      be.kernels.unary({ op, a: a.view, out: out.view, shape: [n] });
      referenceKernels.unary({ op, a: a.ref, out: out.ref, shape: [n] });
      r = await compare(be, out.buf, out.ref.buf, unaryTolerance(op, o, out.ref.buf));
      if (r) return `${op}: ${r}`;
    }
    be.kernels.binaryScalar({ op: 'div', a: a.view, scalar: 3, scalarFirst: true, out: out.view, shape: [n] });
    referenceKernels.binaryScalar({ op: 'div', a: a.ref, scalar: 3, scalarFirst: true, out: out.ref, shape: [n] });
    r = await compare(be, out.buf, out.ref.buf, tolE);
    if (r) return `3 / a: ${r}`;
    be.kernels.cumsum({ a: a.view, out: out.view, shape: [n], dim: 0 });
    referenceKernels.cumsum({ a: a.ref, out: out.ref, shape: [n], dim: 0 });
    // chunked scans add an f64 prefix computed in another order: at most one rounding step apart
    r = await compare(be, out.buf, out.ref.buf, (i) => (o.approx ? 1e-6 * 2 * n : Math.abs(out.ref.buf[i]!) * (dtype === 'float32' ? 2 ** -23 : 1e-12) + 1e-9));
    if (r) return `cumsum: ${r}`;
    const s = output(be, dtype, contiguousLayout([])), sr = output(be, dtype, contiguousLayout([]));
    be.kernels.sum({ a: a.view, out: s.view, shape: [n], dim: null });
    referenceKernels.sum({ a: a.ref, out: sr.ref, shape: [n], dim: null });
    r = await compare(be, s.buf, sr.ref.buf, () => (dtype === 'float32' ? 1e-6 : 1e-12) * n);
    release(be, s.buf, sr.buf);
    return r && `sum: ${r}`;
  } finally {
    release(be, a.buf, b.buf, out.buf);
  }
}
