// Names of members and devices are employees' personal data: set on one device they reach the user's other
// device through the organisation-key settings, the server stores them only encrypted, and it lets a
// salesperson — whose role pushes no other setting — push their own name and their own device's, never a
// colleague's.
import { describe, expect, it } from 'vitest';
import { LOCAL_ACTOR } from '../../../shared/workspace';
import { memberNames, setName, type PullResponse } from '../../../shared/sync';
import { addMember, call, createOrganisation, value } from '../server/harness';
import { useTwoDevices } from './two-devices';

const newDevices = useTwoDevices();

const nameDoc = (id: string, kind = 'member-name') => ({
  id,
  kind,
  keyId: 'org-key',
  v: 1,
  payload: 'k1' + 'A'.repeat(60),
  updatedAt: 1_764_000_000_000,
  _deleted: false,
});

describe.each(['sqlite', 'postgres'] as const)('member and device names: %s', (adapter) => {
  it("brings a user's name and device name to their other device, never in plaintext on the server", async () => {
    const setup = await newDevices.started(adapter);
    const { a, b } = setup;
    const actor = { ...LOCAL_ACTOR, userId: a.link.userId };
    await setName(a.session, actor, { of: 'user', id: a.link.userId, name: 'Anna de Vries' });
    await setName(a.session, actor, { of: 'device', id: a.link.deviceId, name: "Anna's ThinkPad (Linux)" });
    await a.sync.awaitInSync();
    await b.sync.awaitInSync();

    expect(await memberNames.run(b.session, undefined)).toEqual({
      users: { [a.link.userId]: 'Anna de Vries' },
      devices: { [a.link.deviceId]: "Anna's ThinkPad (Linux)" },
    });
    const rows = (await setup.storage.dumpAllRows()).join('\n');
    expect(rows).not.toContain('Anna');
    expect(rows).not.toContain('ThinkPad');
  });

  it("lets a salesperson push their own name and their device's, and refuses a colleague's", async () => {
    const setup = await newDevices(adapter);
    const { url } = setup.server;
    const admin = await createOrganisation(url);
    const sales = await addMember(url, admin, 'sales');
    const push = (doc: ReturnType<typeof nameDoc>) =>
      call(url, 'POST', '/sync/settings/push', { token: sales.token, body: [{ newDocumentState: doc }] });

    const own = [nameDoc(`oabc_user-${sales.userId}`), nameDoc(`oabc_device-${sales.deviceId}`)];
    for (const doc of own) value(await push(doc));
    const forbidden = { status: 403, body: { ok: false, error: 'forbidden' } };
    expect(await push(nameDoc(`oabc_user-${admin.userId}`))).toEqual(forbidden);
    expect(await push(nameDoc(`oabc_device-${admin.deviceId}`))).toEqual(forbidden);
    expect(await push(nameDoc(`oabc_user-${sales.userId}`, 'pipeline'))).toEqual(forbidden);
    // One foreign row refuses the whole push.
    expect(
      await call(url, 'POST', '/sync/settings/push', {
        token: sales.token,
        body: [{ newDocumentState: nameDoc('oabc_pipeline', 'pipeline') }, { newDocumentState: own[0] }],
      }),
    ).toEqual(forbidden);

    const pulled = value(
      await call<PullResponse>(url, 'GET', '/sync/settings/pull?checkpoint=0', { token: admin.token }),
    );
    expect(pulled.documents.map((d) => d.id).sort()).toEqual(own.map((d) => d.id).sort());
  });
});
