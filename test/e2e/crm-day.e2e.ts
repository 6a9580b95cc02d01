// A day in the CRM: create a person, log a call on their timeline (and drop an email on it), add a task due today, find it in My
// day and tick it off, then jump back to the person through the command palette (Ctrl+K).
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { PeoplePage } from './pages/PeoplePage';
import { PersonForm } from './pages/PersonForm';
import { Tasks } from './pages/Tasks';
import { Timeline } from './pages/Timeline';
import { VaultPage } from './pages/VaultPage';
import { useKluisHarness } from './support/harness';

const PASSPHRASE = 'kaasschaaf molen tulp 77';
const NAME = 'Zoë Jansen-Testpersoon';

describe('a day in the CRM', () => {
  const harness = useKluisHarness();

  it('logs a call, adds a task, ticks it off in My day and jumps back with the palette', async () => {
    const { page } = await harness.open();
    const people = new PeoplePage(page);
    const timeline = new Timeline(page);
    const tasks = new Tasks(page);

    await new VaultPage(page).create(PASSPHRASE);
    await people.open();
    await people.newPerson();
    await new PersonForm(page).fill({ givenName: 'Zoë', familyName: 'Jansen-Testpersoon' });
    await new PersonForm(page).save();
    await people.openPerson(NAME);

    await timeline.logCall({ subject: 'Offerte besproken', minutes: 15, notes: 'Wil een jaarcontract.' });
    const call = timeline.entry('Call', 'Offerte besproken');
    expect(await call.textContent()).toContain('15 minutes');
    expect(await call.textContent()).toContain('Wil een jaarcontract.');
    expect(
      await page
        .getByRole('status')
        .filter({ hasText: /^1 entry$/ })
        .count(),
    ).toBe(1);

    // An email dragged in from a mail program is logged, dated by its Date header.
    const eml = readFileSync(new URL('../fixtures/eml/plain.eml', import.meta.url), 'utf8');
    await timeline.dropFile('offerte.eml', eml);
    const email = timeline.entry('Email', 'Offerte jaarcontract');
    await email.waitFor();
    expect(await email.textContent()).toContain('from Annelies Verbeek');
    await page
      .getByRole('status')
      .filter({ hasText: /^2 entries$/ })
      .waitFor();

    await tasks.openTab();
    await tasks.add('Offerte sturen');

    await tasks.openMyDay();
    const today = tasks.section('Today');
    await today.getByRole('listitem', { name: 'Offerte sturen' }).waitFor();
    expect(await today.getByRole('link', { name: NAME }).count()).toBe(1);
    await tasks.tickOff('Offerte sturen');
    const done = tasks.section('Done today');
    await done.getByRole('listitem', { name: 'Offerte sturen' }).waitFor();
    expect(await today.count()).toBe(0);
    expect(await done.getByRole('checkbox').isChecked()).toBe(true);

    // Shortcuts: "?" lists them; "g p" goes to People.
    await page.keyboard.press('?');
    const help = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
    await help.getByText('Go to My day').waitFor();
    await help.getByRole('button', { name: 'Close' }).click();
    await help.waitFor({ state: 'detached' });
    await page.keyboard.press('g');
    await page.keyboard.press('p');
    await people.search.waitFor();

    await page.keyboard.press('Control+k');
    const palette = page.getByRole('combobox', { name: /^Search people, organisations/ });
    await palette.fill('jansen');
    await page.getByRole('option', { name: NAME }).waitFor();
    await palette.press('Enter');
    await page.getByRole('heading', { name: NAME, level: 1 }).waitFor();
    await timeline.entry('Call', 'Offerte besproken').waitFor();
  }, 240_000);
});
