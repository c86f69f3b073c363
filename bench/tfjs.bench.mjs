/**
 * @file Child process of `npm run bench` for TensorFlow.js: `node bench/tfjs.bench.mjs <cpu|wasm> <op> <size>
 * <reps>` prints `{"ms": [...]}` like divelab.bench.ts. Ops run eagerly and synchronously in both backends.
 */
import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import { setWasmPaths } from '@tensorflow/tfjs-backend-wasm';
import { createRequire } from 'node:module';
import path from 'node:path';

const [backend = 'wasm', op = 'matmul', sizeArg = '1024', repsArg = '5'] = process.argv.slice(2);
const size = Number(sizeArg), reps = Number(repsArg);
if (backend === 'wasm') {
  const require = createRequire(import.meta.url);
  setWasmPaths(path.dirname(require.resolve('@tensorflow/tfjs-backend-wasm/package.json')) + '/dist/');
}
await tf.setBackend(backend);
await tf.ready();

function time(warm, f) {
  if (process.env.BENCH_WARM !== undefined) warm = Number(process.env.BENCH_WARM);
  for (let i = 0; i < warm; i++) f();
  const out = [];
  for (let i = 0; i < reps; i++) { const t0 = performance.now(); f(); out.push(performance.now() - t0); }
  return out;
}
const run = (f) => () => { const t = f(); t.dataSync === undefined || t.dispose(); };

let ms;
switch (op) {
  case 'matmul': {
    const a = tf.randomUniform([size, size], -1, 1), b = tf.randomUniform([size, size], -1, 1);
    ms = time(1, run(() => tf.matMul(a, b)));
    break;
  }
  case 'add': case 'mul': {
    const a = tf.randomUniform([size], -1, 1), b = tf.randomUniform([size], -1, 1);
    ms = time(2, run(() => (op === 'add' ? tf.add(a, b) : tf.mul(a, b))));
    break;
  }
  case 'sum': { const a = tf.randomUniform([size], -1, 1); ms = time(2, run(() => tf.sum(a))); break; }
  case 'cumsum': { const a = tf.randomUniform([size], -1, 1); ms = time(2, run(() => tf.cumsum(a))); break; }
  case 'tiny': {
    const a = tf.tensor1d([0, 1, 2, 3].slice(0, size)), b = tf.tensor1d([0, 1, 2, 3].slice(0, size));
    const calls = 20000;
    ms = time(3, () => { for (let i = 0; i < calls; i++) tf.add(a, b).dispose(); }).map((t) => (t * 1000) / calls);
    break;
  }
  default: throw new Error(`unknown op ${op}`);
}
process.stdout.write(JSON.stringify({ ms, info: { backend: tf.getBackend(), simd: await tf.env().getAsync('WASM_HAS_SIMD_SUPPORT').catch(() => null) } }) + '\n');
