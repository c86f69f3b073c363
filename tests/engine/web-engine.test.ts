/**
 * @file The browser engine (router in a Web Worker, Python in a nested worker) in Debian's Chromium: a bare page built
 * with divelabEngineAssets(), served cross-origin isolated by scripts/serve-web.mjs.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { build } from 'vite';
import { chromium, type Browser, type Page } from 'playwright-core';
import { join } from 'node:path';
import { ROOT } from '../helpers/divelab';
import { divelabEngineAssets } from '../../src/engine/web/vite-plugin';
import { startServer } from '../../scripts/serve-web.mjs';

const outDir = join(ROOT, 'out/engine-web-test');
let browser: Browser;
let page: Page;
let server: { url: string; close(): Promise<void> | void };

beforeAll(async () => {
  await build({
    root: join(ROOT, 'tests/engine/web-page'), base: './', logLevel: 'error', configFile: false,
    plugins: [divelabEngineAssets()],
    // Unminified, so that a failure's stack names the module that failed.
    build: { outDir, emptyOutDir: true, target: 'es2022', minify: false },
  });
  server = await startServer({ dir: outDir, port: 0, host: '127.0.0.1' });
  browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu-sandbox'] });
  page = await browser.newPage();
  await page.goto(server.url);
}, 300_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('browser engine', () => {
  it('starts from the snapshot, runs cells, interrupts a loop and a sleep, reads uploaded files, imports torch', async () => {
    const log = await page.evaluate(async () => {
      const seen: { type: string; id?: string; [k: string]: unknown }[] = [];
      const engine = window.startEngine();
      const until = (pred: (m: (typeof seen)[number]) => boolean) => new Promise<(typeof seen)[number]>((resolve) => {
        const found = seen.find(pred);
        if (found) return resolve(found);
        const l = (e: MessageEvent) => { if (pred(e.data)) { engine.removeEventListener('message', l); resolve(e.data); } };
        engine.addEventListener('message', l);
      });
      engine.addEventListener('message', (e: MessageEvent) => seen.push(e.data));
      const first = await until((m) => m.type === 'ready' || m.type === 'restarted');
      if (first.type !== 'ready') return seen;
      const run = async (id: string, code: string, interruptAfterMs?: number) => {
        engine.postMessage({ type: 'execute', id, code });
        if (interruptAfterMs !== undefined) setTimeout(() => engine.postMessage({ type: 'interrupt' }), interruptAfterMs);
        await until((m) => m.type === 'done' && m.id === id);
      };
      await run('a', 'x = 21\nprint("hi")\nx * 2');
      await run('b', 'while True: pass', 300);
      await run('c', 'import time\ntime.sleep(100)', 300);
      engine.postMessage({ type: 'write_file', id: 'w', path: 'data.csv', data: new TextEncoder().encode('a,b\n1,2\n') });
      await run('d', 'import os, torch\nos.getcwd(), open("data.csv").read(), x, torch.arange(4).sum().item()');
      // large enough for the CPU backend's wasm GEMM and elementwise kernels
      await run('e', 'a = torch.randn(300, 200); b = torch.randn(200, 300)\n((a @ b).double() - a.double() @ b.double()).abs().max().item() < 1e-3, torch.equal(a + a, a * 2)');
      engine.terminate();
      return seen;
    });
    const of = (id: string) => log.filter((m) => m.id === id);
    expect(log.filter((m) => m.type === 'restarted')).toEqual([]);
    expect(log.find((m) => m.type === 'ready')).toMatchObject({ fromSnapshot: true, backend: expect.stringMatching(/^CPU · \d+ threads?$/) });
    expect(of('a').map((m) => m.type)).toEqual(['stream', 'result', 'done']);
    expect(of('a')[1]).toMatchObject({ data: { 'text/plain': '42' } });
    for (const id of ['b', 'c']) {
      expect(of(id).map((m) => m.type)).toEqual(['error', 'done']);
      expect(of(id)[0]).toMatchObject({ ename: 'KeyboardInterrupt' });
    }
    expect(of('w')).toEqual([{ type: 'write_file_done', id: 'w', ok: true }]);
    // DiveLab's packages are in the browser bundle too (torch here).
    expect(of('d')[0]).toMatchObject({ data: { 'text/plain': "('/home/pyodide/notebook', 'a,b\\n1,2\\n', 21, 6)" } });
    expect(of('e')[0]).toMatchObject({ data: { 'text/plain': '(True, True)' } });
  }, 180_000);
});
