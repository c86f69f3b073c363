/**
 * @file Browser adapter of the engine: the router in a dedicated module Web Worker. The renderer starts it with
 * `new Worker(new URL('…/engine/web/engine-worker.ts', import.meta.url), { type: 'module' })` and speaks the engine
 * protocol with postMessage; the Python worker is a nested worker, so the router stays responsive while Python
 * runs. Python's working directory is an in-memory folder that `write_file` fills (browser mode has no disk).
 * SharedArrayBuffer (interrupts, input()) needs the page to be cross-origin isolated (COOP/COEP headers).
 */
import { Router } from '../core/router';
import { linkWorkerGpu } from './gpu-executor';
import type { WorkerToRouter } from '../core/control';

/** The part of a dedicated worker's global scope used here (the project's lib settings leave out WebWorker). */
interface WorkerScope {
  postMessage(msg: unknown): void;
  addEventListener(type: 'message', listener: (e: MessageEvent) => void): void;
}

const scope = self as unknown as WorkerScope;

/** Python's working directory in browser mode. */
export const BROWSER_CWD = '/home/pyodide/notebook';

const router = new Router({
  send: (msg) => scope.postMessage(msg),
  workdir: { kind: 'memory', cwd: BROWSER_CWD },
  onInvalid: (msg) => console.warn('divelab engine: dropped an invalid message', msg),
  spawn(events) {
    const worker = new Worker(new URL('./python-worker.ts', import.meta.url), { type: 'module', name: 'divelab-python' });
    // the worker's channel to this worker's GPU executor ([Note: blocking read-back]); it waits for it at boot
    const gpu = linkWorkerGpu();
    void gpu.message.then((m) => worker.postMessage(m, [m.port]));
    worker.addEventListener('message', (e: MessageEvent<WorkerToRouter>) => events.message(e.data));
    worker.addEventListener('error', (e) => {
      e.preventDefault();
      gpu.dispose();
      events.died(e.message || 'the Python worker failed');
    });
    return { post: (msg) => worker.postMessage(msg), terminate: () => { gpu.dispose(); worker.terminate(); } };
  },
});

scope.addEventListener('message', (e: MessageEvent) => router.handle(e.data));
router.start();
