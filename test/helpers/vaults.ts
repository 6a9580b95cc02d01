// A fresh unlocked vault per test (RxDB memory storage, real libsodium), removed after the test.
import { afterEach } from 'vitest';
import type { KluisDatabase } from '../../shared/store';
import type { Workspace } from '../../shared/workspace';
import { memoryDatabase, PASSPHRASE, testVault } from './store';

/** Call at the top of a test file; the returned function opens this test's vault. */
export const useMemoryVaults = (): (() => Promise<Workspace>) => {
  const opened: KluisDatabase[] = [];
  afterEach(async () => {
    for (const db of opened.splice(0)) await db.remove();
  });
  return async () => {
    const db = await memoryDatabase();
    opened.push(db);
    return (await testVault(db)).create(PASSPHRASE);
  };
};
