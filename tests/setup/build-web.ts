/**
 * @file E2E global setup: builds browser mode when its sources changed since the last build, serves it with the
 * same server `npm run web` uses, and hands the URLs to the tests (`inject('webUrl')`, `inject('fakeWebUrl')`).
 *
 * Two builds: out/web is the real app (the engine in a Web Worker, Pyodide included); out/web-fake is the same UI
 * over a scripted engine (tests/e2e/fake-engine) for UI behaviour that must not wait on Python.
 */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { TestProject } from 'vitest/node';
import { startServer } from '../../scripts/serve-web.mjs';

declare module 'vitest' {
  export interface ProvidedContext {
    webUrl: string;
    fakeWebUrl: string;
  }
}

const root = resolve(import.meta.dirname, '../..');
const INPUTS = ['src', 'tests/e2e/fake-engine', 'vite.web.config.ts', 'package-lock.json'];

/** A fingerprint of every input file's path, size and modification time. */
function fingerprint(): string {
  const hash = createHash('sha256');
  const walk = (p: string) => {
    const s = statSync(p);
    if (s.isDirectory()) {
      for (const name of readdirSync(p).sort()) if (!name.endsWith('.test.ts')) walk(join(p, name));
    } else {
      hash.update(`${p}\0${s.size}\0${s.mtimeMs}\n`);
    }
  };
  for (const input of INPUTS) if (existsSync(join(root, input))) walk(join(root, input));
  return hash.digest('hex');
}

function buildIfStale(outDir: string, env: Record<string, string>): void {
  const stampFile = join(root, outDir, '.divelab-build-stamp');
  const stamp = fingerprint();
  if (existsSync(stampFile) && readFileSync(stampFile, 'utf8') === stamp) return;
  const vite = join(root, 'node_modules/vite/bin/vite.js');
  console.log(`[e2e] building ${outDir} …`);
  execFileSync(process.execPath, [vite, 'build', '-c', 'vite.web.config.ts'], { cwd: root, stdio: 'inherit', env: { ...process.env, ...env } });
  writeFileSync(stampFile, stamp);
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const closers: Array<() => Promise<void>> = [];
  const closeAll = async () => {
    await Promise.all(closers.map((c) => c()));
  };
  try {
    buildIfStale('out/web-fake', { DIVELAB_WEB_ENGINE: 'fake' });
    const fake = await startServer({ dir: join(root, 'out/web-fake'), port: 0 });
    closers.push(fake.close);
    project.provide('fakeWebUrl', fake.url);

    // Until the engine's web worker exists there is no real app to build; its tests then fail saying so.
    if (existsSync(join(root, 'src/engine/web/engine-worker.ts'))) {
      buildIfStale('out/web', {});
      const real = await startServer({ dir: join(root, 'out/web'), port: 0 });
      closers.push(real.close);
      project.provide('webUrl', real.url);
    } else {
      project.provide('webUrl', '');
    }
  } catch (e) {
    await closeAll();
    throw e;
  }
  return closeAll;
}
