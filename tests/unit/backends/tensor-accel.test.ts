/**
 * @file The tensor core with the CPU backend installed (as the engine does) against the same ops on the
 * TypeScript kernels, the oracle: large matmuls (plain, transposed, batched with a broadcast operand, mv) and
 * add/sub/mul/div (tensor-tensor, tensor-scalar, in place) agree within float tolerance; sum/mean (whole and
 * over trailing dims), cumsum and neg/abs/sqrt are bit-identical to the TS loops and cascade; storages of large
 * float tensors live on the backend heap while small ones do not.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createNodeCpuBackend } from '../../../src/engine/node/cpu-backend';
import type { CpuBackend } from '../../../src/shared/backends/cpu/index';
import { setCpuKernels, SUM_MIN } from '../../../src/shared/tensor/accel';
import { setArrayAllocator } from '../../../src/shared/tensor/storage';
import { fromFlat } from '../../../src/shared/tensor/creation';
import { matmul, mm, mv } from '../../../src/shared/tensor/linalg';
import { binary, binaryInplace } from '../../../src/shared/tensor/binary';
import { contiguous, expand, permute, transpose } from '../../../src/shared/tensor/views';
import type { DType } from '../../../src/shared/tensor/dtype';
import type { Tensor } from '../../../src/shared/tensor/tensor';
import { cumulative, mean, sum } from '../../../src/shared/tensor/reduce';
import { unary, unaryInplace } from '../../../src/shared/tensor/unary';
import fc from 'fast-check';

let cpu: CpuBackend;
let accelOn = false;
/** Backend kernel calls since the last install, to prove the fast path ran (or did not). */
let calls = 0;
const install = (on: boolean): void => {
  accelOn = on;
  calls = 0;
  const count = <A extends unknown[]>(f: (...a: A) => void) => (...a: A) => { calls++; f(...a); };
  const countR = <A extends unknown[], R>(f: (...a: A) => R) => (...a: A): R => { calls++; return f(...a); };
  setCpuKernels(on ? {
    binary: count(cpu.binary.bind(cpu)), binaryScalar: count(cpu.binaryScalar.bind(cpu)), unary: count(cpu.unary.bind(cpu)),
    orderedSum: countR(cpu.orderedSum.bind(cpu)), orderedRowSums: countR(cpu.orderedRowSums.bind(cpu)), orderedColumnSums: countR(cpu.orderedColumnSums.bind(cpu)), cumsum: count(cpu.cumsum.bind(cpu)),
    matmulF32: count(cpu.matmulF32.bind(cpu)), matmulF64: count(cpu.matmulF64.bind(cpu)), isShared: cpu.isShared.bind(cpu),
  } : null);
  setArrayAllocator(on ? (d, n) => (d === 'float32' ? cpu.allocF32(n).fill(0) : d === 'float64' ? cpu.allocF64(n).fill(0) : null) : null);
};
beforeAll(async () => { cpu = await createNodeCpuBackend({ threads: 2 }); });
afterAll(() => { install(false); cpu.dispose(); });

/** Deterministic values in [-1, 1) that are not all exactly representable sums. */
const values = (n: number, seed: number): number[] => Array.from({ length: n }, (_, i) => (((i * 7919 + seed * 104729) % 2003) / 1001.5) - 1);
const flat = (t: Tensor): number[] => { const c = contiguous(t); return Array.from(c.storage.data.subarray(c.offset, c.offset + c.numel) as Float64Array); };

/** Runs `f` on fresh inputs once with the backend and once without; returns both results' values. */
function both(f: (mk: (shape: number[], seed: number) => Tensor) => Tensor, dtype: DType): { fast: number[]; ref: number[]; onHeap: boolean; calls: number } {
  const run = (on: boolean) => {
    install(on);
    const out = f((shape, seed) => fromFlat(values(shape.reduce((a, b) => a * b, 1), seed), shape, dtype));
    return { values: flat(out), onHeap: cpu.isShared(out.storage.data), calls };
  };
  const ref = run(false), fast = run(true);
  install(false);
  return { fast: fast.values, ref: ref.values, onHeap: fast.onHeap, calls: fast.calls };
}

function expectClose(fast: number[], ref: number[], dtype: DType, k: number): void {
  expect(fast.length).toBe(ref.length);
  // float32 GEMM accumulates in float32 (as BLAS does); the reference accumulates in float64 and rounds once
  const tol = dtype === 'float32' ? 4e-7 * k : 1e-13 * k;
  let worst = 0;
  for (let i = 0; i < ref.length; i++) worst = Math.max(worst, Math.abs(fast[i]! - ref[i]!));
  expect(worst).toBeLessThanOrEqual(tol);
}

describe.each(['float32', 'float64'] as const)('tensor core on the CPU backend (%s)', (dtype) => {
  it('mm, a transposed operand, mv and a broadcast batched matmul agree with the TS GEMM', () => {
    const cases: [string, (mk: (s: number[], seed: number) => Tensor) => Tensor, number][] = [
      ['mm', (mk) => mm(mk([70, 90], 1), mk([90, 65], 2)), 90],
      ['mm of a transposed A', (mk) => mm(transpose(mk([90, 70], 3), 0, 1), mk([90, 65], 4)), 90],
      ['mv', (mk) => mv(mk([300, 500], 5), mk([500], 6)), 500],
      ['batched, B broadcast', (mk) => matmul(mk([3, 50, 60], 7), expand(mk([60, 70], 8), [3, 60, 70])), 60],
      ['batched, permuted', (mk) => matmul(permute(mk([60, 2, 50], 9), [1, 2, 0]), mk([2, 60, 55], 10)), 60],
    ];
    for (const [, f, k] of cases) {
      const r = both(f, dtype);
      expectClose(r.fast, r.ref, dtype, k);
      expect(r.calls).toBeGreaterThan(0);
      if (r.fast.length >= 1024) expect(r.onHeap).toBe(true);
    }
  });

  it('add, sub, mul, div (tensor-tensor, tensor-scalar, scalar-tensor, in place) are identical to the TS loops', () => {
    const n = 1 << 15;
    for (const op of ['add', 'sub', 'mul', 'div'] as const) {
      const cases = [
        (mk: (s: number[], seed: number) => Tensor) => binary(op, mk([n], 1), mk([n], 2)),
        (mk: (s: number[], seed: number) => Tensor) => binary(op, mk([128, 256], 3), { kind: 'float', value: 0.1 }),
        (mk: (s: number[], seed: number) => Tensor) => binary(op, { kind: 'float', value: 1.7 }, mk([n], 4)),
        (mk: (s: number[], seed: number) => Tensor) => { const a = mk([n], 5); binaryInplace(op, a, mk([n], 6)); return a; },
        // broadcast and strided operands take the TS loops even when large
        (mk: (s: number[], seed: number) => Tensor) => binary(op, mk([256, 128], 7), mk([128], 8)),
        (mk: (s: number[], seed: number) => Tensor) => binary(op, transpose(mk([256, 128], 9), 0, 1), mk([128, 256], 10)),
      ];
      cases.forEach((f, i) => {
        const r = both(f, dtype);
        expect(r.fast).toEqual(r.ref);
        expect(r.calls).toBe(i < 4 ? 1 : 0);
      });
    }
  });
});

describe('storage placement', () => {
  it('puts large float storages on the heap, small ones and other dtypes elsewhere', () => {
    install(true);
    try {
      expect(accelOn).toBe(true);
      expect(cpu.isShared(fromFlat(values(4096, 1), [4096], 'float32').storage.data)).toBe(true);
      expect(cpu.isShared(fromFlat(values(4, 1), [4], 'float32').storage.data)).toBe(false);
      expect(cpu.isShared(fromFlat(values(4096, 1), [4096], 'int32').storage.data)).toBe(false);
    } finally { install(false); }
  });

  it('elementwise ops on storages off the heap (past its budget) take the TS loops; matmul stages them', () => {
    install(true);
    try {
      setArrayAllocator(() => null);
      const a = fromFlat(values(1 << 15, 1), [1 << 15], 'float32');
      expect(cpu.isShared(a.storage.data)).toBe(false);
      const sum = binary('add', a, a);
      expect(calls).toBe(0);
      expect(flat(sum)).toEqual(flat(binary('mul', a, { kind: 'float', value: 2 })));
      const m = fromFlat(values(64 * 64, 2), [64, 64], 'float32');
      mm(m, m);
      expect(calls).toBe(1);
    } finally { install(false); }
  });
});

/** Values over ~2^±40 with both signs: sums whose float32 rounding depends on the order of additions. */
const wide = (n: number, seed: number): number[] =>
  Array.from({ length: n }, (_, i) => { const h = Math.imul(i + 1, 2654435761) ^ Math.imul(seed + 7, 40503); return ((h % 1000) / 997) * 2 ** ((h >>> 8) % 81 - 40); });
const sameBits = (fast: number[], ref: number[]): boolean => fast.length === ref.length && fast.every((v, i) => Object.is(v, ref[i]));

/** Like `both`, with wide-range data. */
function bothWide(f: (mk: (shape: number[], seed: number) => Tensor) => Tensor, dtype: DType): { fast: number[]; ref: number[]; calls: number } {
  const run = (on: boolean) => {
    install(on);
    const out = f((shape, seed) => fromFlat(wide(shape.reduce((a, b) => a * b, 1), seed), shape, dtype));
    return { values: flat(out), calls };
  };
  const ref = run(false), fast = run(true);
  install(false);
  return { fast: fast.values, ref: ref.values, calls: fast.calls };
}

describe.each(['float32', 'float64'] as const)('sums, cumsum and unary ops on the CPU backend (%s) are the TS results bit for bit', (dtype) => {
  it('sum() and mean() of large contiguous tensors (the ordered wasm sum), and of small ones (untouched)', () => {
    for (const [shape, accel] of [[[1_000_003], true], [[4096], true], [[64, 257], true], [[SUM_MIN - 1], false], [[5], false]] as const) {
      for (const f of [(t: Tensor) => sum(t), (t: Tensor) => mean(t)]) {
        const r = bothWide((mk) => f(mk([...shape], 1)), dtype);
        expect(sameBits(r.fast, r.ref)).toBe(true);
        expect(r.calls > 0).toBe(accel);
      }
    }
  });

  it('sum and mean over trailing dims (rows) or leading dims (columns) take the backend; other layouts keep the TS cascade', () => {
    const cases: [string, (mk: (s: number[], seed: number) => Tensor) => Tensor, boolean][] = [
      ['sum(-1)', (mk) => sum(mk([3, 5000], 2), [1]), true],
      ['sum((1, 2)) keepdim', (mk) => sum(mk([2, 70, 90], 3), [1, 2], true), true],
      ['mean(1) with a trailing size-1 dim', (mk) => mean(mk([3, 4500, 1], 4), [1]), true],
      ['sum(0) of few columns', (mk) => sum(mk([5000, 3], 5), [0]), false],
      ['sum(0) of a matrix (column groups and 13 leftover columns)', (mk) => sum(mk([700, 45], 19), [0]), true],
      ['mean((0, 1)) keepdim of 3-D', (mk) => mean(mk([30, 40, 100], 20), [0, 1], true), true],
      ['sum(1) with a leading size-1 dim', (mk) => sum(mk([1, 3000, 64], 21), [1]), true],
      ['sum(1) of 3-D: neither rows nor columns', (mk) => sum(mk([30, 40, 100], 22), [1]), false],
      ['sum(-1) of a transposed tensor', (mk) => sum(transpose(mk([5000, 3], 6), 0, 1), [1]), false],
      ['sum(-1) of many short rows (one kernel call)', (mk) => sum(mk([300, 37], 7), [1]), true],
      ['sum(-1) of rows shorter than a block', (mk) => sum(mk([300, 20], 23), [1]), false],
    ];
    for (const [name, f, accel] of cases) {
      const r = bothWide(f, dtype);
      expect(sameBits(r.fast, r.ref), name).toBe(true);
      expect(r.calls > 0, name).toBe(accel);
    }
  });

  it('sums over random shapes and dims agree with the TS cascade (property)', () => {
    fc.assert(fc.property(
      fc.array(fc.integer({ min: 1, max: 12 }), { minLength: 0, maxLength: 3 }), fc.integer({ min: 1, max: 9000 }), fc.integer(), fc.boolean(),
      (shape, last, mask, keep) => {
        const lead = shape.reduce((a, b) => a * b, 1);
        const full = [...shape, Math.max(1, Math.min(last, Math.floor(200_000 / lead)))];
        const dims = full.map((_, i) => i).filter((i) => (mask >> i) & 1);
        const r = bothWide((mk) => (dims.length ? sum(mk(full, 8), dims, keep) : mean(mk(full, 8))), dtype);
        return sameBits(r.fast, r.ref);
      }), { numRuns: 40 });
  });

  it('cumsum along contiguous rows takes the exact scan; other dims keep the TS loop', () => {
    const cases: [string, (mk: (s: number[], seed: number) => Tensor) => Tensor, boolean][] = [
      ['1-D', (mk) => cumulative(mk([600_001], 9), 0, true), true],
      ['dim=-1 of 2-D', (mk) => cumulative(mk([3, 5000], 10), 1, true), true],
      ['dim=1 with a trailing size-1 dim', (mk) => cumulative(mk([2, 5000, 1], 11), 1, true), true],
      ['dim=0 of 2-D', (mk) => cumulative(mk([5000, 3], 12), 0, true), false],
      ['cumprod', (mk) => cumulative(mk([5000], 13), 0, false), false],
      ['short rows', (mk) => cumulative(mk([400, 30], 14), 1, true), false],
    ];
    for (const [name, f, accel] of cases) {
      const r = bothWide(f, dtype);
      expect(sameBits(r.fast, r.ref), name).toBe(true);
      expect(r.calls > 0, name).toBe(accel);
    }
  });

  it('neg, abs and sqrt (NaN for negatives) of large contiguous tensors, in place too', () => {
    for (const op of ['neg', 'abs', 'sqrt'] as const) {
      const cases: [(mk: (s: number[], seed: number) => Tensor) => Tensor, boolean][] = [
        [(mk) => unary(op, mk([1 << 15], 15)), true],
        [(mk) => { const a = mk([128, 256], 16); unaryInplace(op, a); return a; }, true],
        [(mk) => unary(op, transpose(mk([256, 128], 17), 0, 1)), false],
        [(mk) => unary(op, mk([100], 18)), false],
      ];
      for (const [f, accel] of cases) {
        const r = both(f, dtype);
        expect(sameBits(r.fast, r.ref), op).toBe(true);
        expect(r.calls > 0, op).toBe(accel);
      }
    }
  });
});
