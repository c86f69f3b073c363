/** @file For tests: an EngineTransport that records what the UI sends and lets a test play the engine's replies. */
import type { ToEngine } from '../../shared/protocol/engine';
import type { EngineTransport } from './transport';

export class FakeTransport implements EngineTransport {
  sent: ToEngine[] = [];
  private listener: ((d: unknown) => void) | null = null;
  send(msg: ToEngine) { this.sent.push(msg); }
  onMessage(l: (d: unknown) => void) { this.listener = l; return () => {}; }
  onFailure() { return () => {}; }
  close() {}
  /** Delivers `d` as if the engine had sent it. */
  emit(d: unknown) { this.listener?.(d); }
  lastExecute() { return this.sent.filter((m) => m.type === 'execute').at(-1) as Extract<ToEngine, { type: 'execute' }>; }
}
