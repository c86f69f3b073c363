/**
 * @file Autograd in the app (Chromium, real engine): the course's `y = 2 * torch.dot(x, x)` example gives
 * x.grad = [0, 4, 8, 12], and the graph of y, in the Graph panel and as a notebook output of d2l.show_graph(y),
 * shows MulBackward0 above DotBackward0 above the leaf x, with the gradients after backward().
 */
import { describe, expect, inject, it } from 'vitest';
import type { Locator } from 'playwright-core';
import { cell, notebookSession, saveFailureScreenshot, typeInCell } from './browser';

const session = notebookSession(() => inject('webUrl'));

/** The vertical centre of a graph box on the page (smaller is higher up). */
const centreY = async (l: Locator): Promise<number> => {
  const b = await l.boundingBox();
  if (!b) throw new Error('graph node not visible');
  return b.y + b.height / 2;
};

/** Checks the drawn graph of y = 2 * dot(x, x): Mul above Dot above the leaf x, gradients shown. */
async function expectCourseGraph(view: Locator): Promise<void> {
  const mul = view.locator('[data-testid="graph-node-op"][data-label="MulBackward0"]');
  const dot = view.locator('[data-testid="graph-node-op"][data-label="DotBackward0"]');
  const x = view.locator('[data-testid="graph-node-leaf"][data-label="x"]');
  await mul.waitFor({ timeout: 30_000 });
  expect(await centreY(mul)).toBeLessThan(await centreY(dot));
  expect(await centreY(dot)).toBeLessThan(await centreY(x));
  expect(await x.textContent()).toContain('tensor([ 0.,  4.,  8., 12.])');
  const edgeGrads = await view.locator('[data-testid="graph-edge-grad"]').allTextContents();
  expect(edgeGrads).toContain('tensor([0., 2., 4., 6.])');
}

describe('autograd in the notebook', () => {
  it('y = 2 * torch.dot(x, x); y.backward() gives x.grad = [0, 4, 8, 12]', async () => {
    const { page } = session.app();
    const n = await page.locator('[data-testid="cell"]').count();
    try {
      await typeInCell(page, n - 1, 'import torch\nx = torch.arange(4.0, requires_grad=True)\ny = 2 * torch.dot(x, x)\ny.backward()\nx.grad');
      await page.keyboard.press('Shift+Enter');
      await expect.poll(() => cell(page, n - 1).locator('[data-testid="output-area"]').innerText(), { timeout: 60_000 })
        .toBe('tensor([ 0.,  4.,  8., 12.])');
    } catch (e) {
      await saveFailureScreenshot(page, 'autograd x.grad');
      throw e;
    }
  });

  it('the Graph panel draws y: MulBackward0 above DotBackward0 above the leaf x', async () => {
    const { page } = session.app();
    try {
      await page.locator('[data-testid="panel-tab-graph"]').click();
      await page.locator('[data-testid="graph-var"]').fill('y');
      await page.locator('[data-testid="graph-show"]').click();
      await expectCourseGraph(page.locator('.graph-panel [data-testid="graph-view"]'));
    } catch (e) {
      await saveFailureScreenshot(page, 'autograd graph panel');
      throw e;
    }
  });

  it('d2l.show_graph(y) shows the same graph as a cell output', async () => {
    const { page } = session.app();
    await page.locator('[data-testid="panel-tab-outline"]').click();
    const n = await page.locator('[data-testid="cell"]').count();
    try {
      await typeInCell(page, n - 1, 'from d2l import torch as d2l\nd2l.show_graph(y)');
      await page.keyboard.press('Shift+Enter');
      await expectCourseGraph(cell(page, n - 1).locator('[data-testid="graph-view"]'));
    } catch (e) {
      await saveFailureScreenshot(page, 'autograd show_graph');
      throw e;
    }
  });
});
