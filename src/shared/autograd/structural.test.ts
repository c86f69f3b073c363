import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { toFlatArray } from '../tensor/iterate';
import { scalar } from '../tensor/scalar';
import type { Tensor } from '../tensor/tensor';
import { backward } from './engine';
import * as F from './functions';
import { gradcheck, randomLeaf, rng } from './gradcheck';
import { getIndex, setIndex } from './indexing';
import { autogradOps as ops } from './ops-table';

const shapeArb = (min = 0) => fc.array(fc.integer({ min: 1, max: 3 }), { minLength: min, maxLength: 3 });
const expectOk = (res: { ok: boolean; worst: number; detail: string }): void => {
  expect(res.ok ? 'ok' : `${res.detail} (err ${res.worst})`).toBe('ok');
};
/** Runs `check(x, r)` on random leaves of random shapes (at least `minDims` dims), contiguous and strided. */
const forShapes = (minDims: number, check: (x: Tensor, r: () => number) => void, runs = 15): void =>
  fc.assert(
    fc.property(shapeArb(minDims), fc.boolean(), fc.integer(), (shape, strided, seed) => {
      const r = rng(seed);
      check(randomLeaf({ shape, strided }, r), r);
    }),
    { numRuns: runs },
  );
/** A dim of x chosen by r (possibly negative), and a non-empty subset of dims. */
const pickDim = (x: Tensor, r: () => number): number => Math.floor(r() * x.ndim) - (r() < 0.3 ? x.ndim : 0);
const pickDims = (x: Tensor, r: () => number): number[] => {
  const ds = x.shape.map((_, i) => i).filter(() => r() < 0.6);
  return ds.length > 0 ? ds : [0];
};

describe('reductions match finite differences', () => {
  it('sum and mean over everything, a dim, or several dims, with and without keepdim', () => {
    forShapes(0, (x, r) => {
      expectOk(gradcheck((a) => F.sum(a), [x], r));
      expectOk(gradcheck((a) => F.mean(a), [x], r));
      if (x.ndim > 0) {
        const ds = pickDims(x, r), keep = r() < 0.5;
        expectOk(gradcheck((a) => F.sum(a, ds, keep), [x], r));
        expectOk(gradcheck((a) => F.mean(a, ds, keep), [x], r));
      }
    });
  });

  it('prod, including inputs with zeros', () => {
    forShapes(0, (x, r) => {
      expectOk(gradcheck((a) => F.prod(a), [x], r));
      if (x.ndim > 0) {
        const d = pickDim(x, r), keep = r() < 0.5;
        expectOk(gradcheck((a) => F.prod(a, d, keep), [x], r));
      }
    });
    fc.assert(
      fc.property(shapeArb(1), fc.integer(), (shape, seed) => {
        const r = rng(seed);
        const x = randomLeaf({ shape }, r);
        x.storage.data[Math.floor(r() * x.numel)] = 0;
        expectOk(gradcheck((a) => F.prod(a), [x], r));
        expectOk(gradcheck((a) => F.prod(a, 0), [x], r));
      }),
      { numRuns: 15 },
    );
  });

  it('max/min over everything and along a dim (values only)', () => {
    forShapes(0, (x, r) => {
      expectOk(gradcheck((a) => F.amaxmin(a, null, false, true), [x], r));
      expectOk(gradcheck((a) => F.amaxmin(a, null, false, false), [x], r));
      if (x.ndim > 0) {
        const d = pickDim(x, r), keep = r() < 0.5;
        expectOk(gradcheck((a) => F.maxMinDim(a, d, keep, true)[0], [x], r));
        expectOk(gradcheck((a) => F.maxMinDim(a, d, keep, false)[0], [x], r));
        const ds = pickDims(x, r);
        expectOk(gradcheck((a) => F.amaxmin(a, ds, keep, true, 'amax'), [x], r));
      }
    });
  });

  it('std and var, with and without Bessel correction', () => {
    forShapes(1, (x, r) => {
      if (x.numel < 2) return;
      expectOk(gradcheck((a) => F.stdVar(a, null, 1, false, true), [x], r));
      expectOk(gradcheck((a) => F.stdVar(a, null, 0, false, false), [x], r));
      const d = pickDim(x, r);
      const keep = r() < 0.5, isStd = r() < 0.5;
      if (x.shape[(d + x.ndim) % x.ndim] > 1) expectOk(gradcheck((a) => F.stdVar(a, [d], 1, keep, isStd), [x], r));
    });
  });

  it('cumsum and cumprod along a dim', () => {
    forShapes(1, (x, r) => {
      const d = pickDim(x, r);
      expectOk(gradcheck((a) => F.cumulative(a, d, true), [x], r));
      expectOk(gradcheck((a) => F.cumulative(a, d, false), [x], r));
    });
  });

  it('norm for p = 1, 2, 3, inf, over everything or dims', () => {
    forShapes(1, (x, r) => {
      for (const p of [1, 2, 3, Infinity]) {
        expectOk(gradcheck((a) => F.norm(a, p, null, false), [x], r));
        const d = pickDim(x, r), keep = r() < 0.5;
        expectOk(gradcheck((a) => F.norm(a, p, [d], keep), [x], r));
      }
    });
  });
});

describe('views match finite differences', () => {
  it('reshape (view or copy), view, flatten, transpose, t, T, permute', () => {
    forShapes(0, (x, r) => {
      expectOk(gradcheck((a) => F.reshape(a, [-1]), [x], r));
      expectOk(gradcheck((a) => F.flatten(a), [x], r));
      expectOk(gradcheck((a) => F.reverseDims(a), [x], r));
      if (x.isContiguous) expectOk(gradcheck((a) => F.view(a, [x.numel]), [x], r));
      if (x.ndim >= 2) {
        expectOk(gradcheck((a) => F.transpose(a, 0, -1), [x], r));
        expectOk(gradcheck((a) => F.reshape(F.transpose(a, 0, 1), [-1]), [x], r));
        expectOk(gradcheck((a) => F.permute(a, x.shape.map((_, i) => x.ndim - 1 - i)), [x], r));
      }
      if (x.ndim <= 2) expectOk(gradcheck((a) => F.t2(a), [x], r));
    });
  });

  it('expand, squeeze, unsqueeze', () => {
    forShapes(0, (x, r) => {
      expectOk(gradcheck((a) => F.expand(F.unsqueeze(a, 0), [2, ...x.shape]), [x], r));
      expectOk(gradcheck((a) => F.squeeze(F.unsqueeze(a, -1)), [x], r));
      expectOk(gradcheck((a) => F.squeeze(F.unsqueeze(a, 0), 0), [x], r));
    });
  });

  it('select, slice with steps, narrow, and basic indexing chains', () => {
    forShapes(1, (x, r) => {
      const d = Math.floor(r() * x.ndim), n = x.shape[d];
      const i = Math.floor(r() * n);
      expectOk(gradcheck((a) => F.select(a, d, i), [x], r));
      expectOk(gradcheck((a) => F.sliceDim(a, d, Math.min(i, n - 1), n, 2), [x], r));
      expectOk(gradcheck((a) => F.narrow(a, d, 0, Math.max(1, i)), [x], r));
      expectOk(gradcheck((a) => getIndex(a, [1, null, null, 2, 2, 3]), [x], r)); // a[::2, None, ...]
    });
  });

  it('advanced indexing adds up the gradient of repeated indices', () => {
    forShapes(1, (x, r) => {
      const idx = [0, x.shape[0] - 1, 0];
      expectOk(gradcheck((a) => getIndex(a, [4, 0], [idx]), [x], r));
      const mask = F.binary('gt', x, scalar(0, 'int'));
      expectOk(gradcheck((a) => getIndex(a, [4, 0], [mask]), [x], r));
    });
  });

  it('cat and stack split the gradient back into the pieces', () => {
    forShapes(1, (x, r) => {
      const y = randomLeaf({ shape: x.shape.slice() }, r);
      const d = pickDim(x, r);
      expectOk(gradcheck((a, b) => F.cat([a, b, a], d), [x, y], r));
      expectOk(gradcheck((a, b) => F.stack([a, b], d), [x, y], r));
    });
  });
});

describe('linear algebra matches finite differences', () => {
  it('dot, mv, mm, outer', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 4 }), fc.integer({ min: 1, max: 4 }), fc.integer({ min: 1, max: 4 }), fc.boolean(), fc.integer(),
        (m, k, n, strided, seed) => {
          const r = rng(seed);
          const A = randomLeaf({ shape: [m, k], strided }, r), B = randomLeaf({ shape: [k, n] }, r);
          const u = randomLeaf({ shape: [k], strided }, r), v = randomLeaf({ shape: [k] }, r);
          expectOk(gradcheck(F.dot, [u, v], r));
          expectOk(gradcheck(F.mv, [A, u], r));
          expectOk(gradcheck(F.mm, [A, B], r));
          expectOk(gradcheck(F.outer, [u, randomLeaf({ shape: [n] }, r)], r));
        }),
      { numRuns: 15 },
    );
  });

  it('matmul for every rank combination, with batch broadcasting', () => {
    const shapes: [number[], number[]][] = [
      [[3], [3]], [[2, 3], [3]], [[3], [3, 2]], [[2, 3], [3, 4]], [[2, 2, 3], [3, 2]], [[2, 2, 3], [3]],
      [[3], [2, 3, 2]], [[2, 3], [2, 3, 4]], [[2, 1, 2, 3], [3, 3, 2]], [[2, 2, 3], [2, 3, 2]],
    ];
    fc.assert(
      fc.property(fc.integer(), (seed) => {
        const r = rng(seed);
        for (const [sa, sb] of shapes) {
          expectOk(gradcheck(F.matmul, [randomLeaf({ shape: sa, strided: r() < 0.5 }, r), randomLeaf({ shape: sb }, r)], r));
        }
      }),
      { numRuns: 5 },
    );
  });
});

describe('in-place ops and assignment into slices', () => {
  const viaInplace = (f: (t: Tensor) => void) => (a: Tensor): Tensor => {
    const t = F.mul(a, scalar(1, 'int'));
    f(t);
    return t;
  };

  it('binary and unary in-place ops on a non-leaf', () => {
    forShapes(0, (x, r) => {
      const y = randomLeaf({ shape: x.shape.slice(), lo: 0.5, hi: 2 }, r);
      expectOk(gradcheck((a, b) => viaInplace((t) => ops.binaryInplace('mul', t, b))(a), [x, y], r));
      expectOk(gradcheck((a, b) => viaInplace((t) => ops.binaryInplace('div', t, b))(a), [x, y], r));
      expectOk(gradcheck(viaInplace((t) => ops.unaryInplace('exp', t)), [x], r));
      expectOk(gradcheck(viaInplace((t) => ops.clamp(t, scalar(-0.5, 'float'), null, true)), [x], r));
    });
  });

  it('writing through a view rewrites the base (CopySlices)', () => {
    forShapes(1, (x, r) => {
      const v = randomLeaf({ shape: x.shape.slice(1) }, r);
      const f = (a: Tensor, b: Tensor): Tensor => {
        const t = F.mul(a, scalar(2, 'int'));
        const row = F.select(t, 0, 0);
        ops.binaryInplace('add', row, F.mul(b, b));
        return F.mul(t, t);
      };
      expectOk(gradcheck(f, [x, v], r));
      const t = F.mul(x, scalar(2, 'int'));
      ops.binaryInplace('add', F.select(t, 0, 0), v);
      expect((t.gradFn as { typeName: string }).typeName).toBe('CopySlices');
    });
  });

  it('setitem with a basic index, a value tensor and a number', () => {
    forShapes(1, (x, r) => {
      const n = x.shape[0];
      const v = randomLeaf({ shape: [1, ...x.shape.slice(1)] }, r);
      expectOk(gradcheck((a, b) => {
        const t = F.mul(a, a);
        setIndex(t, [1, 0, Math.max(1, n - 1), null], [], b); // t[0:n-1] = b
        return t;
      }, [x, v], r));
      expectOk(gradcheck((a) => {
        const t = F.mul(a, a);
        setIndex(t, [0, n - 1], [], scalar(3, 'int')); // t[-1] = 3
        return t;
      }, [x], r));
    });
  });

  it('setitem with an advanced index (index_put)', () => {
    forShapes(1, (x, r) => {
      const v = randomLeaf({ shape: x.shape.slice(1) }, r);
      expectOk(gradcheck((a, b) => {
        const t = F.mul(a, a);
        setIndex(t, [4, 0], [[0]], b);
        return t;
      }, [x, v], r));
    });
  });

  it('a saved tensor changed in place afterwards makes backward fail', () => {
    const x = randomLeaf({ shape: [3] }, rng(4));
    const b = F.mul(x, scalar(1, 'int'));
    const c = F.mul(b, b);
    ops.binaryInplace('add', b, scalar(1, 'int'));
    expect(() => backward([F.sum(c)], [null], { retainGraph: false, createGraph: false })).toThrow(/modified by an inplace operation/);
  });

  it('in-place on a leaf that requires grad is refused, on a view of it too', () => {
    const x = randomLeaf({ shape: [3] }, rng(5));
    expect(() => ops.binaryInplace('add', x, scalar(1, 'int'))).toThrow('a leaf Variable that requires grad is being used in an in-place operation.');
    expect(() => setIndex(x, [0, 0], [], scalar(1, 'int'))).toThrow('a view of a leaf Variable that requires grad is being used in an in-place operation.');
    expect(toFlatArray(x).length).toBe(3);
  });
});
