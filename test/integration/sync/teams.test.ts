// Teams are organisation settings: defined on the admin's device they reach every other device of the
// organisation, the server stores them only encrypted, and only admins and managers may push them — a
// salesperson's device that tries is refused.
import { describe, expect, it } from 'vitest';
import { LOCAL_ACTOR } from '../../../shared/workspace';
import { saveTeam, teams } from '../../../shared/teams';
import { addMember, call, createOrganisation, value } from '../server/harness';
import { useTwoDevices } from './two-devices';

const newDevices = useTwoDevices();

const teamDoc = (id: string) => ({
  id,
  kind: 'team',
  keyId: 'org-key',
  v: 1,
  payload: 'k1' + 'A'.repeat(60),
  updatedAt: 1_764_000_000_000,
  _deleted: false,
});

describe.each(['sqlite', 'postgres'] as const)('teams: %s', (adapter) => {
  it('brings a team to the other device, never in plaintext on the server', async () => {
    const setup = await newDevices.started(adapter);
    const { a, b } = setup;
    const actor = { ...LOCAL_ACTOR, userId: a.link.userId };
    const north = await saveTeam(a.session, actor, {
      id: null,
      team: { name: 'Verkoop Noord', memberIds: [a.link.userId] },
    });
    await a.sync.awaitInSync();
    await b.sync.awaitInSync();

    expect(await teams.run(b.session, undefined)).toEqual([north]);
    const rows = (await setup.storage.dumpAllRows()).join('\n');
    expect(rows).not.toContain('Verkoop');
  });

  it('lets a manager push a team and refuses a salesperson', async () => {
    const setup = await newDevices(adapter);
    const { url } = setup.server;
    const admin = await createOrganisation(url);
    const manager = await addMember(url, admin, 'manager');
    const sales = await addMember(url, admin, 'sales');
    const push = (token: string, doc: ReturnType<typeof teamDoc>) =>
      call(url, 'POST', '/sync/settings/push', { token, body: [{ newDocumentState: doc }] });

    value(await push(manager.token, teamDoc('oabc_team-north')));
    expect(await push(sales.token, teamDoc('oabc_team-south'))).toEqual({
      status: 403,
      body: { ok: false, error: 'forbidden' },
    });
    const pulled = value(
      await call<{ documents: { id: string }[] }>(url, 'GET', '/sync/settings/pull?checkpoint=0', {
        token: admin.token,
      }),
    );
    expect(pulled.documents.map((d) => d.id)).toEqual(['oabc_team-north']);
  });
});
