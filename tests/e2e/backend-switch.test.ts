/**
 * @file The compute-backend switch in browser mode: the status-bar indicator's menu (keyboard and mouse), what
 * each choice does to `torch.cuda.is_available()` on Chromium's software WebGPU adapter (SwiftShader), the
 * fallback notices, and the choice surviving a reload. See src/renderer/components/BackendIndicator.vue.
 */
import { afterAll, afterEach, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchApp, runInCell, saveFailureScreenshot, waitForKernel, type AppBrowser } from './browser';

const CUDA_CHECK = 'import torch\nprint(torch.cuda.is_available())';

/** Runs `code` in cell `index` and returns its output. */
const runIn = (app: AppBrowser, index: number, code: string): Promise<string> => runInCell(app.page, index, code);

const button = (app: AppBrowser) => app.page.locator('[data-testid="backend-button"]');
const label = (app: AppBrowser) => app.page.locator('[data-testid="backend"]').innerText();
const notice = (app: AppBrowser) => app.page.locator('[data-testid="kernel-notice"]');
const focused = (app: AppBrowser) => app.page.evaluate(() => document.activeElement?.getAttribute('data-testid') ?? null);

describe('backend switch on a software WebGPU adapter', () => {
  let app: AppBrowser;
  let index = 0;

  beforeAll(async () => {
    app = await launchApp(inject('webUrl'), { webgpu: true });
    await waitForKernel(app.page, 'idle', 90_000);
  });
  afterAll(async () => {
    await app?.close();
  });
  afterEach(async (ctx) => {
    if (ctx.task.result?.state === 'fail') await saveFailureScreenshot(app.page, ctx.task.name);
  });

  it("'auto' leaves cuda off on a software GPU and says why", async () => {
    expect(await button(app).getAttribute('data-preference')).toBe('auto');
    await expect.poll(() => notice(app).innerText()).toMatch(/^Only a software GPU \(.+\) was found; the CPU is faster, so DiveLab uses it\.$/m);
    expect(await runIn(app, index++, CUDA_CHECK)).toBe('False');
    expect(await label(app)).not.toMatch(/WebGPU/);
  });

  it('switching to WebGPU from the keyboard asks first, restarts the kernel, and makes cuda available', async () => {
    const { page } = app;
    await button(app).focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => focused(app)).toBe('backend-choice-auto');
    expect(await page.locator('[data-testid="backend-choice-auto"]').getAttribute('aria-checked')).toBe('true');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    expect(await focused(app)).toBe('backend-choice-webgpu');
    const asked: string[] = [];
    page.once('dialog', (d) => {
      asked.push(d.message());
      void d.accept();
    });
    await page.keyboard.press('Enter');
    await waitForKernel(page, 'idle', 90_000);
    expect(asked).toEqual(['Switch the compute backend to WebGPU? The kernel restarts: its variables are lost (the notebook is kept).']);
    expect(await focused(app)).toBe('backend-button');
    expect(await page.locator('[data-testid="backend-menu"]').count()).toBe(0);
    expect(await button(app).getAttribute('data-preference')).toBe('webgpu');
    await expect.poll(() => label(app)).toMatch(/WebGPU/);
    expect(await runIn(app, index++, CUDA_CHECK)).toBe('True');
  });

  it('switching to CPU with the mouse takes cuda away, and the choice survives a reload', async () => {
    const { page } = app;
    await button(app).click();
    page.once('dialog', (d) => void d.accept());
    await page.locator('[data-testid="backend-choice-cpu"]').click();
    await waitForKernel(page, 'idle', 90_000);
    expect(await notice(app).innerText()).toMatch(/^Compute backend set to CPU: the kernel restarted\./);
    expect(await runIn(app, index++, CUDA_CHECK)).toBe('False');
    expect(await label(app)).toMatch(/^CPU · /);
    expect(await label(app)).not.toMatch(/WebGPU/);

    await page.reload();
    await waitForKernel(page, 'idle', 90_000);
    expect(await button(app).getAttribute('data-preference')).toBe('cpu');
    await button(app).click();
    expect(await page.locator('[data-testid="backend-choice-cpu"]').getAttribute('aria-checked')).toBe('true');
    expect(await page.locator('[data-testid="backend-choice-auto"]').getAttribute('aria-checked')).toBe('false');
    await page.keyboard.press('Escape');
    expect(await page.locator('[data-testid="backend-menu"]').count()).toBe(0);
    expect(app.errors).toEqual([]);
  });
});

describe('backend switch without WebGPU', () => {
  let app: AppBrowser;

  beforeAll(async () => {
    app = await launchApp(`${new URL('?backend=webgpu', inject('webUrl'))}`);
    await waitForKernel(app.page, 'idle', 90_000);
  });
  afterAll(async () => {
    await app?.close();
  });

  it('asking for WebGPU falls back to the CPU with a warning, also in the menu', async () => {
    expect(await button(app).getAttribute('data-preference')).toBe('webgpu');
    const bar = notice(app);
    await expect.poll(() => bar.innerText()).toMatch(/^WebGPU is not available: .+\. DiveLab runs on the CPU instead\.$/m);
    expect(await bar.getAttribute('class')).toContain('notice-warning');
    expect(await runIn(app, 0, CUDA_CHECK)).toBe('False');
    await button(app).click();
    expect(await app.page.locator('[data-testid="backend-notice"]').innerText()).toMatch(/^WebGPU is not available: /);
  });
});
