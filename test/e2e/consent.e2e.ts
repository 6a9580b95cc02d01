// Consent end to end: a consent recorded and withdrawn through the person's Privacy tab keeps that person
// out of a campaign list, with the reason shown; a person with consent and a confirmed subscription is the
// only one in the exported file.
import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { PeoplePage } from './pages/PeoplePage';
import { PersonForm } from './pages/PersonForm';
import { CapturePage, PersonPrivacyPanel, PrivacyPage } from './pages/Privacy';
import { VaultPage } from './pages/VaultPage';
import { useKluisHarness } from './support/harness';

const PASSPHRASE = 'toestemming fiets paraplu 17';
const WITHDRAWN = { givenName: 'Wendela', familyName: 'Teruggetrokken', email: 'wendela@voorbeeld.nl' };
/** Two people, two consents, a subscription and a gate run: slow on a busy 2-core machine. */
const LONG_TEST_MS = 240_000;
const CONSENTING = { givenName: 'Cas', familyName: 'Instemming', email: 'cas.instemming@voorbeeld.nl' };

describe('consent and the purpose gate', () => {
  const harness = useKluisHarness();

  it(
    'leaves out a person who withdrew consent, says why, and exports only the person who consented',
    async () => {
      const { page } = await harness.open();
      const people = new PeoplePage(page);
      const form = new PersonForm(page);
      const privacy = new PersonPrivacyPanel(page);

      await new VaultPage(page).create(PASSPHRASE);
      for (const person of [WITHDRAWN, CONSENTING]) {
        await people.open();
        await people.newPerson();
        await form.fill(person);
        await form.save();
      }

      await people.openPerson('Wendela Teruggetrokken');
      await privacy.open();
      await expect.poll(() => privacy.consentState('E-marketing').textContent()).toBe('No consent recorded');
      await privacy.recordConsent('E-marketing', {
        method: 'Web form',
        evidence: 'Ticked the newsletter box',
      });
      await expect.poll(() => privacy.consentState('E-marketing').textContent()).toMatch(/^Consent given on/);
      await privacy.withdrawConsent('E-marketing');
      await expect
        .poll(() => privacy.consentState('E-marketing').textContent())
        .toMatch(/^Consent withdrawn on/);
      // Both events stay in the ledger, and nothing offers to edit or delete them.
      const ledger = privacy.ledger('E-marketing');
      expect(await ledger.getByRole('row').count()).toBe(3);
      await ledger.getByText('Withdrawn').waitFor();
      await ledger.getByText('Ticked the newsletter box').waitFor();
      expect(await ledger.getByRole('button', { name: /edit|delete/i }).count()).toBe(0);

      await people.open();
      await people.openPerson('Cas Instemming');
      await privacy.open();
      await privacy.recordConsent('E-marketing');
      await privacy.subscribe('Newsletter', { confirm: true });

      const privacyPage = new PrivacyPage(page);
      await privacyPage.runCampaign('E-marketing', 'Email');
      await expect.poll(() => privacyPage.eligibleCount.textContent()).toBe('1 person may be contacted');
      await privacyPage.excludedFor('Consent withdrawn').getByText('Wendela Teruggetrokken').waitFor();

      const download = await privacyPage.exportCampaign('CSV');
      const csv = await readFile((await download.path())!, 'utf8');
      expect(csv).toContain(CONSENTING.email);
      expect(csv).toContain('Instemming');
      expect(csv).not.toContain(WITHDRAWN.email);
      expect(csv).not.toContain('Teruggetrokken');
      expect(csv.trim().split(/\r?\n/)).toHaveLength(2);
    },
    LONG_TEST_MS,
  );

  it('adds a person from a business card to no list, says when the notice is due, and records consent separately', async () => {
    const { page } = await harness.open();
    const capture = new CapturePage(page);
    const privacy = new PersonPrivacyPanel(page);

    await new VaultPage(page).create(PASSPHRASE);
    await capture.open();
    await capture.save({
      givenName: 'Bart',
      familyName: 'Beurskaart',
      organisation: 'Horeca Testbedrijf B.V.',
      email: 'bart@horeca-test.nl',
      event: 'Horecava, stand 12',
    });
    await page.getByText('Nothing was added to any mailing list or subscription.').waitFor();
    await capture.noticeDue.waitFor();

    await page.getByRole('button', { name: 'Record consent' }).click();
    const dialog = page.getByRole('dialog', { name: 'Record consent' });
    expect(await dialog.getByRole('combobox', { name: 'How was consent given?' }).textContent()).toBe(
      'Business card',
    );
    await dialog.getByRole('button', { name: 'Record consent' }).click();
    await dialog.waitFor({ state: 'hidden' });

    await page.getByRole('link', { name: 'Open person' }).click();
    await page.getByRole('heading', { name: 'Bart Beurskaart', level: 1 }).waitFor();
    await privacy.open();
    await expect.poll(() => privacy.consentState('E-marketing').textContent()).toMatch(/^Consent given on/);
    await privacy.subscription('Newsletter').getByText('Not subscribed').waitFor();
    await page.getByRole('status').filter({ hasText: 'Privacy notice due by' }).waitFor();
  });
});
