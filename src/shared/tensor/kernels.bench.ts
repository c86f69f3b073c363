/**
 * @file Reference-kernel speed: strided elementwise over 10^7 elements and the blocked matmul at 512 and 1024.
 * Run: `npx tsx src/shared/tensor/kernels.bench.ts` (numbers, not assertions; the bench runner may import it).
 */
import { binary } from './binary';
import { fromFlat } from './creation';
import { mm } from './linalg';
import { permute, reshape } from './views';

const time = (f: () => void, reps = 3): number => {
  let best = Infinity;
  for (let i = 0; i < reps; i++) {
    const t0 = performance.now();
    f();
    best = Math.min(best, performance.now() - t0);
  }
  return best / 1000;
};

export function benchKernels(): Record<string, string> {
  const n = 10_000_000;
  const flat = new Float32Array(n).map((_, i) => (i % 1000) / 7);
  const a = fromFlat(flat, [n], 'float32');
  const a2 = reshape(a, [1000, 10_000]);
  const at = permute(reshape(a, [10_000, 1000]), [1, 0]); // a transposed view: strided reads
  const out: Record<string, string> = {};
  const contig = time(() => binary('add', a, a));
  out['add contiguous 1e7 float32'] = `${(contig * 1e3).toFixed(1)} ms, ${((3 * 4 * n) / contig / 1e9).toFixed(2)} GB/s`;
  const strided = time(() => binary('add', a2, at));
  out['add strided (transposed operand) 1e7 float32'] = `${(strided * 1e3).toFixed(1)} ms, ${((3 * 4 * n) / strided / 1e9).toFixed(2)} GB/s`;
  for (const m of [512, 1024]) {
    const x = fromFlat(new Float32Array(m * m).map((_, i) => (i % 17) - 8), [m, m], 'float32');
    const s = time(() => mm(x, x), m === 1024 ? 1 : 3);
    out[`matmul ${m}x${m} float32`] = `${(s * 1e3).toFixed(0)} ms, ${((2 * m ** 3) / s / 1e9).toFixed(2)} GFLOPS`;
  }
  return out;
}

if (import.meta.url === `file://${process.argv[1]}`) console.table(benchKernels());
