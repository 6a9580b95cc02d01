// When a rotation may start, decided alike by both adapters inside their rotation transaction: the
// compare-and-set on the current epoch, the reason, and the grants against the members as they are then.
// Grants are opaque sealed blobs; only who they are for is checked.
import type { MemberStatus } from '../../shared/sync';
import type { KeyEpochStart, KeyEpochStartOutcome } from './types';

export type RotationRefusal = Extract<KeyEpochStartOutcome, { ok: false }>['error'];

export interface GrantHolder {
  id: string;
  status: MemberStatus;
  sealedOrgKey: string | null;
}

/**
 * Why the rotation cannot start, or null. `current` is the organisation's current epoch (none: no epoch
 * yet), `epochTaken` whether the organisation already had an epoch with the new id, `users` every user
 * of the organisation. The grants must be exactly one per user who is not removed and holds the
 * organisation key: none missing, none for a removed, keyless or unknown user, none twice.
 */
export const refuseRotation = (
  current: { epochId: string } | undefined,
  epochTaken: boolean,
  users: readonly GrantHolder[],
  start: Pick<KeyEpochStart, 'previousEpochId' | 'reason' | 'grants'>,
): RotationRefusal | null => {
  if ((current?.epochId ?? null) !== start.previousEpochId) return 'epoch-stale';
  // 'first' is the first rotation of an organisation made before epochs, and only that.
  if ((start.reason === 'first') !== (current === undefined)) return 'reason-mismatch';
  if (epochTaken) return 'epoch-exists';
  const holders = new Set(
    users.filter((u) => u.status !== 'removed' && u.sealedOrgKey !== null).map((u) => u.id),
  );
  const granted = new Set(start.grants.map((g) => g.userId));
  if (granted.size !== start.grants.length || granted.size !== holders.size) return 'grants-incomplete';
  return [...granted].every((id) => holders.has(id)) ? null : 'grants-incomplete';
};
