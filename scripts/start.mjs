#!/usr/bin/env node
/**
 * @file `npm start`: opens DiveLab in Electron when Electron's binary is installed, and otherwise says so in one
 * line and starts browser mode (`npm run web`) instead — the same app, served on localhost for Chromium.
 *
 *   npm start              build, then open the desktop app (electron-vite preview)
 *   npm start -- --dev     desktop app with hot reload (electron-vite dev)
 *   npm start -- --web     browser mode even when Electron is installed
 *
 * The Electron npm package downloads its binary in a postinstall step; offline, or with scripts disabled, the
 * package is there but the binary is not, and `require('electron')` throws. That is the case detected here.
 * DIVELAB_START_DRY_RUN=1 prints the command instead of running it (used by the tests).
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';

const DEFAULT_PORT = '5180';

/** The path of Electron's executable, or null when it is not installed. */
export function electronBinary() {
  try {
    const path = createRequire(import.meta.url)('electron');
    return typeof path === 'string' && existsSync(path) ? path : null;
  } catch {
    return null;
  }
}

/** On Linux a window needs an X11 or Wayland display; without one Electron cannot start. */
function hasDisplay(env, platform) {
  return platform !== 'linux' || Boolean(env.DISPLAY || env.WAYLAND_DISPLAY);
}

/** Decides what to run: the command, its arguments, env additions, and the line to print first (or null). */
export function plan(argv, env, binary, platform = process.platform) {
  const port = env.PORT || DEFAULT_PORT;
  const display = hasDisplay(env, platform);
  if (binary && display && !argv.includes('--web')) {
    return { command: 'npx', args: ['electron-vite', argv.includes('--dev') ? 'dev' : 'preview'], env: {}, notice: null };
  }
  const where = `starting DiveLab in browser mode at http://localhost:${port}`;
  const notice = !binary
    ? `Electron's binary is not installed (offline?) — ${where}`
    : !display && !argv.includes('--web')
      ? `No display for Electron's window (DISPLAY is not set) — ${where}`
      : `Starting DiveLab in browser mode at http://localhost:${port}`;
  return { command: 'npm', args: ['run', 'web'], env: { PORT: port }, notice };
}

async function run() {
  const p = plan(process.argv.slice(2), process.env, electronBinary());
  if (p.notice) console.log(p.notice);
  if (process.env.DIVELAB_START_DRY_RUN) {
    console.log(`would run: ${[p.command, ...p.args].join(' ')}${p.env.PORT ? ` (PORT=${p.env.PORT})` : ''}`);
    return;
  }
  if (p.command === 'npx') {
    // The desktop app's engine runs the Python worker and snapshot of out/engine/ (src/main/index.ts).
    const { ensureEngineBuilt } = await import('../bin/engine-build.mjs');
    ensureEngineBuilt();
  }
  const child = spawn(p.command, p.args, { stdio: 'inherit', env: { ...process.env, ...p.env }, shell: process.platform === 'win32' });
  for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
  child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) await run();
