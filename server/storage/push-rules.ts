// How one push row meets the stored master state and the erasure ledger; both adapters apply the same
// rules inside their push transaction, so the embedded database and PostgreSQL refuse exactly the same.
import type { Collection, Role } from '../../shared/sync';
import { CARRY_MAX_BYTES, isAppendOnlyKind, mayRewriteAnyKeyPage } from '../../shared/sync';
import { territoryOfDocument } from '../../shared/territories';
import type { StoredPushRow } from './types';

export type RowDecision = 'write' | 'same' | 'conflict' | 'foreign';

/** The payload of every document the server replaced because its subject was erased. */
export const ERASED_PAYLOAD = 'erased';

export interface Master {
  orgId: string;
  doc: string;
  deleted: boolean;
  /** The device that first wrote the document (null: written by the server or before devices were recorded). */
  firstDevice?: string | null;
}

/** Who pushes: the device and its user's role. Absent for the server's own writes (bench, tests). */
export interface Writer {
  role: Role;
  deviceId: string | null;
}

export type PushRefusal = 'key-page-admin-only' | 'append-only' | 'subject-has-ledger' | 'key-epoch-stale';

/** A push that breaks a write rule: the whole push is refused and nothing of it is stored. */
export class PushRefusedError extends Error {
  constructor(
    readonly code: PushRefusal,
    readonly collection: Collection,
  ) {
    super(code);
  }
}

export const decideRow = (orgId: string, row: StoredPushRow, master: Master | undefined): RowDecision => {
  // Ids are global: an id held by another organisation is never read, overwritten or reported.
  if (master && master.orgId !== orgId) return 'foreign';
  // A retried push that already landed: success, nothing new written.
  if (master && master.doc === row.doc) return 'same';
  if (!master) return 'write';
  return row.assumed === master.doc ? 'write' : 'conflict';
};

/** Collections whose documents are about one data subject, encrypted with its data key. */
export const isSubjectCollection = (collection: Collection): boolean =>
  collection === 'records' || collection === 'items';

/** The plaintext metadata the server indexes: random ids and kinds, never payloads. */
export interface DocMeta {
  kind: string | null;
  subjectId: string | null;
  /** A key page's keyId (the page key's epoch id, or the organisation key's id before epochs). */
  keyId: string | null;
  /** The territory's tag (territoryOfDocument), null for a document of no territory: what pulls select by. */
  territory: string | null;
}

type Json = Record<string, unknown>;
const field = (value: unknown): string | null => (typeof value === 'string' ? value : null);

export const docMeta = (collection: Collection, doc: string): DocMeta => {
  const value = JSON.parse(doc) as Json;
  return {
    kind: collection === 'keys' || collection === 'audit' ? null : field(value.kind),
    subjectId: isSubjectCollection(collection) ? field(value.subjectId) : null,
    keyId: collection === 'keys' ? field(value.keyId) : null,
    territory: territoryOfDocument(collection, value),
  };
};

/**
 * A record or item of an erased subject as the server keeps it: the envelope's metadata, the payload
 * replaced by a fixed marker, deleted. Keys in the wire schema's order, so it is always the same text.
 */
export const erasedTombstone = (doc: string): string => {
  const d = JSON.parse(doc) as Json;
  return JSON.stringify({
    id: d.id,
    kind: d.kind,
    subjectId: d.subjectId,
    keyId: d.keyId,
    v: d.v,
    payload: ERASED_PAYLOAD,
    updatedAt: d.updatedAt,
    _deleted: true,
  });
};

/** A key page's payload is plaintext JSON {subjectId: sealed data key}; anything else has no entries. */
const pageEntries = (doc: string): Json | null => {
  try {
    const payload = (JSON.parse(doc) as Json).payload;
    const entries: unknown = typeof payload === 'string' ? JSON.parse(payload) : null;
    return entries && typeof entries === 'object' && !Array.isArray(entries) ? (entries as Json) : null;
  } catch {
    return null;
  }
};

export const pageSubjects = (doc: string): string[] => Object.keys(pageEntries(doc) ?? {});

/** The keys a page holds as a live document: none once tombstoned, and none of erased subjects. */
const liveEntries = (doc: string, deleted: boolean, erased: ReadonlySet<string>): Json =>
  deleted ? {} : Object.fromEntries(Object.entries(pageEntries(doc) ?? {}).filter(([id]) => !erased.has(id)));

const keyIdOf = (doc: string): unknown => (JSON.parse(doc) as Json).keyId;

/**
 * The subjects whose data key the row would destroy: entries of the stored page's live keys that the row
 * drops, replaces, tombstones, or makes unopenable (another keyId). Erased subjects are not counted.
 */
export const destroyedKeys = (
  row: { doc: string; deleted: boolean },
  master: Master,
  erased: ReadonlySet<string>,
): string[] => {
  const before = liveEntries(master.doc, master.deleted, erased);
  const after = liveEntries(row.doc, row.deleted, erased);
  const sameKeyId = keyIdOf(row.doc) === keyIdOf(master.doc);
  return Object.keys(before).filter((id) => !sameKeyId || after[id] !== before[id]);
};

/**
 * Whether a row changes the keys of a stored page at all. Blanking or tombstoning a page whose keys are
 * all gone (the erasure path emptied it) changes none.
 */
const changesKeys = (row: { doc: string; deleted: boolean }, master: Master, erased: ReadonlySet<string>) =>
  Object.keys(liveEntries(master.doc, master.deleted, erased)).length > 0 ||
  Object.keys(liveEntries(row.doc, row.deleted, erased)).length > 0;

/**
 * The subjects a restricted writer's push would take a data key from, on pages its own device wrote first:
 * the adapter looks up which of them have append-only items (planPush's `ledgerSubjects`).
 */
export const ownKeysDestroyed = (
  collection: Collection,
  rows: readonly StoredPushRow[],
  masters: ReadonlyMap<string, Master>,
  erased: ReadonlySet<string>,
  writer: Writer | undefined,
): string[] => {
  if (collection !== 'keys' || !writer || mayRewriteAnyKeyPage(writer.role)) return [];
  const subjects = new Set<string>();
  for (const row of rows) {
    const master = masters.get(row.id);
    if (!master || master.doc === row.doc || master.firstDevice !== writer.deviceId) continue;
    for (const id of destroyedKeys(row, master, erased)) subjects.add(id);
  }
  return [...subjects];
};

/**
 * Once the organisation has key epochs, every live key page a push writes is wrapped under the current
 * epoch's page key: a page under an older epoch (or the organisation key of before epochs) would keep an
 * epoch from finishing, or be left unreadable once devices destroy the older page keys. The adapter reads
 * the current epoch inside the push transaction, serialised with rotations; null: no epochs, no rule.
 * Tombstones are not held to it (the other rules still apply to them). Throws PushRefusedError.
 */
export const checkKeyEpoch = (
  collection: Collection,
  rows: readonly StoredPushRow[],
  currentEpochId: string | null,
): void => {
  if (collection !== 'keys' || currentEpochId === null) return;
  // A territory's page (id `t<tag>-…`) is under its territory's key `t<tag>:<epoch>` (shared/territories/
  // tags.ts), not the page key; which epoch is the territory's is the route's check (routes/territories.ts).
  // Any other page naming a territory's key is held to the page key's epoch like every page.
  const territoryPage = (row: StoredPushRow) => {
    const keyId = keyIdOf(row.doc);
    const tag = typeof keyId === 'string' ? /^t([0-9a-f]{16}):/.exec(keyId)?.[1] : undefined;
    return tag !== undefined && row.id.startsWith(`t${tag}-`);
  };
  if (rows.some((row) => !row.deleted && keyIdOf(row.doc) !== currentEpochId && !territoryPage(row)))
    throw new PushRefusedError('key-epoch-stale', collection);
};

/** The key page without the entries of erased subjects, or null when it holds none of them. */
export const stripKeyPage = (doc: string, erased: ReadonlySet<string>): string | null => {
  const entries = pageEntries(doc);
  if (!entries || !Object.keys(entries).some((id) => erased.has(id))) return null;
  const kept = Object.fromEntries(Object.entries(entries).filter(([id]) => !erased.has(id)));
  const d = JSON.parse(doc) as Json;
  // Same key order as the wire schema (KeyWire), so a client that stripped the same entry sends the same text.
  return JSON.stringify({ id: d.id, keyId: d.keyId, payload: JSON.stringify(kept), _deleted: d._deleted });
};

/** The subject ids a push touches, to look up in the erasure ledger. */
export const pushSubjects = (collection: Collection, rows: readonly StoredPushRow[]): string[] => {
  if (collection === 'keys') return [...new Set(rows.flatMap((row) => pageSubjects(row.doc)))];
  if (!isSubjectCollection(collection)) return [];
  return [...new Set(rows.map((row) => docMeta(collection, row.doc).subjectId ?? ''))].filter(Boolean);
};

export interface PlannedWrite extends DocMeta {
  id: string;
  doc: string;
  deleted: boolean;
}

export interface PushPlan {
  writes: PlannedWrite[];
  /** Master states answered to the client: stale rows, and rows the erasure ledger refused or changed. */
  conflicts: string[];
  /** Rows refused, rewritten or stripped because of an erased subject (a count, for the log). */
  erased: number;
}

/**
 * The write rules, for a row that would change a stored document (its text differs), whatever master
 * state the client assumed — a stale attempt is refused as plainly as a current one:
 * - an append-only item (a ledger entry) is never overwritten or deleted by a client; only the server's
 *   erasure tombstones it (the erased-subject branch of planPush, and Storage.erase);
 * - a key page's keys change only by an admin, or by the device that first wrote the page (rolling back
 *   its own cancelled batch, deleting a person it added) — and even then not the key of a subject that has
 *   append-only items, which only an erasure may destroy. Blanking or tombstoning a page the erasure
 *   ledger already emptied changes no key and stays allowed for every writer.
 */
const checkRules = (
  collection: Collection,
  row: { doc: string; deleted: boolean },
  master: Master,
  erased: ReadonlySet<string>,
  writer: Writer | undefined,
  ledgerSubjects: ReadonlySet<string>,
): void => {
  if (row.doc === master.doc) return;
  if (collection === 'items') {
    if (
      isAppendOnlyKind(docMeta('items', master.doc).kind) ||
      isAppendOnlyKind(docMeta('items', row.doc).kind)
    )
      throw new PushRefusedError('append-only', collection);
    return;
  }
  if (collection !== 'keys' || !writer || mayRewriteAnyKeyPage(writer.role)) return;
  if (!changesKeys(row, master, erased)) return;
  if (master.firstDevice !== writer.deviceId || writer.deviceId === null)
    throw new PushRefusedError('key-page-admin-only', collection);
  if (destroyedKeys(row, master, erased).some((id) => ledgerSubjects.has(id)))
    throw new PushRefusedError('subject-has-ledger', collection);
};

/**
 * Decides every row of a push. `masters` holds the stored state of each row id, `erased` the row
 * subjects found in the organisation's ledger, `writer` who pushes (absent: the server itself) and
 * `ledgerSubjects` which of ownKeysDestroyed's subjects have append-only items. Throws ForeignIdError for
 * another organisation's id, PushRefusedError for a row that breaks a write rule (checkRules).
 */
export const planPush = (
  orgId: string,
  collection: Collection,
  rows: readonly StoredPushRow[],
  masters: ReadonlyMap<string, Master>,
  erased: ReadonlySet<string>,
  writer?: Writer,
  ledgerSubjects: ReadonlySet<string> = new Set(),
): PushPlan => {
  const plan: PushPlan = { writes: [], conflicts: [], erased: 0 };
  const write = (id: string, doc: string, deleted: boolean) =>
    plan.writes.push({ id, doc, deleted, ...docMeta(collection, doc) });
  for (const row of rows) {
    const master = masters.get(row.id);
    if (master && master.orgId !== orgId) throw new ForeignIdError();
    const subjectId = isSubjectCollection(collection) ? docMeta(collection, row.doc).subjectId : null;
    if (subjectId !== null && erased.has(subjectId)) {
      plan.erased += 1;
      // Already gone on the server: a late tombstone changes nothing, a late edit is answered with it.
      if (master?.deleted) {
        if (!row.deleted) plan.conflicts.push(master.doc);
        continue;
      }
      // Stored without its payload either way; a live row is refused, and its id burnt by the tombstone.
      const tombstone = erasedTombstone(row.doc);
      write(row.id, tombstone, true);
      if (!row.deleted) plan.conflicts.push(tombstone);
      continue;
    }
    const stripped = collection === 'keys' && erased.size > 0 ? stripKeyPage(row.doc, erased) : null;
    const candidate = stripped === null ? row : { ...row, doc: stripped };
    if (master) checkRules(collection, candidate, master, erased, writer, ledgerSubjects);
    const decision = decideRow(orgId, candidate, master);
    if (stripped !== null) {
      plan.erased += 1;
      // The client must take what the server kept: the page without the erased subjects' keys.
      if (decision === 'write') write(row.id, stripped, row.deleted);
      plan.conflicts.push(decision === 'write' ? stripped : (master as Master).doc);
      continue;
    }
    if (decision === 'conflict' && master) plan.conflicts.push(master.doc);
    if (decision === 'write') write(row.id, row.doc, row.deleted);
  }
  return plan;
};

export class ForeignIdError extends Error {}

/**
 * Whether a push's written documents are small enough to travel in its stream event (CARRY_MAX_BYTES of
 * canonical text in all): then live devices apply them without pulling.
 */
export const carriable = (writes: readonly { doc: string }[]): boolean => {
  let bytes = 0;
  for (const w of writes) if ((bytes += Buffer.byteLength(w.doc)) > CARRY_MAX_BYTES) return false;
  return writes.length > 0;
};
