/**
 * @file The app end to end in Chromium, browser mode, with the real engine (Pyodide in a Web Worker): run cells
 * with Shift+Enter, interrupt a runaway loop and keep the variables, save, reload and find the notebook again.
 * Also takes the README's screenshot (docs/screenshots/notebook.png).
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, inject, it } from 'vitest';
import { cell, launchApp, saveFailureScreenshot, typeInCell, waitForKernel, type AppBrowser } from './browser';

let app: AppBrowser;
const output = (i: number) => cell(app.page, i).locator('[data-testid="output-area"]');
const prompt = (i: number) => cell(app.page, i).locator('[data-testid="cell-prompt"]');

beforeAll(async () => {
  const url = inject('webUrl');
  if (!url) throw new Error('browser mode was not built: src/engine/web/engine-worker.ts is missing');
  app = await launchApp(url);
  // A cold Pyodide start in a fresh profile (no HTTP cache) on a loaded machine can take a while.
  await waitForKernel(app.page, 'idle', 120_000);
});
afterAll(async () => {
  await app?.close();
});
afterEach(async (ctx) => {
  if (ctx.task.result?.state === 'fail') await saveFailureScreenshot(app.page, ctx.task.name);
});

describe('DiveLab in the browser with the real engine', () => {
  it('runs x = 21 and x * 2 with Shift+Enter and shows 42', async () => {
    const { page } = app;
    await typeInCell(page, 0, 'x = 21');
    await page.keyboard.press('Shift+Enter');
    await page.keyboard.type('x * 2');
    await page.keyboard.press('Shift+Enter');
    await expect.poll(() => output(1).textContent(), { timeout: 60_000 }).toBe('42');
    expect(await prompt(0).innerText()).toBe('[1]:');
    expect(await prompt(1).innerText()).toBe('[2]:');
  });

  it('interrupts while True: pass with KeyboardInterrupt and keeps x', async () => {
    const { page } = app;
    await page.keyboard.type('while True: pass');
    await page.keyboard.press('Shift+Enter');
    await expect.poll(() => prompt(2).innerText()).toBe('[*]:');
    await waitForKernel(page, 'busy');
    const t0 = Date.now();
    await page.locator('[data-testid="interrupt"]').click();
    await expect.poll(() => output(2).textContent(), { timeout: 10_000 }).toContain('KeyboardInterrupt');
    console.log(`[e2e] interrupt of while True: pass took ${Date.now() - t0} ms`);
    // The kernel was interrupted, not replaced: no restart notice, and x is still there.
    expect(await page.locator('[data-testid="kernel-notice"]').count()).toBe(0);
    await typeInCell(page, 3, 'x');
    await page.keyboard.press('Shift+Enter');
    await expect.poll(() => output(3).textContent(), { timeout: 30_000 }).toBe('21');
  });

  it('shows the traceback of the cell and prints stdout and stderr in order', async () => {
    const { page } = app;
    await page.keyboard.type("import sys\nprint('a')\nprint('b', file=sys.stderr)\nprint('c')\n1/0");
    await page.keyboard.press('Shift+Enter');
    const out = output(4);
    await expect.poll(() => out.textContent(), { timeout: 30_000 }).toContain('ZeroDivisionError');
    const text = (await out.textContent())!;
    expect(text.indexOf('a\n')).toBeLessThan(text.indexOf('b\n'));
    expect(text.indexOf('b\n')).toBeLessThan(text.indexOf('c\n'));
    expect(text).toContain('division by zero');
  });

  it('saves, and after a reload the notebook is back with its outputs', async () => {
    const { page } = app;
    await page.keyboard.press('Escape');
    const download = page.waitForEvent('download');
    await page.keyboard.press('Control+s');
    const file = await download;
    expect(file.suggestedFilename()).toBe('Untitled.ipynb');
    // Put the editor's state and the kernel's outputs in the README screenshot before reloading.
    mkdirSync(join(import.meta.dirname, '../../docs/screenshots'), { recursive: true });
    await page.screenshot({ path: join(import.meta.dirname, '../../docs/screenshots/notebook.png') });

    await page.reload();
    await page.locator('[data-testid="cell"]').first().waitFor();
    const sources = await page.locator('[data-testid="cell"] .view-lines').allTextContents();
    expect(sources.slice(0, 4).map((s) => s.replace(/\u00a0/g, ' '))).toEqual(['x = 21', 'x * 2', 'while True: pass', 'x']);
    expect(await output(1).textContent()).toBe('42');
    expect(await output(2).textContent()).toContain('KeyboardInterrupt');
    expect(await prompt(1).innerText()).toBe('[2]:');
  });

  it('streams a million printed lines without freezing the page, showing the first 2,000', async () => {
    const { page } = app;
    await page.evaluate(() => {
      const w = window as unknown as { longest: number };
      w.longest = 0;
      new PerformanceObserver((l) => l.getEntries().forEach((e) => (w.longest = Math.max(w.longest, e.duration)))).observe({ type: 'longtask' });
    });
    const idx = (await page.locator('[data-testid="cell"]').count()) - 1;
    await typeInCell(page, idx, 'for i in range(10**6): print(i)');
    const t0 = Date.now();
    await page.keyboard.press('Control+Enter');
    await expect.poll(() => prompt(idx).innerText(), { timeout: 120_000 }).toMatch(/^\[\d+\]:$/);
    const longest = await page.evaluate(() => (window as unknown as { longest: number }).longest);
    console.log(`[e2e] real engine, 10^6 printed lines: ${Date.now() - t0} ms, longest main-thread task ${Math.round(longest)} ms`);
    expect(await cell(page, idx).locator('[data-testid="truncation-notice"]').innerText()).toContain('showing 2,000 of 1,000,000 lines');
    expect(longest).toBeLessThan(1500);
  });

  it('restarts the kernel on request: a notice, a fresh count, and the variables are gone', async () => {
    const { page } = app;
    await page.locator('[data-testid="restart"]').click();
    await expect.poll(() => page.locator('[data-testid="kernel-notice"]').innerText(), { timeout: 30_000 }).toContain('Kernel restarted');
    await waitForKernel(page, 'idle');
    const idx = (await page.locator('[data-testid="cell"]').count()) - 1;
    await page.keyboard.press('Escape');
    await page.keyboard.press('b');
    await typeInCell(page, idx + 1, 'x');
    await page.keyboard.press('Control+Enter');
    await expect.poll(() => output(idx + 1).textContent(), { timeout: 30_000 }).toContain("NameError: name 'x' is not defined");
    expect(await prompt(idx + 1).innerText()).toBe('[1]:');
  });
});
