/** @file The DiveLab window: secure options, the app page, unsaved-edits prompt, recovery from renderer crashes. */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { BrowserWindow, dialog, resetFakes } from './fake-electron';

vi.mock('electron', () => import('./fake-electron'));

const { secureWebPreferences } = await import('../../../src/main/security');
const { createMainWindow } = await import('../../../src/main/window');

beforeEach(() => resetFakes());
afterEach(() => vi.unstubAllEnvs());

describe('main window', () => {
  it('is created with the secure web preferences, hidden until painted, on the app page', () => {
    const win = createMainWindow('/app/preload/index.cjs') as unknown as BrowserWindow;
    expect(win.options['webPreferences']).toEqual(secureWebPreferences('/app/preload/index.cjs'));
    expect(win.options['show']).toBe(false);
    expect(win.loadURL).toHaveBeenCalledWith('app://divelab/index.html');
  });

  it('loads the dev server under electron-vite dev', () => {
    vi.stubEnv('ELECTRON_RENDERER_URL', 'http://localhost:5173');
    const win = createMainWindow('/p.cjs') as unknown as BrowserWindow;
    expect(win.loadURL).toHaveBeenCalledWith('http://localhost:5173');
  });

  it('reloads a page whose renderer crashed, but stops after three crashes in a minute', () => {
    const win = createMainWindow('/p.cjs') as unknown as BrowserWindow;
    win.webContents.emit('render-process-gone', {}, { reason: 'clean-exit' });
    expect(win.webContents.reload).not.toHaveBeenCalled();
    for (let i = 0; i < 5; i++) win.webContents.emit('render-process-gone', {}, { reason: 'crashed' });
    expect(win.webContents.reload).toHaveBeenCalledTimes(3);
  });

  it('lets the user leave a page with unsaved edits only when they choose Leave', () => {
    const win = createMainWindow('/p.cjs') as unknown as BrowserWindow;
    const stay = { preventDefault: vi.fn() };
    dialog.showMessageBoxSync.mockReturnValueOnce(1);
    win.webContents.emit('will-prevent-unload', stay);
    expect(stay.preventDefault).not.toHaveBeenCalled();
    const leave = { preventDefault: vi.fn() };
    dialog.showMessageBoxSync.mockReturnValueOnce(0);
    win.webContents.emit('will-prevent-unload', leave);
    expect(leave.preventDefault).toHaveBeenCalled();
  });
});
