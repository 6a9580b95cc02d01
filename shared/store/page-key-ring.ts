// The shape of the page keys that wrap the data keys (data-keys.ts): the current epoch's key and older
// ones until their epoch finishes. The store only reads a ring; the vault (vault/page-keys.ts) makes,
// stores, grants and destroys page keys, and hands the store the ring it holds now.

export interface PageKey {
  readonly id: string;
  readonly key: Uint8Array;
}

export interface PageKeyRing {
  /** Wraps every new page; the epoch the device acknowledged. */
  readonly current: PageKey;
  /** Keys of earlier epochs, kept only until every page is re-wrapped and their epoch is finished. */
  readonly older: readonly PageKey[];
}

/** The key of the given epoch, if this ring still holds it. */
export const ringKey = (ring: PageKeyRing, id: string): Uint8Array | undefined =>
  ring.current.id === id ? ring.current.key : ring.older.find((k) => k.id === id)?.key;
