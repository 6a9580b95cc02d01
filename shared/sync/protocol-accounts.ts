// The wire protocol of accounts and devices: creating an organisation, signing in, joining with an invite,
// the user's keys, the admin's lists of users and devices, and what a lost device held (the drill).
import { z } from 'zod';
import {
  ROLES,
  SigningKey,
  WireBlob64 as Blob64,
  WireId as Id,
  WireKeyId as KeyId,
  type Collection,
  type MemberStatus,
  type Role,
} from './protocol';

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
   * Until a join is finished: the invite key locked under the key-encryption key (invite.ts
   * sealInviteKey), so signing in with the passphrase can check the admin's grant and finish the join.
   */
  inviteKeyBox: Blob64.optional(),
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
  /**
   * Signing in again on a device whose token expired: the device keeps its id (and its replication state)
   * and gets a new token, if it is the user's, not revoked, and `signingKey` is the one it registered.
   */
  deviceId: Id.optional(),
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
