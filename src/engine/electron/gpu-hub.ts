/**
 * @file The engine process's end of the GPU path in Electron: one port to the renderer's GPU executor, shared by
 * the Python workers the engine starts one after another. Each worker gets a fresh worker_threads channel; this
 * side of it runs `relayGpu` (remote.ts), which fills the worker's SharedArrayBuffers with read-backs — they cannot
 * cross into the renderer, so the relay must live in this process ([Note: blocking read-back]). Each worker is one
 * session on the executor port ([Note: GPU sessions] in remote-protocol.ts); the executor's probe is passed on to
 * the worker as the first message on its channel, which is how `gpu()` in the worker learns whether `cuda` exists.
 */
import { MessageChannel, type MessagePort } from 'node:worker_threads';
import * as v from 'valibot';
import { relayGpu } from '../../shared/backends/webgpu/remote';
import { GpuExecutorMessageSchema, nodePort, type GpuHello, type Port } from '../../shared/backends/webgpu/remote-protocol';
import type { WebGpuProbe } from '../../shared/backends/select';

/** The first (and only) message the hub posts to a worker on its GPU channel. */
export interface WorkerProbe { t: 'probe'; probe: WebGpuProbe }

export interface GpuHub {
  /**
   * Opens the session of a Python worker about to start, ending the previous one: returns the worker's end of a
   * fresh channel, to transfer to it (see `gpuLink` in gpu-link.ts for the other side).
   */
  attach(): MessagePort;
  /** Ends the current session (the engine is shutting down). */
  close(): void;
}

export interface GpuHubOptions {
  /** How long a worker waits for the executor's probe before it boots without a GPU (ms). */
  probeTimeoutMs?: number;
  onInvalid?(msg: unknown): void;
}

interface Session {
  readonly id: number;
  readonly ourEnd: MessagePort;
  /** The executor has answered this session's hello: replies from now on are this session's. */
  live: boolean;
  /** The worker has been told the probe (or that none came in time). */
  told: boolean;
  deliver: ((msg: unknown) => void) | null;
  timer: ReturnType<typeof setTimeout>;
}

export function createGpuHub(executor: Port, opts: GpuHubOptions = {}): GpuHub {
  const timeoutMs = opts.probeTimeoutMs ?? 5000;
  let sessions = 0;
  let current: Session | null = null;

  const tell = (s: Session, probe: WebGpuProbe): void => {
    if (s.told) return;
    s.told = true;
    clearTimeout(s.timer);
    s.ourEnd.postMessage({ t: 'probe', probe } satisfies WorkerProbe);
  };

  // The renderer is another process: what it sends is checked here before the relay trusts it.
  executor.listen((raw) => {
    const s = current;
    if (!s) return;
    const parsed = v.safeParse(GpuExecutorMessageSchema, raw);
    if (!parsed.success) return opts.onInvalid?.(raw);
    const m = parsed.output;
    if (m.t === 'probe') {
      if (m.session !== s.id) return; // the answer to an earlier worker's hello
      s.live = true;
      tell(s, m.probe);
    } else if (s.live) {
      s.deliver?.(m);
    }
  });

  const end = (s: Session): void => {
    clearTimeout(s.timer);
    s.ourEnd.close();
  };

  return {
    attach() {
      if (current) end(current);
      const { port1, port2 } = new MessageChannel();
      const s: Session = { id: ++sessions, ourEnd: port2, live: false, told: false, deliver: null, timer: undefined as never };
      current = s;
      // What the relay sends goes out only while its worker is the current one. Buffers are copied, not moved:
      // transferring an ArrayBuffer through Electron's MessagePortMain crashes (electron/electron#37565).
      const toExecutor: Port = {
        post: (m) => { if (current === s) executor.post(m); },
        listen: (cb) => { s.deliver = cb; },
      };
      relayGpu(nodePort(port2), toExecutor);
      executor.post({ t: 'hello', session: s.id } satisfies GpuHello);
      s.timer = setTimeout(() => tell(s, { ok: false, reason: 'the GPU executor did not answer' }), timeoutMs);
      return port1;
    },
    close() {
      if (current) end(current);
      current = null;
    },
  };
}
