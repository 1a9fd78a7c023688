/**
 * Dismissed alerts, kept in IndexedDB so a dismissal survives a reload. A database of its own
 * (not the data files' `yardstick` one), so neither has to bump the other's version.
 */
export const DISMISSED_DB = 'yardstick-alerts';
export const DISMISSED_STORE = 'dismissed';

export interface Dismissal {
  /** alertKey of the alert. */
  key: string;
  at: number;
}

function open(): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const req = indexedDB.open(DISMISSED_DB, 1);
    req.onupgradeneeded = () => {
      if (!req.result.objectStoreNames.contains(DISMISSED_STORE))
        req.result.createObjectStore(DISMISSED_STORE, { keyPath: 'key' });
    };
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error ?? new Error('IndexedDB is not available'));
  });
}

async function run<T>(mode: IDBTransactionMode, work: (store: IDBObjectStore) => IDBRequest<T>): Promise<T> {
  const db = await open();
  try {
    return await new Promise<T>((resolve, reject) => {
      const tx = db.transaction(DISMISSED_STORE, mode);
      const req = work(tx.objectStore(DISMISSED_STORE));
      tx.oncomplete = () => resolve(req.result);
      tx.onerror = () => reject(tx.error ?? new Error('IndexedDB transaction failed'));
      tx.onabort = () => reject(tx.error ?? new Error('IndexedDB transaction aborted'));
    });
  } finally {
    db.close();
  }
}

export async function listDismissed(): Promise<string[]> {
  if (typeof indexedDB === 'undefined') return [];
  const all = await run<Dismissal[]>('readonly', (s) => s.getAll() as IDBRequest<Dismissal[]>);
  return all.map((d) => d.key);
}

export async function saveDismissal(key: string): Promise<void> {
  await run('readwrite', (s) => s.put({ key, at: Date.now() } satisfies Dismissal));
}

export async function removeDismissal(key: string): Promise<void> {
  await run('readwrite', (s) => s.delete(key));
}
