// Two browsers of one user against the real sync server: A creates a vault and connects it, B signs in
// with the same user id and passphrase, and each sees the other's changes live.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PeoplePage } from './pages/PeoplePage';
import { PersonForm } from './pages/PersonForm';
import { SyncPages } from './pages/SyncPages';
import { VaultPage } from './pages/VaultPage';
import { useKluisHarness } from './support/harness';
import { startSyncServer, type SyncServer } from './support/sync-server';

const PASSPHRASE = 'vier oude molens draaien traag';

describe('sync between two browsers', () => {
  const harness = useKluisHarness();
  let server: SyncServer;

  beforeAll(async () => {
    server = await startSyncServer();
  });

  afterAll(async () => {
    await server.close();
  });

  it('shows a person added in A in B, and B’s edit in A, live', async () => {
    const a = await harness.open({ url: server.url });
    await new VaultPage(a.page).create(PASSPHRASE);
    const syncA = new SyncPages(a.page);
    const userId = await syncA.connect(PASSPHRASE);
    expect(userId).toMatch(/^[A-Za-z0-9_-]+$/);
    await syncA.status.filter({ hasText: /last synced at/ }).waitFor({ timeout: 15_000 });

    const b = await harness.open({ url: server.url });
    const syncB = new SyncPages(b.page);
    await syncB.signIn(userId, PASSPHRASE);
    await syncB.status.filter({ hasText: /last synced at/ }).waitFor({ timeout: 15_000 });

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
    await peopleB.row('Anouk Visser').waitFor({ timeout: 5_000 });

    await peopleB.openPerson('Anouk Visser');
    const formB = new PersonForm(b.page);
    await formB.field('Job title').fill('Inkoper');
    await formB.save();
    await peopleA.row('Anouk Visser').filter({ hasText: 'Inkoper' }).waitFor({ timeout: 5_000 });

    expect(await syncA.status.textContent()).not.toMatch(/Offline|failed/);
    expect(await syncB.status.textContent()).not.toMatch(/Offline|failed/);
  });
});
