#!/usr/bin/env node
/**
 * @file Benchmark: Python per-op overhead (`y = x + x`, 4 elements) in DiveLab's torch (Pyodide + TS core, through
 * `divelab run`) and in PyTorch 1.13 (/usr/bin/python3), same workload file (bench/python-tiny-op.py), same run.
 * Prints one line per implementation in bench/run.mjs's format.
 */
import { execFileSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const script = join(root, 'bench/python-tiny-op.py');
const name = 'python y = x + x (4 elements), per op';

function measure(cmd, args) {
  const out = execFileSync(cmd, args, { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  return JSON.parse(out.trim().split('\n').filter((l) => l.startsWith('{')).pop());
}

for (const [impl, cmd, args] of [
  ['divelab', process.execPath, [join(root, 'bin/divelab.mjs'), 'run', script]],
  ['torch', '/usr/bin/python3', [script]],
]) {
  const r = measure(cmd, args);
  console.log(JSON.stringify({ name, impl, unit: 'µs (best round)', value: r.us_per_op, median: r.median, rounds: r.rounds }));
}
