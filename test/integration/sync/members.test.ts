// The admin's client changes members through the real server and records each step in its own signed
// audit trail, as a 'role-change' with what changed: ids and words, never anything about the person.
import { LOCAL_ACTOR } from '../../../shared/workspace';
import { describe, expect, it } from 'vitest';
import { connectVault } from '../../../shared/sync/account';
import type { MemberChange } from '../../../shared/sync/admin';
import { changeMember } from '../../../shared/sync/operations';
import { linkableVault, PASSPHRASE } from '../../helpers/store';
import { addMember, type Member } from '../server/harness';
import { useServerFixture } from '../server/server-fixture';

const fixture = useServerFixture();

describe("the admin's client changes members", () => {
  it('changes a role, suspends and removes, each in the audit trail, and refuses for a non-admin', async () => {
    const db = await fixture.newDb();
    const session = await (await linkableVault(db)).create(PASSPHRASE);
    const linked = await connectVault({ fetch, serverUrl: fixture.server.url, db, passphrase: PASSPHRASE });
    if (!linked.ok) throw new Error(linked.error);
    const link = linked.value;
    const member = await addMember(fixture.server.url, { token: link.token } as Member, 'sales');

    const changeTheMember = (change: MemberChange) =>
      changeMember(session, LOCAL_ACTOR, { fetch, link, userId: member.userId, change });
    expect(await changeTheMember({ kind: 'role', role: 'service' })).toMatchObject({
      ok: true,
      value: { role: 'service', status: 'active' },
    });
    expect(await changeTheMember({ kind: 'suspend' })).toMatchObject({
      ok: true,
      value: { status: 'suspended' },
    });
    expect(await changeTheMember({ kind: 'remove' })).toMatchObject({
      ok: true,
      value: { status: 'removed', revoked: 1 },
    });
    // The removed member's own link cannot change anyone, and a refused change is not recorded.
    const refused = await changeMember(session, LOCAL_ACTOR, {
      fetch,
      link: { serverUrl: link.serverUrl, token: member.token },
      userId: link.userId,
      change: {
        kind: 'suspend',
      },
    });
    expect(refused).toEqual({ ok: false, error: 'device-revoked', wipe: true });

    const { entries } = await session.audit.entries();
    const changes = entries.filter((e) => e.action === 'role-change');
    expect(changes.map((e) => e.details?.change).reverse()).toEqual(['role', 'suspend', 'remove']);
    expect(changes.every((e) => e.recordIds.join() === member.userId && e.actor === 'local')).toBe(true);
    expect(changes[0]?.details).toMatchObject({ status: 'removed', devicesRevoked: 1 });
    expect((await session.audit.verify()).intact).toBe(true);
  });
});
