/**
 * @file A minimal promise wrapper over one IndexedDB database for the browser host (autosave, recent files).
 *
 * IndexedDB survives reloads and crashes of the tab and takes megabytes of notebook text without the string
 * limits of localStorage. Each call is its own transaction: a put is durable once its promise resolves.
 */

const DB_NAME = 'divelab';
const STORES = ['autosave', 'recent'] as const;
export type StoreName = (typeof STORES)[number];

let dbPromise: Promise<IDBDatabase> | null = null;

function open(): Promise<IDBDatabase> {
  dbPromise ??= new Promise((resolve, reject) => {
    const req = indexedDB.open(DB_NAME, 1);
    req.onupgradeneeded = () => {
      for (const s of STORES) if (!req.result.objectStoreNames.contains(s)) req.result.createObjectStore(s);
    };
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error ?? new Error('IndexedDB is not available'));
  });
  return dbPromise;
}

function run<T>(store: StoreName, mode: IDBTransactionMode, op: (s: IDBObjectStore) => IDBRequest<T>): Promise<T> {
  return open().then(
    (db) =>
      new Promise<T>((resolve, reject) => {
        const tx = db.transaction(store, mode);
        const req = op(tx.objectStore(store));
        // Resolve on commit, not on request success, so a write really is on disk when we say so.
        tx.oncomplete = () => resolve(req.result);
        tx.onerror = () => reject(tx.error ?? req.error);
        tx.onabort = () => reject(tx.error ?? new Error('IndexedDB transaction aborted'));
      }),
  );
}

export const idbGet = <T>(store: StoreName, key: string): Promise<T | undefined> =>
  run(store, 'readonly', (s) => s.get(key) as IDBRequest<T | undefined>);
export const idbPut = (store: StoreName, key: string, value: unknown): Promise<void> =>
  run(store, 'readwrite', (s) => s.put(value, key)).then(() => undefined);
export const idbDelete = (store: StoreName, key: string): Promise<void> =>
  run(store, 'readwrite', (s) => s.delete(key)).then(() => undefined);
export const idbGetAll = <T>(store: StoreName): Promise<T[]> => run(store, 'readonly', (s) => s.getAll() as IDBRequest<T[]>);
