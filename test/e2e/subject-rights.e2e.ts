// Rights on the record, as a user meets them: an edit shows up in the person's field history (Art. 16);
// restricting processing (Art. 18) makes the form read-only except the field the person asked to have
// corrected, and the restriction shows on the person's page and in the people list.
import { describe, expect, it } from 'vitest';
import { PersonPrivacyPanel } from './pages/Privacy';
import { useKluisHarness } from './support/harness';
import { withNewVault } from './support/new-vault';

describe('rights on the record', () => {
  const harness = useKluisHarness();
  // Many steps through the real UI: on a busy two-core machine one test takes about a minute.
  const LONG = 240_000;

  it(
    'keeps a field history, and a restricted record is read-only except the asked-for field',
    async () => {
      const { page, people, form } = await withNewVault(await harness.open(), 'drie kleine visjes zwemmen', [
        { givenName: 'Pieter', familyName: 'de Vries', jobTitle: 'Inkoper', email: 'pieter@example.nl' },
      ]);

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
      // The data must be kept while restricted: Delete is disabled too.
      expect(await page.getByRole('button', { name: 'Delete', exact: true }).isDisabled()).toBe(true);
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
    },
    LONG,
  );

  it(
    'records the decision on a legitimate-interest objection and the profiling opt-out on the Privacy tab',
    async () => {
      const { page, people } = await withNewVault(await harness.open(), 'drie kleine visjes zwemmen', [
        { givenName: 'Sanne', familyName: 'Bakker', email: 'sanne@example.nl' },
      ]);
      await people.openPerson('Sanne Bakker');
      const privacy = new PersonPrivacyPanel(page);
      await privacy.open();

      // Art. 21(1): the person objects to processing based on legitimate interests.
      await privacy.purpose('Sales and service').getByRole('button', { name: 'Record objection' }).click();
      const objection = page.getByRole('dialog', { name: 'Record an objection to Sales and service' });
      await objection.getByRole('textbox', { name: 'Grounds or note' }).fill('I left the company');
      await objection.getByRole('button', { name: 'Record objection' }).click();
      await objection.waitFor({ state: 'hidden' });

      await page.getByRole('button', { name: 'Decide on the objection' }).click();
      const decide = page.getByRole('dialog', { name: 'Decide on the objection to Sales and service' });
      expect(await decide.getByRole('textbox', { name: "The person's grounds" }).inputValue()).toBe(
        'I left the company',
      );
      await decide.getByRole('radio', { name: /^Overridden/ }).check();
      // Overriding without the company's compelling grounds is refused, naming what is missing.
      await decide.getByRole('button', { name: 'Decide on the objection' }).click();
      await decide.getByRole('alert').filter({ hasText: 'not complete' }).waitFor();
      await decide
        .getByRole('textbox', { name: 'Our compelling legitimate grounds' })
        .fill('Open warranty claim on a delivered machine');
      await decide.getByRole('button', { name: 'Decide on the objection' }).click();
      await decide.waitFor({ state: 'hidden' });
      const section = page.getByRole('region', { name: 'Objections to processing (Art. 21(1))' });
      await section.getByText('Objection overridden').waitFor();
      expect(await section.textContent()).toContain('Open warranty claim on a delivered machine');

      // Art. 22: the profiling opt-out, with how the person told us.
      await page.getByRole('button', { name: 'Record opt-out of profiling' }).click();
      const optOut = page.getByRole('dialog', { name: 'Record opt-out of profiling' });
      await optOut.getByRole('button', { name: 'Record opt-out of profiling' }).click();
      await optOut.waitFor({ state: 'hidden' });
      await page.getByTestId('profiling-state').filter({ hasText: 'Opted out since' }).waitFor();
    },
    LONG,
  );
});
