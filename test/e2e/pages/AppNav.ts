// The left navigation of the unlocked app, with the language, theme and lock controls.
import type { Locator, Page } from 'playwright-core';

export class AppNav {
  constructor(readonly page: Page) {}

  get navigation(): Locator {
    return this.page.getByRole('navigation');
  }

  async goTo(section: string): Promise<void> {
    await this.navigation.getByRole('link', { name: section }).click();
  }

  async lock(): Promise<void> {
    await this.page.getByRole('button', { name: 'Lock' }).click();
  }

  /** `language` as named in itself: "English" or "Nederlands". */
  async switchLanguage(language: string): Promise<void> {
    await this.page.getByRole('button', { name: /^(Language|Taal):/ }).click();
    await this.page.getByRole('menuitem', { name: language }).click();
  }
}
