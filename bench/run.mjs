#!/usr/bin/env node
/**
 * @file `npm run bench`: DiveLab against its peers, measured in the same run, written to bench/results.json and
 * printed as a table.
 *
 * Every measurement runs in its own child process (one implementation, one kernel, one size) with a timeout, so a
 * crash or a hang costs one cell, not the suite. Peers are interleaved per benchmark and the suite goes round
 * BENCH_ROUNDS times (default 2), so load from other processes on this shared machine falls on all of them alike;
 * a cell's value is the median over every run of every round.
 *
 * Implementations: DiveLab's CPU backend (2 threads, relaxed-SIMD FMA as Electron has it; Node 20 needs
 * --experimental-wasm-relaxed-simd, and a no-FMA row shows the plain SIMD build), PyTorch 1.13 through
 * /usr/bin/python3 with torch.set_num_threads(2), TensorFlow.js tfjs-backend-wasm and tfjs-backend-cpu.
 * The sum and cumsum rows time DiveLab's tensor-core ops (what `x.sum()` / `x.cumsum(0)` run: PyTorch's order of
 * additions on one thread, the exact sequential scan), not the backend's faster threaded kernels, whose float32
 * results would differ from PyTorch's in the last digit; PyTorch's own sum there uses its 2 threads.
 *
 * Other engineers' benches (bench/engine-startup.bench.*, python-tiny-op, csv-read) run when present. The
 * convention for such a file: it is run as a program (.mjs/.js with node, .ts with node --import tsx, .py with
 * /usr/bin/python3) and prints one JSON object per line: {"name", "impl", "unit", "ms": [...]} or
 * {"name", "impl", "unit", "value"} (unit is free text; lower is better unless "higherIsBetter": true).
 *
 * Options (environment): BENCH_ROUNDS, BENCH_QUICK=1 (smaller sizes, for a smoke run), BENCH_ONLY=<substring>.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { build } from 'esbuild';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const rounds = Number(process.env.BENCH_ROUNDS ?? 2);
const quick = process.env.BENCH_QUICK === '1';
const only = process.env.BENCH_ONLY;
const PY = '/usr/bin/python3';
const N = quick ? 1_000_000 : 10_000_000;

// DiveLab's child is bundled once (esbuild, ~0.2 s) so that each of its many processes starts like plain node
const tmp = mkdtempSync(join(tmpdir(), 'divelab-bench-'));
const divelabChild = join(tmp, 'divelab.bench.mjs');
await build({ entryPoints: [join(root, 'bench/divelab.bench.ts')], bundle: true, platform: 'node', format: 'esm', target: 'node20', outfile: divelabChild, logLevel: 'warning' });
process.on('exit', () => rmSync(tmp, { recursive: true, force: true }));

/** How to start one child for an implementation. */
const IMPLS = {
  divelab: { label: 'DiveLab', cmd: (op, size, reps) => ['node', ['--experimental-wasm-relaxed-simd', divelabChild, op, size, reps]] },
  'divelab-nofma': { label: 'DiveLab no-FMA', env: { DIVELAB_FMA: '0' }, cmd: (op, size, reps) => ['node', [divelabChild, op, size, reps]] },
  torch: { label: 'PyTorch 1.13', cmd: (op, size, reps) => [PY, ['bench/torch.bench.py', op, size, reps]] },
  'tfjs-wasm': { label: 'tfjs-wasm', cmd: (op, size, reps) => ['node', ['bench/tfjs.bench.mjs', 'wasm', op, size, reps]] },
  'tfjs-cpu': { label: 'tfjs-cpu', cmd: (op, size, reps) => ['node', ['bench/tfjs.bench.mjs', 'cpu', op, size, reps]] },
};
const PEERS = ['torch', 'tfjs-wasm', 'tfjs-cpu'];

/** name, op, size, reps, unit, metric from a median millisecond time, impls (with per-impl reps overrides). */
const mm = (n) => ({
  name: `matmul ${n}x${n} f32`, op: 'matmul', size: quick ? n / 4 : n, unit: 'GFLOPS', higher: true,
  metric: (ms) => (2 * (quick ? n / 4 : n) ** 3) / (ms * 1e6),
  reps: n >= 2048 ? 3 : n >= 1024 ? 5 : 10,
  impls: { divelab: {}, ...(n === 1024 ? { 'divelab-nofma': {} } : {}), torch: {}, 'tfjs-wasm': {}, ...(n <= 1024 ? { 'tfjs-cpu': { reps: n >= 1024 ? 1 : 3, env: { BENCH_WARM: n >= 1024 ? '0' : '1' } } } : {}) },
});
const stream = (op, bytesPerElem) => ({
  name: `${op} 1e7 f32`.replace('1e7', quick ? '1e6' : '1e7'), op, size: N, unit: 'GB/s', higher: true,
  metric: (ms) => (bytesPerElem * N) / (ms * 1e6), reps: 10,
  impls: { divelab: {}, torch: {}, 'tfjs-wasm': {}, 'tfjs-cpu': { reps: 5 } },
});
const BENCHES = [
  mm(256), mm(512), mm(1024), mm(2048),
  stream('add', 12), stream('mul', 12), stream('sum', 4),
  { name: `cumsum ${quick ? '1e6' : '1e7'} f32`, op: 'cumsum', size: N, unit: 'ms', higher: false, metric: (ms) => ms, reps: 7, impls: { divelab: {}, torch: {}, 'tfjs-wasm': {}, 'tfjs-cpu': { reps: 3 } } },
  { name: 'tiny add (4 elements), per call', op: 'tiny', size: 4, unit: 'µs', higher: false, metric: (us) => us, reps: 5, impls: { divelab: {}, torch: {}, 'tfjs-wasm': {}, 'tfjs-cpu': {} } },
].filter((b) => !only || b.name.includes(only));

/** Benches of other layers: every bench/*.bench.{mjs,js,ts,py} that is not one of this file's children, plus csv-read. */
const MINE = new Set(['divelab', 'tfjs', 'torch', 'gpu', 'gpu-torch']);
const OTHER = readdirSync(join(root, 'bench'))
  .map((f) => /^(.+)\.bench\.(mjs|js|ts|py)$/.exec(f))
  .filter((m) => m && !MINE.has(m[1]) && !(m[2] === 'py' && existsSync(join(root, `bench/${m[1]}.bench.mjs`))))
  .map((m) => m[0]);
if (!OTHER.some((f) => f.startsWith('csv-read')) && existsSync(join(root, 'bench/csv-read.mjs'))) OTHER.push('csv-read.mjs');

function runChild(cmd, args, env, timeoutMs) {
  const r = spawnSync(cmd, args, { cwd: root, env: { ...process.env, ...env }, encoding: 'utf8', timeout: timeoutMs, maxBuffer: 1 << 24 });
  if (r.error) return { error: r.error.code === 'ETIMEDOUT' ? `timed out after ${timeoutMs / 1000} s` : String(r.error) };
  if (r.status !== 0) return { error: `exit ${r.status ?? r.signal}: ${(r.stderr || '').trim().split('\n').slice(-3).join(' | ')}` };
  const lines = r.stdout.trim().split('\n').filter((l) => l.startsWith('{'));
  try { return { lines: lines.map((l) => JSON.parse(l)), text: r.stdout.trim() }; } catch (e) { return { error: `bad output: ${e}` }; }
}

const median = (xs) => { const s = [...xs].sort((a, b) => a - b); const m = s.length >> 1; return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2; };
const started = Date.now();
// other processes on a shared machine skew every wall-clock number: record how busy it was
const loadAtStart = loadavg()[0];
const results = [];
for (const b of BENCHES) {
  const cells = Object.fromEntries(Object.keys(b.impls).map((k) => [k, { ms: [], errors: [], info: undefined }]));
  for (let r = 0; r < rounds; r++) {
    for (const [impl, o] of Object.entries(b.impls)) {
      const I = IMPLS[impl];
      const [cmd, args] = I.cmd(b.op, String(b.size), String(o.reps ?? b.reps));
      const out = runChild(cmd, args, { ...I.env, ...o.env }, 120_000);
      if (out.error) cells[impl].errors.push(out.error);
      else { cells[impl].ms.push(...out.lines[0].ms); cells[impl].info = out.lines[0].info; }
    }
  }
  const row = { name: b.name, unit: b.unit, higherIsBetter: b.higher, values: {} };
  for (const [impl, c] of Object.entries(cells)) {
    row.values[impl] = c.ms.length
      ? { value: b.metric(median(c.ms)), medianMs: median(c.ms), runsMs: c.ms, info: c.info }
      : { value: null, error: c.errors[0] ?? 'no runs' };
  }
  // ratios: how many times better DiveLab is than each peer (>1 = DiveLab ahead)
  const d = row.values.divelab?.value;
  row.ratios = {};
  for (const p of PEERS) {
    const v = row.values[p]?.value;
    if (d && v) row.ratios[p] = b.higher ? d / v : v / d;
  }
  results.push(row);
  process.stderr.write(`  ${b.name} done (${((Date.now() - started) / 1000).toFixed(0)} s)\n`);
}

const others = [];
for (const f of OTHER) {
  if (only && !f.includes(only)) continue;
  const file = `bench/${f}`;
  const [cmd, args] = file.endsWith('.py') ? [PY, [file]] : file.endsWith('.ts') ? ['node', ['--import', 'tsx', file]] : ['node', [file]];
  const out = runChild(cmd, args, {}, 240_000);
  if (out.error) { others.push({ file: f, error: out.error }); continue; }
  // a bench that prints its own report instead of JSON lines: keep the text
  if (!out.lines.length) others.push({ file: f, text: out.text.split('\n').slice(-12) });
  for (const l of out.lines) {
    // lines that follow the convention become values; anything else is kept as printed
    const value = Array.isArray(l.ms) ? median(l.ms) : typeof l.value === 'number' ? l.value : undefined;
    others.push(value === undefined ? { file: f, raw: l } : { file: f, name: l.name ?? f, impl: l.impl ?? 'divelab', unit: l.unit ?? 'ms', value, runsMs: l.ms });
  }
  process.stderr.write(`  ${f} done (${((Date.now() - started) / 1000).toFixed(0)} s)\n`);
}

const machine = { cpus: cpus().length, model: cpus()[0]?.model, node: process.version, rounds, quick, seconds: (Date.now() - started) / 1000, loadAverage: { start: loadAtStart, end: loadavg()[0] } };
writeFileSync(join(root, 'bench/results.json'), JSON.stringify({ date: new Date().toISOString(), machine, results, others }, null, 2) + '\n');

// table
const cols = ['divelab', 'divelab-nofma', 'torch', 'tfjs-wasm', 'tfjs-cpu'];
const fmt = (v) => (v == null ? '—' : v >= 100 ? v.toFixed(0) : v >= 10 ? v.toFixed(1) : v.toFixed(2));
const head = ['benchmark', 'unit', ...cols.map((c) => IMPLS[c].label), ...PEERS.map((p) => `vs ${IMPLS[p].label}`)];
const rows = results.map((r) => r.values
  ? [r.name, r.unit, ...cols.map((c) => (r.values[c] ? (r.values[c].value == null ? 'ERR' : fmt(r.values[c].value)) : '')), ...PEERS.map((p) => (r.ratios?.[p] ? fmt(r.ratios[p]) + '×' : ''))]
  : [r.name, r.skipped ?? ('ERR ' + r.error), ...cols.map(() => ''), ...PEERS.map(() => '')]);
const w = head.map((h, i) => Math.max(h.length, ...rows.map((r) => String(r[i]).length)));
const line = (r) => r.map((x, i) => (i < 2 ? String(x).padEnd(w[i]) : String(x).padStart(w[i]))).join('  ');
console.log(line(head));
console.log(w.map((n) => '-'.repeat(n)).join('  '));
for (const r of rows) console.log(line(r));
if (others.length) {
  console.log('\nother benches');
  const byName = new Map();
  for (const o of others) {
    if (o.error) console.log(`  ${o.file}: ERROR ${o.error}`);
    else if (o.raw) console.log(`  ${o.file}: ${JSON.stringify(o.raw).slice(0, 160)}`);
    else if (o.text) console.log(`  ${o.file}:\n${o.text.map((t) => '    ' + t).join('\n')}`);
    else { if (!byName.has(o.name)) byName.set(o.name, []); byName.get(o.name).push(o); }
  }
  for (const [name, list] of byName) console.log(`  ${name} [${list[0].unit}]: ${list.map((o) => `${o.impl} ${fmt(o.value)}`).join(', ')}`);
}
console.log(`\n"vs X" = how many times better DiveLab is than X (>1: DiveLab ahead). ${rounds} round(s), ${machine.seconds.toFixed(0)} s, 1-min load average ${loadAtStart.toFixed(1)} -> ${machine.loadAverage.end.toFixed(1)} on ${machine.cpus} cores; results in bench/results.json`);
for (const r of results) for (const [k, v] of Object.entries(r.values ?? {})) if (v.error) console.log(`  ${r.name} / ${k}: ${v.error}`);
