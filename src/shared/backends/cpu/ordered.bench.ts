/**
 * @file Micro-benchmark of the ordered float32 sum (not a test): `node --experimental-wasm-relaxed-simd --import
 * tsx src/shared/backends/cpu/ordered.bench.ts [n] [reps]`. Times CpuBackend.orderedSum with 1 and 2 threads and
 * the tensor core's `sum(x)` (what bench/divelab.bench.ts times), in one process, and prints min / median / p90 in
 * ms with the load average, so a change to the pool or the kernel can be judged without the whole `npm run bench`.
 */
import { loadavg } from 'node:os';
import { createNodeCpuBackend } from '../../../engine/node/cpu-backend';
import { setCpuKernels } from '../../tensor/accel';
import { setArrayAllocator } from '../../tensor/storage';
import { fromFlat } from '../../tensor/creation';
import { sum } from '../../tensor/reduce';

const n = Number(process.argv[2] ?? 1e7), reps = Number(process.argv[3] ?? 200);

function stats(ms: number[]): string {
  const s = [...ms].sort((a, b) => a - b);
  const q = (p: number): string => s[Math.min(s.length - 1, Math.floor(p * s.length))]!.toFixed(3);
  return `min ${q(0)}  median ${q(0.5)}  p90 ${q(0.9)}  (${((4 * n) / (s[s.length >> 1]! * 1e6)).toFixed(1)} GB/s at the median)`;
}
function time(f: () => void): number[] {
  for (let i = 0; i < 10; i++) f();
  const out: number[] = [];
  for (let i = 0; i < reps; i++) { const t0 = performance.now(); f(); out.push(performance.now() - t0); }
  return out;
}

for (const threads of [1, 2]) {
  const cpu = await createNodeCpuBackend({ threads });
  const a = cpu.allocF32(n);
  for (let i = 0; i < n; i++) a[i] = Math.random() * 2 - 1;
  let r = 0;
  console.log(`orderedSum  ${threads} thread(s): ${stats(time(() => { r = cpu.orderedSum(a, 0, n); }))}`);
  setCpuKernels(cpu);
  setArrayAllocator((d, len) => (d === 'float32' ? cpu.allocF32(len).fill(0) : d === 'float64' ? cpu.allocF64(len).fill(0) : null));
  const vals = new Float64Array(n);
  for (let i = 0; i < n; i++) vals[i] = Math.random() * 2 - 1;
  const x = fromFlat(vals, [n], 'float32');
  console.log(`sum(x)      ${threads} thread(s): ${stats(time(() => { sum(x); }))}`);
  setCpuKernels(null);
  setArrayAllocator(() => null);
  cpu.dispose();
  void r;
}
console.log(`load average ${loadavg().map((v) => v.toFixed(2)).join(' ')}`);
