/**
 * @file Source of a pool worker, as a string: the same script runs as a Node worker_thread (`eval: true`) and
 * as a browser Web Worker (Blob URL), so it needs no bundler entry and no path on disk.
 * A worker instantiates the kernel module over the shared memory, then loops: sleep on SEQ, claim chunks by
 * incrementing NEXT, run each through the module's export, mark it done. The protocol is described in pool.ts.
 */
import { CTRL, F64, F64_OFFSET, MAX_ARGS, MAX_CHUNKS } from './pool-layout';

export function workerSource(): string {
  return `
'use strict';
const C = ${JSON.stringify(CTRL)}, F = ${JSON.stringify(F64)};
function start(msg, post, die) {
  const inst = new WebAssembly.Instance(msg.module, { env: { memory: msg.memory } });
  const fns = msg.exports.map((n) => inst.exports[n]);
  const I = new Int32Array(msg.ctrl, 0, C.STATE + ${MAX_CHUNKS});
  const D = new Float64Array(msg.ctrl, ${F64_OFFSET}, ${2 * MAX_ARGS + 2});
  const args = [];
  post('ready');
  let seen = Atomics.load(I, C.SEQ);
  for (;;) {
    Atomics.wait(I, C.SEQ, seen);
    seen = Atomics.load(I, C.SEQ);
    if (Atomics.load(I, C.QUIT)) return;
    for (;;) {
      const c = Atomics.add(I, C.NEXT, 1);
      if (c >= Atomics.load(I, C.NCHUNKS)) break;
      if (Atomics.compareExchange(I, C.STATE + c, 0, 1) !== 0) continue;
      const dieAt = Atomics.load(I, C.DIE_AT);
      if ((dieAt === c || dieAt === -2) && Atomics.compareExchange(I, C.DIE_AT, dieAt, -1) === dieAt) { die(); return; }
      const nargs = I[C.NARGS], countArg = I[C.COUNT_ARG];
      args.length = nargs;
      for (let i = 0; i < nargs; i++) args[i] = D[F.ARGS + i] + c * D[F.STEPS + i];
      if (countArg >= 0) args[countArg] = Math.min(D[F.CHUNK_LEN], D[F.TOTAL] - c * D[F.CHUNK_LEN]);
      let state = 2;
      try { fns[I[C.FN]].apply(null, args); } catch (e) { state = 3; }
      if (Atomics.compareExchange(I, C.STATE + c, 1, state) === 1) { Atomics.add(I, C.DONE, 1); Atomics.notify(I, C.DONE); }
    }
  }
}
if (typeof self === 'object' && typeof self.postMessage === 'function' && typeof require === 'undefined') {
  self.onmessage = (e) => start(e.data, (x) => self.postMessage(x), () => self.close());
} else {
  const { parentPort } = require('node:worker_threads');
  parentPort.once('message', (m) => start(m, (x) => parentPort.postMessage(x), () => process.exit(1)));
}
`;
}
