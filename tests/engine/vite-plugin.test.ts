/** @file divelabEngineAssets() gives the browser engine Pyodide's files, from vite's dev server and in a build. */
import { describe, expect, it } from 'vitest';
import { build, createServer } from 'vite';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from '../helpers/divelab';
import { divelabEngineAssets } from '../../src/engine/web/vite-plugin';

const version = (JSON.parse(readFileSync(join(ROOT, 'node_modules/pyodide/package.json'), 'utf8')) as { version: string }).version;

describe('divelabEngineAssets', () => {
  it('serves the Pyodide runtime and the start-up snapshot at /pyodide/ in dev', async () => {
    const server = await createServer({
      root: join(ROOT, 'tests/engine/web-page'), configFile: false, logLevel: 'error',
      plugins: [divelabEngineAssets()], server: { port: 0, host: '127.0.0.1' },
    });
    await server.listen();
    try {
      const base = server.resolvedUrls!.local[0]!;
      const wasm = await fetch(new URL('pyodide/pyodide.asm.wasm', base));
      expect(wasm.status).toBe(200);
      expect(wasm.headers.get('content-type')).toBe('application/wasm');
      expect(new Uint8Array(await wasm.arrayBuffer()).subarray(0, 4)).toEqual(new Uint8Array([0, 0x61, 0x73, 0x6d]));
      const lock = (await (await fetch(new URL('pyodide/pyodide-lock.json', base))).json()) as { info: { python: string } };
      expect(lock.info.python).toMatch(/^3\.14\./);
      const snapshot = await fetch(new URL(`pyodide/pyodide-${version}.snapshot`, base), { method: 'HEAD' });
      expect(snapshot.status).toBe(200);
    } finally {
      await server.close();
    }
  });

  it('copies them beside the worker chunks in a build', async () => {
    const outDir = join(ROOT, 'out/engine-plugin-test');
    await build({
      root: join(ROOT, 'tests/engine/web-page'), base: './', configFile: false, logLevel: 'error',
      plugins: [divelabEngineAssets()], build: { outDir, emptyOutDir: true, target: 'es2022' },
    });
    for (const f of ['pyodide.asm.mjs', 'pyodide.asm.wasm', 'python_stdlib.zip', 'pyodide-lock.json', `pyodide-${version}.snapshot`]) {
      expect(existsSync(join(outDir, 'assets/pyodide', f)), f).toBe(true);
    }
  }, 300_000);
});
