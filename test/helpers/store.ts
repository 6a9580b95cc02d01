// Real RxDB databases for tests: memory storage (fast) or Dexie over fake-indexeddb (the production
// storage on an IndexedDB implementation), both with RxDB's dev-mode checks and schema validation on.
import { addRxPlugin, type RxStorage } from 'rxdb';
import { RxDBDevModePlugin, disableWarnings } from 'rxdb/plugins/dev-mode';
import { getRxStorageMemory } from 'rxdb/plugins/storage-memory';
import { getRxStorageDexie } from 'rxdb/plugins/storage-dexie';
import { wrappedValidateAjvStorage } from 'rxdb/plugins/validate-ajv';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { KDF_FLOOR, TEST_KDF } from '../../shared/crypto/kdf';
import { openKluisDatabase, type KluisDatabase } from '../../shared/store/database';
import { Vault } from '../../shared/vault/vault';

disableWarnings();
addRxPlugin(RxDBDevModePlugin);

let counter = 0;
const uniqueName = (prefix: string) => `${prefix}${Date.now().toString(36)}${(counter++).toString(36)}`;

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- RxDB storages differ in type parameters
const validated = (storage: RxStorage<any, any>) => wrappedValidateAjvStorage({ storage });

export const memoryDatabase = (name = uniqueName('mem')): Promise<KluisDatabase> =>
  openKluisDatabase({ storage: validated(getRxStorageMemory()), name });

/** A fresh fake IndexedDB; the same factory reopens the same data, like a page reload. */
export const newIndexedDb = () => ({ indexedDB: new IDBFactory(), IDBKeyRange });

export const dexieDatabase = (idb: ReturnType<typeof newIndexedDb>, name = 'kluis'): Promise<KluisDatabase> =>
  openKluisDatabase({ storage: validated(getRxStorageDexie(idb)), name });

export const PASSPHRASE = 'correct horse battery staple';

/** A vault with cheap Argon2id parameters: the real code path, a faster key derivation. */
export const testVault = (db: KluisDatabase) => Vault.open(db, TEST_KDF);

/**
 * A vault another device can sign in to: the lowest Argon2id cost a new device accepts from the server
 * (KDF_FLOOR, ~0.16 s), since TEST_KDF is below it and is refused there, as a downgrade would be.
 */
export const linkableVault = (db: KluisDatabase) => Vault.open(db, KDF_FLOOR);
