// The sync wire protocol between clients and the central server: every request and response as a zod
// schema, errors as values with codes (STYLE.md). Documents travel as envelopes whose payload the server
// never opens: it stores and compares them as opaque strings.
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

export const ROLES = ['admin', 'manager', 'sales', 'service', 'marketing'] as const;
export type Role = (typeof ROLES)[number];

/** A member is active, suspended (refused everywhere, devices kept) or removed (every device wiped). */
export const MEMBER_STATUSES = ['active', 'suspended', 'removed'] as const;
export type MemberStatus = (typeof MEMBER_STATUSES)[number];

/** Largest request body the server reads; a 100-document push of 8 KiB payloads fits comfortably. */
export const MAX_BODY_BYTES = 4 * 1024 * 1024;
/** Deepest JSON nesting any request needs (push rows are 4 levels deep). */
export const MAX_JSON_DEPTH = 16;
export const MAX_PUSH_ROWS = 500;
export const MAX_PULL_LIMIT = 1000;

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
});
export type PullQuery = z.infer<typeof PullQuery>;
/** Documents written after the checkpoint, in sequence order; checkpoint is the last one's sequence. */
export interface PullResponse {
  documents: SyncDocument[];
  checkpoint: number;
  /** The server's byte bound cut this page short of the limit: more documents wait, pull again. */
  more?: true;
}

/** What a user's client keeps on the server: all made and encrypted on the client, opaque here. */
export const UserKeys = z.strictObject({
  /** Salt and parameters of the passphrase KDF, so a new device can derive the same keys. */
  kdf: Blob64,
  publicKey: Blob64,
  encryptedSecretKey: Blob64,
  /** An invited user's MAC of the public key under a key derived from the invite code (invite.ts). */
  keyProof: Blob64.optional(),
  /**
   * The organisation key sealed with the key-encryption key (vault/org-key-box.ts): what a new device
   * trusts instead of the server's word. Absent until the user's first device received the key.
   */
  orgKeyBox: Blob64.optional(),
  /**
   * After a passphrase change: a MAC of the material and wrapped key under a key derived from the user's
   * secret key, so the user's other devices adopt only keys one of their own devices made (account.ts).
   */
  keysMac: Blob64.optional(),
});
export type UserKeys = z.infer<typeof UserKeys>;

/** A KDF output kept apart from the key-encryption key: proves the passphrase, decrypts nothing. */
const AuthVerifier = z.string().regex(/^[A-Za-z0-9+/_=-]{43,88}$/);

export const CreateOrganisationRequest = z.strictObject({
  orgId: Id,
  userId: Id,
  authVerifier: AuthVerifier,
  keys: UserKeys,
  /** The organisation key sealed to the admin's public key. */
  sealedOrgKey: Blob64,
  signingKey: SigningKey,
  /**
   * The id of the organisation's first page key (vault/page-keys.ts): the server records it as key
   * epoch 0. Absent from clients made before key epochs.
   */
  pageKeyId: KeyId.optional(),
});
export type CreateOrganisationRequest = z.infer<typeof CreateOrganisationRequest>;

export const PreloginRequest = z.strictObject({ userId: Id });
export const PreloginResponse = z.strictObject({ kdf: Blob64 });

export const SignInRequest = z.strictObject({
  userId: Id,
  authVerifier: AuthVerifier,
  signingKey: SigningKey,
});
export type SignInRequest = z.infer<typeof SignInRequest>;
export interface SignInResponse {
  deviceId: string;
  token: string;
  expiresAt: number;
  user: {
    id: string;
    orgId: string;
    role: Role;
    keys: UserKeys;
    /** Null until an admin has sealed the organisation key to this user's public key. */
    sealedOrgKey: string | null;
  };
}

/** The caller's own account: what a joining device polls until an admin's device sealed the key. */
export type MeResponse = SignInResponse['user'];

export const InviteRequest = z.strictObject({
  userId: Id,
  role: z.enum(ROLES),
  /** A random code the admin hands over out of band; the server keeps only its hash. */
  inviteCode: z.string().regex(/^[A-Za-z0-9_-]{22,128}$/),
});
export type InviteRequest = z.infer<typeof InviteRequest>;

export const JoinRequest = z.strictObject({
  userId: Id,
  inviteCode: z.string().regex(/^[A-Za-z0-9_-]{22,128}$/),
  authVerifier: AuthVerifier,
  keys: UserKeys,
  signingKey: SigningKey,
});
export type JoinRequest = z.infer<typeof JoinRequest>;

/**
 * POST /auth/keys (the user's own device): replaces the user's keys — and, for a passphrase change, the
 * verifier — in one step, authorised by the device token and the current verifier. The public key cannot
 * change: it is the user's identity, to which the organisation key is sealed.
 */
export const ReplaceKeysRequest = z.strictObject({
  authVerifier: AuthVerifier,
  newAuthVerifier: AuthVerifier.optional(),
  keys: UserKeys,
});
export type ReplaceKeysRequest = z.infer<typeof ReplaceKeysRequest>;

export const SealOrgKeyRequest = z.strictObject({ sealedOrgKey: Blob64 });

export interface UserSummary {
  id: string;
  role: Role;
  publicKey: string | null;
  /** The invited user's MAC of the public key, checked by the admin's device before sealing. */
  keyProof: string | null;
  /** The organisation key is sealed to this user: they can read the organisation's data. */
  active: boolean;
  status: MemberStatus;
}

/** PUT /users/:userId/role (admins): the new role applies from the user's next request. */
export const ChangeRoleRequest = z.strictObject({ role: z.enum(ROLES) });

export interface DeviceSummary {
  id: string;
  userId: string;
  createdAt: number;
  lastSyncAt: number | null;
  expiresAt: number;
  revokedAt: number | null;
}

// ---------------------------------------------------------------------------------------------------
// Erasure (Art. 17). The server keeps an erasure ledger with no personal data: the subject's random id,
// the request id it answered, when, and by whom. From then on it refuses to bring the subject back: a
// pushed record, item or key-page entry of an erased subject is never stored. Each device purges the
// subject when it reads the ledger and confirms, so the erasure certificate can list every device.
// ---------------------------------------------------------------------------------------------------

/** POST /erasures (admin only): record that a subject was erased. Idempotent per subject. */
export const EraseRequest = z.strictObject({
  subjectId: Id,
  requestId: Id,
  /** The admin device's signature (shared/erasure/erasure-order.ts); the server checks it is the caller's key. */
  signer: SigningKey,
  sig: Signature,
  /** A MAC under the organisation key, which the server cannot make: devices check it before purging. */
  proof: Blob64,
});
export type EraseRequest = z.infer<typeof EraseRequest>;

export interface ErasureEntry {
  subjectId: string;
  requestId: string;
  erasedAt: number;
  /** The user id of the admin who erased. */
  erasedBy: string;
  /** The organisation sequence the entry was written at: the cursor of GET /erasures. */
  seq: number;
  /** The signed order (shared/erasure/erasure-order.ts); absent on entries recorded before orders were signed. */
  signer?: string;
  sig?: string;
  proof?: string;
}

/** GET /erasures?after=<seq> (every role): the ledger entries after a cursor, oldest first. */
export const ErasuresQuery = z.strictObject({
  after: z.coerce.number().int().min(0).max(Number.MAX_SAFE_INTEGER).default(0),
});
export interface ErasuresResponse {
  erasures: ErasureEntry[];
  /** The seq of the last entry returned, or `after` when there were none. */
  checkpoint: number;
}

/** POST /erasures/confirm (every role): this device purged these subjects. */
export const ErasureConfirmRequest = z.strictObject({ subjectIds: z.array(Id).min(1).max(1000) });
export type ErasureConfirmRequest = z.infer<typeof ErasureConfirmRequest>;

/** GET /erasures/:subjectId (admin only): what the erasure certificate lists about devices. */
export interface ErasureStatusResponse {
  erasure: ErasureEntry;
  /** Devices that confirmed their purge. */
  confirmed: { deviceId: string; userId: string; confirmedAt: number }[];
  /** Devices not revoked that have not confirmed yet (offline laptops), with their last contact. */
  outstanding: { deviceId: string; userId: string; lastSyncAt: number | null }[];
}

// ---------------------------------------------------------------------------------------------------
// Key epochs (vault/page-keys.ts, sync/rotation.ts). The data keys of every person are wrapped, in key
// pages, by the organisation's page key. Removing a member and every erasure schedule a rotation: an
// admin's device makes a new page key (a new epoch), hands it to every remaining member as a grant
// sealed to their public key and locked under the previous page key, re-wraps every key page under it,
// and, once no page is left under an older epoch, finishes the epoch: every device then destroys the
// older page keys. The server orders epochs, keeps each user's grants, and counts what is waiting; it
// never holds a page key.
// ---------------------------------------------------------------------------------------------------

export const ROTATION_REASONS = ['created', 'first', 'erasure', 'removal', 'manual'] as const;
/**
 * Why an epoch began: 'created' is the organisation's first page key; 'first' is the first rotation of an
 * organisation made before key epochs (its pages were wrapped by the organisation key itself).
 */
export type RotationReason = (typeof ROTATION_REASONS)[number];

export interface KeyEpochSummary {
  epochId: string;
  /** 0 for the first epoch, then one more per rotation. */
  seq: number;
  reason: RotationReason;
  createdAt: number;
  /** The admin who rotated (for 'created', the organisation's first admin). */
  createdBy: string;
  /** When the last key page moved to this epoch and older page keys were released for destruction. */
  finishedAt: number | null;
}

/** POST /keys/rotate (admins): starts a new epoch; one grant per member who holds the organisation key. */
export const RotateRequest = z.strictObject({
  /** The epoch the caller rotates from: null only for an organisation without epochs (reason 'first'). */
  previousEpochId: KeyId.nullable(),
  epochId: KeyId,
  reason: z.enum(ROTATION_REASONS).exclude(['created']),
  grants: z
    .array(z.strictObject({ userId: Id, sealed: Blob64 }))
    .min(1)
    .max(10_000),
});
export type RotateRequest = z.infer<typeof RotateRequest>;

/** POST /keys/ack: this device holds `epochId` and destroyed every older page key. */
export const KeyAckRequest = z.strictObject({ epochId: KeyId });

/** GET /keys: the organisation's epochs, the caller's grants and what waits. */
export interface KeysResponse {
  /** Oldest first; empty for an organisation made before key epochs that never rotated. */
  epochs: KeyEpochSummary[];
  /** The caller's grants, oldest epoch first (sealed to their public key; see vault/page-keys.ts). */
  grants: { epochId: string; sealed: string }[];
  /** What schedules the next rotation: erasures and removals since the current epoch began. */
  due: { reason: 'erasure' | 'removal'; count: number; since: number }[];
  /** Live key pages whose keyId is not the current epoch's (waiting to be re-wrapped). */
  pendingPages: number;
  /** Devices, not revoked, that have not acknowledged the current epoch yet. */
  devicesBehind: { deviceId: string; userId: string; epochId: string | null; lastSyncAt: number | null }[];
}

// ---------------------------------------------------------------------------------------------------
// Device exposure (Art. 33/34, the lost-laptop drill): which documents a device held at its last sync.
// The server tracks, per device and collection, the highest sequence it served to the device's pulls
// and the documents the device itself pushed. It answers ids and plaintext metadata only; the admin's
// client maps subject ids to people and data categories by decrypting locally.
// ---------------------------------------------------------------------------------------------------

export interface ExposedDocument {
  collection: 'records' | 'items' | 'settings';
  id: string;
  kind: string;
  /** Empty for settings. */
  subjectId: string;
}

/** GET /devices/:deviceId/exposure (admin only). */
export interface DeviceExposureResponse {
  deviceId: string;
  userId: string;
  lastSyncAt: number | null;
  revokedAt: number | null;
  /** Per collection, the highest sequence served to this device (0: never pulled it). */
  checkpoints: Partial<Record<Collection, number>>;
  /** Every document that existed on the device as of its last sync and was not deleted by then. */
  documents: ExposedDocument[];
}

/** Sent on the Server-Sent Events stream after every accepted write: clients pull from their checkpoint. */
export interface StreamEvent {
  checkpoint: number;
}

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
  /** 403: an organisation exists; creating another needs the server's setup code. */
  'setup-code-required',
  'internal',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

export interface ErrorBody {
  ok: false;
  error: ErrorCode;
  /** Only with 'device-revoked': the device must destroy its local copy. */
  wipe?: true;
}
