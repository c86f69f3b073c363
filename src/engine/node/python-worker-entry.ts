/**
 * @file Node adapter of the Python worker: a worker_threads entry (CLI, tests, Electron's utility process).
 * `workerData.snapshotDir` says where the start-up snapshot is (default: beside this file, i.e. out/engine/);
 * `workerData.gpuPort`, in Electron only, is this worker's channel to the renderer's GPU executor (gpu-hub.ts).
 */
import { parentPort, workerData, type MessagePort } from 'node:worker_threads';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runPythonWorker } from '../core/python-worker';
import type { RouterToWorker } from '../core/control';
import { loadPyodideNode } from './pyodide-node';
import { createNodeCpuBackend } from './cpu-backend';
import { gpuLink } from '../electron/gpu-link';

const port = parentPort!;
const data = (workerData ?? {}) as { snapshotDir?: string; gpuPort?: MessagePort };

runPythonWorker({
  post: (msg) => port.postMessage(msg),
  onMessage: (handler) => port.on('message', (msg: RouterToWorker) => handler(msg)),
  loadPyodide: () => loadPyodideNode(data.snapshotDir ?? dirname(fileURLToPath(import.meta.url))),
  prepareWorkdir(py, spec) {
    if (spec.kind === 'host') {
      for (const m of spec.mounts) {
        try {
          py.FS.mkdirTree(m.path);
          py.FS.mount(py.FS.filesystems.NODEFS, { root: m.hostPath }, m.path);
        } catch {
          // An unreadable or busy directory is simply not visible to Python; the working directory still is.
        }
      }
    }
    py.FS.mkdirTree(spec.cwd);
  },
  exit: () => process.exit(1),
  // DIVELAB_CPU_BACKEND=0 keeps every op on the TypeScript kernels (A/B benchmarks, ruling the backend out of a bug)
  createCpuBackend: process.env.DIVELAB_CPU_BACKEND === '0' ? undefined : (opts) => createNodeCpuBackend(opts),
  gpu: () => gpuLink(data.gpuPort),
});
