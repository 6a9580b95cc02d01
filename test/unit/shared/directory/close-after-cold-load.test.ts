// Locking right after an unlock without a snapshot: the directory's close waits for the snapshot write the
// load began once indexed, so that write never meets a locked session (it failed, unhandled, and the
// snapshot's head was never written: the next unlock was cold again).
import { describe, expect, it } from 'vitest';
import { Directory } from '../../../../shared/directory/directory';
import { SNAPSHOT_ID } from '../../../../shared/directory/snapshot';
import { storeZeelandPeople } from '../../../fixtures/people';
import { useMemoryVaults } from '../../../helpers/vaults';

const open = useMemoryVaults();

describe('the directory closed, then the session locked, while its first snapshot is being written', () => {
  it('writes the whole snapshot before the lock, and nothing fails afterwards', async () => {
    const failures: unknown[] = [];
    const failed = (error: unknown) => failures.push(error);
    process.on('unhandledRejection', failed);
    try {
      const session = await open();
      await storeZeelandPeople(session);
      // The snapshot's writes into the vault collection, noted as they start.
      const writes: Promise<unknown>[] = [];
      let started!: () => void;
      const writing = new Promise<void>((resolve) => (started = resolve));
      const vault = session.db.vault;
      const upsert = vault.bulkUpsert.bind(vault);
      vault.bulkUpsert = ((docs: Parameters<typeof upsert>[0]) => {
        const write = upsert(docs);
        writes.push(write.catch(() => undefined));
        started();
        return write;
      }) as typeof vault.bulkUpsert;

      const directory = await Directory.load(session); // no snapshot yet: the load writes one once indexed
      await writing;
      await directory.close(); // as the app does before it locks
      session.lock();
      await Promise.all(writes);
      await new Promise((resolve) => setTimeout(resolve, 0)); // a rejection left unhandled is reported now

      expect(failures).toEqual([]);
      expect(await vault.findOne(SNAPSHOT_ID).exec()).not.toBeNull();
    } finally {
      process.off('unhandledRejection', failed);
    }
  });
});
