// The real server over HTTP on both storage adapters: sign-in and devices, push and pull with server
// sequences, idempotent retries, conflicts, the tombstone horizon, revocation with wipe, and roles.
import { beforeEach, describe, expect, it } from 'vitest';
import { DAY_MS } from '../../../server/app';
import type { PullResponse, RecordWire } from '../../../shared/sync/protocol';
import type { DeviceSummary, SignInResponse } from '../../../shared/sync';
import { ADAPTER_NAMES } from './adapters';
import { addMember, b64, call, createOrganisation, deviceKey, newId, personRecord, value } from './harness';
import { useServerFixture } from './server-fixture';

const pull = async (url: string, token: string, checkpoint = 0, collection = 'records', limit = 100) =>
  call<PullResponse>(url, 'GET', `/sync/${collection}/pull?checkpoint=${checkpoint}&limit=${limit}`, {
    token,
  });

const push = async (url: string, token: string, rows: object[], collection = 'records') =>
  call<RecordWire[]>(url, 'POST', `/sync/${collection}/push`, { token, body: rows });

describe.each(ADAPTER_NAMES)('sync server over HTTP: %s', (name) => {
  let clock = 1_800_000_000_000;
  const fixture = useServerFixture(name, { now: () => clock });
  const url = () => fixture.server.url;

  beforeEach(() => {
    clock = 1_800_000_000_000;
  });

  it('answers /healthz with the storage in use', async () => {
    expect(value(await call(url(), 'GET', '/healthz'))).toEqual({ status: 'ok', storage: name });
  });

  it('signs a user in with the auth verifier on a new device, and refuses a wrong one', async () => {
    const admin = await createOrganisation(url());
    expect(
      value(await call<{ kdf: string }>(url(), 'POST', '/auth/prelogin', { body: { userId: admin.userId } }))
        .kdf,
    ).toBeTruthy();
    const signedIn = value(
      await call<SignInResponse>(url(), 'POST', '/auth/sign-in', {
        body: { userId: admin.userId, authVerifier: admin.authVerifier, signingKey: deviceKey().publicKey },
      }),
    );
    expect(signedIn.user).toMatchObject({ id: admin.userId, orgId: admin.orgId, role: 'admin' });
    expect(Buffer.from(signedIn.token, 'base64url').length).toBeGreaterThanOrEqual(16);
    expect(signedIn.deviceId).not.toBe(admin.deviceId);
    const wrong = await call(url(), 'POST', '/auth/sign-in', {
      body: { userId: admin.userId, authVerifier: b64(), signingKey: deviceKey().publicKey },
    });
    expect(wrong).toEqual({ status: 401, body: { ok: false, error: 'wrong-credentials' } });
    expect(
      (
        await call(url(), 'POST', '/orgs', {
          body: {
            orgId: admin.orgId,
            userId: newId(),
            authVerifier: b64(),
            keys: { kdf: b64(24), publicKey: b64(), encryptedSecretKey: b64() },
            sealedOrgKey: b64(),
            signingKey: deviceKey().publicKey,
          },
        })
      ).body,
    ).toEqual({ ok: false, error: 'org-exists' });
  });

  it('refuses sign-in for a user after ten wrong verifiers, even with the right one, until 15 minutes pass', async () => {
    const admin = await createOrganisation(url());
    const signIn = (authVerifier: string) =>
      call(url(), 'POST', '/auth/sign-in', {
        body: { userId: admin.userId, authVerifier, signingKey: deviceKey().publicKey },
      });
    for (let i = 0; i < 10; i += 1) expect((await signIn(b64())).status).toBe(401);
    expect(await signIn(admin.authVerifier)).toEqual({
      status: 429,
      body: { ok: false, error: 'too-many-attempts' },
    });
    clock += 15 * 60 * 1000;
    expect((await signIn(admin.authVerifier)).status).toBe(200);
  });

  it('assigns strictly increasing sequences and pulls in order from a checkpoint, page by page', async () => {
    const admin = await createOrganisation(url());
    const docs = await Promise.all([1, 2, 3].map(() => personRecord({ note: 'x' })));
    expect(
      value(
        await push(
          url(),
          admin.token,
          docs.slice(0, 2).map((d) => ({ newDocumentState: d })),
        ),
      ),
    ).toEqual([]);
    expect(value(await push(url(), admin.token, [{ newDocumentState: docs[2] }]))).toEqual([]);
    const first = value(await pull(url(), admin.token, 0, 'records', 2));
    expect(first.documents).toEqual(docs.slice(0, 2));
    expect(first.checkpoint).toBe(2);
    const rest = value(await pull(url(), admin.token, first.checkpoint));
    expect(rest).toEqual({ documents: [docs[2]], checkpoint: 3 });
    expect(value(await pull(url(), admin.token, 3))).toEqual({ documents: [], checkpoint: 3 });
  });

  it('treats a retried push whose response was lost as success, leaving one revision', async () => {
    const admin = await createOrganisation(url());
    const doc = await personRecord({ note: 'once' });
    value(await push(url(), admin.token, [{ newDocumentState: doc }]));
    expect(await push(url(), admin.token, [{ newDocumentState: doc }])).toEqual({
      status: 200,
      body: { ok: true, value: [] },
    });
    const pulled = value(await pull(url(), admin.token));
    expect(pulled).toEqual({ documents: [doc], checkpoint: 1 });
  });

  it('returns the current master state when assumedMasterState is stale, and keeps the master', async () => {
    const admin = await createOrganisation(url());
    const original = await personRecord({ note: 'v1' });
    const mine = {
      ...original,
      updatedAt: original.updatedAt + 1,
      payload: (await personRecord({}, original.id)).payload,
    };
    const theirs = {
      ...original,
      updatedAt: original.updatedAt + 2,
      payload: (await personRecord({}, original.id)).payload,
    };
    value(await push(url(), admin.token, [{ newDocumentState: original }]));
    value(await push(url(), admin.token, [{ newDocumentState: theirs, assumedMasterState: original }]));
    const conflicts = value(
      await push(url(), admin.token, [{ newDocumentState: mine, assumedMasterState: original }]),
    );
    expect(conflicts).toEqual([theirs]);
    expect(value(await pull(url(), admin.token)).documents).toEqual([theirs]);
  });

  it('forces a client whose checkpoint is older than the tombstone horizon to resync from 0', async () => {
    const admin = await createOrganisation(url());
    const kept = await personRecord({ note: 'kept' });
    const erased = await personRecord({ note: 'erased' });
    value(await push(url(), admin.token, [{ newDocumentState: kept }, { newDocumentState: erased }]));
    const offline = value(await pull(url(), admin.token)).checkpoint; // a laptop leaves at sequence 2
    value(
      await push(url(), admin.token, [
        { newDocumentState: { ...erased, _deleted: true }, assumedMasterState: erased },
      ]),
    );
    clock += 366 * DAY_MS;
    expect(await fixture.server.app.purgeTombstones()).toBe(1);
    const renewed = value(
      await call<SignInResponse>(url(), 'POST', '/auth/sign-in', {
        body: { userId: admin.userId, authVerifier: admin.authVerifier, signingKey: deviceKey().publicKey },
      }),
    );
    expect(await pull(url(), renewed.token, offline)).toEqual({
      status: 409,
      body: { ok: false, error: 'resync-required' },
    });
    expect(value(await pull(url(), renewed.token, 0))).toEqual({
      documents: [kept],
      checkpoint: 1,
      horizon: 3,
    });
  });

  it('lets a pull from 0 go on below the horizon page by page, until the horizon moves', async () => {
    const admin = await createOrganisation(url());
    const people = [await personRecord({}), await personRecord({}), await personRecord({})];
    value(
      await push(
        url(),
        admin.token,
        people.map((doc) => ({ newDocumentState: doc })),
      ),
    );
    const deleteAndPurge = async () => {
      const gone = await personRecord({ note: 'gone' });
      value(await push(url(), admin.token, [{ newDocumentState: gone }]));
      value(
        await push(url(), admin.token, [
          { newDocumentState: { ...gone, _deleted: true }, assumedMasterState: gone },
        ]),
      );
      clock += 366 * DAY_MS;
      expect(await fixture.server.app.purgeTombstones()).toBe(1);
      const body = {
        userId: admin.userId,
        authVerifier: admin.authVerifier,
        signingKey: deviceKey().publicKey,
      };
      admin.token = value(await call<SignInResponse>(url(), 'POST', '/auth/sign-in', { body })).token;
    };
    await deleteAndPurge(); // the tombstone at sequence 5 is purged: the horizon is 5
    const page = async (checkpoint: number, horizon?: number) => {
      const query = `checkpoint=${checkpoint}&limit=1${horizon === undefined ? '' : `&horizon=${horizon}`}`;
      return call<PullResponse>(url(), 'GET', `/sync/records/pull?${query}`, { token: admin.token });
    };
    expect(value(await page(0))).toEqual({ documents: [people[0]], checkpoint: 1, horizon: 5 });
    expect(value(await page(1, 5))).toEqual({ documents: [people[1]], checkpoint: 2, horizon: 5 });
    // A checkpoint below the horizon without the horizon its page was read at: as a laptop back after it.
    const refused = { status: 409, body: { ok: false, error: 'resync-required' } };
    expect(await page(2)).toEqual(refused);
    expect(await page(2, 4)).toEqual(refused);
    // A purge between two pages: what was deleted meanwhile may be gone, so the pull starts over.
    await deleteAndPurge();
    expect(await page(2, 5)).toEqual(refused);
    expect(value(await page(0))).toMatchObject({ checkpoint: 1, horizon: 7 });
  });

  it('forces a resync on a checkpoint the server never reached, as after restoring an older backup', async () => {
    const admin = await createOrganisation(url());
    value(await push(url(), admin.token, [{ newDocumentState: await personRecord({}) }]));
    expect(await pull(url(), admin.token, 5)).toEqual({
      status: 409,
      body: { ok: false, error: 'resync-required' },
    });
    expect(value(await pull(url(), admin.token, 1)).documents).toEqual([]);
  });

  it('keeps tombstones younger than the horizon so offline clients learn of deletions', async () => {
    const admin = await createOrganisation(url());
    const doc = await personRecord({ note: 'deleted' });
    value(await push(url(), admin.token, [{ newDocumentState: doc }]));
    value(
      await push(url(), admin.token, [
        { newDocumentState: { ...doc, _deleted: true }, assumedMasterState: doc },
      ]),
    );
    clock += 364 * DAY_MS;
    expect(await fixture.server.app.purgeTombstones()).toBe(0);
  });

  it('lists devices with their last sync, and a revoked device is refused and told to wipe', async () => {
    const admin = await createOrganisation(url());
    const sales = await addMember(url(), admin, 'sales');
    clock += 1000;
    value(await pull(url(), sales.token));
    const devices = value(await call<DeviceSummary[]>(url(), 'GET', '/devices', { token: admin.token }));
    expect(devices.find((d) => d.id === sales.deviceId)).toMatchObject({
      userId: sales.userId,
      lastSyncAt: clock,
      revokedAt: null,
    });
    value(await call(url(), 'POST', `/devices/${sales.deviceId}/revoke`, { token: admin.token }));
    const refused = { status: 401, body: { ok: false, error: 'device-revoked', wipe: true } };
    expect(await pull(url(), sales.token)).toEqual(refused);
    expect(await push(url(), sales.token, [{ newDocumentState: await personRecord({}) }])).toEqual(refused);
    expect(await call(url(), 'POST', '/auth/renew', { token: sales.token })).toEqual(refused);
    expect(value(await pull(url(), admin.token)).documents).toEqual([]);
  });

  it('expires tokens; a renewed token replaces the old one', async () => {
    const admin = await createOrganisation(url());
    const renewed = value(
      await call<{ token: string; expiresAt: number }>(url(), 'POST', '/auth/renew', {
        token: admin.token,
      }),
    );
    expect((await pull(url(), admin.token)).body).toEqual({ ok: false, error: 'unauthenticated' });
    expect((await pull(url(), renewed.token)).status).toBe(200);
    clock = renewed.expiresAt;
    expect(await pull(url(), renewed.token)).toEqual({
      status: 401,
      body: { ok: false, error: 'token-expired' },
    });
  });

  it('enforces roles on every pull and push, and keeps organisation management to admins', async () => {
    const admin = await createOrganisation(url());
    const marketing = await addMember(url(), admin, 'marketing');
    const keyPage = { id: newId(), keyId: 'org-1', payload: b64(64), _deleted: false };
    expect(await push(url(), marketing.token, [{ newDocumentState: keyPage }], 'keys')).toEqual({
      status: 403,
      body: { ok: false, error: 'forbidden' },
    });
    expect(value(await pull(url(), marketing.token, 0, 'keys')).documents).toEqual([]);
    expect(value(await push(url(), marketing.token, [{ newDocumentState: await personRecord({}) }]))).toEqual(
      [],
    );
    expect(value(await push(url(), admin.token, [{ newDocumentState: keyPage }], 'keys'))).toEqual([]);
    for (const [method, path] of [
      ['GET', '/devices'],
      ['GET', '/users'],
      ['POST', `/devices/${admin.deviceId}/revoke`],
    ]) {
      expect((await call(url(), method as string, path as string, { token: marketing.token })).body).toEqual({
        ok: false,
        error: 'forbidden',
      });
    }
    const pending = await addMember(url(), admin, 'sales', false);
    expect((await pull(url(), pending.token)).body).toEqual({ ok: false, error: 'awaiting-org-key' });
  });
});
