/**
 * @file Test support: finite-difference gradient checks in float64, and random inputs for them (any shape,
 * optionally non-contiguous). Used by the *.test.ts files beside it; nothing in the app imports it.
 */
import { fromFlat } from '../tensor/creation';
import { toFlatArray } from '../tensor/iterate';
import { scalar } from '../tensor/scalar';
import type { Tensor } from '../tensor/tensor';
import * as V from '../tensor/views';
import { backward, grad } from './engine';
import * as F from './functions';
import { withGradMode } from './grad-mode';

/** A small deterministic PRNG (mulberry32), so a failing fast-check seed reproduces exactly. */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface InputSpec {
  shape: number[];
  /** Values are drawn from [lo, hi]. */
  lo?: number;
  hi?: number;
  /** Keep values at least this far from every integer multiple of `awayStep` (kinks of relu, abs, round...). */
  away?: number;
  awayStep?: number;
  /** Make the tensor a non-contiguous view (a transpose of a bigger buffer, or a strided slice). */
  strided?: boolean;
}

/** A float64 leaf with random values; non-contiguous when asked (same values either way). */
export function randomLeaf(spec: InputSpec, rand: () => number): Tensor {
  const n = spec.shape.reduce((p, q) => p * q, 1);
  const lo = spec.lo ?? -2, hi = spec.hi ?? 2;
  const vals: number[] = [];
  for (let i = 0; i < n; i++) {
    let v = lo + (hi - lo) * rand();
    if (spec.away !== undefined) {
      const step = spec.awayStep ?? 1;
      const k = Math.round(v / step) * step;
      if (Math.abs(v - k) < spec.away) v = k + (v >= k ? spec.away : -spec.away);
    }
    vals.push(v);
  }
  let t = fromFlat(vals, spec.shape, 'float64');
  if (spec.strided && spec.shape.length > 0) {
    // Lay the values out in a buffer twice as long in the last dim and take every other element.
    const wide = [...spec.shape.slice(0, -1), spec.shape[spec.shape.length - 1] * 2];
    const buf = fromFlat(new Array<number>(wide.reduce((p, q) => p * q, 1)).fill(NaN), wide, 'float64');
    const view = V.sliceDim(buf, wide.length - 1, 0, wide[wide.length - 1], 2);
    const src = toFlatArray(t);
    const idx = spec.shape.map(() => 0);
    for (let k = 0; k < n; k++) {
      let off = view.offset;
      for (let j = 0; j < idx.length; j++) off += idx[j] * view.strides[j];
      buf.storage.data[off] = src[k];
      for (let j = idx.length - 1; j >= 0; j--) {
        if (++idx[j] < spec.shape[j]) break;
        idx[j] = 0;
      }
    }
    t = view;
  }
  t.requiresGrad = true;
  return t;
}

/** A random float64 weight for the output, so that every output element contributes differently. */
function weightFor(out: Tensor, rand: () => number): Tensor {
  return fromFlat(Array.from({ length: out.numel }, () => 0.5 + rand()), out.shape, 'float64');
}

const loss = (out: Tensor, w: Tensor): number => toFlatArray(withGradMode(false, () => F.sum(F.mul(out, w))))[0];

export interface CheckResult {
  ok: boolean;
  worst: number;
  detail: string;
}

/**
 * Compares backward's gradient of sum(f(inputs) * w) with central differences, for every element of every input.
 * `f` must be a function of the inputs' values only (it is re-run on perturbed copies).
 */
export function gradcheck(f: (...xs: Tensor[]) => Tensor, inputs: Tensor[], rand: () => number, eps = 1e-6, tol = 1e-5): CheckResult {
  const out = f(...inputs);
  const w = weightFor(out, rand);
  for (const x of inputs) x.grad = null;
  backward([F.sum(F.mul(out, w))], [null], { retainGraph: false, createGraph: false });
  let worst = 0;
  let detail = '';
  inputs.forEach((x, i) => {
    const analytic = x.grad === null ? new Array<number>(x.numel).fill(0) : toFlatArray(x.grad);
    const base = toFlatArray(x);
    for (let k = 0; k < base.length; k++) {
      const at = (v: number): number => {
        const vals = base.slice();
        vals[k] = v;
        const xs = inputs.map((y, j) => (j === i ? fromFlat(vals, x.shape, 'float64') : y));
        return loss(withGradMode(false, () => f(...xs)), w);
      };
      const numeric = (at(base[k] + eps) - at(base[k] - eps)) / (2 * eps);
      const err = Math.abs(numeric - analytic[k]) / Math.max(1, Math.abs(numeric));
      if (!(err <= worst)) {
        worst = Number.isNaN(err) ? Infinity : err;
        detail = `input ${i} element ${k}: analytic ${analytic[k]}, numeric ${numeric}`;
      }
    }
  });
  return { ok: worst <= tol, worst, detail };
}

/**
 * Second derivatives: checks d/dx of <grad_x(sum(f(x) * w)), v> by central differences of the first gradient,
 * where the first gradient comes from autograd with create_graph.
 */
export function gradgradcheck(f: (x: Tensor) => Tensor, x: Tensor, rand: () => number, eps = 1e-5, tol = 1e-4): CheckResult {
  const w = weightFor(withGradMode(false, () => f(x)), rand);
  const v = weightFor(x, rand);
  const firstDot = (y: Tensor, create: boolean): Tensor => {
    const [g] = grad([F.sum(F.mul(f(y), w))], [y], [null], { retainGraph: create, createGraph: create, allowUnused: true });
    return F.sum(F.mul(g ?? F.mul(y, scalar(0, 'int')), v));
  };
  const s = firstDot(x, true);
  const [h] = grad([s], [x], [null], { retainGraph: false, createGraph: false, allowUnused: true });
  const analytic = h === null ? new Array<number>(x.numel).fill(0) : toFlatArray(h);
  const base = toFlatArray(x);
  let worst = 0;
  let detail = '';
  for (let k = 0; k < base.length; k++) {
    const at = (val: number): number => {
      const vals = base.slice();
      vals[k] = val;
      const y = fromFlat(vals, x.shape, 'float64');
      y.requiresGrad = true;
      return toFlatArray(firstDot(y, false))[0];
    };
    const numeric = (at(base[k] + eps) - at(base[k] - eps)) / (2 * eps);
    const err = Math.abs(numeric - analytic[k]) / Math.max(1, Math.abs(numeric));
    if (!(err <= worst)) {
      worst = Number.isNaN(err) ? Infinity : err;
      detail = `element ${k}: analytic ${analytic[k]}, numeric ${numeric}`;
    }
  }
  return { ok: worst <= tol, worst, detail };
}
