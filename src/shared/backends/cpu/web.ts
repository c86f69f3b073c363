/** @file Browser entry (the engine's Web Worker in browser mode): the CPU backend with Web Workers. */
import { createCpuBackend, type CpuBackend } from './index';
import type { CpuRuntimeOptions } from './runtime';
import { spawnWebWorker } from './spawn-web';

export function createWebCpuBackend(opts: CpuRuntimeOptions = {}): Promise<CpuBackend> {
  return createCpuBackend({ threads: navigator.hardwareConcurrency, spawn: spawnWebWorker, ...opts });
}
