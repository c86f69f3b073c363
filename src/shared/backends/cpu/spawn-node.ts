/** @file Pool adapter for Node (the engine's utilityProcess, the CLI, tests): worker_threads from source text. */
import { Worker } from 'node:worker_threads';
import type { PoolWorker, SpawnWorker } from './pool';

export const spawnNodeWorker: SpawnWorker = (source): PoolWorker => {
  const w = new Worker(source, { eval: true });
  // a worker parked in Atomics.wait must not keep the process alive; but until it says 'ready' the pool is
  // awaiting it, and an unref'd worker would let a script with nothing else to do exit mid-await
  w.once('message', () => w.unref());
  return {
    postMessage: (m) => w.postMessage(m),
    onMessage: (cb) => { w.on('message', cb); },
    onExit: (cb) => { let done = false; const once = () => { if (!done) { done = true; cb(); } }; w.on('exit', once); w.on('error', once); },
    terminate: () => { void w.terminate(); },
  };
};
