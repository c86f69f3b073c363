/** @file The preload exposes exactly the typed bridge, forwards calls to their channels, and re-posts engine ports. */
import { join } from 'node:path';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { contextBridge, ipcRenderer } from './fake-electron';
import { HostArgs, hostChannel, type DivelabBridge, type HostMethod } from '../../../src/shared/protocol/host';

vi.mock('electron', () => import('./fake-electron'));

const postMessage = vi.fn();
let bridge: DivelabBridge;
beforeAll(async () => {
  vi.stubGlobal('window', { postMessage, location: { origin: 'app://divelab' } });
  await import('../../../src/preload/index');
  bridge = contextBridge.exposed.get('divelab') as DivelabBridge;
});

describe('preload bridge', () => {
  it("exposes one object, window.divelab, with the bridge's methods and nothing else", () => {
    expect([...contextBridge.exposed.keys()]).toEqual(['divelab']);
    const expected = [...Object.keys(HostArgs), 'onMenuCommand', 'platform'].sort();
    expect(Object.keys(bridge).sort()).toEqual(expected);
    expect(bridge.platform).toBe('electron');
  });

  it('sends each call on its own channel with its arguments', async () => {
    const calls: Array<[HostMethod, unknown[]]> = [
      ['readNotebook', ['/a.ipynb']],
      ['saveNotebook', ['/a.ipynb', '{}']],
      ['exportFile', ['x.png', new Uint8Array([1])]],
      ['connectEngine', [null]],
      ['recentFiles', []],
    ];
    for (const [method, args] of calls) {
      ipcRenderer.invoke.mockClear();
      await (bridge[method] as (...a: unknown[]) => Promise<unknown>)(...args);
      expect(ipcRenderer.invoke).toHaveBeenCalledWith(hostChannel(method), ...args);
    }
  });

  it('delivers menu commands until unsubscribed', () => {
    const listener = vi.fn();
    const off = bridge.onMenuCommand(listener);
    ipcRenderer.emit('divelab:menu', {}, 'open-recent', '/a.ipynb');
    ipcRenderer.emit('divelab:menu', {}, 'run-all');
    off();
    ipcRenderer.emit('divelab:menu', {}, 'save');
    expect(listener.mock.calls).toEqual([
      ['open-recent', '/a.ipynb'],
      ['run-all', undefined],
    ]);
  });

  it("re-posts the engine's ports (engine protocol, GPU) to the page's own origin, transferred in their order", () => {
    const ports = [{ id: 'engine' }, { id: 'gpu' }];
    ipcRenderer.emit('divelab:engine-port', { ports }, { type: 'divelab:engine-port', notebookPath: null, reason: 'start' });
    expect(postMessage).toHaveBeenLastCalledWith(
      { type: 'divelab:engine-port', notebookPath: null, reason: 'start' },
      'app://divelab',
      ports,
    );
    ipcRenderer.emit('divelab:engine-exit', { ports: [] }, { notebookPath: '/a.ipynb', detail: 'gone', restartInMs: 100 });
    expect(postMessage).toHaveBeenLastCalledWith(
      { type: 'divelab:engine-exit', notebookPath: '/a.ipynb', detail: 'gone', restartInMs: 100 },
      'app://divelab',
      [],
    );
  });
});

describe('preload bundle', () => {
  it('needs nothing at run time but electron, as a sandboxed preload must', async () => {
    const { build } = await import('esbuild');
    const out = await build({
      entryPoints: [join(import.meta.dirname, '..', '..', '..', 'src', 'preload', 'index.ts')],
      bundle: true,
      write: false,
      format: 'cjs',
      platform: 'node',
      external: ['electron'],
      metafile: true,
    });
    const imports = Object.values(out.metafile.outputs).flatMap((o) => o.imports.map((i) => i.path));
    expect([...new Set(imports)]).toEqual(['electron']);
  });
});
