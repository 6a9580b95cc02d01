// Device exposure over HTTP on both storage adapters (the lost-laptop drill): a device that pulled up to
// a sequence held exactly the documents that existed then — not later ones, not ones already deleted,
// yes ones deleted afterwards — plus the ones it pushed itself. Admins of the device's organisation only.
import { beforeEach, describe, expect, it } from 'vitest';
import type { StoredPushRow } from '../../../server/storage/types';
import type { PullResponse, RecordWire, SettingWire } from '../../../shared/sync/protocol';
import type { DeviceExposureResponse, ExposedDocument } from '../../../shared/sync';
import { ADAPTER_NAMES } from './adapters';
import { addMember, b64, call, createOrganisation, newId, value, type Member } from './harness';
import { useServerFixture } from './server-fixture';

const NOW = 1_800_000_000_000;

const record = (kind = 'person'): RecordWire => ({
  id: newId(),
  kind,
  subjectId: newId(),
  keyId: `page-${newId()}`,
  v: 1,
  payload: b64(64),
  updatedAt: NOW,
  _deleted: false,
});

const setting = (): SettingWire => ({
  id: newId(),
  kind: 'purpose',
  keyId: 'org-1',
  v: 1,
  payload: b64(64),
  updatedAt: NOW,
  _deleted: false,
});

const exposed = (
  collection: ExposedDocument['collection'],
  doc: RecordWire | SettingWire,
): ExposedDocument => ({
  collection,
  id: doc.id,
  kind: doc.kind,
  subjectId: 'subjectId' in doc ? doc.subjectId : '',
});

const byId = (docs: ExposedDocument[]) =>
  [...docs].sort((a, b) => `${a.collection}/${a.id}`.localeCompare(`${b.collection}/${b.id}`));

describe.each(ADAPTER_NAMES)('device exposure over HTTP: %s', (name) => {
  const fixture = useServerFixture(name, { now: () => NOW });
  const url = () => fixture.server.url;
  let admin: Member & { orgId: string };
  let sales: Member;

  const push = async (token: string, rows: object[], collection = 'records') =>
    value(await call<unknown[]>(url(), 'POST', `/sync/${collection}/push`, { token, body: rows }));
  const pull = async (token: string, collection: string, checkpoint = 0, limit = 1000) =>
    value(
      await call<PullResponse>(
        url(),
        'GET',
        `/sync/${collection}/pull?checkpoint=${checkpoint}&limit=${limit}`,
        { token },
      ),
    );
  const exposure = (token: string, deviceId: string) =>
    call<DeviceExposureResponse>(url(), 'GET', `/devices/${deviceId}/exposure`, { token });

  beforeEach(async () => {
    admin = await createOrganisation(url());
    sales = await addMember(url(), admin, 'sales');
  });

  it('reports what the device held at its last pull and what it pushed itself', async () => {
    const [goneBefore, deletedAfter, held] = [record(), record(), record()];
    await push(
      admin.token,
      [goneBefore, deletedAfter, held].map((doc) => ({ newDocumentState: doc })),
    );
    await push(admin.token, [
      { newDocumentState: { ...goneBefore, _deleted: true }, assumedMasterState: goneBefore },
    ]);
    const purpose = setting();
    const activity = record('activity');
    await push(admin.token, [{ newDocumentState: purpose }], 'settings');
    await push(admin.token, [{ newDocumentState: activity }], 'items');

    // The laptop syncs: records in two pages, then items and settings.
    expect((await pull(sales.token, 'records', 0, 2)).checkpoint).toBe(3);
    expect((await pull(sales.token, 'records', 3)).checkpoint).toBe(4);
    expect((await pull(sales.token, 'items')).checkpoint).toBe(6);
    expect((await pull(sales.token, 'settings')).checkpoint).toBe(5);

    // After its last pull: a deletion and new documents it never received, and its own new record.
    await push(admin.token, [
      { newDocumentState: { ...deletedAfter, _deleted: true }, assumedMasterState: deletedAfter },
    ]);
    await push(admin.token, [{ newDocumentState: record() }]);
    await push(admin.token, [{ newDocumentState: record('deal') }], 'items');
    const own = record();
    await push(sales.token, [{ newDocumentState: own }]);

    const report = value(await exposure(admin.token, sales.deviceId));
    expect(report).toMatchObject({
      deviceId: sales.deviceId,
      userId: sales.userId,
      lastSyncAt: NOW,
      revokedAt: null,
      checkpoints: { records: 4, items: 6, settings: 5 },
    });
    expect(byId(report.documents)).toEqual(
      byId([
        exposed('records', deletedAfter),
        exposed('records', held),
        exposed('records', own),
        exposed('items', activity),
        exposed('settings', purpose),
      ]),
    );
    // The admin's own device pushed all of those and pulled nothing.
    const adminReport = value(await exposure(admin.token, admin.deviceId));
    expect(adminReport.checkpoints).toEqual({});
    expect(adminReport.documents).toHaveLength(7);
  });

  it('moves a device’s checkpoint only up, unless the device starts over from 0', async () => {
    await push(
      admin.token,
      [record(), record(), record()].map((doc) => ({ newDocumentState: doc })),
    );
    expect((await pull(sales.token, 'records')).checkpoint).toBe(3);
    // A retried older pull does not lower what the device is known to hold.
    expect((await pull(sales.token, 'records', 1, 1)).checkpoint).toBe(2);
    // Nor does a live client's empty pull.
    expect((await pull(sales.token, 'records', 3)).documents).toEqual([]);
    expect(value(await exposure(admin.token, sales.deviceId)).checkpoints).toEqual({ records: 3 });
    // A resync from 0 (after its local copy was wiped) starts over.
    expect((await pull(sales.token, 'records', 0, 1)).checkpoint).toBe(1);
    expect(value(await exposure(admin.token, sales.deviceId)).checkpoints).toEqual({ records: 1 });
  });

  it('still reports a revoked device; refuses other roles and other organisations’ devices', async () => {
    await push(admin.token, [{ newDocumentState: record() }]);
    await pull(sales.token, 'records');
    value(await call(url(), 'POST', `/devices/${sales.deviceId}/revoke`, { token: admin.token }));
    const report = value(await exposure(admin.token, sales.deviceId));
    expect(report.revokedAt).toBe(NOW);
    expect(report.documents).toHaveLength(1);

    const manager = await addMember(url(), admin, 'manager');
    expect(await exposure(manager.token, sales.deviceId)).toMatchObject({
      status: 403,
      body: { error: 'forbidden' },
    });
    const other = await createOrganisation(url());
    expect(await exposure(other.token, sales.deviceId)).toMatchObject({
      status: 404,
      body: { error: 'not-found' },
    });
    expect(await exposure(admin.token, newId())).toMatchObject({ status: 404 });
    expect(await exposure(admin.token, other.deviceId)).toMatchObject({ status: 404 });
  });

  it('streams the exposure of a device that held 100,000 documents', { timeout: 180_000 }, async () => {
    const total = 100_000;
    for (let start = 0; start < total; start += 500) {
      const rows: StoredPushRow[] = Array.from({ length: 500 }, (_, i) => {
        const doc = { ...record(), id: `doc-${String(start + i).padStart(6, '0')}`, payload: 'x'.repeat(64) };
        return { id: doc.id, doc: JSON.stringify(doc), deleted: false, assumed: null };
      });
      const outcome = await fixture.storage.push(admin.orgId, 'records', rows, NOW, sales.deviceId);
      expect(outcome.ok).toBe(true);
    }
    const response = await fetch(`${url()}/devices/${sales.deviceId}/exposure`, {
      headers: { authorization: `Bearer ${admin.token}` },
    });
    expect(response.status).toBe(200);
    const body = (await response.json()) as { ok: true; value: DeviceExposureResponse };
    const ids = body.value.documents.map((d) => d.id);
    expect(ids).toHaveLength(total);
    expect(new Set(ids).size).toBe(total);
    expect(body.value.documents[0]).toMatchObject({ collection: 'records', kind: 'person' });
  });
});
