// The directory's background work after unlock, in slices that give the UI thread a turn between them:
// the rest of the snapshot's pages after the first screen, and the search indexes after the first paint.
import { normalizeMangoQuery, prepareQuery, RX_META_LWT_MINIMUM } from 'rxdb';
import type { RecordDoc, RecordProblem } from '../store';
import type { Session } from '../vault';
import type { OrganisationRow, PersonRow } from './rows';
import type { SearchIndex } from './search-index';
import type { Checkpoint, SnapshotReader } from './snapshot';

export type StoredRecord = RecordDoc & { _deleted: boolean };

/**
 * Up to `size` records written after `checkpoint`, deleted ones included, in write order, and the
 * checkpoint after them. RxDB's own query for this (getChangedDocumentsSince) starts at the checkpoint's
 * instant and filters by id, so every page walks again the records written in that instant before it:
 * a bulk write (an import's 5,000, a first sync's page) shares one instant, and pages of 500 through an
 * import of 10,000 walked about 55,000 records: 5.2 s to list everyone, 1.45 s now (issue 18). Here the
 * same instant's later ids, then the later instants, are two ranges of the store's `[_meta.lwt+id]`
 * index: each page walks only its own records.
 */
export const changesSince = async (session: Session, size: number, checkpoint: Checkpoint | undefined) => {
  const storage = session.db.records.storageInstance;
  const query = async (selector: Record<string, unknown>, limit: number) => {
    const mango = { selector, sort: [{ '_meta.lwt': 'asc' }, { id: 'asc' }], skip: 0, limit };
    const prepared = prepareQuery(storage.schema, normalizeMangoQuery(storage.schema, mango as never));
    return (await storage.query(prepared)).documents as unknown as StoredRecord[];
  };
  const sameInstant = checkpoint
    ? await query({ '_meta.lwt': { $eq: checkpoint.lwt }, id: { $gt: checkpoint.id } }, size)
    : [];
  const lwt = checkpoint ? { $gt: checkpoint.lwt } : { $gte: RX_META_LWT_MINIMUM };
  const later = sameInstant.length < size ? await query({ '_meta.lwt': lwt }, size - sameInstant.length) : [];
  // A record of the first range written again before the second was read comes back from it, newer: the
  // page keeps that copy only, or the directory would list it twice (and keep it in its snapshot).
  const again = new Set(later.map((d) => d.id));
  const documents = [...sameInstant.filter((d) => !again.has(d.id)), ...later];
  const last = documents.at(-1) as (StoredRecord & { _meta: { lwt: number } }) | undefined;
  return { documents, checkpoint: last ? { id: last.id, lwt: last._meta.lwt } : checkpoint };
};

/** Records, or people, per slice of background work: each slice is one task of about 100-200 ms. */
export const LOAD_PAGE = 1000;

/**
 * Changes read per catch-up page while the directory follows the store, decrypted in slices with a turn
 * for the page between: a first sync's stream of pages holds the page's thread ≤ 50 ms at a time (issue 18).
 */
export const CATCH_UP_PAGE = 500;
export const SLICES = { chunkSize: 125 } as const;

/** Gives the UI thread a turn (input, rendering). */
export const yieldToUi = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

/**
 * Hands the snapshot's pages after the first to `append`, in list order, yielding before each, until it
 * says stop (false). False if a page cannot be opened (tampered, or left from another write): the
 * snapshot is then unusable.
 */
export const readRestOfSnapshot = async (
  snapshot: SnapshotReader,
  append: (rows: PersonRow[]) => boolean,
): Promise<boolean> => {
  for (let n = 1; n < snapshot.pages; n++) {
    await yieldToUi();
    const rows = await snapshot.page(n).catch(() => null);
    if (!rows) return false;
    if (!append(rows)) break;
  }
  return true;
};

/** Indexes every row in slices; false if stopped first. People written meanwhile are indexed too. */
export const indexInSlices = async (
  people: ReadonlyMap<string, PersonRow>,
  organisations: ReadonlyMap<string, OrganisationRow>,
  peopleIndex: SearchIndex<PersonRow>,
  orgIndex: SearchIndex<OrganisationRow>,
  stopped: () => boolean,
): Promise<boolean> => {
  // After the list's first paint: load() has just resolved, and the screen it unlocks renders next.
  await yieldToUi();
  orgIndex.addAll(organisations.values());
  const ids = [...people.keys()];
  for (let start = 0; start < ids.length; start += LOAD_PAGE) {
    if (stopped()) return false;
    for (const id of ids.slice(start, start + LOAD_PAGE)) {
      const row = people.get(id); // the current row: it may have changed meanwhile
      if (row) peopleIndex.upsert(row);
    }
    await yieldToUi();
  }
  for (const row of people.values()) if (!peopleIndex.has(row.id)) peopleIndex.upsert(row);
  orgIndex.prepare();
  peopleIndex.prepare();
  return true;
};

/**
 * Records that could not be opened for want of their key page, by that page. A first sync brings records
 * and keys side by side, so a record may arrive before its key: when the page is written, its records are
 * due to be read again (by the next catch-up), instead of staying out of the list until the next unlock.
 */
export class AwaitingKeys {
  private readonly byPage = new Map<string, Set<string>>();
  private readonly due = new Set<string>();

  /** `catchUp` is asked for when records become due. */
  constructor(private readonly catchUp: () => void) {}

  note(docs: readonly RecordDoc[], problems: readonly RecordProblem[]): void {
    const missing = new Set(problems.filter((p) => p.problem === 'missing-key').map((p) => p.id));
    for (const doc of docs) {
      if (!missing.has(doc.id)) continue;
      const waiting = this.byPage.get(doc.keyId) ?? new Set<string>();
      this.byPage.set(doc.keyId, waiting.add(doc.id));
    }
  }

  /** A key page was written: the records that waited for it are due. */
  arrived(pageId: string): void {
    const waiting = this.byPage.get(pageId);
    if (!waiting) return;
    this.byPage.delete(pageId);
    for (const id of waiting) this.due.add(id);
    this.catchUp();
  }

  /** The records due to be read again, as the store holds them now; each once. */
  async takeDue(session: Session): Promise<StoredRecord[]> {
    const ids = [...this.due];
    this.due.clear();
    if (!ids.length) return [];
    const docs = await session.db.records.storageInstance.findDocumentsById(ids, false);
    return docs as unknown as StoredRecord[];
  }
}
