/**
 * @file The dataset panel's recent data files, in both hosts: kept by the renderer in its own small IndexedDB
 * database (not the host's notebook list, which holds notebooks). The browser cannot reopen a file by name, so
 * each entry keeps the file itself when it is small (up to KEEP_BYTES); a larger one is reopened through the
 * file picker, with its name as the hint.
 */

export const MAX_RECENT = 10;
/** Files up to this size are kept whole, so a click reopens them; larger ones only by name. */
export const KEEP_BYTES = 16 << 20;

export interface RecentData {
  name: string;
  size: number;
  openedAt: number;
  /** The file itself, when it was small enough to keep. */
  blob?: Blob;
}

/** The list after opening `entry`: it goes first, an older entry of the same name goes, at most `max` stay. */
export function withOpened(list: readonly RecentData[], entry: RecentData, max = MAX_RECENT): RecentData[] {
  return [entry, ...list.filter((e) => e.name !== entry.name)].slice(0, max);
}

const DB = 'divelab-datasets';
const STORE = 'recent';
const KEY = 'list';

function open(): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const req = indexedDB.open(DB, 1);
    req.onupgradeneeded = () => req.result.createObjectStore(STORE);
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error ?? new Error('IndexedDB is not available'));
  });
}

async function tx<T>(mode: IDBTransactionMode, op: (s: IDBObjectStore) => IDBRequest<T>): Promise<T> {
  const db = await open();
  try {
    return await new Promise<T>((resolve, reject) => {
      const t = db.transaction(STORE, mode);
      const req = op(t.objectStore(STORE));
      t.oncomplete = () => resolve(req.result);
      t.onerror = () => reject(t.error ?? req.error);
      t.onabort = () => reject(t.error ?? new Error('IndexedDB transaction aborted'));
    });
  } finally {
    db.close();
  }
}

/** The remembered files, newest first; empty where IndexedDB is unavailable (the list is a convenience). */
export async function loadRecent(): Promise<RecentData[]> {
  try {
    return ((await tx('readonly', (s) => s.get(KEY))) as RecentData[] | undefined) ?? [];
  } catch {
    return [];
  }
}

/** Remembers an opened file and returns the new list. */
export async function rememberData(file: Blob, name: string): Promise<RecentData[]> {
  const entry: RecentData = { name, size: file.size, openedAt: Date.now(), blob: file.size <= KEEP_BYTES ? file : undefined };
  const list = withOpened(await loadRecent(), entry);
  try {
    await tx('readwrite', (s) => s.put(list, KEY));
  } catch {
    // Not remembered (private mode, quota): opening the file still works.
  }
  return list;
}
