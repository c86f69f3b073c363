/**
 * @file The CPU backend: WebAssembly SIMD kernels over a shared heap, split across a worker pool.
 *
 * Entry points for the tensor core (all synchronous; arrays are all Float32Array or all Float64Array; offsets
 * and counts are in elements):
 * - `createCpuBackend(opts)` (or `createNodeCpuBackend()` from src/engine/node/cpu-backend.ts) → `CpuBackend`, once per engine.
 * - storage: `allocF32(n)` / `allocF64(n)` / `allocArray(Ctor, n)` return views on the shared heap (zero-copy for
 *   kernels and threads); `free(view)` returns one (also done by GC via a FinalizationRegistry); `isShared(view)`.
 * - `binary(op, a, aOff, b, bOff, out, outOff, n)`  out = a op b, op in add/sub/mul/div/maximum/minimum
 * - `binaryScalar(op, a, aOff, s, scalarFirst, out, outOff, n)`  out = a op s  (s op a when scalarFirst)
 * - `unary(op, a, aOff, out, outOff, n)`  neg/abs/sqrt
 * - `sum(a, aOff, n): number`  (float32: see [Note: summation accuracy] in wasm/reduce.ts)
 * - `orderedSum(a, aOff, n): number`  in PyTorch's single-thread order of additions: bit for bit
 *   contiguousRowSum of src/shared/tensor/cascade-sum.ts ([Note: ordered sum kernel] in wasm/cascade.ts), with
 *   rows of 8+ cascade chunks (from 1M float32) split across the pool without changing a bit
 * - `orderedRowSums(a, aOff, count, n): Float64Array`  orderedSum of each of count rows (many short rows: one call)
 * - `orderedColumnSums(a, aOff, m, n): Float64Array`  column sums of a row-major matrix in PyTorch's order
 * - `cumsum(a, aOff, out, outOff, n, exact?)`  f64 accumulator like PyTorch 1.13; `exact` keeps one sequential
 *   scan at every size (bit for bit PyTorch's), otherwise long scans are split across threads
 * - `matmulF32(a, aOff, b, bOff, out, M, N, K, opt?)`  out[M x N] = a[M x K] @ b[K x N], row-major unless
 *   `opt.aStrides` / `opt.bStrides` ([row, col] in elements, e.g. [1, M] for a transposed A); `opt.outOff`.
 *   `matmulF64` likewise for float64. Accumulation is in the operands' dtype, as BLAS does for PyTorch.
 * - `backend` (the `Backend` interface, strided kernels) for generic callers and the backend test suite.
 * Operands outside the heap still work: tiny ones go through plain loops, larger ones are staged (copied).
 * Contiguous operands above the size thresholds run in wasm, and in parallel above the parallel thresholds, so
 * a tiny tensor never pays a thread hand-off (nor a wasm call when it isn't on the heap).
 */
import type { BinaryOp, FloatArray, UnaryOp } from '../backend';
import { binaryFn, unaryFn } from '../reference/kernels';
import { CpuRuntime, type CpuRuntimeOptions } from './runtime';
import { binName, bytesOf, isWasmUnary, unName, type FloatDtype } from './wasm/elementwise';
import { cumsumFastName, cumsumName, sumExactName, sumName } from './wasm/reduce';
import { ORDERED_SCRATCH_BYTES, orderedChunksName, orderedFoldName, orderedRowsName, orderedSumName } from './wasm/cascade';
import { MIN_CHUNKS, orderedColumnSums, orderedRowSum, orderedRowSums, type OrderedSum } from './ordered';
import { contiguousRowSum } from '../../tensor/cascade-sum';
import { matmul, type MatmulOptions } from './matmul';
import { MAX_CHUNKS } from './pool-layout';
import { makeCpuBackendInterface, type CpuBuffer } from './strided';
import type { Backend } from '../backend';

export { KernelInterruptedError } from './pool';
export type { CpuBuffer } from './strided';
export type { MatmulOptions } from './matmul';

/** Below this many elements, operands that are not on the heap use plain JS loops. */
export const JS_MAX = 2048;
/** Below this many elements, elementwise work stays on the caller's thread. */
export const PAR_MIN_ELEMENTWISE = 1 << 17;
/** Elements per parallel chunk for memory-bound kernels (1 MiB of float32). */
export const CHUNK_ELEMENTWISE = 1 << 18;

/** Chunk length for n elements: CHUNK_ELEMENTWISE, larger when n would need more chunks than the pool tracks. */
const chunkLenFor = (n: number): number => Math.max(CHUNK_ELEMENTWISE, Math.ceil(n / MAX_CHUNKS));
const dtOf = (a: FloatArray): FloatDtype => (a instanceof Float32Array ? 'f32' : 'f64');

export class CpuBackend {
  readonly backend: Backend<CpuBuffer>;
  private readonly registry = new FinalizationRegistry<number>((ptr) => this.rt.heap.release(ptr));
  /** The ordered-sum kernels per dtype, built on first use (their scratch views share one heap slice). */
  private ordered: { f32: OrderedSum; f64: OrderedSum } | undefined;
  /** osumc's chunk slots, grown as needed and kept (a few KiB per 10^7 elements). */
  private chunkSlots: Float64Array | undefined;

  constructor(readonly rt: CpuRuntime) {
    this.backend = makeCpuBackendInterface(this);
  }

  get threads(): number { return this.rt.pool.size; }
  get fma(): boolean { return this.rt.fma; }

  allocF32(n: number): Float32Array { const p = this.rt.heap.alloc(n * 4); const v = new Float32Array(this.rt.heap.buffer, p, n); this.registry.register(v, p, v); return v; }
  allocF64(n: number): Float64Array { const p = this.rt.heap.alloc(n * 8); const v = new Float64Array(this.rt.heap.buffer, p, n); this.registry.register(v, p, v); return v; }
  alloc(dt: FloatDtype, n: number): FloatArray { return dt === 'f32' ? this.allocF32(n) : this.allocF64(n); }
  /**
   * Any typed array on the heap (e.g. BigInt64Array for int64, Uint8Array for bool), released when it is
   * garbage-collected or passed to `free`. For the tensor core's storage allocator: the array it gets back must be
   * the one it keeps (a second view over the same bytes would not keep them alive).
   */
  allocArray<T extends ArrayBufferView>(ctor: { new (buffer: ArrayBufferLike, byteOffset: number, length: number): T; readonly BYTES_PER_ELEMENT: number }, n: number): T {
    const p = this.rt.heap.alloc(n * ctor.BYTES_PER_ELEMENT);
    const v = new ctor(this.rt.heap.buffer, p, n);
    this.registry.register(v, p, v);
    return v;
  }
  /** Frees a view returned by allocF32/allocF64 (not a subarray of one). */
  free(view: ArrayBufferView): void { if (this.registry.unregister(view)) this.rt.heap.release(view.byteOffset); }
  isShared(view: ArrayBufferView): boolean { return this.rt.heap.owns(view); }

  /**
   * Byte address of `a[off]` on the heap, copying `n` elements into a temporary when `a` lives elsewhere.
   * `temps` collects what to free (and, for outputs, copy back) after the kernel.
   */
  addr(a: FloatArray, off: number, n: number, temps: Temp[], isOut = false): number {
    if (this.rt.heap.owns(a)) return a.byteOffset + off * a.BYTES_PER_ELEMENT;
    const t = this.alloc(dtOf(a), Math.max(n, 1));
    if (!isOut) t.set(a.subarray(off, off + n));
    temps.push({ tmp: t, dst: isOut ? a : undefined, off, n });
    return t.byteOffset;
  }
  done(temps: Temp[]): void {
    for (const t of temps) { if (t.dst) t.dst.set(t.tmp.subarray(0, t.n), t.off); this.free(t.tmp); }
  }

  /** Runs a pointer kernel `fn(ptrs..., n)` over n elements, in parallel chunks when it is worth it. */
  private stream(name: string, dt: FloatDtype, ptrs: number[], scalar: number | undefined, n: number): void {
    const es = bytesOf(dt);
    // argument order: pointers with the scalar (if any) in second place, then n
    const args = scalar === undefined ? [...ptrs, n] : [ptrs[0]!, scalar, ...ptrs.slice(1), n];
    if (n < PAR_MIN_ELEMENTWISE || this.threads === 1) { this.rt.call(name, ...args); return; }
    const len = chunkLenFor(n);
    const steps = args.map((_, i) => (i === args.length - 1 || (scalar !== undefined && i === 1) ? 0 : len * es));
    this.rt.parallel(name, args, steps, args.length - 1, n, len);
  }

  binary(op: BinaryOp, a: FloatArray, aOff: number, b: FloatArray, bOff: number, out: FloatArray, outOff: number, n: number): void {
    const sh = this.rt.heap;
    if (n < JS_MAX && !(sh.owns(a) && sh.owns(b) && sh.owns(out))) {
      const f = binaryFn[op];
      for (let i = 0; i < n; i++) out[outOff + i] = f(a[aOff + i]!, b[bOff + i]!);
      return;
    }
    const dt = dtOf(a), temps: Temp[] = [];
    const ptrs = [this.addr(a, aOff, n, temps), this.addr(b, bOff, n, temps), this.addr(out, outOff, n, temps, true)];
    try { this.stream(binName(op, dt, 'vv'), dt, ptrs, undefined, n); } finally { this.done(temps); }
  }

  binaryScalar(op: BinaryOp, a: FloatArray, aOff: number, s: number, scalarFirst: boolean, out: FloatArray, outOff: number, n: number): void {
    const sh = this.rt.heap;
    if (n < JS_MAX && !(sh.owns(a) && sh.owns(out))) {
      const f = binaryFn[op], x = a instanceof Float32Array ? Math.fround(s) : s;
      for (let i = 0; i < n; i++) out[outOff + i] = scalarFirst ? f(x, a[aOff + i]!) : f(a[aOff + i]!, x);
      return;
    }
    const dt = dtOf(a), temps: Temp[] = [];
    const ptrs = [this.addr(a, aOff, n, temps), this.addr(out, outOff, n, temps, true)];
    try { this.stream(binName(op, dt, scalarFirst ? 'sv' : 'vs'), dt, ptrs, s, n); } finally { this.done(temps); }
  }

  unary(op: UnaryOp, a: FloatArray, aOff: number, out: FloatArray, outOff: number, n: number): void {
    const sh = this.rt.heap;
    // wasm has SIMD instructions for neg/abs/sqrt only; the transcendental ones run as the reference loop does
    if (!isWasmUnary(op) || (n < JS_MAX && !(sh.owns(a) && sh.owns(out)))) {
      const f = unaryFn[op];
      for (let i = 0; i < n; i++) out[outOff + i] = f(a[aOff + i]!);
      return;
    }
    const dt = dtOf(a), temps: Temp[] = [];
    const ptrs = [this.addr(a, aOff, n, temps), this.addr(out, outOff, n, temps, true)];
    try { this.stream(unName(op, dt), dt, ptrs, undefined, n); } finally { this.done(temps); }
  }

  /** Sum of n elements as a JS number (float32 callers round it with Math.fround). */
  sum(a: FloatArray, aOff: number, n: number): number {
    if (n < JS_MAX && !this.rt.heap.owns(a)) {
      let s = 0;
      for (let i = 0; i < n; i++) s += a[aOff + i]!;
      return s;
    }
    const dt = dtOf(a), temps: Temp[] = [];
    const p = this.addr(a, aOff, n, temps);
    try {
      if (n < PAR_MIN_ELEMENTWISE || this.threads === 1) {
        this.rt.call(sumName(dt), p, 0, n);
        return new Float64Array(this.rt.heap.buffer, 0, 1)[0]!;
      }
      const len = chunkLenFor(n), chunks = Math.ceil(n / len);
      const parts = this.allocF64(chunks);
      try {
        this.rt.parallel(sumName(dt), [p, parts.byteOffset, n], [len * bytesOf(dt), 8, 0], 2, n, len);
        let s = 0;
        for (let i = 0; i < chunks; i++) s += parts[i]!;
        return s;
      } finally { this.free(parts); }
    } finally { this.done(temps); }
  }

  /**
   * Sum of n contiguous elements in PyTorch's single-thread order (the tensor core's `x.sum()`), bit for bit
   * contiguousRowSum; float32 results are float32 values. Rows too short for one 128-byte block, and off-heap
   * rows too short to be worth a copy, use contiguousRowSum itself. Long rows use the pool (see ordered.ts), so
   * like every pooled kernel this can throw KernelInterruptedError.
   */
  orderedSum(a: FloatArray, aOff: number, n: number): number {
    const f32 = a instanceof Float32Array;
    const sh = this.rt.heap;
    if (n < 32 || (n < JS_MAX && !sh.owns(a))) return contiguousRowSum(a, aOff, n, f32);
    const o = this.ordered ??= { f32: this.makeOrdered('f32'), f64: this.makeOrdered('f64') };
    if (!sh.owns(a)) return this.stagedOrderedSum(a, aOff, n);
    return orderedRowSum(f32 ? o.f32 : o.f64, a, aOff, n);
  }
  private makeOrdered(dt: FloatDtype): OrderedSum {
    const s = this.allocF64(ORDERED_SCRATCH_BYTES / 8);
    const scratch = dt === 'f32' ? new Float32Array(s.buffer, s.byteOffset, ORDERED_SCRATCH_BYTES / 4) : s;
    const name = orderedChunksName(dt);
    const chunked = (ptr: number, chunks: number, step: number, mask1: number, mask2: number): number => {
      const bytes = chunks * ORDERED_SCRATCH_BYTES;
      if (!this.chunkSlots || this.chunkSlots.byteLength < bytes) {
        if (this.chunkSlots) this.free(this.chunkSlots);
        this.chunkSlots = this.allocF64(bytes / 8);
      }
      const slots = this.chunkSlots;
      // one pool chunk per cascade chunk (512 KiB of float32 or more): enough grains for 2 threads to balance
      this.rt.parallel(name, [ptr, chunks, step, mask1, mask2, slots.byteOffset], [step ** 3 * 128, 0, 0, 0, 0, ORDERED_SCRATCH_BYTES], 1, chunks, 1);
      return slots.byteOffset;
    };
    const fn = (name: string) => this.rt.fn(name);
    return { osum: fn(orderedSumName(dt)), osumr: fn(orderedRowsName(dt)), fold: fn(orderedFoldName(dt)), scratch, chunked: this.threads > 1 ? chunked : null };
  }
  /**
   * orderedSum of each of `count` consecutive rows of n elements at a[aOff ..] (x.sum(-1) of a contiguous matrix).
   * Rows long enough for the pool go one by one through orderedSum; shorter ones (n >= 8 float32 / 4 float64)
   * all in one kernel call. Returns the count sums, in a's precision.
   */
  orderedRowSums(a: FloatArray, aOff: number, count: number, n: number): Float64Array {
    const f32 = a instanceof Float32Array;
    const out = new Float64Array(count);
    if (n >= MIN_CHUNKS * 4096 * (f32 ? 32 : 16) || !this.rt.heap.owns(a)) {
      for (let j = 0; j < count; j++) out[j] = this.orderedSum(a, aOff + j * n, n);
      return out;
    }
    const o = this.ordered ??= { f32: this.makeOrdered('f32'), f64: this.makeOrdered('f64') };
    const tmp = this.alloc(f32 ? 'f32' : 'f64', count);
    try {
      orderedRowSums(f32 ? o.f32 : o.f64, a, aOff, count, n, tmp);
      out.set(tmp);
    } finally { this.free(tmp); }
    return out;
  }

  /**
   * Column sums of the row-major m x n matrix at a[aOff ..] in PyTorch's order (its vectorized_outer_sum, for
   * n >= 8 float32 / 4 float64 columns): `x.sum(0)`, bit for bit cascadeSum's. Single-threaded.
   */
  orderedColumnSums(a: FloatArray, aOff: number, m: number, n: number): Float64Array {
    const o = this.ordered ??= { f32: this.makeOrdered('f32'), f64: this.makeOrdered('f64') };
    const f32 = a instanceof Float32Array;
    if (this.rt.heap.owns(a)) return orderedColumnSums(f32 ? o.f32 : o.f64, a, aOff, m, n);
    const tmp = this.alloc(f32 ? 'f32' : 'f64', m * n);
    try {
      tmp.set(a.subarray(aOff, aOff + m * n));
      return orderedColumnSums(f32 ? o.f32 : o.f64, tmp, 0, m, n);
    } finally { this.free(tmp); }
  }
  /**
   * [Note: kernel warm-up] V8 runs a wasm function first as baseline (Liftoff) code and compiles its optimized
   * version on a background thread once the function has run enough (a budget of roughly bytes executed). For
   * the ordered sums that happened during a session's first large sums: osum (the blocks after the last whole
   * chunk) reached its budget around the 6th sum of 10^7 float32 (or 5·10^6 float64), and the compile took the
   * core the pool's worker needed, so that sum ran on one thread (1.2-1.6 ms instead of 0.65-0.7). Running the kernels here on a 512 KiB row
   * per dtype (in cache, ~1.2 ms each, once per backend) spends those budgets at startup instead.
   */
  warmUp(): void {
    const o = this.ordered ??= { f32: this.makeOrdered('f32'), f64: this.makeOrdered('f64') };
    for (const dt of ['f32', 'f64'] as const) {
      const row = this.alloc(dt, 65536 * (dt === 'f32' ? 2 : 1)); // one cascade chunk: 4096 blocks, step 16
      const osumc = this.rt.fn(orderedChunksName(dt)), slot = o[dt].scratch.byteOffset;
      try {
        for (let i = 0; i < 100; i++) {
          orderedRowSum(o[dt], row, 0, row.length); // osum over the 4096 blocks
          osumc(row.byteOffset, 1, 16, 15 << 4, 15 << 8, slot); // the row as one chunk, the scratch as its slot
          o[dt].fold(slot, 1, slot + 384);
        }
      } finally { this.free(row); }
    }
  }
  /** orderedSum of a row that is not on the heap: copied to a temporary first (kept apart: try/finally is slow). */
  private stagedOrderedSum(a: FloatArray, aOff: number, n: number): number {
    const tmp = this.alloc(a instanceof Float32Array ? 'f32' : 'f64', n);
    try {
      tmp.set(a.subarray(aOff, aOff + n));
      return this.orderedSum(tmp, 0, n);
    } finally { this.free(tmp); }
  }

  /**
   * Running sum with an f64 accumulator. Below 4 * PAR_MIN_ELEMENTWISE elements, or when `exact`: one sequential
   * scan, bit for bit PyTorch's. Above: chunk totals first (in f64), then each chunk scans from its prefix with
   * the short-chain float32 kernel; see [Note: summation accuracy] in wasm/reduce.ts for how far that can drift
   * (one float32 ulp, rarely).
   */
  cumsum(a: FloatArray, aOff: number, out: FloatArray, outOff: number, n: number, exact = false): void {
    const sh = this.rt.heap;
    if (n < JS_MAX && !(sh.owns(a) && sh.owns(out))) {
      const round = out instanceof Float32Array ? Math.fround : (x: number) => x;
      let s = 0;
      for (let i = 0; i < n; i++) { s += a[aOff + i]!; out[outOff + i] = round(s); }
      return;
    }
    const dt = dtOf(a), es = bytesOf(dt), temps: Temp[] = [];
    const pa = this.addr(a, aOff, n, temps), po = this.addr(out, outOff, n, temps, true);
    try {
      if (exact || n < 4 * PAR_MIN_ELEMENTWISE || this.threads === 1) {
        new Float64Array(sh.buffer, 0, 1)[0] = 0;
        this.rt.call(cumsumName(dt), pa, po, n, 0);
        return;
      }
      const len = chunkLenFor(n), chunks = Math.ceil(n / len);
      const parts = this.allocF64(chunks);
      try {
        this.rt.parallel(dt === 'f32' ? sumExactName : sumName(dt), [pa, parts.byteOffset, n], [len * es, 8, 0], 2, n, len);
        let s = 0;
        for (let i = 0; i < chunks; i++) { const t = parts[i]!; parts[i] = s; s += t; }
        this.rt.parallel(dt === 'f32' ? cumsumFastName : cumsumName(dt), [pa, po, n, parts.byteOffset], [len * es, len * es, 0, 8], 2, n, len);
      } finally { this.free(parts); }
    } finally { this.done(temps); }
  }

  matmulF32(a: Float32Array, aOff: number, b: Float32Array, bOff: number, out: Float32Array, M: number, N: number, K: number, opt: MatmulOptions = {}): void {
    matmul(this, a, aOff, b, bOff, out, M, N, K, opt);
  }
  matmulF64(a: Float64Array, aOff: number, b: Float64Array, bOff: number, out: Float64Array, M: number, N: number, K: number, opt: MatmulOptions = {}): void {
    matmul(this, a, aOff, b, bOff, out, M, N, K, opt);
  }

  dispose(): void { this.rt.dispose(); }
}

export interface Temp { tmp: FloatArray; dst: FloatArray | undefined; off: number; n: number }

export async function createCpuBackend(opts: CpuRuntimeOptions = {}): Promise<CpuBackend> {
  const cpu = new CpuBackend(await CpuRuntime.create(opts));
  cpu.warmUp();
  return cpu;
}
