/**
 * @file Matmul on the CPU backend (float32 and float64): plain JS for tiny products, else packs B in parallel and
 * runs the wasm GEMM by row blocks on the pool (see [Note: gemm blocking] in wasm/gemm.ts).
 */
import type { FloatArray } from '../backend';
import type { CpuBackend, Temp } from './index';
import { gemmName, gemmScratchBytes, nrOf, PACK_COLS, packBName } from './wasm/gemm';

export interface MatmulOptions {
  /** Element offset of C in `out`; C is always row-major with row stride N. */
  outOff?: number;
  /** [row, column] strides of A in elements (default [K, 1]); [1, M] reads a transposed A without copying. */
  aStrides?: readonly [number, number];
  bStrides?: readonly [number, number];
}

/** Below this many multiply-adds a plain loop wins over packing. */
export const MATMUL_JS_MAX = 32 * 32 * 32;
/** Below this many multiply-adds the GEMM stays on the caller's thread. */
export const MATMUL_PAR_MIN = 96 * 96 * 96;

/** Elements spanned by a 2-D view (non-negative strides). */
const span = (rows: number, cols: number, rs: number, cs: number): number => (rows - 1) * rs + (cols - 1) * cs + 1;

/** out = a @ b; all three Float32Array or all Float64Array. */
export function matmul<T extends FloatArray>(
  cpu: CpuBackend, a: T, aOff: number, b: T, bOff: number, out: T,
  M: number, N: number, K: number, opt: MatmulOptions,
): void {
  const dt = a instanceof Float32Array ? 'f32' : 'f64';
  const ES = a.BYTES_PER_ELEMENT, NR = nrOf(dt);
  const [ar, ac] = opt.aStrides ?? [K, 1];
  const [br, bc] = opt.bStrides ?? [N, 1];
  const outOff = opt.outOff ?? 0;
  if (M === 0 || N === 0) return;
  if (K === 0) { out.fill(0, outOff, outOff + M * N); return; }
  if (M * N * K < MATMUL_JS_MAX) {
    const row = new Float64Array(N);
    for (let i = 0; i < M; i++) {
      row.fill(0);
      for (let p = 0; p < K; p++) {
        const x = a[aOff + i * ar + p * ac]!;
        for (let j = 0; j < N; j++) row[j]! += x * b[bOff + p * br + j * bc]!;
      }
      for (let j = 0; j < N; j++) out[outOff + i * N + j] = row[j]!;
    }
    return;
  }
  const rt = cpu.rt;
  const temps: Temp[] = [];
  const pa = cpu.addr(a, aOff, span(M, K, ar, ac), temps);
  const pb = cpu.addr(b, bOff, span(K, N, br, bc), temps);
  const pc = cpu.addr(out, outOff, M * N, temps, true);
  const panels = Math.ceil(N / NR);
  const packed = cpu.alloc(dt, panels * NR * K);
  const { mr, mc } = rt.gemm;
  const threads = cpu.threads;
  const inline = M * N * K < MATMUL_PAR_MIN || threads === 1;
  // enough row blocks to keep every thread busy, but never below two micro panels
  const mcEff = inline ? mc : Math.max(2 * mr, Math.min(mc, Math.ceil(M / (2 * threads) / mr) * mr));
  const blocks = Math.ceil(M / mcEff);
  const sb = gemmScratchBytes(rt.gemm, dt);
  const scratch = cpu.alloc(dt, (blocks * sb) / ES);
  try {
    const packArgs = [pb, br, bc, packed.byteOffset, N, K];
    const packSteps = [PACK_COLS * bc * ES, 0, 0, PACK_COLS * K * ES, 0, 0];
    const gemmArgs = [pa, ar, ac, packed.byteOffset, pc, N, M, N, K, scratch.byteOffset];
    const gemmSteps = [mcEff * ar * ES, 0, 0, 0, mcEff * N * ES, 0, 0, 0, 0, sb];
    if (inline) {
      rt.call(packBName(dt), ...packArgs);
      for (let c = 0; c < blocks; c++) {
        rt.call(gemmName(dt), ...gemmArgs.map((x, i) => (i === 6 ? Math.min(mcEff, M - c * mcEff) : x + c * gemmSteps[i]!)));
      }
    } else {
      rt.parallel(packBName(dt), packArgs, packSteps, 4, N, PACK_COLS);
      rt.parallel(gemmName(dt), gemmArgs, gemmSteps, 6, M, mcEff);
    }
  } finally {
    cpu.free(scratch);
    cpu.free(packed);
    cpu.done(temps);
  }
}
