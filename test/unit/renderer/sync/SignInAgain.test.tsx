// A laptop that was away longer than its token lives (issue 16): against the real server, whose clock
// moves a month on, Settings → Sync server says the sign-in expired and offers the passphrase; with it the
// same device signs in again and syncs on.
import { fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { DAY_MS } from '../../../../server/app';
import { SyncSettings } from '../../../../renderer/features/sync/components/SyncSettings';
import { useSyncStore } from '../../../../renderer/features/sync/stores/sync-store';
import { useVaultStore } from '../../../../renderer/features/vault/stores/vault-store';
import { loadLink } from '../../../../shared/sync';
import { annelies } from '../../../fixtures/people';
import { linkableVault, memoryDatabase, PASSPHRASE } from '../../../helpers/store';
import { ADAPTERS } from '../../../integration/server/adapters';
import { startServer } from '../../../integration/server/harness';

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

describe('a device whose sign-in expired', () => {
  it('says so under Sync server and signs the same device in again with the passphrase', async () => {
    let away = 0;
    const database = await ADAPTERS.sqlite();
    const storage = await database.open();
    await storage.migrate();
    const server = await startServer(storage, { now: () => Date.now() + away });
    cleanups.push(async () => {
      await server.close();
      await storage.close();
      await database.destroy();
    });
    const db = await memoryDatabase();
    const session = await (await linkableVault(db)).create(PASSPHRASE);
    useVaultStore.setState({ session });
    cleanups.push(async () => {
      await useSyncStore.getState().stop();
      useVaultStore.setState({ session: null });
      session.lock();
      await db.remove();
    });
    expect(await useSyncStore.getState().connect(session, server.url, PASSPHRASE)).toBeNull();
    const first = await loadLink(session);

    render(<SyncSettings />);
    // A month later, the first thing the device sends is refused.
    away = 31 * DAY_MS;
    await session.people.create(annelies);
    expect(
      await screen.findByText(/This device's sign-in has expired\. Sign in again\./, {}, { timeout: 15_000 }),
    ).toBeTruthy();

    fireEvent.change(screen.getByLabelText('Your passphrase'), { target: { value: PASSPHRASE } });
    fireEvent.click(screen.getByRole('button', { name: 'Sign in again' }));
    await expect.poll(() => useSyncStore.getState().status?.error, { timeout: 15_000 }).toBeNull();
    expect(screen.queryByRole('button', { name: 'Sign in again' })).toBeNull();
    const again = await loadLink(session);
    expect(again?.deviceId).toBe(first?.deviceId);
    expect(again?.token).not.toBe(first?.token);
    // What waited on the device reaches the server.
    await expect
      .poll(async () => (await storage.pull(first!.orgId, 'records', 0, 10)).docs.length, { timeout: 15_000 })
      .toBeGreaterThan(0);
  }, 120_000);
});
