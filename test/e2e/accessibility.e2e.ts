// axe-core on every screen, in the light and the dark theme (issue 20, point 11): one vault with an
// organisation, a person, a deal, a case, a request and a breach, so the record pages and lists are not
// empty, then each screen and each of its tabs is opened and checked. A serious or critical violation of
// WCAG 2.1 A/AA fails the test, named by screen, rule and element; the whole list is reported at once.
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { BreachesPage } from './pages/Breaches';
import { CasesPage } from './pages/Cases';
import { DealsPage } from './pages/Deals';
import { OrganisationsPage } from './pages/OrganisationsPage';
import { PeoplePage } from './pages/PeoplePage';
import { PersonForm } from './pages/PersonForm';
import { RequestsPage } from './pages/Requests';
import { VaultPage } from './pages/VaultPage';
import { AppNav } from './pages/AppNav';
import { describeViolations, seriousViolations, settle, showScheme } from './support/axe';
import { useKluisHarness } from './support/harness';

type Scheme = 'light' | 'dark';
const SCHEMES: readonly Scheme[] = ['light', 'dark'];
const PASSPHRASE = 'axe checks every screen of this vault';

interface PageGlobals {
  readonly location: { hash: string };
  requestAnimationFrame(callback: () => void): void;
  readonly document: {
    querySelectorAll(selector: string): ArrayLike<{
      textContent: string | null;
      setAttribute(name: string, value: string): void;
      getAttribute(name: string): string | null;
    }>;
    querySelector(selector: string): unknown;
    getAnimations(): readonly { playState: string }[];
  };
}

/** The address of the record now open: its hash route. */
const currentHash = (page: Page): string => new URL(page.url()).hash;

/**
 * Opens `hash` and waits for the new screen: a first-level heading that was not there before, or whose
 * words changed (a list and a record of one kind share their component). A screen whose heading stays the
 * same (the deals board and list) is taken once its heading is visible after the next frame.
 */
const openScreen = async (page: Page, hash: string): Promise<void> => {
  await page.evaluate((next) => {
    const { document, location } = globalThis as unknown as PageGlobals;
    for (const heading of Array.from(document.querySelectorAll('h1')))
      heading.setAttribute('data-axe-seen', heading.textContent ?? '');
    location.hash = next;
  }, hash);
  await page
    .waitForFunction(
      () =>
        Array.from((globalThis as unknown as PageGlobals).document.querySelectorAll('main h1')).some(
          (heading) =>
            heading.getAttribute('data-axe-seen') === null ||
            heading.getAttribute('data-axe-seen') !== heading.textContent,
        ),
      null,
      { timeout: 5_000 },
    )
    .catch(() => undefined);
  await page.evaluate(
    () =>
      new Promise<void>((done) =>
        (globalThis as unknown as PageGlobals).requestAnimationFrame(() =>
          (globalThis as unknown as PageGlobals).requestAnimationFrame(() => done()),
        ),
      ),
  );
  await page.locator('main h1').first().waitFor({ timeout: 30_000 });
  await settle(page);
};

describe('accessibility', () => {
  const harness = useKluisHarness();

  it('no screen has a serious or critical axe violation, in light or dark', async () => {
    const { page } = await harness.open();
    const failures: string[] = [];
    const audit = async (screen: string): Promise<void> => {
      failures.push(...describeViolations(screen, await seriousViolations(page)));
    };
    const inBothSchemes = async (screen: string): Promise<void> => {
      for (const scheme of SCHEMES) {
        await showScheme(page, scheme);
        await audit(`${screen} [${scheme}]`);
      }
      await showScheme(page, 'light');
    };

    // Before the vault exists: the create screen.
    await page.getByRole('heading', { name: 'Create your vault' }).waitFor();
    await inBothSchemes('create vault');
    await new VaultPage(page).create(PASSPHRASE);

    // A few records, entered as a user does.
    const organisations = new OrganisationsPage(page);
    await organisations.create({
      name: 'Zuiderlicht BV',
      city: 'Utrecht',
      email: 'info@zuiderlicht.example',
    });
    await page
      .getByRole('grid', { name: 'Organisations' })
      .getByText('Zuiderlicht BV', { exact: true })
      .click();
    await page.getByRole('heading', { name: 'Zuiderlicht BV', level: 1 }).waitFor();
    const organisation = currentHash(page);

    const people = new PeoplePage(page);
    const form = new PersonForm(page);
    await people.open();
    await people.newPerson();
    await form.fill({
      givenName: 'Anna',
      familyName: 'de Vries',
      email: 'anna@zuiderlicht.example',
      phone: '06-72049010',
      jobTitle: 'Inkoper',
      organisation: 'Zuiderlicht BV',
    });
    await form.save();
    await people.openPerson('Anna de Vries');
    const person = currentHash(page);

    const deals = new DealsPage(page);
    await deals.open();
    await deals.create({ title: 'Warehouse scanners', organisation: 'Zuiderlicht BV', value: '18500' });
    const deal = currentHash(page);

    const cases = new CasesPage(page);
    await cases.open();
    await cases.create({ subject: 'Scanner will not pair', organisation: 'Zuiderlicht BV' });
    const serviceCase = currentHash(page);

    const requests = new RequestsPage(page);
    await requests.open();
    await requests.create({ person: 'Anna de Vries', right: 'Access' });
    const request = currentHash(page);

    const breaches = new BreachesPage(page);
    await breaches.open();
    await breaches.reportIncident('Campaign list mailed to a wrong address', ['Anna de Vries']);
    await breaches.save();
    await breaches.open();
    await breaches.row('Campaign list mailed to a wrong address').getByRole('link').first().click();
    await page.getByRole('heading', { name: 'Campaign list mailed to a wrong address', level: 1 }).waitFor();
    const breach = currentHash(page);

    const screens: readonly (readonly [string, string])[] = [
      ['people', '#/people'],
      ['person', person],
      ['organisations', '#/organisations'],
      ['organisation', organisation],
      ['my day', '#/today'],
      ['deals board', '#/deals'],
      ['deals list', '#/deals/list'],
      ['deal', deal],
      ['cases', '#/cases'],
      ['case', serviceCase],
      ['import', '#/import'],
      ['privacy', '#/privacy'],
      ['business card', '#/capture'],
      ['accountability', '#/register'],
      ['settings', '#/settings'],
      ['dashboard', '#/dashboard'],
      ['manager', '#/manager'],
      ['reports', '#/reports'],
      ['requests', '#/requests'],
      ['request', request],
      ['breaches', '#/breaches'],
      ['breach', breach],
    ];
    let checked = 0;
    for (const scheme of SCHEMES) {
      await page.emulateMedia({ colorScheme: scheme });
      for (const [screen, hash] of screens) {
        await openScreen(page, hash);
        await audit(`${screen} [${scheme}]`);
        checked += 1;
        // Each further tab of the screen's first tab list (a record's panels, Privacy, Accountability).
        const tabs = page.getByRole('main').getByRole('tablist').first().getByRole('tab');
        const count = await tabs.count();
        for (let index = 1; index < count; index += 1) {
          const tab = tabs.nth(index);
          const name = (await tab.textContent()) ?? `tab ${index + 1}`;
          await tab.click();
          await expect.poll(() => tab.getAttribute('aria-selected'), { timeout: 10_000 }).toBe('true');
          await settle(page);
          await audit(`${screen} › ${name} [${scheme}]`);
          checked += 1;
        }
      }
    }

    // The lock screen.
    await new AppNav(page).lock();
    await new VaultPage(page).unlockHeading.waitFor();
    await inBothSchemes('unlock');

    expect(checked).toBeGreaterThanOrEqual(2 * screens.length);
    expect(failures).toEqual([]);
  }, 300_000);
});
