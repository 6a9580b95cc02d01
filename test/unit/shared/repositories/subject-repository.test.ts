import { describe, expect, it } from 'vitest';
import { MissingKeyError } from '../../../../shared/store/data-keys';
import { NotFoundError, ValidationError } from '../../../../shared/store/errors';
import { useMemoryVaults } from '../../../helpers/vaults';
import { annelies, bram, zeeland } from '../../../fixtures/people';

const open = useMemoryVaults();

describe('people repository', () => {
  it('creates, reads, updates and lists people', async () => {
    const session = await open();
    const org = await session.organisations.create(zeeland);
    const created = await session.people.create({ ...annelies, organisationId: org.id });
    expect(created.data.emails[0]?.value).toBe('annelies.verbeek@voorbeeld.nl');
    const updated = await session.people.update(created.id, (p) => ({ ...p, jobTitle: 'Hoofd inkoop' }));
    expect(updated.updatedAt).toBeGreaterThan(created.updatedAt - 1);
    expect((await session.people.get(created.id)).data).toMatchObject({
      jobTitle: 'Hoofd inkoop',
      organisationId: org.id,
    });
    await session.people.create(bram);
    const { records, problems } = await session.people.loadAll();
    expect(records.map((r) => r.data.givenName).sort()).toEqual(['Annelies', 'Bram']);
    expect(problems).toEqual([]);
  });

  it('stores only ciphertext and random ids: no name, email or phone in any document', async () => {
    const session = await open();
    await session.people.create(annelies);
    const raw = JSON.stringify([
      ...(await session.db.records.find().exec()).map((d) => d.toJSON()),
      ...(await session.db.keys.find().exec()).map((d) => d.toJSON()),
      ...(await session.db.vault.find().exec()).map((d) => d.toJSON()),
    ]);
    for (const secret of [
      'Annelies',
      'Verbeek',
      'voorbeeld',
      '12 34 56',
      'Inkoper',
      'prospect',
      'Trade fair',
    ]) {
      expect(raw).not.toContain(secret);
    }
  });

  it('names the bad field and never its value in a validation error, and stores nothing', async () => {
    const session = await open();
    const bad = { ...annelies, emails: [{ value: 'annelies-at-voorbeeld', label: 'work' as const }] };
    const error = await session.people.create(bad).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).issues).toEqual([{ path: 'emails.0.value', code: 'invalid_email' }]);
    expect(String(error)).not.toContain('annelies');
    expect(await session.people.count()).toBe(0);
  });

  it('requires a name', async () => {
    const session = await open();
    const error = await session.people
      .create({ ...annelies, givenName: '', familyName: ' ' })
      .catch((e) => e);
    expect((error as ValidationError).issues.map((i) => i.path)).toContain('familyName');
  });

  it('deletes a person by destroying their data key, leaving it in no key page and no tombstone', async () => {
    const session = await open();
    const inputs = [annelies, bram];
    const [a, b] = await session.people.createMany(inputs);
    const { keyId: pageId } = (await session.db.records.findOne(a!.id).exec())!;
    const sealedKeyOf = async (subjectId: string) => {
      const [page] = await session.db.keys.storageInstance.findDocumentsById([pageId], true);
      return (JSON.parse(page!.payload) as Record<string, string>)[subjectId];
    };
    const annelieskey = await sealedKeyOf(a!.id);
    expect(annelieskey).toMatch(/^k1/);
    await session.people.remove(a!.id);
    await expect(session.people.get(a!.id)).rejects.toBeInstanceOf(NotFoundError);
    expect(await sealedKeyOf(a!.id)).toBeUndefined();
    expect((await session.people.get(b!.id)).data.givenName).toBe('Bram');
    // The last subject of a page: the page is blanked before its tombstone is written.
    await session.people.remove(b!.id);
    const raw = JSON.stringify(await session.db.keys.storageInstance.findDocumentsById([pageId], true));
    expect(raw).toContain('"_deleted":true');
    expect(raw).not.toContain(annelieskey!);
    expect(raw).not.toMatch(/k1[A-Za-z0-9+/]{20}/);
    expect(await session.people.count()).toBe(0);
  });

  it('forgets a key held in memory when its erasure arrives from elsewhere (sync)', async () => {
    const session = await open();
    const [a, b] = await session.people.createMany([annelies, bram]);
    expect((await session.people.get(a!.id)).data.givenName).toBe('Annelies'); // key now in memory
    const page = (await session.db.keys
      .findOne((await session.db.records.findOne(a!.id).exec())!.keyId)
      .exec())!;
    // What a synced erasure from another device writes: the page without Annelies's entry.
    await page.incrementalModify((doc) => {
      const entries = JSON.parse(doc.payload) as Record<string, string>;
      delete entries[a!.id];
      return { ...doc, payload: JSON.stringify(entries) };
    });
    await new Promise((resolve) => setTimeout(resolve, 0));
    await expect(session.people.get(a!.id)).rejects.toBeInstanceOf(MissingKeyError);
    expect((await session.people.get(b!.id)).data.givenName).toBe('Bram');
  });

  it('sets createdAt itself when the caller leaves it out', async () => {
    const session = await open();
    const before = Date.now();
    const { createdAt: _ignored, ...withoutCreatedAt } = annelies;
    const person = await session.people.create(withoutCreatedAt);
    expect(person.data.createdAt).toBeGreaterThanOrEqual(before);
  });

  it('reports a tampered record as a problem in the list instead of failing the list', async () => {
    const session = await open();
    const good = await session.people.create(annelies);
    const victim = await session.people.create(bram);
    const doc = (await session.db.records.findOne(victim.id).exec())!;
    const flipped = doc.payload.slice(0, 20) + (doc.payload[20] === 'A' ? 'B' : 'A') + doc.payload.slice(21);
    await doc.incrementalPatch({ payload: flipped });
    const { records, problems } = await session.people.loadAll();
    expect(records.map((r) => r.id)).toEqual([good.id]);
    expect(problems).toEqual([{ id: victim.id, kind: 'person', problem: 'tampered' }]);
  });

  it('reports a payload copied onto another record as tampered', async () => {
    const session = await open();
    const a = await session.people.create(annelies);
    const b = await session.people.create(bram);
    const source = (await session.db.records.findOne(a.id).exec())!;
    await (await session.db.records.findOne(b.id).exec())!.incrementalPatch({ payload: source.payload });
    const { problems } = await session.people.loadAll();
    expect(problems).toEqual([{ id: b.id, kind: 'person', problem: 'tampered' }]);
  });

  it('creates many people in one batch, reporting progress', async () => {
    const session = await open();
    const inputs = Array.from({ length: 250 }, (_, i) => ({ ...bram, givenName: `Bram ${i}` }));
    const progress: number[] = [];
    await session.people.createMany(inputs, { chunkSize: 100, onProgress: (p) => progress.push(p.done) });
    expect(progress).toEqual([100, 200, 250]);
    expect(await session.people.count()).toBe(250);
  });

  it('stores nothing of a batch with one bad row', async () => {
    const session = await open();
    const inputs = [
      bram,
      { ...bram, phones: [{ value: 'call me maybe', label: 'work' as const }] },
      annelies,
    ];
    const error = await session.people.createMany(inputs).catch((e: unknown) => e);
    expect((error as ValidationError).issues).toEqual([{ path: 'phones.0.value', code: 'phone' }]);
    expect(await session.people.count()).toBe(0);
  });

  it('rolls back a cancelled batch completely', async () => {
    const session = await open();
    const controller = new AbortController();
    const inputs = Array.from({ length: 300 }, (_, i) => ({ ...bram, givenName: `Bram ${i}` }));
    const error = await session.people
      .createMany(inputs, {
        chunkSize: 100,
        signal: controller.signal,
        onProgress: (p) => p.done >= 100 && controller.abort(),
      })
      .catch((e: unknown) => e);
    expect((error as Error).name).toBe('AbortError');
    expect(await session.people.count()).toBe(0);
    expect(await session.db.keys.count().exec()).toBe(0);
  });

  it('inserts many rows of another shape and answers their ids in row order', async () => {
    const session = await open();
    const rows = Array.from({ length: 250 }, (_, i) => ({ first: `Bram ${i}`, last: 'Jansen' }));
    const ids = await session.people.insertMany(
      rows,
      (row) => ({ ...bram, givenName: row.first, familyName: row.last }),
      { chunkSize: 100 },
    );
    expect(ids).toHaveLength(250);
    expect((await session.people.get(ids[0]!)).data.givenName).toBe('Bram 0');
    expect((await session.people.get(ids[249]!)).data.givenName).toBe('Bram 249');
  });

  it('stores nothing of an insert whose last chunk holds a bad row', async () => {
    const session = await open();
    const rows = Array.from({ length: 250 }, (_, i) => (i === 240 ? 'call me maybe' : '+31 6 12345678'));
    const error = await session.people
      .insertMany(rows, (phone) => ({ ...bram, phones: [{ value: phone, label: 'work' as const }] }), {
        chunkSize: 100,
      })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ValidationError);
    expect(await session.people.count()).toBe(0);
    expect(await session.db.keys.count().exec()).toBe(0);
  });
});
