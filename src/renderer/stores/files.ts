/**
 * @file Opening, saving, autosave and recent files for the open notebook, over whichever Host the app runs in.
 *
 * A file that is not a notebook is refused before anything changes: it is parsed first, and only a parsed
 * notebook replaces the open one. A failed save (deleted folder, read-only file) keeps the edits in memory and in
 * the autosave copy, and says why.
 */
import { defineStore } from 'pinia';
import { ref, shallowRef } from 'vue';
import type { Host, RecentFile } from '../host/types';
import { AutosaveScheduler } from '../notebook/autosave';
import { NotebookFormatError, parseIpynb, serializeIpynb } from '../notebook/ipynb';
import { emptyNotebook } from '../notebook/model';
import { useKernelStore } from './kernel';
import { useNotebookStore } from './notebook';

/** What the autosave copy holds: the notebook text plus where it belongs. */
interface AutosaveRecord {
  format: 'divelab-autosave';
  version: 1;
  path: string | null;
  name: string;
  savedAt: number;
  dirty: boolean;
  notebook: string;
}

const autosaveKey = (path: string | null) => path ?? 'untitled';
/** Host errors come with or without a final full stop; messages put them in a sentence of their own. */
const sentence = (text: string) => `${text.replace(/[.\s]+$/, '')}.`;

export const useFilesStore = defineStore('files', () => {
  const host = shallowRef<Host | null>(null);
  /** A message for the user about the last file operation. */
  const message = ref<{ kind: 'error' | 'info'; text: string } | null>(null);
  const recent = ref<RecentFile[]>([]);
  const lastAutosave = ref<number | null>(null);
  let scheduler: AutosaveScheduler | null = null;

  function requireHost(): Host {
    if (!host.value) throw new Error('DiveLab: no host');
    return host.value;
  }

  async function writeAutosave(): Promise<void> {
    const nb = useNotebookStore();
    const record: AutosaveRecord = {
      format: 'divelab-autosave',
      version: 1,
      path: nb.path,
      name: nb.name,
      savedAt: Date.now(),
      dirty: nb.dirty,
      // Compact: autosave runs every few seconds while outputs stream in, and must not stall the UI.
      notebook: serializeIpynb(nb.doc, { compact: true }),
    };
    try {
      await requireHost().writeAutosave(autosaveKey(nb.path), JSON.stringify(record));
      lastAutosave.value = record.savedAt;
    } catch (e) {
      message.value = { kind: 'error', text: `Autosave failed: ${(e as Error).message}` };
    }
  }

  function init(h: Host): void {
    host.value = h;
    scheduler = new AutosaveScheduler(writeAutosave);
    void refreshRecent();
  }

  /** Called on every document change. */
  function changed(): void {
    scheduler?.changed();
  }

  function flushAutosave(): Promise<void> {
    return scheduler?.flush() ?? Promise.resolve();
  }

  async function refreshRecent(): Promise<void> {
    try {
      recent.value = await requireHost().recentFiles();
    } catch {
      recent.value = [];
    }
  }

  /** Parses first and replaces the open notebook only if that worked. Returns whether it did. */
  function loadText(text: string, where: { path: string | null; name: string }, opts: { dirty?: boolean } = {}): boolean {
    try {
      const doc = parseIpynb(text);
      useNotebookStore().load(doc, where, opts);
      message.value = null;
      return true;
    } catch (e) {
      const why = e instanceof NotebookFormatError ? e.message : `Could not read it: ${(e as Error).message}`;
      message.value = { kind: 'error', text: `${where.name}: ${why} The open notebook was not changed.` };
      return false;
    }
  }

  /** Restores the autosave copy for a notebook (or the untitled one) if there is one. */
  async function restore(path: string | null, diskContent?: string): Promise<boolean> {
    const text = await requireHost().readAutosave(autosaveKey(path)).catch(() => null);
    if (!text) return false;
    let record: AutosaveRecord;
    try {
      record = JSON.parse(text) as AutosaveRecord;
      if (record.format !== 'divelab-autosave') return false;
    } catch {
      return false;
    }
    if (diskContent !== undefined && record.notebook === diskContent) return false;
    const ok = loadText(record.notebook, { path: record.path, name: record.name }, { dirty: record.dirty || diskContent !== undefined });
    if (ok && diskContent !== undefined) message.value = { kind: 'info', text: 'Unsaved changes were restored from the autosave copy.' };
    return ok;
  }

  async function open(): Promise<void> {
    const opened = await requireHost().openNotebook();
    if (!opened) return;
    if (loadText(opened.content, opened)) {
      await afterOpen(opened.path, opened.name, opened.content);
    }
  }

  async function openRecent(key: string): Promise<void> {
    try {
      const opened = await requireHost().openRecent(key);
      if (loadText(opened.content, opened)) await afterOpen(opened.path, opened.name, opened.content);
    } catch (e) {
      message.value = { kind: 'error', text: `Could not open ${key}: ${(e as Error).message}` };
    }
  }

  async function afterOpen(path: string | null, name: string, content: string): Promise<void> {
    const h = requireHost();
    if (path) await restore(path, content);
    await h.remember?.(name, content);
    await refreshRecent();
    await writeAutosave();
  }

  function newNotebook(): void {
    useNotebookStore().load(emptyNotebook(), { path: null, name: 'Untitled.ipynb' });
    message.value = null;
    void writeAutosave();
  }

  async function save(as = false): Promise<void> {
    const nb = useNotebookStore();
    const version = nb.version;
    const content = serializeIpynb(nb.doc);
    const h = requireHost();
    try {
      const result = as ? await h.saveAs(nb.name, content) : await h.save(nb.path, nb.name, content);
      if (!result) return;
      if (!result.ok) {
        message.value = { kind: 'error', text: `Not saved: ${sentence(result.error)} Your edits are kept here and in the autosave copy.` };
        await writeAutosave();
        return;
      }
      const oldPath = nb.path;
      const savedPath = h.kind === 'electron' ? result.path : null;
      const savedName = savedPath ? (savedPath.split(/[\\/]/).pop() ?? nb.name) : nb.name;
      nb.markSaved(version, { path: savedPath, name: savedName });
      message.value = null;
      // In Electron the file on disk is now the safe copy; in the browser the autosave copy is what a reload
      // brings back, so it is rewritten rather than cleared.
      if (h.kind === 'electron') {
        if (oldPath !== savedPath) await h.clearAutosave(autosaveKey(oldPath)).catch(() => {});
        if (nb.version === version) await h.clearAutosave(autosaveKey(savedPath)).catch(() => {});
      } else {
        await writeAutosave();
      }
      await refreshRecent();
    } catch (e) {
      message.value = { kind: 'error', text: `Not saved: ${sentence((e as Error).message)} Your edits are kept here and in the autosave copy.` };
    }
  }

  /** Puts a data file (CSV…) into the kernel's working directory so `pd.read_csv('name.csv')` finds it. */
  async function openDataFile(): Promise<string | null> {
    const file = await requireHost().openDataFile();
    if (!file) return null;
    try {
      await useKernelStore().client.writeFile(file.name, file.data);
      message.value = { kind: 'info', text: `${file.name} is in the kernel's working folder: pd.read_csv('${file.name}')` };
      return file.name;
    } catch (e) {
      message.value = { kind: 'error', text: `Could not give ${file.name} to the kernel: ${(e as Error).message}` };
      return null;
    }
  }

  function dismissMessage(): void {
    message.value = null;
  }

  return {
    host, message, recent, lastAutosave,
    init, changed, flushAutosave, loadText, restore, open, openRecent, newNotebook, save, openDataFile, dismissMessage,
  };
});
