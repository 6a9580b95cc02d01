// Erasure on one device (Art. 17): everything about the person becomes unreadable and their key is gone,
// items kept under an Art. 17(3) exception stay readable under a new pseudonymous subject, a certificate
// is filed, and the server's ledger is told now or queued for later.
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { MissingKeyError } from '../../../../shared/store/data-keys';
import { NotFoundError, ValidationError } from '../../../../shared/store/errors';
import { AlreadyErasedError, erasurePreview, retainedRecords } from '../../../../shared/erasure/erasure';
import { eraseSubject } from '../../../../shared/erasure';
import { LOCAL_ACTOR } from '../../../../shared/workspace';
import { queuedErasures } from '../../../../shared/erasure/erasure-local';
import { ERASURE_CERTIFICATE_CONFIG, certificateIdFor } from '../../../../shared/erasure/erasure-model';
import { purgeSubjects } from '../../../../shared/erasure/erasure-purge';
import type { Session } from '../../../../shared/vault/session';
import { annelies, bram } from '../../../fixtures/people';
import { useMemoryVaults } from '../../../helpers/vaults';

const open = useMemoryVaults();

const Note = z.object({ text: z.string().min(1), personId: z.string().optional() });
const NOTE = { kind: 'test-note', version: 1, schema: Note } as const;
const PURCHASE = { kind: 'test-purchase', version: 1, schema: Note } as const;

/** Two people created together share one key page, so erasing one must leave the other readable. */
const seed = async (session: Session) => {
  const [person, other] = await session.people.createMany([annelies, bram]);
  const notes = session.items(NOTE);
  const purchases = session.items(PURCHASE);
  const first = await notes.create(person!.id, { text: 'Belde over de offerte van Annelies' });
  const second = await notes.create(person!.id, { text: 'Tweede gesprek' });
  const purchase = await purchases.create(person!.id, { text: 'Factuur 2026-114', personId: person!.id });
  await notes.create(other!.id, { text: 'Kennismaking Bram' });
  return { person: person!, other: other!, purchase, itemIds: [first.id, second.id, purchase.id] };
};

/** The stored documents, tombstones included: what RxDB keeps on disk after a removal. */
const rawDocs = async (session: Session, recordIds: string[], itemIds: string[]) => [
  ...(await session.db.records.storageInstance.findDocumentsById(recordIds, true)),
  ...(await session.db.items.storageInstance.findDocumentsById(itemIds, true)),
];

describe('eraseSubject', () => {
  it('leaves nothing about the person readable and destroys their key, the other person untouched', async () => {
    const session = await open();
    const { person, other, itemIds } = await seed(session);
    const page = (await session.db.records.findOne(person.id).exec())!.keyId;

    await eraseSubject(session, LOCAL_ACTOR, { subjectId: person.id, requestId: 'req1' });

    await expect(session.people.get(person.id)).rejects.toBeInstanceOf(NotFoundError);
    expect(await session.db.records.find({ selector: { subjectId: person.id } }).exec()).toEqual([]);
    expect(await session.db.items.find({ selector: { subjectId: person.id } }).exec()).toEqual([]);
    await expect(session.dataKey(person.id, page)).rejects.toBeInstanceOf(MissingKeyError);
    const [rawPage] = await session.db.keys.storageInstance.findDocumentsById([page], true);
    expect(rawPage!.payload).not.toContain(person.id);
    // RxDB keeps a deleted document's fields: the tombstones hold the word "erased", not the ciphertext.
    const tombstones = await rawDocs(session, [person.id], itemIds);
    expect(tombstones.map((d) => [d._deleted, d.payload])).toEqual(Array(4).fill([true, 'erased']));
    expect((await session.people.get(other.id)).data.givenName).toBe('Bram');
    expect((await session.items(NOTE).listForSubject(other.id)).records).toHaveLength(1);
  });

  it('keeps items under an exception readable under a new subject that does not point back', async () => {
    const session = await open();
    const { person, purchase } = await seed(session);

    const certificate = await eraseSubject(session, LOCAL_ACTOR, {
      subjectId: person.id,
      requestId: 'req2',
      keep: [
        {
          itemIds: [purchase.id],
          exception: 'legal-obligation',
          note: 'Tax law: invoices kept 7 years',
          retainUntil: '2033-12-31',
        },
      ],
    });

    const [group] = certificate.kept;
    expect(group).toMatchObject({ exception: 'legal-obligation', itemCount: 1, retainUntil: '2033-12-31' });
    expect(group!.kinds).toEqual({ 'test-purchase': 1 });
    const retainedId = group!.retainedSubjectId;
    expect(retainedId).not.toBe(person.id);
    const kept = await session.items(PURCHASE).listForSubject(retainedId);
    expect(kept.records.map((r) => r.data)).toEqual([{ text: 'Factuur 2026-114' }]);
    expect(kept.records[0]!.id).not.toBe(purchase.id);
    const retained = await retainedRecords(session).get(retainedId);
    expect(retained.data).toMatchObject({ exception: 'legal-obligation', requestId: 'req2' });
    expect(JSON.stringify(retained.data)).not.toContain(person.id);
    // The original is gone with the person.
    await expect(session.items(PURCHASE).get(purchase.id)).rejects.toBeInstanceOf(NotFoundError);
  });

  it('files a certificate with counts per kind, what was kept, and this device as the only one (local vault)', async () => {
    const session = await open();
    const { person, purchase } = await seed(session);
    const steps: string[] = [];

    const certificate = await eraseSubject(session, LOCAL_ACTOR, {
      subjectId: person.id,
      requestId: 'req3',
      keep: [{ itemIds: [purchase.id], exception: 'legal-claims', note: 'Dispute pending' }],
      onProgress: (p) => steps.push(p.step),
      now: () => 1_800_000_000_000,
    });

    expect(certificate).toMatchObject({
      requestId: 'req3',
      subjectId: person.id,
      subjectKind: 'person',
      erasedAt: 1_800_000_000_000,
      erased: { person: 1, 'test-note': 2 },
      ledger: 'local-only',
      checkedAt: null,
    });
    expect(certificate.devices).toEqual([
      { deviceId: await session.audit.deviceId(), userId: 'local', confirmedAt: 1_800_000_000_000 },
    ]);
    const filed = await session.compliance(ERASURE_CERTIFICATE_CONFIG).get(certificateIdFor(person.id));
    expect(filed.data).toEqual(certificate);
    expect(JSON.stringify(certificate)).not.toMatch(/Annelies|Verbeek|Factuur/);
    expect(steps).toContain('erasing');
    // A local vault queues the ledger entry for the day it is linked to a server.
    expect(await queuedErasures(session)).toMatchObject([{ subjectId: person.id, requestId: 'req3' }]);
  });

  it('audits the erasure with ids and counts only', async () => {
    const session = await open();
    const { person } = await seed(session);
    await eraseSubject(session, LOCAL_ACTOR, { subjectId: person.id, requestId: 'req4' });
    const { entries } = await session.audit.entries({ recordId: person.id });
    const erasure = entries.find((e) => e.action === 'erasure');
    expect(erasure).toMatchObject({ kind: 'person', requestId: 'req4', details: { erased: 4, kept: 0 } });
    expect(JSON.stringify(entries)).not.toMatch(/Annelies|Verbeek/);
  });

  it('queues the ledger entry when the server cannot be reached, and says so on the certificate', async () => {
    const session = await open();
    const { person } = await seed(session);
    const offline = {
      deviceId: 'dev-a',
      userId: 'admin-1',
      flushQueue: () => Promise.reject(new Error('offline')),
    };
    const certificate = await eraseSubject(session, LOCAL_ACTOR, {
      subjectId: person.id,
      requestId: 'req5',
      ledger: offline,
    });
    expect(certificate.ledger).toBe('queued');
    expect(certificate.devices).toEqual([
      { deviceId: 'dev-a', userId: 'admin-1', confirmedAt: certificate.erasedAt },
    ]);
    expect((await queuedErasures(session)).map((q) => q.subjectId)).toEqual([person.id]);
  });

  it('refuses a keep list naming an item of someone else, and changes nothing', async () => {
    const session = await open();
    const { person, other } = await seed(session);
    const [foreign] = (await session.items(NOTE).listForSubject(other.id)).records;
    const attempt = eraseSubject(session, LOCAL_ACTOR, {
      subjectId: person.id,
      requestId: 'req6',
      keep: [{ itemIds: [foreign!.id], exception: 'legal-obligation', note: 'x' }],
    });
    await expect(attempt).rejects.toBeInstanceOf(ValidationError);
    await expect(attempt).rejects.toThrow(/keep\.0\.itemIds/);
    expect((await session.people.get(person.id)).data.givenName).toBe('Annelies');
    expect(await retainedRecords(session).count()).toBe(0);
    expect(await queuedErasures(session)).toEqual([]);
  });

  it('refuses a keep group without a note or with an unknown exception', async () => {
    const session = await open();
    const { person, purchase } = await seed(session);
    const attempt = eraseSubject(session, LOCAL_ACTOR, {
      subjectId: person.id,
      requestId: 'req7',
      keep: [{ itemIds: [purchase.id], exception: 'because' as 'legal-claims', note: ' ' }],
    });
    await expect(attempt).rejects.toThrow(
      /keep\.0\.exception.*keep\.0\.note|keep\.0\.note.*keep\.0\.exception/,
    );
    expect(await retainedRecords(session).count()).toBe(0);
  });

  it('answers a second erasure of the same person with AlreadyErasedError', async () => {
    const session = await open();
    const { person } = await seed(session);
    await eraseSubject(session, LOCAL_ACTOR, { subjectId: person.id, requestId: 'req8' });
    await expect(
      eraseSubject(session, LOCAL_ACTOR, { subjectId: person.id, requestId: 'req8' }),
    ).rejects.toBeInstanceOf(AlreadyErasedError);
  });

  it('previews what it would erase, per kind', async () => {
    const session = await open();
    const { person } = await seed(session);
    const preview = await erasurePreview(session, person.id);
    expect(preview.subjectKind).toBe('person');
    expect(preview.counts).toEqual({ person: 1, 'test-note': 2, 'test-purchase': 1 });
    expect(preview.items.map((i) => i.label).sort()).toEqual([
      'Belde over de offerte van Annelies',
      'Factuur 2026-114',
      'Tweede gesprek',
    ]);
  });
});

describe('purgeSubjects', () => {
  it('purges what sync reports erased and writes nothing the second time', async () => {
    const session = await open();
    const { person } = await seed(session);
    expect(await purgeSubjects(session, [person.id])).toEqual({
      person: 1,
      'test-note': 2,
      'test-purchase': 1,
    });
    const writes: string[] = [];
    const watch = session.db.$.subscribe((event) => writes.push(event.documentId));
    expect(await purgeSubjects(session, [person.id])).toEqual({});
    watch.unsubscribe();
    expect(writes).toEqual([]);
  });
});
