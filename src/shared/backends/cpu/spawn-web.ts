/**
 * @file Pool adapter for browsers (the engine's Web Worker in browser mode): Web Workers from a Blob URL.
 * Needs a cross-origin isolated page (COOP same-origin + COEP require-corp) for SharedArrayBuffer.
 */
import type { PoolWorker, SpawnWorker } from './pool';

export const spawnWebWorker: SpawnWorker = (source): PoolWorker => {
  const url = URL.createObjectURL(new Blob([source], { type: 'text/javascript' }));
  const w = new Worker(url);
  URL.revokeObjectURL(url);
  let exitCb: (() => void) | undefined;
  return {
    postMessage: (m) => w.postMessage(m),
    onMessage: (cb) => { w.addEventListener('message', (e) => cb(e.data)); },
    // a Web Worker that crashes reports `error`; browsers give no event for self.close(), which only our test hook uses
    onExit: (cb) => { exitCb = cb; w.addEventListener('error', () => exitCb?.()); },
    terminate: () => { w.terminate(); },
  };
};
