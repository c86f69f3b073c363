/**
 * @file Node adapters for the CPU backend (engine utilityProcess, CLI, tests, bench): its worker pool runs on
 * worker_threads started from source text. Lives here, not in src/shared/backends, because src/shared stays free
 * of Node modules (design.md, "Layers"); the browser twin is src/shared/backends/cpu/web.ts.
 */
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { createCpuBackend, type CpuBackend } from '../../shared/backends/cpu/index';
import type { PoolWorker, SpawnWorker } from '../../shared/backends/cpu/pool';
import type { CpuRuntimeOptions } from '../../shared/backends/cpu/runtime';

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

/** The CPU backend with one worker per core unless `opts.threads` says otherwise. */
export function createNodeCpuBackend(opts: CpuRuntimeOptions = {}): Promise<CpuBackend> {
  return createCpuBackend({ threads: availableParallelism(), spawn: spawnNodeWorker, ...opts });
}
