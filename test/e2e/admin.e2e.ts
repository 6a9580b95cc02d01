// The admin's "Devices and users" section against the real sync server: the admin sees the second device
// of the organisation, revokes it (the second device wipes itself and says so), and invites a user.
import { describe, expect, it } from 'vitest';
import { PeoplePage } from './pages/PeoplePage';
import { SettingsPage } from './pages/SettingsPage';
import { allowProblems } from './support/harness';
import { useSyncedDevices } from './support/synced-devices';

const PASSPHRASE = 'zeven grijze reigers staan stil';

describe('devices and users', () => {
  const devices = useSyncedDevices();

  it('lets the admin revoke the second device, which wipes itself, and invite a sales user', async () => {
    const a = await devices.connectAdmin(PASSPHRASE);
    const { userId } = a;
    const b = await devices.signIn(userId, PASSPHRASE);

    // The list is read when Settings opens: open it afresh now that B is signed in.
    await new PeoplePage(a.page).open();
    await new SettingsPage(a.page).open();
    const section = a.page.getByRole('region', { name: 'Devices and users' });
    const deviceTable = section.getByRole('table', { name: 'Devices' });
    const rows = deviceTable.getByRole('row').filter({ hasText: userId });
    await rows.nth(1).waitFor({ timeout: 30_000 });
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
    await second.filter({ hasText: 'Revoked' }).waitFor({ timeout: 30_000 });

    await b.page.getByRole('alert').filter({ hasText: 'removed this device' }).waitFor({ timeout: 30_000 });
    await b.page.reload();
    await b.page.getByRole('heading', { name: 'Create your vault' }).waitFor();
    allowProblems(b, /401/);

    const invite = section.getByRole('form', { name: 'Invite user' });
    await invite.getByRole('combobox', { name: 'Role' }).click();
    await a.page.getByRole('option', { name: /^Sales/ }).click();
    await invite.getByRole('button', { name: 'Invite user' }).click();
    const created = section.getByRole('status').filter({ hasText: 'Sales' });
    const code = created.getByRole('textbox', { name: 'Invite code' });
    await code.waitFor({ timeout: 30_000 });
    expect(await code.inputValue()).toMatch(/^[A-Za-z0-9_-]{32}$/);
    expect(await created.getByRole('textbox', { name: 'User id' }).inputValue()).toMatch(/^[0-9a-f]+$/);
    expect(await a.sync.status.textContent()).not.toMatch(/removed|failed/);
  });
});
