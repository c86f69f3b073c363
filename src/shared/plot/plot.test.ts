import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { differenceQuotients, formatNumber, hermiteAt, interpolateAt, tangentAt } from './calculus';
import { quiverSegments } from './quiver';
import { derivativeFigure, gradientFieldFigure, pointInfo, type FieldSamples } from './figures';
import { curveRequest, pyString } from './panel-code';
import { unpackF64, unpackRows } from './transfer';

const f = (x: number): number => 3 * x * x - 4 * x;
const df = (x: number): number => 6 * x - 4;

describe('tangent lines', () => {
  it('the tangent of 3x² − 4x at x = 1 is y = 2x − 3, as the course derives', () => {
    const t = tangentAt(1, f(1), df(1));
    expect(t.slope).toBe(2);
    expect(t.intercept).toBe(-3);
    expect(t.equation).toBe('y = 2x - 3');
  });

  it('writes special slopes and intercepts the way a person would', () => {
    expect(tangentAt(0, 5, 0).equation).toBe('y = 5');
    expect(tangentAt(0, 0, 1).equation).toBe('y = x');
    expect(tangentAt(1, 0, -1).equation).toBe('y = -x + 1');
    expect(tangentAt(1, 2.5, 0.5).equation).toBe('y = 0.5x + 2');
    expect(formatNumber(1 / 3)).toBe('0.3333');
  });

  it('the difference quotients approach f′(1) = 2 as h shrinks', () => {
    const rows = differenceQuotients(f, 1);
    expect(rows.map((r) => r.h)).toEqual([0.1, 0.010000000000000002, 0.0010000000000000002, 0.00010000000000000003, 1.0000000000000004e-5]);
    expect(rows[0]!.quotient).toBeCloseTo(2.3, 10);
    const errors = rows.map((r) => Math.abs(r.quotient - 2));
    for (let i = 1; i < errors.length; i++) expect(errors[i]!).toBeLessThan(errors[i - 1]!);
    expect(errors[4]!).toBeLessThan(1e-4);
  });

  it('interpolation between samples is exact on a straight line and clamps outside the grid', () => {
    fc.assert(fc.property(fc.double({ min: -5, max: 5, noNaN: true }), (x0) => {
      const xs = Array.from({ length: 11 }, (_, i) => -5 + i);
      const ys = xs.map((x) => 2 * x + 1);
      expect(interpolateAt(xs, ys, x0)).toBeCloseTo(2 * x0 + 1, 9);
    }));
    expect(interpolateAt([0, 1], [3, 4], -10)).toBe(3);
    expect(interpolateAt([0, 1], [3, 4], 10)).toBe(4);
  });
});

describe('Hermite interpolation', () => {
  it('is exact for cubics between samples, where linear interpolation is not', () => {
    const xs = Array.from({ length: 41 }, (_, i) => -1 + i * 0.1);
    const g = (x: number): number => x ** 3 - 2 * x * x + 0.5;
    const dg = (x: number): number => 3 * x * x - 4 * x;
    fc.assert(fc.property(fc.double({ min: -1, max: 3, noNaN: true }), (x0) => {
      expect(hermiteAt(xs, xs.map(g), xs.map(dg), x0)).toBeCloseTo(g(x0), 10);
    }));
    expect(Math.abs(interpolateAt(xs, xs.map(g), 0.05) - g(0.05))).toBeGreaterThan(1e-4);
  });
});

describe('derivative figure', () => {
  it('draws f, f′, the tangent through (x0, f(x0)) and the draggable point, also between grid points', () => {
    const x = Array.from({ length: 400 }, (_, i) => -1 + (i * 4) / 399);
    const { figure, tangents } = derivativeFigure([{ label: '3*x**2 - 4*x', x, y: x.map(f), dy: x.map(df) }], 1);
    expect(tangents[0]!.equation).toBe('y = 2x - 3');
    const tangent = figure.data[2] as { x: number[]; y: number[]; name: string };
    expect(tangent.name).toBe('tangent: y = 2x - 3');
    tangent.x.forEach((xv, i) => expect(tangent.y[i]).toBeCloseTo(2 * xv - 3, 9));
    expect(tangents[0]!.intercept).toBeCloseTo(-3, 12);
    const point = figure.data[3] as { x: number[]; y: number[] };
    expect(point.x).toEqual([1]);
    expect(point.y[0]).toBeCloseTo(-1, 9);
  });

  it('leaves gaps where f is not finite', () => {
    const x = [-1, 0, 1];
    const { figure } = derivativeFigure([{ label: 'log(x)', x, y: [NaN, -Infinity, 0], dy: [NaN, Infinity, 1] }], 1);
    expect((figure.data[0] as { y: unknown[] }).y).toEqual([null, null, 0]);
  });
});

describe('gradient fields', () => {
  const n = 21;
  const axis = Array.from({ length: n }, (_, i) => -2 + (4 * i) / (n - 1));
  const grid = (g: (a: number, b: number) => number): number[][] => axis.map((b) => axis.map((a) => g(a, b)));
  const field: FieldSamples = {
    label: 'x1**2 + 2*x2**2', x1: axis, x2: axis,
    z: grid((a, b) => a * a + 2 * b * b), g1: grid((a) => 2 * a), g2: grid((_, b) => 4 * b),
  };

  it('the gradient of x1² + 2·x2² at (1, 1) is (2, 4), orthogonal to the contour', () => {
    const info = pointInfo(field, [1, 1]);
    expect(info.gradient[0]).toBeCloseTo(2, 9);
    expect(info.gradient[1]).toBeCloseTo(4, 9);
    expect(info.value).toBeCloseTo(3, 9);
    expect(Math.abs(info.dot)).toBeLessThan(1e-12);
    expect(Math.hypot(...info.contourTangent)).toBeCloseTo(1, 12);
  });

  it('arrows point along the gradient and the longest fits in one grid step', () => {
    const seg = quiverSegments([0, 1], [0, 0], [3, 0], [4, 1]);
    expect(seg.scale).toBeCloseTo(5 / 0.9, 12);
    // first arrow: shaft from (0,0) along (3,4)/scale
    expect(seg.x[1]! as number).toBeCloseTo(3 / seg.scale, 12);
    expect(seg.y[1]! as number).toBeCloseTo(4 / seg.scale, 12);
    expect(Math.hypot(seg.x[1] as number, seg.y[1] as number)).toBeCloseTo(0.9, 12);
  });

  it('an explicit scale gives arrows of length |(u, v)|/scale in data units', () => {
    fc.assert(fc.property(fc.double({ min: -10, max: 10, noNaN: true }), fc.double({ min: -10, max: 10, noNaN: true }), fc.double({ min: 0.1, max: 10, noNaN: true }), (u, v, scale) => {
      fc.pre(Math.hypot(u, v) > 1e-6);
      const seg = quiverSegments([0], [0], [u], [v], { scale });
      expect(Math.hypot(seg.x[1] as number, seg.y[1] as number)).toBeCloseTo(Math.hypot(u, v) / scale, 9);
    }));
  });

  it('skips zero and non-finite vectors and rejects mismatched lengths', () => {
    expect(quiverSegments([0, 1], [0, 0], [0, NaN], [0, 1]).x).toEqual([]);
    expect(() => quiverSegments([0], [0, 1], [0], [0])).toThrow(/same length/);
  });

  it('builds contours plus arrows, and a surface when asked', () => {
    const fig = gradientFieldFigure(field, { mode: 'lines', arrowStride: 5, point: [1, 1] });
    expect(fig.data.map((d) => d['type'])).toEqual(['contour', 'scatter', 'scatter', 'scatter', 'scatter']);
    expect((fig.data[0]!['contours'] as { coloring: string }).coloring).toBe('lines');
    const surf = gradientFieldFigure(field, { mode: 'surface', arrowStride: 5 });
    expect(surf.data[0]!['type']).toBe('surface');
  });
});

describe('panel requests', () => {
  it('quotes the student\'s expression as a Python string and passes floats as floats', () => {
    expect(curveRequest('torch.sin(x) + "a\\"', -1, 2, 400)).toBe(
      `__import__('_divelab_plots').sample_curve("torch.sin(x) + \\"a\\\\\\"", -1.0, 2.0, 400)`,
    );
    expect(pyString("it's")).toBe('"it\'s"');
  });
});

describe('packed grids', () => {
  it('round-trip float64 values bit for bit, NaN and infinities included', () => {
    const values = new Float64Array([0.1, -2.5e-300, NaN, Infinity, -Infinity, 1 / 3]);
    const bytes = new Uint8Array(values.buffer);
    const f64 = btoa(String.fromCharCode(...bytes));
    expect(Array.from(unpackF64({ f64, shape: [6] }))).toEqual(Array.from(values));
    expect(unpackRows({ f64, shape: [2, 3] })).toEqual([[0.1, -2.5e-300, NaN], [Infinity, -Infinity, 1 / 3]]);
  });

  it('refuses a shape that does not match the bytes', () => {
    expect(() => unpackF64({ f64: btoa('12345678'), shape: [2] })).toThrow(/needs 16/);
  });
});
