// Erasure reaches every device (issue 6.5), with the real server: A erases a person while B is offline
// with an edit of that person; when B comes back its edit is refused, the person is purged from B, B
// confirms, and A's certificate lists both devices — also across a server restart.
import { afterEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { eraseSubject } from '../../../shared/erasure/erasure';
import { discardNotice, queuedErasures } from '../../../shared/erasure/erasure-local';
import type { RecordWire } from '../../../shared/sync/protocol';
import { annelies, bram } from '../../fixtures/people';
import { erasureSetup, type Device, type ErasureSetup } from './devices';

const NOTE = { kind: 'test-note', version: 1, schema: z.object({ text: z.string() }) };

let setup: ErasureSetup | undefined;
afterEach(async () => {
  await setup?.close();
  setup = undefined;
});

const holdings = async (device: Device, subjectId: string) => ({
  records: (await device.db.records.find({ selector: { subjectId } }).exec()).length,
  items: (await device.db.items.find({ selector: { subjectId } }).exec()).length,
  keyed: (await device.db.keys.find().exec()).some((page) => page.payload.includes(subjectId)),
});

const serverDocs = async (s: ErasureSetup, collection: 'records' | 'items', subjectId: string) => {
  const pulled = await s.storage.pull(s.a.link.orgId, collection, 0, 1000);
  return pulled.docs.map((d) => JSON.parse(d.doc) as RecordWire).filter((d) => d.subjectId === subjectId);
};

/** A and B both hold the person and a note about them, and a second person untouched by the erasure. */
const shared = async (s: ErasureSetup) => {
  const [person, other] = await s.a.session.people.createMany([annelies, bram]);
  await s.a.session.items(NOTE).create(person!.id, { text: 'Belde over de offerte' });
  await s.syncOnce(s.a);
  await s.syncOnce(s.b);
  expect((await s.b.session.people.get(person!.id)).data.givenName).toBe('Annelies');
  return { person: person!, other: other! };
};

describe.each(['sqlite', 'postgres'] as const)('erasure across devices: %s', (adapter) => {
  it('refuses the offline edit, purges B, and lists both devices on A’s certificate', async () => {
    setup = await erasureSetup(adapter);
    const s = setup;
    const { person, other } = await shared(s);
    // B is offline and edits the person.
    await s.b.session.people.update(person.id, (p) => ({ ...p, jobTitle: 'Directeur' }));

    const certificate = await eraseSubject(s.a.session, {
      subjectId: person.id,
      requestId: 'req-erase-1',
      ledger: s.a.erasures,
    });
    expect(certificate.ledger).toBe('recorded');
    await s.syncOnce(s.a);
    await s.restart();

    await s.syncOnce(s.b);

    expect(await holdings(s.b, person.id)).toEqual({ records: 0, items: 0, keyed: false });
    expect((await s.b.session.people.get(other.id)).data.givenName).toBe('Bram');
    const onServer = await serverDocs(s, 'records', person.id);
    expect(onServer.map((d) => [d._deleted, d.payload])).toEqual([[true, 'erased']]);
    expect((await serverDocs(s, 'items', person.id)).every((d) => d._deleted && d.payload === 'erased')).toBe(
      true,
    );
    const dump = (await s.storage.dumpAllRows()).join('\n');
    expect(dump).not.toContain('Directeur');

    const refreshed = await s.a.erasures.refreshCertificate(person.id);
    const confirmed = refreshed.devices.filter((d) => d.confirmedAt !== null).map((d) => d.deviceId);
    expect(confirmed.sort()).toEqual([s.a.link.deviceId, s.b.link.deviceId].sort());
    expect(refreshed.devices.filter((d) => d.confirmedAt === null)).toEqual([]);
    expect(refreshed.checkedAt).not.toBeNull();
  });

  it('an older client without the ledger sees its edit refused as a conflict and is told, not merged', async () => {
    setup = await erasureSetup(adapter);
    const s = setup;
    const { person } = await shared(s);
    await s.b.session.people.update(person.id, (p) => ({ ...p, jobTitle: 'Directeur' }));
    await eraseSubject(s.a.session, { subjectId: person.id, requestId: 'req-erase-2', ledger: s.a.erasures });
    await s.syncOnce(s.a);

    await s.syncOnce(s.b, { catchUp: false });

    expect((await discardNotice(s.b.session)).count).toBe(1);
    expect((await s.b.db.records.find({ selector: { subjectId: person.id } }).exec()).length).toBe(0);
    expect((await serverDocs(s, 'records', person.id)).map((d) => d.payload)).toEqual(['erased']);
    // The next run with the ledger shreds the key and confirms.
    await s.syncOnce(s.b);
    expect(await holdings(s.b, person.id)).toEqual({ records: 0, items: 0, keyed: false });
    const status = await s.a.erasures.status(person.id);
    expect(status.confirmed.map((d) => d.deviceId)).toContain(s.b.link.deviceId);
  });

  it('an erasure made offline is queued and recorded by the next sync', async () => {
    setup = await erasureSetup(adapter);
    const s = setup;
    const { person } = await shared(s);
    const offline = {
      deviceId: s.a.link.deviceId,
      userId: s.a.link.userId,
      flushQueue: () => Promise.reject(new Error('offline')),
    };
    const certificate = await eraseSubject(s.a.session, {
      subjectId: person.id,
      requestId: 'req-erase-3',
      ledger: offline,
    });
    expect(certificate.ledger).toBe('queued');
    expect(await queuedErasures(s.a.session)).toHaveLength(1);

    await s.syncOnce(s.a);
    await s.syncOnce(s.b);

    expect(await queuedErasures(s.a.session)).toEqual([]);
    expect(await holdings(s.b, person.id)).toEqual({ records: 0, items: 0, keyed: false });
    const refreshed = await s.a.erasures.refreshCertificate(person.id);
    expect(refreshed.ledger).toBe('recorded');
    expect(refreshed.devices.filter((d) => d.confirmedAt !== null)).toHaveLength(2);
  });
});
