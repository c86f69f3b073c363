/**
 * @file Node adapter of the engine: the router runs in the calling thread (the CLI's, a test's, or the Electron
 * utility process's main thread) and the Python worker in a worker_threads thread.
 */
import { Worker, type MessagePort } from 'node:worker_threads';
import type { FromEngine, ToEngine } from '../../shared/protocol/engine';
import type { WorkerToRouter } from '../core/control';
import { Router } from '../core/router';
import { hostWorkdir } from './mounts';

/** The built worker's file name; held in a variable so that vite leaves the URL to be resolved at run time. */
const WORKER_FILE = 'python-worker.js';

export interface NodeEngineOptions {
  /** The working directory Python sees (the notebook's folder); default: process.cwd(). */
  cwd?: string;
  onMessage(msg: FromEngine): void;
  /** The built Python worker (default: python-worker.js beside this bundle in out/engine/). */
  workerUrl?: URL;
  snapshotDir?: string;
  interruptGraceMs?: number;
  /** Environment variables for Python (default: this process's environment, as `python` would see it). */
  env?: Record<string, string>;
  /** Called for each Python worker started: its channel to a GPU executor (Electron, electron/gpu-hub.ts), or none. */
  gpuPort?(): MessagePort;
}

export interface EngineClient {
  /** Sends a protocol message; it is validated like any message arriving from a client. */
  post(msg: ToEngine | unknown): void;
  /** Shuts the engine down (terminates the Python worker). */
  close(): void;
}

export function createNodeEngine(opts: NodeEngineOptions): EngineClient {
  const workerUrl = opts.workerUrl ?? new URL(`./${WORKER_FILE}`, import.meta.url);
  const router = new Router({
    send: opts.onMessage,
    workdir: hostWorkdir(opts.cwd ?? process.cwd()),
    env: opts.env ?? (Object.fromEntries(Object.entries(process.env).filter(([, v]) => v !== undefined)) as Record<string, string>),
    interruptGraceMs: opts.interruptGraceMs,
    onInvalid: (msg) => process.emitWarning(`divelab engine: dropped an invalid message ${JSON.stringify(msg)?.slice(0, 200)}`),
    spawn(events) {
      const gpuPort = opts.gpuPort?.();
      const worker = new Worker(workerUrl, { workerData: { snapshotDir: opts.snapshotDir, gpuPort }, transferList: gpuPort ? [gpuPort] : [] });
      let terminated = false;
      worker.on('message', (msg: WorkerToRouter) => events.message(msg));
      worker.on('error', (err) => { if (!terminated) events.died(err.message); });
      worker.on('exit', (code) => { if (!terminated) events.died(`the Python worker exited (code ${code})`); });
      return {
        post: (msg) => worker.postMessage(msg),
        terminate() {
          terminated = true;
          void worker.terminate();
        },
      };
    },
  });
  router.start();
  return { post: (msg) => router.handle(msg), close: () => router.shutdown() };
}
