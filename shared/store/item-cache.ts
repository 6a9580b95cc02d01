// Every item of one kind, for live views of thousands (the deals board, the cases list, My day): each
// load reads the envelopes again but decrypts only those that changed since the previous load for the
// same owner (the unlocked workspace), so a change to one deal does not re-open all of them. The opened
// records live only as long as the owner and are dropped as soon as it is locked.
import type { z } from 'zod';
import type { KluisDatabase } from './database';
import type { ItemRepository } from './item-repository';
import type { ItemDoc } from './schemas';
import type { Decrypted, RecordProblem } from './subject-repository';

export interface OpenedItems<P> {
  /** Newest first. */
  readonly records: readonly Decrypted<P>[];
  readonly problems: readonly RecordProblem[];
}

interface Opened {
  readonly payload: string;
  readonly updatedAt: number;
  readonly record?: Decrypted<unknown>;
  readonly problem?: RecordProblem;
}

export interface CacheOwner {
  readonly isLocked: boolean;
}

const caches = new WeakMap<CacheOwner, Map<string, Map<string, Opened>>>();

export const openAllItems = async <S extends z.ZodType<Record<string, unknown>>>(
  owner: CacheOwner,
  db: KluisDatabase,
  repository: ItemRepository<S>,
): Promise<OpenedItems<z.output<S>>> => {
  if (owner.isLocked) {
    caches.delete(owner);
    throw new Error('The vault is locked');
  }
  const kinds = caches.get(owner) ?? new Map<string, Map<string, Opened>>();
  caches.set(owner, kinds);
  const before = kinds.get(repository.kind) ?? new Map<string, Opened>();
  const docs = (
    await db.items
      .find({ selector: { kind: repository.kind }, sort: [{ kind: 'desc' }, { updatedAt: 'desc' }] })
      .exec()
  ).map((d) => d.toJSON() as ItemDoc);
  const unchanged = (doc: ItemDoc): Opened | undefined => {
    const known = before.get(doc.id);
    return known && known.payload === doc.payload && known.updatedAt === doc.updatedAt ? known : undefined;
  };
  const changed = docs.filter((doc) => !unchanged(doc));
  const opened = await repository.openMany(changed);
  if (owner.isLocked) {
    caches.delete(owner);
    throw new Error('The vault is locked');
  }
  const fresh = new Map<string, Opened>();
  const openedById = new Map(opened.records.map((r) => [r.id, r]));
  const problemById = new Map(opened.problems.map((p) => [p.id, p]));
  const records: Decrypted<z.output<S>>[] = [];
  const problems: RecordProblem[] = [];
  for (const doc of docs) {
    const entry: Opened = unchanged(doc) ?? {
      payload: doc.payload,
      updatedAt: doc.updatedAt,
      record: openedById.get(doc.id),
      problem: problemById.get(doc.id),
    };
    fresh.set(doc.id, entry);
    if (entry.record) records.push(entry.record as Decrypted<z.output<S>>);
    if (entry.problem) problems.push(entry.problem);
  }
  kinds.set(repository.kind, fresh);
  return { records, problems };
};
