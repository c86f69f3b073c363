/** @file `npm start` opens Electron when its binary exists, and otherwise says so in one line and runs browser mode. */
import { execFile } from 'node:child_process';
import { spawnSync } from 'node:child_process';
import { chmod, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const script = join(import.meta.dirname, '..', '..', '..', 'scripts', 'start.mjs');

async function start(args: string[], env: Record<string, string> = {}) {
  const clean = { ...process.env };
  delete clean['ELECTRON_OVERRIDE_DIST_PATH'];
  delete clean['PORT'];
  // A display, unless a test takes it away, so that the result does not depend on where the tests run.
  clean['DISPLAY'] = ':0';
  delete clean['WAYLAND_DISPLAY'];
  const { stdout } = await promisify(execFile)(process.execPath, [script, ...args], {
    env: { ...clean, DIVELAB_START_DRY_RUN: '1', ...env },
  });
  return stdout.trim().split('\n');
}

async function fakeElectron(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'divelab-electron-'));
  await writeFile(join(dir, 'electron'), '#!/bin/sh\n');
  await chmod(join(dir, 'electron'), 0o755);
  return dir;
}

describe('npm start', () => {
  it('without the Electron binary, prints one clear line and runs browser mode', async () => {
    const missing = await mkdtemp(join(tmpdir(), 'divelab-no-electron-'));
    expect(await start([], { ELECTRON_OVERRIDE_DIST_PATH: missing })).toEqual([
      "Electron's binary is not installed (offline?) — starting DiveLab in browser mode at http://localhost:5180",
      'would run: npm run web (PORT=5180)',
    ]);
  });

  it('passes the port on to browser mode', async () => {
    const missing = await mkdtemp(join(tmpdir(), 'divelab-no-electron-'));
    const lines = await start([], { ELECTRON_OVERRIDE_DIST_PATH: missing, PORT: '6123' });
    expect(lines[0]).toMatch(/at http:\/\/localhost:6123$/);
    expect(lines[1]).toBe('would run: npm run web (PORT=6123)');
  });

  it('with the binary, builds and opens the desktop app, or the dev server with --dev', async () => {
    const dist = await fakeElectron();
    expect(await start([], { ELECTRON_OVERRIDE_DIST_PATH: dist })).toEqual(['would run: npx electron-vite preview']);
    expect(await start(['--dev'], { ELECTRON_OVERRIDE_DIST_PATH: dist })).toEqual(['would run: npx electron-vite dev']);
  });

  it.runIf(process.platform === 'linux')('uses browser mode on Linux without a display, saying why', async () => {
    const dist = await fakeElectron();
    const lines = await start([], { ELECTRON_OVERRIDE_DIST_PATH: dist, DISPLAY: '' });
    expect(lines).toEqual([
      "No display for Electron's window (DISPLAY is not set) — starting DiveLab in browser mode at http://localhost:5180",
      'would run: npm run web (PORT=5180)',
    ]);
  });

  it('runs browser mode on request even with the binary', async () => {
    const dist = await fakeElectron();
    const lines = await start(['--web'], { ELECTRON_OVERRIDE_DIST_PATH: dist });
    expect(lines).toEqual(['Starting DiveLab in browser mode at http://localhost:5180', 'would run: npm run web (PORT=5180)']);
  });

  it.runIf(process.platform !== 'win32')('runs browser mode for real, passing PORT and the exit code on', async () => {
    const bin = await mkdtemp(join(tmpdir(), 'divelab-bin-'));
    await writeFile(join(bin, 'npm'), '#!/bin/sh\necho "npm $* on port $PORT"\nexit 3\n');
    await chmod(join(bin, 'npm'), 0o755);
    const missing = await mkdtemp(join(tmpdir(), 'divelab-no-electron-'));
    const env: NodeJS.ProcessEnv = { ...process.env, PATH: `${bin}:${process.env['PATH']}`, ELECTRON_OVERRIDE_DIST_PATH: missing, PORT: '6200' };
    delete env['DIVELAB_START_DRY_RUN'];
    const r = spawnSync(process.execPath, [script], { env, encoding: 'utf8' });
    expect(r.stdout.trim().split('\n')).toEqual([
      "Electron's binary is not installed (offline?) — starting DiveLab in browser mode at http://localhost:6200",
      'npm run web on port 6200',
    ]);
    expect(r.status).toBe(3);
  });
});
