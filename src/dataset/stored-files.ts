import type { ImportOptions } from '../ingest/types';

/**
 * The user's files, kept in IndexedDB so the data survives a reload. We keep the files and how
 * they were read rather than the database: DuckDB-WASM's OPFS database files are not reliable
 * across reloads yet (ENGINE-NOTES §3.5), and replaying an import gives the same tables.
 */
export interface StoredFile {
  id: string;
  name: string;
  blob: Blob;
  options: Pick<ImportOptions, 'table' | 'mapping' | 'dateOrder' | 'decimal'>;
  addedAt: number;
}

const DB_NAME = 'yardstick';
const STORE = 'files';

function open(): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const req = indexedDB.open(DB_NAME, 1);
    req.onupgradeneeded = () => {
      if (!req.result.objectStoreNames.contains(STORE)) req.result.createObjectStore(STORE, { keyPath: 'id' });
    };
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error ?? new Error('IndexedDB is not available'));
  });
}

async function withStore<T>(mode: IDBTransactionMode, work: (store: IDBObjectStore) => IDBRequest<T> | null): Promise<T | undefined> {
  const db = await open();
  try {
    return await new Promise<T | undefined>((resolve, reject) => {
      const tx = db.transaction(STORE, mode);
      const req = work(tx.objectStore(STORE));
      let result: T | undefined;
      if (req) req.onsuccess = () => (result = req.result);
      tx.oncomplete = () => resolve(result);
      tx.onerror = () => reject(tx.error ?? new Error('IndexedDB transaction failed'));
      tx.onabort = () => reject(tx.error ?? new Error('IndexedDB transaction aborted (is storage full?)'));
    });
  } finally {
    db.close();
  }
}

export async function listStoredFiles(): Promise<StoredFile[]> {
  if (typeof indexedDB === 'undefined') return [];
  const all = (await withStore<StoredFile[]>('readonly', (s) => s.getAll() as IDBRequest<StoredFile[]>)) ?? [];
  return all.sort((a, b) => a.addedAt - b.addedAt);
}

export async function storeFile(file: StoredFile): Promise<void> {
  await withStore('readwrite', (s) => s.put(file));
}

/** Forgets one stored file (by its key), e.g. one that can no longer be restored. */
export async function removeStoredFile(id: string): Promise<void> {
  await withStore('readwrite', (s) => s.delete(id));
}

export async function clearStoredFiles(): Promise<void> {
  await withStore('readwrite', (s) => s.clear());
}
