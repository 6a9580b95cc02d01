// The people list: search box, result count, virtualised grid.
import type { Locator } from 'playwright-core';
import { Screen } from './Screen';

export class PeoplePage extends Screen {
  get search(): Locator {
    return this.page.getByRole('searchbox', { name: 'Search people' });
  }

  get grid(): Locator {
    return this.page.getByRole('grid', { name: 'People' });
  }

  /** Body rows only; the header row holds column headers, not cells. */
  get rows(): Locator {
    return this.grid.getByRole('row').filter({ has: this.page.getByRole('gridcell') });
  }

  row(name: string | RegExp): Locator {
    return this.rows.filter({ hasText: name });
  }

  get count(): Locator {
    return this.page.getByRole('status').filter({ hasText: /people|person/ });
  }

  async open(): Promise<void> {
    await this.navigate('People');
    await this.search.waitFor();
  }

  async newPerson(): Promise<void> {
    await this.startNew('New person');
  }

  async searchFor(text: string): Promise<void> {
    await this.search.fill(text);
  }

  async openPerson(name: string): Promise<void> {
    await this.row(name).click();
    await this.page.getByRole('heading', { name, level: 1 }).waitFor();
  }
}
