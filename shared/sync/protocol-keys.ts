// The wire protocol of key epochs: page-key rotation, grants and acknowledgements.
import { z } from 'zod';
import { WireBlob64 as Blob64, WireId as Id, WireKeyId as KeyId } from './protocol';

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
