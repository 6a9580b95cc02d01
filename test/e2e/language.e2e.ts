// The UI speaks English and Dutch: it starts in the browser's language and switches at once.
import { describe, expect, it } from 'vitest';
import { AppNav } from './pages/AppNav';
import { VaultPage } from './pages/VaultPage';
import { useKluisHarness } from './support/harness';

describe('language', () => {
  const harness = useKluisHarness();

  it('switches the whole app to Dutch', async () => {
    const { page } = await harness.open({ locale: 'en-GB' });
    await new VaultPage(page).create('een twee drie vier vijf');
    await new AppNav(page).switchLanguage('Nederlands');

    const nav = page.getByRole('navigation', { name: 'Hoofdmenu' });
    for (const name of ['Personen', 'Organisaties', 'Instellingen']) {
      await nav.getByRole('link', { name }).waitFor();
    }
    await page.getByRole('heading', { name: 'Personen', level: 1 }).waitFor();
    await page.getByRole('searchbox', { name: 'Zoek personen' }).waitFor();
    await page.getByRole('button', { name: 'Vergrendelen' }).waitFor();
    await page.getByRole('link', { name: 'Nieuwe persoon' }).first().click();
    for (const name of ['Voornaam', 'Achternaam', 'Functie', 'E-mail', 'Telefoon']) {
      await page.getByRole('textbox', { name, exact: true }).waitFor();
    }
    await page.getByRole('combobox', { name: 'Hoe verkregen' }).waitFor();
    expect(
      await page.evaluate(
        () =>
          (globalThis as unknown as { document: { documentElement: { lang: string } } }).document
            .documentElement.lang,
      ),
    ).toBe('nl');
  });

  it('starts in Dutch when the browser prefers Dutch', async () => {
    const { page } = await harness.open({ locale: 'nl-NL' });
    await page.getByRole('heading', { name: 'Maak je kluis aan' }).waitFor();
    await page.getByRole('button', { name: 'Kluis aanmaken' }).waitFor();
    await page.getByText('kan je gegevens zonder je wachtwoordzin openen', { exact: false }).waitFor();
    // Someone who reads neither language well finds the switch first: it is the first Tab stop.
    await page.keyboard.press('Tab');
    const language = page.getByRole('button', { name: /^Taal:/ });
    expect(await language.evaluate((element) => element === element.ownerDocument.activeElement)).toBe(true);
  });
});
