/**
 * @file Browser adapter of the Python worker: a module Web Worker started by the engine worker (a nested worker).
 * Pyodide's files (and the start-up snapshot, when the build made one) lie in `pyodide/` beside the worker
 * chunks, where divelabEngineAssets() puts them; in vite's dev server they are served at /pyodide/.
 */
import { loadPyodide, version } from 'pyodide';
import { runPythonWorker } from '../core/python-worker';
import type { RouterToWorker } from '../core/control';
import { snapshotFileName } from '../core/snapshot-modules';

/** The part of a dedicated worker's global scope used here (the project's lib settings leave out WebWorker). */
interface WorkerScope {
  postMessage(msg: unknown): void;
  addEventListener(type: 'message', listener: (e: MessageEvent) => void): void;
  close(): void;
  readonly location: { readonly origin: string };
}

const scope = self as unknown as WorkerScope;
const indexURL = import.meta.env.DEV ? new URL('/pyodide/', scope.location.origin).href : new URL(/* @vite-ignore */ './pyodide/', import.meta.url).href;

async function fetchSnapshot(): Promise<Uint8Array | null> {
  try {
    const res = await fetch(indexURL + snapshotFileName(version));
    return res.ok ? new Uint8Array(await res.arrayBuffer()) : null;
  } catch {
    return null;
  }
}

runPythonWorker({
  post: (msg) => scope.postMessage(msg),
  onMessage: (handler) => scope.addEventListener('message', (e: MessageEvent<RouterToWorker>) => handler(e.data)),
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
});
