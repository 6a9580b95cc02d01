// The service cases list and a case's page.
import type { Locator, Page } from 'playwright-core';

export class CasesPage {
  constructor(readonly page: Page) {}

  async open(): Promise<void> {
    await this.page.getByRole('navigation').getByRole('link', { name: 'Cases' }).click();
    await this.list.waitFor();
  }

  get list(): Locator {
    return this.page.getByRole('table', { name: 'Service cases' });
  }

  row(subject: string): Locator {
    return this.list.getByRole('row').filter({ hasText: subject });
  }

  async create(fields: { subject: string; organisation: string; priority?: string }): Promise<void> {
    await this.page.getByRole('link', { name: 'New case' }).first().click();
    await this.page.getByRole('heading', { name: 'New case' }).waitFor();
    await this.page.getByRole('textbox', { name: 'Subject' }).fill(fields.subject);
    await this.page.getByRole('combobox', { name: 'Organisation' }).fill(fields.organisation);
    await this.page.getByRole('option', { name: fields.organisation }).click();
    if (fields.priority) {
      await this.page.getByRole('combobox', { name: 'Priority' }).click();
      await this.page.getByRole('option', { name: fields.priority, exact: true }).click();
    }
    await this.page.getByRole('button', { name: 'Save' }).click();
    await this.page.getByRole('heading', { name: fields.subject }).waitFor();
  }

  get timeline(): Locator {
    return this.page.getByRole('list', { name: 'Timeline' });
  }

  async addEntry(kind: 'Reply' | 'Internal note', body: string): Promise<void> {
    await this.page.getByRole('button', { name: kind, exact: true }).click();
    await this.page.getByRole('textbox', { name: 'Message' }).fill(body);
    await this.page.getByRole('button', { name: 'Add', exact: true }).click();
    await this.timeline.getByText(body).waitFor();
  }
}
