// The one storage interface the server speaks; sqlite.ts (embedded default) and postgres.ts implement it
// and pass the same test suite. Documents are stored as the canonical JSON text of their envelope: the
// server compares and returns them, never opens their payloads.
import type {
  MemberStatus,
  Collection,
  DeviceSummary,
  ErasureEntry,
  ExposedDocument,
  KeyEpochSummary,
  KeysResponse,
  Role,
  RotationReason,
  UserKeys,
  UserSummary,
} from '../../shared/sync';
import type { HeldPageStorage } from './held-pages';

export interface UserRow {
  id: string;
  orgId: string;
  role: Role;
  /** SHA-256 of the client's auth verifier (hex); null until an invited user joins. */
  verifierHash: string | null;
  /** SHA-256 of the invite code (hex); null once used. */
  inviteHash: string | null;
  keys: UserKeys | null;
  sealedOrgKey: string | null;
  /** Active, suspended (refused everywhere, devices kept) or removed (devices revoked and wiped); read
   * rows always carry it, a new user is active when it is left out. */
  status?: MemberStatus;
  /** When the status last changed. */
  statusAt?: number | null;
}

export interface DeviceRow {
  id: string;
  orgId: string;
  userId: string;
  tokenHash: string;
  createdAt: number;
  expiresAt: number;
  lastSyncAt: number | null;
  revokedAt: number | null;
  /** The device's Ed25519 public key (base64), registered at sign-in; null for a device from before. */
  signingKey: string | null;
}

/** A push row reduced to what storage compares: canonical JSON texts. */
export interface StoredPushRow {
  id: string;
  doc: string;
  deleted: boolean;
  /** The master state the client assumed, or null for a new document. */
  assumed: string | null;
}

export type PushOutcome =
  | {
      ok: true;
      conflicts: string[];
      sequence: number | null;
      /** Rows refused, rewritten or stripped because their subject was erased; absent when none. */
      erased?: number;
    }
  | { ok: false; error: 'foreign-id' | 'not-found' }
  /** A row broke a write rule (push-rules.ts): nothing of the push was stored. */
  | { ok: false; error: 'key-page-admin-only' | 'append-only' | 'subject-has-ledger' | 'key-epoch-stale' };

export interface PulledDocs {
  docs: { doc: string; seq: number }[];
  /** Tombstones up to this sequence were purged: an older checkpoint must resync from 0. */
  purgedThrough: number;
  /** The organisation's sequence, read before the documents. */
  sequence: number;
}

export interface WriteNotice {
  /** null: notices may have been missed (PostgreSQL's LISTEN connection was re-established). */
  orgId: string | null;
  sequence: number;
}

/**
 * What a write listener gets besides the notice for a push whose documents fit in CARRY_MAX_BYTES: the
 * collection, the sequence of its newest document before the push, and the documents written (canonical
 * text) with their sequences, in order.
 */
export interface CarriedWrite {
  collection: Collection;
  previous: number;
  docs: { doc: string; seq: number }[];
}

export interface EraseOutcome {
  /** The ledger entry: the new one, or the first one when the subject was already erased. */
  entry: ErasureEntry;
  created: boolean;
  /** Documents of the subject the server replaced by tombstones (records, items) or stripped (keys). */
  documents: number;
}

/** Where the exposure listing of one collection continues: after this document id. */
export interface ExposurePage {
  collection: ExposedDocument['collection'];
  checkpoint: number;
  after: string | null;
  limit: number;
}

/** What an admin's erasure order records in the ledger: the signed order as the device sent it. */
export interface ErasureRecord {
  subjectId: string;
  requestId: string;
  erasedBy: string;
  /** The signed order, kept for every device to check (shared/erasure/erasure-order.ts). */
  signer?: string;
  sig?: string;
  proof?: string;
}

export interface AuditAnchor {
  /** The chain's id (AuditWire.deviceId): random, made by the device. */
  deviceId: string;
  seq: number;
  hash: string;
  /** The signing key the chain was first pushed with; only the device holding it extends the chain. */
  signer: string | null;
}

/** A rotation as an admin's device asks for it (POST /keys/rotate); `grants` are opaque sealed blobs. */
export interface KeyEpochStart {
  /** The epoch rotated from: compare-and-set against the current one; null for "no epoch yet". */
  previousEpochId: string | null;
  epochId: string;
  reason: Exclude<RotationReason, 'created'>;
  createdBy: string;
  now: number;
  grants: readonly { userId: string; sealed: string }[];
}

export type KeyEpochStartOutcome =
  | { ok: true; epoch: KeyEpochSummary }
  | {
      ok: false;
      /**
       * epoch-stale: previousEpochId is not the current epoch (another rotation won); reason-mismatch:
       * 'first' for an organisation with epochs, or another reason for one without; epoch-exists: the
       * organisation already had an epoch with this id; grants-incomplete: not exactly one grant per
       * member who is not removed and holds the organisation key.
       */
      error: 'not-found' | 'epoch-stale' | 'reason-mismatch' | 'epoch-exists' | 'grants-incomplete';
    };

export type KeyEpochFinishOutcome =
  { ok: true; epoch: KeyEpochSummary } | { ok: false; error: 'not-found' | 'epoch-stale' | 'pages-pending' };

export type RotationDueReason = KeysResponse['due'][number]['reason'];

/** A device's pull of a collection, as the pull route served it. */
export interface CheckpointEntry {
  readonly deviceId: string;
  readonly collection: Collection;
  readonly checkpoint: number;
  readonly restart: boolean;
  readonly at: number;
}

export interface Storage extends HeldPageStorage {
  readonly kind: 'sqlite' | 'postgres';
  migrate(): Promise<void>;
  close(): Promise<void>;

  /** With `firstEpochId` (the client's first page key), records key epoch 0 in the same transaction. */
  createOrganisation(
    orgId: string,
    admin: UserRow,
    now: number,
    firstEpochId?: string,
  ): Promise<'ok' | 'org-exists' | 'user-exists'>;
  getUser(userId: string): Promise<UserRow | undefined>;
  /** Inserts a user (an invitation); 'user-exists' if the id is taken in any organisation. */
  insertUser(user: UserRow): Promise<'ok' | 'user-exists'>;
  /**
   * Replaces the user's keys and verifier in one step, only while the stored verifier hash is still
   * `expectedVerifierHash` (compare-and-set: two racing passphrase changes cannot both win).
   */
  replaceUserKeys(
    orgId: string,
    userId: string,
    expectedVerifierHash: string,
    fields: { verifierHash: string; keys: UserKeys },
  ): Promise<boolean>;
  /** Sets the fields of an existing user in this organisation; false if there is none. */
  updateUser(orgId: string, userId: string, fields: Partial<Omit<UserRow, 'id' | 'orgId'>>): Promise<boolean>;
  listUsers(orgId: string): Promise<UserSummary[]>;

  insertDevice(device: DeviceRow): Promise<void>;
  findDeviceByTokenHash(tokenHash: string): Promise<DeviceRow | undefined>;
  renewDevice(deviceId: string, tokenHash: string, expiresAt: number): Promise<void>;
  touchDevice(deviceId: string, now: number): Promise<void>;
  listDevices(orgId: string): Promise<DeviceSummary[]>;
  revokeDevice(orgId: string, deviceId: string, now: number): Promise<boolean>;
  /** Revokes every device of the user not revoked yet; returns how many. */
  revokeUserDevices(orgId: string, userId: string, now: number): Promise<number>;
  /**
   * These devices and their users as stored now, in two reads whatever their number: the event stream
   * checks every open stream's device with it before handing it documents.
   */
  devicesWithUsers(deviceIds: readonly string[]): Promise<{ device: DeviceRow; user: UserRow | undefined }[]>;

  /** Applies a push atomically: every accepted row gets the next sequence of its organisation. Row ids are
   * unique within one push (the route refuses duplicates). A row that breaks a write rule refuses the
   * whole push (push-rules.ts), checked inside the same transaction. */
  push(
    orgId: string,
    collection: Collection,
    rows: StoredPushRow[],
    now: number,
    /** The pushing device: recorded on documents it writes first (device exposure, key-page rule). */
    deviceId?: string,
    /** The pushing user's role; absent for the server's own writes (bench, tests): no key-page rule. */
    role?: Role,
  ): Promise<PushOutcome>;
  /**
   * Redeems an invitation: sets the user's verifier and keys and clears the invite hash, only while the
   * stored invite hash is still `inviteHash` (compare-and-set, one conditional UPDATE). False when another
   * redemption won or there is no such invitation: of N concurrent joins with one code, exactly one wins.
   */
  redeemInvite(
    orgId: string,
    userId: string,
    inviteHash: string,
    fields: { verifierHash: string; keys: UserKeys },
  ): Promise<boolean>;
  pull(orgId: string, collection: Collection, after: number, limit: number): Promise<PulledDocs>;
  currentSequence(orgId: string): Promise<number>;
  /** Deletes tombstones written before `before` and records the sequence they reached. */
  purgeTombstones(before: number): Promise<number>;

  /** Called after each committed write — from every server instance sharing the database, for PostgreSQL. */
  onWrite(listener: (notice: WriteNotice, carried?: CarriedWrite) => void): () => void;

  /** The head of every device's audit chain the server accepted for this organisation. */
  auditAnchors(orgId: string): Promise<AuditAnchor[]>;
  /** Moves device heads forward (never back); called after an audit push committed. */
  anchorAudit(orgId: string, anchors: readonly AuditAnchor[], now: number): Promise<void>;
  /** Every stored audit entry of every organisation, for the offline chain verification command. */
  allAuditDocs(): Promise<{ orgId: string; doc: string }[]>;

  /**
   * Records an erasure with the organisation's next sequence and, in the same transaction, replaces every
   * stored record and item of the subject by an "erased" tombstone, strips its key from key pages and
   * schedules a key rotation (a due row, reason 'erasure').
   * Idempotent per subject: a second call returns the first entry and writes nothing.
   */
  erase(orgId: string, erasure: ErasureRecord, now: number): Promise<EraseOutcome>;
  /** Ledger entries with seq > after, oldest first. */
  erasures(orgId: string, after: number): Promise<ErasureEntry[]>;
  erasure(orgId: string, subjectId: string): Promise<ErasureEntry | undefined>;
  /** Records the device's purge of the subjects that are in the ledger; returns how many were. */
  confirmErasures(
    orgId: string,
    deviceId: string,
    subjectIds: readonly string[],
    now: number,
  ): Promise<number>;
  erasureConfirmations(
    orgId: string,
    subjectId: string,
  ): Promise<{ deviceId: string; confirmedAt: number }[]>;

  /**
   * Records, in one transaction, the highest sequence served to devices' pulls of a collection: a stored
   * value only moves up, except with `restart` (a pull from 0: the device starts over).
   */
  recordCheckpoints(entries: readonly CheckpointEntry[]): Promise<void>;
  deviceCheckpoints(deviceId: string): Promise<Partial<Record<Collection, number>>>;
  /**
   * One page, in id order, of the documents of a collection that were on the device at `checkpoint`:
   * first written at or before it or by the device itself, and not already a tombstone by then.
   */
  exposedDocuments(orgId: string, deviceId: string, page: ExposurePage): Promise<ExposedDocument[]>;

  /**
   * After a restore (server/restore.ts): moves every organisation's sequence to the larger of its own and
   * `floors` (the highest known to have been issued) plus RESTORE_GAP, and records the range in between.
   */
  markRestored(floors: ReadonlyMap<string, number>, now: number): Promise<RestoreMark[]>;
  /** The ranges of sequences issued by databases that restores replaced (none, usually). */
  restoreRanges(orgId: string): Promise<{ backupSeq: number; resumedSeq: number }[]>;

  /** The organisation's key epochs, oldest (seq 0) first. */
  listKeyEpochs(orgId: string): Promise<KeyEpochSummary[]>;
  /** The epoch with the highest seq; undefined for an organisation without epochs. */
  currentKeyEpoch(orgId: string): Promise<KeyEpochSummary | undefined>;
  /**
   * Starts an epoch in one transaction: compare-and-set on the current epoch, the members' grants checked
   * against the users as they are inside it, the epoch and grants inserted, and the organisation's due
   * rows (what scheduled this rotation) deleted. Serialised with pushes, so no push commits a key page
   * under the old epoch after this answered.
   */
  startKeyEpoch(orgId: string, start: KeyEpochStart): Promise<KeyEpochStartOutcome>;
  /**
   * Marks the current epoch finished once no live key page is under another keyId; a finished epoch
   * answers as it is (idempotent).
   */
  finishKeyEpoch(orgId: string, epochId: string, now: number): Promise<KeyEpochFinishOutcome>;
  /** The user's grants, oldest epoch first. */
  listKeyGrants(userId: string): Promise<KeysResponse['grants']>;
  /** Live key pages of the organisation whose keyId is not `epochId` (an index count, no page is read). */
  countPendingKeyPages(orgId: string, epochId: string): Promise<number>;
  /** Records one event that schedules a rotation (a removal; erase() records its own). */
  addRotationDue(orgId: string, reason: RotationDueReason, at: number): Promise<void>;
  /** The waiting events grouped by reason: how many and the earliest. */
  listRotationDue(orgId: string): Promise<KeysResponse['due']>;
  /** Records the epoch a device acknowledged; false when the organisation has no such epoch. */
  ackKeyEpoch(orgId: string, deviceId: string, epochId: string): Promise<boolean>;
  /** Devices not revoked, of users not removed, that have not acknowledged `epochId`. */
  devicesBehind(orgId: string, epochId: string): Promise<KeysResponse['devicesBehind']>;

  /** Every row of every table as text, for audits and the no-plaintext test. */
  dumpAllRows(): Promise<string[]>;

  // What the limits read (usage.ts).
  /** The organisation's tombstone horizon and sequence, read before a pull page. */
  pullHead(orgId: string): Promise<Omit<PulledDocs, 'docs'>>;
  /**
   * Up to `limit` documents after `after` whose sizes before each stay under `maxBytes` (the first always
   * comes); `truncated` when the byte bound, not the count, ended the page.
   */
  pullPage(
    orgId: string,
    collection: Collection,
    after: number,
    limit: number,
    maxBytes: number,
  ): Promise<{ docs: PulledDocs['docs']; truncated: boolean }>;
  /** How many documents of the collection come after `after` (a first sync's "n of N"). */
  countAfter(orgId: string, collection: Collection, after: number): Promise<number>;
  organisationCount(): Promise<number>;
  /** Bytes of every stored document (text) of the organisation: a figure the database keeps, one row read. */
  storedBytes(orgId: string): Promise<number>;
  /** Bytes of the stored documents of the organisation with these ids in the collection. */
  documentBytes(orgId: string, collection: Collection, ids: readonly string[]): Promise<number>;
}

/** What the limits read from storage (usage.ts). */
export type UsageStorage = Pick<
  Storage,
  'pullHead' | 'pullPage' | 'countAfter' | 'organisationCount' | 'storedBytes' | 'documentBytes'
>;

/** The key-epoch part of Storage (sqlite-keys.ts, postgres-keys.ts). */
export type KeyEpochStorage = Pick<
  Storage,
  | 'listKeyEpochs'
  | 'currentKeyEpoch'
  | 'startKeyEpoch'
  | 'finishKeyEpoch'
  | 'listKeyGrants'
  | 'countPendingKeyPages'
  | 'addRotationDue'
  | 'listRotationDue'
  | 'ackKeyEpoch'
  | 'devicesBehind'
>;

/** One organisation's restore: the sequence the backup held and the one the server resumes from. */
export interface RestoreMark {
  orgId: string;
  backupSeq: number;
  resumedSeq: number;
}

/** What a restore records (restores.ts), spread in by the ledger files. */
export type RestoreStorage = Pick<Storage, 'markRestored' | 'restoreRanges'>;

/** The erasure-ledger and device-exposure part of Storage (sqlite-ledger.ts, postgres-ledger.ts). */
export type LedgerStorage = Pick<
  Storage,
  | 'markRestored'
  | 'restoreRanges'
  | 'erase'
  | 'erasures'
  | 'erasure'
  | 'confirmErasures'
  | 'erasureConfirmations'
  | 'recordCheckpoints'
  | 'deviceCheckpoints'
  | 'exposedDocuments'
>;
