/**
 * @file Browser side of web.test.ts, bundled and loaded in a cross-origin isolated Chromium page. On the page's
 * main thread (where Atomics.wait is forbidden) the backend must run inline; inside a Web Worker, as the engine
 * runs in browser mode, it must start Web Workers over the shared heap and run the big kernels on them.
 */
import { createWebCpuBackend } from './web';
import { checkLargeContiguous, checkMatmulFixed } from '../testing/cases';

async function suite(): Promise<{ isolated: boolean; threads: number; workers: number; fma: boolean; failures: string[] }> {
  const cpu = await createWebCpuBackend({ threads: 2 });
  const failures: string[] = [];
  for (const n of [1 << 17, 1_000_003]) {
    for (const dt of ['float32', 'float64'] as const) {
      const r = await checkLargeContiguous(cpu.backend, n, dt, { approx: false });
      if (r) failures.push(`${dt} ${n}: ${r}`);
    }
  }
  for (const [m, n, k] of [[200, 300, 600], [256, 256, 256]] as const) {
    const r = await checkMatmulFixed(cpu.backend, m, n, k, false);
    if (r) failures.push(`matmul ${m}x${n}x${k}: ${r}`);
  }
  const res = { isolated: (globalThis as { crossOriginIsolated?: boolean }).crossOriginIsolated === true, threads: cpu.threads, workers: cpu.rt.pool.workerCount, fma: cpu.fma, failures };
  cpu.dispose();
  return res;
}

const g = globalThis as unknown as { document?: unknown; onmessage: unknown; postMessage: (m: unknown) => void; runSuite?: typeof suite };
if (g.document === undefined) {
  g.onmessage = async () => { g.postMessage(await suite()); };
} else {
  g.runSuite = suite;
}
