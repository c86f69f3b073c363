/**
 * @file Browser adapter of the Python worker: a module Web Worker started by the engine worker (a nested worker).
 * Pyodide's files (and the start-up snapshot, when the build made one) lie in `pyodide/` beside the worker
 * chunks, where divelabEngineAssets() puts them; in vite's dev server they are served at /pyodide/.
 */
import { loadPyodide, version } from 'pyodide';
import type { RouterToWorker, WorkerToRouter } from '../core/control';
import { snapshotFileName } from '../core/snapshot-modules';
import { createCpuBackend } from '../../shared/backends/cpu/index';
import { createWebCpuBackend } from '../../shared/backends/cpu/web';
import { webPort } from '../../shared/backends/webgpu/remote-protocol';
import type { GpuLink } from '../core/python-worker';
import type { GpuLinkMessage } from './gpu-executor';

/** The part of a dedicated worker's global scope used here (the project's lib settings leave out WebWorker). */
interface WorkerScope {
  postMessage(msg: unknown): void;
  addEventListener(type: 'message', listener: (e: MessageEvent) => void): void;
  close(): void;
  readonly location: { readonly origin: string };
}

const scope = self as unknown as WorkerScope;
// Served from source (vite's dev server: this module's URL ends in .ts) or built (a chunk beside pyodide/).
// import.meta.env.DEV would not do: it follows NODE_ENV, which is 'test' when vitest runs a production build.
const fromSource = new URL(import.meta.url).pathname.endsWith('.ts');
const indexURL = fromSource ? new URL('/pyodide/', scope.location.origin).href : new URL(/* @vite-ignore */ './pyodide/', import.meta.url).href;

async function fetchSnapshot(): Promise<Uint8Array | null> {
  try {
    const res = await fetch(indexURL + snapshotFileName(version));
    return res.ok ? new Uint8Array(await res.arrayBuffer()) : null;
  } catch {
    return null;
  }
}

// The kernel and the TS core load by a dynamic import, so that an error while they initialise (a layer that does not
// work in a browser, say) reaches the router as a 'fatal' message with its stack, not as a bare worker error.
// Messages that arrive meanwhile wait in `early`.
const early: RouterToWorker[] = [];
let deliver: ((msg: RouterToWorker) => void) | null = null;
// The engine worker sends this worker's GPU link (gpu-executor.ts) once, before or around `init`.
let gotGpu: (link: GpuLink) => void;
const gpuLink = new Promise<GpuLink>((resolve) => { gotGpu = resolve; });
scope.addEventListener('message', (e: MessageEvent<RouterToWorker | GpuLinkMessage>) => {
  const msg = e.data;
  if (msg.type === 'gpu_link') return gotGpu({ port: webPort(msg.port), probe: msg.probe });
  if (deliver) deliver(msg); else early.push(msg);
});

import('../core/python-worker').then(({ runPythonWorker }) =>
  runPythonWorker({
    post: (msg) => scope.postMessage(msg),
    onMessage(handler) {
      deliver = handler;
      for (const msg of early.splice(0)) handler(msg);
    },
    async loadPyodide() {
      const snapshot = await fetchSnapshot();
      if (snapshot) {
        try {
          return { py: await loadPyodide({ indexURL, _loadSnapshot: snapshot }), fromSnapshot: true };
        } catch (e) {
          console.warn('divelab: the start-up snapshot could not be used; loading Pyodide plainly', e);
        }
      }
      return { py: await loadPyodide({ indexURL }), fromSnapshot: false };
    },
    prepareWorkdir(py, spec) {
      py.FS.mkdirTree(spec.cwd);
    },
    exit: () => scope.close(),
    // Web Workers share the heap only on a cross-origin isolated page; elsewhere the kernels run inline
    createCpuBackend: (opts) => (crossOriginIsolated ? createWebCpuBackend(opts) : createCpuBackend({ threads: 1, ...opts })),
    // read-back blocks on a SharedArrayBuffer, which needs a cross-origin isolated page
    // (a probe that never settles must not hold up the start: after 10 s the notebook starts without cuda)
    gpu: () => (crossOriginIsolated ? Promise.race([gpuLink, new Promise<null>((r) => setTimeout(() => r(null), 10_000))]) : Promise.resolve(null)),
  }),
).catch((e: unknown) => {
  const fatal: WorkerToRouter = { type: 'fatal', detail: `engine start-up failed: ${e instanceof Error ? e.stack ?? e.message : String(e)}` };
  scope.postMessage(fatal);
  scope.close();
});
