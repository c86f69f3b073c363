/**
 * @file The Python behind the plot panel: the `eval` requests it sends the engine, and the notebook code that
 * draws the same picture, which the panel offers to paste into the notebook.
 */

/** A Python string literal for any text (JSON strings are valid Python string literals for our inputs). */
export const pyString = (s: string): string => JSON.stringify(s);

const num = (v: number): string => (Number.isInteger(v) ? `${v}.0` : String(v));

export const curveRequest = (expr: string, lo: number, hi: number, n: number): string =>
  `__import__('_divelab_plots').sample_curve(${pyString(expr)}, ${num(lo)}, ${num(hi)}, ${n})`;

export const limitRequest = (expr: string, x0: number): string =>
  `__import__('_divelab_plots').difference_quotients(${pyString(expr)}, ${num(x0)})`;

export const fieldRequest = (expr: string, r1: [number, number], r2: [number, number], n: number): string =>
  `__import__('_divelab_plots').sample_field(${pyString(expr)}, ${num(r1[0])}, ${num(r1[1])}, ${num(r2[0])}, ${num(r2[1])}, ${n})`;

export const pointRequest = (expr: string, p: [number, number]): string =>
  `__import__('_divelab_plots').field_point(${pyString(expr)}, ${num(p[0])}, ${num(p[1])})`;

/** Notebook code for the derivative view: f, its autograd derivative, and the tangent at x0, with d2l.plot. */
export function derivativeCode(expr: string, lo: number, hi: number, x0: number): string {
  return [
    'import torch',
    'from d2l import torch as d2l',
    '',
    `def f(x):`,
    `    return ${expr}`,
    '',
    `x = torch.linspace(${num(lo)}, ${num(hi)}, 200, dtype=torch.float64, requires_grad=True)`,
    'y = f(x)',
    'y.sum().backward()  # one backward pass gives f\'(x) at every point',
    `x0 = torch.tensor(${num(x0)}, dtype=torch.float64, requires_grad=True)`,
    'y0 = f(x0)',
    'y0.backward()',
    'slope = x0.grad',
    'tangent = slope * (x - x0) + y0',
    "d2l.plot(x.detach(), [y.detach(), x.grad, tangent.detach()], 'x', 'f(x)',",
    `         legend=['f(x)', "f'(x)", f'Tangent line (x={x0.item():g})'])`,
  ].join('\n');
}

/** Notebook code for the gradient-field view: contours of f and the gradient arrows, with matplotlib. */
export function fieldCode(expr: string, r1: [number, number], r2: [number, number]): string {
  return [
    'import torch',
    'from matplotlib import pyplot as plt',
    '',
    'def f(x1, x2):',
    `    return ${expr}`,
    '',
    `x1, x2 = torch.meshgrid(torch.linspace(${num(r1[0])}, ${num(r1[1])}, 60, dtype=torch.float64),`,
    `                        torch.linspace(${num(r2[0])}, ${num(r2[1])}, 60, dtype=torch.float64), indexing='xy')`,
    'x1.requires_grad_(True); x2.requires_grad_(True)',
    'z = f(x1, x2)',
    'z.sum().backward()  # ∇f at every grid point in one backward pass',
    'plt.contour(x1.detach(), x2.detach(), z.detach(), levels=15)',
    's = slice(None, None, 6)',
    'plt.quiver(x1.detach()[s, s], x2.detach()[s, s], x1.grad[s, s], x2.grad[s, s])',
    "plt.xlabel('x1'); plt.ylabel('x2')",
    'plt.show()',
  ].join('\n');
}
