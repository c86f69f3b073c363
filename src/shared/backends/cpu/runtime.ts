/**
 * @file The CPU runtime: one shared WebAssembly.Memory, the generated kernel module instantiated on the calling
 * thread, the heap over that memory, and the worker pool. `call` runs an export here; `parallel` splits it.
 */
import { Heap } from './heap';
import { ThreadPool, type PoolOptions, type SpawnWorker } from './pool';
import { buildCpuModule, DEFAULT_GEMM, detectFeatures, type WasmFeatures } from './wasm/module';
import type { GemmShape } from './wasm/gemm';

export interface CpuRuntimeOptions {
  /** Threads including the caller; default: the host's logical cores. 1 = no workers. */
  threads?: number;
  /** How to start a worker (src/engine/node/cpu-backend.ts or spawn-web.ts); without it everything runs on the caller. */
  spawn?: SpawnWorker;
  /** Use relaxed-SIMD fused multiply-add when the host has it (default true). */
  fma?: boolean;
  gemm?: GemmShape;
  interrupt?: PoolOptions['interrupt'];
  interruptSignal?: PoolOptions['interruptSignal'];
  stallMs?: number;
  /** Largest heap in 64 KiB pages (default 65536 = 4 GiB of address space, reserved, not committed). */
  maximumPages?: number;
}

export type Fn = (...args: number[]) => void;

export class CpuRuntime {
  private constructor(
    readonly features: WasmFeatures,
    readonly fma: boolean,
    readonly gemm: GemmShape,
    readonly memory: WebAssembly.Memory,
    readonly heap: Heap,
    private readonly fns: Fn[],
    private readonly index: Map<string, number>,
    readonly pool: ThreadPool,
  ) {}

  static async create(o: CpuRuntimeOptions = {}): Promise<CpuRuntime> {
    const features = detectFeatures();
    if (!features.simd) throw new Error('WebAssembly SIMD is not available');
    const shared = features.threads;
    const fma = (o.fma ?? true) && features.relaxedSimd;
    const gemm = o.gemm ?? DEFAULT_GEMM;
    let maximumPages = o.maximumPages ?? 65536;
    let memory: WebAssembly.Memory | undefined;
    // some hosts cap reservations; halve until one fits
    for (; !memory && maximumPages >= 1024; maximumPages >>= 1) {
      try { memory = new WebAssembly.Memory({ initial: 16, maximum: maximumPages, shared } as WebAssembly.MemoryDescriptor); } catch { /* smaller */ }
    }
    if (!memory) throw new Error('cannot reserve WebAssembly memory');
    maximumPages <<= 1;
    const { bytes, exports } = buildCpuModule({ fma, shared, gemm, maximumPages });
    const module = await WebAssembly.compile(bytes);
    const inst = await WebAssembly.instantiate(module, { env: { memory } });
    const fns = exports.map((n) => inst.exports[n] as Fn);
    const index = new Map(exports.map((n, i) => [n, i]));
    const hw = (globalThis as { navigator?: { hardwareConcurrency?: number } }).navigator?.hardwareConcurrency ?? 1;
    const threads = shared ? (o.threads ?? hw) : 1;
    const pool = await ThreadPool.create(fns, { memory, module, exports }, o.spawn, { threads, stallMs: o.stallMs, interrupt: o.interrupt, interruptSignal: o.interruptSignal });
    // bytes [0, 64) are the caller's scratch (sum results, cumsum bases)
    return new CpuRuntime(features, fma, gemm, memory, new Heap(memory, 64), fns, index, pool);
  }

  fnIndex(name: string): number {
    const i = this.index.get(name);
    if (i === undefined) throw new Error(`no wasm kernel ${name}`);
    return i;
  }

  call(name: string, ...args: number[]): void { this.fns[this.fnIndex(name)]!(...args); }
  /** The export itself, for callers that call it often enough that the name lookup and rest array show. */
  fn(name: string): Fn { return this.fns[this.fnIndex(name)]!; }

  /** See Job in pool.ts: chunk c gets args[i] + c*steps[i], its length in args[countArg]. */
  parallel(name: string, args: number[], steps: number[], countArg: number, total: number, chunkLen: number): void {
    this.pool.run({ fn: this.fnIndex(name), args, steps, countArg, total, chunkLen });
  }

  dispose(): void { this.pool.close(); }
}
