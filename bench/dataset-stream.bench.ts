/**
 * @file Benchmark: the dataset panel's streaming load (stream-load.ts, the worker's code) of a generated CSV read
 * from a Blob in 1 MiB slices, as the panel's worker does. Reports peak RSS against the file size and against the
 * loaded columns' own size, and the throughput. Usage: `npx tsx --expose-gc bench/dataset-stream.bench.ts [MB]`
 * (default 200). The file is written to a temp folder and removed afterwards.
 */
import { openAsBlob } from 'node:fs';
import { createWriteStream, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { blobSource, loadFrame } from '../src/renderer/panels/dataset/stream-load';
import type { Column } from '../src/shared/frame/column';

const targetMB = Number(process.argv[2] ?? 200);
const dir = mkdtempSync(join(tmpdir(), 'divelab-stream-bench-'));
const csv = join(dir, 'big.csv');

async function generate(): Promise<void> {
  const out = createWriteStream(csv);
  const cats = ['Pave', 'Grvl', 'NA', 'Paved road', 'Gravel'];
  let seed = 12345;
  const rand = (): number => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
  out.write('id,rooms,area,price,alley,score\n');
  let written = 0;
  for (let i = 0; written < targetMB * 1e6; i++) {
    let buf = '';
    for (let k = 0; k < 10_000; k++, i++) {
      const rooms = rand() < 0.1 ? '' : String(1 + Math.floor(rand() * 6));
      const area = rand() < 0.05 ? 'NA' : (50 + rand() * 200).toFixed(2);
      buf += `${i},${rooms},${area},${(100000 + rand() * 400000).toFixed(1)},${cats[Math.floor(rand() * cats.length)]},${(rand() * 10).toFixed(4)}\n`;
    }
    written += buf.length;
    if (!out.write(buf)) await new Promise<void>((r) => out.once('drain', () => r()));
  }
  await new Promise<void>((r) => out.end(() => r()));
}

const vmHWM = (): number => Number(/VmHWM:\s+(\d+) kB/.exec(readFileSync('/proc/self/status', 'utf8'))![1]) * 1024;
const colBytes = (c: Column): number => (c.dtype === 'object' ? c.data.length * 8 : c.data.byteLength);
const mb = (b: number): string => (b / 1e6).toFixed(0);

await generate();
const size = statSync(csv).size;
(globalThis as { gc?: () => void }).gc?.();
const base = process.memoryUsage().rss;
let peak = base;
const t0 = performance.now();
const df = await loadFrame(blobSource(await openAsBlob(csv)), {
  onProgress: () => { peak = Math.max(peak, process.memoryUsage().rss); },
});
const secs = (performance.now() - t0) / 1000;
peak = Math.max(peak, process.memoryUsage().rss, vmHWM());
const cols = df.cols.reduce((s, c) => s + colBytes(c), 0);
console.log(`file ${mb(size)} MB, ${df.nrows} rows × ${df.ncols} columns (${df.cols.map((c) => c.dtype).join(', ')})`);
console.log(`loaded in ${secs.toFixed(1)} s = ${(size / 1e6 / secs).toFixed(1)} MB/s`);
console.log(`columns ${mb(cols)} MB (object cells counted as 8-byte references)`);
console.log(`RSS before ${mb(base)} MB, peak ${mb(peak)} MB: growth ${mb(peak - base)} MB = ${((peak - base) / size).toFixed(2)}× the file, ${((peak - base) / cols).toFixed(2)}× the columns`);
rmSync(dir, { recursive: true, force: true });
