/** @file A bare page for tests/engine/web-engine.test.ts: starts the browser engine as the renderer does. */
declare global {
  interface Window { startEngine(): Worker }
}
window.startEngine = () => new Worker(new URL('../../../src/engine/web/engine-worker.ts', import.meta.url), { type: 'module' });
export {};
