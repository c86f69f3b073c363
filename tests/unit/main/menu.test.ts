/** @file The application menu sends commands to the renderer and lists recent notebooks. */
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { MenuItemConstructorOptions } from 'electron';
import { BrowserWindow, resetFakes } from './fake-electron';

vi.mock('electron', () => import('./fake-electron'));

const { buildMenuTemplate, sendToFocusedWindow } = await import('../../../src/main/menu');

beforeEach(() => resetFakes());

const submenu = (t: MenuItemConstructorOptions[], label: string) =>
  (t.find((m) => m.label === label)?.submenu ?? []) as MenuItemConstructorOptions[];
const find = (items: MenuItemConstructorOptions[], label: string) => items.find((i) => i.label === label)!;
const click = (item: MenuItemConstructorOptions) => (item.click as () => void)();

function build(recent: string[] = [], dev = false) {
  const send = vi.fn();
  const clearRecent = vi.fn();
  return { template: buildMenuTemplate({ recent, isMac: false, dev, send, clearRecent }), send, clearRecent };
}

describe('application menu', () => {
  it('File and Kernel items send their commands', () => {
    const { template, send } = build();
    const file = submenu(template, 'File');
    const kernel = submenu(template, 'Kernel');
    const expected: Array<[MenuItemConstructorOptions[], string, string]> = [
      [file, 'New Notebook', 'new'],
      [file, 'Open…', 'open'],
      [file, 'Open Data File…', 'open-data'],
      [file, 'Save', 'save'],
      [file, 'Save As…', 'save-as'],
      [kernel, 'Run All Cells', 'run-all'],
      [kernel, 'Interrupt', 'interrupt'],
      [kernel, 'Restart', 'restart'],
    ];
    for (const [menu, label, command] of expected) {
      send.mockClear();
      click(find(menu, label));
      expect(send).toHaveBeenCalledWith(command);
    }
    expect(find(file, 'Save').accelerator).toBe('CmdOrCtrl+S');
  });

  it('Open Recent lists the recent notebooks and opens the one clicked', () => {
    const { template, send, clearRecent } = build(['/n/a.ipynb', '/m/b.ipynb']);
    const recent = submenu(submenu(template, 'File'), 'Open Recent');
    expect(recent.map((i) => i.label ?? i.type)).toEqual(['a.ipynb', 'b.ipynb', 'separator', 'Clear Recent']);
    click(recent[1]!);
    expect(send).toHaveBeenCalledWith('open-recent', '/m/b.ipynb');
    click(find(recent, 'Clear Recent'));
    expect(clearRecent).toHaveBeenCalled();
  });

  it('says so when there are no recent notebooks', () => {
    const recent = submenu(submenu(build().template, 'File'), 'Open Recent');
    expect(recent).toEqual([{ label: 'No Recent Notebooks', enabled: false }]);
  });

  it('offers reload and developer tools only in development', () => {
    const roles = (dev: boolean) => submenu(build([], dev).template, 'View').map((i) => i.role);
    expect(roles(false)).not.toContain('toggleDevTools');
    expect(roles(false)).not.toContain('reload');
    expect(roles(true)).toContain('toggleDevTools');
  });

  it('delivers commands to the focused window on the menu channel', () => {
    const a = new BrowserWindow({});
    const b = new BrowserWindow({});
    BrowserWindow.focused = b;
    sendToFocusedWindow('open-recent', '/a.ipynb');
    expect(b.webContents.send).toHaveBeenCalledWith('divelab:menu', 'open-recent', '/a.ipynb');
    expect(a.webContents.send).not.toHaveBeenCalled();
    BrowserWindow.focused = null;
    sendToFocusedWindow('save');
    expect(a.webContents.send).toHaveBeenCalledWith('divelab:menu', 'save');
  });
});
