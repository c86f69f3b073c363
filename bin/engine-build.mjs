/**
 * @file Keeps out/engine/ (the built engine and CLI) up to date: decides whether it is stale and rebuilds it.
 * Shared by bin/divelab.mjs (builds on demand), tests/setup/build-engine.ts and vite.engine.config.ts (stamps).
 *
 * The build is stale when a file it bundled changed, or a Python file was added or removed ([Note: precise
 * staleness]). Concurrent callers (parallel tests, two terminals) serialise on a lock directory, and the new
 * build is made in a temporary folder and then swapped in, so a running engine never sees a half-written build.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
export const OUT = join(ROOT, 'out/engine');
const STAMP = '.build-stamp.json';
/** Files that can change the build besides the modules it bundled (new files under src/python are found by glob). */
const EXTRA_INPUTS = ['vite.engine.config.ts', 'bin/engine-build.mjs', 'node_modules/pyodide/package.json'];

function walk(path, acc) {
  let st;
  try { st = statSync(path); } catch { return acc; }
  if (st.isDirectory()) {
    for (const name of readdirSync(path)) if (!name.startsWith('.')) walk(join(path, name), acc);
  } else {
    acc.push(path);
  }
  return acc;
}

const mtime = (path) => { try { return statSync(path).mtimeMs; } catch { return Infinity; } };
const pythonFiles = () => walk(join(ROOT, 'src/python'), []).length;

/**
 * The stamp of a build whose bundle was made from `moduleFiles` (absolute paths, from rollup's module graph):
 * the newest mtime among them, their list, and the number of files under src/python.
 * [Note: precise staleness] Several people edit src/ at once; watching whole folders would rebuild on every edit
 * of a file the engine does not even bundle, so only the bundled modules count.
 */
export function makeStamp(moduleFiles) {
  const files = [...new Set([...moduleFiles, ...EXTRA_INPUTS.map((p) => join(ROOT, p))])].map((f) => relative(ROOT, f));
  return { newest: Math.max(...files.map((f) => mtime(join(ROOT, f)))), files, pythonFiles: pythonFiles() };
}

export function writeStamp(outDir, stamp) {
  writeFileSync(join(outDir, STAMP), JSON.stringify(stamp));
}

export function isStale() {
  try {
    const stamp = JSON.parse(readFileSync(join(OUT, STAMP), 'utf8'));
    if (!existsSync(join(OUT, 'cli.js')) || stamp.pythonFiles !== pythonFiles()) return true;
    return stamp.files.some((f) => mtime(join(ROOT, f)) > stamp.newest);
  } catch {
    return true;
  }
}

const sleep = (ms) => Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);

/** Rebuilds out/engine/ if it is stale. `log` receives one line when a build starts. Throws if the build fails. */
export function ensureEngineBuilt(log = (line) => process.stderr.write(line + '\n')) {
  if (!isStale()) return false;
  const lock = join(ROOT, 'out/.engine-build.lock');
  mkdirSync(join(ROOT, 'out'), { recursive: true });
  for (;;) {
    try {
      mkdirSync(lock);
      break;
    } catch {
      // Someone else is building; a lock older than 10 minutes is left over from a killed build.
      try { if (Date.now() - statSync(lock).mtimeMs > 600_000) rmSync(lock, { recursive: true, force: true }); } catch { /* gone */ }
      sleep(200);
    }
  }
  try {
    if (!isStale()) return false;
    log('divelab: building the engine (out/engine/)…');
    const tmp = join(ROOT, `out/.engine-${process.pid}`);
    rmSync(tmp, { recursive: true, force: true });
    const vite = join(ROOT, 'node_modules/vite/bin/vite.js');
    const r = spawnSync(process.execPath, [vite, 'build', '-c', 'vite.engine.config.ts', '--outDir', tmp, '--logLevel', 'warn'], {
      cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'], encoding: 'utf8',
    });
    if (r.status !== 0) {
      rmSync(tmp, { recursive: true, force: true });
      throw new Error(`engine build failed:\n${r.stdout}\n${r.stderr}`);
    }
    const old = join(ROOT, `out/.engine-old-${process.pid}`);
    if (existsSync(OUT)) renameSync(OUT, old);
    renameSync(tmp, OUT);
    rmSync(old, { recursive: true, force: true });
    return true;
  } finally {
    rmSync(lock, { recursive: true, force: true });
  }
}
