// What the page models share: the page they drive and the moves a user makes on any screen of the app,
// found by roles and labels as a screen-reader user would.
import type { Locator, Page } from 'playwright-core';

export class Screen {
  constructor(readonly page: Page) {}

  /** Follows `section`'s link in the left navigation. */
  protected async navigate(section: string): Promise<void> {
    await this.page.getByRole('navigation').getByRole('link', { name: section }).click();
  }

  /** Follows the first "New …" link named `title` and waits for the form it opens, headed the same. */
  protected async startNew(title: string): Promise<void> {
    await this.page.getByRole('link', { name: title }).first().click();
    await this.page.getByRole('heading', { name: title }).waitFor();
  }

  /** Types `option` into the autocomplete `label` and picks the entry it offers. */
  protected async pick(label: string, option: string): Promise<void> {
    await this.page.getByRole('combobox', { name: label }).fill(option);
    await this.page.getByRole('option', { name: option }).click();
  }

  /** Opens the select `label` and chooses the option named exactly `option`. */
  protected async choose(label: string | RegExp, option: string): Promise<void> {
    await this.page.getByRole('combobox', { name: label }).click();
    await this.page.getByRole('option', { name: option, exact: true }).click();
  }

  /** Presses `button` and waits for the page of what it saved, headed `heading`. */
  protected async submit(button: string, heading: string): Promise<void> {
    // Exact: a changed form also shows its unsaved-changes bar, with a "Save changes" button.
    await this.page.getByRole('button', { name: button, exact: true }).click();
    await this.page.getByRole('heading', { name: heading }).waitFor();
  }
}

/** A register: a section of the navigation that lists its records as the rows of one named table. */
export class Register extends Screen {
  constructor(
    page: Page,
    private readonly section: string,
    private readonly table: string,
  ) {
    super(page);
  }

  async open(): Promise<void> {
    await this.navigate(this.section);
    await this.list.waitFor();
  }

  get list(): Locator {
    return this.page.getByRole('table', { name: this.table });
  }

  row(text: string): Locator {
    return this.list.getByRole('row').filter({ hasText: text });
  }
}
