/**
 * @file The tensor core with the CPU backend installed (as the engine does) against the same ops on the
 * TypeScript kernels, the oracle: large matmuls (plain, transposed, batched with a broadcast operand, mv) and
 * add/sub/mul/div (tensor-tensor, tensor-scalar, in place) agree within float tolerance, and storages of large
 * float tensors live on the backend heap while small ones do not.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createNodeCpuBackend } from '../../../src/engine/node/cpu-backend';
import type { CpuBackend } from '../../../src/shared/backends/cpu/index';
import { setCpuKernels } from '../../../src/shared/tensor/accel';
import { setArrayAllocator } from '../../../src/shared/tensor/storage';
import { fromFlat } from '../../../src/shared/tensor/creation';
import { matmul, mm, mv } from '../../../src/shared/tensor/linalg';
import { binary, binaryInplace } from '../../../src/shared/tensor/binary';
import { contiguous, expand, permute, transpose } from '../../../src/shared/tensor/views';
import type { DType } from '../../../src/shared/tensor/dtype';
import type { Tensor } from '../../../src/shared/tensor/tensor';

let cpu: CpuBackend;
let accelOn = false;
/** Backend kernel calls since the last install, to prove the fast path ran (or did not). */
let calls = 0;
const install = (on: boolean): void => {
  accelOn = on;
  calls = 0;
  const count = <A extends unknown[]>(f: (...a: A) => void) => (...a: A) => { calls++; f(...a); };
  setCpuKernels(on ? { binary: count(cpu.binary.bind(cpu)), binaryScalar: count(cpu.binaryScalar.bind(cpu)), matmulF32: count(cpu.matmulF32.bind(cpu)), matmulF64: count(cpu.matmulF64.bind(cpu)), isShared: cpu.isShared.bind(cpu) } : null);
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
