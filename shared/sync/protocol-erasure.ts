// The wire protocol of the erasure ledger (Art. 17).
import { z } from 'zod';
import { Signature, SigningKey, WireBlob64 as Blob64, WireId as Id } from './protocol';

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
