/**
 * @file Starts the compute engine for browser mode: the engine's Web Worker entry, bundled by Vite as a module
 * worker (with the Pyodide files beside it, see src/engine/web).
 */
import { workerTransport, type PortTransport } from '../engine/transport';

export function startWorkerEngine(): PortTransport {
  const worker = new Worker(new URL('../../engine/web/engine-worker.ts', import.meta.url), { type: 'module', name: 'divelab-engine' });
  return workerTransport(worker);
}
