/** @file The main entry wires the pieces together: sandbox, app scheme, session policy, IPC, menu, window, engines. */
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { HostArgs, hostChannel, type HostMethod } from '../../../src/shared/protocol/host';
import { app, BrowserWindow, ipcMain, Menu, protocol, session, utilityProcess } from './fake-electron';

vi.mock('electron', () => import('./fake-electron'));
vi.mock('../../../src/engine/electron/utility-entry?modulePath', () => ({ default: '/out/main/chunks/utility-entry.js' }));

let win: BrowserWindow;
beforeAll(async () => {
  const base = await mkdtemp(join(tmpdir(), 'divelab-main-'));
  app.paths = { home: base, documents: base, userData: join(base, 'user') };
  await import('../../../src/main/index');
  await vi.waitFor(() => expect(BrowserWindow.all).toHaveLength(1));
  win = BrowserWindow.all[0]!;
});

describe('main entry', () => {
  it('sandboxes every renderer and registers the app scheme before the app is ready', () => {
    expect(app.enableSandbox).toHaveBeenCalled();
    expect(protocol.registerSchemesAsPrivileged).toHaveBeenCalled();
    expect(app.requestSingleInstanceLock).toHaveBeenCalled();
    expect(app.listenerCount('web-contents-created')).toBe(1);
  });

  it('applies the session policy and serves the app files', () => {
    expect(session.defaultSession.onHeaders).not.toBeNull();
    expect(session.defaultSession.request).not.toBeNull();
    expect(protocol.handle).toHaveBeenCalledWith('app', expect.any(Function));
  });

  it('serves every host channel and installs the menu', () => {
    for (const m of Object.keys(HostArgs) as HostMethod[]) expect(ipcMain.handlers.has(hostChannel(m))).toBe(true);
    expect(Menu.setApplicationMenu).toHaveBeenCalled();
  });

  it('opens one secure window on the app page', () => {
    expect(win.options['webPreferences']).toMatchObject({ contextIsolation: true, sandbox: true, nodeIntegration: false });
    expect(String((win.options['webPreferences'] as { preload: string }).preload)).toMatch(/preload[/\\]index\.cjs$/);
    expect(win.loadURL).toHaveBeenCalledWith('app://divelab/index.html');
  });

  it('trusts IPC from its window only, and starts engines from the bundled entry', async () => {
    const connect = ipcMain.handlers.get(hostChannel('connectEngine'))!;
    const event = { sender: win.webContents, senderFrame: win.webContents.mainFrame };
    await connect(event, null);
    expect(utilityProcess.forks).toHaveLength(1);
    expect(utilityProcess.forks[0]!.modulePath).toBe('/out/main/chunks/utility-entry.js');
    expect(utilityProcess.forks[0]!.args[1]).toMatch(/^--python-worker=file:.*\/engine\/python-worker\.js$/);
    const stranger = new BrowserWindow({});
    await expect(Promise.resolve(connect({ sender: stranger.webContents, senderFrame: stranger.webContents.mainFrame }, null))).rejects.toThrow('not a DiveLab window');
  });

  it('kills every engine on quit, and the engines of a window when it closes', async () => {
    const connect = ipcMain.handlers.get(hostChannel('connectEngine'))!;
    const event = { sender: win.webContents, senderFrame: win.webContents.mainFrame };
    await connect(event, join(app.paths['home']!, 'a.ipynb'));
    expect(utilityProcess.forks.filter((f) => !f.killed)).toHaveLength(2);
    app.emit('will-quit');
    expect(utilityProcess.forks.every((f) => f.killed)).toBe(true);
    await connect(event, null);
    const last = utilityProcess.forks.at(-1)!;
    expect(last.killed).toBe(false);
    win.emit('closed');
    expect(last.killed).toBe(true);
    // A closed window's contents are no longer trusted.
    await expect(Promise.resolve(connect(event, null))).rejects.toThrow('not a DiveLab window');
  });
});
