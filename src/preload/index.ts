/**
 * @file The preload: exposes `window.divelab` (DivelabBridge) and nothing else. Each method is one IPC invoke on
 * its `divelab:<method>` channel; the main process validates it (src/main/ipc.ts). Engine ports and crash notices
 * arrive from the main process and are re-posted to the page as window messages, because a MessagePort cannot
 * cross contextBridge (see [Note: host bridge] in src/shared/protocol/host.ts).
 *
 * Runs sandboxed: it may import only `electron` and code bundled into it, so it imports just constants and types.
 */
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import {
  ENGINE_EXIT_MESSAGE,
  ENGINE_PORT_MESSAGE,
  MENU_CHANNEL,
  hostChannel,
  type DivelabBridge,
  type HostMethod,
  type MenuCommand,
} from '../shared/protocol/host';

function call<M extends HostMethod>(method: M) {
  return (...args: Parameters<DivelabBridge[M]>): ReturnType<DivelabBridge[M]> =>
    ipcRenderer.invoke(hostChannel(method), ...args) as ReturnType<DivelabBridge[M]>;
}

const bridge: DivelabBridge = {
  platform: 'electron',
  openNotebook: call('openNotebook'),
  readNotebook: call('readNotebook'),
  saveNotebook: call('saveNotebook'),
  saveNotebookAs: call('saveNotebookAs'),
  writeAutosave: call('writeAutosave'),
  readAutosave: call('readAutosave'),
  clearAutosave: call('clearAutosave'),
  recentFiles: call('recentFiles'),
  openDataFile: call('openDataFile'),
  exportFile: call('exportFile'),
  connectEngine: call('connectEngine'),
  onMenuCommand(listener) {
    const forward = (_event: IpcRendererEvent, command: MenuCommand, arg?: string): void => listener(command, arg);
    ipcRenderer.on(MENU_CHANNEL, forward);
    return () => {
      ipcRenderer.removeListener(MENU_CHANNEL, forward);
    };
  },
};

/** Re-posts a main-process message to the page (same origin only), with its port if it carries one. */
function repost(event: IpcRendererEvent, message: unknown, type: string): void {
  if (typeof message !== 'object' || message === null) return;
  window.postMessage({ ...message, type }, window.location.origin, [...event.ports]);
}

ipcRenderer.on(ENGINE_PORT_MESSAGE, (event, message: unknown) => repost(event, message, ENGINE_PORT_MESSAGE));
ipcRenderer.on(ENGINE_EXIT_MESSAGE, (event, message: unknown) => repost(event, message, ENGINE_EXIT_MESSAGE));

contextBridge.exposeInMainWorld('divelab', bridge);
