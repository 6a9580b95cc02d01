// Erasing a person from their Privacy tab (Art. 17): the admin sees what will be erased, confirms by
// typing the word, and gets the erasure certificate; the person is gone from the list.
import { describe, expect, it } from 'vitest';
import { useKluisHarness } from './support/harness';
import { withNewVault } from './support/new-vault';
import { screenshot } from './support/screenshot';

describe('erasure', () => {
  const harness = useKluisHarness();

  it('erases a person from the Privacy tab and shows the certificate', async () => {
    const { page, people } = await withNewVault(await harness.open(), 'vijf grijze ganzen gaan', [
      { givenName: 'Wilhelmina', familyName: 'Oosterhout', email: 'w.oosterhout@example.nl' },
    ]);
    await people.openPerson('Wilhelmina Oosterhout');

    await page.getByRole('tab', { name: 'Privacy' }).click();
    await page.getByRole('button', { name: 'Erase this person…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Erase a person (Art. 17)' });
    const preview = dialog.getByRole('table', { name: 'What will be erased' });
    await preview.getByRole('row', { name: /Person\s*1/ }).waitFor();
    await screenshot(page, 'erasure-dialog');

    const erase = dialog.getByRole('button', { name: 'Erase', exact: true });
    expect(await erase.isDisabled()).toBe(true);
    await dialog.getByLabel('Type ERASE').fill('ERASE');
    await erase.click();

    const certificate = dialog.getByTestId('erasure-certificate');
    await certificate.getByRole('heading', { name: 'Erasure certificate' }).waitFor();
    const text = (await certificate.textContent()) ?? '';
    expect(text).toContain('This vault is not linked to a sync server');
    expect(text).not.toContain('Oosterhout');
    expect(await certificate.getByRole('table', { name: 'Devices' }).getByRole('row').count()).toBe(2);
    expect(await certificate.getByRole('table', { name: 'Erased' }).textContent()).toMatch(/Person\s*1/);
    await screenshot(page, 'erasure-certificate');

    await dialog.getByRole('button', { name: 'Close' }).click();
    await page.getByText('No people yet').waitFor();
    expect(await people.rows.count()).toBe(0);
  });
});
