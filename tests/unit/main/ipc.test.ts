/** @file Host IPC: every channel is registered, arguments are validated, and only our own page may call. */
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { FakeWebContents, ipcMain, resetFakes } from './fake-electron';
import { HostArgs, hostChannel, type HostMethod } from '../../../src/shared/protocol/host';

vi.mock('electron', () => import('./fake-electron'));

const { appSenderCheck, registerHostIpc } = await import('../../../src/main/ipc');
type Handlers = Parameters<typeof registerHostIpc>[0];

const methods = Object.keys(HostArgs) as HostMethod[];
let ours: FakeWebContents;
let log: ReturnType<typeof vi.fn<(m: string) => void>>;
let handlers: Record<HostMethod, ReturnType<typeof vi.fn>>;

beforeEach(() => {
  resetFakes();
  ours = new FakeWebContents();
  log = vi.fn<(m: string) => void>();
  handlers = Object.fromEntries(methods.map((m) => [m, vi.fn(async () => `result of ${m}`)])) as typeof handlers;
  registerHostIpc(handlers as unknown as Handlers, appSenderCheck((c) => c === (ours as never)), log);
});

function eventFrom(contents: FakeWebContents, frame: unknown = contents.mainFrame) {
  return { sender: contents, senderFrame: frame };
}
function invoke(method: HostMethod, args: unknown[], event: unknown = eventFrom(ours)) {
  const handler = ipcMain.handlers.get(hostChannel(method));
  if (!handler) throw new Error(`no handler for ${method}`);
  return Promise.resolve().then(() => handler(event, ...args));
}

describe('host IPC registration', () => {
  it('registers one handler per bridge method', () => {
    expect([...ipcMain.handlers.keys()].sort()).toEqual(methods.map(hostChannel).sort());
  });

  it('can be removed again', () => {
    resetFakes();
    const dispose = registerHostIpc(handlers as unknown as Handlers, () => null, log);
    expect(ipcMain.handlers.size).toBe(methods.length);
    dispose();
    expect(ipcMain.handlers.size).toBe(0);
  });
});

describe('argument validation', () => {
  it('passes valid arguments to the handler, with the caller', async () => {
    await expect(invoke('saveNotebook', ['/home/s/a.ipynb', '{}'])).resolves.toBe('result of saveNotebook');
    expect(handlers.saveNotebook).toHaveBeenCalledWith({ contents: ours }, '/home/s/a.ipynb', '{}');
    const bytes = new Uint8Array([1, 2, 3]);
    await invoke('exportFile', ['plot.png', bytes]);
    expect(handlers.exportFile).toHaveBeenCalledWith({ contents: ours }, 'plot.png', bytes);
    await invoke('connectEngine', [null]);
    expect(handlers.connectEngine).toHaveBeenCalledWith({ contents: ours }, null);
  });

  const bad: Array<[HostMethod, unknown[]]> = [
    ['readNotebook', []],
    ['readNotebook', [42]],
    ['readNotebook', ['']],
    ['readNotebook', ['x'.repeat(5000)]],
    ['saveNotebook', ['/a.ipynb']],
    ['saveNotebook', ['/a.ipynb', { toString: () => 'x' }]],
    ['saveNotebookAs', ['{}', '../../etc/passwd']],
    ['saveNotebookAs', ['{}', 'a\\b.ipynb']],
    ['exportFile', ['plot.png', 'not bytes']],
    ['exportFile', ['plot.png', [1, 2, 3]]],
    ['exportFile', ['', new Uint8Array(1)]],
    ['writeAutosave', ['key']],
    ['connectEngine', [undefined]],
    ['connectEngine', [{ path: '/x' }]],
    ['recentFiles', ['unexpected']],
    ['openNotebook', [1]],
  ];
  it.each(bad)('rejects %s with %j, logs it, and never reaches the handler', async (method, args) => {
    await expect(invoke(method, args)).rejects.toThrow(`DiveLab refused ${method}: invalid arguments`);
    expect(handlers[method]).not.toHaveBeenCalled();
    expect(log).toHaveBeenCalledWith(expect.stringContaining(`refused ${method}: invalid arguments`));
  });
});

describe('sender check', () => {
  it('rejects a web contents that is not one of our windows', async () => {
    const stranger = new FakeWebContents();
    await expect(invoke('recentFiles', [], eventFrom(stranger))).rejects.toThrow('not a DiveLab window');
    expect(handlers.recentFiles).not.toHaveBeenCalled();
    expect(log).toHaveBeenCalledWith(expect.stringContaining('refused recentFiles'));
  });

  it('rejects a frame inside our page (an HTML output in an iframe)', async () => {
    const child = { routingId: 9, processId: 7, parent: ours.mainFrame, url: 'app://divelab/index.html' };
    await expect(invoke('readNotebook', ['/a.ipynb'], eventFrom(ours, child))).rejects.toThrow('not the main frame');
    expect(handlers.readNotebook).not.toHaveBeenCalled();
  });

  it('rejects a frame of another process that happens to share the routing id', async () => {
    const lookalike = { ...ours.mainFrame, processId: ours.mainFrame.processId + 1 };
    await expect(invoke('recentFiles', [], eventFrom(ours, lookalike))).rejects.toThrow('not the main frame');
  });

  it('rejects a call whose frame is gone', async () => {
    await expect(invoke('recentFiles', [], eventFrom(ours, null))).rejects.toThrow('frame is gone');
    const disposed = Object.defineProperty({}, 'parent', { get: () => { throw new Error('Render frame was disposed'); } });
    await expect(invoke('recentFiles', [], eventFrom(ours, disposed))).rejects.toThrow('frame is gone');
  });

  it('rejects our window when it shows a page that is not ours', async () => {
    ours.mainFrame.url = 'https://evil.example/';
    await expect(invoke('recentFiles', [])).rejects.toThrow('untrusted page');
    ours.mainFrame.url = 'file:///tmp/index.html';
    await expect(invoke('recentFiles', [])).rejects.toThrow('untrusted page');
    expect(handlers.recentFiles).not.toHaveBeenCalled();
  });

  it('checks the sender before looking at the arguments', async () => {
    const stranger = new FakeWebContents();
    await expect(invoke('readNotebook', [42], eventFrom(stranger))).rejects.toThrow('not a DiveLab window');
  });
});
