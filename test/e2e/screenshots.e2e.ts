// Screenshots of the people list for the docs, in the light and the dark theme, from contacts entered
// through the UI (there is no import yet, and the page offers no back door). They go to test-results/
// on every run and replace docs/screenshots/ only with UPDATE_SCREENSHOTS=1, so a test run leaves the
// committed pictures alone.
import { describe, expect, it } from 'vitest';
import { SAMPLE_ORGANISATIONS, SAMPLE_PEOPLE } from './fixtures/sample-contacts';
import { OrganisationsPage } from './pages/OrganisationsPage';
import { PeoplePage } from './pages/PeoplePage';
import { PersonForm } from './pages/PersonForm';
import { VaultPage } from './pages/VaultPage';
import { useKluisHarness } from './support/harness';
import { screenshot } from './support/screenshot';

describe('screenshots', () => {
  const harness = useKluisHarness();

  it('captures the people list with 25 contacts in light and dark', async () => {
    const { page } = await harness.open({ viewport: { width: 1440, height: 900 } });
    await new VaultPage(page).create('screenshot vault passphrase');
    const organisations = new OrganisationsPage(page);
    for (const organisation of SAMPLE_ORGANISATIONS) await organisations.create(organisation);
    const people = new PeoplePage(page);
    const form = new PersonForm(page);
    await people.open();
    for (const person of SAMPLE_PEOPLE) {
      await people.newPerson();
      await form.fill(person);
      await form.save();
    }
    await page
      .getByRole('status')
      .filter({ hasText: `${SAMPLE_PEOPLE.length} people` })
      .waitFor();
    expect(await people.rows.count()).toBeGreaterThanOrEqual(12);

    // Let the "saved" notice disappear and the mouse rest outside the list.
    await page.mouse.move(1, 1);
    await page.getByRole('alert').waitFor({ state: 'detached', timeout: 10_000 });
    await screenshot(page, 'people-list');
    await page.getByRole('button', { name: 'Switch to dark theme' }).click();
    // The toggle keeps focus after the click; move it away so no focus ring is in the picture.
    await page.getByRole('button', { name: 'Switch to light theme' }).blur();
    await screenshot(page, 'people-list-dark');
  });
});
