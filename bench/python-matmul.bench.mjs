#!/usr/bin/env node
/**
 * @file Benchmark: `torch.mm` of 1024x1024 float32 from Python, in DiveLab (Pyodide + the CPU backend's wasm GEMM,
 * through `divelab run`) and in PyTorch 1.13 (/usr/bin/python3, 2 threads), same workload file
 * (bench/python-matmul.py), same run. Prints one line per implementation in bench/run.mjs's format.
 */
import { execFileSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const script = join(root, 'bench/python-matmul.py');
const name = 'python torch.mm 1024x1024 float32';

function measure(cmd, args) {
  const out = execFileSync(cmd, args, { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  return JSON.parse(out.trim().split('\n').filter((l) => l.startsWith('{')).pop());
}

for (const [impl, cmd, args] of [
  ['divelab', process.execPath, [join(root, 'bin/divelab.mjs'), 'run', script]],
  ['torch', '/usr/bin/python3', [script]],
]) {
  const r = measure(cmd, args);
  console.log(JSON.stringify({ name, impl, unit: 'GFLOPS (best round)', value: r.gflops, median: r.median, rounds: r.rounds }));
}
