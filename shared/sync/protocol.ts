// The sync wire protocol between clients and the central server: every request and response as a zod
// schema, errors as values with codes (STYLE.md). Documents travel as envelopes whose payload the server
// never opens: it stores and compares them as opaque strings. This file holds the vocabulary (collections,
// roles, limits, error codes) and replication; accounts, the erasure ledger and key epochs have a file
// each (protocol-accounts.ts, protocol-erasure.ts, protocol-keys.ts); server-routes.ts names every route.
import { z } from 'zod';

/**
 * `compliance` holds the data-protection officer's own files — the request register, the breach register,
 * erasure certificates, retention reviews — encrypted with the organisation key like settings, but synced
 * to admins only (roles.ts).
 */
export const COLLECTIONS = ['records', 'keys', 'items', 'settings', 'audit', 'compliance'] as const;
export type Collection = (typeof COLLECTIONS)[number];
export const isCollection = (name: string): name is Collection =>
  (COLLECTIONS as readonly string[]).includes(name);

export { ROLES, type Role } from '../workspace';

/** A member is active, suspended (refused everywhere, devices kept) or removed (every device wiped). */
export const MEMBER_STATUSES = ['active', 'suspended', 'removed'] as const;
export type MemberStatus = (typeof MEMBER_STATUSES)[number];

/** Largest request body the server reads; a 100-document push of 8 KiB payloads fits comfortably. */
export const MAX_BODY_BYTES = 4 * 1024 * 1024;
/** Deepest JSON nesting any request needs (push rows are 4 levels deep). */
export const MAX_JSON_DEPTH = 16;
export const MAX_PUSH_ROWS = 500;
export const MAX_PULL_LIMIT = 1000;
/** The smallest byte bound a pull may ask for (PullQuery `bytes`). */
export const MIN_PULL_BYTES = 64 * 1024;

/**
 * What the server's tombstone of an erased subject's document holds instead of its payload (the server
 * writes it when an erasure is recorded; a device purging an erased subject writes the same).
 */
export const ERASED_PAYLOAD = 'erased';

const Id = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/);
const KeyId = z.string().regex(/^[A-Za-z0-9_:.-]{1,80}$/);
const Time = z.number().int().min(0).max(1e15);
/** Opaque encrypted text: bounded, never parsed. */
const Opaque = z
  .string()
  .min(1)
  .max(1024 * 1024);
/** Base64 or base64url text of a client-made value (keys, verifiers). */
const Blob64 = z.string().regex(/^[A-Za-z0-9+/_=-]{16,4096}$/);

/** The id, key id and base64 shapes the other protocol files (protocol-*.ts) share. */
export { Id as WireId, KeyId as WireKeyId, Blob64 as WireBlob64 };

/** A device's Ed25519 public key (base64 of 32 bytes), registered when the device signs in. */
export const SigningKey = z.string().regex(/^[A-Za-z0-9+/]{43}=$/);
/** An Ed25519 detached signature, base64 of 64 bytes. */
export const Signature = z.string().regex(/^[A-Za-z0-9+/]{86}==$/);

export const RecordWire = z.strictObject({
  id: Id,
  kind: z.string().regex(/^[a-z][a-z0-9-]{0,31}$/),
  subjectId: Id,
  keyId: KeyId,
  v: z.number().int().min(1).max(1000),
  payload: Opaque,
  updatedAt: Time,
  _deleted: z.boolean(),
});
export type RecordWire = z.infer<typeof RecordWire>;

export const KeyWire = z.strictObject({
  id: Id,
  keyId: KeyId,
  payload: Opaque,
  _deleted: z.boolean(),
});
export type KeyWire = z.infer<typeof KeyWire>;

/** An organisation setting (purposes register, pipeline stages...), encrypted with the organisation key. */
export const SettingWire = RecordWire.omit({ subjectId: true });
export type SettingWire = z.infer<typeof SettingWire>;

/** An audit-trail entry (shared/audit/chain.ts): the server checks its chain link and anchors its head. */
const Hash = z.string().regex(/^[0-9a-f]{64}$/);
export const AuditWire = z.strictObject({
  id: Id,
  deviceId: Id,
  seq: z.number().int().min(1).max(Number.MAX_SAFE_INTEGER),
  at: Time,
  keyId: KeyId,
  payload: Opaque,
  prevHash: Hash,
  hash: Hash,
  /** The public signing key of the device whose chain this is: one key per chain (audit/chain.ts). */
  signer: SigningKey,
  /** The device's signature over `hash`. */
  sig: Signature,
  _deleted: z.literal(false),
});
export type AuditWire = z.infer<typeof AuditWire>;

export type SyncDocument = RecordWire | KeyWire | SettingWire | AuditWire;
export const documentSchema = (collection: Collection) =>
  collection === 'keys'
    ? KeyWire
    : collection === 'settings' || collection === 'compliance'
      ? SettingWire
      : collection === 'audit'
        ? AuditWire
        : RecordWire;

/** One RxDB push row: the state the client wants, and the master state it last saw (none if new). */
export const pushRowSchema = (collection: Collection) => {
  const doc = documentSchema(collection);
  return z.strictObject({ newDocumentState: doc, assumedMasterState: doc.nullish() });
};
export const pushRequestSchema = (collection: Collection) =>
  z.array(pushRowSchema(collection)).min(1).max(MAX_PUSH_ROWS);
export interface PushRow<D extends SyncDocument = SyncDocument> {
  newDocumentState: D;
  assumedMasterState?: D | null | undefined;
}

/** Push answers the current master states of the rows that conflicted; empty means all were written. */
export type PushResponse = SyncDocument[];

export const PullQuery = z.strictObject({
  checkpoint: z.coerce.number().int().min(0).max(Number.MAX_SAFE_INTEGER).default(0),
  limit: z.coerce.number().int().min(1).max(MAX_PULL_LIMIT).default(200),
  /** A smaller byte bound than the server's for this page (a first sync's pages); at least 64 KiB. */
  bytes: z.coerce.number().int().min(MIN_PULL_BYTES).max(Number.MAX_SAFE_INTEGER).optional(),
  /** `1`: the answer also says how many documents come after the checkpoint (`remaining`). */
  count: z.literal('1').optional(),
  /**
   * `held` (settings, a device's first sync): of the move notes of subjects' first arrivals into a
   * territory (shared/territories/tags.ts), only those into territories the caller holds. A device that
   * holds no key page yet never held the subjects that arrived elsewhere, so those notes prove nothing to
   * it; without this, its first sync takes in the whole organisation's first arrivals.
   */
  arrivals: z.literal('held').optional(),
  /**
   * The `horizon` of the page that gave this checkpoint: a checkpoint below the tombstone horizon is
   * refused unless this is the horizon still (no purge since that page was read).
   */
  horizon: z.coerce.number().int().min(0).max(Number.MAX_SAFE_INTEGER).optional(),
});
export type PullQuery = z.infer<typeof PullQuery>;
/** Documents written after the checkpoint, in sequence order; checkpoint is the last one's sequence. */
export interface PullResponse {
  documents: SyncDocument[];
  checkpoint: number;
  /** The server's byte bound cut this page short of the limit: more documents wait, pull again. */
  more?: true;
  /**
   * The tombstone horizon (the last purged sequence; absent until a purge), read just before this page:
   * a pull from the page's checkpoint below it sends it back (PullQuery `horizon`).
   */
  horizon?: number;
  /** Asked with `count=1`: the documents after the request's checkpoint, this page's included. */
  remaining?: number;
}

/**
 * Sent on the Server-Sent Events stream after every accepted write: clients pull from their checkpoint.
 * A stream opened with `?documents=1` (STREAM_DOCUMENTS_QUERY) also carries, for a push to a collection
 * the device may pull whose documents fit in CARRY_MAX_BYTES, the documents themselves as a pull would
 * answer them (sequence order, `checkpoint` the last one's sequence) and `previous`, the sequence of the
 * collection's newest document before them. A device whose checkpoint for that collection is `previous`
 * applies them without pulling; any other device pulls, as for an event without documents. Older clients
 * do not ask and get `{ checkpoint }` alone.
 */
export interface StreamEvent {
  checkpoint: number;
  collection?: Collection;
  previous?: number;
  documents?: SyncDocument[];
}

/** An event that carries its documents (see StreamEvent). */
export type CarriedEvent = Required<StreamEvent>;

/** The query that asks the stream to carry documents: `GET /sync/stream?documents=1`. */
export const STREAM_DOCUMENTS_QUERY = 'documents=1';

/**
 * The most document text (canonical JSON, bytes) one event carries; a larger push is announced only and
 * devices pull it. Below PostgreSQL's 8,000-byte NOTIFY payload, which relays it between instances.
 */
export const CARRY_MAX_BYTES = 6000;

const Sequence = z.number().int().min(0).max(Number.MAX_SAFE_INTEGER);
const EventHead = z.object({ checkpoint: Sequence });
const CarriedHead = z.object({
  checkpoint: Sequence,
  collection: z.enum(COLLECTIONS),
  previous: Sequence,
  documents: z.array(z.unknown()).min(1).max(MAX_PUSH_ROWS),
});

/**
 * Reads an event's data as a client must: a carried event whose documents do not all match their
 * collection's schema, or whose sequences do not run forwards, is taken as an announcement (pull).
 */
export const parseStreamEvent = (data: unknown): StreamEvent => {
  // Schemas made once: zod compiles each on first use, which cost more than the parse at every event.
  const head = EventHead.safeParse(data);
  if (!head.success) return { checkpoint: 0 };
  const carried = CarriedHead.safeParse(data);
  if (!carried.success || carried.data.previous >= carried.data.checkpoint) return head.data;
  const schema = documentSchema(carried.data.collection);
  const documents: SyncDocument[] = [];
  for (const doc of carried.data.documents) {
    const parsed = schema.safeParse(doc);
    if (!parsed.success) return { checkpoint: head.data.checkpoint };
    documents.push(parsed.data);
  }
  return { ...carried.data, documents };
};

export const ERROR_CODES = [
  'bad-request',
  /** An audit entry that does not continue its device's chain, or that would change a stored one. */
  'audit-chain',
  /** An audit entry not signed by the pushing device's registered key. */
  'audit-unsigned',
  /** An audit entry for a chain another device's key started: only that device extends it. */
  'audit-chain-foreign',
  /** An erasure order not signed by the calling device's registered key. */
  'erasure-unsigned',
  /** The user was suspended by an admin: refused everywhere until reinstated. */
  'account-suspended',
  /** The change would leave the organisation without an active admin. */
  'last-admin',
  /** POST /auth/keys lost a race with another change of the same account: the passphrase changed. */
  'passphrase-changed',
  /** POST /keys/rotate from an epoch that is no longer the current one: another rotation won. */
  'epoch-stale',
  /** POST /keys/rotate without a grant for every member who holds the organisation key. */
  'grants-incomplete',
  /** POST /keys/epochs/:id/finish while key pages are still under an older epoch. */
  'pages-pending',
  /**
   * A pushed key page wrapped under an epoch other than the current one: the device must adopt the
   * current page key (GET /keys) and re-wrap it first, so no page is ever left unreadable.
   */
  'key-epoch-stale',
  'malformed-json',
  'too-large',
  'too-deep',
  'forbidden-key',
  'unknown-collection',
  'unauthenticated',
  'token-expired',
  'device-revoked',
  'forbidden',
  'awaiting-org-key',
  'wrong-credentials',
  'too-many-attempts',
  'org-exists',
  'user-exists',
  'foreign-id',
  'not-found',
  'resync-required',
  /**
   * 409 on a pull: the checkpoint was issued by a database the server was restored over (from a backup).
   * The device pulls from 0 and pushes again what it holds that the server lost.
   */
  'server-restored',
  /** GET /erasures/:subjectId for a subject that was never erased. */
  'not-erased',
  /**
   * A push that would rewrite or tombstone a key page another device wrote first (destroying data keys):
   * only admins may, or the erasure path (the server strips erased subjects itself).
   */
  'key-page-admin-only',
  /** A push that would overwrite or delete an append-only item (a ledger entry: consent, field history). */
  'append-only',
  /**
   * A push that would destroy the data key of a subject that has append-only items: removing their
   * evidence is an erasure (POST /erasures, admins), not a delete.
   */
  'subject-has-ledger',
  'unsupported-media-type',
  /** The request (or its headers) did not arrive within the server's timeout. */
  'request-timeout',
  /** 503: the server holds as many event streams as it allows (per device or in total); retry later. */
  'too-many-streams',
  /** 507: the push would grow the organisation's stored data past the server's quota. */
  'quota-exceeded',
  /**
   * 507: the server's own disk is full (SQLite SQLITE_FULL, ENOSPC, PostgreSQL disk_full); nothing was
   * stored. Like quota-exceeded, the write stays on the device until whoever runs the server makes room.
   */
  'storage-full',
  /** 403: an organisation exists; creating another needs the server's setup code. */
  'setup-code-required',
  'internal',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

/** A full server (the organisation's quota, or its disk): only a person makes room, so clients back off. */
export const FULL_ERRORS: ReadonlySet<string> = new Set<ErrorCode>(['quota-exceeded', 'storage-full']);

export interface ErrorBody {
  ok: false;
  error: ErrorCode;
  /** Only with 'device-revoked': the device must destroy its local copy. */
  wipe?: true;
}
