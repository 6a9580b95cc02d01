// Accountability end to end: an admin registers a processor that sends newsletters from the US, then
// exports the record of processing; the printable file answers Art. 30(1) per purpose, names the
// processor and its transfer safeguard, and the export is in the audit trail.
import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { AccountabilityPage } from './pages/Accountability';
import { VaultPage } from './pages/VaultPage';
import { useKluisHarness } from './support/harness';

describe('accountability', () => {
  const harness = useKluisHarness();

  it('registers a processor and exports the record of processing that names it', async () => {
    const { page } = await harness.open({ locale: 'en-GB' });
    await new VaultPage(page).create('verwerkingsregister audit 42');

    const dialog = await new AccountabilityPage(page).addRecipient();
    await dialog.getByLabel('Name').fill('Mailservice BV');
    await dialog.getByLabel('What they do with the data').fill('Sending newsletters');
    await dialog.getByLabel('Purposes they serve').click();
    await page.getByRole('option', { name: 'E-marketing' }).click();
    await dialog.getByLabel('Countries').fill('NL, US');
    await dialog.getByRole('button', { name: 'Save' }).click();
    // Outside the EEA without a safeguard: refused, the dialog stays.
    await dialog.getByText('Check this field').waitFor();
    await dialog.getByLabel('Transfer safeguard').fill('EU–US Data Privacy Framework');
    await dialog.getByRole('button', { name: 'Save' }).click();
    await dialog.waitFor({ state: 'hidden' });
    await page
      .getByRole('cell', { name: /^Mailservice BV/ })
      .first()
      .waitFor();
    await page.getByText('No agreement').waitFor();

    await page.getByRole('tab', { name: 'Record of processing' }).click();
    await page.getByLabel('Language of the record').click();
    await page.getByRole('option', { name: 'English' }).click();
    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Export printable HTML' }).click();
    const html = await readFile((await (await download).path())!, 'utf8');
    for (const section of [
      'Controller (Art. 30(1)(a))',
      'Purpose of the processing (b)',
      'Categories of data subjects (c)',
      'Categories of recipients (d)',
      'Transfers to third countries and safeguards (e)',
      'Time limits for erasure (f)',
      'Technical and organisational security measures (g)',
    ]) {
      expect(html).toContain(section);
    }
    expect(html).toContain('Mailservice BV');
    expect(html).toContain('US: EU–US Data Privacy Framework (via Mailservice BV)');
    await page.getByText('3 purposes · 0 people · 0 organisations').waitFor();

    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Settings' }).click();
    await page.getByRole('cell', { name: 'record-of-processing' }).waitFor();
  });
});
