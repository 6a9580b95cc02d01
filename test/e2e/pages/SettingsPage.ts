// The settings page: auto-lock, passphrase, theme and language.
import type { Page } from 'playwright-core';

export class SettingsPage {
  constructor(readonly page: Page) {}

  async open(): Promise<void> {
    await this.page.getByRole('navigation').getByRole('link', { name: 'Settings' }).click();
    await this.page.getByRole('heading', { name: 'Settings', level: 1 }).waitFor();
  }

  /** `choice` as shown: "1 minute", "10 minutes", "Never". */
  async setAutoLock(choice: string): Promise<void> {
    await this.page.getByRole('combobox', { name: /Lock automatically after/ }).click();
    await this.page.getByRole('option', { name: choice, exact: true }).click();
  }
}
