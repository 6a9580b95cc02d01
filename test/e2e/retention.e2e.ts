// Retention end to end: a prospect with one call and then 25 months of silence appears in the review
// queue under "Prospect with no activity for 24 months"; the admin anonymises them — the person is gone,
// and the anonymous figures still count their call. Playwright's clock moves the 25 months.
import { describe, expect, it } from 'vitest';
import { AccountabilityPage } from './pages/Accountability';
import { PeoplePage } from './pages/PeoplePage';
import { PersonForm } from './pages/PersonForm';
import { Timeline } from './pages/Timeline';
import { VaultPage } from './pages/VaultPage';
import { useKluisHarness } from './support/harness';
import { screenshot } from './support/screenshot';

const NAME = 'Pieter Stilzwijger-Testpersoon';
const START = new Date('2025-01-15T10:00:00Z');
const LATER = new Date('2027-02-20T10:00:00Z');

describe('retention', () => {
  const harness = useKluisHarness();

  it('finds a prospect silent for 25 months and anonymises them, keeping the figures', async () => {
    const { page } = await harness.open({ beforeGoto: (p) => p.clock.install({ time: START }) });
    await new VaultPage(page).create('bewaartermijn verstreken 25');
    const people = new PeoplePage(page);
    await people.open();
    await people.newPerson();
    await new PersonForm(page).fill({ givenName: 'Pieter', familyName: 'Stilzwijger-Testpersoon' });
    await new PersonForm(page).save();
    await people.openPerson(NAME);
    await new Timeline(page).logCall({ subject: 'Kennismaking' });

    await page.clock.setSystemTime(LATER);
    await new AccountabilityPage(page).open('Retention reviews');
    await page.getByRole('button', { name: 'Check the rules now' }).click();
    const queue = page.getByRole('table', { name: 'Retention review queue' });
    const row = queue.getByRole('row').filter({ hasText: NAME });
    await row.waitFor();
    expect(await row.textContent()).toContain('Prospect with no activity for 24 months');
    expect(await row.textContent()).toContain('Last activity');
    await screenshot(page, 'retention-review');

    await row.getByRole('button', { name: `Anonymise ${NAME}` }).click();
    const dialog = page.getByRole('dialog', { name: 'Anonymise 1 subject?' });
    await dialog.getByRole('button', { name: 'Anonymise' }).click();
    await dialog.waitFor({ state: 'hidden' });
    await page.getByText('1 subject anonymised').waitFor();
    await queue.waitFor({ state: 'detached' });
    await page.getByText('Nothing waits for a decision').waitFor();

    const figures = page.getByRole('region', { name: 'Anonymous figures' });
    await figures.getByText(/including 1 anonymised subject/).waitFor();
    const january = figures.getByRole('row').filter({ hasText: '2025-01' });
    expect(await january.textContent()).toContain('Calls: 1');

    await page.getByRole('switch', { name: 'Show decided reviews' }).check();
    await page.getByRole('table', { name: 'Retention review queue' }).getByText('Anonymised').waitFor();
    expect(await page.getByText(NAME).count()).toBe(0);

    // An admin adds a rule through the dialog: a missing legal reason is named, then it is listed.
    const rules = page.getByRole('region', { name: 'Retention rules' });
    await rules.getByRole('button', { name: 'Add rule' }).click();
    const ruleDialog = page.getByRole('dialog', { name: 'Add retention rule' });
    await ruleDialog.getByLabel('Name (English)').fill('Event contacts after 12 months');
    await ruleDialog.getByLabel('Retention period (months)').fill('12');
    await ruleDialog.getByRole('button', { name: 'Save' }).click();
    await ruleDialog.getByText('Give the legal reason, in English or Dutch.').waitFor();
    await ruleDialog
      .getByLabel('Legal reason (English)')
      .fill('Event follow-up: 12 months after the last activity.');
    await ruleDialog.getByRole('button', { name: 'Save' }).click();
    await ruleDialog.waitFor({ state: 'hidden' });
    const added = rules.getByRole('row').filter({ hasText: 'Event contacts after 12 months' });
    await added.waitFor();
    expect(await added.textContent()).toContain('12 months after the last activity');

    await people.open();
    await expect.poll(() => people.row(NAME).count()).toBe(0);
  });
});
