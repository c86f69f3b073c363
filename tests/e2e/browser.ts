/**
 * @file Chromium for the E2E tests: Debian's /usr/bin/chromium driven by playwright-core, headless, with a fresh
 * profile per launch and everything that would reach the network switched off.
 */
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect } from 'vitest';
import { chromium, type BrowserContext, type Page } from 'playwright-core';

export const CHROMIUM_FLAGS = [
  '--no-sandbox',
  '--disable-gpu-sandbox',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];

export interface AppBrowser {
  context: BrowserContext;
  page: Page;
  /** Messages the page logged as errors, and uncaught exceptions: a test can assert there were none. */
  errors: string[];
  close(): Promise<void>;
}

/** WebGPU on Chromium's software adapter (SwiftShader): correct but slow, so tests using it keep sizes tiny. */
export const WEBGPU_FLAGS = ['--enable-unsafe-webgpu', '--use-webgpu-adapter=swiftshader'];

export interface LaunchOptions {
  /** Expose navigator.gpu (WEBGPU_FLAGS); off by default, so the other tests run CPU-only as most machines do. */
  webgpu?: boolean;
}

export async function launchApp(url: string, opts: LaunchOptions = {}): Promise<AppBrowser> {
  const profile = mkdtempSync(join(tmpdir(), 'divelab-e2e-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: '/usr/bin/chromium',
    headless: true,
    args: opts.webgpu ? [...CHROMIUM_FLAGS, ...WEBGPU_FLAGS] : CHROMIUM_FLAGS,
    viewport: { width: 1280, height: 800 },
    acceptDownloads: true,
  });
  const page = context.pages()[0] ?? (await context.newPage());
  const errors: string[] = [];
  page.on('console', (m) => m.type() === 'error' && errors.push(`${m.text()} @ ${m.location().url}`));
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(url);
  return {
    context,
    page,
    errors,
    async close() {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

/** Waits until the kernel indicator shows `state`; on a timeout, says what it showed and keeps a screenshot. */
export async function waitForKernel(page: Page, state: string, timeout = 60_000): Promise<void> {
  try {
    await page.locator(`[data-testid="kernel-state"][data-state="${state}"]`).waitFor({ timeout });
  } catch (e) {
    const shown = await page.locator('[data-testid="kernel-state"]').getAttribute('data-state', { timeout: 1000 }).catch(() => 'no status bar');
    const notices = await page.locator('.notices').innerText({ timeout: 1000 }).catch(() => '');
    await saveFailureScreenshot(page, `kernel-not-${state}`);
    throw new Error(`kernel not ${state} after ${timeout} ms (shows: ${shown}; notices: ${notices || 'none'})`, { cause: e });
  }
}

/** Clicks into the editor of cell `index` (0-based) and types `code`. */
export async function typeInCell(page: Page, index: number, code: string): Promise<void> {
  const editor = page.locator('[data-testid="cell"]').nth(index).locator('.monaco-editor');
  await editor.click();
  await page.keyboard.type(code);
}

export const cell = (page: Page, index: number) => page.locator('[data-testid="cell"]').nth(index);

/** Keeps a screenshot of a failed test in tests/e2e/artifacts (ignored by git) to see what the page showed. */
export async function saveFailureScreenshot(page: Page, testName: string): Promise<void> {
  const dir = join(import.meta.dirname, 'artifacts');
  mkdirSync(dir, { recursive: true });
  await page.screenshot({ path: join(dir, `${testName.replace(/[^a-z0-9]+/gi, '-').slice(0, 80)}.png`) }).catch(() => {});
}

/**
 * Types `code` into cell `index`, runs it with Shift+Enter, and returns the cell's output text once the cell has
 * finished (its prompt shows an execution count).
 */
export async function runInCell(page: Page, index: number, code: string): Promise<string> {
  await typeInCell(page, index, code);
  await page.keyboard.press('Shift+Enter');
  const out = cell(page, index).locator('[data-testid="output-area"]');
  await expect.poll(async () => (await out.count()) && (await out.innerText()).trim().length > 0, { timeout: 60_000 }).toBeTruthy();
  await expect.poll(() => cell(page, index).locator('[data-testid="cell-prompt"]').innerText(), { timeout: 60_000 }).toMatch(/^\[\d+\]:$/);
  return (await out.innerText()).trimEnd();
}

/**
 * One app for a whole test file: launched (and the kernel awaited) before its tests, closed after them.
 * `run(code)` types `code` into the next cell, runs it and returns its output; `app()` is the live app.
 */
export function notebookSession(url: () => string, opts: LaunchOptions = {}): { app: () => AppBrowser; run: (code: string) => Promise<string> } {
  let app: AppBrowser | undefined;
  let index = 0;
  beforeAll(async () => {
    app = await launchApp(url(), opts);
    await waitForKernel(app.page, 'idle', 90_000);
  });
  afterAll(async () => {
    await app?.close();
  });
  return { app: () => app!, run: (code) => runInCell(app!.page, index++, code) };
}
