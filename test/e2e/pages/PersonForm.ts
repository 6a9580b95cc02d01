// The person form, found by labels and roles as a screen-reader user would.
import type { Locator, Page } from 'playwright-core';

export interface PersonFields {
  readonly givenName?: string;
  readonly familyName?: string;
  readonly jobTitle?: string;
  readonly email?: string;
  readonly phone?: string;
  /** Picked from the organisation autocomplete by its name. */
  readonly organisation?: string;
  readonly tags?: readonly string[];
  readonly city?: string;
  readonly notes?: string;
}

export class PersonForm {
  constructor(readonly page: Page) {}

  field(name: string): Locator {
    return this.page.getByRole('textbox', { name, exact: true });
  }

  get email(): Locator {
    return this.field('Email');
  }

  async fill(fields: PersonFields): Promise<void> {
    if (fields.givenName !== undefined) await this.field('Given name').fill(fields.givenName);
    if (fields.familyName !== undefined) await this.field('Family name').fill(fields.familyName);
    if (fields.jobTitle !== undefined) await this.field('Job title').fill(fields.jobTitle);
    if (fields.email !== undefined) await this.email.fill(fields.email);
    if (fields.phone !== undefined) await this.field('Phone').fill(fields.phone);
    if (fields.city !== undefined) await this.field('City').fill(fields.city);
    if (fields.notes !== undefined) await this.field('Notes').fill(fields.notes);
    if (fields.organisation !== undefined) {
      await this.page.getByRole('combobox', { name: 'Organisation' }).fill(fields.organisation);
      await this.page.getByRole('option', { name: fields.organisation, exact: true }).click();
    }
    for (const tag of fields.tags ?? []) {
      await this.page.getByRole('combobox', { name: 'Tags' }).fill(tag);
      await this.page.getByRole('combobox', { name: 'Tags' }).press('Enter');
    }
  }

  /** Saves and waits until the list is back. */
  async save(): Promise<void> {
    await this.page.getByRole('button', { name: 'Save', exact: true }).click();
    await this.page.getByRole('searchbox').waitFor();
  }

  async saveExpectingErrors(): Promise<void> {
    await this.page.getByRole('button', { name: 'Save', exact: true }).click();
    await this.page
      .getByRole('alert')
      .filter({ hasText: /need.* attention/ })
      .waitFor();
  }

  /** The bar a form shows while it has unsaved changes. */
  get unsavedBar(): Locator {
    return this.page.getByRole('region', { name: 'Unsaved changes' });
  }

  /** The question asked when leaving a form with unsaved changes. */
  get leaveDialog(): Locator {
    return this.page.getByRole('dialog', { name: 'You have unsaved changes' });
  }

  /** Answers the leave question with `answer` and waits for the dialog to go. */
  async answerLeave(answer: 'Keep editing' | 'Discard changes' | 'Save'): Promise<void> {
    await this.leaveDialog.getByRole('button', { name: answer, exact: true }).click();
    await this.leaveDialog.waitFor({ state: 'detached' });
  }

  async delete(): Promise<void> {
    await this.page.getByRole('button', { name: 'Delete', exact: true }).click();
    const dialog = this.page.getByRole('dialog');
    await dialog.waitFor();
    await dialog.getByRole('button', { name: 'Delete permanently' }).click();
    await this.page.getByRole('searchbox').waitFor();
  }
}
