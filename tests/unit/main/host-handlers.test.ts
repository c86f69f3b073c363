/** @file What the host calls do: dialogs, reads, atomic saves with plain-language errors, autosave, engines. */
import * as fsp from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { BrowserWindow, dialog, resetFakes } from './fake-electron';

vi.mock('electron', () => import('./fake-electron'));

const { createHostHandlers } = await import('../../../src/main/host-handlers');
const { AutosaveStore } = await import('../../../src/main/autosave-store');
const { RecentFiles } = await import('../../../src/main/recent-files');

let dir: string;
let win: BrowserWindow;
let recent: InstanceType<typeof RecentFiles>;
let connectEngine: ReturnType<typeof vi.fn<(contents: unknown, path: string | null) => void>>;
let h: ReturnType<typeof createHostHandlers>;
let ctx: { contents: never };

beforeEach(async () => {
  resetFakes();
  dir = await fsp.mkdtemp(join(tmpdir(), 'divelab-host-'));
  await fsp.mkdir(join(dir, 'user'));
  win = new BrowserWindow({});
  ctx = { contents: win.webContents as never };
  recent = new RecentFiles(join(dir, 'user', 'recent.json'));
  connectEngine = vi.fn<(contents: unknown, path: string | null) => void>();
  h = createHostHandlers({ recent, autosave: new AutosaveStore(join(dir, 'user', 'autosave')), connectEngine, defaultFolder: dir });
});

const answerOpen = (path: string | null) =>
  dialog.showOpenDialog.mockResolvedValueOnce(path === null ? { canceled: true, filePaths: [] } : { canceled: false, filePaths: [path] });
const answerSave = (path: string | null) =>
  dialog.showSaveDialog.mockResolvedValueOnce(path === null ? { canceled: true, filePath: '' } : { canceled: false, filePath: path });

describe('opening notebooks', () => {
  it('opens the file chosen in the dialog, attached to the window, and remembers it', async () => {
    const path = join(dir, 'lesson.ipynb');
    await fsp.writeFile(path, '{"cells": []}');
    answerOpen(path);
    expect(await h.openNotebook(ctx)).toEqual({ path, name: 'lesson.ipynb', content: '{"cells": []}' });
    expect(dialog.showOpenDialog.mock.calls[0]![0]).toBe(win);
    expect(await recent.get()).toEqual([path]);
  });

  it('returns null when the dialog is cancelled', async () => {
    answerOpen(null);
    expect(await h.openNotebook(ctx)).toBeNull();
  });

  it('reads a recent notebook by path, with a clear error when it is gone', async () => {
    const path = join(dir, 'a.ipynb');
    await fsp.writeFile(path, '{}');
    expect((await h.readNotebook(ctx, path)).content).toBe('{}');
    await fsp.rm(path);
    await expect(h.readNotebook(ctx, path)).rejects.toThrow(`Could not open ${path}: the file no longer exists.`);
  });

  it('refuses paths that are not absolute .ipynb paths', async () => {
    await expect(h.readNotebook(ctx, '/etc/passwd')).rejects.toThrow('Not a notebook path');
    await expect(h.readNotebook(ctx, 'relative.ipynb')).rejects.toThrow('Not a notebook path');
    await expect(h.saveNotebook(ctx, join(dir, '.bashrc'), 'x')).rejects.toThrow('Not a notebook path');
    await expect(h.connectEngine(ctx, '/home/x/script.sh')).rejects.toThrow('Not a notebook path');
  });
});

describe('saving notebooks', () => {
  it('writes atomically and adds the file to the recent list', async () => {
    const path = join(dir, 'a.ipynb');
    expect(await h.saveNotebook(ctx, path, '{"v": 1}')).toEqual({ ok: true, path });
    expect(await fsp.readFile(path, 'utf8')).toBe('{"v": 1}');
    expect(await recent.get()).toEqual([path]);
  });

  it('returns the error as text when the folder was deleted, writing nothing', async () => {
    const folder = join(dir, 'gone');
    await fsp.mkdir(folder);
    const path = join(folder, 'a.ipynb');
    await fsp.rm(folder, { recursive: true });
    expect(await h.saveNotebook(ctx, path, '{}')).toEqual({ ok: false, error: `Could not write ${path}: the folder no longer exists.` });
    expect(await recent.get()).toEqual([]);
  });

  it('returns the error as text for a read-only notebook, keeping it unchanged', async () => {
    const path = join(dir, 'ro.ipynb');
    await fsp.writeFile(path, 'original');
    await fsp.chmod(path, 0o444);
    expect(await h.saveNotebook(ctx, path, '{}')).toEqual({ ok: false, error: `Could not write ${path}: the file is read-only.` });
    expect(await fsp.readFile(path, 'utf8')).toBe('original');
  });

  it('Save As asks for a place, adds the .ipynb extension, and writes there', async () => {
    answerSave(join(dir, 'mine'));
    expect(await h.saveNotebookAs(ctx, '{}', 'Untitled')).toEqual({ ok: true, path: join(dir, 'mine.ipynb') });
    const options = dialog.showSaveDialog.mock.calls[0]![1] as { defaultPath: string };
    expect(options.defaultPath).toBe(join(dir, 'Untitled.ipynb'));
    expect(await fsp.readFile(join(dir, 'mine.ipynb'), 'utf8')).toBe('{}');
  });

  it('Save As returns null when cancelled and writes nothing', async () => {
    answerSave(null);
    expect(await h.saveNotebookAs(ctx, '{}', 'Untitled.ipynb')).toBeNull();
    expect((await fsp.readdir(dir)).sort()).toEqual(['user']);
  });
});

describe('data files and exports', () => {
  it('returns the chosen data file as bytes', async () => {
    const path = join(dir, 'house_tiny.csv');
    await fsp.writeFile(path, 'NumRooms,Alley,Price\nNA,Pave,127500\n');
    answerOpen(path);
    const file = await h.openDataFile(ctx);
    expect(file?.name).toBe('house_tiny.csv');
    expect(file?.data).toBeInstanceOf(Uint8Array);
    expect(new TextDecoder().decode(file!.data)).toBe('NumRooms,Alley,Price\nNA,Pave,127500\n');
    expect(await recent.get()).toEqual([]); // data files are not notebooks
  });

  it('exports only where the save dialog says, with the type filter of the name', async () => {
    answerSave(join(dir, 'plot.png'));
    expect(await h.exportFile(ctx, 'plot.png', new Uint8Array([137, 80]))).toEqual({ ok: true, path: join(dir, 'plot.png') });
    expect(dialog.showSaveDialog.mock.calls[0]![1]).toMatchObject({
      filters: [{ extensions: ['png'] }],
      properties: expect.arrayContaining(['showOverwriteConfirmation']),
    });
    expect([...(await fsp.readFile(join(dir, 'plot.png')))]).toEqual([137, 80]);
    answerSave(null);
    expect(await h.exportFile(ctx, 'plot.png', new Uint8Array([1]))).toBeNull();
  });
});

describe('autosave and engines', () => {
  it('round-trips autosave copies through userData', async () => {
    await h.writeAutosave(ctx, 'untitled-1', 'draft');
    expect(await h.readAutosave(ctx, 'untitled-1')).toBe('draft');
    await h.clearAutosave(ctx, 'untitled-1');
    expect(await h.readAutosave(ctx, 'untitled-1')).toBeNull();
  });

  it('asks the supervisor for an engine for the calling window', async () => {
    await h.connectEngine(ctx, join(dir, 'a.ipynb'));
    await h.connectEngine(ctx, null);
    expect(connectEngine.mock.calls).toEqual([
      [win.webContents, join(dir, 'a.ipynb')],
      [win.webContents, null],
    ]);
  });
});
