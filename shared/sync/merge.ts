// Conflict resolution on the client, which alone can decrypt: records merge field by field against the
// state both sides started from, and a field both sides changed keeps the loser in a 'conflict' record of
// the same subject; key pages merge as sets, and an erased entry stays erased.
import type { RxConflictHandler, WithDeleted } from 'rxdb';
import type { EnvelopeCipher } from '../crypto';
import { loadSodium, type Sodium } from '../crypto';
import { recordAddress } from '../store';
import { settingAddress, type OrganisationCollection } from '../store';
import type { AuditDoc, ItemDoc, KeyDoc, RecordDoc, SettingDoc } from '../store';
import type { Session } from '../vault';
import { countDiscarded } from './discard-notice';
import { ERASED_PAYLOAD } from './protocol';

export type Fields = Readonly<Record<string, unknown>>;

export const CONFLICT_KIND = 'conflict';
export const CONFLICT_VERSION = 1;

/** What a conflict record holds, encrypted with the subject's key: enough to show and undo the choice. */
export interface ConflictPayload {
  readonly recordId: string;
  readonly recordKind: string;
  readonly field: string;
  /** Undefined when the losing side had removed the field. */
  readonly losingValue: unknown;
  readonly winningValue: unknown;
  readonly losingUpdatedAt: number;
  readonly winningUpdatedAt: number;
}

export interface MergeSide {
  readonly fields: Fields;
  readonly updatedAt: number;
}

export interface FieldLoss {
  readonly field: string;
  readonly losingValue: unknown;
  readonly winningValue: unknown;
  readonly losingUpdatedAt: number;
  readonly winningUpdatedAt: number;
}

/** JSON with sorted keys: equal values give equal text whatever order their keys were written in. */
export const canonical = (value: unknown): string =>
  JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : 1)))
      : v,
  ) ?? 'undefined';

const same = (a: unknown, b: unknown): boolean => canonical(a) === canonical(b);

/**
 * Which side wins a field both changed: the later write, then the larger canonical value, so every device
 * that resolves the same conflict picks the same winner.
 */
const localWins = (local: MergeSide, remote: MergeSide, field: string): boolean => {
  if (local.updatedAt !== remote.updatedAt) return local.updatedAt > remote.updatedAt;
  return canonical(local.fields[field]) > canonical(remote.fields[field]);
};

/** Three-way merge of top-level fields. Without a base, every differing field counts as changed on both. */
export const mergeFields = (
  base: Fields | undefined,
  local: MergeSide,
  remote: MergeSide,
): { fields: Record<string, unknown>; losses: FieldLoss[] } => {
  const fields: Record<string, unknown> = {};
  const losses: FieldLoss[] = [];
  const names = [...new Set([...Object.keys(local.fields), ...Object.keys(remote.fields)])].sort();
  for (const field of names) {
    const l = local.fields[field];
    const r = remote.fields[field];
    let chosen: unknown;
    if (same(l, r)) chosen = l;
    else if (base && same(l, base[field])) chosen = r;
    else if (base && same(r, base[field])) chosen = l;
    else {
      const [winner, loser] = localWins(local, remote, field) ? [local, remote] : [remote, local];
      chosen = winner.fields[field];
      losses.push({
        field,
        losingValue: loser.fields[field],
        winningValue: chosen,
        losingUpdatedAt: loser.updatedAt,
        winningUpdatedAt: winner.updatedAt,
      });
    }
    if (chosen !== undefined) fields[field] = chosen;
  }
  return { fields, losses };
};

/**
 * Three-way merge of a key page's entries: an entry the base had and either side lacks was erased and
 * stays erased; an entry added on either side is kept.
 */
export const mergeKeyEntries = (
  base: Readonly<Record<string, string>> | undefined,
  local: Readonly<Record<string, string>>,
  remote: Readonly<Record<string, string>>,
): Record<string, string> => {
  const merged: Record<string, string> = {};
  for (const subjectId of [...new Set([...Object.keys(local), ...Object.keys(remote)])].sort()) {
    const l = local[subjectId];
    const r = remote[subjectId];
    if (base && subjectId in base && (l === undefined || r === undefined)) continue;
    const kept = r ?? l;
    if (kept !== undefined) merged[subjectId] = kept;
  }
  return merged;
};

const pageEntries = (doc: WithDeleted<KeyDoc> | undefined): Record<string, string> | undefined => {
  if (!doc) return undefined;
  if (doc._deleted) return {};
  try {
    const value: unknown = JSON.parse(doc.payload);
    return value && typeof value === 'object' && !Array.isArray(value)
      ? (value as Record<string, string>)
      : {};
  } catch {
    return {};
  }
};

/** Whether two wire states are the same document, compared by `fields` and deletion (no decryption). */
export const sameWire = (
  a: Record<string, unknown>,
  b: Record<string, unknown>,
  fields: readonly string[],
): boolean =>
  fields.every((field) => a[field] === b[field]) && (a._deleted === true) === (b._deleted === true);

/** The fields a records' (and items') and a settings' conflict check compare. */
export const RECORD_WIRE_FIELDS = ['id', 'kind', 'subjectId', 'keyId', 'v', 'payload', 'updatedAt'] as const;
export const SETTING_WIRE_FIELDS = ['id', 'kind', 'keyId', 'v', 'payload', 'updatedAt'] as const;

/** RxDB's conflict handler for key pages. */
export const keysConflictHandler: RxConflictHandler<KeyDoc> = {
  isEqual: (a, b) => sameWire({ ...a }, { ...b }, ['id', 'keyId', 'payload']),
  resolve: async ({ assumedMasterState, realMasterState, newDocumentState }) => {
    const entries = mergeKeyEntries(
      pageEntries(assumedMasterState),
      pageEntries(newDocumentState) ?? {},
      pageEntries(realMasterState) ?? {},
    );
    const empty = Object.keys(entries).length === 0;
    // An emptied page is blanked and deleted, as DataKeys does locally.
    return {
      id: realMasterState.id,
      keyId: realMasterState.keyId,
      payload: JSON.stringify(entries),
      _deleted: empty,
    };
  },
};

export interface RecordMergeContext {
  readonly sodium: Sodium;
  readonly cipher: EnvelopeCipher;
  /** The subject's data key (Session.dataKey); throws when it is missing, and the push is retried. */
  readonly dataKey: (subjectId: string, pageId: string) => Promise<Uint8Array>;
  /** Stores the conflict records of a resolution (upsert: a repeated resolution writes the same ids). */
  readonly saveConflicts: (docs: RecordDoc[]) => Promise<void>;
  /** Which collection the handler merges (its documents' associated data); conflicts always go to records. */
  readonly collection?: 'records' | 'items';
  /**
   * A local change to a subject the server erased was refused: counted for the notice "n changes to an
   * erased person were discarded" (never kept as a conflict record, which would bring the data back).
   */
  readonly discardedErased?: (doc: WithDeleted<RecordDoc>) => Promise<void>;
}

/** The server's tombstone of an erased subject's document (ERASED_PAYLOAD). */
export const isErasedTombstone = (doc: { _deleted?: boolean; payload: string }): boolean =>
  doc._deleted === true && doc.payload === ERASED_PAYLOAD;

/** RxDB's conflict handler for records: decrypts all three states and merges them field by field. */
export const recordsConflictHandler = (context: RecordMergeContext): RxConflictHandler<RecordDoc> => ({
  isEqual: (a, b) => sameWire({ ...a }, { ...b }, RECORD_WIRE_FIELDS),
  resolve: async ({ assumedMasterState, realMasterState, newDocumentState }) => {
    // An erasure is final: the stale edit is refused whole, and only counted.
    if (isErasedTombstone(realMasterState)) {
      if (!newDocumentState._deleted) await context.discardedErased?.(newDocumentState);
      return realMasterState;
    }
    // A deletion wins: a deleted subject's key is destroyed, an edit must not bring it back.
    if (realMasterState._deleted) return realMasterState;
    if (newDocumentState._deleted) return newDocumentState;
    const { cipher } = context;
    const key = await context.dataKey(realMasterState.subjectId, realMasterState.keyId);
    const open = (doc: WithDeleted<RecordDoc>): Fields =>
      cipher.openJson(
        doc.payload,
        key,
        recordAddress(doc.id, doc.subjectId, doc.keyId, context.collection),
      ) as Fields;
    const base = assumedMasterState && !assumedMasterState._deleted ? open(assumedMasterState) : undefined;
    const local = { fields: open(newDocumentState), updatedAt: newDocumentState.updatedAt };
    const remote = { fields: open(realMasterState), updatedAt: realMasterState.updatedAt };
    const { fields, losses } = mergeFields(base, local, remote);
    const updatedAt = Math.max(local.updatedAt, remote.updatedAt);
    if (losses.length) {
      await context.saveConflicts(
        losses.map((loss) => {
          const payload: ConflictPayload = {
            recordId: realMasterState.id,
            recordKind: realMasterState.kind,
            ...loss,
          };
          // Derived from both states, so resolving the same conflict twice writes the same record.
          const id = context.sodium.to_hex(
            context.sodium.crypto_generichash(
              18,
              `${realMasterState.id}\n${loss.field}\n${realMasterState.payload}\n${newDocumentState.payload}`,
              null,
            ),
          );
          return {
            id,
            kind: CONFLICT_KIND,
            subjectId: realMasterState.subjectId,
            keyId: realMasterState.keyId,
            v: CONFLICT_VERSION,
            payload: cipher.sealJson(
              payload,
              key,
              recordAddress(id, realMasterState.subjectId, realMasterState.keyId),
            ),
            updatedAt,
          };
        }),
      );
    }
    return {
      id: realMasterState.id,
      kind: realMasterState.kind,
      subjectId: realMasterState.subjectId,
      keyId: realMasterState.keyId,
      v: Math.max(newDocumentState.v, realMasterState.v),
      payload: cipher.sealJson(
        fields,
        key,
        recordAddress(
          realMasterState.id,
          realMasterState.subjectId,
          realMasterState.keyId,
          context.collection,
        ),
      ),
      updatedAt,
      _deleted: false,
    };
  },
});

/**
 * RxDB's conflict handler for organisation settings: a field merge whose losing values are not kept as
 * conflict records (settings hold no personal data and are changed by admins; the later write wins).
 */
export const settingsConflictHandler = (
  cipher: EnvelopeCipher,
  orgKey: () => Uint8Array,
  collection: OrganisationCollection = 'settings',
): RxConflictHandler<SettingDoc> => ({
  isEqual: (a, b) => sameWire({ ...a }, { ...b }, SETTING_WIRE_FIELDS),
  resolve: ({ assumedMasterState, realMasterState, newDocumentState }) => {
    if (realMasterState._deleted) return Promise.resolve(realMasterState);
    if (newDocumentState._deleted) return Promise.resolve(newDocumentState);
    const key = orgKey();
    const open = (doc: WithDeleted<SettingDoc>): Fields =>
      cipher.openJson(doc.payload, key, settingAddress(doc.id, doc.keyId, collection)) as Fields;
    const base = assumedMasterState && !assumedMasterState._deleted ? open(assumedMasterState) : undefined;
    const { fields } = mergeFields(
      base,
      { fields: open(newDocumentState), updatedAt: newDocumentState.updatedAt },
      { fields: open(realMasterState), updatedAt: realMasterState.updatedAt },
    );
    return Promise.resolve({
      ...realMasterState,
      v: Math.max(newDocumentState.v, realMasterState.v),
      payload: cipher.sealJson(
        fields,
        key,
        settingAddress(realMasterState.id, realMasterState.keyId, collection),
      ),
      updatedAt: Math.max(newDocumentState.updatedAt, realMasterState.updatedAt),
      _deleted: false,
    });
  },
});

export interface ConflictHandlers {
  readonly records: RxConflictHandler<RecordDoc>;
  readonly keys: RxConflictHandler<KeyDoc>;
  readonly items: RxConflictHandler<ItemDoc>;
  readonly settings: RxConflictHandler<SettingDoc>;
  readonly audit: RxConflictHandler<AuditDoc>;
  readonly compliance: RxConflictHandler<SettingDoc>;
}

/** Audit entries are never changed: the server's copy stands (a differing local one is reported by verify). */
export const auditConflictHandler: RxConflictHandler<AuditDoc> = {
  isEqual: (a, b) => a.hash === b.hash && a.id === b.id,
  resolve: ({ realMasterState }) => Promise.resolve(realMasterState),
};

/** The handlers an unlocked session syncs with: its data keys decrypt, its database keeps the losers. */
export const conflictHandlersFor = async (session: Session): Promise<ConflictHandlers> => {
  const context: RecordMergeContext = {
    sodium: await loadSodium(),
    cipher: session.cipher,
    dataKey: (subjectId, pageId) => session.dataKey(subjectId, pageId),
    saveConflicts: async (docs) => {
      await session.db.records.bulkUpsert(docs);
    },
    discardedErased: async (doc) => {
      await countDiscarded(session, `${doc.id}:${doc.updatedAt}`);
    },
  };
  return {
    keys: keysConflictHandler,
    records: recordsConflictHandler(context),
    items: recordsConflictHandler({ ...context, collection: 'items' }),
    settings: settingsConflictHandler(session.cipher, () => session.orgKey),
    audit: auditConflictHandler,
    compliance: settingsConflictHandler(session.cipher, () => session.orgKey, 'compliance'),
  };
};
