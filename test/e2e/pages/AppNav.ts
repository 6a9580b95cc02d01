// The left navigation of the unlocked app, with the language, theme and lock controls.
import type { Locator } from 'playwright-core';
import { Screen } from './Screen';

export class AppNav extends Screen {
  get navigation(): Locator {
    return this.page.getByRole('navigation');
  }

  async goTo(section: string): Promise<void> {
    await this.navigate(section);
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
