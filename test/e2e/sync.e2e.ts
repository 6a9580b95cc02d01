// Two browsers of one user against the real sync server: A creates a vault and connects it, B signs in
// with the same user id and passphrase, and each sees the other's changes live.
import { describe, expect, it } from 'vitest';
import type { DeviceSummary } from '../../shared/sync';
import { signInOnNewDevice } from '../../shared/sync/account';
import { memoryDatabase } from '../helpers/store';
import { PeoplePage } from './pages/PeoplePage';
import { PersonForm } from './pages/PersonForm';
import { SettingsPage } from './pages/SettingsPage';
import { SyncPages } from './pages/SyncPages';
import { VaultPage } from './pages/VaultPage';
import { allowProblems } from './support/harness';
import { waitUntilSynced, useSyncedDevices } from './support/synced-devices';

const PASSPHRASE = 'vier oude molens draaien traag';

describe('sync between two browsers', () => {
  const devices = useSyncedDevices();

  /** A creates a vault and connects it; B signs in as the same user. */
  const connectedPair = async () => {
    const a = await devices.connectAdmin(PASSPHRASE);
    expect(a.userId).toMatch(/^[A-Za-z0-9_-]+$/);
    const b = await devices.signIn(a.userId, PASSPHRASE);
    return { a, b, syncA: a.sync, syncB: b.sync };
  };

  it('shows a person added in A in B, and B’s edit in A, live', async () => {
    const { a, b, syncA, syncB } = await connectedPair();
    const peopleA = new PeoplePage(a.page);
    const peopleB = new PeoplePage(b.page);
    await peopleA.open();
    await peopleB.open();
    await peopleA.newPerson();
    await new PersonForm(a.page).fill({
      givenName: 'Anouk',
      familyName: 'Visser',
      email: 'anouk@example.nl',
    });
    await new PersonForm(a.page).save();
    await peopleB.row('Anouk Visser').waitFor({ timeout: 30_000 });

    await peopleB.openPerson('Anouk Visser');
    const formB = new PersonForm(b.page);
    await formB.field('Job title').fill('Inkoper');
    await formB.save();
    await peopleA.row('Anouk Visser').filter({ hasText: 'Inkoper' }).waitFor({ timeout: 30_000 });

    expect(await syncA.status.textContent()).not.toMatch(/Offline|failed/);
    expect(await syncB.status.textContent()).not.toMatch(/Offline|failed/);
  });

  it('changes the passphrase for the account on A; B then refuses the old one and opens with the new', async () => {
    const { a, b } = await connectedPair();
    const NEW_PASSPHRASE = 'zeven zwanen op de gracht';
    await new SettingsPage(a.page).open();
    await a.page.getByLabel('Current passphrase', { exact: true }).fill(PASSPHRASE);
    await a.page.getByLabel('New passphrase', { exact: true }).fill(NEW_PASSPHRASE);
    await a.page.getByLabel('Repeat new passphrase', { exact: true }).fill(NEW_PASSPHRASE);
    await a.page.getByRole('button', { name: 'Change passphrase' }).click();
    await a.page.getByText('Your passphrase has been changed for your account').waitFor({ timeout: 30_000 });

    // B opens locally with the old passphrase once, hears from the server and locks, saying why.
    await b.page.reload();
    const vaultB = new VaultPage(b.page);
    await vaultB.submitPassphrase(PASSPHRASE);
    await b.page
      .getByRole('alert')
      .filter({ hasText: 'Your passphrase was changed on another device' })
      .waitFor({ timeout: 30_000 });
    await vaultB.submitPassphrase(PASSPHRASE);
    await b.page.getByText('That is your old passphrase').waitFor({ timeout: 30_000 });
    await vaultB.unlock(NEW_PASSPHRASE);
    await waitUntilSynced(new SyncPages(b.page), 30_000);
  });

  it('keeps the losing value of an offline edit and lets B apply it', async () => {
    const { a, b, syncB } = await connectedPair();
    const peopleA = new PeoplePage(a.page);
    const peopleB = new PeoplePage(b.page);
    await peopleA.open();
    await peopleB.open();
    await peopleA.newPerson();
    await new PersonForm(a.page).fill({ givenName: 'Bram', familyName: 'Jansen' });
    await new PersonForm(a.page).save();
    await peopleB.row('Bram Jansen').waitFor({ timeout: 30_000 });

    // B edits offline; A edits the same field later, online, so A's value wins the merge.
    await b.context.setOffline(true);
    await peopleB.openPerson('Bram Jansen');
    await new PersonForm(b.page).field('Job title').fill('Inkoper');
    await new PersonForm(b.page).save();
    await syncB.status.filter({ hasText: /Offline/ }).waitFor({ timeout: 10_000 });
    await peopleA.openPerson('Bram Jansen');
    await new PersonForm(a.page).field('Job title').fill('Verkoper');
    await new PersonForm(a.page).save();
    await b.context.setOffline(false);

    await peopleB.row('Bram Jansen').filter({ hasText: 'Verkoper' }).waitFor({ timeout: 30_000 });
    await peopleB.openPerson('Bram Jansen');
    const notice = b.page.getByRole('region', { name: 'Changed on two devices' });
    await notice.getByText('Job title: the other value was “Inkoper”').waitFor({ timeout: 10_000 });
    await notice.getByRole('button', { name: 'Use this value' }).click();
    await notice.waitFor({ state: 'detached' });
    expect(await new PersonForm(b.page).field('Job title').inputValue()).toBe('Inkoper');
    await peopleA.open();
    await peopleA.row('Bram Jansen').filter({ hasText: 'Inkoper' }).waitFor({ timeout: 30_000 });

    // Requests made while offline fail in the console by design; nothing else may.
    allowProblems(b, /net::ERR_INTERNET_DISCONNECTED/);
  });

  it('wipes a device an admin revoked and says so', async () => {
    const { a, b } = await connectedPair();
    // The admin, signed in from this test process, revokes B (the second device to sign in).
    const db = await memoryDatabase();
    const userId = (await a.page.getByTestId('sync-user-id').textContent()) ?? '';
    const admin = await signInOnNewDevice({
      fetch,
      serverUrl: devices.url(),
      db,
      userId,
      passphrase: PASSPHRASE,
    });
    if (!admin.ok) throw new Error(admin.error);
    const auth = { authorization: `Bearer ${admin.value.link.token}` };
    const listed = (await (await fetch(`${devices.url()}/devices`, { headers: auth })).json()) as {
      value: DeviceSummary[];
    };
    const [, deviceB] = [...listed.value].sort((x, y) => x.createdAt - y.createdAt);
    const revoked = await fetch(`${devices.url()}/devices/${deviceB!.id}/revoke`, {
      method: 'POST',
      headers: auth,
    });
    expect(revoked.status).toBe(200);
    await db.remove();

    await b.page.getByRole('alert').filter({ hasText: 'removed this device' }).waitFor({ timeout: 30_000 });
    await b.page.reload();
    await b.page.getByRole('heading', { name: 'Create your vault' }).waitFor();
    expect(await new SyncPages(a.page).status.textContent()).not.toMatch(/removed|failed/);
    // A refused request shows in the console as a failed load; nothing else may.
    allowProblems(b, /401/);
  });
});
