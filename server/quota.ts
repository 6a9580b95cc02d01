// The per-organisation storage quota: a push (or a registration of links) that would grow what the
// organisation stores past the quota is refused, so one member cannot fill the disk for every organisation.
// The storage keeps each organisation's bytes as a running figure (migration 0009), so a count reads one
// row; it is still cached and grown by each accepted push (an over-estimate: a replaced document's old
// size is not taken off), saving a query per push; only when the estimate reaches the quota is it counted
// again, the replaced documents' sizes subtracted, before anything is refused. With several instances on
// one PostgreSQL, each recounts at least every `recountMs`.
import type { Collection } from '../shared/sync';
import type { StoredPushRow, UsageStorage } from './storage/types';

export interface Quota {
  /** True when the push may be stored; counts it as stored. */
  admit(orgId: string, collection: Collection, rows: readonly StoredPushRow[]): Promise<boolean>;
  /** True when `bytes` more that replace nothing (registered links) may be stored; counts them as stored. */
  admitBytes(orgId: string, bytes: number): Promise<boolean>;
}

export const createQuota = (
  storage: Pick<UsageStorage, 'storedBytes' | 'documentBytes'>,
  quotaBytes: number,
  now: () => number,
  recountMs = 60_000,
): Quota => {
  const counted = new Map<string, { bytes: number; at: number }>();
  const count = async (orgId: string) => {
    const entry = { bytes: await storage.storedBytes(orgId), at: now() };
    if (counted.size > 10_000) counted.clear();
    counted.set(orgId, entry);
    return entry;
  };
  /** `replacedBytes`: what the incoming bytes replace, asked only when counting exactly. */
  const grow = async (orgId: string, incoming: number, replacedBytes: () => Promise<number>) => {
    if (!Number.isFinite(quotaBytes)) return true;
    let entry = counted.get(orgId);
    if (!entry || now() - entry.at >= recountMs) entry = await count(orgId);
    if (entry.bytes + incoming <= quotaBytes) {
      entry.bytes += incoming;
      return true;
    }
    // Near the quota: count exactly. A push that does not grow the store (edits, deletions) is always
    // taken, so an organisation over its quota can still delete to get under it.
    entry = await count(orgId);
    const replaced = await replacedBytes();
    const after = entry.bytes - replaced + incoming;
    if (after > quotaBytes && incoming > replaced) return false;
    entry.bytes = after;
    return true;
  };
  return {
    admit: (orgId, collection, rows) =>
      grow(
        orgId,
        rows.reduce((sum, row) => sum + row.doc.length, 0),
        () =>
          storage.documentBytes(
            orgId,
            collection,
            rows.map((row) => row.id),
          ),
      ),
    admitBytes: (orgId, bytes) => grow(orgId, bytes, () => Promise.resolve(0)),
  };
};
