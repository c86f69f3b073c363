/**
 * @file The engine-to-executor path: a worker thread (standing in for the Python worker) drives a RemoteGpu and
 * blocks on read-back while this thread runs the router relay and an executor (the reference backend standing in
 * for WebGPU), over real MessagePorts.
 */
import { describe, expect, it } from 'vitest';
import { MessageChannel, Worker } from 'node:worker_threads';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { relayGpu } from './remote';
import { serveGpu } from './executor';
import { nodePort } from './remote-protocol';
import { referenceBackend } from '../reference';

async function runScenario(scenario: string, serve: boolean, onStart?: (interrupt: Int32Array) => void): Promise<Record<string, unknown>> {
  const code = (await build({
    entryPoints: [fileURLToPath(new URL('../../../../tests/helpers/remote-gpu-client.ts', import.meta.url))],
    bundle: true, write: false, format: 'cjs', platform: 'node', target: 'node20',
  })).outputFiles[0]!.text;
  const toWorker = new MessageChannel(), toExec = new MessageChannel();
  relayGpu(nodePort(toWorker.port2), nodePort(toExec.port1));
  if (serve) serveGpu(nodePort(toExec.port2), referenceBackend);
  const interrupt = new Int32Array(new SharedArrayBuffer(4));
  const w = new Worker(code, { eval: true, workerData: { port: toWorker.port1, interrupt, scenario }, transferList: [toWorker.port1] });
  onStart?.(interrupt);
  const got: Record<string, unknown> = {};
  await new Promise<void>((resolve, reject) => {
    w.on('message', (m: { step: string; value: unknown }) => { got[m.step] = m.value; if (m.step === 'done') resolve(); });
    w.on('error', reject);
  });
  await w.terminate();
  toWorker.port2.close(); toExec.port1.close(); toExec.port2.close();
  return got;
}

describe('remote GPU (engine worker -> router -> executor)', () => {
  it('runs kernels on the executor and blocks on read-back until the data arrives', async () => {
    const got = await runScenario('compute', true);
    expect(got.add).toEqual([11, 22, 33, 14, 25, 36]);
    // [[1,2,3],[4,5,6]] @ [[10,40],[20,50],[30,60]]
    expect(got.matmul).toEqual([140, 320, 320, 770]);
    expect(got.sum).toEqual([1550]);
  });

  it('reports a bad request at the read that asked, and a failed kernel at the next read', async () => {
    const got = await runScenario('compute', true);
    expect(got['freed read']).toEqual({ threw: 'Error: GPU buffer 3 does not exist' });
    expect(got['late error']).toEqual({ threw: 'Error: GPU buffer 3 does not exist' });
    expect(got['after error']).toEqual([1, 2, 3, 4, 5, 6]);
  });

  it('an interrupt frees a worker waiting on a GPU that never answers', async () => {
    const got = await runScenario('interrupt', false, (flag) => setTimeout(() => Atomics.store(flag, 0, 2), 200));
    expect(got.interrupted).toEqual({ threw: 'KernelInterruptedError: kernel interrupted' });
    expect(got['waited ms']).toBeLessThan(2000);
  });

  it('the executor rejects malformed requests instead of running them', async () => {
    const { port1, port2 } = new MessageChannel();
    serveGpu(nodePort(port2), referenceBackend);
    const reply = new Promise((r) => port1.once('message', r));
    port1.postMessage({ t: 'kernel', name: 'matmul', args: { m: -1 } });
    port1.postMessage({ t: 'alloc', id: 1, length: 2 });
    port1.postMessage({ t: 'read', id: 1, req: 7 });
    expect(await reply).toMatchObject({ t: 'error', req: 7, message: expect.stringMatching(/^bad GPU request/) });
    port1.close(); port2.close();
  });
});
