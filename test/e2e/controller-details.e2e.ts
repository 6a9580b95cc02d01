// The controller placeholder (issue 20, point 3): a new vault's controller is "Our organisation" until
// someone names it. The privacy dashboard counts the missing details as gaps and leads to where they are
// filled in, and the record of processing flags the placeholder instead of printing it; once the details
// are saved, the gaps are gone. (The access report refuses the placeholder: request-to-certificate.e2e.ts.)
// The getting-started guide on the dashboard walks a new admin through these details and the first steps.
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { ControllerDetailsPage } from './pages/ControllerDetails';
import { VaultPage } from './pages/VaultPage';
import { useKluisHarness } from './support/harness';
import { screenshot } from './support/screenshot';

const nav = (page: Page, section: string) =>
  page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: section }).click();

/** Generates the record of processing on Accountability and returns its "points to resolve". */
const ropaGaps = async (page: Page): Promise<string> => {
  await nav(page, 'Accountability');
  await page.getByRole('tab', { name: 'Record of processing' }).click();
  await page.getByRole('button', { name: 'Generate' }).click();
  await page.getByText(/purposes · \d+ people/).waitFor();
  const gaps = page.getByRole('alert').filter({ hasText: 'Points to resolve before an audit' });
  return (await gaps.count()) ? ((await gaps.textContent()) ?? '') : '';
};

describe('controller details', () => {
  const harness = useKluisHarness();

  it('counts the placeholder and missing contacts as gaps on the dashboard until they are filled in', async () => {
    const { page } = await harness.open();
    await new VaultPage(page).create('tien trage tortels tellen');
    await page.getByRole('searchbox', { name: 'Search people' }).waitFor();

    await nav(page, 'Dashboard');
    const tile = page.getByRole('region', { name: 'Controller details' });
    await tile.getByRole('group', { name: '3 controller details missing' }).waitFor();
    expect(await tile.textContent()).toContain('it is still “Our organisation”');
    await screenshot(page, 'dashboard-controller-gap');

    const gaps = await ropaGaps(page);
    expect(gaps).toContain('The controller’s name is missing');
    expect(gaps).toContain('Neither a data protection officer nor a contact point');

    await nav(page, 'Dashboard');
    await tile.getByRole('link', { name: 'Fill in the controller details' }).click();
    await new ControllerDetailsPage(page).fill({
      name: 'Tortel Installatietechniek BV',
      email: 'info@tortel.nl',
      contact: 'privacy@tortel.nl',
    });

    await nav(page, 'Dashboard');
    await tile.getByRole('group', { name: '0 controller details missing' }).waitFor();
    expect(await tile.textContent()).toContain('Name, contact and data-protection contact are filled in.');
    expect(await ropaGaps(page)).not.toContain('controller');
  });

  it('guides a new admin through the first steps, can be skipped, and Settings shows it again', async () => {
    const passphrase = 'elf eenzame eenden eten';
    const { page } = await harness.open();
    const vault = new VaultPage(page);
    // A newly created vault opens on the dashboard, with the guide on top.
    await vault.create(passphrase, { stay: true });
    await page.getByRole('heading', { name: 'Privacy dashboard', level: 1 }).waitFor();

    const guide = page.getByRole('region', { name: 'Getting started' });
    const step = (id: string) => guide.locator(`[data-step="${id}"]`);
    await guide.getByRole('list', { name: 'Steps to get started' }).waitFor();
    expect(await guide.getByRole('listitem').allTextContents()).toEqual([
      expect.stringContaining('Name the controller'),
      expect.stringContaining('Give the data-protection contact'),
      expect.stringContaining('Connect or start a server'),
      expect.stringContaining('Invite colleagues'),
      expect.stringContaining('Import the first file'),
    ]);
    expect(await step('controller').getAttribute('data-done')).toBe('false');
    expect(await step('import').getAttribute('data-done')).toBe('false');

    await step('controller').getByRole('link', { name: 'Controller details' }).click();
    await new ControllerDetailsPage(page).fill({ name: 'Eend & Zn', email: 'info@eend.nl' });
    await nav(page, 'Dashboard');
    await step('controller').and(page.locator('[data-done="true"]')).waitFor();
    expect(await step('dpo').getAttribute('data-done')).toBe('false');

    await guide.getByRole('button', { name: 'Skip the guide' }).click();
    await guide.waitFor({ state: 'detached' });
    // Skipped stays skipped on this device, also after locking and unlocking.
    await page.reload();
    await vault.unlock(passphrase);
    await page.getByRole('heading', { name: 'Privacy dashboard', level: 1 }).waitFor();
    expect(await guide.count()).toBe(0);

    await nav(page, 'Settings');
    await page.getByRole('button', { name: 'Show the getting-started guide' }).click();
    await guide.getByRole('list', { name: 'Steps to get started' }).waitFor();
  });
});
