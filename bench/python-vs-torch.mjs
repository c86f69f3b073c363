/**
 * @file Shared driver of the Python-workload benches (autograd-tiny, python-matmul, python-tiny-op): runs one
 * workload file in DiveLab (through `divelab run`) and in PyTorch 1.13 (/usr/bin/python3) in the same run, and
 * prints one line per implementation in bench/run.mjs's format. Not itself a bench (no `.bench.` in its name), so
 * bench/run.mjs does not run it on its own.
 */
import { execFileSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

/** Runs a workload and returns the last JSON line it printed (earlier lines may be the workload's own output). */
function measure(cmd, args) {
  const out = execFileSync(cmd, args, { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  return JSON.parse(out.trim().split('\n').filter((l) => l.startsWith('{')).pop());
}

/**
 * Runs `bench/<workload>` under both implementations; `field` names the workload's result key that becomes the
 * reported value, `unit` is printed as is.
 */
export function benchPythonWorkload({ workload, name, unit, field }) {
  const script = join(root, 'bench', workload);
  for (const [impl, cmd, args] of [
    ['divelab', process.execPath, [join(root, 'bin/divelab.mjs'), 'run', script]],
    ['torch', '/usr/bin/python3', [script]],
  ]) {
    const r = measure(cmd, args);
    console.log(JSON.stringify({ name, impl, unit, value: r[field], median: r.median, rounds: r.rounds }));
  }
}
