// Reads everything the page has stored, raw: every IndexedDB database, every object store, every key
// and value (via cursors), and localStorage. Binary values are turned into text, so plaintext hidden in
// a buffer would be found too.
import type { Page } from 'playwright-core';
import type { BrowserGlobals, MinimalRequest } from './browser-globals';

export interface StoredText {
  readonly databases: string[];
  readonly stores: number;
  readonly records: number;
  /** Values that could not be turned into text (e.g. Blobs); must be zero for the check to mean anything. */
  readonly unreadable: number;
  /** One JSON line per record: [database, store, key, primaryKey, value]. */
  readonly lines: string[];
  readonly localStorage: string[];
}

export const readBrowserStorage = (page: Page): Promise<StoredText> =>
  page.evaluate(async () => {
    const g = globalThis as unknown as BrowserGlobals;
    const settle = <T>(request: MinimalRequest<T>) =>
      new Promise<T>((resolve, reject) => {
        request.onsuccess = () => resolve(request.result);
        request.onerror = () => reject(request.error);
      });
    let unreadable = 0;
    const replacer = (_key: string, value: unknown): unknown => {
      if (value instanceof ArrayBuffer || ArrayBuffer.isView(value)) {
        const bytes =
          value instanceof ArrayBuffer
            ? new Uint8Array(value)
            : new Uint8Array(value.buffer, value.byteOffset, value.byteLength);
        return `bytes:${String.fromCharCode(...bytes)}`;
      }
      if (value && typeof value === 'object' && 'arrayBuffer' in value) unreadable++; // a Blob
      return value;
    };
    const result = {
      databases: [] as string[],
      stores: 0,
      records: 0,
      unreadable: 0,
      lines: [] as string[],
      localStorage: [] as string[],
    };
    for (const info of await g.indexedDB.databases()) {
      if (!info.name) continue;
      result.databases.push(info.name);
      const db = await settle(g.indexedDB.open(info.name));
      for (const store of Array.from(db.objectStoreNames)) {
        result.stores++;
        const cursor = db.transaction([store], 'readonly').objectStore(store).openCursor();
        await new Promise<void>((resolve, reject) => {
          cursor.onsuccess = () => {
            const current = cursor.result;
            if (!current) return resolve();
            result.records++;
            result.lines.push(
              JSON.stringify([info.name, store, current.key, current.primaryKey, current.value], replacer),
            );
            current.continue();
          };
          cursor.onerror = () => reject(cursor.error);
        });
      }
      db.close();
    }
    for (let i = 0; i < g.localStorage.length; i++) {
      const key = g.localStorage.key(i);
      if (key !== null) result.localStorage.push(`${key}=${g.localStorage.getItem(key)}`);
    }
    return { ...result, unreadable };
  });
