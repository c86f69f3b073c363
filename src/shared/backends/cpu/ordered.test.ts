/**
 * @file The CPU backend's PyTorch-ordered sum (wasm lane partials + TypeScript finish) against the TypeScript
 * cascade (src/shared/tensor/cascade-sum.ts), the oracle: bit for bit (Object.is, so -0 and NaN count) on random
 * lengths with odd tails, random offsets, data of a large dynamic range with zeros, infinities and NaNs mixed in,
 * for float32 and float64, on and off the heap, one row, many rows in one call, and columns. Also the exact sequential cumsum against the TypeScript loop, and
 * both against PyTorch 1.13's own single-thread results on rows of up to 10^7 (testdata/make_torch_sums.py).
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { createCpuBackend, type CpuBackend } from './index';
import { cascadeSum, contiguousRowSum } from '../../tensor/cascade-sum';
import { fromFlat } from '../../tensor/creation';
import { createNodeCpuBackend } from '../../../engine/node/cpu-backend';

let cpu: CpuBackend;
/** Two threads: rows of two or more cascade chunks are summed on the pool (ordered.ts). */
let two: CpuBackend;
beforeAll(async () => { cpu = await createCpuBackend({ threads: 1 }); two = await createNodeCpuBackend({ threads: 2 }); });
afterAll(() => { cpu.dispose(); two.dispose(); });

/** A small seeded generator (mulberry32), so that a failing case replays from its fast-check seed. */
function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

interface Data { n: number; off: number; seed: number; range: number; positive: boolean; specials: number; f32: boolean }

/** Fills n values: sign, mantissa and a binary exponent in [-range, range]; `specials` of them are 0/-0/±inf/NaN. */
function fill(d: Data, arr: Float32Array | Float64Array): void {
  const r = rng(d.seed);
  for (let i = 0; i < d.n; i++) {
    const v = (r() + 0.5) * 2 ** Math.round((r() * 2 - 1) * d.range);
    arr[d.off + i] = d.positive || r() < 0.5 ? v : -v;
  }
  const special = [0, -0, Infinity, -Infinity, NaN];
  for (let k = 0; k < d.specials && d.n > 0; k++) arr[d.off + Math.floor(r() * d.n)] = special[Math.floor(r() * special.length)]!;
}

const dataArb = (maxN: number): fc.Arbitrary<Data> => fc.record({
  n: fc.oneof(fc.integer({ min: 0, max: maxN }), fc.integer({ min: 0, max: 600 }), fc.constantFrom(31, 32, 33, 255, 256, 257, 4096 * 32 + 31)),
  off: fc.integer({ min: 0, max: 9 }),
  seed: fc.integer(),
  // float32: 2^±60 keeps most sums finite while mixing magnitudes far beyond one float's 24 bits
  range: fc.oneof(fc.constant(0), fc.integer({ min: 1, max: 60 })),
  positive: fc.boolean(),
  specials: fc.oneof(fc.constant(0), fc.constant(0), fc.integer({ min: 1, max: 3 })),
  f32: fc.boolean(),
});

const sameBits = (a: number, b: number): boolean => Object.is(a, b);

describe('orderedSum (wasm) is contiguousRowSum bit for bit', () => {
  it('on random lengths 0..100k, offsets, magnitudes and specials, on the heap', () => {
    fc.assert(fc.property(dataArb(100_000), (d) => {
      const arr = d.f32 ? cpu.allocF32(d.n + d.off + 1) : cpu.allocF64(d.n + d.off + 1);
      try {
        fill(d, arr);
        const want = contiguousRowSum(arr, d.off, d.n, d.f32);
        const got = cpu.orderedSum(arr, d.off, d.n);
        if (!sameBits(got, want)) throw new Error(`n=${d.n} off=${d.off}: got ${got}, want ${want}`);
      } finally { cpu.free(arr); }
    }), { numRuns: 300 });
  });

  it('off the heap (staged through a copy) as well', () => {
    fc.assert(fc.property(dataArb(50_000), (d) => {
      const arr = d.f32 ? new Float32Array(d.n + d.off) : new Float64Array(d.n + d.off);
      fill(d, arr);
      expect(sameBits(cpu.orderedSum(arr, d.off, d.n), contiguousRowSum(arr, d.off, d.n, d.f32))).toBe(true);
    }), { numRuns: 60 });
  });

  it('across the cascade carries of a long row (10^6 + 7 elements, both dtypes)', () => {
    for (const f32 of [true, false]) {
      const d: Data = { n: 1_000_007, off: 3, seed: 7, range: 20, positive: false, specials: 0, f32 };
      const arr = f32 ? cpu.allocF32(d.n + 3) : cpu.allocF64(d.n + 3);
      fill(d, arr);
      expect(sameBits(cpu.orderedSum(arr, 3, d.n), contiguousRowSum(arr, 3, d.n, f32))).toBe(true);
      cpu.free(arr);
    }
  });

  it('on the pool: rows of 0..14 chunks (the pool from 8), lengths near chunk boundaries, specials, 2 threads, twice each', () => {
    // a chunk is 4096 blocks of 128 bytes: 131072 float32 or 65536 float64 elements (for rows below 2^24 blocks)
    const arb = fc.record({
      chunks: fc.integer({ min: 0, max: 14 }), delta: fc.integer({ min: -300, max: 300 }),
      off: fc.integer({ min: 0, max: 9 }), seed: fc.integer(), range: fc.integer({ min: 0, max: 40 }),
      positive: fc.boolean(), specials: fc.oneof(fc.constant(0), fc.integer({ min: 1, max: 3 })), f32: fc.boolean(),
    });
    fc.assert(fc.property(arb, (g) => {
      const n = Math.max(0, g.chunks * (g.f32 ? 131072 : 65536) + g.delta);
      const d: Data = { ...g, n };
      const arr = d.f32 ? two.allocF32(n + d.off) : two.allocF64(n + d.off);
      try {
        fill(d, arr);
        const want = contiguousRowSum(arr, d.off, n, d.f32);
        // twice: the second call finds the pool's worker awake (polling), and must give the same bits
        for (const call of [1, 2]) {
          const got = two.orderedSum(arr, d.off, n);
          if (!sameBits(got, want)) throw new Error(`n=${n} off=${d.off}, call ${call}: got ${got}, want ${want}`);
        }
      } finally { two.free(arr); }
    }), { numRuns: 40 });
  }, 60_000);

  it('a sum of negative zeros keeps the sign the cascade gives it', () => {
    const arr = cpu.allocF32(1000).fill(-0);
    expect(sameBits(cpu.orderedSum(arr, 0, 1000), contiguousRowSum(arr, 0, 1000, true))).toBe(true);
    cpu.free(arr);
  });
});

describe('orderedRowSums (x.sum(-1) of a matrix, one kernel call) is contiguousRowSum per row, bit for bit', () => {
  it('on random counts, row lengths from one lane group up, offsets, magnitudes and specials', () => {
    const arb = fc.record({
      count: fc.integer({ min: 1, max: 60 }), n: fc.oneof(fc.integer({ min: 8, max: 700 }), fc.constantFrom(8, 31, 32, 33, 127, 128, 129, 2048 + 5)),
      off: fc.integer({ min: 0, max: 9 }), seed: fc.integer(), range: fc.integer({ min: 0, max: 40 }), positive: fc.boolean(),
      specials: fc.oneof(fc.constant(0), fc.integer({ min: 1, max: 3 })), f32: fc.boolean(),
    });
    fc.assert(fc.property(arb, (g) => {
      const d: Data = { ...g, n: g.count * g.n };
      const arr = d.f32 ? cpu.allocF32(d.n + d.off) : cpu.allocF64(d.n + d.off);
      try {
        fill(d, arr);
        const got = cpu.orderedRowSums(arr, d.off, g.count, g.n);
        for (let j = 0; j < g.count; j++) {
          const want = contiguousRowSum(arr, d.off + j * g.n, g.n, d.f32);
          if (!sameBits(got[j]!, want)) throw new Error(`count=${g.count} n=${g.n} row ${j}: got ${got[j]}, want ${want}`);
        }
      } finally { cpu.free(arr); }
    }), { numRuns: 200 });
  });
});

describe('orderedColumnSums (x.sum(0) of a matrix) is cascadeSum bit for bit', () => {
  it('on random m x n matrices, offsets, magnitudes and specials', () => {
    const arb = fc.record({
      m: fc.oneof(fc.integer({ min: 1, max: 3000 }), fc.constantFrom(1, 15, 16, 17, 255, 256, 4097)),
      n: fc.integer({ min: 8, max: 100 }), off: fc.integer({ min: 0, max: 9 }), seed: fc.integer(), // fewer columns than lanes: another PyTorch loop
      range: fc.integer({ min: 0, max: 40 }), positive: fc.boolean(), specials: fc.oneof(fc.constant(0), fc.integer({ min: 1, max: 3 })), f32: fc.boolean(),
    });
    fc.assert(fc.property(arb, (g) => {
      const d: Data = { ...g, n: g.m * g.n };
      const arr = d.f32 ? cpu.allocF32(d.n + d.off) : cpu.allocF64(d.n + d.off);
      try {
        fill(d, arr);
        const t = fromFlat(arr.subarray(d.off, d.off + d.n), [g.m, g.n], d.f32 ? 'float32' : 'float64');
        // cascadeSum stores 0 + each column's sum into its zeroed output; orderedColumnSums returns the sums
        const want = cascadeSum(t, [0], g.n), got = Array.from(cpu.orderedColumnSums(arr, d.off, g.m, g.n), (v) => (d.f32 ? Math.fround(0 + v) : 0 + v));
        const bad = want.findIndex((w, j) => !sameBits(got[j]!, w));
        if (bad >= 0) throw new Error(`m=${g.m} n=${g.n} column ${bad}: got ${got[bad]}, want ${want[bad]}`);
      } finally { cpu.free(arr); }
    }), { numRuns: 150 });
  });
});

describe('cumsum with exact = true', () => {
  it('is the TypeScript f64-accumulator loop bit for bit, past the parallel threshold too', () => {
    {
      // `two` would split a scan this long without `exact`
      for (const f32 of [true, false]) {
        const n = 600_001;
        const d: Data = { n, off: 1, seed: 11, range: 30, positive: false, specials: 0, f32 };
        const a = f32 ? two.allocF32(n + 1) : two.allocF64(n + 1), out = f32 ? two.allocF32(n) : two.allocF64(n);
        fill(d, a);
        two.cumsum(a, 1, out, 0, n, true);
        let acc = 0, bad = 0;
        for (let i = 0; i < n; i++) { acc += a[1 + i]!; if (!sameBits(out[i]!, f32 ? Math.fround(acc) : acc)) bad++; }
        expect(bad).toBe(0);
        two.free(a); two.free(out);
      }
    }
  });
});

const cpuOne = (): CpuBackend => cpu;
interface TorchRow { data: 'base' | 'wide'; dtype: 'float32' | 'float64'; n: number; sum: number; cumsumMid: number; cumsumLast: number }
const torchRows: TorchRow[] = JSON.parse(readFileSync(new URL('./testdata/torch_sums.json', import.meta.url), 'utf8')).rows;

describe('PyTorch 1.13 (one thread) recorded', () => {
  it.each(torchRows.flatMap((r) => [1, 2].map((threads) => [`${r.data} ${r.dtype} n=${r.n}, ${threads} thread(s)`, r, threads] as const)))('%s: sum and cumsum are its results bit for bit', (_, r, threads) => {
    const cpu = threads === 1 ? cpuOne() : two;
    const f32 = r.dtype === 'float32';
    const a = f32 ? cpu.allocF32(r.n) : cpu.allocF64(r.n), c = f32 ? cpu.allocF32(r.n) : cpu.allocF64(r.n);
    try {
      for (let i = 0; i < r.n; i++) {
        const b = ((i * 7919) % 2003) / 1001.5 - 1;
        a[i] = r.data === 'wide' ? b * 2 ** (((i * 31) % 41) - 20) : b;
      }
      expect(Object.is(cpu.orderedSum(a, 0, r.n), r.sum)).toBe(true);
      expect(Object.is(contiguousRowSum(a, 0, r.n, f32), r.sum)).toBe(true);
      cpu.cumsum(a, 0, c, 0, r.n, true);
      expect([c[r.n >> 1], c[r.n - 1]]).toEqual([r.cumsumMid, r.cumsumLast]);
    } finally { cpu.free(a); cpu.free(c); }
  });
});
