/** @file Node entry (engine utilityProcess, CLI, tests, bench): the CPU backend with worker_threads. */
import { availableParallelism } from 'node:os';
import { createCpuBackend, type CpuBackend } from './index';
import type { CpuRuntimeOptions } from './runtime';
import { spawnNodeWorker } from './spawn-node';

export function createNodeCpuBackend(opts: CpuRuntimeOptions = {}): Promise<CpuBackend> {
  return createCpuBackend({ threads: availableParallelism(), spawn: spawnNodeWorker, ...opts });
}
