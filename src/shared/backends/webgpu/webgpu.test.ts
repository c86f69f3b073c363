/**
 * @file The WebGPU backend in headless Chromium (SwiftShader software adapter, --enable-unsafe-webgpu): the shared
 * backend cases at small sizes, every matmul variant, and the adapter-based variant choice. Skipped where
 * Chromium is not installed.
 */
import { describe, expect, it } from 'vitest';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { chromium } from 'playwright-core';
import { chooseVariant } from './index';

const CHROMIUM = '/usr/bin/chromium';

describe('WebGPU backend', () => {
  it('chooses the barrier-free matmul on the software adapter and the vec4 one elsewhere', () => {
    expect(chooseVariant({ architecture: 'swiftshader', vendor: 'google' }, false)).toBe('regs');
    expect(chooseVariant({ vendor: 'nvidia', architecture: 'hopper' }, true)).toBe('regs');
    expect(chooseVariant({ vendor: 'nvidia', architecture: 'hopper' }, false)).toBe('v4k16');
  });

  it.skipIf(!existsSync(CHROMIUM))('every kernel matches the reference kernels in Chromium', { timeout: 180_000 }, async () => {
    const bundle = await build({
      entryPoints: [fileURLToPath(new URL('./suite-entry.ts', import.meta.url))],
      bundle: true, write: false, format: 'iife', platform: 'browser', target: 'es2022',
    });
    const browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox', '--enable-unsafe-webgpu', '--use-webgpu-adapter=swiftshader'] });
    try {
      const page = await browser.newPage();
      const logs: string[] = [];
      page.on('pageerror', (e) => logs.push(String(e)));
      // http://localhost is a secure context, which navigator.gpu needs; nothing listens there, Playwright answers
      await page.route('http://localhost/**', (r) => r.request().url().endsWith('.js')
        ? r.fulfill({ contentType: 'text/javascript', body: bundle.outputFiles[0]!.text })
        : r.fulfill({ contentType: 'text/html', body: '<!doctype html><script src="/suite.js"></script>' }));
      await page.goto('http://localhost/index.html');
      const res = await page.evaluate(() => (globalThis as unknown as { runSuite: (v: string[], n: number) => Promise<unknown> }).runSuite(['regs', 'v4k16', 'v4k8', 'tiled8', 'tiled', 'naive'], 25)) as
        { adapter: string; chosen: string; failures: string[]; checked: number };
      expect(logs).toEqual([]);
      expect(res.adapter).toMatch(/swiftshader/);
      expect(res.chosen).toBe('regs');
      expect(res.failures).toEqual([]);
      expect(res.checked).toBeGreaterThan(150);
    } finally {
      await browser.close();
    }
  });
});
