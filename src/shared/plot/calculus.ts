/** @file The calculus the plot panel teaches: tangent lines and the numerical limit that defines a derivative. */

export interface Tangent {
  x0: number;
  y0: number;
  slope: number;
  /** y = slope·x + intercept */
  intercept: number;
  /** The equation as the panel shows it, e.g. `y = 2x - 3`. */
  equation: string;
}

/** Formats a coefficient compactly: integers stay integers, others get up to 4 significant decimals. */
export function formatNumber(v: number): string {
  if (!Number.isFinite(v)) return String(v);
  const r = Math.round(v);
  if (Math.abs(v - r) < 1e-9 * Math.max(1, Math.abs(v))) return String(r === 0 ? 0 : r);
  return String(Number(v.toPrecision(4)));
}

export function tangentAt(x0: number, y0: number, slope: number): Tangent {
  const intercept = y0 - slope * x0;
  const s = formatNumber(slope);
  const b = formatNumber(intercept);
  let equation: string;
  if (s === '0') equation = `y = ${b}`;
  else {
    const lead = s === '1' ? 'x' : s === '-1' ? '-x' : `${s}x`;
    equation = b === '0' ? `y = ${lead}` : b.startsWith('-') ? `y = ${lead} - ${b.slice(1)}` : `y = ${lead} + ${b}`;
  }
  return { x0, y0, slope, intercept, equation };
}

/** The grid cell [xs[lo], xs[hi]] (hi = lo + 1) that holds x0, for x0 strictly inside an increasing grid. */
function bracket(xs: ArrayLike<number>, x0: number): [number, number] {
  let lo = 0;
  let hi = xs.length - 1;
  while (hi - lo > 1) {
    const mid = (lo + hi) >> 1;
    if (xs[mid]! <= x0) lo = mid;
    else hi = mid;
  }
  return [lo, hi];
}

/**
 * Interpolates f and f′ sampled on an increasing grid at x0, so that dragging the tangent point needs no engine
 * call: the panel computes f and f′ once (one backward pass) and moves the point over the cached samples.
 */
export function interpolateAt(xs: ArrayLike<number>, ys: ArrayLike<number>, x0: number): number {
  const n = xs.length;
  if (n === 0) return NaN;
  if (x0 <= xs[0]!) return ys[0]!;
  if (x0 >= xs[n - 1]!) return ys[n - 1]!;
  const [lo, hi] = bracket(xs, x0);
  const t = (x0 - xs[lo]!) / (xs[hi]! - xs[lo]!);
  return ys[lo]! + t * (ys[hi]! - ys[lo]!);
}

/**
 * f at x0 from samples of f and f′ by cubic Hermite interpolation: exact for polynomials up to degree 3, so the
 * tangent point of the course's 3x² − 4x lies exactly on the curve even between grid points (linear interpolation
 * would be off by up to h²·|f″|/8).
 */
export function hermiteAt(xs: ArrayLike<number>, ys: ArrayLike<number>, dys: ArrayLike<number>, x0: number): number {
  const n = xs.length;
  if (n < 2 || x0 <= xs[0]! || x0 >= xs[n - 1]!) return interpolateAt(xs, ys, x0);
  const [lo, hi] = bracket(xs, x0);
  const h = xs[hi]! - xs[lo]!;
  const t = (x0 - xs[lo]!) / h;
  const t2 = t * t;
  const t3 = t2 * t;
  return (2 * t3 - 3 * t2 + 1) * ys[lo]! + (t3 - 2 * t2 + t) * h * dys[lo]! + (-2 * t3 + 3 * t2) * ys[hi]! + (t3 - t2) * h * dys[hi]!;
}

export interface LimitRow {
  h: number;
  quotient: number;
}

/** The difference quotients (f(x0+h) − f(x0))/h for h = 10⁻¹ … 10⁻ⁿ, the table the course builds by hand. */
export function differenceQuotients(f: (x: number) => number, x0: number, steps = 5): LimitRow[] {
  const rows: LimitRow[] = [];
  let h = 0.1;
  for (let i = 0; i < steps; i++) {
    rows.push({ h, quotient: (f(x0 + h) - f(x0)) / h });
    h *= 0.1;
  }
  return rows;
}
