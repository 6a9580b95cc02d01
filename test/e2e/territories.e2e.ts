// Territories in Chromium (issue 19, point 2): the admin defines two territories in Settings → Territories
// by tag — one for a sales user who joined with an invite, named by the name they gave themselves, one
// for admins only — after a wrongly typed country code is named beside its field. Applying the rules
// moves each customer into its territory, and the sales user's laptop keeps its own territory's customer
// and lets go of the other's, without a restart, whichever of the key page and the admin's move note
// reaches it first. Taking the sales user off Noord renews its key, and Noord's row says when it is done.
// The screen passes axe in the light and the dark theme.
import { describe, expect, it } from 'vitest';
import { PeoplePage } from './pages/PeoplePage';
import { PersonForm } from './pages/PersonForm';
import { SyncPages } from './pages/SyncPages';
import { TerritoriesSettings } from './pages/Territories';
import { VaultPage } from './pages/VaultPage';
import { describeViolations, seriousViolations, showScheme } from './support/axe';
import { screenshot } from './support/screenshot';
import { useSyncedDevices, waitUntilSynced } from './support/synced-devices';

const ADMIN_PASSPHRASE = 'twee gebieden op de kaart';
const SALES_PASSPHRASE = 'mijn eigen klanten in het noorden';

describe('territories', () => {
  const devices = useSyncedDevices();

  it("defines territories by name and tag, and a sales laptop keeps only its territory's customers", async () => {
    const admin = await devices.connectAdmin(ADMIN_PASSPHRASE);
    const people = new PeoplePage(admin.page);
    const form = new PersonForm(admin.page);
    for (const [givenName, familyName, tag] of [
      ['Anna', 'Noord', 'noord'],
      ['Cees', 'Zuid', 'zuid'],
    ] as const) {
      await people.open();
      await people.newPerson();
      await form.fill({ givenName, familyName, tags: [tag] });
      await form.save();
    }

    const { userId, inviteCode } = await admin.sync.invite('Sales');
    const sales = await devices.open();
    const salesSync = new SyncPages(sales.page);
    await salesSync.join(userId, inviteCode, SALES_PASSPHRASE);
    await new VaultPage(sales.page).waitUntilOpen();
    await salesSync.saveNames({ displayName: 'Bram Verkoop' });
    const salesPeople = new PeoplePage(sales.page);
    await salesPeople.open();
    await salesPeople.row('Cees Zuid').waitFor({ timeout: 45_000 });

    const territories = new TerritoriesSettings(admin.page);
    await territories.open();
    // A country written out in full is named beside its field, and nothing is defined.
    await territories.define({ name: 'Zuid', countries: 'Nederland', tags: 'zuid' });
    await territories.form.getByText('Use two-letter country codes, for example NL, BE.').waitFor();
    expect(await territories.section.getByText('No territories yet').count()).toBe(1);
    await territories.define({ name: 'Zuid', tags: 'zuid' });
    await territories.status('Territory Zuid added').waitFor({ timeout: 30_000 });
    // The sales user is offered by the name they gave themselves once it has synced to the admin.
    await territories.form
      .getByRole('group', { name: 'Members' })
      .getByRole('checkbox', { name: 'Bram Verkoop' })
      .waitFor({ timeout: 45_000 });
    await territories.define({ name: 'Noord', tags: 'noord', members: ['Bram Verkoop'] });
    await territories.status('Territory Noord added').waitFor({ timeout: 30_000 });
    await territories.territory('Noord').getByText('For: Bram Verkoop').waitFor();
    await territories.territory('Noord').getByText('Rules: #noord').waitFor();
    await territories.territory('Zuid').getByText('For: admins only').waitFor();

    await territories.section.getByRole('button', { name: 'Apply the rules to everyone' }).click();
    await territories
      .status('2 people and organisations moved into territories.')
      .waitFor({ timeout: 30_000 });

    await territories.territory('Zuid').scrollIntoViewIfNeeded();
    await screenshot(admin.page, 'territories');
    for (const scheme of ['light', 'dark'] as const) {
      await showScheme(admin.page, scheme);
      expect(
        describeViolations(`settings › territories [${scheme}]`, await seriousViolations(admin.page)),
      ).toEqual([]);
    }

    // The sales laptop lets go of the customer it no longer may read, and keeps its own.
    await salesPeople.open();
    await salesPeople.row('Anna Noord').waitFor({ timeout: 60_000 });
    await salesPeople.row('Cees Zuid').waitFor({ state: 'detached', timeout: 60_000 });
    await waitUntilSynced(salesSync, 45_000);

    // Taken off Noord, the sales user no longer holds its key: it is renewed, and Noord's row says so.
    await territories.changeMembers('Noord', { 'Bram Verkoop': false });
    await territories.status('Members of Noord changed').waitFor({ timeout: 30_000 });
    await territories
      .territory('Noord')
      .getByRole('status')
      .filter({ hasText: 'Key of Noord renewed' })
      .waitFor({ timeout: 30_000 });
    for (const scheme of ['light', 'dark'] as const) {
      await showScheme(admin.page, scheme);
      expect(
        describeViolations(
          `settings › territory key renewed [${scheme}]`,
          await seriousViolations(admin.page),
        ),
      ).toEqual([]);
    }
    // Three Argon2id runs at the app's full cost and two first syncs on a shared two-core machine.
  }, 400_000);
});
