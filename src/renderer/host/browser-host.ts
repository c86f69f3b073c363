/**
 * @file The host for browser mode: file pickers and downloads instead of native dialogs, IndexedDB for autosave
 * and recent files, and the engine in a Web Worker that is started again if it dies.
 */
import type { MenuCommand } from '../../shared/protocol/host';
import type { PortTransport } from '../engine/transport';
import { download, pickFile } from './browser-files';
import { idbDelete, idbGet, idbGetAll, idbPut } from './idb';
import type { DataFile, EngineConnectionListener, Host, OpenedNotebook, RecentFile, SaveResult } from './types';

interface RecentEntry {
  name: string;
  content: string;
  openedAt: number;
}

const MAX_RECENT = 8;
/** More crashes than this within the window means something is wrong with the engine itself: stop restarting. */
const CRASH_LIMIT = { count: 3, windowMs: 60_000, delayMs: 500 };

export class BrowserHost implements Host {
  readonly kind = 'browser' as const;
  private crashes: number[] = [];

  constructor(private readonly startEngine: () => PortTransport) {}

  async openNotebook(): Promise<OpenedNotebook | null> {
    const file = await pickFile('.ipynb,application/x-ipynb+json,application/json');
    if (!file) return null;
    const content = await file.text();
    return { path: null, name: file.name, content };
  }

  async openRecent(key: string): Promise<OpenedNotebook> {
    const entry = await idbGet<RecentEntry>('recent', key);
    if (!entry) throw new Error(`"${key}" is no longer in the recent files.`);
    return { path: null, name: entry.name, content: entry.content };
  }

  async recentFiles(): Promise<RecentFile[]> {
    const all = await idbGetAll<RecentEntry>('recent');
    return all.sort((a, b) => b.openedAt - a.openedAt).map((e) => ({ key: e.name, name: e.name }));
  }

  /** Remembers a notebook in the recent list (the browser keeps its text, as it has no path to reopen). */
  async remember(name: string, content: string): Promise<void> {
    await idbPut('recent', name, { name, content, openedAt: Date.now() } satisfies RecentEntry);
    const all = await idbGetAll<RecentEntry>('recent');
    const stale = all.sort((a, b) => b.openedAt - a.openedAt).slice(MAX_RECENT);
    await Promise.all(stale.map((e) => idbDelete('recent', e.name)));
  }

  async save(_path: string | null, name: string, content: string): Promise<SaveResult> {
    download(name, content, 'application/x-ipynb+json');
    await this.remember(name, content);
    return { ok: true, path: name };
  }

  saveAs(name: string, content: string): Promise<SaveResult> {
    return this.save(null, name, content);
  }

  writeAutosave(key: string, content: string): Promise<void> {
    return idbPut('autosave', key, content);
  }
  async readAutosave(key: string): Promise<string | null> {
    return (await idbGet<string>('autosave', key)) ?? null;
  }
  clearAutosave(key: string): Promise<void> {
    return idbDelete('autosave', key);
  }

  async openDataFile(): Promise<DataFile | null> {
    const file = await pickFile('.csv,.tsv,.txt,.json,text/csv');
    if (!file) return null;
    return { name: file.name, data: new Uint8Array(await file.arrayBuffer()) };
  }

  openDataBlob(): Promise<File | null> {
    return pickFile('.csv,.tsv,.txt,.json,text/csv');
  }

  async exportFile(name: string, data: Uint8Array): Promise<SaveResult> {
    download(name, data, 'application/octet-stream');
    return { ok: true, path: name };
  }

  async connectEngine(_path: string | null, listener: EngineConnectionListener): Promise<void> {
    const start = (reason: 'start' | 'crash', detail?: string) => {
      const transport = this.startEngine();
      transport.onFailure((why) => {
        const now = Date.now();
        this.crashes = [...this.crashes.filter((t) => now - t < CRASH_LIMIT.windowMs), now];
        const again = this.crashes.length <= CRASH_LIMIT.count;
        listener.onExit(why, again ? CRASH_LIMIT.delayMs : null);
        if (again) setTimeout(() => start('crash', why), CRASH_LIMIT.delayMs);
      });
      listener.onTransport(transport, reason, detail);
    };
    start('start');
  }

  /** The browser has no application menu; keyboard shortcuts and the toolbar cover its commands. */
  onMenuCommand(_listener: (command: MenuCommand, arg?: string) => void): () => void {
    return () => {};
  }
}
