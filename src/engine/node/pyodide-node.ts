/**
 * @file Loading Pyodide in Node (worker threads, the build): where its files are, and the start-up snapshot
 * ([Note: start-up snapshot]).
 */
import { loadPyodide, version, type PyodideAPI } from 'pyodide';
import { copyFileSync, existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { SNAPSHOT_IMPORTS, snapshotFileName } from '../core/snapshot-modules';

/** The folder of the installed `pyodide` package (its wasm, stdlib zip and lock file), with a trailing slash. */
export function pyodideIndexURL(): string {
  return dirname(createRequire(import.meta.url).resolve('pyodide/package.json')) + '/';
}

export const snapshotPath = (dir: string): string => join(dir, snapshotFileName(version));

/** Loads Pyodide from the snapshot in `dir` when there is one for this Pyodide version; otherwise plainly. */
export async function loadPyodideNode(dir: string): Promise<{ py: PyodideAPI; fromSnapshot: boolean }> {
  const indexURL = pyodideIndexURL();
  const file = snapshotPath(dir);
  if (existsSync(file)) {
    try {
      const py = await loadPyodide({ indexURL, _loadSnapshot: readFileSync(file) });
      return { py, fromSnapshot: true };
    } catch (e) {
      process.stderr.write(`divelab: the start-up snapshot could not be used (${String(e)}); loading Pyodide plainly\n`);
    }
  }
  return { py: await loadPyodide({ indexURL }), fromSnapshot: false };
}

/**
 * Build step: boots Pyodide, imports the stdlib modules DiveLab uses, and writes the memory snapshot to `dir`.
 * The snapshot depends only on Pyodide and SNAPSHOT_IMPORTS, so a copy kept in `cacheDir` under a key of both is
 * reused by later builds (an engine rebuild then takes well under a second).
 */
export async function makeSnapshot(dir: string, cacheDir?: string): Promise<string> {
  const file = snapshotPath(dir);
  const key = createHash('sha256').update(version + '\n' + SNAPSHOT_IMPORTS.join(',')).digest('hex').slice(0, 16);
  const cached = cacheDir ? join(cacheDir, `${key}.snapshot`) : null;
  if (cached && existsSync(cached)) {
    copyFileSync(cached, file);
    return file;
  }
  const py = await loadPyodide({ indexURL: pyodideIndexURL(), _makeSnapshot: true });
  py.runPython(SNAPSHOT_IMPORTS.map((m) => `import ${m}`).join('\n'));
  const bytes = py.makeMemorySnapshot();
  writeFileSync(file + '.tmp', bytes);
  renameSync(file + '.tmp', file);
  if (cached) {
    mkdirSync(cacheDir!, { recursive: true });
    copyFileSync(file, cached + `.${process.pid}.tmp`);
    renameSync(cached + `.${process.pid}.tmp`, cached);
  }
  return file;
}
