// Screenshots of a working day for the README: the contacts arrive through the import wizard (a Dutch
// Excel file), deals spread over the pipeline, a call and a task on one person. They go to
// test-results/ on every run and replace docs/screenshots/ only with UPDATE_SCREENSHOTS=1. Before each
// picture the test checks that the screen shows what the picture is for, so a broken screen fails the
// run instead of ending up in the README.
import type { Locator } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { SAMPLE_PEOPLE } from './fixtures/sample-contacts';
import { DealsPage } from './pages/Deals';
import { ImportPage } from './pages/ImportPage';
import { PeoplePage } from './pages/PeoplePage';
import { PersonPrivacyPanel, PrivacyPage } from './pages/Privacy';
import { Tasks } from './pages/Tasks';
import { Timeline } from './pages/Timeline';
import { VaultPage } from './pages/VaultPage';
import { useKluisHarness } from './support/harness';
import { screenshot } from './support/screenshot';

const csv = [
  'Voornaam;Achternaam;E-mail;Telefoon;Bedrijf;Functie',
  ...SAMPLE_PEOPLE.map((p) =>
    [p.givenName, p.familyName, p.email, p.phone ?? '', p.organisation ?? '', p.jobTitle ?? ''].join(';'),
  ),
].join('\r\n');

/** Visible now (waits for it), or the test fails. */
const shows = async (locator: Locator): Promise<void> => {
  await locator.waitFor({ state: 'visible' });
  expect(await locator.isVisible()).toBe(true);
};

const fullName = (p: (typeof SAMPLE_PEOPLE)[number]) => `${p.givenName} ${p.familyName}`;

describe('screenshots of a working day', () => {
  const harness = useKluisHarness();

  it('captures the import wizard, the deals board, a timeline, My day and a campaign list', async () => {
    const { page } = await harness.open({ locale: 'en-GB', viewport: { width: 1440, height: 900 } });
    await new VaultPage(page).create('screenshot vault passphrase');
    const shot = (name: string) => screenshot(page, name);

    const wizard = new ImportPage(page);
    await wizard.open();
    await wizard.chooseFile('klanten.csv', csv);
    expect(await wizard.detected.textContent()).toMatch(
      new RegExp(`· ${SAMPLE_PEOPLE.length} rows · 6 columns`),
    );
    await wizard.next();
    await wizard.preview.waitFor();
    // The mapping step: the file's first rows previewed under their columns.
    await shows(page.getByRole('heading', { name: 'Import', level: 1 }));
    const preview = (await wizard.preview.textContent()) ?? '';
    for (const p of SAMPLE_PEOPLE.slice(0, 3)) {
      expect(preview).toContain(p.givenName);
      expect(preview).toContain(p.familyName);
    }
    await shot('import-mapping');
    await wizard.next();
    await page.getByRole('combobox', { name: 'Purpose' }).click();
    await page.getByRole('option', { name: /^Sales and service/ }).click();
    await wizard.next();
    await wizard.analysis.waitFor();
    await wizard.run();
    await wizard.report.waitFor();
    expect(await wizard.report.textContent()).toMatch(
      new RegExp(`^Import done: ${SAMPLE_PEOPLE.length} people created`),
    );
    await wizard.showPeople();

    const deals = new DealsPage(page);
    await deals.open();
    const organisations = [...new Set(SAMPLE_PEOPLE.map((p) => p.organisation).filter(Boolean))] as string[];
    const plan: [string, string, string, string | null][] = [
      ['Warehouse scanners', organisations[0]!, '18500', null],
      ['Care app licences', organisations[1]!, '42000', 'Qualified'],
      ['Contract review retainer', organisations[2]!, '9600', 'Proposal'],
      ['Solar park monitoring', organisations[3]!, '125000', 'Negotiation'],
      ['Fleet telematics', organisations[0]!, '27300', 'Qualified'],
    ];
    for (const [title, organisation, value, stage] of plan) {
      await deals.create({ title, organisation, value });
      await deals.open();
      if (stage) await deals.moveWithMenu(title, stage);
    }
    // The board: every deal on its card, in the stage it was moved to (the counts follow the live query,
    // which answers a moment after the last move: wait for them as a user would).
    for (const [title] of plan) await shows(deals.card(title));
    await expect.poll(() => deals.count('Lead').textContent(), { timeout: 30_000 }).toBe('1 deal');
    await expect.poll(() => deals.count('Qualified').textContent(), { timeout: 30_000 }).toBe('2 deals');
    await expect.poll(() => deals.count('Proposal').textContent(), { timeout: 30_000 }).toBe('1 deal');
    await expect.poll(() => deals.count('Negotiation').textContent(), { timeout: 30_000 }).toBe('1 deal');
    await expect
      .poll(() => deals.total('Negotiation').textContent(), { timeout: 30_000 })
      .toBe('Total value: €125,000.00');
    await shot('deals-board');

    const people = new PeoplePage(page);
    await people.open();
    const person = SAMPLE_PEOPLE[0]!;
    await people.searchFor(`${person.givenName} ${person.familyName}`);
    await people.row(`${person.givenName} ${person.familyName}`).click();
    const timeline = new Timeline(page);
    await timeline.open();
    await timeline.logCall({
      subject: 'Intro call about scanners',
      minutes: 20,
      notes: 'Wants a demo next week.',
    });
    await timeline.logCall({ subject: 'Follow-up on pricing', minutes: 10 });
    await page
      .getByRole('alert')
      .waitFor({ state: 'detached', timeout: 10_000 })
      .catch(() => undefined);
    // The person's page with both calls on the timeline, the later one first.
    await shows(page.getByRole('heading', { name: fullName(person), level: 1 }));
    await shows(timeline.entry('Call', 'Intro call about scanners'));
    await shows(timeline.entry('Call', 'Follow-up on pricing'));
    const calls = await timeline.feed.getByRole('article').allTextContents();
    expect(calls.findIndex((c) => c.includes('Follow-up on pricing'))).toBeLessThan(
      calls.findIndex((c) => c.includes('Intro call about scanners')),
    );
    await shot('person-timeline');

    const tasks = new Tasks(page);
    await tasks.openTab();
    await tasks.add('Send the scanner demo invitation');
    await tasks.add('Prepare the quote');
    await tasks.openMyDay();
    // My day: both tasks due today, under Today.
    await shows(page.getByRole('heading', { name: 'My day', level: 1 }));
    const today = tasks.section('Today');
    await shows(today);
    await shows(today.getByText('Send the scanner demo invitation'));
    await shows(today.getByText('Prepare the quote'));
    await shot('my-day');

    // Two people with consent and a confirmed newsletter subscription, one who withdrew: the campaign list.
    const privacy = new PersonPrivacyPanel(page);
    for (const [index, withdraw] of [
      [1, false],
      [2, false],
      [3, true],
    ] as const) {
      const who = SAMPLE_PEOPLE[index]!;
      await people.open();
      await people.searchFor(`${who.givenName} ${who.familyName}`);
      await people.openPerson(`${who.givenName} ${who.familyName}`);
      await privacy.open();
      await privacy.recordConsent('E-marketing');
      if (withdraw) await privacy.withdrawConsent('E-marketing');
      else await privacy.subscribe('Newsletter', { confirm: true });
    }
    const privacyPage = new PrivacyPage(page);
    await privacyPage.runCampaign('E-marketing', 'Email');
    await privacyPage.eligibleCount.waitFor();
    // The campaign list: the two who consented and subscribed may be contacted; the one who withdrew is
    // listed as excluded, with the reason.
    await expect
      .poll(() => privacyPage.eligibleCount.textContent(), { timeout: 30_000 })
      .toBe('2 people may be contacted');
    await shows(privacyPage.excludedFor('Consent withdrawn').getByText(fullName(SAMPLE_PEOPLE[3]!)));
    await page
      .getByRole('alert')
      .waitFor({ state: 'detached', timeout: 10_000 })
      .catch(() => undefined);
    await shot('campaign-list');
    // A whole working day in one run: longer than one journey's default on a loaded machine.
  }, 480_000);
});
