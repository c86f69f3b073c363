/**
 * @file `divelabEngineAssets()`: the vite plugin a renderer config adds to run the engine in the browser. It makes
 * Pyodide's runtime files (and the start-up snapshot from out/engine/, when `npm run build:engine` made one) reach
 * the Python worker: served at /pyodide/ by the dev server, copied to `<outDir>/<assetsDir>/pyodide/` — beside the
 * worker chunks, where src/engine/web/python-worker.ts looks — by a build. It also keeps vite's dependency
 * optimiser away from the `pyodide` package, which loads its own files at run time.
 */
import { copyFileSync, createReadStream, existsSync, mkdirSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import type { Plugin } from 'vite';

const RUNTIME_FILES = ['pyodide.asm.mjs', 'pyodide.asm.wasm', 'python_stdlib.zip', 'pyodide-lock.json', 'pyodide.mjs'];
const TYPES: Record<string, string> = {
  '.mjs': 'text/javascript', '.wasm': 'application/wasm', '.zip': 'application/zip', '.json': 'application/json',
  '.snapshot': 'application/octet-stream',
};

interface AssetOptions {
  /** Where the engine build is (for the snapshot); default out/engine under the project root. */
  engineOutDir?: string;
}

function assetFiles(engineOutDir: string): Map<string, string> {
  const require = createRequire(import.meta.url);
  const pkgDir = dirname(require.resolve('pyodide/package.json'));
  const version = (require('pyodide/package.json') as { version: string }).version;
  const files = new Map(RUNTIME_FILES.map((f) => [f, join(pkgDir, f)]));
  const snapshot = `pyodide-${version}.snapshot`;
  if (existsSync(join(engineOutDir, snapshot))) files.set(snapshot, join(engineOutDir, snapshot));
  return files;
}

export function divelabEngineAssets(opts: AssetOptions = {}): Plugin {
  let outDir = '';
  let assetsDir = 'assets';
  let engineOut = '';
  return {
    name: 'divelab-engine-assets',
    config: () => ({ optimizeDeps: { exclude: ['pyodide'] }, worker: { format: 'es' } }),
    configResolved(config) {
      outDir = resolve(config.root, config.build.outDir);
      assetsDir = config.build.assetsDir;
      engineOut = opts.engineOutDir ?? resolve(process.cwd(), 'out/engine');
    },
    configureServer(server) {
      server.middlewares.use('/pyodide/', (req, res, next) => {
        const name = (req.url ?? '').split('?')[0]!.replace(/^\//, '');
        const file = assetFiles(engineOut).get(name);
        if (!file) return next();
        res.setHeader('Content-Type', TYPES[name.slice(name.lastIndexOf('.'))] ?? 'application/octet-stream');
        res.setHeader('Content-Length', String(statSync(file).size));
        createReadStream(file).pipe(res);
      });
    },
    writeBundle() {
      const dest = join(outDir, assetsDir, 'pyodide');
      mkdirSync(dest, { recursive: true });
      for (const [name, file] of assetFiles(engineOut)) copyFileSync(file, join(dest, name));
    },
  };
}
