// Mapping between SQL rows and storage types, shared by both adapters (PostgreSQL returns BIGINT as text).
import type {
  MemberStatus,
  DeviceSummary,
  ErasureEntry,
  ExposedDocument,
  KeyEpochSummary,
  Role,
  RotationReason,
  UserKeys,
  UserSummary,
} from '../../shared/sync';
import type { AuditAnchor, DeviceRow, ErasureRecord, UserRow } from './types';

type Row = Record<string, unknown>;

const num = (value: unknown): number => Number(value);
const numOrNull = (value: unknown): number | null =>
  value === null || value === undefined ? null : Number(value);
const strOrNull = (value: unknown): string | null => (typeof value === 'string' ? value : null);

export const toUser = (row: Row): UserRow => ({
  id: String(row.id),
  orgId: String(row.org_id),
  role: row.role as Role,
  verifierHash: strOrNull(row.verifier_hash),
  inviteHash: strOrNull(row.invite_hash),
  keys: typeof row.keys === 'string' ? (JSON.parse(row.keys) as UserKeys) : null,
  sealedOrgKey: strOrNull(row.sealed_org_key),
  status: (row.status as MemberStatus | undefined) ?? 'active',
  statusAt: numOrNull(row.status_at),
});

export const toUserSummary = (row: Row): UserSummary => {
  const user = toUser(row);
  return {
    id: user.id,
    role: user.role,
    publicKey: user.keys?.publicKey ?? null,
    keyProof: user.keys?.keyProof ?? null,
    active: user.sealedOrgKey !== null,
    status: user.status ?? 'active',
  };
};

export const toDevice = (row: Row): DeviceRow => ({
  id: String(row.id),
  orgId: String(row.org_id),
  userId: String(row.user_id),
  tokenHash: String(row.token_hash),
  createdAt: num(row.created_at),
  expiresAt: num(row.expires_at),
  lastSyncAt: numOrNull(row.last_sync_at),
  revokedAt: numOrNull(row.revoked_at),
  signingKey: strOrNull(row.signing_key),
});

export const toDeviceSummary = (row: Row): DeviceSummary => {
  const { id, userId, createdAt, lastSyncAt, expiresAt, revokedAt } = toDevice(row);
  return { id, userId, createdAt, lastSyncAt, expiresAt, revokedAt };
};

/** Column values of a user, in the order of USER_COLUMNS. */
export const USER_COLUMNS = [
  'id',
  'org_id',
  'role',
  'verifier_hash',
  'invite_hash',
  'keys',
  'sealed_org_key',
  'status',
  'status_at',
] as const;
export const userValues = (user: UserRow): (string | number | null)[] => [
  user.id,
  user.orgId,
  user.role,
  user.verifierHash,
  user.inviteHash,
  user.keys ? JSON.stringify(user.keys) : null,
  user.sealedOrgKey,
  user.status ?? 'active',
  user.statusAt ?? null,
];

const USER_FIELDS: Record<string, string> = {
  role: 'role',
  verifierHash: 'verifier_hash',
  inviteHash: 'invite_hash',
  keys: 'keys',
  sealedOrgKey: 'sealed_org_key',
  status: 'status',
  statusAt: 'status_at',
};

/** The columns and values an updateUser call sets, in a fixed order. */
export const userUpdates = (
  fields: Partial<Omit<UserRow, 'id' | 'orgId'>>,
): [string, string | number | null][] =>
  Object.entries(fields)
    .filter(([key, value]) => key in USER_FIELDS && value !== undefined)
    .map(([key, value]) => [
      USER_FIELDS[key] as string,
      key === 'keys' && value !== null ? JSON.stringify(value) : (value as string | number | null),
    ]);

export const toAnchor = (row: Row): AuditAnchor => ({
  deviceId: String(row.device_id),
  seq: num(row.seq),
  hash: String(row.hash),
  signer: strOrNull(row.signer),
});

export const toMaster = (row: Row) => ({
  orgId: String(row.org_id),
  doc: String(row.doc),
  // SQLite stores booleans as 0/1, PostgreSQL as booleans.
  deleted: row.deleted === true || row.deleted === 1,
  firstDevice: typeof row.first_device === 'string' ? row.first_device : null,
});

/** The erasure ledger's columns, in the order erasureValues gives a new entry's values. */
export const ERASURE_COLUMNS =
  'org_id, subject_id, request_id, erased_at, erased_by, seq, signer, sig, proof';
export const erasureValues = (orgId: string, e: ErasureRecord, erasedAt: number, seq: number) => [
  orgId,
  e.subjectId,
  e.requestId,
  erasedAt,
  e.erasedBy,
  seq,
  e.signer ?? null,
  e.sig ?? null,
  e.proof ?? null,
];

export const toErasure = (row: Row): ErasureEntry => ({
  subjectId: String(row.subject_id),
  requestId: String(row.request_id),
  erasedAt: num(row.erased_at),
  erasedBy: String(row.erased_by),
  seq: num(row.seq),
  ...(typeof row.signer === 'string' ? { signer: row.signer } : {}),
  ...(typeof row.sig === 'string' ? { sig: row.sig } : {}),
  ...(typeof row.proof === 'string' ? { proof: row.proof } : {}),
});

export const toExposed = (collection: ExposedDocument['collection'], row: Row): ExposedDocument => ({
  collection,
  id: String(row.id),
  kind: typeof row.kind === 'string' ? row.kind : '',
  subjectId: typeof row.subject_id === 'string' ? row.subject_id : '',
});

export const toKeyEpoch = (row: Row): KeyEpochSummary => ({
  epochId: String(row.epoch_id),
  seq: num(row.seq),
  reason: row.reason as RotationReason,
  createdAt: num(row.created_at),
  createdBy: String(row.created_by),
  finishedAt: numOrNull(row.finished_at),
});
