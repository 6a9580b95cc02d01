// The core promise, end to end: a person entered through the UI survives a reload, is found by search
// after unlocking, and nothing that identifies them is anywhere in the browser's storage.
import { describe, expect, it } from 'vitest';
import { AppNav } from './pages/AppNav';
import { OrganisationsPage } from './pages/OrganisationsPage';
import { PeoplePage } from './pages/PeoplePage';
import { PersonForm } from './pages/PersonForm';
import { VaultPage } from './pages/VaultPage';
import { useKluisHarness } from './support/harness';
import { readBrowserStorage } from './support/read-browser-storage';

const PASSPHRASE = 'lantaarn fiets kaasschaaf 42';
const PERSON = {
  givenName: 'Annelies',
  familyName: 'Verbeek-Testpersoon',
  jobTitle: 'Functionaris gegevensbescherming',
  email: 'annelies.verbeek@voorbeeld.nl',
  phone: '+31 6 4829 1735',
  organisation: 'Zorgvlied Testadvies B.V.',
};
/** Everything that identifies the person, as it could appear in storage. */
const SECRETS = [
  PERSON.givenName,
  PERSON.familyName,
  'Testpersoon',
  PERSON.email,
  'annelies.verbeek',
  PERSON.phone,
  '48291735',
  PERSON.jobTitle,
  PERSON.organisation,
  'Zorgvlied',
];

describe('vault and people', () => {
  const harness = useKluisHarness();

  it('keeps a person across a reload, finds them after unlocking, and stores nothing readable', async () => {
    const { page } = await harness.open();
    const vault = new VaultPage(page);
    const people = new PeoplePage(page);
    const form = new PersonForm(page);

    await vault.create(PASSPHRASE);
    await new OrganisationsPage(page).create({ name: PERSON.organisation, city: 'Utrecht' });
    await people.open();
    await people.newPerson();
    await form.fill(PERSON);
    await form.save();
    await people.row('Annelies Verbeek-Testpersoon').waitFor();

    await page.reload();
    await vault.submitPassphrase('this is not my passphrase');
    await vault.wrongPassphraseError.waitFor();
    expect(await vault.passphrase.evaluate((field) => field.matches(':focus'))).toBe(true);
    await vault.unlock(PASSPHRASE);

    const row = people.row('Annelies Verbeek-Testpersoon');
    await row.waitFor();
    expect(await row.textContent()).toContain(PERSON.organisation);
    // The list shows the whole name and phone number, not an ellipsis (no one has tags to make room for).
    const cutOff = await row.getByRole('gridcell').evaluateAll((cells) =>
      cells
        .flatMap((cell) => [...cell.querySelectorAll('*')])
        .filter((e) => e.children.length === 0 && e.scrollWidth > e.clientWidth)
        .map((e) => `${e.textContent} ${e.scrollWidth}/${e.clientWidth}`),
    );
    expect(cutOff).toEqual([]);
    await people.searchFor('verbeek@voorb');
    await row.waitFor();
    expect(await people.rows.count()).toBe(1);
    await people.searchFor('Anneli');
    await row.waitFor();
    await people.searchFor('Testpers');
    await row.waitFor();
    await people.searchFor('Jansen');
    await page.getByText('No one matches “Jansen”').waitFor();
    expect(await people.rows.count()).toBe(0);

    // Locking writes the encrypted directory snapshot, so it is part of what is read below.
    await new AppNav(page).lock();
    await vault.unlockHeading.waitFor();
    const stored = await readBrowserStorage(page);
    expect(stored.databases.length).toBeGreaterThan(0);
    expect(stored.unreadable).toBe(0);
    // Keyring, snapshot, 2 data keys, 2 records, plus RxDB's own bookkeeping.
    expect(stored.records).toBeGreaterThanOrEqual(8);
    expect(stored.lines.some((line) => line.includes('snapshot:directory'))).toBe(true);
    const everything = [...stored.lines, ...stored.localStorage].join('\n').toLowerCase();
    for (const secret of SECRETS)
      expect(everything, `"${secret}" is stored in the clear`).not.toContain(secret.toLowerCase());

    // The search typed before the lock goes with it: whoever unlocks next starts from the whole list.
    await vault.unlock(PASSPHRASE);
    await people.open();
    await row.waitFor();
    expect(await people.search.inputValue()).toBe('');
  });
});
