// Reports for managers (issue 19) in Chromium: deals of two owners — one made before the vault joined the
// server (its owner is the vault's local user), one after (the signed-in user) — the admin filters the
// reports by owner, saves the XLSX, and the workbook read back holds exactly the cells the screen shows
// and, on its last sheet, the filters used. Then the admin defines a team of one (themselves) in Settings
// and filters the reports and the organisations list by it: the local user's deal and organisation go.
import { describe, expect, it } from 'vitest';
import { readXlsx, DEFAULT_LIMITS } from '../../shared/import';
import { localDate } from '../../shared/tasks';
import { DealsPage } from './pages/Deals';
import { OrganisationsPage } from './pages/OrganisationsPage';
import { ReportsPage } from './pages/Reports';
import { SyncPages } from './pages/SyncPages';
import { TeamsSettings } from './pages/Teams';
import { VaultPage } from './pages/VaultPage';
import { screenshot } from './support/screenshot';
import { useSyncedDevices, waitUntilSynced } from './support/synced-devices';

const PASSPHRASE = 'vijf vlugge verkopers voorspellen';
const REPORTS = [
  'Pipeline by stage and owner',
  'Forecast by close month',
  'Won and lost, with reasons',
  'Win rate and sales cycle',
  'Activities per person per week',
  'Cases by status and age',
];

describe('reports', () => {
  const devices = useSyncedDevices();

  /** A new vault with one organisation and one deal closing today, connected to the server and synced. */
  const withADealOnTheServer = async () => {
    const { page } = await devices.open();
    await new VaultPage(page).create(PASSPHRASE);
    const organisations = new OrganisationsPage(page);
    await organisations.create({ name: 'Bakkerij Noorderlicht' });
    const deals = new DealsPage(page);
    const today = localDate(new Date());
    await deals.open();
    await deals.create({
      title: 'Ovens vervangen',
      organisation: 'Bakkerij Noorderlicht',
      value: '1000',
      expectedClose: today,
    });
    const sync = new SyncPages(page);
    await sync.connect(PASSPHRASE);
    await waitUntilSynced(sync, 30_000);
    return { page, deals, today, organisations };
  };

  it('filters by owner, and the saved workbook holds the cells the screen shows', async () => {
    const { page, deals, today } = await withADealOnTheServer();
    await deals.open();
    await deals.create({
      title: 'Onderhoudscontract',
      organisation: 'Bakkerij Noorderlicht',
      value: '250',
      expectedClose: today,
    });

    const reports = new ReportsPage(page);
    await reports.open();
    const pipeline = 'Pipeline by stage and owner';
    await reports.table(pipeline).getByRole('row').nth(2).waitFor();
    expect((await reports.cells(pipeline)).slice(1).map((row) => row.slice(1))).toEqual([
      ['Me', '1', '250'],
      ['User local', '1', '1,000'],
    ]);

    await reports.filterOwner('Me');
    await reports.table(pipeline).getByRole('row').nth(2).waitFor({ state: 'detached' });
    const screen = new Map<string, string[][]>();
    for (const title of REPORTS)
      if (await reports.table(title).count()) screen.set(title, await reports.cells(title));
    expect(screen.get(pipeline)!.slice(1)).toEqual([['Lead', 'Me', '1', '250']]);
    expect(screen.get('Forecast by close month')!.slice(1)).toEqual([[today.slice(0, 7), '1', '250', '25']]);
    await page.getByText('Deal created').waitFor({ state: 'hidden', timeout: 30_000 });
    await screenshot(page, 'reports');

    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Save as XLSX' }).click();
    const file = await download;
    const { readFile } = await import('node:fs/promises');
    const bytes = new Uint8Array(await readFile((await file.path())!));
    const number = new Intl.NumberFormat('en-GB', { maximumFractionDigits: 2 });
    const asShown = (cell: string) => (/^-?\d+(\.\d+)?$/.test(cell) ? number.format(Number(cell)) : cell);
    const workbook = readXlsx('reports.xlsx', bytes, DEFAULT_LIMITS);
    expect(workbook.sheetNames).toEqual([...REPORTS, 'Filters']);
    const filters = readXlsx('reports.xlsx', bytes, DEFAULT_LIMITS, 'Filters').records;
    expect(filters.flat().join(' ')).toMatch(/· Me · All teams · amounts in EUR/);
    for (const title of REPORTS) {
      const records = readXlsx('reports.xlsx', bytes, DEFAULT_LIMITS, title).records;
      const width = records[0]!.length;
      // An empty cell (a win rate with nothing closed) is left out of the sheet's row: pad it back.
      const sheet = records.map((row) =>
        [...row, ...Array<string>(width - row.length).fill('')].map(asShown),
      );
      // A report with nothing in the period shows a sentence instead of an empty table; its sheet has
      // its heading row only.
      expect(sheet, title).toEqual(screen.get(title) ?? sheet.slice(0, 1));
      if (!screen.has(title)) expect(sheet.length, title).toBe(1);
    }
  });

  it('defines a team in Settings and filters the reports and the organisations list by it', async () => {
    const { page, deals, today, organisations } = await withADealOnTheServer();
    await organisations.create({ name: 'Slagerij Zuid' });
    await deals.open();
    await deals.create({
      title: 'Koelcel',
      organisation: 'Slagerij Zuid',
      value: '250',
      expectedClose: today,
    });

    const teams = new TeamsSettings(page);
    await teams.open();
    await teams.create('Verkoop Noord', ['Me']);

    const reports = new ReportsPage(page);
    await reports.open();
    const pipeline = 'Pipeline by stage and owner';
    await reports.table(pipeline).getByRole('row').nth(2).waitFor();
    await reports.filterTeam('Verkoop Noord');
    await reports.table(pipeline).getByRole('row').nth(2).waitFor({ state: 'detached' });
    expect((await reports.cells(pipeline)).slice(1)).toEqual([['Lead', 'Me', '1', '250']]);
    await page.getByRole('status').filter({ hasText: 'Team Verkoop Noord' }).waitFor();

    await organisations.open();
    const grid = page.getByRole('grid', { name: 'Organisations' });
    await grid.getByText('Bakkerij Noorderlicht', { exact: true }).waitFor();
    await page.getByRole('combobox', { name: 'Owner' }).click();
    await page.getByRole('option', { name: 'Team Verkoop Noord', exact: true }).click();
    await grid.getByText('Bakkerij Noorderlicht', { exact: true }).waitFor({ state: 'detached' });
    await grid.getByText('Slagerij Zuid', { exact: true }).waitFor();
  });
});
