/**
 * @file How the renderer reaches a compute engine: one small interface, one adapter per kind of channel.
 *
 * The engine protocol (src/shared/protocol/engine.ts) is the same everywhere; only the pipe differs. Electron hands
 * the renderer a MessagePort (see [Note: host bridge]); browser mode starts the engine as a Web Worker. Both are
 * MessagePort-like, so one adapter serves both and the Worker case adds only "the worker itself failed".
 */
import type { ToEngine } from '../../shared/protocol/engine';

export interface EngineTransport {
  send(msg: ToEngine, transfer?: Transferable[]): void;
  /** Raw incoming data; the EngineClient validates it. Returns an unsubscribe function. */
  onMessage(listener: (data: unknown) => void): () => void;
  /** The channel itself broke (the worker failed to load or died); the engine behind it is gone. */
  onFailure(listener: (detail: string) => void): () => void;
  close(): void;
}

interface PortLike {
  postMessage(msg: unknown, transfer: Transferable[]): void;
  addEventListener(type: 'message', l: (e: MessageEvent) => void): void;
  removeEventListener(type: 'message', l: (e: MessageEvent) => void): void;
}

class Listeners<T> {
  private readonly set = new Set<(v: T) => void>();
  add(l: (v: T) => void): () => void {
    this.set.add(l);
    return () => this.set.delete(l);
  }
  emit(v: T): void {
    for (const l of this.set) l(v);
  }
}

/** A transport over anything that posts messages: a MessagePort or a Worker. */
export class PortTransport implements EngineTransport {
  protected readonly messages = new Listeners<unknown>();
  protected readonly failures = new Listeners<string>();
  private closed = false;
  private readonly onPortMessage = (e: MessageEvent) => this.messages.emit(e.data);

  constructor(
    private readonly port: PortLike,
    private readonly closePort: () => void,
  ) {
    port.addEventListener('message', this.onPortMessage);
  }

  send(msg: ToEngine, transfer: Transferable[] = []): void {
    if (!this.closed) this.port.postMessage(msg, transfer);
  }
  onMessage(listener: (data: unknown) => void): () => void {
    return this.messages.add(listener);
  }
  onFailure(listener: (detail: string) => void): () => void {
    return this.failures.add(listener);
  }
  /** Reports a failure found outside the port (the host saw the engine process exit). */
  fail(detail: string): void {
    if (!this.closed) this.failures.emit(detail);
  }
  close(): void {
    if (this.closed) return;
    this.closed = true;
    this.port.removeEventListener('message', this.onPortMessage);
    this.closePort();
  }
}

/** Electron: the port the preload forwarded after `connectEngine()`. */
export function messagePortTransport(port: MessagePort): PortTransport {
  const t = new PortTransport(port, () => port.close());
  port.start();
  return t;
}

/** Browser mode: the engine runs in a dedicated Web Worker; a load error or an uncaught error is a failure. */
export function workerTransport(worker: Worker): PortTransport {
  const t = new PortTransport(worker, () => worker.terminate());
  worker.addEventListener('error', (e) => {
    e.preventDefault();
    t.fail(e.message || 'the engine worker failed to start');
  });
  worker.addEventListener('messageerror', () => t.fail('the engine sent a message that could not be read'));
  return t;
}
