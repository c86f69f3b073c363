/**
 * @file Plot panel speed in Chromium with the real engine (browser mode): a 200×200 gradient field computed with
 * autograd and drawn (target < 300 ms), and tangent-point dragging in updates per second. Prints JSON lines for
 * bench/run.mjs. Needs out/web (built here when missing) and Debian's Chromium.
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium } from 'playwright-core';
import { startServer } from '../scripts/serve-web.mjs';

const root = resolve(import.meta.dirname, '..');
if (!existsSync(join(root, 'out/web/index.html'))) {
  const r = spawnSync('npm', ['run', 'build:engine', '--silent'], { cwd: root, stdio: 'inherit' });
  const w = r.status === 0 ? spawnSync('npm', ['run', 'build:web', '--silent'], { cwd: root, stdio: 'inherit' }) : r;
  if (w.status !== 0) throw new Error('could not build browser mode');
}

const server = await startServer({ dir: join(root, 'out/web'), port: 0 });
const profile = mkdtempSync(join(tmpdir(), 'divelab-bench-'));
const context = await chromium.launchPersistentContext(profile, {
  executablePath: '/usr/bin/chromium',
  headless: true,
  args: ['--no-sandbox', '--disable-gpu-sandbox', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'],
  viewport: { width: 1400, height: 900 },
});
try {
  const page = context.pages()[0] ?? (await context.newPage());
  await page.goto(server.url);
  await page.locator('[data-testid="kernel-state"][data-state="idle"]').waitFor({ timeout: 120_000 });
  await page.locator('[data-testid="panel-tab-plot"]').click();

  // 200×200 field: values and gradients from one backward pass, then drawn; the panel times both.
  await page.locator('[data-testid="plot-tab-field"]').click();
  await page.locator('[data-testid="field-grid"]').fill('200');
  const fieldMs = [];
  for (let i = 0; i < 4; i++) {
    await page.locator('[data-testid="field-plot"]').click();
    const label = page.getByText(/computed and drawn in \d+ ms/);
    await label.waitFor({ timeout: 60_000 });
    await page.waitForFunction(() => !document.querySelector('[data-testid="field-plot"]')?.hasAttribute('disabled'));
    fieldMs.push(Number((await label.innerText()).match(/(\d+) ms/)[1]));
  }
  // The first run pays for imports and JIT warm-up: report the rest.
  console.log(JSON.stringify({ name: 'plot: 200x200 gradient field, compute + draw', impl: 'divelab', unit: 'ms', ms: fieldMs.slice(1), first: fieldMs[0] }));

  // Dragging the tangent point: pointer moves for 3 s across the derivative plot.
  await page.locator('[data-testid="plot-tab-derivative"]').click();
  await page.locator('[data-testid="derivative-plot"]').click();
  await page.locator('[data-testid="tangent-equation"]').first().waitFor({ timeout: 60_000 });
  const box = await page.locator('[data-testid="plot-derivative"]').boundingBox();
  const y = box.y + box.height / 2;
  await page.mouse.move(box.x + box.width * 0.3, y);
  await page.mouse.down();
  const fps = [];
  const t0 = Date.now();
  let k = 0;
  while (Date.now() - t0 < 3000) {
    const f = 0.3 + 0.4 * Math.abs(Math.sin(k++ / 20));
    await page.mouse.move(box.x + box.width * f, y);
    if (k % 30 === 0) fps.push(Number((await page.locator('[data-testid="drag-fps"]').innerText()).split(' ')[0]));
  }
  await page.mouse.up();
  const last = fps.filter((v) => v > 0);
  console.log(JSON.stringify({ name: 'plot: tangent drag', impl: 'divelab', unit: 'updates/s', value: last.length ? [...last].sort((a, b) => a - b)[last.length >> 1] : 0, higherIsBetter: true, samples: last }));
} finally {
  await context.close();
  await server.close();
  rmSync(profile, { recursive: true, force: true });
}
