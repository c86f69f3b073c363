#!/usr/bin/env node
/**
 * @file Benchmark: time from starting an engine to its `ready` message (Python worker spawned, Pyodide loaded,
 * DiveLab's packages installed, kernel set up), from the build-time memory snapshot and from a plain Pyodide load.
 * Target: ≤ 1 s from the snapshot. Each start is a fresh engine, as after a restart.
 *
 *   node bench/engine-startup.bench.mjs [runs=5]
 *
 * Prints bench/run.mjs's format on stdout (one JSON object per implementation, with every run's ms) and the
 * medians on stderr.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { ensureEngineBuilt, OUT } from '../bin/engine-build.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const runs = Number(process.argv[2] ?? 5);
ensureEngineBuilt();
const { createNodeEngine } = await import(pathToFileURL(join(OUT, 'engine.js')).href);

function startOnce(snapshotDir) {
  return new Promise((resolve, reject) => {
    const t0 = performance.now();
    const engine = createNodeEngine({
      cwd: root,
      snapshotDir,
      onMessage(msg) {
        if (msg.type === 'ready') {
          const ms = performance.now() - t0;
          engine.close();
          resolve({ ms, fromSnapshot: msg.fromSnapshot });
        } else if (msg.type === 'restarted') {
          engine.close();
          reject(new Error(`engine failed to start: ${msg.detail}`));
        }
      },
    });
  });
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const noSnapshot = mkdtempSync(join(tmpdir(), 'divelab-nosnap-'));
for (const [impl, dir] of [['snapshot', OUT], ['plain load', noSnapshot]]) {
  const ms = [];
  for (let i = 0; i < runs; i++) {
    const r = await startOnce(dir);
    if (r.fromSnapshot !== (impl === 'snapshot')) throw new Error(`${impl}: fromSnapshot was ${r.fromSnapshot}`);
    ms.push(Math.round(r.ms));
  }
  console.log(JSON.stringify({ name: 'engine start-up to ready', impl, unit: 'ms', ms }));
  process.stderr.write(`engine ready (${impl}): median ${median(ms)} ms over ${runs} runs\n`);
}
