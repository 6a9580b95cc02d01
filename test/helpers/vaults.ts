// Fresh databases and unlocked vaults per test (RxDB memory storage, real libsodium), removed after the
// test: one place for the set-up and clean-up every store test would otherwise write again.
import { afterEach } from 'vitest';
import type { KluisDatabase } from '../../shared/store';
import type { Workspace } from '../../shared/workspace';
import { memoryDatabase, PASSPHRASE, testVault } from './store';

/** Call at the top of a test file; the returned function opens a new memory database for this test. */
export const useMemoryDatabases = (): (() => Promise<KluisDatabase>) => {
  const opened: KluisDatabase[] = [];
  afterEach(async () => {
    for (const db of opened.splice(0)) await db.remove();
  });
  return async () => {
    const db = await memoryDatabase();
    opened.push(db);
    return db;
  };
};

/**
 * Call at the top of a test file; the returned function opens this test's vault, created with PASSPHRASE
 * on a new memory database, after `prepare` (e.g. seedConsentDefaults) has run on it.
 */
export const useMemoryVaults = (
  prepare?: (session: Workspace) => Promise<unknown>,
): (() => Promise<Workspace>) => {
  const database = useMemoryDatabases();
  return async () => {
    const session = await (await testVault(await database())).create(PASSPHRASE);
    await prepare?.(session);
    return session;
  };
};
