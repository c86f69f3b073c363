/**
 * @file The app's response headers, enforced by a real Chromium (Debian's): pages are cross-origin isolated, and
 * the CSP lets the app's own scripts, blob workers and WebAssembly run while refusing inline scripts, eval and
 * any remote origin. Pages are served by the same `appResponse` as the app:// protocol, over local HTTP.
 */
import { existsSync } from 'node:fs';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';

vi.mock('electron', () => import('./fake-electron'));
const { appResponse } = await import('../../../src/main/app-protocol');

const CHROMIUM = '/usr/bin/chromium';

const PAGE = `<!doctype html><html><head><meta charset="utf-8"><script src="./probe.js"></script></head>
<body><script>window.inlineRan = true;</script><img src="https://example.com/remote.png"></body></html>`;

const PROBE = `
window.violations = [];
document.addEventListener('securitypolicyviolation', (e) => window.violations.push(e.effectiveDirective));
window.ownScriptRan = true;
window.isolated = self.crossOriginIsolated;
window.sab = typeof SharedArrayBuffer === 'function';
try { eval('1'); window.evalRan = true; } catch { window.evalRan = false; }
window.checks = Promise.all([
  fetch('https://example.com/data.json').then(() => 'fetched', () => 'refused'),
  new Promise((resolve) => {
    const w = new Worker(URL.createObjectURL(new Blob(['postMessage(typeof SharedArrayBuffer)'], { type: 'text/javascript' })));
    w.onmessage = (e) => resolve('worker:' + e.data);
    w.onerror = () => resolve('worker refused');
  }),
  WebAssembly.compile(new Uint8Array([0, 97, 115, 109, 1, 0, 0, 0])).then(() => 'wasm ok', (e) => 'wasm refused: ' + e),
]);
`;

describe.runIf(existsSync(CHROMIUM))('app headers in Chromium', () => {
  let server: Server;
  let browser: Browser;
  let url: string;

  beforeAll(async () => {
    const root = await mkdtemp(join(tmpdir(), 'divelab-csp-'));
    await writeFile(join(root, 'index.html'), PAGE);
    await writeFile(join(root, 'probe.js'), PROBE);
    server = createServer((req, res) => {
      void appResponse(root, `app://divelab${req.url ?? '/'}`).then(async (r) => {
        res.writeHead(r.status, Object.fromEntries(r.headers));
        res.end(Buffer.from(await r.arrayBuffer()));
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(server.address() as { port: number }).port}/index.html`;
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      headless: true,
      args: ['--no-sandbox', '--disable-gpu-sandbox', '--disable-background-networking', '--no-first-run'],
    });
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    server?.close();
  });

  it('isolate the page and allow exactly what the app needs', async () => {
    const page = await browser.newPage();
    await page.goto(url);
    const result = await page.evaluate(`window.checks.then((checks) => ({
      ownScriptRan: window.ownScriptRan, inlineRan: window.inlineRan === true, evalRan: window.evalRan,
      isolated: window.isolated, sab: window.sab, checks, violations: window.violations,
    }))`);
    // The image's violation is reported asynchronously; give it a moment.
    await page.waitForFunction('window.violations.includes("img-src")', undefined, { timeout: 5000 });
    const violations = (await page.evaluate('window.violations')) as string[];
    expect(result).toMatchObject({
      ownScriptRan: true,
      inlineRan: false,
      evalRan: false,
      isolated: true,
      sab: true,
      checks: ['refused', 'worker:function', 'wasm ok'],
    });
    expect(new Set(violations)).toEqual(new Set(['script-src-elem', 'script-src', 'connect-src', 'img-src']));
  }, 30_000);
});
