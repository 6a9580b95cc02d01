// The territory routes of the sync server (server/routes/territories.ts): an admin's device hands each
// holder of a territory the territory's key, sealed to their public key; every member reads the grants
// sealed to them. The server keeps the sealed grants and, from who holds which tag, decides which
// documents each device is sent. It never holds a territory key.
import { z } from 'zod';

const Tag = z.string().regex(/^[0-9a-f]{16}$/);
const Id = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/);
const EpochId = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/);
/** A grant as sealed on the admin's device: opaque base64. */
const Sealed = z.string().regex(/^[A-Za-z0-9+/=]{16,8192}$/);

/** PUT /territories/:tag — the territory's key holders now; anyone left out loses the territory. */
export const PutTerritoryRequest = z.strictObject({
  epochId: EpochId,
  grants: z
    .array(z.strictObject({ userId: Id, sealed: Sealed }))
    .min(1)
    .max(1000),
});
export type PutTerritoryRequest = z.infer<typeof PutTerritoryRequest>;

export const TerritoryTagParam = z.strictObject({ tag: Tag });

export interface TerritoryGrant {
  readonly tag: string;
  readonly epochId: string;
  readonly sealed: string;
}

/** GET /territories/grants — the caller's own grants, one per territory they hold. */
export interface TerritoryGrantsResponse {
  grants: TerritoryGrant[];
}

/** GET /territories — for admins: every territory's tag and who holds it (user ids only). */
export interface TerritoryHoldersResponse {
  territories: { tag: string; epochId: string; holders: string[] }[];
}

// Moves' purges (issue 19): an admin's device tells the server of each move note (move.ts) by its id, the
// territories its subjects left and the one they went to — what the key pages already show the server —
// and the server notes which devices should let the subjects go: those of users who held a territory they
// left (every member's, for an organisation-wide subject) and do not hold the one they went to, and had
// synced by then. Each device confirms by the note's id once it let them go (departures.ts); the admin
// reads per move who confirmed and who is outstanding, as for an erasure.
const MoveId = Id;

/** POST /territories/moves (admin only): move notes to follow. Idempotent per note. */
export const RegisterMovesRequest = z.strictObject({
  moves: z
    .array(
      z.strictObject({
        moveId: MoveId,
        to: Tag,
        from: z.array(Tag.nullable()).min(1).max(500),
      }),
    )
    .min(1)
    .max(200),
});
export type RegisterMovesRequest = z.infer<typeof RegisterMovesRequest>;

/** POST /territories/moves/confirm (every role): this device let go of these moves' subjects. */
export const ConfirmMovesRequest = z.strictObject({ moveIds: z.array(MoveId).min(1).max(500) });
export type ConfirmMovesRequest = z.infer<typeof ConfirmMovesRequest>;
/** The ids the server knows as moves, now confirmed for the device; the others wait for their note. */
export interface ConfirmMovesResponse {
  confirmed: string[];
}

/** GET /territories/moves (admin only): each move followed, newest first, with its devices. */
export interface TerritoryMovesResponse {
  moves: {
    moveId: string;
    /** When the server learnt of it. */
    at: number;
    confirmed: { deviceId: string; userId: string; confirmedAt: number }[];
    outstanding: { deviceId: string; userId: string; lastSyncAt: number | null }[];
  }[];
}
