// Members leave, over HTTP on both adapters: an admin changes a role (it applies from the next request),
// suspends and reinstates a user, and removes one — every device of theirs is refused and told to wipe,
// and they sign in nowhere again. The organisation always keeps an active admin.
import { describe, expect, it } from 'vitest';
import { ADAPTER_NAMES } from './adapters';
import { addMember, call, createOrganisation, deviceKey, personRecord } from './harness';
import { useServerFixture } from './server-fixture';

describe.each(ADAPTER_NAMES)('members (%s)', (adapter) => {
  const fixture = useServerFixture(adapter);

  const pushPerson = async (token: string) =>
    call(fixture.server.url, 'POST', '/sync/records/push', {
      token,
      body: [{ newDocumentState: await personRecord({ givenName: 'Sanne' }) }],
    });
  const pullKeys = (token: string) =>
    call(fixture.server.url, 'GET', '/sync/keys/pull?checkpoint=0', { token });
  const signIn = (userId: string, authVerifier: string) =>
    call(fixture.server.url, 'POST', '/auth/sign-in', {
      body: { userId, authVerifier, signingKey: deviceKey().publicKey },
    });

  it('applies a new role from the next request, and only admins change roles', async () => {
    const admin = await createOrganisation(fixture.server.url);
    const member = await addMember(fixture.server.url, admin, 'manager');
    const settingsPush = () =>
      call(fixture.server.url, 'POST', '/sync/settings/push', {
        token: member.token,
        body: [
          {
            newDocumentState: {
              id: 'setting1',
              kind: 'purpose',
              keyId: 'org',
              v: 1,
              payload: 'k1sealed',
              updatedAt: 1,
              _deleted: false,
            },
          },
        ],
      });
    expect((await settingsPush()).status).toBe(200);
    expect(
      await call(fixture.server.url, 'PUT', `/users/${admin.userId}/role`, {
        token: member.token,
        body: { role: 'sales' },
      }),
    ).toMatchObject({ status: 403, body: { error: 'forbidden' } });
    expect(
      await call(fixture.server.url, 'PUT', `/users/${member.userId}/role`, {
        token: admin.token,
        body: { role: 'sales' },
      }),
    ).toMatchObject({ status: 200, body: { value: { role: 'sales', status: 'active', revoked: 0 } } });
    // Sales reads settings but does not change them: refused from this very request on.
    expect(await settingsPush()).toMatchObject({ status: 403, body: { error: 'forbidden' } });
    expect((await pushPerson(member.token)).status).toBe(200);
  });

  it('refuses a suspended user everywhere until reinstated, keeping their devices', async () => {
    const admin = await createOrganisation(fixture.server.url);
    const member = await addMember(fixture.server.url, admin, 'sales');
    expect(
      await call(fixture.server.url, 'POST', `/users/${member.userId}/suspend`, { token: admin.token }),
    ).toMatchObject({
      status: 200,
      body: { value: { status: 'suspended', revoked: 0 } },
    });
    expect(await pullKeys(member.token)).toMatchObject({ status: 403, body: { error: 'account-suspended' } });
    expect(await signIn(member.userId, member.authVerifier)).toMatchObject({
      status: 403,
      body: { error: 'account-suspended' },
    });
    expect(
      (await call(fixture.server.url, 'POST', `/users/${member.userId}/reinstate`, { token: admin.token }))
        .status,
    ).toBe(200);
    expect((await pullKeys(member.token)).status).toBe(200);
  });

  it('removes a user: every device is told to wipe, and sign-in is refused from then on', async () => {
    const admin = await createOrganisation(fixture.server.url);
    const member = await addMember(fixture.server.url, admin, 'sales');
    const second = await signIn(member.userId, member.authVerifier);
    expect(second.status).toBe(200);
    const secondToken = (second.body as { value: { token: string } }).value.token;
    expect(
      await call(fixture.server.url, 'POST', `/users/${member.userId}/remove`, { token: admin.token }),
    ).toMatchObject({
      status: 200,
      body: { value: { status: 'removed', revoked: 2 } },
    });
    for (const token of [member.token, secondToken]) {
      expect(await pullKeys(token)).toEqual({
        status: 401,
        body: { ok: false, error: 'device-revoked', wipe: true },
      });
      expect((await pushPerson(token)).status).toBe(401);
    }
    expect(await signIn(member.userId, member.authVerifier)).toMatchObject({ status: 401 });
    expect(
      await call(fixture.server.url, 'POST', '/auth/prelogin', { body: { userId: member.userId } }),
    ).toMatchObject({
      status: 401,
    });
    // A removal is final: reinstating is refused.
    expect(
      await call(fixture.server.url, 'POST', `/users/${member.userId}/reinstate`, { token: admin.token }),
    ).toMatchObject({
      status: 404,
    });
    expect((await fixture.storage.getUser(member.userId))?.status).toBe('removed');
  });

  it('never leaves the organisation without an active admin', async () => {
    const admin = await createOrganisation(fixture.server.url);
    for (const [method, path, body] of [
      ['PUT', 'role', { role: 'manager' }],
      ['POST', 'suspend', undefined],
      ['POST', 'remove', undefined],
    ] as const) {
      expect(
        await call(fixture.server.url, method, `/users/${admin.userId}/${path}`, {
          token: admin.token,
          body,
        }),
      ).toMatchObject({ status: 409, body: { error: 'last-admin' } });
    }
    const second = await addMember(fixture.server.url, admin, 'admin');
    expect(
      (await call(fixture.server.url, 'POST', `/users/${admin.userId}/remove`, { token: second.token }))
        .status,
    ).toBe(200);
    expect(await pullKeys(admin.token)).toMatchObject({ status: 401, body: { error: 'device-revoked' } });
  });
});
