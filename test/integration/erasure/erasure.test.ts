// Erasure reaches every device (issue 6.5), with the real server. Three members' clients: A (an admin)
// erases a person, B, online, purges within seconds, and C, offline meanwhile with an edit of that person,
// comes back later and its edit is refused; then nothing in any client's stored documents reads as the
// person, even to that client's own keys. And two devices of one admin: an offline edit refused and
// purged across a server restart, an older client without the ledger, an erasure made offline.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { getChangedDocumentsSince } from 'rxdb';
import { z } from 'zod';
import { loadSodium } from '../../../shared/crypto/sodium';
import { eraseSubject } from '../../../shared/erasure';
import { LOCAL_ACTOR } from '../../../shared/workspace';
import { queuedErasures } from '../../../shared/erasure/erasure-local';
import { discardNotice } from '../../../shared/sync/discard-notice';
import type { KluisDatabase } from '../../../shared/store/database';
import type { RecordWire } from '../../../shared/sync/protocol';
import { annelies, bram } from '../../fixtures/people';
import { dexieDatabase, newIndexedDb, testVault } from '../../helpers/store';
import { rob } from '../../helpers/thief';
import { useServerFixture } from '../server/server-fixture';
import {
  admin,
  appSyncOptions,
  device as memberDevice,
  fixturePlace,
  join,
  keysOf,
  MEMBER_PASSPHRASE,
  type Device as Member,
} from '../sync/members';
import { syncClient } from '../sync/two-devices';
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

    const certificate = await eraseSubject(s.a.session, LOCAL_ACTOR, {
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
    await eraseSubject(s.a.session, LOCAL_ACTOR, {
      subjectId: person.id,
      requestId: 'req-erase-2',
      ledger: s.a.erasures,
    });
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
    const certificate = await eraseSubject(s.a.session, LOCAL_ACTOR, {
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

/** Every document a client's database stores, tombstones included, as RxDB's storage holds it. */
const storedDocuments = async (db: KluisDatabase): Promise<Uint8Array[]> => {
  const blobs: Uint8Array[] = [];
  for (const [name, collection] of Object.entries(db.collections)) {
    const { documents } = await getChangedDocumentsSince(collection.storageInstance, 1_000_000);
    blobs.push(new TextEncoder().encode(JSON.stringify({ collection: name, documents })));
  }
  return blobs;
};

/**
 * Which of `words` a client's stored documents give away: in the clear, or to the keys the client itself
 * holds (the thief of test/helpers/thief.ts, given this member's keys, opens every data key and record of
 * the subject it can find in those documents).
 */
const readableWords = async (member: Member, subjectId: string, words: readonly string[]) => {
  const blobs = await storedDocuments(member.db);
  const raw = blobs.map((b) => new TextDecoder().decode(b)).join('\n');
  const haul = rob(await loadSodium(), blobs, subjectId, keysOf(member));
  const opened = JSON.stringify(haul.records.map((r) => r.plain));
  return {
    inTheClear: words.filter((w) => raw.includes(w)),
    opened: words.filter((w) => opened.includes(w)),
  };
};

/** What a client holds of a subject, through its store's queries. */
const held = async (member: Member, subjectId: string) => ({
  records: (await member.db.records.find({ selector: { subjectId } }).exec()).length,
  items: (await member.db.items.find({ selector: { subjectId } }).exec()).length,
  keyed: (await member.db.keys.find().exec()).some((page) => page.payload.includes(subjectId)),
});

describe.each(['sqlite', 'postgres'] as const)('erasure across three clients: %s', (adapter) => {
  const fixture = useServerFixture(adapter);
  const place = fixturePlace(fixture, { appSync: true });

  it('A erases, B online purges within seconds, C returns with a refused edit; no client can read the person', async () => {
    const NAME = ['Annelies', 'Verbeek', 'annelies.verbeek@voorbeeld.nl'];
    const EDIT = 'Directeur';
    let erased: { id: string; subjectId: string } | undefined;
    const a = await admin(place, 0, {
      seed: async (session) => {
        erased = await session.people.create(annelies);
        await session.items(NOTE).create(erased.id, { text: 'Belde over de offerte' });
        await session.people.create(bram);
      },
    });
    if (!erased) throw new Error('not seeded');
    const person = erased;

    // C joins on a database that survives being closed (Dexie over a fake IndexedDB), holds the person,
    // then goes offline and edits them. Only two client databases may be open at once: C's is closed
    // while B's is open.
    const cIdb = newIndexedDb();
    const c = await join(place, a, { db: await dexieDatabase(cIdb) });
    expect((await c.session.people.get(person.id)).data.givenName).toBe('Annelies');
    await c.session.people.update(person.id, (p) => ({ ...p, jobTitle: EDIT }));
    // The scan finds what is there: the name and the offline edit, opened with C's own keys.
    expect(await readableWords(c, person.subjectId, [...NAME, EDIT])).toEqual({
      inTheClear: [],
      opened: [...NAME, EDIT],
    });
    const cLink = c.link;
    c.session.lock();
    await c.db.close();

    // B joins, holds the person, and stays online with the app's live sync.
    const b = await join(place, a);
    expect(await readableWords(b, person.subjectId, NAME)).toEqual({ inTheClear: [], opened: NAME });
    expect(await readableWords(a, person.subjectId, NAME)).toEqual({ inTheClear: [], opened: NAME });
    const live = syncClient(b.db, b.link, true, await appSyncOptions(b));
    try {
      await live.start();
      await live.awaitInSync();

      const certificate = await eraseSubject(a.session, LOCAL_ACTOR, {
        subjectId: person.id,
        requestId: 'req-erase-three',
        ledger: a.erasures,
      });
      expect(certificate.ledger).toBe('recorded');
      await a.sync();

      // B purges by itself, told by the server's stream: nobody syncs B by hand.
      await vi.waitFor(
        async () => expect(await held(b, person.subjectId)).toEqual({ records: 0, items: 0, keyed: false }),
        { timeout: 10_000, interval: 100 },
      );
      await vi.waitFor(
        async () =>
          expect((await a.erasures.status(person.id)).confirmed.map((d) => d.deviceId)).toContain(
            b.link.deviceId,
          ),
        { timeout: 10_000, interval: 100 },
      );
    } finally {
      await live.stop();
    }
    expect(await readableWords(b, person.subjectId, NAME)).toEqual({ inTheClear: [], opened: [] });
    expect(
      (await b.session.people.get((await b.session.people.loadAll()).records[0]!.id)).data.givenName,
    ).toBe('Bram');
    await fixture.closeDb(b.db);

    // C comes back with its edit: the ledger refuses it, the person is purged, nothing reached the server.
    const cDb = await dexieDatabase(cIdb);
    try {
      const back = memberDevice(place, cDb, await (await testVault(cDb)).unlock(MEMBER_PASSPHRASE), cLink);
      await back.sync();
      expect(await held(back, person.subjectId)).toEqual({ records: 0, items: 0, keyed: false });
      const onServer = (await fixture.storage.pull(a.link.orgId, 'records', 0, 1000)).docs
        .map((d) => JSON.parse(d.doc) as RecordWire)
        .filter((d) => d.subjectId === person.subjectId);
      expect(onServer.map((d) => [d._deleted, d.payload])).toEqual([[true, 'erased']]);
      expect(await readableWords(back, person.subjectId, [...NAME, EDIT])).toEqual({
        inTheClear: [],
        opened: [],
      });

      expect(await readableWords(a, person.subjectId, NAME)).toEqual({ inTheClear: [], opened: [] });
      const refreshed = await a.erasures.refreshCertificate(person.id);
      expect(refreshed.devices.filter((d) => d.confirmedAt === null)).toEqual([]);
      expect(refreshed.devices.map((d) => d.deviceId).sort()).toEqual(
        [a.link.deviceId, b.link.deviceId, cLink.deviceId].sort(),
      );
    } finally {
      await cDb.close();
    }
  });
});
