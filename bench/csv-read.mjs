#!/usr/bin/env node
/**
 * @file Benchmark: read_csv of a 1.5M-row × 6-column CSV (~55 MB: ints, floats with gaps, a category, text) with
 * DiveLab's TS core and with pandas 1.5.3 (/usr/bin/python3), on the same file in the same run. Each reader runs in
 * its own process so that its peak RSS is its own. Usage: `node bench/csv-read.mjs [rows]`; with
 * DIVELAB_READER=reader.cjs it uses a prebuilt bundle of src/shared/frame/csv-read.ts instead of bundling one
 * (for machines without node_modules).
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, statSync, writeFileSync, createWriteStream } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const rows = Number(process.argv[2] ?? 1_500_000);
const dir = mkdtempSync(join(tmpdir(), 'divelab-csv-bench-'));
const csv = join(dir, 'bench.csv');

async function generate() {
  const out = createWriteStream(csv);
  const cats = ['Pave', 'Grvl', 'NA', 'Paved road', 'Gravel'];
  let seed = 12345;
  const rand = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
  out.write('id,rooms,area,price,alley,note\n');
  let buf = '';
  for (let i = 0; i < rows; i++) {
    const rooms = rand() < 0.1 ? '' : String(1 + Math.floor(rand() * 6));
    const area = rand() < 0.05 ? 'NA' : (50 + rand() * 200).toFixed(2);
    const price = (100000 + rand() * 400000).toFixed(1);
    buf += `${i},${rooms},${area},${price},${cats[i % 5]},row-${(i * 7919) % 100000}\n`;
    if (buf.length > 1 << 20) { if (!out.write(buf)) await new Promise((r) => out.once('drain', r)); buf = ''; }
  }
  out.write(buf);
  await new Promise((r) => out.end(r));
}

await generate();
const mb = statSync(csv).size / 1e6;

let bundle = process.env.DIVELAB_READER;
if (!bundle) {
  bundle = join(dir, 'reader.cjs');
  const { build } = await import('esbuild');
  await build({
    entryPoints: [join(root, 'src/shared/frame/csv-read.ts')], bundle: true, platform: 'node', format: 'cjs',
    outfile: bundle, logLevel: 'silent',
  });
}
const runner = join(dir, 'run-divelab.mjs');
writeFileSync(runner, `
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
const { readCsv } = createRequire(import.meta.url)(${JSON.stringify(bundle)});
const bytes = readFileSync(${JSON.stringify(csv)});
const t0 = performance.now();
const df = readCsv(bytes);
const s = (performance.now() - t0) / 1000;
console.log(JSON.stringify({ s, rows: df.nrows, dtypes: df.dtypes, rssMB: process.resourceUsage().maxRSS / 1024 }));
`);
const pyRunner = `
import json, resource, time, pandas as pd
with open(${JSON.stringify(csv)}, 'rb') as f: data = f.read()
import io
t0 = time.perf_counter()
df = pd.read_csv(io.BytesIO(data))
s = time.perf_counter() - t0
print(json.dumps({'s': s, 'rows': len(df), 'dtypes': [str(d) for d in df.dtypes], 'rssMB': resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}))
`;
const best = (cmd, args) => {
  const runs = [0, 1, 2].map(() => JSON.parse(execFileSync(cmd, args, { encoding: 'utf8', maxBuffer: 1 << 20 })));
  return runs.reduce((a, b) => (b.s < a.s ? b : a));
};
const ours = best(process.execPath, ['--max-old-space-size=4096', runner]);
const theirs = best('/usr/bin/python3', ['-c', pyRunner]);
rmSync(dir, { recursive: true, force: true });

const line = (name, r) => `${name.padEnd(14)} ${r.s.toFixed(2).padStart(6)} s  ${(mb / r.s).toFixed(1).padStart(6)} MB/s  peak RSS ${r.rssMB.toFixed(0).padStart(5)} MB (${(r.rssMB / mb).toFixed(2)}× file)`;
console.log(`machine: ${(await import('node:os')).cpus().length} CPUs, load ${(await import('node:os')).loadavg()[0].toFixed(1)}; node ${process.version}`);
console.log(`file: ${rows} rows × 6 columns, ${mb.toFixed(1)} MB (best of 3 runs each; peak RSS includes the runtime)`);
console.log(line('DiveLab (TS)', ours));
console.log(line('pandas 1.5.3', theirs));
console.log(`throughput ratio DiveLab/pandas: ${(theirs.s / ours.s).toFixed(2)}`);
console.log(`dtypes DiveLab: ${ours.dtypes.join(', ')}`);
console.log(`dtypes pandas:  ${theirs.dtypes.join(', ')}`);
