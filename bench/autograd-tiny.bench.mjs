#!/usr/bin/env node
/**
 * @file Benchmark: autograd overhead from Python (`y = (x * x).sum(); y.backward()`, 4 elements) in DiveLab (through
 * `divelab run`) and in PyTorch 1.13 (/usr/bin/python3), same workload file (bench/autograd-tiny.py), same run.
 * Prints one line per implementation in bench/run.mjs's format.
 */
import { execFileSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const script = join(root, 'bench/autograd-tiny.py');
const name = 'python (x * x).sum().backward() (4 elements), per iteration';

function measure(cmd, args) {
  const out = execFileSync(cmd, args, { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  return JSON.parse(out.trim().split('\n').filter((l) => l.startsWith('{')).pop());
}

for (const [impl, cmd, args] of [
  ['divelab', process.execPath, [join(root, 'bin/divelab.mjs'), 'run', script]],
  ['torch', '/usr/bin/python3', [script]],
]) {
  const r = measure(cmd, args);
  console.log(JSON.stringify({ name, impl, unit: 'µs (best round)', value: r.us_per_iter, median: r.median, rounds: r.rounds }));
}
