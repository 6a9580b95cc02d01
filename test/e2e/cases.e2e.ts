// Working a service case: open one for an organisation, reply, and resolve it.
import { describe, expect, it } from 'vitest';
import { CasesPage } from './pages/Cases';
import { OrganisationsPage } from './pages/OrganisationsPage';
import { VaultPage } from './pages/VaultPage';
import { useKluisHarness } from './support/harness';

describe('service cases', () => {
  const harness = useKluisHarness();

  it('opens a case, adds a reply and a note, and resolves it', async () => {
    const { page } = await harness.open();
    await new VaultPage(page).create('vier vrolijke vissers varen');
    await new OrganisationsPage(page).create({ name: 'Zoë Installaties' });

    const cases = new CasesPage(page);
    await cases.open();
    await cases.create({ subject: 'Factuur klopt niet', organisation: 'Zoë Installaties', priority: 'High' });

    await cases.addEntry('Reply', 'We kijken ernaar en komen morgen bij u terug.');
    await cases.addEntry('Internal note', 'Creditnota aangevraagd bij administratie.');
    expect(await cases.timeline.getByRole('listitem').count()).toBe(2);
    // A reply to a new case opens it.
    await page.getByText('Open', { exact: true }).first().waitFor();

    await page.getByRole('button', { name: 'Resolve' }).click();
    await page.getByRole('button', { name: 'Reopen' }).waitFor();

    await cases.open();
    expect(await cases.row('Factuur klopt niet').count()).toBe(0); // resolved cases leave the default view
    await page.getByRole('combobox', { name: 'Status' }).click();
    await page.getByRole('option', { name: 'Resolved', exact: true }).click();
    expect(await cases.row('Factuur klopt niet').textContent()).toContain('High');
  });
});
