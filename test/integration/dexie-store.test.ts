// The production storage (RxDB's Dexie adapter) over an IndexedDB implementation: what a reload keeps,
// and what an attacker reading the IndexedDB files would see.
import { describe, expect, it } from 'vitest';
import { Directory } from '../../shared/directory/directory';
import { WrongPassphraseError } from '../../shared/vault/keyring';
import { annelies, bram, zeeland } from '../fixtures/people';
import { dexieDatabase, newIndexedDb, PASSPHRASE, testVault } from '../helpers/store';

// The few IndexedDB shapes this test uses: tsconfig.node.json has no DOM types, on purpose (shared/
// must not use them), so they are spelled out here.
interface Request<T> {
  result: T;
  error: unknown;
  onsuccess: (() => void) | null;
  onerror: (() => void) | null;
}
interface RawDatabase {
  objectStoreNames: ArrayLike<string>;
  transaction(store: string): { objectStore(name: string): { getAll(): Request<unknown[]> } };
  close(): void;
}
interface RawFactory {
  databases(): Promise<{ name?: string }[]>;
  open(name: string): Request<RawDatabase>;
}

/** Every value of every object store of every database, as text: what a thief of the disk could read. */
const dumpIndexedDb = async (indexedDB: RawFactory): Promise<{ text: string; values: number }> => {
  const chunks: string[] = [];
  let values = 0;
  for (const info of await indexedDB.databases()) {
    const db = await new Promise<RawDatabase>((resolve, reject) => {
      const request = indexedDB.open(info.name!);
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
    for (const storeName of Array.from(db.objectStoreNames)) {
      const all = await new Promise<unknown[]>((resolve, reject) => {
        const request = db.transaction(storeName).objectStore(storeName).getAll();
        request.onsuccess = () => resolve(request.result);
        request.onerror = () => reject(request.error);
      });
      values += all.length;
      chunks.push(storeName, JSON.stringify(all));
    }
    db.close();
  }
  return { text: chunks.join('\n'), values };
};

describe('encrypted store on IndexedDB (Dexie)', () => {
  it('keeps people across a reload, behind the passphrase', async () => {
    const idb = newIndexedDb();
    let db = await dexieDatabase(idb);
    const created = await (await testVault(db)).create(PASSPHRASE);
    const org = await created.organisations.create(zeeland);
    const person = await created.people.create({ ...annelies, organisationId: org.id });
    created.lock();
    await db.close();

    db = await dexieDatabase(idb);
    const vault = await testVault(db);
    expect(await vault.state()).toBe('locked');
    await expect(vault.unlock('wrong passphrase!')).rejects.toBeInstanceOf(WrongPassphraseError);
    const session = await vault.unlock(PASSPHRASE);
    const directory = await Directory.load(session);
    expect(
      directory.people().map((p) => [p.displayName, directory.organisationName(p.organisationId)]),
    ).toEqual([['Annelies Verbeek', 'Zeeuwse Mosselhandel BV']]);
    expect((await session.people.get(person.id)).data.phones[0]?.value).toBe('+31 6 12 34 56 78');
    await directory.close();
    await db.close();
  });

  it('writes no name, email, phone, note or source in plaintext anywhere in IndexedDB', async () => {
    const idb = newIndexedDb();
    const db = await dexieDatabase(idb);
    const session = await (await testVault(db)).create(PASSPHRASE);
    await session.organisations.create(zeeland);
    await session.people.create(annelies);
    const b = await session.people.create({ ...bram, notes: 'Wil een offerte voor het dak' });
    await session.people.update(b.id, (p) => ({ ...p, jobTitle: 'Uitvoerder' }));
    const directory = await Directory.load(session);
    await directory.close(); // writes the encrypted snapshot too
    await db.close();

    const { text, values } = await dumpIndexedDb(idb.indexedDB as unknown as RawFactory);
    expect(values).toBeGreaterThanOrEqual(6); // keyring, snapshot, 3 keys, 3 records: we really read them
    for (const secret of [
      'Annelies',
      'Verbeek',
      'annelies.verbeek',
      'voorbeeld.nl',
      '12 34 56 78',
      'Bram',
      'dewit-bouw',
      '555 0199',
      'Zeeuwse',
      'Mosselhandel',
      'offerte',
      'Uitvoerder',
      'Trade fair',
      'prospect',
    ]) {
      expect(text).not.toContain(secret);
    }
  });
});
