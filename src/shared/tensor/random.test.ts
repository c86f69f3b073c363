/** @file DiveLab's generator: reproducible under manual_seed, and the right ranges and moments. */
import { describe, expect, it } from 'vitest';
import { toFlatArray } from './iterate';
import { manualSeed, normal, rand, randint, randn, randperm } from './random';

describe('random', () => {
  it('manual_seed makes draws reproducible and different seeds differ', () => {
    manualSeed(42);
    const a = toFlatArray(rand([5]));
    manualSeed(42);
    expect(toFlatArray(rand([5]))).toEqual(a);
    manualSeed(43);
    expect(toFlatArray(rand([5]))).not.toEqual(a);
  });

  it('rand is in [0, 1) and float32-exact; randint stays in [low, high)', () => {
    manualSeed(1);
    const u = toFlatArray(rand([10000]));
    expect(Math.min(...u)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...u)).toBeLessThan(1);
    expect(u.every((v) => Math.fround(v) === v)).toBe(true);
    const r = toFlatArray(randint(-3, 4, [10000]));
    expect(new Set(r)).toEqual(new Set([-3, -2, -1, 0, 1, 2, 3]));
  });

  it('randn and normal have the requested mean and spread', () => {
    manualSeed(7);
    const z = toFlatArray(randn([20000]));
    const m = z.reduce((s, v) => s + v, 0) / z.length;
    const sd = Math.sqrt(z.reduce((s, v) => s + (v - m) ** 2, 0) / z.length);
    expect(Math.abs(m)).toBeLessThan(0.03);
    expect(Math.abs(sd - 1)).toBeLessThan(0.03);
    const n = toFlatArray(normal(5, 2, [20000]));
    expect(Math.abs(n.reduce((s, v) => s + v, 0) / n.length - 5)).toBeLessThan(0.06);
  });

  it('randperm is a permutation', () => {
    manualSeed(3);
    expect(toFlatArray(randperm(50)).sort((a, b) => a - b)).toEqual(Array.from({ length: 50 }, (_, i) => i));
  });
});
