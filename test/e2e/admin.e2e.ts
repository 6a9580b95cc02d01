// The admin's "Devices and users" section against the real sync server: the admin sees the second device
// of the organisation, revokes it (the second device wipes itself and says so), and invites a user.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PeoplePage } from './pages/PeoplePage';
import { SettingsPage } from './pages/SettingsPage';
import { SyncPages } from './pages/SyncPages';
import { VaultPage } from './pages/VaultPage';
import { useKluisHarness } from './support/harness';
import { startSyncServer, type SyncServer } from './support/sync-server';

const PASSPHRASE = 'zeven grijze reigers staan stil';

describe('devices and users', () => {
  const harness = useKluisHarness();
  let server: SyncServer;

  beforeAll(async () => {
    server = await startSyncServer();
  });

  afterAll(async () => {
    await server.close();
  });

  it('lets the admin revoke the second device, which wipes itself, and invite a sales user', async () => {
    const a = await harness.open({ url: server.url });
    await new VaultPage(a.page).create(PASSPHRASE);
    const syncA = new SyncPages(a.page);
    const userId = await syncA.connect(PASSPHRASE);
    await syncA.status.filter({ hasText: /last synced at/ }).waitFor({ timeout: 15_000 });

    const b = await harness.open({ url: server.url });
    const syncB = new SyncPages(b.page);
    await syncB.signIn(userId, PASSPHRASE);
    await syncB.status.filter({ hasText: /last synced at/ }).waitFor({ timeout: 15_000 });

    // The list is read when Settings opens: open it afresh now that B is signed in.
    await new PeoplePage(a.page).open();
    await new SettingsPage(a.page).open();
    const section = a.page.getByRole('region', { name: 'Devices and users' });
    const devices = section.getByRole('table', { name: 'Devices' });
    const rows = devices.getByRole('row').filter({ hasText: userId });
    await rows.nth(1).waitFor({ timeout: 10_000 });
    expect(await rows.count()).toBe(2);
    const thisDevice = rows.filter({ hasText: 'This device' });
    expect(await thisDevice.getByRole('button', { name: 'Revoke' }).count()).toBe(0);
    const second = rows.filter({ hasNotText: 'This device' });
    expect(await second.textContent()).toMatch(/Active/);

    await second.getByRole('button', { name: 'Revoke' }).click();
    const dialog = a.page.getByRole('dialog', { name: 'Revoke this device?' });
    await dialog.getByText(/deletes its local copy/).waitFor();
    await dialog.getByRole('button', { name: 'Revoke device' }).click();
    await dialog.waitFor({ state: 'detached' });
    await second.filter({ hasText: 'Revoked' }).waitFor({ timeout: 5_000 });

    await b.page.getByRole('alert').filter({ hasText: 'removed this device' }).waitFor({ timeout: 10_000 });
    await b.page.reload();
    await b.page.getByRole('heading', { name: 'Create your vault' }).waitFor();
    const refused = b.problems.filter((p) => p.includes('401'));
    for (const problem of refused) b.problems.splice(b.problems.indexOf(problem), 1);

    const invite = section.getByRole('form', { name: 'Invite user' });
    await invite.getByRole('combobox', { name: 'Role' }).click();
    await a.page.getByRole('option', { name: /^Sales/ }).click();
    await invite.getByRole('button', { name: 'Invite user' }).click();
    const created = section.getByRole('status').filter({ hasText: 'Sales' });
    const code = created.getByRole('textbox', { name: 'Invite code' });
    await code.waitFor({ timeout: 10_000 });
    expect(await code.inputValue()).toMatch(/^[A-Za-z0-9_-]{32}$/);
    expect(await created.getByRole('textbox', { name: 'User id' }).inputValue()).toMatch(/^[0-9a-f]+$/);
    expect(await syncA.status.textContent()).not.toMatch(/removed|failed/);
  });
});
