// The request register end to end: an access request for a person is recorded, their identity verified,
// the access package produced (a real download, unzipped and checked) and the request completed; an old
// request shows overdue in words, not colour alone.
import { readFile } from 'node:fs/promises';
import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { ControllerDetailsPage } from './pages/ControllerDetails';
import { RequestsPage } from './pages/Requests';
import { useKluisHarness } from './support/harness';
import { withNewVault } from './support/new-vault';
import { screenshot } from './support/screenshot';

describe('request register', () => {
  const harness = useKluisHarness();

  it('takes an access request from receipt to a documented answer', async () => {
    const { page } = await withNewVault(await harness.open(), 'zes zwarte zwanen zwemmen', [
      { givenName: 'Geertruida', familyName: 'Lammers', email: 'g.lammers@example.nl' },
    ]);

    // The report names the controller: the organisation is named before any package is made.
    await new ControllerDetailsPage(page).openAndFill({
      name: 'Lammers & Co BV',
      email: 'privacy@lammers.nl',
    });
    const requests = new RequestsPage(page);
    await requests.open();
    await requests.create({ person: 'Geertruida Lammers', right: 'Access' });
    await requests.verifyIdentity('Known contact details');

    const download = await requests.produceAccessPackage();
    expect(download.suggestedFilename()).toMatch(/^access-package-\d{4}-\d{2}-\d{2}-[a-z0-9]+\.zip$/);
    const files = unzipSync(new Uint8Array(await readFile((await download.path())!)));
    expect(Object.keys(files).sort()).toEqual(['data.json', 'report.en.html', 'report.nl.html']);
    const data = JSON.parse(strFromU8(files['data.json']!)) as {
      profile: { familyName: string };
      requests: unknown[];
    };
    expect(data.profile.familyName).toBe('Lammers');
    expect(data.requests).toHaveLength(1);
    expect(strFromU8(files['report.nl.html']!)).toContain('Autoriteit Persoonsgegevens');
    expect(strFromU8(files['report.nl.html']!)).toContain(
      'Verwerkingsverantwoordelijke: Lammers &amp; Co BV',
    );

    await requests.decide('Granted');
    await requests.open();
    // Completed requests leave the open list and show under Closed.
    expect(await requests.row('Geertruida Lammers').count()).toBe(0);
    await page.getByRole('combobox', { name: 'Show' }).click();
    await page.getByRole('option', { name: 'Closed', exact: true }).click();
    const row = requests.row('Geertruida Lammers');
    expect(await row.textContent()).toContain('Completed');
  });

  it('shows an overdue request at the top, in words and with an icon', async () => {
    const { page } = await withNewVault(await harness.open(), 'zeven zieke zeemeeuwen zweven', [
      { givenName: 'Hendrik', familyName: 'Brouwer', email: 'h.brouwer@example.nl' },
      { givenName: 'Ida', familyName: 'Smits', email: 'i.smits@example.nl' },
    ]);

    const requests = new RequestsPage(page);
    await requests.open();
    await requests.create({ person: 'Ida Smits', right: 'Erasure' });
    await requests.open();
    await requests.create({ person: 'Hendrik Brouwer', right: 'Rectification', receivedOn: '2020-01-31' });
    // Too late to extend: the first due date passed long ago.
    expect(await page.getByRole('button', { name: 'Extend' }).isDisabled()).toBe(true);
    await requests.open();
    const rows = requests.list.getByRole('row');
    expect(await rows.nth(1).textContent()).toContain('Hendrik Brouwer');
    const overdue = rows.nth(1).locator('[data-state="overdue"]');
    expect(await overdue.textContent()).toMatch(/\d+ days overdue/);
    expect(await overdue.locator('svg').count()).toBe(1);
    await screenshot(page, 'request-register');
  });
});
