/**
 * @file Child process of `npm run bench` for DiveLab's CPU backend: `node --import tsx bench/divelab.bench.ts
 * <op> <size> <reps>` prints `{"ms": [...]}` (per-run milliseconds; for `tiny`, microseconds per call).
 * DIVELAB_THREADS (default 2) and DIVELAB_FMA=0 select the configuration.
 * matmul/add/mul time the backend's kernels on preallocated buffers (as the PyTorch child does with out=).
 * sum and cumsum time what a student's `x.sum()` / `x.cumsum(0)` runs: the tensor core's `sum`/`cumulative` with
 * the backend installed as the engine installs it, so the sum adds in PyTorch's order ([Note: ordered sum
 * kernel]) and cumsum is the exact sequential scan, not the backend's faster threaded kernels. cumsum allocates
 * its output like the tensor op does; each run first frees the previous run's output, as the engine's garbage
 * collection would, so runs reuse heap memory instead of faulting in fresh pages.
 */
import { createNodeCpuBackend } from '../src/engine/node/cpu-backend';
import { setCpuKernels } from '../src/shared/tensor/accel';
import { setArrayAllocator } from '../src/shared/tensor/storage';
import { fromFlat } from '../src/shared/tensor/creation';
import { cumulative, sum } from '../src/shared/tensor/reduce';
import type { Tensor } from '../src/shared/tensor/tensor';

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
/** A float32 tensor of n random values whose storage is on the backend heap, with the backend under the core. */
function tensorOnBackend(n: number): Tensor {
  setCpuKernels(cpu);
  // the engine's allocator (src/engine/core/cpu-backend.ts) less its heap budget: large floats on the heap, zeroed
  setArrayAllocator((d, len) => (d === 'float32' ? cpu.allocF32(len).fill(0) : d === 'float64' ? cpu.allocF64(len).fill(0) : null));
  const vals = new Float64Array(n);
  for (let i = 0; i < n; i++) vals[i] = Math.random() * 2 - 1;
  const x = fromFlat(vals, [n], 'float32');
  if (!cpu.isShared(x.storage.data)) throw new Error('bench: the tensor is not on the backend heap');
  return x;
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
  case 'sum': { const x = tensorOnBackend(size); ms = time(2, () => { sum(x); }); break; }
  case 'cumsum': {
    const x = tensorOnBackend(size);
    let last: Tensor | null = null;
    ms = time(2, () => {
      if (last) cpu.free(last.storage.data as Float32Array); // the previous output, as GC would (a few µs)
      last = cumulative(x, 0, true);
    });
    break;
  }
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
