// The erasure ledger over HTTP on both storage adapters: who may erase and read the certificate status,
// idempotency, the stream event, the server's own copy of the subject turned into "erased" tombstones,
// and every later push that would bring the subject back refused (also under a brand-new id).
import { beforeEach, describe, expect, it } from 'vitest';
import type { KeyWire, PullResponse, RecordWire } from '../../../shared/sync/protocol';
import type { ErasureEntry, ErasuresResponse, ErasureStatusResponse } from '../../../shared/sync';
import { annelies, bram } from '../../fixtures/people';
import { ADAPTER_NAMES, ADAPTERS } from './adapters';
import {
  addMember,
  erasureOrder,
  b64,
  call,
  createOrganisation,
  newId,
  openStream,
  personRecord,
  startServer,
  value,
  type Member,
} from './harness';
import { useServerFixture } from './server-fixture';

const ERASED_AT = 1_800_000_000_000;

describe.each(ADAPTER_NAMES)('erasure ledger over HTTP: %s', (name) => {
  const fixture = useServerFixture(name, { now: () => ERASED_AT });
  const url = () => fixture.server.url;
  let admin: Member & { orgId: string };
  let sales: Member;

  const push = (token: string, rows: object[], collection = 'records') =>
    call<unknown[]>(url(), 'POST', `/sync/${collection}/push`, { token, body: rows });
  const pull = async (token: string, collection = 'records') =>
    value(await call<PullResponse>(url(), 'GET', `/sync/${collection}/pull?limit=1000`, { token })).documents;
  const erase = (member: Member & { orgId?: string }, subjectId: string, requestId = newId()) =>
    call<ErasureEntry>(url(), 'POST', '/erasures', {
      token: member.token,
      body: erasureOrder(member.signing, member.orgId ?? admin.orgId, subjectId, requestId),
    });

  /** A person record about this subject, with a really encrypted payload. */
  const recordOf = async (
    subjectId: string,
    person: object = annelies,
    id = newId(),
  ): Promise<RecordWire> => ({
    ...(await personRecord(person, id)),
    subjectId,
  });

  beforeEach(async () => {
    admin = await createOrganisation(url());
    sales = await addMember(url(), admin, 'sales');
  });

  it('lets only admins erase and read the status; every role reads the ledger; a second erasure returns the first', async () => {
    const subjectId = newId();
    expect(await erase(sales, subjectId)).toMatchObject({ status: 403, body: { error: 'forbidden' } });
    const requestId = newId();
    // An order not signed by the calling device's registered key is refused, and writes nothing.
    const forged = erasureOrder(sales.signing, admin.orgId, subjectId, requestId);
    expect(await call(url(), 'POST', '/erasures', { token: admin.token, body: forged })).toEqual({
      status: 403,
      body: { ok: false, error: 'erasure-unsigned' },
    });
    const tampered = {
      ...erasureOrder(admin.signing, admin.orgId, subjectId, requestId),
      requestId: newId(),
    };
    expect(await call(url(), 'POST', '/erasures', { token: admin.token, body: tampered })).toMatchObject({
      status: 403,
    });
    expect(await fixture.storage.erasure(admin.orgId, subjectId)).toBeUndefined();
    const order = erasureOrder(admin.signing, admin.orgId, subjectId, requestId);
    const first = await call<ErasureEntry>(url(), 'POST', '/erasures', {
      token: admin.token,
      body: order,
    });
    expect(first.status).toBe(201);
    const entry = value(first);
    // The ledger carries the signed order, for every device to check before it purges.
    expect(entry).toEqual({
      subjectId,
      requestId,
      erasedAt: ERASED_AT,
      erasedBy: admin.userId,
      seq: 1,
      signer: order.signer,
      sig: order.sig,
      proof: order.proof,
    });
    const again = await erase(admin, subjectId, newId());
    expect(again.status).toBe(200);
    expect(value(again)).toEqual(entry);

    const ledger = value(
      await call<ErasuresResponse>(url(), 'GET', '/erasures?after=0', { token: sales.token }),
    );
    expect(ledger).toEqual({ erasures: [entry], checkpoint: 1 });
    expect(
      value(await call<ErasuresResponse>(url(), 'GET', '/erasures?after=1', { token: sales.token })),
    ).toEqual({ erasures: [], checkpoint: 1 });
    expect(await call(url(), 'GET', '/erasures?after=-1', { token: sales.token })).toMatchObject({
      status: 400,
      body: { error: 'bad-request' },
    });
    expect(await call(url(), 'GET', '/erasures')).toMatchObject({ status: 401 });

    expect(await call(url(), 'GET', `/erasures/${subjectId}`, { token: sales.token })).toMatchObject({
      status: 403,
    });
    expect(await call(url(), 'GET', `/erasures/${newId()}`, { token: admin.token })).toMatchObject({
      status: 404,
      body: { error: 'not-erased' },
    });
    expect(await erase(admin, 'not an id!')).toMatchObject({
      status: 400,
      body: { error: 'bad-request' },
    });
  });

  it('keeps each organisation’s ledger to itself', async () => {
    const other = await createOrganisation(url());
    const subjectId = newId();
    value(await erase(admin, subjectId));
    expect(
      value(await call<ErasuresResponse>(url(), 'GET', '/erasures', { token: other.token })).erasures,
    ).toEqual([]);
    expect(await call(url(), 'GET', `/erasures/${subjectId}`, { token: other.token })).toMatchObject({
      status: 404,
    });
    // The same random id erased in another organisation is a separate entry.
    expect(value(await erase(other, subjectId)).erasedBy).toBe(other.userId);
  });

  it('lists the devices that confirmed their purge and those outstanding, revoked ones left out', async () => {
    const marketing = await addMember(url(), admin, 'marketing');
    const lost = await addMember(url(), admin, 'service');
    value(await call(url(), 'POST', `/devices/${lost.deviceId}/revoke`, { token: admin.token }));
    const subjectId = newId();
    value(await erase(admin, subjectId));

    const confirm = (token: string, subjectIds: string[]) =>
      call<{ confirmed: number }>(url(), 'POST', '/erasures/confirm', { token, body: { subjectIds } });
    // An id that was never erased is ignored, and confirming twice changes nothing.
    expect(value(await confirm(sales.token, [subjectId, newId()]))).toEqual({ confirmed: 1 });
    expect(value(await confirm(sales.token, [subjectId]))).toEqual({ confirmed: 1 });
    expect(value(await confirm(marketing.token, [newId()]))).toEqual({ confirmed: 0 });
    expect(await confirm(marketing.token, [])).toMatchObject({ status: 400 });

    const status = value(
      await call<ErasureStatusResponse>(url(), 'GET', `/erasures/${subjectId}`, { token: admin.token }),
    );
    expect(status.erasure.subjectId).toBe(subjectId);
    expect(status.confirmed).toEqual([
      { deviceId: sales.deviceId, userId: sales.userId, confirmedAt: ERASED_AT },
    ]);
    expect(status.outstanding.map((d) => d.deviceId).sort()).toEqual(
      [admin.deviceId, marketing.deviceId].sort(),
    );
    expect(status.outstanding.find((d) => d.deviceId === marketing.deviceId)).toEqual({
      deviceId: marketing.deviceId,
      userId: marketing.userId,
      lastSyncAt: null,
    });
  });

  it('announces an erasure on the live stream', async () => {
    const stream = await openStream(url(), sales.token);
    try {
      expect(await stream.next()).toEqual({ checkpoint: 0 });
      const entry = value(await erase(admin, newId()));
      expect(await stream.next()).toEqual({ checkpoint: entry.seq });
    } finally {
      stream.close();
    }
  });

  it('replaces what the server stores of the subject by "erased" tombstones and strips its key', async () => {
    const [erased, kept] = [newId(), newId()];
    const record = await recordOf(erased, annelies);
    const item = { ...(await recordOf(erased, { note: 'called about the invoice' })), kind: 'activity' };
    const other = await recordOf(kept, bram);
    const [erasedKey, keptKey] = [b64(72), b64(72)];
    const page: KeyWire = {
      id: newId(),
      keyId: 'org-1',
      payload: JSON.stringify({ [erased]: erasedKey, [kept]: keptKey }),
      _deleted: false,
    };
    value(await push(sales.token, [{ newDocumentState: page }], 'keys'));
    value(await push(sales.token, [{ newDocumentState: record }, { newDocumentState: other }]));
    value(await push(sales.token, [{ newDocumentState: item }], 'items'));

    const entry = value(await erase(admin, erased));
    // Four writes, three rewritten documents, then the ledger entry, each with its own sequence.
    expect(entry.seq).toBe(8);
    const tombstone = (doc: RecordWire) => ({ ...doc, payload: 'erased', _deleted: true });
    expect(await pull(sales.token)).toEqual([other, tombstone(record)]);
    expect(await pull(sales.token, 'items')).toEqual([tombstone(item)]);
    expect(await pull(sales.token, 'keys')).toEqual([
      { ...page, payload: JSON.stringify({ [kept]: keptKey }) },
    ]);

    const rows = (await fixture.storage.dumpAllRows()).join('\n');
    expect(rows).toContain(other.payload);
    for (const gone of [record.payload, item.payload, erasedKey]) expect(rows).not.toContain(gone);
    // A second erasure of the same subject rewrites nothing.
    value(await erase(admin, erased));
    expect(await fixture.storage.currentSequence(admin.orgId)).toBe(8);
  });

  it('refuses every later push that would bring the subject back, and accepts its tombstones', async () => {
    const subjectId = newId();
    const record = await recordOf(subjectId);
    value(await push(sales.token, [{ newDocumentState: record }]));
    value(await erase(admin, subjectId));
    const stored = { ...record, payload: 'erased', _deleted: true };

    // An offline laptop's edit made before it heard of the erasure: answered with the tombstone.
    const edit = {
      ...(await recordOf(subjectId, { ...annelies, jobTitle: 'CFO' }, record.id)),
      updatedAt: 2,
    };
    expect(value(await push(sales.token, [{ newDocumentState: edit, assumedMasterState: record }]))).toEqual([
      stored,
    ]);
    // A brand-new record of the subject: refused, and its id burnt by a stored tombstone.
    const fresh = await recordOf(subjectId, bram);
    const burnt = { ...fresh, payload: 'erased', _deleted: true };
    expect(value(await push(sales.token, [{ newDocumentState: fresh }], 'items'))).toEqual([burnt]);
    // The erasing client's own tombstone: accepted, kept without its payload.
    const late = { ...(await recordOf(subjectId)), _deleted: true };
    expect(value(await push(sales.token, [{ newDocumentState: late }], 'items'))).toEqual([]);
    expect(value(await push(sales.token, [{ newDocumentState: { ...record, _deleted: true } }]))).toEqual([]);
    // A key page that still holds the subject's key: stored without it, and answered with what was stored.
    const otherSubject = newId();
    const page: KeyWire = {
      id: newId(),
      keyId: 'org-1',
      payload: JSON.stringify({ [subjectId]: b64(72), [otherSubject]: b64(72) }),
      _deleted: false,
    };
    const keys = JSON.parse(page.payload) as Record<string, string>;
    const strippedPage = { ...page, payload: JSON.stringify({ [otherSubject]: keys[otherSubject] }) };
    expect(value(await push(sales.token, [{ newDocumentState: page }], 'keys'))).toEqual([strippedPage]);

    expect(await pull(admin.token)).toEqual([stored]);
    expect(await pull(admin.token, 'items')).toEqual([burnt, { ...late, payload: 'erased' }]);
    expect(await pull(admin.token, 'keys')).toEqual([strippedPage]);
    const rows = (await fixture.storage.dumpAllRows()).join('\n');
    for (const gone of [record.payload, edit.payload, fresh.payload, late.payload])
      expect(rows).not.toContain(gone);
    expect(rows).not.toContain(keys[subjectId]);
    // The log holds counts, not ids or payloads.
    const logs = fixture.server.logs.join('\n');
    expect(logs).toContain('"erased":');
    for (const secret of [subjectId, edit.payload, fresh.payload]) expect(logs).not.toContain(secret);
  });
});

describe('an erasure racing pushes on two PostgreSQL server instances', () => {
  it('leaves no live document of the subject, whichever commits first', async () => {
    const database = await ADAPTERS.postgres();
    const storages = [await database.open(), await database.open()];
    await storages[0]?.migrate();
    const [a, b] = await Promise.all(storages.map((s) => startServer(s)));
    try {
      if (!a || !b) throw new Error('two instances');
      const admin = await createOrganisation(a.url);
      const subjectId = newId();
      const records = await Promise.all(
        Array.from({ length: 12 }, async () => ({ ...(await personRecord(annelies)), subjectId })),
      );
      const pushes = records.map((doc) =>
        call(a.url, 'POST', '/sync/records/push', { token: admin.token, body: [{ newDocumentState: doc }] }),
      );
      const erasure = call(b.url, 'POST', '/erasures', {
        token: admin.token,
        body: erasureOrder(admin.signing, admin.orgId, subjectId, newId()),
      });
      await Promise.all([...pushes, erasure]);
      const pulled = value(
        await call<PullResponse>(b.url, 'GET', '/sync/records/pull?limit=100', { token: admin.token }),
      ).documents as RecordWire[];
      expect(pulled.map((doc) => doc.id).sort()).toEqual(records.map((doc) => doc.id).sort());
      for (const doc of pulled) expect(doc).toMatchObject({ subjectId, payload: 'erased', _deleted: true });
    } finally {
      await Promise.all([a?.close(), b?.close()]);
      for (const s of storages) await s.close();
      await database.destroy();
    }
  });
});
