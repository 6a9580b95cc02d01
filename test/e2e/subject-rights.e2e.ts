// Rights on the record, as a user meets them: an edit shows up in the person's field history (Art. 16);
// restricting processing (Art. 18) makes the form read-only except the field the person asked to have
// corrected, and the restriction shows on the person's page and in the people list.
import { describe, expect, it } from 'vitest';
import { PeoplePage } from './pages/PeoplePage';
import { PersonForm } from './pages/PersonForm';
import { PersonPrivacyPanel } from './pages/Privacy';
import { VaultPage } from './pages/VaultPage';
import { useKluisHarness } from './support/harness';

describe('rights on the record', () => {
  const harness = useKluisHarness();

  it('keeps a field history, and a restricted record is read-only except the asked-for field', async () => {
    const { page } = await harness.open();
    const people = new PeoplePage(page);
    const form = new PersonForm(page);
    await new VaultPage(page).create('drie kleine visjes zwemmen');

    await people.newPerson();
    await form.fill({
      givenName: 'Pieter',
      familyName: 'de Vries',
      jobTitle: 'Inkoper',
      email: 'pieter@example.nl',
    });
    await form.save();

    // Rectification: the change appears in the History tab with what it was and what it became.
    await people.openPerson('Pieter de Vries');
    await form.field('Job title').fill('Hoofd inkoop');
    await form.save();
    await people.openPerson('Pieter de Vries');
    await page.getByRole('tab', { name: 'History' }).click();
    const history = page.getByRole('table', { name: 'Field history' });
    const jobRow = history.getByRole('row').filter({ hasText: 'Job title' });
    await jobRow.waitFor();
    expect(await jobRow.getByRole('cell').allTextContents()).toEqual(
      expect.arrayContaining(['Job title', 'Inkoper', 'Hoofd inkoop']),
    );

    // Restriction: only the email address may be corrected meanwhile.
    const privacy = new PersonPrivacyPanel(page);
    await privacy.open();
    await page.getByRole('button', { name: 'Restrict processing' }).click();
    const dialog = page.getByRole('dialog', { name: "Restrict processing of this person's data" });
    await dialog.getByRole('checkbox', { name: 'Email addresses' }).check();
    await dialog.getByRole('button', { name: 'Restrict processing' }).click();
    await dialog.waitFor({ state: 'hidden' });

    const banner = page.getByTestId('restriction-banner');
    await banner.waitFor();
    expect(await banner.textContent()).toContain('read-only except: Email addresses');
    expect(await form.field('Job title').isDisabled()).toBe(true);
    expect(await form.field('Family name').isDisabled()).toBe(true);
    expect(await form.email.isDisabled()).toBe(false);

    // The asked-for correction saves and lands in the history.
    await form.email.fill('p.devries@example.nl');
    await form.save();
    const row = people.row('Pieter de Vries');
    await row.getByTestId('restriction-marker').waitFor();
    expect(await row.textContent()).toContain('Restricted');

    await people.openPerson('Pieter de Vries');
    await page.getByTestId('restriction-banner').waitFor();
    await page.getByRole('tab', { name: 'History' }).click();
    const emailRow = page
      .getByRole('table', { name: 'Field history' })
      .getByRole('row')
      .filter({ hasText: 'Email addresses' });
    await emailRow.waitFor();
    expect(await emailRow.textContent()).toContain('p.devries@example.nl');
  });
});
