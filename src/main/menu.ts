/**
 * @file The application menu. Items that act on the notebook only send a `MenuCommand` to the focused window
 * (MENU_CHANNEL); the renderer decides what they mean, so the menu and the keyboard shortcuts share one code path.
 */
import { basename } from 'node:path';
import { BrowserWindow, Menu, type MenuItemConstructorOptions } from 'electron';
import { MENU_CHANNEL, type MenuCommand } from '../shared/protocol/host';

export interface MenuOptions {
  recent: readonly string[];
  isMac: boolean;
  /** Adds Reload and the developer tools (only under `electron-vite dev`). */
  dev: boolean;
  send(command: MenuCommand, arg?: string): void;
  clearRecent(): void;
}

/** Sends a menu command to the focused DiveLab window (or the first one when none has focus). */
export function sendToFocusedWindow(command: MenuCommand, arg?: string): void {
  const win = BrowserWindow.getFocusedWindow() ?? BrowserWindow.getAllWindows()[0];
  if (!win || win.isDestroyed()) return;
  if (arg === undefined) win.webContents.send(MENU_CHANNEL, command);
  else win.webContents.send(MENU_CHANNEL, command, arg);
}

export function buildMenuTemplate(o: MenuOptions): MenuItemConstructorOptions[] {
  const item = (label: string, command: MenuCommand, accelerator?: string): MenuItemConstructorOptions => ({
    label,
    ...(accelerator ? { accelerator } : {}),
    click: () => o.send(command),
  });
  const recentItems: MenuItemConstructorOptions[] = o.recent.length
    ? [
        ...o.recent.map((path) => ({ label: basename(path), toolTip: path, click: () => o.send('open-recent', path) })),
        { type: 'separator' },
        { label: 'Clear Recent', click: () => o.clearRecent() },
      ]
    : [{ label: 'No Recent Notebooks', enabled: false }];

  const file: MenuItemConstructorOptions = {
    label: 'File',
    submenu: [
      item('New Notebook', 'new', 'CmdOrCtrl+N'),
      item('Open…', 'open', 'CmdOrCtrl+O'),
      { label: 'Open Recent', submenu: recentItems },
      item('Open Data File…', 'open-data'),
      { type: 'separator' },
      item('Save', 'save', 'CmdOrCtrl+S'),
      item('Save As…', 'save-as', 'CmdOrCtrl+Shift+S'),
      { type: 'separator' },
      o.isMac ? { role: 'close' } : { role: 'quit' },
    ],
  };
  const kernel: MenuItemConstructorOptions = {
    label: 'Kernel',
    submenu: [item('Run All Cells', 'run-all', 'CmdOrCtrl+Shift+Enter'), item('Interrupt', 'interrupt'), item('Restart', 'restart')],
  };
  const view: MenuItemConstructorOptions = {
    label: 'View',
    submenu: [
      ...(o.dev ? ([{ role: 'reload' }, { role: 'toggleDevTools' }, { type: 'separator' }] as const) : []),
      { role: 'resetZoom' },
      { role: 'zoomIn' },
      { role: 'zoomOut' },
      { type: 'separator' },
      { role: 'togglefullscreen' },
    ],
  };
  return [
    ...(o.isMac ? [{ role: 'appMenu' } as const] : []),
    file,
    // The standard Edit roles make copy and paste work in every text field, on macOS too.
    { role: 'editMenu' },
    kernel,
    view,
    { role: 'windowMenu' },
  ];
}

export function installMenu(options: MenuOptions): void {
  Menu.setApplicationMenu(Menu.buildFromTemplate(buildMenuTemplate(options)));
}
