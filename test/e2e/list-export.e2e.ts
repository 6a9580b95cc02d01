// Export on the People list goes through the purpose gate (issue 17, item 3): in Chromium, an admin exports
// the list for E-marketing; nobody there has consented, so no file is written, and the result names each
// person left out under the gate's reason.
import { describe, expect, it } from 'vitest';
import { PeoplePage } from './pages/PeoplePage';
import { PersonForm } from './pages/PersonForm';
import { VaultPage } from './pages/VaultPage';
import { useKluisHarness } from './support/harness';

describe('exporting the people list', () => {
  const harness = useKluisHarness();

  it('asks for the purpose, leaves out who may not be used for it and names them with the reason', async () => {
    const { page } = await harness.open({ locale: 'en-GB' });
    await new VaultPage(page).create('lijst export doel 42');
    const people = new PeoplePage(page);
    const form = new PersonForm(page);
    await people.open();
    for (const [givenName, familyName, email] of [
      ['Anna', 'Zeldzaam', 'anna@zeldzaam.example'],
      ['Bram', 'Zeldzaam', 'bram@zeldzaam.example'],
    ] as const) {
      await people.newPerson();
      await form.fill({ givenName, familyName, email });
      await form.save();
      await people.row(`${givenName} ${familyName}`).waitFor();
    }

    await page.getByRole('button', { name: 'Export', exact: true }).click();
    const dialog = page.getByRole('dialog', { name: 'Export this list' });
    await dialog.getByText(/Of the 2 people shown, only those who may be used for that purpose/).waitFor();
    await dialog.getByRole('combobox', { name: 'Purpose' }).click();
    await page.getByRole('option', { name: 'E-marketing' }).click();
    await dialog.getByRole('button', { name: 'Export', exact: true }).click();

    const result = page.getByRole('dialog', { name: 'Export result' });
    await result
      .getByText('Nobody in this list may be exported for this purpose: no file was written.')
      .waitFor();
    await result.getByText(/^2 left out\./).waitFor();
    for (const name of ['Anna Zeldzaam', 'Bram Zeldzaam']) {
      const group = result.getByRole('list').filter({ has: page.getByRole('link', { name }) });
      expect(await group.getAttribute('aria-label')).toMatch(/^(No consent|No lawful basis)$/);
    }
  });
});
