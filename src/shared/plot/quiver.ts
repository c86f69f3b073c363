/**
 * @file Arrows for gradient fields, as line segments Plotly can draw (plotly.js has no quiver trace).
 * One implementation serves the plot panel and `matplotlib.pyplot.quiver` from Python.
 */

export interface QuiverOptions {
  /**
   * Data units per unit of vector length. Absent: chosen so the longest arrow is 0.9 of the grid spacing, like
   * matplotlib's autoscale keeps arrows from overlapping.
   */
  scale?: number;
  /** Arrowhead length as a fraction of the arrow's length. */
  headFraction?: number;
}

export interface Segments {
  /** x coordinates, one arrow per 6 entries: shaft (2), null, head (3 with the tip in the middle)… separated by null. */
  x: (number | null)[];
  y: (number | null)[];
  scale: number;
}

/** Smallest positive distance between distinct sorted coordinates: the grid spacing. */
function spacing(values: ArrayLike<number>): number {
  const sorted = Array.from(values).filter(Number.isFinite).sort((a, b) => a - b);
  let best = Infinity;
  for (let i = 1; i < sorted.length; i++) {
    const d = sorted[i]! - sorted[i - 1]!;
    if (d > 1e-12 && d < best) best = d;
  }
  return best;
}

export function quiverSegments(
  x: ArrayLike<number>,
  y: ArrayLike<number>,
  u: ArrayLike<number>,
  v: ArrayLike<number>,
  options: QuiverOptions = {},
): Segments {
  const n = x.length;
  if (y.length !== n || u.length !== n || v.length !== n) {
    throw new Error(`quiver: x, y, u, v must have the same length (got ${n}, ${y.length}, ${u.length}, ${v.length})`);
  }
  let scale = options.scale;
  if (scale === undefined) {
    let maxLen = 0;
    for (let i = 0; i < n; i++) {
      const len = Math.hypot(u[i]!, v[i]!);
      if (Number.isFinite(len) && len > maxLen) maxLen = len;
    }
    const grid = Math.min(spacing(x), spacing(y));
    const step = Number.isFinite(grid) ? grid : 1;
    scale = maxLen > 0 ? maxLen / (0.9 * step) : 1;
  }
  const head = options.headFraction ?? 0.3;
  const xs: (number | null)[] = [];
  const ys: (number | null)[] = [];
  for (let i = 0; i < n; i++) {
    const dx = u[i]! / scale;
    const dy = v[i]! / scale;
    if (!Number.isFinite(dx) || !Number.isFinite(dy) || (dx === 0 && dy === 0)) continue;
    const x0 = x[i]!;
    const y0 = y[i]!;
    const tx = x0 + dx;
    const ty = y0 + dy;
    // Arrowhead: two barbs at ±25° from the shaft, pointing back from the tip.
    const len = Math.hypot(dx, dy) * head;
    const ang = Math.atan2(dy, dx);
    const a1 = ang + Math.PI - 0.44;
    const a2 = ang + Math.PI + 0.44;
    xs.push(x0, tx, null, tx + len * Math.cos(a1), tx, tx + len * Math.cos(a2), null);
    ys.push(y0, ty, null, ty + len * Math.sin(a1), ty, ty + len * Math.sin(a2), null);
  }
  return { x: xs, y: ys, scale };
}
