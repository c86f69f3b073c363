/**
 * @file Builds the renderer for browser mode into out/web: the same Vue app as in Electron, with the engine as a
 * module Web Worker and the Pyodide files beside it (the engine's `divelabEngineAssets()` plugin).
 */
import { resolve } from 'node:path';
import vue from '@vitejs/plugin-vue';
import { defineConfig, type PluginOption } from 'vite';
import { divelabEngineAssets } from './src/engine/web/vite-plugin';

const root = import.meta.dirname;
/** DIVELAB_WEB_ENGINE=fake builds the UI against a scripted engine (tests/e2e/fake-engine) into out/web-fake. */
const fake = process.env.DIVELAB_WEB_ENGINE === 'fake';

/** Points the engine worker's URL at the scripted test engine. */
function fakeEngine(): PluginOption {
  return {
    name: 'divelab-fake-engine',
    enforce: 'pre',
    resolveId(id) {
      return id.endsWith('engine/web/engine-worker.ts') ? resolve(root, 'tests/e2e/fake-engine/engine-worker.ts') : null;
    },
  };
}

export default defineConfig({
  root: resolve(root, 'src/renderer'),
  base: './',
  publicDir: false,
  logLevel: 'warn',
  plugins: [vue(), fake ? fakeEngine() : divelabEngineAssets()],
  worker: { format: 'es', plugins: () => (fake ? [fakeEngine()] : []) },
  build: {
    outDir: resolve(root, fake ? 'out/web-fake' : 'out/web'),
    emptyOutDir: true,
    target: 'es2022',
    // Monaco and Plotly are big on purpose (bundled, offline); Plotly loads only when a plot is shown.
    chunkSizeWarningLimit: 8000,
  },
});
