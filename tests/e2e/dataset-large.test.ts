/**
 * @file The dataset panel with a 1,000,000-row CSV in Chromium (the fake-engine build: the panel's worker does the
 * work, not the kernel): the first rows show while a progress bar fills, the virtualized table scrolls to the last
 * row with only a window of rows in the DOM, Cancel during a load leaves the panel usable, and the recent list
 * reopens a file.
 */
import { mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchApp, saveFailureScreenshot, waitForKernel, type AppBrowser } from './browser';

const ROWS = 1_000_000;
let app: AppBrowser;
let dir: string;
let big: string;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'divelab-big-csv-'));
  big = join(dir, 'big.csv');
  const cats = ['Pave', 'Grvl', 'NA'];
  const parts: string[] = ['id,x,alley\n'];
  for (let i = 0; i < ROWS; i++) parts.push(`${i},${i % 7 === 0 ? '' : i / 2},${cats[i % 3]}\n`);
  writeFileSync(big, parts.join(''));
  app = await launchApp(inject('fakeWebUrl'));
  await waitForKernel(app.page, 'idle', 60_000);
  await app.page.locator('[data-testid="panel-tab-dataset"]').click();
});
afterAll(async () => {
  await app?.close();
  rmSync(dir, { recursive: true, force: true });
});

const HOUSE = 'NumRooms,Alley,Price\nNA,Pave,127500\n2,NA,106000\n4,NA,178100\nNA,NA,140000\n';

async function choose(files: string | { name: string; mimeType: string; buffer: Buffer }): Promise<void> {
  const { page } = app;
  const chooser = page.waitForEvent('filechooser');
  await page.locator('[data-testid="dataset-open"]').click();
  await (await chooser).setFiles(files);
}

/** Watches the panel from inside the page: what the load showed before it finished, and Cancel on request. */
async function watchLoad(cancelAtOnce: boolean): Promise<void> {
  await app.page.evaluate((cancel) => {
    const w = window as unknown as { seen: { previewRows: number; progress: number[] } };
    w.seen = { previewRows: 0, progress: [] };
    const obs = new MutationObserver(() => {
      const bar = document.querySelector<HTMLProgressElement>('[data-testid="dataset-progress"]');
      if (!bar) return;
      w.seen.progress.push(bar.value);
      if (document.querySelector('[data-testid="dataset-preview-note"]')) {
        w.seen.previewRows = Math.max(w.seen.previewRows, document.querySelectorAll('[data-testid="dataset-row"]').length);
      }
      if (cancel) { obs.disconnect(); document.querySelector<HTMLButtonElement>('[data-testid="dataset-cancel"]')!.click(); }
    });
    obs.observe(document.body, { subtree: true, childList: true, attributes: true, characterData: true });
  }, cancelAtOnce);
}

describe('dataset panel with a million rows', () => {
  it('cancels a load and stays usable', async (ctx) => {
    const { page } = app;
    try {
      await watchLoad(true);
      await choose(big);
      await expect.poll(() => page.locator('[data-testid="dataset-info"]').innerText(), { timeout: 30_000 }).toBe('Loading cancelled.');
      expect(await page.locator('[data-testid="dataset-progress"]').count()).toBe(0);
      expect(await page.locator('[data-testid="dataset-shape"]').count()).toBe(0);
      // The cancelled read reports nothing later on.
      await page.waitForTimeout(1500);
      expect(await page.locator('[data-testid="dataset-shape"]').count()).toBe(0);

      await choose({ name: 'house_tiny.csv', mimeType: 'text/csv', buffer: Buffer.from(HOUSE) });
      await expect.poll(() => page.locator('[data-testid="dataset-shape"]').innerText(), { timeout: 30_000 }).toBe('4 rows × 3 columns');
      expect(app.errors).toEqual([]);
    } catch (e) {
      await saveFailureScreenshot(page, ctx.task.name);
      throw e;
    }
  });

  it('shows the first rows while loading, then scrolls to the last of 1,000,000 rows', async (ctx) => {
    const { page } = app;
    try {
      await watchLoad(false);
      const t0 = Date.now();
      await choose(big);
      await expect.poll(() => page.locator('[data-testid="dataset-shape"]').innerText(), { timeout: 120_000 }).toBe(`${ROWS} rows × 3 columns`);
      const loadMs = Date.now() - t0;
      const seen = await page.evaluate(() => (window as unknown as { seen: { previewRows: number; progress: number[] } }).seen);
      console.log(`1M rows (${(statSync(big).size / 1e6).toFixed(1)} MB) loaded in ${loadMs} ms; progress values seen: ${seen.progress.length}; preview rows in DOM: ${seen.previewRows}`);
      expect(seen.previewRows).toBeGreaterThan(0);
      expect(seen.progress.some((v) => v > 0 && v < 1)).toBe(true);
      expect(await page.locator('[data-testid="dataset-col-x"]').innerText()).toMatch(/float64\s+142858 \(14%\)/);

      const table = page.locator('[data-testid="dataset-rows"]');
      await table.evaluate((el) => { el.scrollTop = el.scrollHeight; });
      const lastRow = page.locator(`[data-testid="dataset-row"][data-row="${ROWS - 1}"]`);
      await expect.poll(() => lastRow.innerText(), { timeout: 10_000 }).toMatch(/^999999\s+999999\s+NaN\s+Pave$/);
      const inDom = await page.locator('[data-testid="dataset-row"]').count();
      expect(inDom).toBeGreaterThan(5);
      expect(inDom).toBeLessThan(60);

      // The last row is on screen, inside the table's box, not under its edge.
      const [rowBox, tableBox] = [await lastRow.boundingBox(), await table.boundingBox()];
      expect(rowBox!.y).toBeGreaterThanOrEqual(tableBox!.y);
      expect(rowBox!.y + rowBox!.height).toBeLessThanOrEqual(tableBox!.y + tableBox!.height);

      // Halfway down the scrollbar: the rows around 500,000 render, each with its own data, still only a window.
      await table.evaluate((el) => { el.scrollTop = (el.scrollHeight - el.clientHeight) / 2; });
      const rendered = () => page.locator('[data-testid="dataset-row"]').evaluateAll((els) =>
        els.map((e) => [Number(e.getAttribute('data-row')), (e as HTMLElement).innerText.trim().split(/\s+/)[0]] as const));
      await expect.poll(async () => {
        const rows = await rendered();
        return rows.length > 5 && rows.length < 60 && rows.every(([i, label]) => String(i) === label) && rows.some(([i]) => Math.abs(i - 500_000) < 50);
      }, { timeout: 10_000 }).toBe(true);
      expect(app.errors).toEqual([]);
    } catch (e) {
      await saveFailureScreenshot(page, ctx.task.name);
      throw e;
    }
  });

  it('reopens a small file from the recent list, and asks again for a large one', async (ctx) => {
    const { page } = app;
    try {
      const recent = page.locator('[data-testid="dataset-recent"] button');
      expect(await recent.allInnerTexts()).toEqual(['big.csv', 'house_tiny.csv']);
      await page.locator('[data-testid="dataset-recent-house_tiny.csv"]').click();
      await expect.poll(() => page.locator('[data-testid="dataset-shape"]').innerText(), { timeout: 30_000 }).toBe('4 rows × 3 columns');
      expect(await page.locator('[data-testid="dataset-name"]').innerText()).toBe('house_tiny.csv');

      // big.csv is over the size kept whole, so its entry opens the picker.
      const chooser = page.waitForEvent('filechooser', { timeout: 5000 });
      await page.locator('[data-testid="dataset-recent-big.csv"]').click();
      await chooser;
      expect(await page.locator('[data-testid="dataset-info"]').innerText()).toBe('Choose big.csv again to reopen it.');
    } catch (e) {
      await saveFailureScreenshot(page, ctx.task.name);
      throw e;
    }
  });
});
