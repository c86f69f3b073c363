/**
 * @file What each host-bridge call does: native dialogs, notebook and data-file reads, atomic saves, autosave,
 * recent files, and engine connections. Arguments arrive validated (ipc.ts); this file adds the checks that need
 * the file system, and turns file-system errors into sentences a student can act on.
 */
import { readFile, stat } from 'node:fs/promises';
import { basename, dirname, extname, isAbsolute, join } from 'node:path';
import { BrowserWindow, dialog, type OpenDialogOptions, type SaveDialogOptions, type WebContents } from 'electron';
import type { OpenedFile, SaveResult } from '../shared/protocol/host';
import { atomicWrite, describeFsError } from './atomic-write';
import type { AutosaveStore } from './autosave-store';
import type { HostHandlers } from './ipc';
import type { RecentFiles } from './recent-files';

export interface HostServices {
  recent: RecentFiles;
  autosave: AutosaveStore;
  connectEngine(contents: WebContents, notebookPath: string | null): void;
  /** Where dialogs start before the user has opened or saved anything. */
  defaultFolder: string;
}

/** Notebooks and data files larger than this are refused rather than copied through IPC. */
export const MAX_FILE_BYTES = 512 * 1024 * 1024;

const NOTEBOOK_FILTERS = [{ name: 'Jupyter notebooks', extensions: ['ipynb'] }];
const DATA_FILTERS = [
  { name: 'Data files', extensions: ['csv', 'tsv', 'txt', 'data'] },
  { name: 'All files', extensions: ['*'] },
];

/** Notebook paths must be absolute .ipynb paths: the renderer cannot name just any file on disk. */
export function checkNotebookPath(path: string): void {
  if (!isAbsolute(path) || extname(path).toLowerCase() !== '.ipynb') {
    throw new Error(`Not a notebook path: ${path}`);
  }
}

async function readLimited(path: string): Promise<Buffer> {
  let info;
  try {
    info = await stat(path);
  } catch (err) {
    throw new Error(describeFsError(err, path, 'open'), { cause: err });
  }
  if (!info.isFile()) throw new Error(`Could not open ${path}: it is not a file.`);
  if (info.size > MAX_FILE_BYTES) throw new Error(`Could not open ${path}: it is larger than 512 MB.`);
  try {
    return await readFile(path);
  } catch (err) {
    throw new Error(describeFsError(err, path, 'open'), { cause: err });
  }
}

async function writeFileSafely(path: string, data: string | Uint8Array): Promise<SaveResult> {
  try {
    await atomicWrite(path, data);
    return { ok: true, path };
  } catch (err) {
    return { ok: false, error: describeFsError(err, path) };
  }
}

export function createHostHandlers(services: HostServices): HostHandlers {
  let lastFolder = services.defaultFolder;
  const parentOf = (contents: WebContents): BrowserWindow | null => BrowserWindow.fromWebContents(contents);
  const showOpen = async (contents: WebContents, options: OpenDialogOptions): Promise<string | null> => {
    const win = parentOf(contents);
    const r = win ? await dialog.showOpenDialog(win, options) : await dialog.showOpenDialog(options);
    return r.canceled || r.filePaths.length === 0 ? null : (r.filePaths[0] ?? null);
  };
  const showSave = async (contents: WebContents, dialogOptions: SaveDialogOptions): Promise<string | null> => {
    // Linux dialogs only ask before replacing an existing file when told to.
    const options: SaveDialogOptions = { ...dialogOptions, properties: ['showOverwriteConfirmation', 'createDirectory'] };
    const win = parentOf(contents);
    const r = win ? await dialog.showSaveDialog(win, options) : await dialog.showSaveDialog(options);
    return r.canceled || !r.filePath ? null : r.filePath;
  };
  // The recent list is a convenience: failing to update it must not fail the open or save itself.
  const remember = (path: string): Promise<unknown> =>
    services.recent.add(path).catch((err: unknown) => console.warn(`[recent-files] ${String(err)}`));
  const openNotebookAt = async (path: string): Promise<OpenedFile> => {
    const content = (await readLimited(path)).toString('utf8');
    lastFolder = dirname(path);
    // Only notebooks go on the recent list (a file picked with "All files" may be something else).
    if (extname(path).toLowerCase() === '.ipynb') await remember(path);
    return { path, name: basename(path), content };
  };
  const saveNotebookAt = async (path: string, content: string): Promise<SaveResult> => {
    const result = await writeFileSafely(path, content);
    if (result.ok) {
      lastFolder = dirname(path);
      await remember(path);
    }
    return result;
  };

  return {
    async openNotebook({ contents }) {
      const path = await showOpen(contents, { defaultPath: lastFolder, properties: ['openFile'], filters: NOTEBOOK_FILTERS });
      return path === null ? null : openNotebookAt(path);
    },
    async readNotebook(_ctx, path) {
      checkNotebookPath(path);
      return openNotebookAt(path);
    },
    async saveNotebook(_ctx, path, content) {
      checkNotebookPath(path);
      return saveNotebookAt(path, content);
    },
    async saveNotebookAs({ contents }, content, suggestedName) {
      const name = extname(suggestedName).toLowerCase() === '.ipynb' ? suggestedName : `${suggestedName}.ipynb`;
      const chosen = await showSave(contents, { defaultPath: join(lastFolder, name), filters: NOTEBOOK_FILTERS });
      if (chosen === null) return null;
      const path = extname(chosen).toLowerCase() === '.ipynb' ? chosen : `${chosen}.ipynb`;
      return saveNotebookAt(path, content);
    },
    async writeAutosave(_ctx, key, content) {
      await services.autosave.write(key, content);
    },
    async readAutosave(_ctx, key) {
      return services.autosave.read(key);
    },
    async clearAutosave(_ctx, key) {
      await services.autosave.clear(key);
    },
    async recentFiles() {
      return services.recent.get();
    },
    async openDataFile({ contents }) {
      const path = await showOpen(contents, { defaultPath: lastFolder, properties: ['openFile'], filters: DATA_FILTERS });
      if (path === null) return null;
      const bytes = await readLimited(path);
      return { path, name: basename(path), data: new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength) };
    },
    async exportFile({ contents }, suggestedName, data) {
      const ext = extname(suggestedName).slice(1).toLowerCase();
      const filters = ext ? [{ name: `${ext.toUpperCase()} files`, extensions: [ext] }] : [];
      // The save dialog asks before replacing an existing file; nothing is overwritten without that answer.
      const path = await showSave(contents, { defaultPath: join(lastFolder, suggestedName), filters });
      return path === null ? null : writeFileSafely(path, data);
    },
    async connectEngine({ contents }, notebookPath) {
      if (notebookPath !== null) checkNotebookPath(notebookPath);
      services.connectEngine(contents, notebookPath);
    },
  };
}
