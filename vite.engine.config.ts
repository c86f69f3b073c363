/**
 * @file Builds the engine for Node (out/engine/): the CLI, the Node engine adapter, the Python worker thread, the
 * Electron utility-process entry, and the start-up snapshot ([Note: start-up snapshot]). The browser engine is not
 * built here: the renderer's vite config bundles src/engine/web/engine-worker.ts and adds divelabEngineAssets().
 */
import { defineConfig, type Plugin } from 'vite';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
// @ts-expect-error plain JS module shared with bin/divelab.mjs
import { makeStamp, writeStamp } from './bin/engine-build.mjs';

const root = import.meta.dirname;

/** After the bundle is written: make the Pyodide snapshot with the freshly built code, then stamp the build. */
function snapshotAndStamp(): Plugin {
  let outDir = '';
  let moduleFiles: string[] = [];
  return {
    name: 'divelab-engine-snapshot',
    apply: 'build',
    generateBundle() {
      moduleFiles = [...this.getModuleIds()].map((id) => id.split('?')[0]!).filter((f) => f.startsWith(root) && !f.includes('/node_modules/'));
    },
    configResolved(config) {
      outDir = resolve(config.root, config.build.outDir);
    },
    async closeBundle() {
      const stamp = makeStamp(moduleFiles);
      const { makeSnapshot } = await import(pathToFileURL(resolve(outDir, 'pyodide-node.js')).href);
      await makeSnapshot(outDir, resolve(root, 'out/.snapshot-cache'));
      writeStamp(outDir, stamp);
    },
  };
}

export default defineConfig({
  root,
  publicDir: false,
  logLevel: 'warn',
  plugins: [snapshotAndStamp()],
  build: {
    ssr: true,
    outDir: 'out/engine',
    emptyOutDir: true,
    target: 'node20',
    minify: false,
    sourcemap: true,
    rollupOptions: {
      input: {
        cli: resolve(root, 'src/engine/node/cli.ts'),
        engine: resolve(root, 'src/engine/node/engine.ts'),
        'python-worker': resolve(root, 'src/engine/node/python-worker-entry.ts'),
        'pyodide-node': resolve(root, 'src/engine/node/pyodide-node.ts'),
        'utility-entry': resolve(root, 'src/engine/electron/utility-entry.ts'),
      },
      output: { format: 'es', entryFileNames: '[name].js', chunkFileNames: '[name]-[hash].js' },
    },
  },
});
