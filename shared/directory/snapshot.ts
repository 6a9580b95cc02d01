// The encrypted snapshot of the directory: the list rows and the store checkpoint they reflect, sealed
// with the organisation key in this device's own collection. It lets unlock show the list without
// decrypting every record; only the changes since its checkpoint are decrypted. It is never synced, and
// is rewritten after changes, so an erased person leaves it on the next write.
//
// It is kept in pages, so unlock shows the first screen after opening one page, not every row (at 100,000
// people the single sealed snapshot took 1.6 s to open and parse before anything showed). The head holds
// the checkpoint, the organisations and how many people pages follow; each page holds a run of people in
// list order. Pages are written before the head, each with the head's generation: a page that does not
// carry its head's generation (a write cut short) makes the snapshot unusable, and unlock decrypts the
// records instead. Pages are overwritten in place, never deleted, so no old page lingers as a tombstone;
// a snapshot that shrank overwrites its surplus pages with empty ones.
import { newId } from '../crypto';
import type { Session } from '../vault';
import type { OrganisationRow, PersonRow } from './rows';

export const SNAPSHOT_ID = 'snapshot:directory';
const FORMAT = 2;
/** People per page: about 20 ms to open, well within the first screen's budget. */
export const SNAPSHOT_PAGE = 2000;

export interface Checkpoint {
  readonly id: string;
  readonly lwt: number;
}

export interface DirectorySnapshot {
  readonly checkpoint: Checkpoint;
  /** Sorted as the lists show them. */
  readonly people: PersonRow[];
  readonly organisations: OrganisationRow[];
}

interface Head {
  readonly format: number;
  readonly generation: string;
  readonly checkpoint: Checkpoint;
  readonly organisations: OrganisationRow[];
  /** People in all pages together. */
  readonly people: number;
  /** Pages holding people; pages past them (from a larger snapshot) are empty. */
  readonly pages: number;
  /** Pages on disk, used or emptied: the next write empties those it no longer needs. */
  readonly written: number;
}

interface Page {
  readonly generation: string;
  readonly people: PersonRow[];
}

/** A snapshot being read: the head at once, the people page by page. */
export interface SnapshotReader {
  readonly checkpoint: Checkpoint;
  readonly organisations: OrganisationRow[];
  readonly people: number;
  readonly pages: number;
  /** The people of page `n`, in list order (none past the last); throws if it is missing, tampered or torn. */
  page(n: number): Promise<PersonRow[]>;
}

export class SnapshotTornError extends Error {
  constructor(page: number) {
    super(`The directory snapshot's page ${page} belongs to another write of it`);
    this.name = 'SnapshotTornError';
  }
}

const pageId = (n: number) => `${SNAPSHOT_ID}:${n}`;

const address = (session: Session, id: string) =>
  ({ collection: 'vault', id, keyId: session.orgKeyId }) as const;

const openDoc = async <T>(session: Session, id: string): Promise<T | null> => {
  const doc = await session.db.vault.findOne(id).exec();
  return doc ? (session.cipher.openJson(doc.payload, session.orgKey, address(session, id)) as T) : null;
};

const readHead = async (session: Session): Promise<Head | null> => {
  const head = await openDoc<Head>(session, SNAPSHOT_ID);
  return head?.format === FORMAT ? head : null;
};

/** Opens the snapshot's head; null when there is none, or it is of an older format. */
export const openSnapshot = async (session: Session): Promise<SnapshotReader | null> => {
  const head = await readHead(session);
  if (!head) return null;
  return {
    checkpoint: head.checkpoint,
    organisations: head.organisations,
    people: head.people,
    pages: head.pages,
    async page(n) {
      if (n >= head.pages) return [];
      const page = await openDoc<Page>(session, pageId(n));
      if (page?.generation !== head.generation) throw new SnapshotTornError(n);
      return page.people;
    },
  };
};

/**
 * What an unlock reads ahead while its Argon2id runs in the KDF worker (Vault.open's readAhead): the head
 * and the first page, whose ciphertext openSnapshot then finds in RxDB's query cache.
 */
export const SNAPSHOT_READ_AHEAD: readonly string[] = [SNAPSHOT_ID, pageId(0)];

/** The whole snapshot at once (tests and tools); null when there is none. */
export const readSnapshot = async (session: Session): Promise<DirectorySnapshot | null> => {
  const reader = await openSnapshot(session);
  if (!reader) return null;
  const people: PersonRow[] = [];
  for (let n = 0; n < reader.pages; n++) people.push(...(await reader.page(n)));
  return { checkpoint: reader.checkpoint, organisations: reader.organisations, people };
};

export const writeSnapshot = async (session: Session, snapshot: DirectorySnapshot): Promise<void> => {
  const before = await readHead(session).catch(() => null);
  const generation = newId();
  const pages = Math.ceil(snapshot.people.length / SNAPSHOT_PAGE);
  const written = Math.max(pages, before?.written ?? 0);
  const updatedAt = Date.now();
  const docs = Array.from({ length: written }, (_, n) => {
    const people = snapshot.people.slice(n * SNAPSHOT_PAGE, (n + 1) * SNAPSHOT_PAGE);
    const id = pageId(n);
    const payload = session.cipher.sealJson(
      { generation, people } satisfies Page,
      session.orgKey,
      address(session, id),
    );
    return { id, payload, updatedAt };
  });
  await session.db.vault.bulkUpsert(docs);
  const head: Head = {
    format: FORMAT,
    generation,
    checkpoint: snapshot.checkpoint,
    organisations: snapshot.organisations,
    people: snapshot.people.length,
    pages,
    written,
  };
  const payload = session.cipher.sealJson(head, session.orgKey, address(session, SNAPSHOT_ID));
  await session.db.vault.upsert({ id: SNAPSHOT_ID, payload, updatedAt });
};
