/**
 * @file Property tests: broadcasting, views and reductions on random shapes and random strided views, checked
 * against a naive reference that reads elements by explicit index arithmetic (no shared iteration code).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { binary } from './binary';
import { fromFlat } from './creation';
import { amax, sum } from './reduce';
import { broadcastShapes } from './shape';
import type { Tensor } from './tensor';
import { contiguous, expand, permute, reshape, sliceDim, transpose, view } from './views';

/** The element at multi-index `idx`, by the definition of a strided view. */
const at = (t: Tensor, idx: readonly number[]): number =>
  t.storage.data[t.offset + idx.reduce((s, i, d) => s + i * t.strides[d], 0)];

function* indices(shape: readonly number[]): Generator<number[]> {
  if (shape.some((s) => s === 0)) return;
  const idx = shape.map(() => 0);
  for (;;) {
    yield idx.slice();
    let d = shape.length - 1;
    for (; d >= 0; d--) { if (++idx[d] < shape[d]) break; idx[d] = 0; }
    if (d < 0) return;
  }
}

const rowMajor = (t: Tensor): number[] => [...indices(t.shape)].map((i) => at(t, i));

/** A random strided view: a contiguous base, then a permutation and stepped slices of it. */
const stridedView = (maxRank: number) =>
  fc.record({
    shape: fc.array(fc.integer({ min: 1, max: 5 }), { minLength: 0, maxLength: maxRank }),
    perm: fc.array(fc.nat(), { maxLength: maxRank }),
    slices: fc.array(fc.tuple(fc.nat(3), fc.integer({ min: 1, max: 3 })), { maxLength: maxRank }),
    seed: fc.integer({ min: 1, max: 1000 }),
  }).map(({ shape, perm, slices, seed }) => {
    const n = shape.reduce((a, b) => a * b, 1);
    let t = fromFlat(Array.from({ length: n }, (_, i) => ((i * seed) % 97) - 40), shape, 'float64');
    const order = shape.map((_, i) => i).sort((a, b) => (perm[a] ?? 0) - (perm[b] ?? 0));
    t = permute(t, order);
    slices.slice(0, t.ndim).forEach(([start, step], d) => {
      const size = t.shape[d];
      t = sliceDim(t, d, Math.min(start, size - 1), size, step);
    });
    return t;
  });

describe('broadcasting', () => {
  it('binary ops on broadcast shapes equal the elementwise reference', () => {
    fc.assert(fc.property(stridedView(4), fc.array(fc.boolean(), { maxLength: 4 }), fc.nat(4), (a, ones, drop) => {
      // b's shape: a suffix of a's shape with some dims set to 1, so the pair always broadcasts.
      const bShape = a.shape.slice(Math.min(drop, a.ndim)).map((s, i) => (ones[i] ? 1 : s));
      const b = fromFlat(Array.from({ length: bShape.reduce((x, y) => x * y, 1) }, (_, i) => i * 0.5 - 3), bShape, 'float32');
      const out = binary('sub', a, b);
      const shape = broadcastShapes(a.shape, b.shape);
      expect(out.shape).toEqual(shape);
      for (const idx of indices(shape)) {
        const ia = idx.slice(shape.length - a.ndim).map((v, d) => (a.shape[d] === 1 ? 0 : v));
        const ib = idx.slice(shape.length - b.ndim).map((v, d) => (b.shape[d] === 1 ? 0 : v));
        expect(at(out, idx)).toBe(at(a, ia) - at(b, ib));
      }
    }));
  });

  it('broadcasting is symmetric in shape and refuses mismatched non-singleton dims', () => {
    fc.assert(fc.property(fc.array(fc.integer({ min: 0, max: 4 }), { maxLength: 4 }), fc.array(fc.integer({ min: 0, max: 4 }), { maxLength: 4 }), (x, y) => {
      const ok = (p: number[], q: number[]): boolean => {
        for (let i = 1; i <= Math.min(p.length, q.length); i++) {
          const a = p[p.length - i], b = q[q.length - i];
          if (a !== b && a !== 1 && b !== 1) return false;
        }
        return true;
      };
      if (ok(x, y)) expect(broadcastShapes(x, y)).toEqual(broadcastShapes(y, x));
      else expect(() => broadcastShapes(x, y)).toThrow(/must match the size of tensor b/);
    }));
  });
});

describe('views', () => {
  it('reshape keeps row-major order and shares storage whenever view succeeds', () => {
    fc.assert(fc.property(stridedView(4), fc.nat(3), (t, split) => {
      const n = t.numel;
      const first = [1, 2, 3, 4].filter((k) => n % k === 0)[split % 4] ?? 1;
      const target = [first, -1];
      const r = reshape(t, target);
      expect(rowMajor(r)).toEqual(rowMajor(t));
      let v: Tensor | null = null;
      try { v = view(t, target); } catch { v = null; }
      if (v) {
        expect(v.storage).toBe(t.storage);
        expect(rowMajor(v)).toEqual(rowMajor(t));
      } else expect(t.isContiguous).toBe(false);
    }));
  });

  it('transpose and permute move elements as their index maps say', () => {
    fc.assert(fc.property(stridedView(4), fc.nat(), fc.nat(), (t, i, j) => {
      if (t.ndim < 2) return;
      const a = i % t.ndim, b = j % t.ndim;
      const tt = transpose(t, a, b);
      for (const idx of indices(tt.shape)) {
        const src = idx.slice();
        [src[a], src[b]] = [src[b], src[a]];
        expect(at(tt, idx)).toBe(at(t, src));
      }
    }));
  });

  it('contiguous copies equal the view and have standard strides', () => {
    fc.assert(fc.property(stridedView(4), (t) => {
      const c = contiguous(t);
      expect(c.isContiguous).toBe(true);
      expect(rowMajor(c)).toEqual(rowMajor(t));
    }));
  });

  it('expand reads the same element along broadcast dims', () => {
    fc.assert(fc.property(stridedView(3), fc.integer({ min: 1, max: 3 }), (t, k) => {
      const e = expand(t, [k, ...t.shape]);
      for (const idx of indices(e.shape)) expect(at(e, idx)).toBe(at(t, idx.slice(1)));
    }));
  });
});

describe('reductions', () => {
  it('sum and amax over any set of dims match the naive reference, with and without keepdim', () => {
    fc.assert(fc.property(stridedView(4), fc.array(fc.boolean(), { minLength: 4, maxLength: 4 }), fc.boolean(), (t, pick, keepdim) => {
      const dims = t.shape.map((_, i) => i).filter((i) => pick[i]);
      if (dims.length === 0) return;
      const s = sum(t, dims, keepdim), m = amax(t, dims, keepdim);
      const keptShape = t.shape.map((v, i) => (dims.includes(i) ? 1 : v));
      expect(s.shape).toEqual(keepdim ? keptShape : t.shape.filter((_, i) => !dims.includes(i)));
      for (const o of indices(keptShape)) {
        let acc = 0, mx = -Infinity;
        for (const r of indices(dims.map((d) => t.shape[d]))) {
          const idx = o.slice();
          dims.forEach((d, k) => { idx[d] = r[k]; });
          acc += at(t, idx);
          mx = Math.max(mx, at(t, idx));
        }
        const outIdx = keepdim ? o : o.filter((_, i) => !dims.includes(i));
        expect(at(s, outIdx)).toBe(acc);
        expect(at(m, outIdx)).toBe(mx);
      }
    }));
  });
});
