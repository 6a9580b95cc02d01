// When a rotation may start (both adapters decide it inside their rotation transaction): the current
// epoch must be the one rotated from, 'first' only starts an organisation's first epoch, an epoch id is
// used once, and the grants are exactly one per user who is not removed and holds the organisation key.
import { describe, expect, it } from 'vitest';
import { refuseRotation, type GrantHolder } from '../../../server/storage/epoch-rules';

const users: GrantHolder[] = [
  { id: 'admin', status: 'active', sealedOrgKey: 'sealed' },
  { id: 'sales', status: 'suspended', sealedOrgKey: 'sealed' },
  { id: 'invited', status: 'active', sealedOrgKey: null },
  { id: 'gone', status: 'removed', sealedOrgKey: 'sealed' },
];
const grants = (...ids: string[]) => ids.map((userId) => ({ userId, sealed: `g-${userId}` }));
const holders = grants('admin', 'sales');

describe('refuseRotation', () => {
  it('compares the epoch rotated from with the current one', () => {
    const start = { previousEpochId: 'e1', reason: 'manual', grants: holders } as const;
    expect(refuseRotation({ epochId: 'e1' }, false, users, start)).toBeNull();
    expect(refuseRotation({ epochId: 'e2' }, false, users, start)).toBe('epoch-stale');
    expect(refuseRotation(undefined, false, users, start)).toBe('epoch-stale');
    expect(refuseRotation({ epochId: 'e1' }, false, users, { ...start, previousEpochId: null })).toBe(
      'epoch-stale',
    );
  });

  it("takes 'first' for an organisation without epochs, and only then", () => {
    const first = { previousEpochId: null, reason: 'first', grants: holders } as const;
    expect(refuseRotation(undefined, false, users, first)).toBeNull();
    expect(refuseRotation(undefined, false, users, { ...first, reason: 'erasure' })).toBe('reason-mismatch');
    expect(refuseRotation({ epochId: 'e1' }, false, users, { ...first, previousEpochId: 'e1' })).toBe(
      'reason-mismatch',
    );
  });

  it('never reuses an epoch id', () => {
    const start = { previousEpochId: 'e1', reason: 'removal', grants: holders } as const;
    expect(refuseRotation({ epochId: 'e1' }, true, users, start)).toBe('epoch-exists');
  });

  it('wants exactly one grant per member who is not removed and holds the organisation key', () => {
    const attempt = (g: { userId: string; sealed: string }[]) =>
      refuseRotation({ epochId: 'e1' }, false, users, { previousEpochId: 'e1', reason: 'manual', grants: g });
    expect(attempt(grants('sales', 'admin'))).toBeNull();
    expect(attempt(grants('admin'))).toBe('grants-incomplete');
    expect(attempt(grants('admin', 'sales', 'gone'))).toBe('grants-incomplete');
    expect(attempt(grants('admin', 'sales', 'invited'))).toBe('grants-incomplete');
    expect(attempt(grants('admin', 'sales', 'stranger'))).toBe('grants-incomplete');
    expect(attempt(grants('admin', 'admin'))).toBe('grants-incomplete');
    expect(attempt(grants('admin', 'sales', 'sales'))).toBe('grants-incomplete');
  });
});
