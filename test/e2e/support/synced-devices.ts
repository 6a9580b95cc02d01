// Browsers of one organisation against the real sync server: the server is started before a file's tests
// and closed after them; the first device creates a vault and connects it as the organisation's admin,
// another signs in as a user. Both return once their first sync has finished.
import { afterAll, beforeAll } from 'vitest';
import { SyncPages } from '../pages/SyncPages';
import { VaultPage } from '../pages/VaultPage';
import { useKluisHarness, type KluisApp } from './harness';
import { startSyncServer, type SyncServer } from './sync-server';

export interface SyncedDevice extends KluisApp {
  readonly sync: SyncPages;
  /** The user the device is signed in as. */
  readonly userId: string;
}

/** Waits until the status of a device says it has synced. */
export const waitUntilSynced = (sync: SyncPages, timeout = 15_000) =>
  sync.status.filter({ hasText: /last synced at/ }).waitFor({ timeout });

/** Registers the hooks; call inside `describe`. The returned functions are valid inside each test. */
export const useSyncedDevices = () => {
  const harness = useKluisHarness();
  let server: SyncServer | undefined;

  beforeAll(async () => {
    server = await startSyncServer();
  });

  afterAll(async () => {
    await server?.close();
  });

  const url = () => {
    if (!server) throw new Error('sync server not started');
    return server.url;
  };

  /** A fresh browser with the app loaded from the sync server. */
  const open = () => harness.open({ url: url() });

  return {
    url,
    open,
    /** A new vault, connected to the server: its user is the organisation's first admin. */
    async connectAdmin(passphrase: string): Promise<SyncedDevice> {
      const app = await open();
      await new VaultPage(app.page).create(passphrase);
      const sync = new SyncPages(app.page);
      const userId = await sync.connect(passphrase);
      await waitUntilSynced(sync);
      return { ...app, sync, userId };
    },
    /** Another browser, signed in as an existing user: its vault is built from the server. */
    async signIn(
      userId: string,
      passphrase: string,
      names?: Parameters<SyncPages['signIn']>[2],
    ): Promise<SyncedDevice> {
      const app = await open();
      const sync = new SyncPages(app.page);
      await sync.signIn(userId, passphrase, names);
      await waitUntilSynced(sync);
      return { ...app, sync, userId };
    },
  };
};
