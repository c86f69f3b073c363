/**
 * @file Assembles the CPU kernel module and detects what the host's WebAssembly supports.
 * The module imports `env.memory`; every thread instantiates the same compiled module over the same shared memory.
 */
import { ModuleBuilder } from './emitter';
import { emitElementwise } from './elementwise';
import { emitReductions } from './reduce';
import { emitOrderedSum } from './cascade';
import { emitGemm, type GemmShape } from './gemm';

export interface WasmFeatures {
  /** Fixed-width SIMD (v128); without it the CPU backend uses the TypeScript reference kernels. */
  simd: boolean;
  /** Relaxed SIMD fused multiply-add (Chrome 114+, Node 22+; Node 20 behind --experimental-wasm-relaxed-simd). */
  relaxedSimd: boolean;
  /** Shared memory + SharedArrayBuffer: needed for the worker pool (cross-origin isolated pages only). */
  threads: boolean;
}

export interface CpuModuleOptions { fma: boolean; shared: boolean; gemm: GemmShape; maximumPages: number }

/** 4 x 8 micro tile: 8 accumulators + 2 B vectors + 1 broadcast fits x64's 16 xmm registers with room to spare. */
export const DEFAULT_GEMM: GemmShape = { mr: 4, mc: 64 };

export function buildCpuModule(o: CpuModuleOptions): { bytes: Uint8Array<ArrayBuffer>; exports: string[] } {
  const m = new ModuleBuilder({ initial: 1, maximum: o.maximumPages, shared: o.shared });
  emitElementwise(m, 'f32');
  emitElementwise(m, 'f64');
  emitReductions(m, 'f32');
  emitReductions(m, 'f64');
  emitOrderedSum(m, 'f32');
  emitOrderedSum(m, 'f64');
  emitGemm(m, o.gemm, o.fma, 'f32');
  emitGemm(m, o.gemm, o.fma, 'f64');
  return { bytes: m.encode(), exports: m.names() };
}

function probe(fill: (m: ModuleBuilder) => void): boolean {
  try {
    const m = new ModuleBuilder({ initial: 1, maximum: 1, shared: false });
    fill(m);
    return WebAssembly.validate(m.encode());
  } catch {
    return false;
  }
}

let cached: WasmFeatures | undefined;
export function detectFeatures(): WasmFeatures {
  if (cached) return cached;
  const simd = probe((m) => m.fn('p', [], [], (f) => { f.f32(1).simd('f32x4.splat').op('drop'); }));
  const relaxedSimd = simd && probe((m) => m.fn('p', [], [], (f) => {
    f.f32(1).simd('f32x4.splat').f32(1).simd('f32x4.splat').f32(1).simd('f32x4.splat').simd('f32x4.relaxed_madd').op('drop');
  }));
  let threads = false;
  try {
    const isolated = (globalThis as { crossOriginIsolated?: boolean }).crossOriginIsolated;
    threads = typeof SharedArrayBuffer !== 'undefined' && isolated !== false &&
      new WebAssembly.Memory({ initial: 1, maximum: 1, shared: true }).buffer instanceof SharedArrayBuffer;
  } catch { threads = false; }
  cached = { simd, relaxedSimd, threads };
  return cached;
}
