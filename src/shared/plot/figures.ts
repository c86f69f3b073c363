/**
 * @file Plotly figures of the plot panel, built from samples the engine computed with autograd.
 * Pure data in, figure out: the panel renders them, the tests read them, and nothing here talks to Plotly.
 */
import { hermiteAt, interpolateAt, tangentAt, type Tangent } from './calculus';
import { quiverSegments } from './quiver';

export interface Figure {
  data: Record<string, unknown>[];
  layout: Record<string, unknown>;
}

/** f and f′ of one function sampled on a grid (f′ from one backward pass over the whole grid). */
export interface CurveSamples {
  label: string;
  x: number[];
  y: number[];
  dy: number[];
}

const COLORS = ['#1f77b4', '#d62728', '#2ca02c', '#9467bd', '#ff7f0e', '#8c564b'];

/** Replaces NaN and ±inf with null so Plotly leaves a gap instead of failing to scale the axis. */
export function finiteOrNull(values: ArrayLike<number>): (number | null)[] {
  return Array.from(values, (v) => (Number.isFinite(v) ? v : null));
}

export interface DerivativeView {
  figure: Figure;
  tangents: Tangent[];
}

/** f, f′ and the tangent at x0 for each function; the tangent spans the whole plotted range. */
export function derivativeFigure(curves: CurveSamples[], x0: number, showDerivative = true): DerivativeView {
  const data: Record<string, unknown>[] = [];
  const tangents: Tangent[] = [];
  curves.forEach((c, i) => {
    const color = COLORS[i % COLORS.length];
    data.push({ type: 'scatter', mode: 'lines', name: `f(x) = ${c.label}`, x: c.x, y: finiteOrNull(c.y), line: { color } });
    if (showDerivative) {
      data.push({ type: 'scatter', mode: 'lines', name: `f′(x)`, x: c.x, y: finiteOrNull(c.dy), line: { color, dash: 'dot' } });
    }
    const y0 = hermiteAt(c.x, c.y, c.dy, x0);
    const slope = interpolateAt(c.x, c.dy, x0);
    const t = tangentAt(x0, y0, slope);
    tangents.push(t);
    const xa = c.x[0] ?? x0;
    const xb = c.x[c.x.length - 1] ?? x0;
    data.push({
      type: 'scatter', mode: 'lines', name: `tangent: ${t.equation}`,
      x: [xa, xb], y: [t.slope * xa + t.intercept, t.slope * xb + t.intercept],
      line: { color, dash: 'dash', width: 1.5 },
    });
    data.push({ type: 'scatter', mode: 'markers', name: `x0 = ${x0}`, x: [x0], y: [y0], marker: { color, size: 11 }, showlegend: false });
  });
  const ys = curves.flatMap((c) => c.y.filter(Number.isFinite));
  const lo = ys.length ? Math.min(...ys) : -1;
  const hi = ys.length ? Math.max(...ys) : 1;
  const pad = (hi - lo) * 0.1 || 1;
  const figure: Figure = {
    data,
    layout: {
      xaxis: { title: { text: 'x' }, zeroline: true },
      yaxis: { title: { text: 'y' }, range: [lo - pad, hi + pad], zeroline: true },
      margin: { l: 50, r: 20, t: 30, b: 40 },
      legend: { orientation: 'h' },
      dragmode: false,
    },
  };
  return { figure, tangents };
}

/** f(x1, x2) and ∇f on an n×m grid: z[i][j] is at (x1[j], x2[i]), as Plotly's contour expects. */
export interface FieldSamples {
  label: string;
  x1: number[];
  x2: number[];
  z: number[][];
  g1: number[][];
  g2: number[][];
}

export interface FieldOptions {
  mode: 'filled' | 'lines' | 'surface';
  /** Arrows on a coarser grid than the contours: every `arrowStride`-th sample in each direction. */
  arrowStride: number;
  point?: [number, number];
}

export interface PointInfo {
  point: [number, number];
  value: number;
  gradient: [number, number];
  /** Unit tangent of the contour through the point (∇f rotated by 90°). */
  contourTangent: [number, number];
  dot: number;
}

/** Bilinear interpolation of a grid quantity at (p1, p2). */
function bilinear(s: FieldSamples, grid: number[][], p1: number, p2: number): number {
  const col = (xs: number[], p: number): [number, number] => {
    const j = Math.max(0, Math.min(xs.length - 2, xs.findIndex((x) => x > p) - 1));
    const t = xs.length > 1 ? (p - xs[j]!) / (xs[j + 1]! - xs[j]!) : 0;
    return [j, Math.max(0, Math.min(1, t))];
  };
  const [j, tx] = col(s.x1, p1);
  const [i, ty] = col(s.x2, p2);
  const r0 = grid[i]!;
  const r1 = grid[Math.min(i + 1, grid.length - 1)]!;
  const a = r0[j]! * (1 - tx) + r0[Math.min(j + 1, r0.length - 1)]! * tx;
  const b = r1[j]! * (1 - tx) + r1[Math.min(j + 1, r1.length - 1)]! * tx;
  return a * (1 - ty) + b * ty;
}

export function pointInfo(s: FieldSamples, point: [number, number], exact?: { value: number; gradient: [number, number] }): PointInfo {
  const value = exact?.value ?? bilinear(s, s.z, point[0], point[1]);
  const gradient: [number, number] = exact?.gradient ?? [bilinear(s, s.g1, point[0], point[1]), bilinear(s, s.g2, point[0], point[1])];
  const norm = Math.hypot(gradient[0], gradient[1]);
  const contourTangent: [number, number] = norm > 0 ? [-gradient[1] / norm, gradient[0] / norm] : [0, 0];
  const dot = gradient[0] * contourTangent[0] + gradient[1] * contourTangent[1];
  return { point, value, gradient, contourTangent, dot };
}

export function gradientFieldFigure(s: FieldSamples, opts: FieldOptions): Figure {
  const z = s.z.map((row) => finiteOrNull(row));
  if (opts.mode === 'surface') {
    return {
      data: [{ type: 'surface', x: s.x1, y: s.x2, z, colorscale: 'Viridis', name: s.label }],
      layout: { scene: { xaxis: { title: { text: 'x1' } }, yaxis: { title: { text: 'x2' } }, zaxis: { title: { text: 'f' } } }, margin: { l: 0, r: 0, t: 30, b: 0 } },
    };
  }
  const ax: number[] = [];
  const ay: number[] = [];
  const au: number[] = [];
  const av: number[] = [];
  const stride = Math.max(1, opts.arrowStride);
  for (let i = 0; i < s.x2.length; i += stride) {
    for (let j = 0; j < s.x1.length; j += stride) {
      ax.push(s.x1[j]!);
      ay.push(s.x2[i]!);
      au.push(s.g1[i]![j]!);
      av.push(s.g2[i]![j]!);
    }
  }
  const arrows = quiverSegments(ax, ay, au, av);
  const data: Record<string, unknown>[] = [
    {
      type: 'contour', name: `f = ${s.label}`, x: s.x1, y: s.x2, z,
      contours: { coloring: opts.mode === 'filled' ? 'fill' : 'lines', showlabels: opts.mode === 'lines' },
      colorscale: 'Viridis', showscale: opts.mode === 'filled',
    },
    { type: 'scatter', mode: 'lines', name: '∇f', x: arrows.x, y: arrows.y, line: { color: '#222', width: 1 }, hoverinfo: 'skip' },
  ];
  if (opts.point) {
    const info = pointInfo(s, opts.point);
    const [p1, p2] = opts.point;
    const len = 0.2 * Math.max((s.x1.at(-1)! - s.x1[0]!), (s.x2.at(-1)! - s.x2[0]!));
    const g = Math.hypot(info.gradient[0], info.gradient[1]) || 1;
    data.push(
      { type: 'scatter', mode: 'markers', name: 'point', x: [p1], y: [p2], marker: { color: '#d62728', size: 10 } },
      { type: 'scatter', mode: 'lines', name: '∇f at point', x: [p1, p1 + (len * info.gradient[0]) / g], y: [p2, p2 + (len * info.gradient[1]) / g], line: { color: '#d62728', width: 3 } },
      { type: 'scatter', mode: 'lines', name: 'contour tangent', x: [p1 - len * info.contourTangent[0], p1 + len * info.contourTangent[0]], y: [p2 - len * info.contourTangent[1], p2 + len * info.contourTangent[1]], line: { color: '#ff7f0e', width: 2, dash: 'dash' } },
    );
  }
  return {
    data,
    layout: {
      xaxis: { title: { text: 'x1' }, range: [s.x1[0], s.x1.at(-1)] },
      yaxis: { title: { text: 'x2' }, range: [s.x2[0], s.x2.at(-1)], scaleanchor: 'x' },
      margin: { l: 50, r: 20, t: 30, b: 40 },
      showlegend: false,
    },
  };
}
