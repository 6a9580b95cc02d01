// The privacy dashboard end to end: an admin starts Kluis, unlocks, lands on the dashboard, sees its
// counts (a consent, a request and a processor agreement falling due when the clock moves on), and
// follows a tile to the screen where the admin acts.
import { describe, expect, it } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { AccountabilityPage } from './pages/Accountability';
import { PeoplePage } from './pages/PeoplePage';
import { PersonForm } from './pages/PersonForm';
import { PersonPrivacyPanel } from './pages/Privacy';
import { VaultPage } from './pages/VaultPage';
import { useKluisHarness } from './support/harness';
import { screenshot } from './support/screenshot';

const PASSPHRASE = 'dashboard voor de functionaris 7';
const DAY = 86_400_000;
const START = new Date('2026-11-02T09:00:00');

const tile = (page: Page, title: string): Locator => page.getByRole('region', { name: title });

const registerProcessor = async (page: Page) => {
  const dialog = await new AccountabilityPage(page).addRecipient();
  await dialog.getByLabel('Name').fill('Mailservice BV');
  await dialog.getByLabel('Signed on').fill('2026-01-15');
  // 48 days after the start: not yet due for review.
  await dialog.getByLabel('Review on').fill('2026-12-20');
  await dialog.getByRole('button', { name: 'Save' }).click();
  await dialog.waitFor({ state: 'hidden' });
};

/** A person whose consent to e-marketing is valid for 50 days from the start. */
const addConsentingPerson = async (page: Page) => {
  const people = new PeoplePage(page);
  const form = new PersonForm(page);
  await people.newPerson();
  await form.fill({ givenName: 'Cas', familyName: 'Instemming', email: 'cas.instemming@voorbeeld.nl' });
  await form.save();
  await people.openPerson('Cas Instemming');
  const privacy = new PersonPrivacyPanel(page);
  await privacy.open();
  await privacy.purpose('E-marketing').getByRole('button', { name: 'Record consent' }).click();
  const dialog = page.getByRole('dialog', { name: 'Record consent' });
  await dialog.getByLabel('Valid until (optional)').fill('2026-12-22');
  await dialog.getByRole('button', { name: 'Record consent' }).click();
  await dialog.waitFor({ state: 'hidden' });
};

/** An access request received today from someone not in Kluis: due in one month (Art. 12(3)). */
const recordRequest = async (page: Page) => {
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Requests' }).click();
  await page.getByRole('link', { name: 'New request' }).first().click();
  const form = page.getByRole('form', { name: 'New request' });
  await form.getByLabel('The requester is not (yet) in Kluis').check();
  await form.getByLabel("Requester's name").fill('Piet Verzoeker');
  await form.getByRole('button', { name: 'Record request' }).click();
  await form.waitFor({ state: 'detached' });
};

describe('privacy dashboard', () => {
  const harness = useKluisHarness();

  it('is where an admin lands after unlocking, shows the counts and leads to the screen to act on', async () => {
    const { page, url } = await harness.open({ beforeGoto: (p) => p.clock.install({ time: START }) });
    const vault = new VaultPage(page);
    // A new, empty vault opens on the dashboard, where the getting-started guide shows the first steps.
    await vault.create(PASSPHRASE, { stay: true });
    await page.getByRole('heading', { name: 'Privacy dashboard', level: 1 }).waitFor();
    await vault.guide.getByText('Name the controller').waitFor();
    expect(new URL(page.url()).hash).toBe('#/dashboard');
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'People' }).click();
    await page.getByRole('searchbox', { name: 'Search people' }).waitFor();
    await addConsentingPerson(page);
    await registerProcessor(page);
    await recordRequest(page);

    // Kluis starts again: unlocking lands the admin on the dashboard.
    await page.goto(url);
    await vault.unlock(PASSPHRASE);
    await page.getByRole('heading', { name: 'Privacy dashboard', level: 1 }).waitFor();
    const processors = tile(page, 'Processor agreements');
    await processors.getByRole('group', { name: '0 agreements need attention' }).waitFor();
    await tile(page, 'No lawful basis')
      .getByRole('group', { name: '0 people processed for a purpose without a lawful basis' })
      .waitFor();
    const consents = tile(page, 'Consents expiring');
    await consents.getByRole('group', { name: '0 consents run out within 30 days' }).waitFor();
    expect(await consents.getByRole('img').getAttribute('aria-label')).toContain('60 days 1');
    const requests = tile(page, 'Requests from data subjects');
    await requests.getByRole('group', { name: '1 open request' }).waitFor();
    expect(await requests.getByRole('img').getAttribute('aria-label')).toContain(
      'Due within 7 days 0, Later 1',
    );
    await tile(page, 'Open breaches').getByRole('group', { name: '0 open breaches' }).waitFor();
    await tile(page, 'Audit trail')
      .getByRole('group', { name: /^Intact \d+ entries/ })
      .waitFor();
    await tile(page, 'Devices not synced').getByText('not linked to a sync server').waitFor();

    // A month later the request is due, and the agreement's review and the consent's end are near.
    await page.clock.setSystemTime(START.getTime() + 30 * DAY);
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'People' }).click();
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Dashboard' }).click();
    await processors.getByRole('group', { name: '1 agreement needs attention' }).waitFor();
    await consents.getByRole('group', { name: '1 consent runs out within 30 days' }).waitFor();
    expect(await requests.getByRole('img').getAttribute('aria-label')).toContain(
      'Due within 7 days 1, Later 0',
    );
    expect(await processors.getByRole('img').getAttribute('aria-label')).toContain('Review within 30 days 1');
    await screenshot(page, 'privacy-dashboard');

    await processors.getByRole('link', { name: 'Open the processors' }).click();
    await page.getByRole('tab', { name: 'Processors and recipients', selected: true }).waitFor();
    await page
      .getByRole('cell', { name: /^Mailservice BV/ })
      .first()
      .waitFor();
  }, 180_000);
});
