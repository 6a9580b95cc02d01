// Committing an import into the real encrypted store (RxDB memory storage, real libsodium): the batch
// lands whole, or — cancelled or failed at any point — leaves the store exactly as it was.
import { describe, expect, it } from 'vitest';
import { type CommitInput } from '../../../shared/import/commit';
import { commitImport } from '../../../shared/import';
import { LOCAL_ACTOR } from '../../../shared/workspace';
import type { ImportPlan } from '../../../shared/import/plan';
import { IMPORT_BATCH } from '../../../shared/import/purpose';
import { listFieldChanges } from '../../../shared/rectification/field-history';
import type { AuditEvent } from '../../../shared/audit/audit-log';
import type { Session } from '../../../shared/vault/session';
import { annelies, zeeland } from '../../fixtures/people';
import { useMemoryVaults } from '../../helpers/vaults';
import { RESTRICTION } from '../../../shared/restriction/restriction-ledger';
import { importPerson } from '../../fixtures/import-person';

const newVault = useMemoryVaults();

let audited: AuditEvent[] = [];
const open = async (): Promise<Session> => {
  const session = await newVault();
  // See what the import writes to the audit trail, whichever trail the session keeps.
  audited = [];
  const record = session.audit.record.bind(session.audit);
  session.audit.record = (event) => {
    audited.push(event);
    return record(event);
  };
  return session;
};

const row = importPerson;

const purpose = { name: 'Sales follow-up', lawfulBasis: 'legitimate_interests' } as const;

const input = (plan: Partial<ImportPlan>): CommitInput => ({
  file: 'klanten.csv',
  obtainedOn: '2026-11-20',
  purpose,
  plan: { create: [], merge: [], mergedWithinFile: 0, skipped: [], ...plan },
});

/** Everything the store holds, decrypted: what a user would see after the import. */
const snapshot = async (session: Session) => {
  const people = (await session.people.loadAll()).records.map((p) => ({ id: p.id, data: p.data }));
  const orgs = (await session.organisations.loadAll()).records.map((o) => o.data.name);
  return {
    people: people.sort((a, b) => a.id.localeCompare(b.id)),
    orgs: orgs.sort(),
    records: await session.db.records.count().exec(),
    keys: await session.db.keys.count().exec(),
    batches: (await session.settings(IMPORT_BATCH).list()).records.length,
  };
};

const manyRows = (count: number): ImportPlan['create'] =>
  Array.from({ length: count }, (_, i) => ({
    rows: [i + 2],
    person: row(`Persoon${i}`, 'Test', { organisationName: i % 2 ? 'Nieuw BV' : '' }),
  }));

describe('commitImport', () => {
  it('creates organisations once, people linked to them, merges into existing people, and records the batch', async () => {
    const session = await open();
    const existingOrg = await session.organisations.create(zeeland);
    const existing = await session.people.create(annelies);

    const report = await commitImport(
      session,
      LOCAL_ACTOR,
      input({
        create: [
          { rows: [2], person: row('Ruud', "van 't Hof", { organisationName: 'IJsselmeer Vis BV' }) },
          { rows: [3, 5], person: row('Zoë', 'de Vries', { organisationName: 'ijsselmeer vis b.v.' }) },
          { rows: [4], person: row('Kees', 'Mossel', { organisationName: 'zeeuwse  mosselhandel bv' }) },
        ],
        merge: [
          {
            existingId: existing.id,
            rows: [6],
            person: row('Annelies', 'Verbeek', {
              emails: [{ value: 'a.verbeek@thuis.example', label: 'home' }],
              jobTitle: 'Directeur',
              tags: ['beurs'],
            }),
          },
        ],
        mergedWithinFile: 1,
        skipped: [7],
      }),
    );

    expect(report).toMatchObject({ created: 3, merged: 2, skipped: 1, organisationsCreated: 1 });
    expect(report.rejected).toEqual([]);
    expect(report.noticeDueBy).toBe('2026-12-20');

    const orgs = (await session.organisations.loadAll()).records;
    const ijssel = orgs.find((o) => o.data.name === 'IJsselmeer Vis BV')!;
    expect(orgs).toHaveLength(2);
    expect(ijssel.data.source).toEqual({
      method: 'import',
      description: 'klanten.csv',
      obtainedOn: '2026-11-20',
    });

    const people = (await session.people.loadAll()).records;
    const byName = (name: string) => people.find((p) => p.data.givenName === name)!.data;
    expect(byName('Ruud').organisationId).toBe(ijssel.id);
    expect(byName('Zoë').organisationId).toBe(ijssel.id);
    expect(byName('Kees').organisationId).toBe(existingOrg.id);
    expect(byName('Ruud').source.method).toBe('import');

    const merged = (await session.people.get(existing.id)).data;
    expect(merged.emails.map((e) => e.value)).toEqual([
      'annelies.verbeek@voorbeeld.nl',
      'a.verbeek@thuis.example',
    ]);
    expect(merged.jobTitle).toBe('Inkoper'); // what someone typed is never overwritten
    expect(merged.tags).toEqual(['prospect', 'beurs']);
    expect(merged.source).toEqual(annelies.source); // still held on its original source

    const [batch] = (await session.settings(IMPORT_BATCH).list()).records;
    expect(batch?.id).toBe(report.batchId);
    expect(batch?.data).toMatchObject({
      file: 'klanten.csv',
      purpose,
      created: 3,
      merged: 2,
      skipped: 1,
      informed: false,
      noticeDueBy: '2026-12-20',
    });

    expect(audited).toEqual([
      expect.objectContaining({
        action: 'import',
        kind: 'person',
        batchId: report.batchId,
        recordIds: [...report.createdIds, existing.id],
        details: { created: 3, merged: 2, skipped: 1 },
      }),
    ]);
  });

  it('leaves a restricted person unchanged and reports the row; a merged person keeps the field history', async () => {
    const session = await open();
    const restricted = await session.people.create(annelies);
    const open2 = await session.people.create({ ...annelies, givenName: 'Bram', emails: [] });
    await session.items(RESTRICTION).create(restricted.id, {
      type: 'restricted',
      reason: 'accuracy_contested',
      at: Date.now() - 1000,
      recordedBy: 'local',
      deviceId: 'device-1',
    });
    const before = (await session.people.get(restricted.id)).data;
    const extra = { emails: [{ value: 'nieuw@voorbeeld.nl', label: 'work' as const }] };

    const report = await commitImport(
      session,
      LOCAL_ACTOR,
      input({
        merge: [
          { existingId: restricted.id, rows: [2], person: row('Annelies', 'Verbeek', extra) },
          { existingId: open2.id, rows: [3], person: row('Bram', 'Verbeek', extra) },
        ],
      }),
    );

    expect(report.rejected).toEqual([{ file: 'klanten.csv', row: 2, field: 'record', code: 'restricted' }]);
    expect(report.mergedIds).toEqual([open2.id]);
    expect((await session.people.get(restricted.id)).data).toEqual(before);
    const history = await listFieldChanges(session, open2.id);
    expect(history.map((h) => [h.data.field, h.data.batchId])).toEqual([['emails', report.batchId]]);
    expect(await listFieldChanges(session, restricted.id)).toEqual([]);
  });

  it('reports a row the store refuses with its file, row and column, and imports the rest', async () => {
    const session = await open();
    const report = await commitImport(session, LOCAL_ACTOR, {
      ...input({
        create: [
          { rows: [2], person: row('Goed', 'Rij') },
          { rows: [3], person: row('Slecht', 'Rij', { phones: [{ value: 'bel me', label: 'work' }] }) },
        ],
      }),
      columns: { phone: 4 },
    });
    expect(report.created).toBe(1);
    expect(report.rejected).toEqual([
      { file: 'klanten.csv', row: 3, column: 4, field: 'phone', code: 'phone' },
    ]);
    expect(JSON.stringify(report.rejected)).not.toContain('bel me');
  });

  it('cancelled after the organisations and merges, leaves nothing and restores the merged person', async () => {
    const session = await open();
    const existing = await session.people.create(annelies);
    const before = await snapshot(session);
    const controller = new AbortController();

    await expect(
      commitImport(session, LOCAL_ACTOR, {
        ...input({
          create: manyRows(10),
          merge: [
            {
              existingId: existing.id,
              rows: [20],
              person: row('Annelies', 'Verbeek', { jobTitle: 'X', notes: 'nieuw' }),
            },
          ],
        }),
        signal: controller.signal,
        onProgress: (p) => {
          if (p.phase === 'people') controller.abort();
        },
      }),
    ).rejects.toThrow();

    const after = await snapshot(session);
    expect(after.people).toEqual(before.people.map((p) => ({ ...p })));
    expect(after.orgs).toEqual([]);
    expect(after.records).toBe(before.records);
    expect(after.batches).toBe(0);
    expect(audited).toEqual([]);
  });

  it('cancelled midway through the people, after a chunk is stored, leaves nothing', async () => {
    const session = await open();
    const before = await snapshot(session);
    const controller = new AbortController();
    await expect(
      commitImport(session, LOCAL_ACTOR, {
        ...input({ create: manyRows(10_001) }),
        signal: controller.signal,
        onProgress: (p) => {
          if (p.phase === 'people' && p.done >= 5000) controller.abort();
        },
      }),
    ).rejects.toThrow();
    const after = await snapshot(session);
    expect(after).toEqual(before);
  });

  it('fails midway (the store refuses the people) and leaves nothing, restoring merges', async () => {
    const session = await open();
    const existing = await session.people.create(annelies);
    const before = await snapshot(session);
    // The store refuses the people's write (a full disk, a broken storage): the real failure path.
    const records = session.db.records;
    const bulkInsert = records.bulkInsert.bind(records);
    let calls = 0;
    records.bulkInsert = ((docs: Parameters<typeof bulkInsert>[0]) => {
      calls += 1;
      if (calls === 2) return Promise.reject(new Error('QuotaExceededError'));
      return bulkInsert(docs);
    }) as typeof records.bulkInsert;

    await expect(
      commitImport(
        session,
        LOCAL_ACTOR,
        input({
          create: manyRows(4),
          merge: [
            { existingId: existing.id, rows: [9], person: row('Annelies', 'Verbeek', { tags: ['nieuw'] }) },
          ],
        }),
      ),
    ).rejects.toThrow('QuotaExceededError');
    records.bulkInsert = bulkInsert;

    expect(calls).toBe(2); // organisations stored, then the people refused
    const after = await snapshot(session);
    expect(after.people.map((p) => p.data)).toEqual(before.people.map((p) => p.data));
    expect(after.orgs).toEqual([]);
    expect(after.records).toBe(before.records);
    expect(after.batches).toBe(0);
  });
});
