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
