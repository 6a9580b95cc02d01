// The lost-laptop drill end to end in Chromium against the real sync server: the admin chooses the second
// device — by the names the user gave it and themselves — revokes it, sees what it held (the people it
// synced, not the one added later), answers how it kept its key (nothing is chosen for them), completes
// the decision and exports the authority's report, which has every section of the form with the figures.
import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { BreachesPage } from './pages/Breaches';
import { PeoplePage } from './pages/PeoplePage';
import { PersonForm } from './pages/PersonForm';
import { SettingsPage } from './pages/SettingsPage';
import { screenshot } from './support/screenshot';
import { allowProblems } from './support/harness';
import { useSyncedDevices } from './support/synced-devices';
import { withNewVault } from './support/new-vault';

const PASSPHRASE = 'zeven grijze reigers staan stil';

describe('lost-device drill', () => {
  const devices = useSyncedDevices();

  // Two browsers and a drill on a shared 2-core machine: longer than the default timeout.
  it('goes from choosing the lost device to the exported notification report', async () => {
    const a = await devices.connectAdmin(PASSPHRASE);
    // The user id is handed on by copying it.
    await a.context.grantPermissions(['clipboard-read', 'clipboard-write']);
    await a.page.getByRole('button', { name: 'Copy user id' }).click();
    await a.page.getByText('User id copied').waitFor();
    const clipboard = await a.page.locator('body').evaluate((body) => {
      const view = body.ownerDocument.defaultView as unknown as {
        navigator: { clipboard: { readText(): Promise<string> } };
      };
      return view.navigator.clipboard.readText();
    });
    expect(clipboard).toBe(a.userId);
    await a.sync.saveNames({ displayName: 'Anna de Vries', deviceName: 'Office PC' });
    const people = new PeoplePage(a.page);
    const form = new PersonForm(a.page);
    await people.open();
    for (const [givenName, familyName, email] of [
      ['Carla', 'Mol', 'carla@mol.example'],
      ['Dirk', 'Bos', 'dirk@bos.example'],
    ] as const) {
      await people.newPerson();
      await form.fill({ givenName, familyName, email });
      await form.save();
    }

    // As the admin would check before handing out the laptop: A has sent both people.
    await a.sync.status
      .filter({ hasText: /last synced at/ })
      .filter({ hasNotText: /waiting to be sent/ })
      .waitFor({ timeout: 60_000 });
    const b = await devices.signIn(a.userId, PASSPHRASE, {
      displayName: 'Anna de Vries',
      deviceName: "Anna's ThinkPad",
    });
    // The sign-in screen offered a device name made of the user's name, the browser and the platform.
    expect(b.sync.deviceDefault).toMatch(/^Anna's Chrom(e|ium) \(Linux\)$/);
    const peopleB = new PeoplePage(b.page);
    await peopleB.open();
    await peopleB.row('Dirk Bos').waitFor({ timeout: 60_000 });
    // B goes offline (the laptop is in a thief's bag) before a phone number is recorded on A.
    await b.context.setOffline(true);
    await people.newPerson();
    await form.fill({ givenName: 'Eva', familyName: 'Later', phone: '+31 6 1111 2222' });
    await form.save();

    // The admin's device list names both devices, and says when each last synced — none "Never".
    await new SettingsPage(a.page).open();
    await a.sync.deviceTable
      .getByRole('row')
      .filter({ hasText: "Anna's ThinkPad" })
      .filter({ hasText: 'Anna de Vries' })
      .waitFor({ timeout: 30_000 });
    const own = a.sync.deviceTable.getByRole('row').filter({ hasText: 'Office PC' });
    await own.filter({ hasText: 'This device' }).waitFor();
    expect(await a.sync.deviceTable.textContent()).not.toContain('Never');

    const breaches = new BreachesPage(a.page);
    await breaches.open();
    await breaches.drillRevokeOnlyOtherDevice(/^Anna's ThinkPad · Anna de Vries · last sync /);
    expect(await breaches.findings.getByTestId('findings-people').textContent()).toBe('2');
    expect(await breaches.findings.textContent()).toContain('Email addresses');
    expect(await breaches.findings.textContent()).not.toContain('Phone numbers');
    await screenshot(a.page, 'breach-drill-findings');
    // How the lost device kept its key is the admin's answer: none is chosen, and the record waits for it.
    for (const radio of await breaches.keyQuestion.getByRole('radio').all())
      expect(await radio.isChecked()).toBe(false);
    expect(await a.page.getByRole('button', { name: 'Create the breach record' }).isDisabled()).toBe(true);
    await breaches.createBreachFromDrill();
    await a.page
      .getByRole('heading', { name: "Lost device: Anna's ThinkPad (Anna de Vries)" })
      .waitFor({ timeout: 10_000 });

    // The breach is pre-filled from what the device held; the admin completes risk and decisions.
    expect(await a.page.getByRole('checkbox', { name: 'Stolen' }).isChecked()).toBe(true);
    expect(await a.page.getByRole('checkbox', { name: 'Email addresses' }).isChecked()).toBe(true);
    expect(await a.page.getByRole('checkbox', { name: 'Phone numbers' }).isChecked()).toBe(false);
    await breaches.chooseRisk('Risk');
    await breaches
      .field('Reasons for this assessment')
      .fill('Contact details of two customers; store encrypted.');
    await breaches.decide('Notify the supervisory authority?', 'Yes');
    await breaches.decide('Inform the people affected (Art. 34)?', 'No');
    await breaches.field('Measures taken').fill('Device revoked at once; it wipes on its next connection.');
    await breaches.save();

    const download = await breaches.export(/^Report \(HTML/);
    const html = await readFile((await download.path())!, 'utf8');
    for (const section of [
      '1. Contact details',
      '2. Timeline',
      '3. Nature of the breach',
      '4. Kinds of personal data and number of records',
      '5. People affected',
      '6. Measures in place beforehand',
      '7. Consequences',
      '8. Follow-up',
    ]) {
      expect(html).toContain(section);
    }
    expect(html).toMatch(/<tr data-key="max"><th>Maximum number of people<\/th><td>2<\/td>/);
    expect(html).toContain('Email addresses: 2');
    expect(html).not.toContain('Phone numbers');
    expect(html).toContain('Device revoked at once');
    expect(html).not.toContain('Carla');
    const report = await a.context.newPage();
    await report.setContent(html);
    await screenshot(report, 'breach-report');
    await report.close();

    await breaches.open();
    await breaches.row("Lost device: Anna's ThinkPad").waitFor();
    expect(await breaches.row("Lost device: Anna's ThinkPad").textContent()).toMatch(/h \d+ min left/);
    await screenshot(a.page, 'breach-register');

    // Back online, the lost device is refused and wipes its copy.
    await b.context.setOffline(false);
    await b.page.getByRole('alert').filter({ hasText: 'removed this device' }).waitFor({ timeout: 30_000 });
    allowProblems(b, /401|ERR_INTERNET_DISCONNECTED|Failed to fetch/);
  }, 300_000);

  it('records a mis-sent campaign list with the people picked by hand and writes their Art. 34 letter', async () => {
    const { page } = await withNewVault(await devices.open(), PASSPHRASE, [
      { givenName: 'Fleur', familyName: 'Visser', email: 'fleur@visser.example' },
    ]);

    const breaches = new BreachesPage(page);
    await breaches.open();
    await breaches.reportIncident('Campaign list mailed to a wrong address', ['Fleur Visser']);
    expect(await page.getByTestId('affected-count').textContent()).toBe('1 person selected for the letters');
    await page.getByRole('checkbox', { name: 'Email addresses' }).check();
    await breaches.chooseRisk('High risk');
    await breaches.decide('Inform the people affected (Art. 34)?', 'Yes');
    await breaches.field('Likely consequences for the people').fill('Unwanted email from the recipient.');
    await breaches.save();

    const download = await breaches.export(/^Letter to 1 person/);
    const html = await readFile((await download.path())!, 'utf8');
    expect(html).toContain('Dear Fleur Visser,');
    expect(html).toContain('Email addresses');
    expect(html).toContain('Unwanted email from the recipient.');
    await breaches.open();
    expect(await breaches.row('Campaign list mailed').textContent()).toMatch(/Reported incident.*1/);
  }, 120_000);
});
