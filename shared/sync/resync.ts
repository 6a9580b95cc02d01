// A forced full resync (the server purged tombstones this client never saw) must also drop what the
// server no longer holds: otherwise a record deleted elsewhere, whose tombstone is gone, stays on this
// device forever. The ids the server returns during the resync are collected; when the last page
// arrives, every other local document is handed to RxDB as a tombstone from the server. RxDB's pull
// skips a tombstone for a document with a local write not yet pushed (its fork state differs from the
// master state it assumed), so never-pushed local writes survive and are pushed afterwards.
import type { RxCollection } from 'rxdb';
import type { Collection } from './protocol';
import { toWire, type Doc } from './wire-documents';

/** The documents of one collection the server returned since its resync began. */
export class FullResync {
  private readonly returned = new Set<string>();

  /** Notes a page of the resync's pull. */
  add(ids: Iterable<string>): void {
    for (const id of ids) this.returned.add(id);
  }

  /** Tombstones for the local (not deleted) documents the server did not return. */
  staleTombstones<T extends { readonly id: string }>(local: readonly T[]): (T & { _deleted: true })[] {
    return local
      .filter((doc) => !this.returned.has(doc.id))
      .map((doc) => ({ ...doc, _deleted: true as const }));
  }

  /** The stale tombstones of what `rxCollection` holds locally, in wire form like a pull's documents. */
  async staleTombstonesIn(
    collection: Collection,
    rxCollection: RxCollection<Doc>,
  ): Promise<(Doc & { _deleted: true })[]> {
    const local = (await rxCollection.find().exec()).map(
      (doc) => toWire(collection, doc.toJSON() as Record<string, unknown>) as unknown as Doc,
    );
    return this.staleTombstones(local);
  }
}
