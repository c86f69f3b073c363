/**
 * @file Child process of `npm run bench` for DiveLab's CPU backend: `node --import tsx bench/divelab.bench.ts
 * <op> <size> <reps>` prints `{"ms": [...]}` (per-run milliseconds; for `tiny`, microseconds per call).
 * DIVELAB_THREADS (default 2) and DIVELAB_FMA=0 select the configuration.
 */
import { createNodeCpuBackend } from '../src/engine/node/cpu-backend';

const [op = 'matmul', sizeArg = '1024', repsArg = '5'] = process.argv.slice(2);
const size = Number(sizeArg), reps = Number(repsArg);
const cpu = await createNodeCpuBackend({ threads: Number(process.env.DIVELAB_THREADS ?? 2), fma: process.env.DIVELAB_FMA !== '0' });

function rand(n: number): Float32Array {
  const v = cpu.allocF32(n);
  for (let i = 0; i < n; i++) v[i] = Math.random() * 2 - 1;
  return v;
}
function time(warm: number, f: () => void): number[] {
  for (let i = 0; i < warm; i++) f();
  const out: number[] = [];
  for (let i = 0; i < reps; i++) { const t0 = performance.now(); f(); out.push(performance.now() - t0); }
  return out;
}

let ms: number[];
switch (op) {
  case 'matmul': {
    const a = rand(size * size), b = rand(size * size), c = cpu.allocF32(size * size);
    ms = time(size >= 1024 ? 1 : 3, () => cpu.matmulF32(a, 0, b, 0, c, size, size, size));
    break;
  }
  case 'add': case 'mul': {
    const a = rand(size), b = rand(size), c = cpu.allocF32(size);
    ms = time(2, () => cpu.binary(op, a, 0, b, 0, c, 0, size));
    break;
  }
  case 'sum': { const a = rand(size); ms = time(2, () => { cpu.sum(a, 0, size); }); break; }
  case 'cumsum': { const a = rand(size), c = cpu.allocF32(size); ms = time(2, () => cpu.cumsum(a, 0, c, 0, size)); break; }
  case 'tiny': {
    // the generic Backend interface on 4-element heap buffers: what the tensor core pays per small op
    const be = cpu.backend;
    const mk = () => { const b = be.alloc('float32', size); be.write(b, Float32Array.from({ length: size }, (_, i) => i)); return b; };
    const a = { buf: mk(), offset: 0, strides: [1] }, b = { buf: mk(), offset: 0, strides: [1] }, o = { buf: mk(), offset: 0, strides: [1] };
    const calls = 20000;
    ms = time(3, () => { for (let i = 0; i < calls; i++) be.kernels.binary({ op: 'add', a, b, out: o, shape: [size] }); }).map((t) => (t * 1000) / calls);
    break;
  }
  default: throw new Error(`unknown op ${op}`);
}
process.stdout.write(JSON.stringify({ ms, info: { threads: cpu.threads, fma: cpu.fma } }) + '\n');
cpu.dispose();
