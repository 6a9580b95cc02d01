// A newcomer joins the organisation with an invite code, in a second browser: the admin invites a sales
// user, the newcomer chooses a passphrase and registers their keys, the admin's device checks them and
// hands over the organisation key by itself, and the newcomer sees the organisation's people.
import { describe, expect, it } from 'vitest';
import { AppNav } from './pages/AppNav';
import { PeoplePage } from './pages/PeoplePage';
import { PersonForm } from './pages/PersonForm';
import { SettingsPage } from './pages/SettingsPage';
import { SyncPages } from './pages/SyncPages';
import { VaultPage } from './pages/VaultPage';
import { allowProblems } from './support/harness';
import { waitUntilSynced, useSyncedDevices } from './support/synced-devices';

const ADMIN_PASSPHRASE = 'drie witte zwanen op de gracht';
const NEWCOMER_PASSPHRASE = 'een rode fiets in de regen';

describe('joining with an invite code', () => {
  const devices = useSyncedDevices();

  it("lets a newcomer join, and the admin's device gives them the organisation's data", async () => {
    const a = await devices.connectAdmin(ADMIN_PASSPHRASE);
    const syncA = a.sync;
    const peopleA = new PeoplePage(a.page);
    await peopleA.open();
    await peopleA.newPerson();
    const form = new PersonForm(a.page);
    await form.fill({ givenName: 'Sanne', familyName: 'de Graaf', email: 'sanne@example.nl' });
    await form.save();

    const { userId, inviteCode } = await syncA.invite('Sales');
    await syncA.userRow(userId).filter({ hasText: 'Invited, has not joined yet' }).waitFor();

    const b = await devices.open();
    const syncB = new SyncPages(b.page);
    await syncB.join(userId, inviteCode, NEWCOMER_PASSPHRASE);
    // The admin's device seals the key by itself within a few seconds; the newcomer's vault then opens.
    await new VaultPage(b.page).waitUntilOpen();
    await syncA.userRow(userId).filter({ hasText: "Has access to the organisation's data" }).waitFor();
    // The admin's getting-started guide ticks "Invite colleagues" now that a second member has joined.
    await new AppNav(a.page).goTo('Dashboard');
    const invited = a.page.getByRole('region', { name: 'Getting started' }).locator('[data-step="invite"]');
    await invited.and(a.page.locator('[data-done="true"]')).waitFor({ timeout: 30_000 });
    await new SettingsPage(a.page).open();

    const peopleB = new PeoplePage(b.page);
    await peopleB.open();
    // The first sync of a new device: room for a loaded 2-core machine.
    await peopleB.row('Sanne de Graaf').waitFor({ timeout: 45_000 });
    await waitUntilSynced(syncB, 45_000);

    // The newcomer's vault is theirs: it locks and opens again with their own passphrase.
    await b.page.reload();
    await new VaultPage(b.page).unlock(NEWCOMER_PASSPHRASE);
    await peopleB.open();
    await peopleB.row('Sanne de Graaf').waitFor({ timeout: 30_000 });
    expect(await syncA.status.textContent()).not.toMatch(/failed|removed/);

    // The newcomer leaves: the admin removes them, and their device is told to wipe its copy.
    const row = syncA.userRow(userId);
    await row.getByRole('button', { name: 'Remove' }).click();
    await a.page.getByRole('dialog').getByRole('button', { name: 'Remove user' }).click();
    await syncA.userRow(userId).filter({ hasText: 'Removed: signs in nowhere' }).waitFor({ timeout: 30_000 });
    await b.page.getByRole('alert').filter({ hasText: 'removed this device' }).waitFor({ timeout: 45_000 });
    allowProblems(b, /401/);
    // The removal schedules a page-key rotation, which the admin's device runs and finishes by itself.
    const keys = a.page.getByRole('region', { name: 'Key rotation' });
    await keys.getByText(/Last rotation finished on/).waitFor({ timeout: 90_000 });
    await keys.getByText('Nothing is waiting for a rotation.').waitFor();
    // Four Argon2id runs at the app's full cost on a shared two-core machine take their time.
  }, 400_000);
});
