/**
 * @file The DiveLab window: secure web preferences (security.ts), shown once painted, loading the app's own page.
 */
import { BrowserWindow, dialog } from 'electron';
import { rendererUrl } from './app-url';
import { secureWebPreferences } from './security';

export function createMainWindow(preloadPath: string): BrowserWindow {
  const win = new BrowserWindow({
    width: 1280,
    height: 860,
    minWidth: 720,
    minHeight: 480,
    title: 'DiveLab',
    show: false,
    backgroundColor: '#ffffff',
    webPreferences: secureWebPreferences(preloadPath),
  });
  win.once('ready-to-show', () => win.show());
  // The renderer asks before a window with unsaved edits closes (beforeunload); Electron needs us to show the
  // question. preventDefault() here means "leave anyway".
  win.webContents.on('will-prevent-unload', (event) => {
    const choice = dialog.showMessageBoxSync(win, {
      type: 'question',
      buttons: ['Leave', 'Stay'],
      defaultId: 1,
      cancelId: 1,
      title: 'Unsaved changes',
      message: 'This notebook has unsaved changes.',
      detail: 'Leave without saving them?',
    });
    if (choice === 0) event.preventDefault();
  });
  void win.loadURL(rendererUrl());
  return win;
}
