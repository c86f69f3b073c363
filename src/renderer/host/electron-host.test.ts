import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ENGINE_EXIT_MESSAGE, ENGINE_PORT_MESSAGE, type DivelabBridge } from '../../shared/protocol/host';
import { ElectronHost } from './electron-host';

const ORIGIN = 'app://divelab';
let fakeWindow: EventTarget;

beforeEach(() => {
  fakeWindow = new EventTarget();
  vi.stubGlobal('window', fakeWindow);
  vi.stubGlobal('location', { origin: ORIGIN });
});
afterEach(() => vi.unstubAllGlobals());

function bridge(): DivelabBridge {
  return { platform: 'electron', connectEngine: vi.fn(async () => {}) } as unknown as DivelabBridge;
}

/** What the preload does: post a window message, with the port if there is one. */
function post(data: unknown, opts: { source?: unknown; origin?: string; ports?: MessagePort[] } = {}): void {
  const e = Object.assign(new Event('message'), { data, source: opts.source ?? fakeWindow, origin: opts.origin ?? ORIGIN, ports: opts.ports ?? [] });
  fakeWindow.dispatchEvent(e);
}

describe('ElectronHost engine connection', () => {
  it('asks the main process for an engine and uses the port the preload forwards', async () => {
    const b = bridge();
    const host = new ElectronHost(b);
    const onTransport = vi.fn();
    await host.connectEngine('/nb/a.ipynb', { onTransport, onExit: vi.fn() });
    expect(b.connectEngine).toHaveBeenCalledWith('/nb/a.ipynb');

    const { port1, port2 } = new MessageChannel();
    post({ type: ENGINE_PORT_MESSAGE, notebookPath: '/nb/a.ipynb', reason: 'start' }, { ports: [port1] });
    expect(onTransport).toHaveBeenCalledTimes(1);
    expect(onTransport.mock.calls[0]![1]).toBe('start');

    const received = new Promise((resolve) => port2.addEventListener('message', (e) => resolve((e as MessageEvent).data)));
    port2.start();
    onTransport.mock.calls[0]![0].send({ type: 'interrupt' });
    await expect(received).resolves.toEqual({ type: 'interrupt' });
    onTransport.mock.calls[0]![0].close();
    port2.close();
  });

  it('ignores port messages from another window or origin, and malformed ones', async () => {
    const host = new ElectronHost(bridge());
    const onTransport = vi.fn();
    await host.connectEngine(null, { onTransport, onExit: vi.fn() });
    const { port1, port2 } = new MessageChannel();
    const msg = { type: ENGINE_PORT_MESSAGE, notebookPath: null, reason: 'start' };
    post(msg, { ports: [port1], source: {} });
    post(msg, { ports: [port1], origin: 'https://evil.example' });
    post({ ...msg, reason: 'because' }, { ports: [port1] });
    post(msg, { ports: [] });
    expect(onTransport).not.toHaveBeenCalled();
    port1.close();
    port2.close();
  });

  it('reports an engine exit and fails the current transport, then takes the replacement port', async () => {
    const host = new ElectronHost(bridge());
    const onTransport = vi.fn();
    const onExit = vi.fn();
    await host.connectEngine(null, { onTransport, onExit });
    const first = new MessageChannel();
    post({ type: ENGINE_PORT_MESSAGE, notebookPath: null, reason: 'start' }, { ports: [first.port1] });
    const failed = vi.fn();
    onTransport.mock.calls[0]![0].onFailure(failed);

    post({ type: ENGINE_EXIT_MESSAGE, notebookPath: null, detail: 'exit code 9', restartInMs: 500 });
    expect(onExit).toHaveBeenCalledWith('exit code 9', 500);
    expect(failed).toHaveBeenCalledWith('exit code 9');

    const second = new MessageChannel();
    post({ type: ENGINE_PORT_MESSAGE, notebookPath: null, reason: 'crash', detail: 'exit code 9' }, { ports: [second.port1] });
    expect(onTransport).toHaveBeenCalledTimes(2);
    expect(onTransport.mock.calls[1]!.slice(1)).toEqual(['crash', 'exit code 9']);
    for (const c of [first, second]) {
      c.port1.close();
      c.port2.close();
    }
  });
});
