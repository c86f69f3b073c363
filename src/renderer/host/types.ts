/**
 * @file What the notebook UI needs from wherever it runs: files, autosave, recent files, an engine, menu commands.
 *
 * Two implementations: the Electron host wraps `window.divelab` (the preload's bridge, [Note: host bridge]); the
 * browser host does the same with file pickers, downloads, IndexedDB and a Web Worker engine. The UI never checks
 * which one it has, except to word a message.
 */
import type { MenuCommand, SaveResult } from '../../shared/protocol/host';
import type { EngineTransport } from '../engine/transport';

export type { SaveResult };

export interface OpenedNotebook {
  /** Where the notebook lives on disk (Electron); null in the browser, where there are only names. */
  path: string | null;
  name: string;
  content: string;
}

export interface RecentFile {
  /** What `openRecent` needs: a path in Electron, the file name in the browser. */
  key: string;
  name: string;
}

export interface DataFile {
  name: string;
  data: Uint8Array;
}

/** How an engine comes and goes: first a transport, then, after a crash, a fresh one. */
export interface EngineConnectionListener {
  onTransport(transport: EngineTransport, reason: 'start' | 'crash', detail?: string): void;
  /** The engine died; `restartInMs` says when a fresh one follows, null when it will not (it kept crashing). */
  onExit(detail: string, restartInMs: number | null): void;
}

export interface Host {
  readonly kind: 'electron' | 'browser';
  /** Asks the user for a notebook. Null when they cancel. */
  openNotebook(): Promise<OpenedNotebook | null>;
  openRecent(key: string): Promise<OpenedNotebook>;
  recentFiles(): Promise<RecentFile[]>;
  /** Saves where the notebook came from (Electron: atomic write; browser: a download). Null when cancelled. */
  save(path: string | null, name: string, content: string): Promise<SaveResult | null>;
  saveAs(name: string, content: string): Promise<SaveResult | null>;
  /** Crash-safe copy of the notebook being edited; a key per notebook. */
  writeAutosave(key: string, content: string): Promise<void>;
  readAutosave(key: string): Promise<string | null>;
  clearAutosave(key: string): Promise<void>;
  openDataFile(): Promise<DataFile | null>;
  /** Asks for a data file and hands over the file itself, unread, so a large one can be read in slices (browser). */
  openDataBlob?(): Promise<File | null>;
  exportFile(name: string, data: Uint8Array): Promise<SaveResult | null>;
  /** Starts (or re-attaches to) the engine for a notebook; transports arrive through the listener. */
  connectEngine(notebookPath: string | null, listener: EngineConnectionListener): Promise<void>;
  /** Adds an opened notebook to the recent list, for hosts that keep that list themselves (the browser). */
  remember?(name: string, content: string): Promise<void>;
  onMenuCommand(listener: (command: MenuCommand, arg?: string) => void): () => void;
}
