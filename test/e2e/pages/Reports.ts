// The managers' reports: the filters, each report's table (its chart's text alternative) and the export.
import type { Locator } from 'playwright-core';
import { Screen } from './Screen';

export class ReportsPage extends Screen {
  async open(): Promise<void> {
    await this.navigate('Reports');
    await this.section('Pipeline by stage and owner').waitFor();
  }

  section(title: string): Locator {
    return this.page.getByRole('region', { name: title, exact: true });
  }

  table(title: string): Locator {
    return this.page.getByRole('table', { name: title, exact: true });
  }

  async filterOwner(owner: string): Promise<void> {
    await this.choose('Owner', owner);
  }

  /** A team by its name, or 'All teams'. */
  async filterTeam(team: string): Promise<void> {
    await this.choose('Team', team);
  }

  /** Every cell of a report's table as it reads on screen, heading row first. */
  async cells(title: string): Promise<string[][]> {
    return this.table(title)
      .getByRole('row')
      .evaluateAll((rows) =>
        rows.map((row) => [...row.querySelectorAll('th, td')].map((cell) => (cell.textContent ?? '').trim())),
      );
  }
}
