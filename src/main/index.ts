/**
 * @file The Electron main process: wires the app protocol, the security policy, the host IPC, the menu, the engine
 * supervisor and the window together. Each piece lives in its own module and is unit-tested with Electron mocked.
 */
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { app, BrowserWindow, session } from 'electron';
import engineEntryPath from '../engine/electron/utility-entry?modulePath';
import { registerAppScheme, serveAppFiles } from './app-protocol';
import { AutosaveStore } from './autosave-store';
import { EngineSupervisor } from './engine-supervisor';
import { createHostHandlers } from './host-handlers';
import { appSenderCheck, registerHostIpc } from './ipc';
import { installMenu, sendToFocusedWindow } from './menu';
import { RecentFiles } from './recent-files';
import { hardenSession, installWebContentsGuards } from './security';
import { createMainWindow } from './window';

const preloadPath = fileURLToPath(new URL('../preload/index.cjs', import.meta.url));
const rendererDir = fileURLToPath(new URL('../renderer/', import.meta.url));
const isDev = Boolean(process.env['ELECTRON_RENDERER_URL']);
// The Python worker thread and its start-up snapshot come from the engine build (out/engine/, `npm run
// build:engine`, which `npm start` runs when stale); the utility entry bundled here finds them by this URL.
const pythonWorkerUrl = new URL('../engine/python-worker.js', import.meta.url).href;

// All three must happen before `ready`. enableSandbox() sandboxes every renderer, whatever its options say.
app.enableSandbox();
registerAppScheme();
installWebContentsGuards(app);

// One DiveLab at a time: two instances autosaving the same notebook would race each other.
if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  void start();
}

async function start(): Promise<void> {
  const windows = new Set<number>();
  const supervisor = new EngineSupervisor({
    entryPath: engineEntryPath,
    args: [`--python-worker=${pythonWorkerUrl}`],
    defaultCwd: app.getPath('home'),
  });

  app.on('second-instance', () => {
    const win = BrowserWindow.getAllWindows()[0];
    if (win) {
      if (win.isMinimized()) win.restore();
      win.focus();
    }
  });
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
  app.on('will-quit', () => supervisor.stopAll());

  await app.whenReady();
  hardenSession(session.defaultSession);
  serveAppFiles(rendererDir);

  const userData = app.getPath('userData');
  const refreshMenu = (recent: readonly string[]): void =>
    installMenu({
      recent,
      isMac: process.platform === 'darwin',
      dev: isDev,
      send: sendToFocusedWindow,
      clearRecent: () => void recentFiles.clear().catch((err: unknown) => console.warn(`[recent-files] ${String(err)}`)),
    });
  const recentFiles = new RecentFiles(join(userData, 'recent-files.json'), refreshMenu);
  refreshMenu(await recentFiles.get());

  registerHostIpc(
    createHostHandlers({
      recent: recentFiles,
      autosave: new AutosaveStore(join(userData, 'autosave')),
      connectEngine: (contents, notebookPath) => supervisor.connect(contents, notebookPath),
      defaultFolder: app.getPath('documents'),
    }),
    appSenderCheck((contents) => windows.has(contents.id)),
  );

  const openWindow = (): void => {
    const win = createMainWindow(preloadPath);
    const id = win.webContents.id;
    windows.add(id);
    win.on('closed', () => {
      windows.delete(id);
      supervisor.stopAllFor(id);
    });
  };
  openWindow();
  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) openWindow();
  });
}
