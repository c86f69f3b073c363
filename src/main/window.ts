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
  reloadAfterRendererCrash(win);
  void win.loadURL(rendererUrl());
  return win;
}

/** Reloads a page whose renderer crashed (the notebook comes back from autosave), but not in a crash loop. */
function reloadAfterRendererCrash(win: BrowserWindow, maxReloads = 3, windowMs = 60_000): void {
  const reloads: number[] = [];
  win.webContents.on('render-process-gone', (_event, details) => {
    if (details.reason === 'clean-exit' || win.isDestroyed()) return;
    const now = Date.now();
    while (reloads.length && now - (reloads[0] ?? 0) > windowMs) reloads.shift();
    if (reloads.length >= maxReloads) {
      console.warn(`[window] the renderer keeps crashing (${details.reason}); not reloading again`);
      return;
    }
    reloads.push(now);
    console.warn(`[window] the renderer crashed (${details.reason}); reloading`);
    win.webContents.reload();
  });
}
