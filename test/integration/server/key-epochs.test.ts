// Key epochs over HTTP on both adapters: an organisation made with its first page key starts at epoch 0;
// an admin rotates with a compare-and-set on the current epoch and exactly one grant per member who holds
// the organisation key; a push of a live key page under an older epoch is refused whole; an epoch finishes
// only once every live page is under it; removals and erasures are due until the next rotation; devices
// acknowledge the epoch they hold. The server sees grants and pages as opaque text only.
import { describe, expect, it } from 'vitest';
import type { KeyWire, PullResponse } from '../../../shared/sync/protocol';
import type { KeyEpochSummary, KeysResponse } from '../../../shared/sync';
import { ADAPTER_NAMES } from './adapters';
import {
  addMember,
  b64,
  call,
  createOrganisation,
  deviceKey,
  erasureOrder,
  newId,
  value,
  type Member,
} from './harness';
import { useServerFixture } from './server-fixture';

type Row = { newDocumentState: KeyWire; assumedMasterState?: KeyWire | null };

describe.each(ADAPTER_NAMES)('key epochs (%s)', (adapter) => {
  const fixture = useServerFixture(adapter);
  const url = () => fixture.server.url;

  const keys = async (member: Member) =>
    value(await call<KeysResponse>(url(), 'GET', '/keys', { token: member.token }));
  const rotate = (
    member: Member,
    body: { previousEpochId: string | null; epochId: string; reason: string; grants: object[] },
  ) => call<{ epochId: string }>(url(), 'POST', '/keys/rotate', { token: member.token, body });
  const grantsFor = (...members: Member[]) => members.map((m) => ({ userId: m.userId, sealed: b64(120) }));
  const finish = (member: Member, epochId: string) =>
    call<KeyEpochSummary>(url(), 'POST', `/keys/epochs/${epochId}/finish`, { token: member.token });
  const ack = (member: Member, epochId: string) =>
    call(url(), 'POST', '/keys/ack', { token: member.token, body: { epochId } });
  const pushKeys = (member: Member, rows: Row[]) =>
    call<unknown[]>(url(), 'POST', '/sync/keys/push', { token: member.token, body: rows });
  const pullKeys = async (member: Member) =>
    value(await call<PullResponse>(url(), 'GET', '/sync/keys/pull?limit=1000', { token: member.token }))
      .documents;
  /** A key page as the client writes it: subject ids to data keys sealed under the page key. */
  const page = (keyId: string, subjects = [newId(), newId()]): KeyWire => ({
    id: newId(),
    keyId,
    payload: JSON.stringify(Object.fromEntries(subjects.map((s) => [s, b64(72)]))),
    _deleted: false,
  });
  /** The same page re-wrapped under another epoch's page key (new ciphertext for every entry). */
  const rewrapped = (p: KeyWire, keyId: string): KeyWire => ({
    ...p,
    keyId,
    payload: JSON.stringify(
      Object.fromEntries(Object.keys(JSON.parse(p.payload) as object).map((s) => [s, b64(72)])),
    ),
  });
  /** Every stored document, as text. */
  const documents = async () =>
    (await fixture.storage.dumpAllRows()).filter((row) => row.includes('"doc"')).sort();

  /** A rotation from `previousEpochId` that must succeed, with a grant for each member; its new epoch id. */
  const rotated = async (admin: Member, previousEpochId: string, reason: string, members: Member[]) => {
    const epochId = `page-${newId()}`;
    value(await rotate(admin, { previousEpochId, epochId, reason, grants: grantsFor(...members) }));
    return epochId;
  };

  /** An organisation at epoch 0, with a sales member who holds the organisation key. */
  const organisation = async () => {
    const epoch0 = `page-${newId()}`;
    const admin = await createOrganisation(url(), { pageKeyId: epoch0 });
    const sales = await addMember(url(), admin, 'sales');
    return { admin, sales, epoch0 };
  };

  it('records epoch 0 for an organisation created with its first page key, and none without', async () => {
    const before = Date.now();
    const epoch0 = `page-${newId()}`;
    const admin = await createOrganisation(url(), { pageKeyId: epoch0 });
    const state = await keys(admin);
    expect(state).toEqual({
      epochs: [
        {
          epochId: epoch0,
          seq: 0,
          reason: 'created',
          createdAt: expect.any(Number) as number,
          createdBy: admin.userId,
          finishedAt: state.epochs[0]?.createdAt,
        },
      ],
      grants: [],
      due: [],
      pendingPages: 0,
      devicesBehind: [{ deviceId: admin.deviceId, userId: admin.userId, epochId: null, lastSyncAt: null }],
    });
    expect(state.epochs[0]?.createdAt).toBeGreaterThanOrEqual(before);

    // An organisation from a client before key epochs: nothing recorded, and key pages under any keyId
    // are taken as before.
    const legacy = await createOrganisation(url());
    value(await pushKeys(legacy, [{ newDocumentState: page('org-1') }, { newDocumentState: page('other') }]));
    expect(await keys(legacy)).toEqual({
      epochs: [],
      grants: [],
      due: [],
      pendingPages: 0,
      devicesBehind: [],
    });
  });

  it('lets one of two rotations racing from the same epoch win; the other gets epoch-stale', async () => {
    const { admin, sales, epoch0 } = await organisation();
    const second = await addMember(url(), admin, 'admin');
    const [a, b] = [`page-${newId()}`, `page-${newId()}`];
    const salesGrant = { a: b64(120), b: b64(120) };
    const replies = await Promise.all([
      rotate(admin, {
        previousEpochId: epoch0,
        epochId: a,
        reason: 'removal',
        grants: [...grantsFor(admin, second), { userId: sales.userId, sealed: salesGrant.a }],
      }),
      rotate(second, {
        previousEpochId: epoch0,
        epochId: b,
        reason: 'manual',
        grants: [...grantsFor(admin, second), { userId: sales.userId, sealed: salesGrant.b }],
      }),
    ]);
    expect(replies.map((r) => r.status).sort()).toEqual([201, 409]);
    const loser = replies.find((r) => r.status === 409);
    expect(loser?.body).toEqual({ ok: false, error: 'epoch-stale' });
    const winner = value(replies.find((r) => r.status === 201) as (typeof replies)[number]).epochId;
    const state = await keys(sales);
    expect(state.epochs.map((e) => [e.epochId, e.seq, e.finishedAt])).toEqual([
      [epoch0, 0, state.epochs[0]?.createdAt],
      [winner, 1, null],
    ]);
    expect(state.epochs[1]?.reason).toBe(winner === a ? 'removal' : 'manual');
    expect(state.epochs[1]?.createdBy).toBe(winner === a ? admin.userId : second.userId);
    // Only the winner's grant was kept: the loser recorded nothing.
    expect(state.grants).toEqual([{ epochId: winner, sealed: winner === a ? salesGrant.a : salesGrant.b }]);

    // Rotating from the old epoch, or from "no epoch", is stale too; 'first' is only for an organisation
    // without epochs, and an epoch id is never used twice.
    const all = grantsFor(admin, second, sales);
    expect(
      await rotate(admin, { previousEpochId: epoch0, epochId: newId(), reason: 'manual', grants: all }),
    ).toMatchObject({ status: 409, body: { error: 'epoch-stale' } });
    expect(
      await rotate(admin, { previousEpochId: null, epochId: newId(), reason: 'first', grants: all }),
    ).toMatchObject({ status: 409, body: { error: 'epoch-stale' } });
    expect(
      await rotate(admin, { previousEpochId: winner, epochId: newId(), reason: 'first', grants: all }),
    ).toMatchObject({ status: 400, body: { error: 'bad-request' } });
    expect(
      await rotate(admin, { previousEpochId: winner, epochId: epoch0, reason: 'manual', grants: all }),
    ).toMatchObject({ status: 400, body: { error: 'bad-request' } });
    expect(
      await rotate(admin, { previousEpochId: winner, epochId: newId(), reason: 'created', grants: all }),
    ).toMatchObject({ status: 400, body: { error: 'bad-request' } });
    expect((await keys(admin)).epochs).toHaveLength(2);

    // A rotation from an epoch that never finished leaves it stale: it can no longer be finished.
    const next = `page-${newId()}`;
    value(await rotate(admin, { previousEpochId: winner, epochId: next, reason: 'manual', grants: all }));
    expect(await finish(admin, winner)).toEqual({ status: 409, body: { ok: false, error: 'epoch-stale' } });
    expect(value(await finish(admin, next)).finishedAt).toEqual(expect.any(Number));
  });

  it("starts a legacy organisation's first epoch with reason 'first' only", async () => {
    const admin = await createOrganisation(url());
    const grants = grantsFor(admin);
    expect(
      await rotate(admin, { previousEpochId: null, epochId: newId(), reason: 'erasure', grants }),
    ).toMatchObject({ status: 400, body: { error: 'bad-request' } });
    const first = `page-${newId()}`;
    const racing = await Promise.all(
      [first, newId(), newId()].map((epochId) =>
        rotate(admin, { previousEpochId: null, epochId, reason: 'first', grants }),
      ),
    );
    expect(racing.map((r) => r.status).sort()).toEqual([201, 409, 409]);
    const { epochs } = await keys(admin);
    expect(epochs).toHaveLength(1);
    expect(epochs[0]).toMatchObject({ seq: 0, reason: 'first', createdBy: admin.userId, finishedAt: null });
  });

  it('refuses grants that miss a member, or include a removed, keyless or unknown user, or one twice', async () => {
    const { admin, sales, epoch0 } = await organisation();
    const service = await addMember(url(), admin, 'service');
    const invited = await addMember(url(), admin, 'manager', false);
    const removed = await addMember(url(), admin, 'sales');
    value(await call(url(), 'POST', `/users/${removed.userId}/remove`, { token: admin.token }));
    // A suspended member keeps the organisation key: they need the new page key too.
    value(await call(url(), 'POST', `/users/${service.userId}/suspend`, { token: admin.token }));
    const attempt = (grants: object[]) =>
      rotate(admin, { previousEpochId: epoch0, epochId: `page-${newId()}`, reason: 'removal', grants });
    const refused = { status: 400, body: { ok: false, error: 'grants-incomplete' } };
    const holders = grantsFor(admin, sales, service);
    for (const grants of [
      grantsFor(admin, service), // sales is missing
      grantsFor(admin, sales), // the suspended member is missing
      [...holders, ...grantsFor(removed)],
      [...holders, ...grantsFor(invited)],
      [...holders, { userId: newId(), sealed: b64(120) }],
      [...holders, ...grantsFor(sales)],
    ])
      expect(await attempt(grants)).toEqual(refused);
    // Nothing was recorded by the refusals; the removal is still due.
    const before = await keys(admin);
    expect(before.epochs).toHaveLength(1);
    expect(before.due).toMatchObject([{ reason: 'removal', count: 1 }]);
    expect((await attempt(holders)).status).toBe(201);
  });

  it('lets only admins rotate and finish, and only members holding the organisation key read /keys', async () => {
    const { admin, sales, epoch0 } = await organisation();
    const grants = grantsFor(admin, sales);
    expect(
      await rotate(sales, { previousEpochId: epoch0, epochId: newId(), reason: 'manual', grants }),
    ).toMatchObject({ status: 403, body: { error: 'forbidden' } });
    expect(await finish(sales, epoch0)).toMatchObject({ status: 403, body: { error: 'forbidden' } });
    expect((await keys(admin)).epochs).toHaveLength(1);
    expect(await call(url(), 'GET', '/keys')).toMatchObject({
      status: 401,
      body: { error: 'unauthenticated' },
    });
    const invited = await addMember(url(), admin, 'sales', false);
    expect(await call(url(), 'GET', '/keys', { token: invited.token })).toMatchObject({
      status: 403,
      body: { error: 'awaiting-org-key' },
    });
    expect(await ack(invited, epoch0)).toMatchObject({ status: 403, body: { error: 'awaiting-org-key' } });
    expect(
      await call(url(), 'POST', '/keys/rotate', { token: admin.token, body: { epochId: newId() } }),
    ).toMatchObject({ status: 400, body: { error: 'bad-request' } });
  });

  it('refuses a live page under an older epoch with nothing of the push stored; tombstones pass', async () => {
    const { admin, sales, epoch0 } = await organisation();
    const old = page(epoch0);
    value(await pushKeys(sales, [{ newDocumentState: old }]));
    const epoch1 = await rotated(admin, epoch0, 'manual', [admin, sales]);
    const expectStale = async (member: Member, rows: Row[]) => {
      const stored = await documents();
      const sequence = await fixture.storage.currentSequence(admin.orgId);
      expect(await pushKeys(member, rows)).toEqual({
        status: 409,
        body: { ok: false, error: 'key-epoch-stale' },
      });
      expect(await documents()).toEqual(stored);
      expect(await fixture.storage.currentSequence(admin.orgId)).toBe(sequence);
    };
    const fresh = page(epoch1);
    // One page under the old epoch refuses the whole push: the page under the current one is not stored.
    await expectStale(sales, [{ newDocumentState: fresh }, { newDocumentState: page(epoch0) }]);
    // An edit of a stored page that keeps its old keyId, by its own device or an admin, is refused too.
    const edited = {
      ...old,
      payload: JSON.stringify({ ...(JSON.parse(old.payload) as object), [newId()]: b64(72) }),
    };
    await expectStale(sales, [{ newDocumentState: edited, assumedMasterState: old }]);
    await expectStale(admin, [{ newDocumentState: edited, assumedMasterState: old }]);
    // A page under a keyId that was never an epoch (an organisation key of before epochs) is refused.
    await expectStale(admin, [{ newDocumentState: page('org-1') }]);
    expect((await pullKeys(admin)).map((d) => d.id)).toEqual([old.id]);

    value(await pushKeys(sales, [{ newDocumentState: fresh }]));
    // Deleting a page under an old epoch stays allowed (the device that wrote it, under the usual rules).
    const tombstone = { ...old, _deleted: true };
    expect(value(await pushKeys(sales, [{ newDocumentState: tombstone, assumedMasterState: old }]))).toEqual(
      [],
    );
    expect(await pullKeys(admin)).toEqual([fresh, tombstone]);
  });

  it('finishes an epoch only once every live page was re-pushed under it', async () => {
    const { admin, sales, epoch0 } = await organisation();
    const pages = [page(epoch0), page(epoch0), page(epoch0)];
    value(
      await pushKeys(
        sales,
        pages.map((p) => ({ newDocumentState: p })),
      ),
    );
    const gone = page(epoch0);
    value(await pushKeys(admin, [{ newDocumentState: gone }]));
    value(
      await pushKeys(admin, [{ newDocumentState: { ...gone, _deleted: true }, assumedMasterState: gone }]),
    );
    const epoch1 = await rotated(admin, epoch0, 'manual', [admin, sales]);
    // The tombstone is not waiting: only live pages count.
    expect((await keys(sales)).pendingPages).toBe(3);
    expect(await finish(admin, epoch1)).toEqual({ status: 409, body: { ok: false, error: 'pages-pending' } });
    // Epoch 0 finished when it was made: finishing it again answers it as it is.
    expect(value(await finish(admin, epoch0))).toMatchObject({ epochId: epoch0, seq: 0, reason: 'created' });
    expect(await finish(admin, newId())).toMatchObject({ status: 404, body: { error: 'not-found' } });
    expect(await finish(admin, 'bad key id!')).toMatchObject({ status: 400 });

    // The admin re-wraps two pages; the third is deleted (its people were deleted meanwhile).
    const [p1, p2, p3] = pages as [KeyWire, KeyWire, KeyWire];
    value(
      await pushKeys(admin, [
        { newDocumentState: rewrapped(p1, epoch1), assumedMasterState: p1 },
        { newDocumentState: rewrapped(p2, epoch1), assumedMasterState: p2 },
      ]),
    );
    expect((await keys(admin)).pendingPages).toBe(1);
    expect(await finish(admin, epoch1)).toMatchObject({ status: 409, body: { error: 'pages-pending' } });
    value(await pushKeys(admin, [{ newDocumentState: { ...p3, _deleted: true }, assumedMasterState: p3 }]));
    expect((await keys(admin)).pendingPages).toBe(0);

    const finished = value(await finish(admin, epoch1));
    expect(finished).toMatchObject({ epochId: epoch1, seq: 1, reason: 'manual' });
    expect(finished.finishedAt).toEqual(expect.any(Number));
    // Finishing again answers the same epoch (a retried request), and the listing shows it finished.
    expect(value(await finish(admin, epoch1))).toEqual(finished);
    expect((await keys(sales)).epochs.at(-1)).toEqual(finished);
  });

  it('shows a removal and an erasure as due, and clears them with the next rotation', async () => {
    const { admin, sales, epoch0 } = await organisation();
    const before = Date.now();
    value(await call(url(), 'POST', `/users/${sales.userId}/remove`, { token: admin.token }));
    const subjectId = newId();
    const erase = () =>
      call(url(), 'POST', '/erasures', {
        token: admin.token,
        body: erasureOrder(admin.signing, admin.orgId, subjectId, newId()),
      });
    expect((await erase()).status).toBe(201);
    // Erasing the same subject again creates no ledger entry, and schedules nothing more.
    expect((await erase()).status).toBe(200);
    const service = await addMember(url(), admin, 'service');
    value(await call(url(), 'POST', `/users/${service.userId}/remove`, { token: admin.token }));
    const after = Date.now();
    const { due } = await keys(admin);
    expect(due).toEqual([
      { reason: 'erasure', count: 1, since: expect.any(Number) as number },
      { reason: 'removal', count: 2, since: expect.any(Number) as number },
    ]);
    for (const entry of due) {
      expect(entry.since).toBeGreaterThanOrEqual(before);
      expect(entry.since).toBeLessThanOrEqual(after);
    }
    const removalAt = (await fixture.storage.getUser(sales.userId))?.statusAt;
    expect(due[1]?.since).toBe(removalAt);

    await rotated(admin, epoch0, 'removal', [admin]);
    expect((await keys(admin)).due).toEqual([]);
  });

  it('moves a device out of devicesBehind when it acknowledges the current epoch', async () => {
    const { admin, sales, epoch0 } = await organisation();
    const signIn = value(
      await call<{ token: string; deviceId: string }>(url(), 'POST', '/auth/sign-in', {
        body: { userId: sales.userId, authVerifier: sales.authVerifier, signingKey: deviceKey().publicKey },
      }),
    );
    const laptop: Member = { ...sales, token: signIn.token, deviceId: signIn.deviceId };
    const behind = async () =>
      (await keys(admin)).devicesBehind.map((d) => [d.deviceId, d.userId, d.epochId]).sort();
    expect(await behind()).toEqual(
      [
        [admin.deviceId, admin.userId, null],
        [sales.deviceId, sales.userId, null],
        [laptop.deviceId, sales.userId, null],
      ].sort(),
    );
    expect(await ack(sales, epoch0)).toEqual({ status: 200, body: { ok: true, value: { epochId: epoch0 } } });
    expect(await behind()).toEqual(
      [
        [admin.deviceId, admin.userId, null],
        [laptop.deviceId, sales.userId, null],
      ].sort(),
    );
    // Only epochs of the caller's organisation can be acknowledged.
    const otherEpoch = `page-${newId()}`;
    await createOrganisation(url(), { pageKeyId: otherEpoch });
    expect(await ack(laptop, otherEpoch)).toMatchObject({ status: 404, body: { error: 'not-found' } });
    expect(await ack(laptop, newId())).toMatchObject({ status: 404, body: { error: 'not-found' } });
    expect(await call(url(), 'POST', '/keys/ack', { token: laptop.token, body: {} })).toMatchObject({
      status: 400,
    });

    const epoch1 = await rotated(admin, epoch0, 'manual', [admin, sales]);
    // A new epoch: every device is behind again, the phone still on epoch 0.
    expect(await behind()).toEqual(
      [
        [admin.deviceId, admin.userId, null],
        [sales.deviceId, sales.userId, epoch0],
        [laptop.deviceId, sales.userId, null],
      ].sort(),
    );
    value(await ack(admin, epoch1));
    value(await ack(sales, epoch1));
    // A revoked device is no longer waited for; neither are the devices of a removed member.
    value(await call(url(), 'POST', `/devices/${laptop.deviceId}/revoke`, { token: admin.token }));
    const gone = await addMember(url(), admin, 'service');
    expect(await behind()).toEqual([[gone.deviceId, gone.userId, null]]);
    value(await call(url(), 'POST', `/users/${gone.userId}/remove`, { token: admin.token }));
    expect(await behind()).toEqual([]);
  });
});
