// A territory's key epochs on one device (issue 19). When a holder leaves a territory, an admin's device
// moves its key to a new epoch (rotation.ts); every key page of the territory is then re-wrapped under the
// new key: its subjects' data keys are sealed again under it, the page keeps its id, and the records and
// items that name the page are not touched (their data keys do not change, so neither does their
// ciphertext). The server takes a territory's pages only under its current epoch (server/routes/
// territories.ts), so a page this device wrote under an older one — a customer added offline — is re-wrapped
// here before it can be pushed.
//
// The device's territory keys are one map, id → key (vault/territory-keys.ts). The current epoch of a
// territory comes first in it; an older epoch of a territory still held follows, and is kept only while a
// page on this device is still under it: for a page this device may re-wrap, until it has done so; for one
// it may not (an admin's page), until the admin's re-wrapped copy arrives by sync.
import { wipe } from '../crypto';
import { keyPageEntries, type KeyDoc } from '../store';
import type { Session } from '../vault';
import { territoryOfKeyId } from './tags';

export interface RewrapProgress {
  /** Data keys re-wrapped so far, of `total`. */
  readonly done: number;
  readonly total: number;
}

export interface RewrapOptions {
  /** Which pages this device may rewrite (an admin's: all; others: the pages they wrote). */
  readonly mayRewrite: (pageId: string) => Promise<boolean>;
  /** Only these territories (all held by default). */
  readonly tags?: ReadonlySet<string>;
  readonly onProgress?: (progress: RewrapProgress) => void;
  /** Resolves when the work may go on, between pages (a macrotask, so the screen keeps painting). */
  readonly pause?: () => Promise<void>;
}

/** The current key id of each territory this device holds: the first of its territory in the map. */
export const currentTerritoryKeyIds = (keys: ReadonlyMap<string, Uint8Array>): Map<string, string> => {
  const current = new Map<string, string>();
  for (const keyId of keys.keys()) {
    const tag = territoryOfKeyId(keyId);
    if (tag && !current.has(tag)) current.set(tag, keyId);
  }
  return current;
};

/** The key ids that a key page on this device is under, of those given. */
export const keyIdsInUse = async (session: Session, keyIds: readonly string[]): Promise<Set<string>> => {
  if (!keyIds.length) return new Set();
  const pages = await session.db.keys.find({ selector: { keyId: { $in: [...keyIds] } } }).exec();
  return new Set(pages.map((p) => p.keyId));
};

/**
 * Re-wraps the territory key pages on this device that are under an older epoch it still holds, moving
 * them to their territory's current epoch; each page is written in one step from its latest stored state.
 * Pages under a key this device does not hold are left for a device that does. Answers the pages and the
 * data keys re-wrapped.
 */
export const rewrapTerritoryPages = async (
  session: Session,
  options: RewrapOptions,
): Promise<{ pages: number; keys: number }> => {
  const held = session.territoryKeys;
  const current = currentTerritoryKeyIds(held);
  const targetOf = (keyId: string): string | undefined => {
    const tag = territoryOfKeyId(keyId);
    if (!tag || (options.tags && !options.tags.has(tag))) return undefined;
    const to = current.get(tag);
    return to !== undefined && to !== keyId && held.has(keyId) ? to : undefined;
  };
  const older = [...held.keys()].filter((keyId) => targetOf(keyId) !== undefined);
  if (!older.length) return { pages: 0, keys: 0 };
  const stale: { id: string; total: number }[] = [];
  for (const page of await session.db.keys.find({ selector: { keyId: { $in: older } } }).exec()) {
    if (targetOf(page.keyId) === undefined || !(await options.mayRewrite(page.id))) continue;
    stale.push({ id: page.id, total: Object.keys(keyPageEntries(page.payload)).length });
  }
  const total = stale.reduce((sum, p) => sum + p.total, 0);
  let done = 0;
  let pages = 0;
  options.onProgress?.({ done, total });
  const { cipher } = session;
  for (const { id } of stale) {
    const doc = await session.db.keys.findOne(id).exec();
    if (!doc) continue;
    let count = 0;
    const updated = await doc.incrementalModify((latest: KeyDoc) => {
      const to = targetOf(latest.keyId);
      const fromKey = held.get(latest.keyId);
      const toKey = to && held.get(to);
      if (!to || !fromKey || !toKey) return latest;
      const entries = keyPageEntries(latest.payload);
      const next: Record<string, string> = {};
      for (const [subjectId, sealed] of Object.entries(entries)) {
        const key = cipher.openBytes(sealed, fromKey, {
          collection: 'keys',
          id: subjectId,
          keyId: latest.keyId,
        });
        try {
          next[subjectId] = cipher.sealBytes(key, toKey, { collection: 'keys', id: subjectId, keyId: to });
        } finally {
          wipe(key);
        }
      }
      count = Object.keys(next).length;
      return { ...latest, keyId: to, payload: JSON.stringify(next) };
    });
    if (updated.keyId !== doc.keyId) {
      pages++;
      done += count;
    }
    options.onProgress?.({ done, total });
    await options.pause?.();
  }
  return { pages, keys: done };
};

/**
 * Lets go of the older epochs no page on this device is under any more (the current epoch of every
 * territory stays). Answers how many keys went.
 */
export const dropSpentTerritoryKeys = async (session: Session): Promise<number> => {
  const held = session.territoryKeys;
  const current = new Set(currentTerritoryKeyIds(held).values());
  const older = [...held.keys()].filter((keyId) => !current.has(keyId));
  const inUse = await keyIdsInUse(session, older);
  const spent = older.filter((keyId) => !inUse.has(keyId));
  if (spent.length)
    await session.adoptTerritoryKeys(new Map([...held].filter(([keyId]) => !spent.includes(keyId))));
  return spent.length;
};
