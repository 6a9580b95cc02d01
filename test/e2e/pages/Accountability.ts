// The Accountability section: processors and recipients, the record of processing, retention reviews.
import type { Locator } from 'playwright-core';
import { Screen } from './Screen';

export class AccountabilityPage extends Screen {
  async open(tab: string): Promise<void> {
    await this.navigate('Accountability');
    await this.page.getByRole('tab', { name: tab }).click();
  }

  /** Opens Processors and recipients and, there, the dialog for a new recipient, which it returns. */
  async addRecipient(): Promise<Locator> {
    await this.open('Processors and recipients');
    await this.page.getByRole('button', { name: 'Add a recipient' }).click();
    return this.page.getByRole('dialog');
  }
}
