import type { Row } from '../engine/engine';
import type { StoredFile } from './stored-files';

/**
 * The last results of the metric queries, kept beside the saved data so a page reopened on the
 * same data shows its numbers at once while DuckDB starts (issue 18, item 11). Keyed by SQL text
 * (the result cache's key) under one fingerprint of the data and of this build: results of other
 * data, or of another version of the app, are never shown.
 */
export interface KeptResults {
  fingerprint: string;
  entries: [sql: string, rows: readonly Row[]][];
}

/** Enough for every query of a few dozen views of every page, as the in-memory cache keeps. */
export const KEPT_LIMIT = 400;

/**
 * Which build this is: the URL of the module bundling this file, content-hashed by Vite, so a
 * new version of the app (whose import or derived tables may differ) starts afresh.
 */
const BUILD = import.meta.url;

/** The sample shop as this build bundles it. */
export function sampleFingerprint(): string {
  return `sample|${BUILD}`;
}

/** The user's stored files, in load order, and how each was read: the data a reload rebuilds from them. */
export function filesFingerprint(files: readonly Pick<StoredFile, 'id' | 'name' | 'blob' | 'options' | 'addedAt'>[]): string {
  const parts = files.map((f) => JSON.stringify([f.id, f.name, f.blob.size, f.addedAt, f.options]));
  return `files|${BUILD}|${parts.join('|')}`;
}

const DB_NAME = 'yardstick-results';
const STORE = 'results';
const KEY = 'last';

function open(): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const req = indexedDB.open(DB_NAME, 1);
    req.onupgradeneeded = () => {
      if (!req.result.objectStoreNames.contains(STORE)) req.result.createObjectStore(STORE);
    };
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error ?? new Error('IndexedDB is not available'));
  });
}

/** The kept results, if they belong to this fingerprint; nothing otherwise (or without storage). */
export async function readKeptResults(fingerprint: string): Promise<KeptResults | null> {
  if (typeof indexedDB === 'undefined') return null;
  const db = await open();
  try {
    const value = await new Promise<unknown>((resolve, reject) => {
      const req = db.transaction(STORE, 'readonly').objectStore(STORE).get(KEY);
      req.onsuccess = () => resolve(req.result);
      req.onerror = () => reject(req.error ?? new Error('IndexedDB read failed'));
    });
    const kept = value as Partial<KeptResults> | undefined;
    if (!kept || kept.fingerprint !== fingerprint || !Array.isArray(kept.entries)) return null;
    return { fingerprint, entries: kept.entries };
  } finally {
    db.close();
  }
}

/** Replaces the kept results (one data set's at a time: the one the page shows). */
export async function writeKeptResults(kept: KeptResults): Promise<void> {
  if (typeof indexedDB === 'undefined') return;
  const db = await open();
  try {
    await new Promise<void>((resolve, reject) => {
      const tx = db.transaction(STORE, 'readwrite');
      tx.objectStore(STORE).put(kept, KEY);
      tx.oncomplete = () => resolve();
      tx.onerror = () => reject(tx.error ?? new Error('IndexedDB write failed'));
      tx.onabort = () => reject(tx.error ?? new Error('IndexedDB write aborted (is storage full?)'));
    });
  } finally {
    db.close();
  }
}
