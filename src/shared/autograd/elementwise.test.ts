import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { binary as coreBinary, type BinaryOp } from '../tensor/binary';
import { scalar } from '../tensor/scalar';
import type { Tensor } from '../tensor/tensor';
import type { UnaryOp } from '../tensor/unary';
import * as F from './functions';
import { backward } from './engine';
import { gradcheck, gradgradcheck, randomLeaf, rng, type InputSpec } from './gradcheck';
import { toFlatArray } from '../tensor/iterate';

const OPTS = { retainGraph: false, createGraph: false };

const shapeArb = fc.array(fc.integer({ min: 1, max: 3 }), { minLength: 0, maxLength: 3 });
/** A shape that broadcasts with `s`: some dims set to 1, maybe fewer leading dims. */
const partner = (s: number[], r: () => number): number[] => s.slice(Math.floor(r() * (s.length + 1)) % (s.length + 1)).map((d) => (r() < 0.4 ? 1 : d));

const expectOk = (res: { ok: boolean; worst: number; detail: string }): void => {
  expect(res.detail === '' || res.ok ? 'ok' : `${res.detail} (err ${res.worst})`).toBe('ok');
};

/** Where each unary op may be sampled: its domain, minus a margin around kinks and jumps. */
const UNARY_DOMAIN: Partial<Record<UnaryOp, Partial<InputSpec>>> = {
  log: { lo: 0.2, hi: 3 }, log2: { lo: 0.2, hi: 3 }, log10: { lo: 0.2, hi: 3 }, log1p: { lo: -0.5, hi: 3 },
  sqrt: { lo: 0.2, hi: 3 }, rsqrt: { lo: 0.2, hi: 3 }, reciprocal: { lo: 0.3, hi: 3 },
  asin: { lo: -0.8, hi: 0.8 }, acos: { lo: -0.8, hi: 0.8 }, tan: { lo: -1.2, hi: 1.2 },
  abs: { away: 0.05, awayStep: 100 }, relu: { away: 0.05, awayStep: 100 }, sign: { away: 0.05, awayStep: 100 },
  round: { away: 0.05, awayStep: 0.5 }, floor: { away: 0.05 }, ceil: { away: 0.05 }, trunc: { away: 0.05 }, frac: { away: 0.05 },
};

const DIFFERENTIABLE_UNARY = (Object.keys(F.UNARY_RULES) as UnaryOp[]).filter((op) => F.UNARY_RULES[op] !== null);

describe('unary rules match finite differences', () => {
  for (const op of DIFFERENTIABLE_UNARY) {
    it(`${op} on random shapes, contiguous or strided`, () => {
      fc.assert(
        fc.property(shapeArb, fc.boolean(), fc.integer(), (shape, strided, seed) => {
          const r = rng(seed);
          const x = randomLeaf({ shape, strided, ...UNARY_DOMAIN[op] }, r);
          expectOk(gradcheck((a) => F.unary(op, a), [x], r));
        }),
        { numRuns: 15 },
      );
    });
  }

  it('relu and abs give 0 at 0, as PyTorch', () => {
    const x = randomLeaf({ shape: [2], lo: 0, hi: 0 }, rng(1));
    backward([F.sum(F.add(F.unary('relu', x), F.unary('abs', x)))], [null], OPTS);
    expect(toFlatArray(x.grad!)).toEqual([0, 0]);
  });
});

const BINARY_DOMAIN: Partial<Record<BinaryOp, [Partial<InputSpec>, Partial<InputSpec>]>> = {
  div: [{}, { lo: 0.5, hi: 2 }],
  pow: [{ lo: 0.3, hi: 2 }, {}],
  remainder: [{ lo: 0.1, hi: 5 }, { lo: 1.1, hi: 1.9 }],
  fmod: [{ lo: 0.1, hi: 5 }, { lo: 1.1, hi: 1.9 }],
  atan2: [{ lo: 0.3, hi: 2 }, { lo: 0.3, hi: 2 }],
};

describe('binary rules match finite differences, with broadcasting', () => {
  const ops: BinaryOp[] = ['add', 'sub', 'mul', 'div', 'pow', 'maximum', 'minimum', 'atan2', 'remainder', 'fmod'];
  for (const op of ops) {
    it(`${op}(tensor, tensor) sums gradients back to each input's shape`, () => {
      fc.assert(
        fc.property(shapeArb, fc.boolean(), fc.integer(), (shape, strided, seed) => {
          const r = rng(seed);
          const [da, db] = BINARY_DOMAIN[op] ?? [{}, {}];
          const a = randomLeaf({ shape, strided, ...da }, r);
          const b = randomLeaf({ shape: partner(shape, r), ...db }, r);
          // keep maximum/minimum away from ties, where the function has a kink
          const f = (x: Tensor, y: Tensor): Tensor => F.binary(op, x, op === 'maximum' || op === 'minimum' ? F.add(y, scalar(0.01, 'float')) : y);
          expectOk(gradcheck(f, [a, b], r));
        }),
        { numRuns: 15 },
      );
    });
  }

  it('a Python number on either side', () => {
    fc.assert(
      fc.property(shapeArb, fc.integer(), (shape, seed) => {
        const r = rng(seed);
        const x = randomLeaf({ shape, lo: 0.4, hi: 2 }, r);
        const c = scalar(1.5, 'float');
        for (const op of ['add', 'sub', 'mul', 'div', 'pow'] as BinaryOp[]) {
          expectOk(gradcheck((a) => F.binary(op, a, c), [x], r));
          expectOk(gradcheck((a) => F.binary(op, c, a), [x], r));
        }
      }),
      { numRuns: 10 },
    );
  });

  it('ties in maximum/minimum split the gradient in half', () => {
    const a = randomLeaf({ shape: [2], lo: 1, hi: 1 }, rng(2));
    const b = randomLeaf({ shape: [2], lo: 1, hi: 1 }, rng(3));
    backward([F.sum(F.binary('maximum', a, b))], [null], OPTS);
    expect(toFlatArray(a.grad!)).toEqual([0.5, 0.5]);
    expect(toFlatArray(b.grad!)).toEqual([0.5, 0.5]);
  });
});

describe('clamp and where', () => {
  it('clamp with number bounds passes the gradient inside the bounds', () => {
    fc.assert(
      fc.property(shapeArb, fc.boolean(), fc.integer(), (shape, strided, seed) => {
        const r = rng(seed);
        const x = randomLeaf({ shape, strided, away: 0.05, awayStep: 0.5 }, r);
        expectOk(gradcheck((a) => F.clamp(a, scalar(-0.5, 'float'), scalar(1, 'float')), [x], r));
        expectOk(gradcheck((a) => F.clamp(a, scalar(0, 'int'), null), [x], r));
      }),
      { numRuns: 15 },
    );
  });

  it('clamp with tensor bounds differentiates the bounds too', () => {
    fc.assert(
      fc.property(shapeArb, fc.integer(), (shape, seed) => {
        const r = rng(seed);
        const x = randomLeaf({ shape }, r);
        const lo = randomLeaf({ shape: partner(shape, r), lo: -1.5, hi: -0.2 }, r);
        const hi = randomLeaf({ shape: partner(shape, r), lo: 0.2, hi: 1.5 }, r);
        expectOk(gradcheck((a, b, c) => F.clamp(a, b, c), [x, lo, hi], r));
      }),
      { numRuns: 15 },
    );
  });

  it('where sends each side its chosen elements', () => {
    fc.assert(
      fc.property(shapeArb, fc.boolean(), fc.integer(), (shape, strided, seed) => {
        const r = rng(seed);
        const a = randomLeaf({ shape, strided }, r);
        const b = randomLeaf({ shape: partner(shape, r) }, r);
        const cond = coreBinary('gt', randomLeaf({ shape }, r), scalar(0, 'int'));
        expectOk(gradcheck((x, y) => F.where(cond, x, y), [a, b], r));
      }),
      { numRuns: 15 },
    );
  });
});

describe('second derivatives through create_graph', () => {
  const fns: [string, (x: Tensor) => Tensor, Partial<InputSpec>][] = [
    ['x^3', (x) => F.pow(x, scalar(3, 'int')), {}],
    ['exp(x) * sin(x)', (x) => F.mul(F.unary('exp', x), F.unary('sin', x)), {}],
    ['tanh', (x) => F.unary('tanh', x), {}],
    ['sigmoid', (x) => F.unary('sigmoid', x), {}],
    ['x / (1 + x^2)', (x) => F.div(x, F.add(F.mul(x, x), scalar(1, 'int'))), {}],
    ['log(x) * sqrt(x)', (x) => F.mul(F.unary('log', x), F.unary('sqrt', x)), { lo: 0.3, hi: 3 }],
  ];
  for (const [name, f, dom] of fns) {
    it(name, () => {
      fc.assert(
        fc.property(shapeArb, fc.integer(), (shape, seed) => {
          const r = rng(seed);
          expectOk(gradgradcheck(f, randomLeaf({ shape, ...dom }, r), r));
        }),
        { numRuns: 10 },
      );
    });
  }
});
