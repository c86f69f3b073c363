/**
 * @file The CPU backend in headless Chromium with cross-origin isolation (COOP/COEP): inline on the page's main
 * thread, and with a pool of Web Workers inside a dedicated worker (browser mode's engine). Skipped where
 * Chromium is not installed.
 */
import { describe, expect, it } from 'vitest';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { chromium } from 'playwright-core';

const CHROMIUM = '/usr/bin/chromium';
const ISOLATION = { 'Cross-Origin-Opener-Policy': 'same-origin', 'Cross-Origin-Embedder-Policy': 'require-corp' };
interface Res { isolated: boolean; threads: number; workers: number; fma: boolean; failures: string[] }

describe.skipIf(!existsSync(CHROMIUM))('CPU backend in Chromium', () => {
  it('runs inline on the page thread and on a Web Worker pool inside a worker', { timeout: 120_000 }, async () => {
    const js = (await build({
      entryPoints: [fileURLToPath(new URL('./web-suite-entry.ts', import.meta.url))],
      bundle: true, write: false, format: 'iife', platform: 'browser', target: 'es2022',
    })).outputFiles[0]!.text;
    const browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox'] });
    try {
      const page = await browser.newPage();
      const errors: string[] = [];
      page.on('pageerror', (e) => errors.push(String(e)));
      await page.route('http://localhost/**', (r) => r.request().url().endsWith('.js')
        ? r.fulfill({ contentType: 'text/javascript', headers: ISOLATION, body: js })
        : r.fulfill({ contentType: 'text/html', headers: ISOLATION, body: '<!doctype html><script src="/suite.js"></script>' }));
      await page.goto('http://localhost/index.html');
      const onPage = await page.evaluate(() => (globalThis as unknown as { runSuite: () => Promise<unknown> }).runSuite()) as Res;
      expect(onPage).toMatchObject({ isolated: true, threads: 1, workers: 0, failures: [] });
      const inWorker = await page.evaluate(() => new Promise((resolve, reject) => {
        const w = new Worker('/suite.js');
        w.onmessage = (e) => resolve(e.data);
        w.onerror = (e) => reject(new Error(e.message));
        w.postMessage('go');
      })) as Res;
      expect(inWorker).toMatchObject({ isolated: true, threads: 2, workers: 1, fma: true, failures: [] });
      expect(errors).toEqual([]);
    } finally {
      await browser.close();
    }
  });
});
