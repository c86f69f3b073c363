import { createPinia, setActivePinia } from 'pinia';
import { beforeEach, describe, expect, it } from 'vitest';
import type { EngineConnectionListener, Host, OpenedNotebook, RecentFile, SaveResult } from '../host/types';
import { parseIpynb, serializeIpynb } from '../notebook/ipynb';
import { emptyNotebook, newCell } from '../notebook/model';
import { useFilesStore } from './files';
import { useNotebookStore } from './notebook';

/** A host with an in-memory disk; `next*` fields script what the "dialogs" return. */
class MemoryHost implements Host {
  readonly kind: 'electron' | 'browser';
  disk = new Map<string, string>();
  autosaves = new Map<string, string>();
  nextOpen: OpenedNotebook | null = null;
  saveError: string | null = null;
  constructor(kind: 'electron' | 'browser') {
    this.kind = kind;
  }
  async openNotebook() { return this.nextOpen; }
  async openRecent(key: string): Promise<OpenedNotebook> { return { path: key, name: key, content: this.disk.get(key)! }; }
  async recentFiles(): Promise<RecentFile[]> { return [...this.disk.keys()].map((k) => ({ key: k, name: k })); }
  async save(path: string | null, name: string, content: string): Promise<SaveResult> {
    if (this.saveError) return { ok: false, error: this.saveError };
    const where = path ?? `/docs/${name}`;
    this.disk.set(where, content);
    return { ok: true, path: where };
  }
  saveAs(name: string, content: string) { return this.save(null, name, content); }
  async writeAutosave(key: string, content: string) { this.autosaves.set(key, content); }
  async readAutosave(key: string) { return this.autosaves.get(key) ?? null; }
  async clearAutosave(key: string) { this.autosaves.delete(key); }
  async openDataFile() { return null; }
  async exportFile() { return null; }
  async connectEngine(_p: string | null, _l: EngineConnectionListener) {}
  onMenuCommand() { return () => {}; }
}

function notebookText(...sources: string[]): string {
  const nb = emptyNotebook();
  nb.cells = sources.map((s, i) => newCell('code', s, `c${i}`));
  return serializeIpynb(nb);
}

describe('files store', () => {
  beforeEach(() => setActivePinia(createPinia()));

  it('refuses a file that is not a notebook, says why, and leaves the open notebook as it was', async () => {
    const host = new MemoryHost('browser');
    const files = useFilesStore();
    const nb = useNotebookStore();
    files.init(host);
    nb.setSource(nb.cells[0]!.id, 'x = 21');
    const before = JSON.stringify(nb.doc);
    host.nextOpen = { path: null, name: 'broken.ipynb', content: '{"cells": [' };
    await files.open();
    expect(files.message?.kind).toBe('error');
    expect(files.message?.text).toMatch(/^broken\.ipynb: This file is not a notebook: it is not valid JSON .* The open notebook was not changed\.$/);
    expect(JSON.stringify(nb.doc)).toBe(before);
    expect(nb.name).toBe('Untitled.ipynb');
  });

  it('opens a notebook and marks it saved', async () => {
    const host = new MemoryHost('browser');
    const files = useFilesStore();
    const nb = useNotebookStore();
    files.init(host);
    host.nextOpen = { path: null, name: 'lesson.ipynb', content: notebookText('a = 1', 'a') };
    await files.open();
    expect(nb.name).toBe('lesson.ipynb');
    expect(nb.cells.map((c) => c.source)).toEqual(['a = 1', 'a']);
    expect(nb.dirty).toBe(false);
  });

  it('keeps the edits and says why when saving fails (read-only file, deleted folder)', async () => {
    const host = new MemoryHost('electron');
    const files = useFilesStore();
    const nb = useNotebookStore();
    files.init(host);
    nb.load(parseIpynb(notebookText('x = 1')), { path: '/docs/a.ipynb', name: 'a.ipynb' });
    nb.setSource('c0', 'x = 2');
    host.saveError = 'EACCES: permission denied';
    await files.save();
    expect(files.message?.text).toContain('Not saved: EACCES: permission denied');
    expect(nb.dirty).toBe(true);
    expect(nb.cells[0]!.source).toBe('x = 2');
    // The edits are in the autosave copy too.
    const record = JSON.parse(host.autosaves.get('/docs/a.ipynb')!);
    expect(parseIpynb(record.notebook).cells[0]!.source).toBe('x = 2');
  });

  it('saves through the host, then clears the Electron autosave copy of that file', async () => {
    const host = new MemoryHost('electron');
    const files = useFilesStore();
    const nb = useNotebookStore();
    files.init(host);
    nb.setSource(nb.cells[0]!.id, 'y = 3');
    await files.flushAutosave();
    await files.save();
    expect(nb.path).toBe('/docs/Untitled.ipynb');
    expect(nb.dirty).toBe(false);
    expect(parseIpynb(host.disk.get('/docs/Untitled.ipynb')!).cells[0]!.source).toBe('y = 3');
    expect(host.autosaves.has('untitled')).toBe(false);
  });

  it('restores the autosave copy of an untitled notebook after a reload or crash', async () => {
    const host = new MemoryHost('browser');
    setActivePinia(createPinia());
    const first = useFilesStore();
    first.init(host);
    const nb1 = useNotebookStore();
    nb1.setSource(nb1.cells[0]!.id, 'z = 5');
    first.changed();
    await first.flushAutosave();

    setActivePinia(createPinia());
    const files = useFilesStore();
    files.init(host);
    expect(await files.restore(null)).toBe(true);
    expect(useNotebookStore().cells[0]!.source).toBe('z = 5');
  });

  it('restores unsaved Electron edits of a file over the file on disk, and says so', async () => {
    const host = new MemoryHost('electron');
    const files = useFilesStore();
    const nb = useNotebookStore();
    files.init(host);
    const disk = notebookText('on disk');
    nb.load(parseIpynb(notebookText('edited')), { path: '/docs/b.ipynb', name: 'b.ipynb' });
    await host.writeAutosave('/docs/b.ipynb', JSON.stringify({ format: 'divelab-autosave', version: 1, path: '/docs/b.ipynb', name: 'b.ipynb', savedAt: 1, dirty: true, notebook: serializeIpynb(nb.doc) }));
    expect(await files.restore('/docs/b.ipynb', disk)).toBe(true);
    expect(nb.cells[0]!.source).toBe('edited');
    expect(nb.dirty).toBe(true);
    expect(files.message?.text).toContain('restored from the autosave copy');
  });
});
