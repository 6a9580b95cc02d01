// Screenshots of a working day for the README: the contacts arrive through the import wizard (a Dutch
// Excel file), deals spread over the pipeline, a call and a task on one person. They go to
// test-results/ on every run and replace docs/screenshots/ only with UPDATE_SCREENSHOTS=1.
import { describe, it } from 'vitest';
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

describe('screenshots of a working day', () => {
  const harness = useKluisHarness();

  it('captures the import wizard, the deals board, a timeline, My day and a campaign list', async () => {
    const { page } = await harness.open({ locale: 'en-GB', viewport: { width: 1440, height: 900 } });
    await new VaultPage(page).create('screenshot vault passphrase');
    const shot = (name: string) => screenshot(page, name);

    const wizard = new ImportPage(page);
    await wizard.open();
    await wizard.chooseFile('klanten.csv', csv);
    await wizard.next();
    await wizard.preview.waitFor();
    await shot('import-mapping');
    await wizard.next();
    await page.getByRole('combobox', { name: 'Purpose' }).click();
    await page.getByRole('option', { name: /^Sales and service/ }).click();
    await wizard.next();
    await wizard.analysis.waitFor();
    await wizard.run();
    await wizard.report.waitFor();
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
    await shot('person-timeline');

    const tasks = new Tasks(page);
    await tasks.openTab();
    await tasks.add('Send the scanner demo invitation');
    await tasks.add('Prepare the quote');
    await tasks.openMyDay();
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
    await page
      .getByRole('alert')
      .waitFor({ state: 'detached', timeout: 10_000 })
      .catch(() => undefined);
    await shot('campaign-list');
  });
});
