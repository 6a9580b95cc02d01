// Moving in from a spreadsheet: a Dutch-Excel CSV (semicolons) with a duplicate row is imported, the
// duplicate is merged, and the people are in the list — with their organisation — afterwards.
import { describe, expect, it } from 'vitest';
import { ImportPage } from './pages/ImportPage';
import { PeoplePage } from './pages/PeoplePage';
import { VaultPage } from './pages/VaultPage';
import { useKluisHarness } from './support/harness';

const PASSPHRASE = 'verhuisdozen inpakken 2026';
const CSV = [
  'Voornaam;Achternaam;E-mail;Telefoon;Bedrijf;Lievelingskleur',
  "Ruud;van 't Hof;ruud@hof.example;+31 20 555 0101;IJsselmeer Vis BV;blauw",
  'Zoë;de Vries;zoe@vries.example;;IJsselmeer Vis BV;',
  "R.;van 't Hof;RUUD@hof.example;;;",
  'Kees;Mossel;kees@mossel.example;06 1234 5678;;groen',
].join('\r\n');

describe('import', () => {
  const harness = useKluisHarness();

  it('imports a CSV, merges the duplicate and shows the people in the list', async () => {
    const { page } = await harness.open();
    await new VaultPage(page).create(PASSPHRASE);
    const wizard = new ImportPage(page);
    // The empty People list offers the import as a first step.
    const people = new PeoplePage(page);
    await people.open();
    await page.getByRole('link', { name: 'Import a file' }).click();
    await page.getByRole('heading', { name: 'Import', level: 1 }).waitFor();

    await wizard.chooseFile('klanten.csv', CSV);
    expect(await wizard.detected.textContent()).toContain('4 rows');
    await wizard.next();
    await wizard.preview.waitFor();
    expect(await wizard.preview.textContent()).toContain('Zoë');
    // A column Kluis has no field for says so, rather than showing an empty choice.
    expect(await page.getByRole('row', { name: /Lievelingskleur/ }).textContent()).toContain('Do not import');
    await wizard.next();

    await wizard.setPurpose('Opvolging klanten', 'Legitimate interests');
    await wizard.next();
    await wizard.analysis.waitFor();
    expect(await wizard.duplicateGroups.count()).toBe(1);
    const group = wizard.duplicateGroups.first();
    expect(await group.textContent()).toContain('same email');
    await wizard.resolve(group, 'Merge');
    await wizard.run();

    await wizard.report.waitFor();
    expect(await wizard.report.textContent()).toContain('3 people created, 1 merged, 0 skipped');
    expect(await page.getByText(/send them your privacy notice by \d{1,2} \w+ \d{4} /).count()).toBe(1);

    await wizard.showPeople();
    await people.row("Ruud van 't Hof").waitFor();
    expect(await people.rows.count()).toBe(3);
    expect(await people.row("Ruud van 't Hof").textContent()).toContain('IJsselmeer Vis BV');
    await people.row('Zoë de Vries').waitFor();
    await people.row('Kees Mossel').waitFor();
  });
});
