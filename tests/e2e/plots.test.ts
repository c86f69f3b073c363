/**
 * @file The plot panel and notebook plots in Chromium with the real engine (Pyodide in a Web Worker): the tangent
 * of 3x² − 4x at x0 = 1, the gradient of x1² + 2·x2² at (1, 1), and the book's d2l.plot example in a cell.
 * Figures are read from the Plotly elements themselves (`el.data`), not from the screen.
 * Also takes the README's screenshots of both panel views (docs/screenshots/plot-*.png).
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import { cell, notebookSession, typeInCell } from './browser';

interface Trace { name?: string; type?: string; x: (number | null)[]; y: (number | null)[] }

const session = notebookSession(() => inject('webUrl'));

const SHOTS = join(import.meta.dirname, '../../docs/screenshots');
const shoot = async (name: string): Promise<void> => {
  mkdirSync(SHOTS, { recursive: true });
  await session.app().page.screenshot({ path: join(SHOTS, name) });
};

const traces = (testId: string): Promise<Trace[]> =>
  session.app().page.evaluate((id) => {
    const el = document.querySelector(`[data-testid="${id}"]`) as (HTMLElement & { data?: unknown[] }) | null;
    return JSON.parse(JSON.stringify(el?.data ?? [])) as Trace[];
  }, testId);

describe('plot panel', () => {
  it('draws 3x² − 4x with the tangent y = 2x − 3 at x0 = 1', async () => {
    const { page } = session.app();
    await page.locator('[data-testid="panel-tab-plot"]').click();
    await page.locator('[data-testid="derivative-expr-0"]').fill('3*x**2 - 4*x');
    await page.locator('[data-testid="derivative-plot"]').click();
    await expect.poll(() => page.locator('[data-testid="tangent-equation"]').first().innerText(), { timeout: 30_000 }).toContain('y = 2x - 3');
    // The equation shows as soon as it is computed; Plotly draws it a moment later.
    await expect.poll(async () => (await traces('plot-derivative')).find((t) => t.name?.startsWith('tangent:'))?.name).toBe('tangent: y = 2x - 3');
    const tangent = (await traces('plot-derivative')).find((t) => t.name?.startsWith('tangent:'));
    tangent!.x.forEach((x, i) => expect(tangent!.y[i]).toBeCloseTo(2 * (x as number) - 3, 6));
    const fprime = (await traces('plot-derivative')).find((t) => t.name === 'f′(x)')!;
    fprime.x.forEach((x, i) => expect(fprime.y[i]).toBeCloseTo(6 * (x as number) - 4, 6));
    // The numerical limit table converges to the autograd slope.
    const table = await page.locator('[data-testid="limit-table"]').innerText();
    expect(table).toContain('2.300000');
    expect(table).toContain('2.000030');
    await shoot('plot-derivative.png');
  });

  it('shows a clear message for a bad function and keeps the last good plot', async () => {
    const { page } = session.app();
    await page.locator('[data-testid="derivative-expr-0"]').fill('3*x**');
    await page.locator('[data-testid="derivative-plot"]').click();
    await expect.poll(() => page.locator('[data-testid="plot-error"]').innerText(), { timeout: 30_000 }).toContain('syntax error');
    expect((await traces('plot-derivative')).some((t) => t.name === 'tangent: y = 2x - 3')).toBe(true);
  });

  it('clicking (1, 1) on the field of x1² + 2·x2² shows the gradient (2, 4)', async () => {
    const { page } = session.app();
    await page.locator('[data-testid="plot-tab-field"]').click();
    await page.locator('[data-testid="field-expr"]').fill('x1**2 + 2*x2**2');
    await page.locator('[data-testid="field-plot"]').click();
    await expect.poll(async () => (await traces('plot-field')).length, { timeout: 30_000 }).toBeGreaterThan(1);
    const at = await page.evaluate(() => {
      const el = document.querySelector('[data-testid="plot-field"]') as HTMLElement & {
        _fullLayout: { xaxis: { c2p(v: number): number }; yaxis: { c2p(v: number): number }; _size: { l: number; t: number } };
      };
      const r = el.getBoundingClientRect();
      const L = el._fullLayout;
      return { x: r.left + L._size.l + L.xaxis.c2p(1), y: r.top + L._size.t + L.yaxis.c2p(1) };
    });
    await page.mouse.click(at.x, at.y);
    await expect.poll(() => page.locator('[data-testid="probe-gradient"]').innerText(), { timeout: 30_000 }).toMatch(/^\(2(\.0+\d*)?, 4(\.0+\d*)?\)$/);
    const dot = Number(await page.locator('[data-testid="probe-dot"]').innerText());
    expect(Math.abs(dot)).toBeLessThan(1e-9);
    await shoot('plot-field.png');
  });
});

describe('plots from notebook code', () => {
  it("the book's d2l.plot example shows a Plotly figure of f(x) and its tangent", async () => {
    const { page } = session.app();
    await page.locator('[data-testid="panel-tab-outline"]').click();
    const n = await page.locator('[data-testid="cell"]').count();
    await typeInCell(page, n - 1, 'import numpy as np\nfrom d2l import torch as d2l\nf = lambda x: 3 * x ** 2 - 4 * x\n'
      + "x = np.arange(0, 3, 0.1)\nd2l.plot(x, [f(x), 2 * x - 3], 'x', 'f(x)', legend=['f(x)', 'Tangent line (x=1)'])");
    await page.keyboard.press('Shift+Enter');
    const plot = cell(page, n - 1).locator('[data-testid="plotly-output"] .js-plotly-plot');
    await plot.waitFor({ timeout: 60_000 });
    const data = await plot.evaluate((el) => JSON.parse(JSON.stringify((el as HTMLElement & { data: unknown[] }).data)) as Trace[]);
    expect(data).toHaveLength(2);
    expect(data.map((t) => t.name)).toEqual(['f(x)', 'Tangent line (x=1)']);
    expect(data[0]!.x).toHaveLength(30);
    data[0]!.x.forEach((x, i) => expect(data[0]!.y[i]).toBeCloseTo(3 * (x as number) ** 2 - 4 * (x as number), 9));
    data[1]!.x.forEach((x, i) => expect(data[1]!.y[i]).toBeCloseTo(2 * (x as number) - 3, 9));
  });
});
